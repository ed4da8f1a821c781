"""Mobile: at 360×640 no page scrolls sideways, and the main navigation's tap targets are at least 24×24 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

MIN_TARGET = 24


@pytest.fixture
def phone(browser: Browser):
    context = browser.new_context(
        viewport={"width": 360, "height": 640}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="id-ID"
    )
    yield context.new_page()
    context.close()


def test_page_does_not_scroll_horizontally(phone: Page, base_url: str, page_path: str) -> None:
    phone.goto(base_url + page_path, wait_until="load")
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"{page_path} is {width}px wide at a 360px viewport"
    wide = phone.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                     && !e.closest('.md-typeset__scrollwrap, pre, code, .md-typeset__table'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
    assert wide == [], f"{page_path}: elements stick out of the viewport: {wide}"


def test_main_navigation_tap_targets_are_large_enough(phone: Page, base_url: str, page_path: str) -> None:
    phone.goto(base_url + page_path, wait_until="load")
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.wait_for_timeout(300)  # the drawer slides in
    small = phone.evaluate(f"""() => [...document.querySelectorAll(
            '.md-header__button, .md-nav--primary .md-nav__link, .md-nav--primary .md-nav__button')]
        .filter(e => {{ const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
                        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' &&
                               r.right > 0 && r.left < window.innerWidth; }})
        .map(e => {{ const r = e.getBoundingClientRect();
                     return [e.textContent.trim().slice(0, 30) || e.getAttribute('aria-label') || e.className,
                             Math.round(r.width), Math.round(r.height)]; }})
        .filter(([, w, h]) => w < {MIN_TARGET} || h < {MIN_TARGET})""")
    assert small == [], f"{page_path}: navigation targets smaller than {MIN_TARGET}×{MIN_TARGET}px: {small}"
