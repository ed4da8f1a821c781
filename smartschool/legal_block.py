"""The legal block: a `!!! hukum "…"` admonition that always ends with a generated line giving the page's review
date and legal-aid advice (issue #15: law named without a review date or legal-aid advice).

- Modules: the date is the module's `reviewed` (smartschool.curriculum_pages adds the line); docs pages: their
  front-matter `reviewed:` (hooks/lesson_blocks.py adds it).
- Validation: a page with a hukum block must have a review date; in a module body, a sentence naming a law
  (`UU No.`, `Undang-Undang`, `KUHP`, `Pasal <n>`, `PP No.`) outside a hukum block is refused.
- The legal-aid advice names only what ../shared/sources/facts.md verifies: SAPA 129 (telephone 129, WhatsApp
  08111-129-129) refers to the UPTD PPA, which handles cases and accompanies victims; a legal-aid service
  (lembaga bantuan hukum) is named by kind, never as an invented organisation or number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import dates
from .admonitions import admonitions, inside
from .problems import Problem

if TYPE_CHECKING:  # docs_pages imports this module
    from .docs_pages import DocsPage

KIND = "hukum"
# A sentence that names a law or one of its articles. Case-sensitive: "undang-undang ini" (lower case) refers back
# to a law already named and is not a name itself.
LAW_NAME = re.compile(r"\b(?:UU|PP) (?:No\.|Nomor)\s*\d+(?:\s+Tahun\s+\d{4})?|\bUndang-Undang\b|\bKUHP\b|\bPasal \d+")
LEGAL_AID = (
    # SAPA 129 as the token: its name and linked contacts come from data/help.yaml (smartschool.help_mentions).
    "Untuk kasus nyata, mintalah bantuan lembaga bantuan hukum, atau hubungi [[bantuan:sapa-129]] "
    "untuk dirujuk ke UPTD PPA, yang menangani kasus dan mendampingi korban."
)
# Class of the generated paragraph (CSS and tests find it by it).
NOTE_CLASS = "sso-legal-note"


def legal_note(reviewed: dt.date | None) -> str:
    """The generated closing line of a legal block, as Markdown text (no author text in it, so nothing to escape):
    `Terakhir ditinjau: 28 November 2026. Untuk kasus nyata, …`."""
    when = f"**Terakhir ditinjau: {dates.long_date(reviewed)}.** " if reviewed else ""
    return f"{when}{LEGAL_AID}"


def add_legal_notes(markdown: str, reviewed: dt.date | None) -> str:
    """`markdown` with the generated line (a paragraph of class NOTE_CLASS) at the end of every hukum block."""
    lines = markdown.split("\n")
    for block in reversed([b for b in admonitions(markdown) if b.kind == KIND]):
        pad = " " * (block.indent + 4)
        lines[block.end : block.end] = ["", f"{pad}{legal_note(reviewed)}", f"{pad}{{: .{NOTE_CLASS} }}"]
    return "\n".join(lines)


def has_legal_block(markdown: str) -> bool:
    return any(block.kind == KIND for block in admonitions(markdown))


@dataclass(frozen=True)
class LawMention:
    """A law named outside a hukum block: 1-based line and column in the text, and the words found."""

    line: int
    column: int
    words: str


def laws_outside_legal_blocks(markdown: str) -> Iterator[LawMention]:
    """Every place in `markdown` that names a law outside a hukum block (fenced code is skipped)."""
    blocks = admonitions(markdown)
    fenced = False
    for number, line in enumerate(markdown.splitlines(), 1):
        if re.match(r"^\s*(```|~~~)", line):
            fenced = not fenced
            continue
        if fenced or inside(blocks, number, {KIND}):
            continue
        found = LAW_NAME.search(line)
        if found:
            yield LawMention(number, found.start() + 1, found.group())


def review_date(value: object) -> dt.date | None:
    """A front-matter `reviewed` value as a date: a YAML date, or text `YYYY-MM-DD`; None if it is neither."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def docs_legal_problems(pages: Iterable[DocsPage]) -> Iterator[Problem]:
    """Each hand-written page in docs/ (`pages`, smartschool.docs_pages.read_docs_pages) with a hukum block has a
    front-matter `reviewed:` date (YYYY-MM-DD)."""
    from .frontmatter import split_front_matter
    from .messages import say

    for page in pages:
        text = page.text
        if "hukum" not in text:
            continue
        name = page.name
        source, _ = split_front_matter(text, name) if text.startswith("---") else (None, [])
        body, body_line = (source.body, source.body_line) if source else (text, 1)
        blocks = [b for b in admonitions(body) if b.kind == KIND]
        if not blocks:
            continue
        data = source.front.data if source else None
        value = data.get("reviewed") if isinstance(data, dict) else None
        if review_date(value) is None:
            first = blocks[0]
            yield Problem(
                name, body_line + first.line - 1, first.indent + 1, "", "reviewed", say("legal.page_not_reviewed")
            )
