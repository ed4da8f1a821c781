"""Quick exit in Chromium: button, skip link first in focus order, Shift×3, reset by other keys; inside a quick-exit
section every move to another page of the site replaces the history entry, so after the exit Back shows no page of
a section; the exit sends no Referer; a working link with JavaScript off; no console message or CSP violation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from sitebuild import ROOT
from sitepages import html_pages

SETTINGS = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)["extra"]["quick_exit"]
EXIT_URL = SETTINGS["url"]
SECTIONS: list[str] = SETTINGS["sections"]
YOUTH_PAGE = "/remaja/"
NEUTRAL = "<!doctype html><title>Cuaca</title><p>Prakiraan cuaca</p>"
SCREENS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 360, "height": 640},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}
# Reports every Content-Security-Policy violation to the test (the init script itself is not subject to the CSP).
VIOLATION_REPORTER = """document.addEventListener("securitypolicyviolation", (event) => {
  const blocked = event.blockedURI || "inline";
  window.ssoReportViolation(`${event.violatedDirective} blocked ${blocked} on ${event.documentURI}`);
});"""


@dataclass
class Tab:
    """A page in its own browser context, with what the test watches: requests to the exit, and problems."""

    page: Page
    exit_requests: list[dict[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _neutral_site(context: BrowserContext, requests: list[dict[str, str]] | None = None) -> None:
    """Stand in for the neutral site (there is no network here): answer its address with a local page, recording
    the headers of each request to it in `requests`."""

    def answer(route: Route) -> None:
        if requests is not None:
            requests.append(route.request.all_headers())
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL)

    context.route(EXIT_URL + "**", answer)


def _watch(context: BrowserContext, problems: list[str]) -> None:
    """Record every console message, uncaught error and CSP violation of the context's pages (new tabs too) in
    `problems`."""
    context.expose_function("ssoReportViolation", lambda text: problems.append(f"CSP violation: {text}"))
    context.add_init_script(VIOLATION_REPORTER)
    context.on("console", lambda message: problems.append(f"console {message.type}: {message.text}"))
    context.on("weberror", lambda error: problems.append(f"page error: {error.error}"))


@pytest.fixture
def open_tab(browser: Browser) -> Iterator[Callable[..., Tab]]:
    """Open watched tabs (`screen`: desktop or phone); on teardown, fail if any logged a message or violation."""
    opened: list[tuple[BrowserContext, Tab]] = []

    def open_(screen: str = "desktop", *, javascript: bool = True) -> Tab:
        context = browser.new_context(locale="id-ID", java_script_enabled=javascript, **SCREENS[screen])
        context.set_default_timeout(10_000)
        exit_requests: list[dict[str, str]] = []
        problems: list[str] = []
        _neutral_site(context, exit_requests)
        if javascript:
            _watch(context, problems)
        tab = Tab(context.new_page(), exit_requests, problems)
        opened.append((context, tab))
        return tab

    yield open_
    for context, _ in opened:
        context.close()
    problems = [problem for _, tab in opened for problem in tab.problems]
    assert problems == [], f"console messages or CSP violations: {problems}"


@pytest.fixture
def exit_page(open_tab: Callable[..., Tab]) -> Page:
    return open_tab().page


def _open_youth_page_after_home(page: Page, base_url: str) -> None:
    page.goto(base_url + "/", wait_until="load")
    page.goto(base_url + YOUTH_PAGE, wait_until="load")
    expect(page.locator(".sso-exit__button")).to_be_visible()


def _in_a_section(url: str, base_url: str) -> bool:
    """Whether `url` is a page of a quick-exit section of the site served at `base_url`."""
    if not url.startswith(base_url + "/"):
        return False
    return any(url[len(base_url) + 1 :].startswith(section) for section in SECTIONS)


def _history_length(page: Page) -> int:
    return page.evaluate("history.length")


def _follow(page: Page, selector: str, base_url: str, path: str) -> None:
    """Click the first link matching `selector` in the page's content and wait until `path` has loaded."""
    page.locator(f".md-content {selector}").first.click()
    page.wait_for_url(base_url + path)


def _press_exit_button(page: Page) -> None:
    page.locator(".sso-exit__button").click()


def _press_shift_three_times(page: Page) -> None:
    for _ in range(3):
        page.keyboard.press("Shift")


def _tab_to_skip_link_and_enter(page: Page) -> None:
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('sso-exit__skip')"), "Tab missed the skip link"
    page.keyboard.press("Enter")


EXITS: dict[str, Callable[[Page], None]] = {
    "button": _press_exit_button,
    "shift-3x": _press_shift_three_times,
    "skip-link": _tab_to_skip_link_and_enter,
}


def _walk_back(page: Page) -> list[str]:
    """Press Back until it does nothing more; the URLs it showed, newest first."""
    shown: list[str] = []
    for _ in range(_history_length(page)):
        before = page.url
        page.go_back(wait_until="load")
        if page.url == before:
            break
        shown.append(page.url)
    return shown


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
        "() => [document.activeElement.classList.contains('sso-exit__skip'), document.activeElement.href]"
    )
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


@pytest.mark.parametrize("way", EXITS)
@pytest.mark.parametrize("screen", SCREENS)
def test_after_the_exit_back_shows_no_page_of_a_quick_exit_section(
    open_tab: Callable[..., Tab], base_url: str, screen: str, way: str
) -> None:
    """Home, then three pages of the sections reached by their own links, then the exit: Back goes home."""
    page = open_tab(screen).page
    page.goto(base_url + "/", wait_until="load")
    _follow(page, "a[href='remaja/']", base_url, "/remaja/")
    entries = _history_length(page)
    _follow(page, "a[href='tanda-grooming/']", base_url, "/remaja/tanda-grooming/")
    _follow(page, "a[href$='kurikulum/remaja/grooming/']", base_url, "/kurikulum/remaja/grooming/")
    added = _history_length(page) - entries
    EXITS[way](page)
    page.wait_for_url(EXIT_URL + "**")
    shown = _walk_back(page)
    assert shown and shown[0] == base_url + "/", f"Back after the exit showed {shown[:1]}, expected the home page"
    assert [url for url in shown if _in_a_section(url, base_url)] == [], f"Back reached section pages: {shown}"
    assert added == 0, f"moving inside the section added {added} history entries"


def _search_result(page: Page) -> None:
    page.locator("[data-sso-search-open]").click()
    page.locator("#sso-search-input").press_sequentially("Grooming", delay=20)
    page.locator("#sso-search-results a").first.click()


# Each way to move from a section page (/remaja/) to another address of the site.
MOVES: dict[str, Callable[[Page], None]] = {
    "same-page anchor": lambda page: page.locator(".md-content a.headerlink").nth(1).click(),
    "table of contents": lambda page: page.locator(".md-sidebar--secondary a.md-nav__link").nth(1).click(),
    "navigation": lambda page: page.locator(".md-sidebar--primary a.md-nav__link[href='bukan-salahmu/']").click(),
    "link out of the section": lambda page: page.locator(".md-content a[href^='../glosarium/']").first.click(),
    "footer": lambda page: page.locator("a.md-footer__link--next").click(),
    "Enter on a focused link": lambda page: page.locator(".md-content a[href='bukan-salahmu/']").press("Enter"),
    "search result": _search_result,
    "Material's n shortcut": lambda page: page.keyboard.press("n"),
}


@pytest.mark.parametrize("move", MOVES)
def test_a_move_to_another_page_of_the_site_replaces_the_history_entry(
    open_tab: Callable[..., Tab], base_url: str, move: str
) -> None:
    page = open_tab().page
    _open_youth_page_after_home(page, base_url)
    page.wait_for_load_state("networkidle")  # the search index
    entries = _history_length(page)
    MOVES[move](page)
    page.wait_for_url(lambda url: url != base_url + YOUTH_PAGE)
    page.wait_for_load_state("load")
    assert page.url.startswith(base_url + "/")
    assert _history_length(page) == entries, f"{move}: a new history entry for {page.url}"


# Clicks the browser handles itself (new tab or window, download, another site): the page must not take them over.
LEFT_TO_THE_BROWSER: dict[str, tuple[str, dict[str, Any]]] = {
    "ctrl": (".md-content a[href='tanda-grooming/']", {"modifiers": ["Control"]}),
    "meta": (".md-content a[href='tanda-grooming/']", {"modifiers": ["Meta"]}),
    "shift": (".md-content a[href='tanda-grooming/']", {"modifiers": ["Shift"]}),
    "alt": (".md-content a[href='tanda-grooming/']", {"modifiers": ["Alt"]}),
    "target _blank": (".md-content a.sso-test-blank", {}),
    "download": (".md-content a.sso-test-download", {}),
    "another site": (".md-content a[href^='https://']", {}),
}
MARK_TEST_LINKS = """() => {
  const blank = document.querySelector(".md-content a[href='bukan-salahmu/']");
  blank.classList.add("sso-test-blank"); blank.target = "_blank";
  const download = document.querySelector(".md-content a[href='membantu-teman/']");
  download.classList.add("sso-test-download"); download.setAttribute("download", "");
}"""
# Records whether the page prevented the click, then stops the browser from acting on it (no tab, no download).
RECORD_CLICKS = """() => {
  window.ssoClicks = [];
  window.addEventListener("click", (event) => {
    window.ssoClicks.push(event.defaultPrevented);
    event.preventDefault();
  });
}"""


@pytest.mark.parametrize("click", LEFT_TO_THE_BROWSER)
def test_a_click_the_browser_should_handle_is_not_taken_over(
    open_tab: Callable[..., Tab], base_url: str, click: str
) -> None:
    page = open_tab().page
    _open_youth_page_after_home(page, base_url)
    page.evaluate(MARK_TEST_LINKS)
    page.evaluate(RECORD_CLICKS)
    selector, options = LEFT_TO_THE_BROWSER[click]
    link = page.locator(selector).first
    href = link.get_attribute("href")
    link.click(**options)
    assert page.evaluate("window.ssoClicks") == [False], f"{click}: the page took the click over"
    assert link.get_attribute("href") == href
    assert page.url == base_url + YOUTH_PAGE


def test_a_plain_click_on_a_site_link_is_taken_over(open_tab: Callable[..., Tab], base_url: str) -> None:
    """The counterpart of the test above: with the browser's own action stopped by the recording, a plain click
    still leaves, so the page took it over."""
    page = open_tab().page
    _open_youth_page_after_home(page, base_url)
    page.evaluate(RECORD_CLICKS)
    page.locator(".md-content a[href='tanda-grooming/']").first.click()
    page.wait_for_url(base_url + "/remaja/tanda-grooming/")


def test_ctrl_click_opens_the_real_address_in_a_new_tab(open_tab: Callable[..., Tab], base_url: str) -> None:
    page = open_tab().page
    _open_youth_page_after_home(page, base_url)
    entries = _history_length(page)
    link = page.locator(".md-content a[href='tanda-grooming/']").first
    with page.context.expect_page() as new_tab:
        link.click(modifiers=["Control"])
    new_tab.value.wait_for_load_state("load")
    assert new_tab.value.url == base_url + "/remaja/tanda-grooming/"
    assert link.get_attribute("href") == "tanda-grooming/"
    assert page.url == base_url + YOUTH_PAGE and _history_length(page) == entries


def _no_referer(tab: Tab) -> None:
    assert tab.exit_requests, "the exit was never requested"
    sent = [headers["referer"] for headers in tab.exit_requests if "referer" in headers]
    assert sent == [], f"the exit sent a Referer: {sent}"


@pytest.mark.parametrize("way", EXITS)
def test_the_exit_sends_no_referer(open_tab: Callable[..., Tab], base_url: str, way: str) -> None:
    tab = open_tab()
    _open_youth_page_after_home(tab.page, base_url)
    EXITS[way](tab.page)
    tab.page.wait_for_url(EXIT_URL + "**")
    _no_referer(tab)


@pytest.mark.parametrize("way", ["button", "skip-link"])
def test_the_exit_sends_no_referer_without_javascript(open_tab: Callable[..., Tab], base_url: str, way: str) -> None:
    tab = open_tab(javascript=False)
    tab.page.goto(base_url + YOUTH_PAGE, wait_until="load")
    EXITS[way](tab.page)
    tab.page.wait_for_url(EXIT_URL + "**")
    _no_referer(tab)


def test_the_referer_check_sees_a_referer_when_one_is_sent(open_tab: Callable[..., Tab]) -> None:
    """The recording above is not blind: a page without a referrer policy of its own does send one."""
    tab = open_tab()
    other = "https://referer-check.example/"
    tab.page.route(
        other,
        lambda route: route.fulfill(
            status=200, content_type="text/html", body=f'<!doctype html><title>t</title><a href="{EXIT_URL}">x</a>'
        ),
    )
    tab.page.goto(other, wait_until="load")
    tab.page.locator("a").click()
    tab.page.wait_for_url(EXIT_URL + "**")
    assert tab.exit_requests[0].get("referer") == other


def test_exit_works_without_javascript(open_tab: Callable[..., Tab], base_url: str) -> None:
    page = open_tab(javascript=False).page
    page.goto(base_url + YOUTH_PAGE, wait_until="load")
    page.locator(".sso-exit__button").click()
    page.wait_for_url(EXIT_URL + "**")


def test_section_pages_run_under_the_csp_without_console_messages(open_tab: Callable[..., Tab], base_url: str) -> None:
    """Open a page of each section, search, switch the colour scheme and leave; nothing is logged or blocked
    (the fixture checks every test the same way; this test makes the check its subject)."""
    tab = open_tab()
    tab.page.goto(base_url + "/", wait_until="networkidle")
    for section in SECTIONS:
        tab.page.goto(f"{base_url}/{section}", wait_until="networkidle")
        expect(tab.page.locator(".sso-exit__button")).to_be_visible()
    tab.page.locator("form[data-md-component=palette] label:not([hidden])").click()
    _search_result(tab.page)
    tab.page.wait_for_load_state("networkidle")
    _press_shift_three_times(tab.page)
    tab.page.wait_for_url(EXIT_URL + "**")
    assert tab.problems == []


def test_the_csp_watch_sees_a_blocked_inline_script(open_tab: Callable[..., Tab], base_url: str) -> None:
    """The watch above is not blind: an inline script added to a page is blocked by the CSP, and both the event and
    the console message are recorded."""
    tab = open_tab()
    tab.page.goto(base_url + YOUTH_PAGE, wait_until="load")
    tab.page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "document.title = 'ran'";
      document.body.append(script);
    }""")
    expect(tab.page.locator("body")).to_be_attached()
    tab.page.wait_for_timeout(300)
    assert any(problem.startswith("CSP violation: script-src") for problem in tab.problems), tab.problems
    assert any(problem.startswith("console error:") for problem in tab.problems), tab.problems
    assert tab.page.title() != "ran"
    tab.problems.clear()  # expected here; the fixture would report it


def test_the_browser_keeps_only_what_the_help_page_lists(open_tab: Callable[..., Tab], base_url: str) -> None:
    """Visit, switch the colour scheme, tick the participant view, search: every key the site leaves in the
    browser's storage is one that /bantuan/aman-membaca/ names, and that page names them all."""
    page = open_tab().page
    for path in ("/", YOUTH_PAGE, "/kurikulum/remaja/mengenal-esa-online/"):
        page.goto(base_url + path, wait_until="networkidle")
    page.locator("label[for=sso-participant-view]").click()
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    _search_result(page)
    page.wait_for_load_state("networkidle")
    scope = urlsplit(base_url).path + "/"  # Material prefixes its keys with the site's path
    assert sorted(page.evaluate("Object.keys(localStorage)")) == sorted([scope + ".__palette", "sso-participant-view"])
    assert page.evaluate("Object.keys(sessionStorage)") == []
    help_page = (ROOT / "docs/bantuan/aman-membaca.md").read_text("utf-8")
    assert "`.__palette`" in help_page and "`sso-participant-view`" in help_page


def test_exit_is_on_exactly_the_pages_of_the_listed_sections(built_site: Path) -> None:
    for path in html_pages(built_site):
        file = built_site / path.lstrip("/") / ("index.html" if path.endswith("/") else "")
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        expected = any(path.lstrip("/").startswith(section) for section in SECTIONS)
        has_exit = soup.select_one("body > .sso-exit") is not None
        assert has_exit == expected, f"{path}: quick exit {'missing' if expected else 'not expected'}"
        if has_exit:
            first_link = soup.body.find(["a", "button", "input"], href=True) or soup.body.find("a")
            assert "sso-exit__skip" in first_link.get("class", []), f"{path}: the exit is not first"


@pytest.mark.parametrize("way", ["button", "shift-3x"])
def test_the_exit_removes_what_the_site_kept_in_storage(open_tab: Callable[..., Tab], base_url: str, way: str) -> None:
    """After the exit, neither the colour-scheme key nor the participant-view choice is left for the origin,
    while a key of another site on the same origin (GitHub Pages serves many projects from one) stays."""
    tab = open_tab()
    page = tab.page
    page.goto(base_url + "/kurikulum/remaja/mengenal-esa-online/", wait_until="networkidle")
    page.evaluate("localStorage.setItem('/another-project/.__palette', 'x')")
    page.locator("label[for=sso-participant-view]").click()
    assert len(page.evaluate("Object.keys(localStorage)")) == 3
    EXITS[way](page)
    page.wait_for_url(EXIT_URL + "**")
    probe = base_url + "/__storage-probe"  # a blank page of the same origin, which runs no site script
    page.context.route(
        probe, lambda route: route.fulfill(status=200, content_type="text/html", body="<title>p</title>")
    )
    page.goto(probe)
    assert page.evaluate("Object.keys(localStorage)") == ["/another-project/.__palette"]
    assert page.evaluate("Object.keys(sessionStorage)") == []
