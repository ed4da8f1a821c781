"""Accessibility: axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules report no violation on any page, on a desktop
screen and on a phone, in the light and the dark colour scheme; wide tables scroll only in focusable, named regions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE = Axe()

# Only colours change with the scheme: the dark pass runs the colour rules, the light pass runs them all.
SCHEME_RULES = {
    "light": {"type": "tag", "values": WCAG_TAGS},
    "dark": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}

# Layout changes with the width (sideways scrolling, stacked tables, the drawer), so both passes run on both screens.
# The phone is a touch phone, as in test_mobile.py: no hover, so Material leaves a wide code block unfocusable there.
SCREENS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 360, "height": 640},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}

# The content's boxes that scroll sideways now: overflow-x auto or scroll, and content wider than the box.
SIDEWAYS_SCROLLERS = """() => [...document.querySelectorAll('.md-content *')]
    .filter(e => /auto|scroll/.test(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
    .map(e => [e.tagName.toLowerCase() + '.' + e.className, e.getAttribute('tabindex'), e.getAttribute('role'),
               e.getAttribute('aria-label')])"""


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A fresh tab sized as a desktop screen or as a phone."""
    context = browser.new_context(locale="id-ID", service_workers="block", **SCREENS[request.param])
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def violations(page: Page, scheme: str) -> list[str]:
    """One text block per failing element: the axe rule, its impact and help, the element's selector and HTML."""
    results = AXE.run(page, options={"runOnly": SCHEME_RULES[scheme], "resultTypes": ["violations"]})
    found = []
    for rule in results.response["violations"]:
        for node in rule["nodes"]:
            found.append(
                f"{rule['id']} ({rule['impact']}): {rule['help']}\n"
                f"    element: {' '.join(map(str, node['target']))}\n    html: {node['html'][:200]}"
            )
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_has_no_wcag_violations(screen: Page, base_url: str, page_path: str, scheme: str) -> None:
    screen.emulate_media(color_scheme=scheme)
    screen.goto(base_url + page_path, wait_until="load")
    found = violations(screen, scheme)
    size = screen.viewport_size
    assert not found, (
        f"{page_path} ({scheme} scheme, {size['width']}×{size['height']}) has {len(found)} axe "
        "violation(s):\n" + "\n".join(found)
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_wide_table_scrolls_only_in_its_focusable_named_region(
    browser: Browser, base_url: str, javascript: bool
) -> None:
    """With or without Material's script (which adds its own table wrapper), a table wider than the phone scrolls in
    the build's `.sso-scroll` region alone (WCAG 2.1.1), never in the table or an unfocusable wrapper."""
    context = browser.new_context(java_script_enabled=javascript, **SCREENS["phone"])
    page = context.new_page()
    page.goto(base_url + "/kurikulum/remaja/grooming/", wait_until="load")
    label = page.evaluate("""() => { const region = document.querySelector('.sso-scroll');
        region.querySelector('td').append('x'.repeat(300));  // wider than any phone, whatever the content says
        return region.getAttribute('aria-label'); }""")
    scrollers = page.evaluate(SIDEWAYS_SCROLLERS)
    context.close()
    assert label.startswith("Tabel: ")
    assert ["div.sso-scroll", "0", "region", label] in scrollers
    assert all(found[0] == "div.sso-scroll" and found[1:3] == ["0", "region"] for found in scrollers), scrollers
