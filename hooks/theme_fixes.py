"""MkDocs hook: repair the theme's invalid markup on every page (see smartschool.theme_fixes)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from smartschool.theme_fixes import drop_empty_tabindex


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return drop_empty_tabindex(output)
