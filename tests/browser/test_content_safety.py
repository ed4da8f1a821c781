"""Reader safety in Chromium: no author-supplied text runs as script, and the Content-Security-Policy is a second
wall that blocks an inline script even if one got into a page.

The hostile site is a copy of the project whose module text fields, glossary definitions and aliases all hold
script-carrying strings (tests/hostile.py). It is served with its CSP removed, so that only the first wall, the
escaping and the sanitiser, is tested there; the CSP is tested on its own with an injected script."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from hostile import make_hostile
from sitebuild import SITE_PATH, copy_project, mkdocs_build
from sitepages import html_pages, serve

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective));
"""
PHONE = {"viewport": {"width": 360, "height": 640}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def hostile_site() -> Iterator[tuple[str, Path, list[str]]]:
    """(base URL, project copy, page paths) of the hostile build, served under the Pages subpath."""
    folder = Path(tempfile.mkdtemp(prefix="sso-hostile-"))
    project = copy_project(folder / "project")
    make_hostile(project)
    result = mkdocs_build(project, folder / "site")
    assert result.returncode == 0, result.stderr
    with serve(folder / "site", SITE_PATH) as url:
        yield url, project, html_pages(folder / "site")
    shutil.rmtree(folder, ignore_errors=True)


def _rewrite_html(context: BrowserContext, change: Callable[[str], str]) -> None:
    """Pass every HTML document through `change` on its way to the browser."""

    def handle(route: Route) -> None:
        if route.request.resource_type != "document":
            route.continue_()
            return
        response = route.fetch()
        route.fulfill(response=response, body=change(response.text()))

    context.route("**/*", handle)


def _open(browser: Browser, options: dict, change: Callable[[str], str] | None = None) -> tuple[Page, list[str]]:
    context = browser.new_context(locale="id-ID", service_workers="block", **options)
    context.set_default_timeout(10_000)
    if change is not None:
        _rewrite_html(context, change)
    context.add_init_script(WATCH)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return page, dialogs


HANDLERS = """() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
    .filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_hostile_text_never_runs_even_without_csp(
    browser: Browser, hostile_site: tuple[str, Path, list[str]], device: str
) -> None:
    url, _, paths = hostile_site
    page, dialogs = _open(browser, PHONE if device == "phone" else DESKTOP, lambda text: CSP_META.sub("", text))
    touched = 0
    for path in paths:
        page.goto(url + path, wait_until="load")
        seen: set[str] = set()
        abbrs = page.locator("article abbr")
        # A tap on a term inside a link would follow the link; those terms are hovered on the desktop pass.
        in_link = abbrs.evaluate_all("els => els.map(el => el.closest('a') !== null)")
        for abbr, linked in zip(abbrs.all(), in_link, strict=True):
            text = abbr.inner_text()
            if text in seen or not abbr.is_visible() or (linked and device == "phone"):
                continue
            seen.add(text)
            abbr.scroll_into_view_if_needed()
            abbr.tap() if device == "phone" else abbr.hover()
            touched += 1
        page.wait_for_timeout(50)
        assert page.evaluate("() => window.__pwned") is None, f"script ran on {path}"
        assert page.evaluate(HANDLERS) == [], f"event-handler attributes on {path}"
        assert page.evaluate("() => document.querySelectorAll('.md-tooltip2 img, .md-tooltip2 svg').length") == 0
    assert dialogs == []
    assert touched > 20, "the hostile site should show glossary terms on many pages"
    page.context.close()


def test_tooltip_shows_the_definition_as_written(browser: Browser, hostile_site: tuple[str, Path, list[str]]) -> None:
    url, project, _ = hostile_site
    terms = yaml.safe_load((project / "data/glossary.yaml").read_text("utf-8"))["terms"]
    definition = {alias: term["definition"] for term in terms for alias in term["aliases"]}
    page, _ = _open(browser, DESKTOP)
    page.goto(url + "/kurikulum/remaja/grooming/", wait_until="load")
    abbr = page.locator("article abbr").first
    alias = abbr.inner_text()
    abbr.hover()
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    expect(tooltip).to_have_text(definition[alias])  # the payload, shown as text, entity-encoded ones included
    page.context.close()


INJECTED = (
    '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">'
    '<a id="sso-injected" href="#" onclick="window.__pwned = 3">x</a>'
)


@pytest.mark.parametrize("with_csp", [True, False])
def test_csp_blocks_an_injected_inline_script(browser: Browser, base_url: str, with_csp: bool) -> None:
    """With the policy, an inline script and inline handlers injected into a built page do not run; without it
    they do (which shows the test can see them run)."""

    def inject(text: str) -> str:
        text = text.replace("</article>", INJECTED + "</article>", 1)
        return text if with_csp else CSP_META.sub("", text)

    page, _ = _open(browser, DESKTOP, inject)
    page.goto(base_url + "/remaja/", wait_until="load")
    page.locator("#sso-injected").dispatch_event("click")
    page.wait_for_timeout(100)
    pwned = page.evaluate("() => window.__pwned")
    violations = page.evaluate("() => window.__violations")
    if with_csp:
        assert pwned is None
        assert "script-src-elem" in violations and "script-src-attr" in violations
    else:
        assert pwned is not None and violations == []
    page.context.close()


def test_page_works_under_its_policy_on_a_phone(browser: Browser, base_url: str, page_path: str) -> None:
    """The theme's own inline scripts are allowed by hash: no page of the real site reports a violation at phone
    width (at desktop width the privacy test fails on any console error, which a violation is)."""
    page, _ = _open(browser, PHONE)
    page.goto(base_url + page_path, wait_until="load")
    page.wait_for_timeout(50)
    assert page.evaluate("() => window.__violations") == [], page_path
    assert page.evaluate("() => typeof __md_get") == "function"  # the theme's inline bootstrap ran
    page.context.close()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_palette_toggle_works_under_the_policy(browser: Browser, base_url: str, device: str) -> None:
    page, _ = _open(browser, PHONE if device == "phone" else DESKTOP)
    page.emulate_media(color_scheme="light")
    page.goto(base_url + "/", wait_until="load")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.reload(wait_until="load")  # the choice is kept (in localStorage, see /bantuan/aman-membaca/)
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    assert page.evaluate("() => window.__violations") == []
    page.context.close()
