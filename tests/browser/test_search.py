"""Search in Chromium: Pagefind, in the header's dialog, under the site's subpath.

Indonesian words are found by their stem; what only facilitators read is not found; filters narrow the results;
nothing of the search loads before the dialog opens, and a query loads only the parts of the index it needs; the
search words never reach an address; the dialog works with the keyboard, passes axe in both colour schemes on a
desktop and a phone, and raises no Content-Security-Policy violation; on quick-exit pages the exit stays in reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Route, expect

from sitebuild import ROOT, SITE_PATH
from smartschool.search_index import KIND, READER, indexed_pages

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SCREENS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 360, "height": 640},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}
WATCH = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective));"""
DIALOG = "#sso-search"
RESULT_LINKS = "#sso-search-results a"
STATUS = "[data-sso-search-status]"


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def site_path(href: str) -> str:
    """A result's address as a page of the site (`/remaja/`), without the subpath it is served under."""
    path = urlsplit(href).path
    assert path.startswith(SITE_PATH), href
    return "/" + path[len(SITE_PATH) :]


def open_search(page: Page, base_url: str, path: str = "/") -> None:
    page.goto(base_url + path, wait_until="load")
    page.locator("[data-sso-search-open]").click()
    expect(page.locator(DIALOG)).to_be_visible()


def results(page: Page, query: str, *, reader: str = "", kind: str = "", every: bool = True) -> list[str]:
    """Search the open dialog for `query` (with the filters given); the result addresses, all of them (the dialog
    shows a few at a time) unless `every` is false."""
    page.locator(f"{DIALOG} [data-sso-filter={READER}]").select_option(reader)
    page.locator(f"{DIALOG} [data-sso-filter={KIND}]").select_option(kind)
    # Empty the box first and wait until the status says nothing: otherwise the last search's "Ditemukan …" could be
    # read before this search (it waits for typing to pause) has run.
    page.locator("#sso-search-input").fill("")
    expect(page.locator(STATUS)).to_have_text("", timeout=10_000)
    page.locator("#sso-search-input").fill(query)
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^(Ditemukan|Tidak ada)"), timeout=10_000)
    more = page.locator("[data-sso-search-more]")
    while every and more.is_visible():
        count = page.locator(RESULT_LINKS).count()
        more.click()
        expect(page.locator(RESULT_LINKS)).not_to_have_count(count)
    return [site_path(href) for href in page.locator(RESULT_LINKS).evaluate_all("as => as.map(a => a.href)")]


@pytest.fixture(scope="module")
def indexed(built_site: Path) -> dict:
    """What Pagefind indexed, page by page."""
    return indexed_pages(built_site)


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="id-ID", service_workers="block", **SCREENS["desktop"])
    context.set_default_timeout(10_000)
    context.add_init_script(WATCH)
    page = context.new_page()
    yield page
    context.close()


def test_melaporkan_finds_the_pages_that_say_lapor_or_pelaporan(page: Page, base_url: str, indexed: dict) -> None:
    """Indonesian stemming: "melaporkan", "lapor" and "pelaporan" are one word to the search (lunr found only the
    form typed)."""
    saying = {url for url, record in indexed.items() if words(record.content) & {"lapor", "pelaporan"}}
    only_other_forms = {url for url in saying if "melaporkan" not in words(indexed[url].content)}
    assert len(only_other_forms) >= 3, only_other_forms  # the test shows stemming, not the word itself
    open_search(page, base_url)
    found = set(results(page, "melaporkan"))
    assert saying <= found, f"not found: {sorted(saying - found)}"


def test_diperas_finds_the_sextortion_pages(page: Page, base_url: str, indexed: dict) -> None:
    """The sextortion pages say "pemerasan" (extortion), never "diperas" (extorted); the stem is the same."""
    sextortion = {"/remaja/sexting-dan-sextortion/", "/kurikulum/remaja/sexting-dan-sextortion/"}
    assert all("diperas" not in words(indexed[url].content) for url in sextortion)
    open_search(page, base_url)
    found = results(page, "diperas")
    assert sextortion <= set(found), found
    # "perasaan" (feeling) only looks like it: the pages that say it and no form of "peras" are not found.
    extortion = {"peras", "diperas", "memeras", "pemerasan", "pemeras"}
    feelings_only = {
        url
        for url, record in indexed.items()
        if "perasaan" in words(record.content) and not words(record.content) & extortion
    }
    assert feelings_only and not feelings_only & set(found), feelings_only & set(found)


def facilitator_sentence(module: Path) -> str:
    """The first sentence of the first `!!! fasilitator` note of a module (text only facilitators read)."""
    lines = module.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("!!! fasilitator"))
    note = []
    for line in lines[start + 1 :]:
        if line and not line.startswith("    "):
            break
        note.append(line.strip())
    return " ".join(note).strip().split(". ")[0].rstrip(".")


def test_a_facilitator_only_sentence_is_not_found(page: Page, base_url: str) -> None:
    sentence = facilitator_sentence(ROOT / "curriculum/remaja/grooming.md")
    assert len(sentence.split()) >= 5, sentence
    open_search(page, base_url)
    assert results(page, f'"{sentence}"') == []  # an exact phrase: it is in no indexed text
    expect(page.locator(STATUS)).to_have_text(re.compile("^Tidak ada halaman yang cocok"))
    # The same kind of query for a sentence young readers do see finds the lesson.
    shown = "Jika kamu dibujuk atau diancam, itu bukan salahmu"
    assert "/kurikulum/remaja/grooming/" in results(page, f'"{shown}"')


def test_facilitator_pack_volumes_are_not_in_the_index(indexed: dict) -> None:
    assert indexed and not [url for url in indexed if "paket-fasilitator" in url]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("Kupang", "/acara/kupang-2018/"),
        ("Parepare", "/acara/kupang-2018/"),
        ("Grooming", "/kurikulum/remaja/grooming/"),
        ("Sextortion", "/kurikulum/remaja/sexting-dan-sextortion/"),
    ],
)
def test_a_word_from_a_pages_heading_finds_that_page(page: Page, base_url: str, query: str, expected: str) -> None:
    open_search(page, base_url)
    assert expected in results(page, query)


def test_nonsense_finds_nothing(page: Page, base_url: str) -> None:
    open_search(page, base_url)
    assert results(page, "zzqxjvw") == []
    expect(page.locator(STATUS)).to_have_text("Tidak ada halaman yang cocok. Coba kata lain.")


def test_filters_narrow_the_results(page: Page, base_url: str, indexed: dict) -> None:
    open_search(page, base_url)
    everything = set(results(page, "lapor"))
    youth = set(results(page, "lapor", reader="Remaja"))
    lessons_for_youth = set(results(page, "lapor", reader="Remaja", kind="Pelajaran"))
    events = set(results(page, "lapor", kind="Acara"))
    assert lessons_for_youth and lessons_for_youth < youth < everything
    assert all("Remaja" in indexed[url].filters.get(READER, []) for url in youth)
    assert all(url.startswith("/kurikulum/remaja/") for url in lessons_for_youth)
    assert events and all(url.startswith("/acara/") for url in events)
    # Each result says what kind of page it is and whom it is for.
    results(page, "lapor", reader="Remaja", kind="Pelajaran", every=False)
    expect(page.locator(".sso-search__about").first).to_have_text("Pelajaran · untuk remaja")


def test_nothing_of_the_search_loads_before_it_is_opened_and_a_query_loads_only_what_it_needs(
    tab: Page, base_url: str, built_site: Path
) -> None:
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(urlsplit(request.url).path))
    tab.goto(base_url + "/remaja/", wait_until="networkidle")
    tab.mouse.wheel(0, 4000)
    tab.wait_for_timeout(300)
    assert not [path for path in requested if "pagefind" in path], requested

    tab.locator("[data-sso-search-open]").click()
    tab.locator("#sso-search-input").fill("lapor")  # one input event: no preload of shorter prefixes
    expect(tab.locator(STATUS)).to_have_text(re.compile("^Ditemukan"))
    tab.wait_for_load_state("networkidle")
    bundle = [path.split("/pagefind/", 1)[1] for path in requested if "/pagefind/" in path]
    assert {"pagefind.js", "pagefind-entry.json"} <= set(bundle) and any(p.startswith("wasm.id.") for p in bundle)
    chunks = [p for p in bundle if p.startswith("index/")]
    fragments = [p for p in bundle if p.startswith("fragment/")]
    every_chunk = list((built_site / "pagefind/index").iterdir())
    assert 1 <= len(chunks) < len(every_chunk), chunks
    shown = tab.locator(RESULT_LINKS).count()
    assert 0 < len(fragments) == shown < len(list((built_site / "pagefind/fragment").iterdir()))
    assert not [path for path in requested if "lapor" in path.lower()]  # the word is in no request either
    assert tab.evaluate("() => window.__violations") == []


@pytest.mark.parametrize("screen", list(SCREENS))
def test_search_raises_no_policy_violation_and_no_console_error(browser: Browser, base_url: str, screen: str) -> None:
    context = browser.new_context(locale="id-ID", service_workers="block", **SCREENS[screen])
    context.add_init_script(WATCH)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    outside: list[str] = []

    def guard(route: Route) -> None:
        if urlsplit(route.request.url).netloc == urlsplit(base_url).netloc:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    open_search(page, base_url, "/kurikulum/remaja/grooming/")
    assert results(page, "grooming", reader="Remaja")
    assert page.evaluate("() => window.__violations") == [] and problems == [] and outside == []
    context.close()


def test_result_links_are_plain_addresses_and_the_words_stay_out_of_the_address(page: Page, base_url: str) -> None:
    page.goto(base_url + "/orang-tua/", wait_until="load")
    before = (page.url, page.evaluate("() => history.length"))
    page.locator("[data-sso-search-open]").click()
    found = results(page, "sextortion", every=False)
    hrefs = page.locator(RESULT_LINKS).evaluate_all("as => as.map(a => a.href)")
    assert found and all(urlsplit(href).query == "" and urlsplit(href).fragment == "" for href in hrefs), hrefs
    assert (page.url, page.evaluate("() => history.length")) == before  # no entry, no ?q= written
    page.locator(RESULT_LINKS).first.click()
    page.wait_for_load_state("load")
    assert page.url == hrefs[0] and urlsplit(page.url).query == "" and "sextortion" not in urlsplit(page.url).query


def test_search_works_with_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(base_url + "/guru/", wait_until="load")
    page.keyboard.press("/")
    expect(page.locator(DIALOG)).to_be_visible()
    expect(page.locator("#sso-search-input")).to_be_focused()
    page.keyboard.type("grooming", delay=20)
    expect(page.locator(STATUS)).to_have_text(re.compile("^Ditemukan"))
    links = page.locator(RESULT_LINKS)
    page.keyboard.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator("#sso-search-input")).to_be_focused()
    page.keyboard.press("Tab")  # Tab goes on through the filters to the results
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(links.nth(0)).to_be_focused()
    target = links.nth(0).evaluate("a => a.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert urlsplit(page.url).query == ""

    page.keyboard.press("s")  # Material's other shortcut
    expect(page.locator(DIALOG)).to_be_visible()
    page.keyboard.type("lapor", delay=20)
    expect(page.locator(STATUS)).to_have_text(re.compile("^Ditemukan"))
    page.keyboard.press("Escape")
    expect(page.locator(DIALOG)).to_be_hidden()
    expect(page.locator("[data-sso-search-open]")).to_be_focused()
    page.locator("[data-sso-search-open]").click()  # reopened: the last search is forgotten
    expect(page.locator("#sso-search-input")).to_have_value("")
    expect(page.locator(RESULT_LINKS)).to_have_count(0)


def test_page_keys_do_not_leave_the_page_while_the_dialog_is_open(page: Page, base_url: str) -> None:
    """Material's n/p keys go to the next or previous page; inside the dialog (on a result) they do nothing."""
    page.goto(base_url + "/remaja/", wait_until="load")
    start = page.url
    page.keyboard.press("/")
    page.keyboard.type("teman", delay=20)
    expect(page.locator(STATUS)).to_have_text(re.compile("^Ditemukan"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("n")
    page.keyboard.press("p")
    page.wait_for_timeout(300)
    assert page.url == start
    expect(page.locator(DIALOG)).to_be_visible()


def test_quick_exit_stays_in_reach_while_searching(page: Page, base_url: str) -> None:
    """On a youth page the exit button can still be pressed with the (modal) dialog open."""
    exit_url = "https://www.bmkg.go.id/"
    page.context.route(
        exit_url + "**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Cuaca</title>"),
    )
    open_search(page, base_url, "/remaja/")
    assert results(page, "teman", every=False)
    page.locator(f"{DIALOG} .sso-exit__button").click()
    page.wait_for_url(exit_url)


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_dialog_passes_axe(browser: Browser, base_url: str, screen: str, scheme: str) -> None:
    context = browser.new_context(locale="id-ID", service_workers="block", **SCREENS[screen])
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.emulate_media(color_scheme=scheme)
    open_search(page, base_url, "/remaja/")
    results(page, "sextortion", every=False)  # results with highlighted words, and the "more" button
    found = (
        Axe()
        .run(
            page,
            context=DIALOG,
            options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
        )
        .response["violations"]
    )
    context.close()
    assert not found, "\n".join(
        f"{rule['id']}: {rule['help']}: {[n['target'] for n in rule['nodes']]}" for rule in found
    )
