"""MkDocs hook: tables that may scroll sideways become focusable, named regions (see smartschool.scroll_regions)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from smartschool.scroll_regions import wrap_scrolling_tables


@event_priority(-50)  # after other hooks and plugins (the sanitiser among them) have changed the content
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Every page, written or generated: its content HTML with each scrolling table wrapped (WCAG 2.1.1)."""
    return wrap_scrolling_tables(html)
