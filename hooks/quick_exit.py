"""MkDocs hook: add the quick exit to the pages of the sections listed in `extra.quick_exit.sections` (youth pages,
youth lessons, help pages, the parents' page on what to do when something has happened)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from smartschool.quick_exit import insert_after_body_open, needs_quick_exit, quick_exit_markup, unmatched_sections


def _settings(config: MkDocsConfig) -> tuple[str, list[str]]:
    settings = config.extra.get("quick_exit") or {}
    url, sections = settings.get("url"), settings.get("sections")
    if not isinstance(url, str) or not url.startswith("https://"):
        raise Abort("mkdocs.yml: extra.quick_exit.url: expected the https:// address of a neutral site")
    if not isinstance(sections, list) or not all(isinstance(s, str) for s in sections):
        raise Abort("mkdocs.yml: extra.quick_exit.sections: expected a list of page-address prefixes")
    return url, sections


_markup = ""
_sections: list[str] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the settings once per build, failing early with a clear message on a bad one."""
    global _markup, _sections
    url, _sections = _settings(config)
    _markup = quick_exit_markup(url)
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Fail when a listed section has no page (every hook has added its pages by now): a page meant to carry the
    exit would silently go without it."""
    missing = unmatched_sections(_sections, (file.url for file in files.documentation_pages()))
    if missing:
        listed = ", ".join(repr(section) for section in missing)
        verb = "matches" if len(missing) == 1 else "match"
        raise Abort(
            f"mkdocs.yml: extra.quick_exit.sections: {listed} {verb} no page of the site "
            "(expected the start of a page address, such as 'remaja/')"
        )
    return nav


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if needs_quick_exit(page.url, _sections):
        return insert_after_body_open(output, _markup)
    return output
