"""MkDocs hook: the legal block's generated line on docs pages, and the participant-view marker on every page.

- A docs page's `!!! hukum "…"` block ends with the review date (front matter `reviewed:`) and legal-aid advice
  (smartschool.legal_block); lesson and pack pages get theirs from smartschool.curriculum_pages.
- Every `fasilitator` and `perlindungan` admonition gets `data-sso-facilitator`, the attribute the participant view
  (docs/assets/site.css) hides and the participant-view tests remove. Runs after the content boundary (nh3), and
  adds only that fixed attribute.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from smartschool.legal_block import add_legal_notes, has_legal_block, review_date
from smartschool.participant_view import mark_facilitator_blocks


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    if page.file.generated_by is not None or not has_legal_block(markdown):
        return markdown  # generated pages (lessons, packs) carry the line already
    return add_legal_notes(markdown, review_date(page.meta.get("reviewed")))


@event_priority(95)  # right after the content boundary (100), before the PDFs keep the content (90)
def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    return mark_facilitator_blocks(html)
