"""Benchmark-only MkDocs hook: write each page's Markdown as it is after hooks and macros, for the plain baseline."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

OUT = os.environ.get("SSO_DUMP_MARKDOWN")


@event_priority(-100)  # after the macros plugin and every other hook
def on_page_markdown(markdown: str, page: Page, **kwargs: object) -> str:
    if OUT:
        target = Path(OUT) / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        title = page.meta.get("title")
        front = f"---\n{yaml.safe_dump({'title': title}, allow_unicode=True)}---\n\n" if title else ""
        target.write_text(front + markdown, encoding="utf-8")
    return markdown
