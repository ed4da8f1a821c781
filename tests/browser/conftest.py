"""Browser fixtures: one Chromium for the session, the built site served on 127.0.0.1, one test per page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from sitebuild import SITE_PATH, build_real_site_once
from sitepages import CHROMIUM, CHROMIUM_ARGS, chromium_problem, html_pages, serve


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests that take `page_path` run once for every HTML page of the real build."""
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", html_pages(build_real_site_once()))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    with serve(built_site, SITE_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    problem = chromium_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{problem}: browser tests must run in CI", pytrace=False)
        pytest.skip(problem)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="id-ID", service_workers="block")
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()
