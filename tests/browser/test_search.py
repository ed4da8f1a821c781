"""Search: typing a word from a page's heading into Material's search box lists that page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect


def type_query(page: Page, base_url: str, query: str) -> None:
    page.goto(base_url + "/", wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)


def search(page: Page, base_url: str, query: str) -> list[str]:
    type_query(page, base_url, query)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=10_000)
    return [href for href in results.evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize("query,expected", [
    ("Kupang", "/acara/kupang-2018/"),
    ("Parepare", "/acara/kupang-2018/"),
    ("Grooming", "/kurikulum/remaja/grooming/"),
    ("Sextortion", "/kurikulum/remaja/sexting-dan-sextortion/"),
])
def test_search_finds_the_page(page: Page, base_url: str, query: str, expected: str) -> None:
    hrefs = search(page, base_url, query)
    assert any(urlsplit(href).path.endswith(expected) for href in hrefs), f"{query!r} found only {hrefs}"


def test_search_for_nonsense_finds_nothing(page: Page, base_url: str) -> None:
    type_query(page, base_url, "zzqxjvw")
    expect(page.locator(".md-search-result__meta")).to_contain_text("Tidak ada", timeout=10_000)
    assert page.locator(".md-search-result__item").count() == 0


def test_search_words_stay_out_of_every_address(page: Page, base_url: str) -> None:
    """A result opens at its plain address: what a child searched for never enters the browser's history."""
    hrefs = search(page, base_url, "Sextortion")
    assert hrefs and all(urlsplit(href).query == "" for href in hrefs), hrefs  # no `?h=<words>` (search.highlight)
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).query == "", page.url
    assert page.evaluate("() => location.search") == ""
