"""The four reader doors on the home page are on the first screen, on a 360×640 phone and on a desktop, and
`/kurikulum/` lists each module once (issue #18)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

DOORS = {"Orang tua": "/orang-tua/", "Guru": "/guru/", "Komunitas": "/komunitas/", "Remaja": "/remaja/"}
SCREENS = {"phone": {"width": 360, "height": 640}, "desktop": {"width": 1280, "height": 720}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
def test_all_four_doors_are_within_the_first_screen(browser: Browser, base_url: str, screen: str, scheme: str) -> None:
    context = browser.new_context(
        viewport=SCREENS[screen], color_scheme=scheme, locale="id-ID", service_workers="block"
    )
    page = context.new_page()
    page.goto(base_url + "/")
    assert page.evaluate("window.scrollY") == 0
    doors = page.locator("nav.sso-doors a")
    assert doors.count() == 4
    viewport = SCREENS[screen]
    for index in range(4):
        door = doors.nth(index)
        label = door.locator("strong").inner_text().strip()
        assert door.evaluate("a => a.href") == base_url + DOORS[label], label
        box = door.bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24, (label, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (screen, label, box)
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (screen, label, box)
        # Not covered by the header or anything else: the element at the door's centre is the door (or inside it).
        inside = door.evaluate(
            "a => { const r = a.getBoundingClientRect();"
            " const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return a.contains(hit); }"
        )
        assert inside, f"{screen}: the {label} door is covered"
    assert [doors.nth(i).locator("strong").inner_text().strip() for i in range(4)] == list(DOORS)
    # The doors come before the rest of the content.
    first_heading_after = page.locator("article h2").first.bounding_box()
    assert first_heading_after is None or first_heading_after["y"] > doors.nth(3).bounding_box()["y"]
    context.close()


def test_phone_doors_open_their_section(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=SCREENS["phone"], locale="id-ID", service_workers="block")
    page = context.new_page()
    page.goto(base_url + "/")
    page.locator("nav.sso-doors a", has_text="Orang tua").click()
    page.wait_for_url("**/orang-tua/")
    context.close()


def test_curriculum_index_lists_each_module_once_and_is_short_on_a_phone(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=SCREENS["phone"], locale="id-ID", service_workers="block")
    page = context.new_page()
    page.goto(base_url + "/kurikulum/")
    hrefs = page.locator("article.sso-card h3 a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs and len(hrefs) == len(set(hrefs))
    text = page.locator("article.md-content__inner").inner_text()
    assert "Pelajar SMP" in text and not re.search(r"\b(smp|sma)\b", text), re.findall(r".{20}\b(?:smp|sma)\b", text)
    context.close()
