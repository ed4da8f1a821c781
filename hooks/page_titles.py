"""MkDocs hook: a page's front-matter title and description are text, escaped exactly once for the theme.

MkDocs' theme templates are not autoescaped: Material prints `page.title` and `page.meta.description` as HTML,
and escapes the title again with `| e` in some attributes (the previous/next links' `aria-label`). Holding them
as `markupsafe.Markup` (escaped text, marked safe) serves both: printed as is, and `| e` leaves Markup alone, so
"A & B" reaches every element and attribute as `A &amp; B`, never `A &amp;amp; B`.
"""

from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


@event_priority(100)  # before the macros plugin and every other hook reads the page's metadata
def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str:
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)
    return markdown
