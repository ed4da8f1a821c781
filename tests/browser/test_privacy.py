"""Privacy: a page talks to nobody but the local server (no fonts, CDNs or analytics) and logs no errors."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Page, Route


def test_page_makes_no_third_party_request_and_no_console_error(page: Page, base_url: str, page_path: str) -> None:
    local = urlsplit(base_url).netloc
    outside: list[str] = []
    errors: list[str] = []

    def guard(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).netloc == local or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", guard)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(base_url + page_path, wait_until="networkidle")
    page.mouse.wheel(0, 4000)  # scroll, so lazy content would load too
    page.wait_for_timeout(200)

    assert outside == [], f"{page_path} requested hosts other than the local server: {outside}"
    assert errors == [], f"{page_path} logged console errors: {errors}"
