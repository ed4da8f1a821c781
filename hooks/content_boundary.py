"""MkDocs hook: every page's content passes the trust boundary (smartschool.content_boundary) before anything
else reads it: the theme, the search index and the other hooks."""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from smartschool.content_boundary import clean_content


@event_priority(100)  # first of all on_page_content handlers
def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    return clean_content(html)
