"""Accessibility: axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules report no violation on any page."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE = Axe()


# Only colours change with the scheme: the dark pass runs the colour rules, the light pass runs them all.
SCHEME_RULES = {"light": {"type": "tag", "values": WCAG_TAGS},
                "dark": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}


def violations(page: Page, scheme: str) -> list[str]:
    results = AXE.run(page, options={"runOnly": SCHEME_RULES[scheme], "resultTypes": ["violations"]})
    found = []
    for rule in results.response["violations"]:
        for node in rule["nodes"]:
            found.append(f"{rule['id']} ({rule['impact']}): {rule['help']}\n"
                         f"    element: {' '.join(map(str, node['target']))}\n    html: {node['html'][:200]}")
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_has_no_wcag_violations(page: Page, base_url: str, page_path: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + page_path, wait_until="load")
    found = violations(page, scheme)
    assert not found, f"{page_path} ({scheme} scheme) has {len(found)} axe violation(s):\n" + "\n".join(found)
