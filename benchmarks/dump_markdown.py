"""Benchmark-only MkDocs hook: write each page's Markdown as it is after hooks and macros, and the final nav.

The plain baseline builds these pages with the same theme, configuration and navigation, but without our hooks.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from markupsafe import Markup
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

OUT = os.environ.get("SSO_DUMP_MARKDOWN")
NAV_FILE = "nav.yml"  # beside the pages; the benchmark reads it into the plain configuration


@event_priority(-100)  # after the macros plugin and every other hook
def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str:
    if OUT:
        target = Path(OUT) / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        # Titles and descriptions are escaped Markup by now (hooks/page_titles.py): write them back as text.
        front = {
            key: value.unescape() if isinstance(value, Markup) else value
            for key, value in page.meta.items()
            if key != "render_macros"
        }
        header = f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\n" if front else ""
        target.write_text(header + markdown, encoding="utf-8")
    return markdown


@event_priority(-100)  # after our own hook has ordered and trimmed the navigation
def on_nav(nav: Navigation, **kwargs: object) -> Navigation:
    if OUT:
        Path(OUT).mkdir(parents=True, exist_ok=True)
        (Path(OUT) / NAV_FILE).write_text(yaml.safe_dump(_nav_items(nav.items), allow_unicode=True), "utf-8")
    return nav


def _nav_items(items: list) -> list:
    out: list = []
    for item in items:
        if isinstance(item, Section):
            out.append({str(item.title): _nav_items(item.children)})
        elif isinstance(item, Page):
            out.append(item.file.src_uri)
        elif isinstance(item, Link):
            out.append({item.title: item.url})
    return out
