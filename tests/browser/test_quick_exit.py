"""Quick exit in Chromium: button, skip link first in focus order, Shift×3, reset by other keys, no way Back,
and a working link with JavaScript off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from sitebuild import ROOT
from sitepages import html_pages

SETTINGS = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)["extra"]["quick_exit"]
EXIT_URL = SETTINGS["url"]
YOUTH_PAGE = "/remaja/"
NEUTRAL = "<!doctype html><title>Cuaca</title><p>Prakiraan cuaca</p>"


def _neutral_site(context: BrowserContext) -> None:
    """Stand in for the neutral site (there is no network here): answer its address with a local page."""
    context.route(EXIT_URL + "**", lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL))


@pytest.fixture
def exit_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="id-ID")
    context.set_default_timeout(10_000)
    _neutral_site(context)
    yield context.new_page()
    context.close()


def _open_youth_page_after_home(page: Page, base_url: str) -> None:
    page.goto(base_url + "/", wait_until="load")
    page.goto(base_url + YOUTH_PAGE, wait_until="load")
    expect(page.locator(".sso-exit__button")).to_be_visible()


def test_button_leaves_and_back_does_not_return(exit_page: Page, base_url: str) -> None:
    _open_youth_page_after_home(exit_page, base_url)
    exit_page.locator(".sso-exit__button").click()
    exit_page.wait_for_url(EXIT_URL + "**")
    expect(exit_page.locator("p")).to_have_text("Prakiraan cuaca")
    exit_page.go_back(wait_until="load")
    assert exit_page.url.rstrip("/") == base_url, f"Back went to {exit_page.url}, expected the page before"


def test_first_tab_reaches_a_skip_link_to_the_exit(exit_page: Page, base_url: str) -> None:
    exit_page.goto(base_url + YOUTH_PAGE, wait_until="load")
    exit_page.keyboard.press("Tab")
    focused = exit_page.evaluate(
        "() => [document.activeElement.classList.contains('sso-exit__skip'), document.activeElement.href]")
    assert focused == [True, EXIT_URL]
    exit_page.keyboard.press("Enter")
    exit_page.wait_for_url(EXIT_URL + "**")


def test_shift_three_times_leaves(exit_page: Page, base_url: str) -> None:
    _open_youth_page_after_home(exit_page, base_url)
    status = exit_page.locator(".sso-exit__status")
    exit_page.keyboard.press("Shift")
    expect(status).to_have_text("Shift ditekan 1 kali. Tekan 2 kali lagi untuk keluar cepat.")
    exit_page.keyboard.press("Shift")
    expect(status).to_contain_text("Shift ditekan 2 kali")
    exit_page.keyboard.press("Shift")
    exit_page.wait_for_url(EXIT_URL + "**")
    exit_page.go_back(wait_until="load")
    assert exit_page.url.rstrip("/") == base_url


def test_another_key_in_between_resets_the_count(exit_page: Page, base_url: str) -> None:
    _open_youth_page_after_home(exit_page, base_url)
    exit_page.keyboard.press("Shift")
    exit_page.keyboard.press("Shift")
    exit_page.keyboard.press("a")
    expect(exit_page.locator(".sso-exit__status")).to_have_text("Hitungan tombol Shift diulang dari awal.")
    exit_page.keyboard.press("Shift")
    exit_page.wait_for_timeout(500)
    assert exit_page.url == base_url + YOUTH_PAGE
    expect(exit_page.locator(".sso-exit__status")).to_contain_text("Shift ditekan 1 kali")


def test_exit_works_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    _neutral_site(context)
    page = context.new_page()
    page.goto(base_url + YOUTH_PAGE, wait_until="load")
    page.locator(".sso-exit__button").click()
    page.wait_for_url(EXIT_URL + "**")
    context.close()


def test_exit_is_on_exactly_the_youth_lesson_and_help_pages(built_site: Path) -> None:
    sections = SETTINGS["sections"]
    for path in html_pages(built_site):
        file = built_site / path.lstrip("/") / ("index.html" if path.endswith("/") else "")
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        expected = any(path.lstrip("/").startswith(section) for section in sections)
        has_exit = soup.select_one("body > .sso-exit") is not None
        assert has_exit == expected, f"{path}: quick exit {'missing' if expected else 'not expected'}"
        if has_exit:
            first_link = soup.body.find(["a", "button", "input"], href=True) or soup.body.find("a")
            assert "sso-exit__skip" in first_link.get("class", []), f"{path}: the exit is not first"
