"""Participant materials per module: a handout and the case cards its activities use, with no facilitator text.

A module's page is a facilitator's script. What participants may hold is generated from the module itself:

- the handout (lembar peserta): the title, summary, key messages, take-home points and the short help box, all
  from the front matter and the help data;
- the case cards (kartu kasus): each `!!! contoh` admonition of the body (the fictional cases the activities hand
  out), each on a card of its own, grouped under the heading of the activity that uses it. A `contoh` block that
  holds several cards (`**Kartu 1.** …`, `**Kartu 2.** …`) or parts handed out one after another
  (`**Bagian 1.** …`) is cut into one card each.

Nothing else of the body is taken: not the agenda scripts, not the `!!! fasilitator` and `!!! perlindungan`
blocks (nor any such block nested inside a `contoh`), not the discussion questions, not the quiz (its answers are
front-matter data). The page is `/kurikulum/<track>/<id>/bahan-peserta/`; its PDFs are made by hooks/pdfs.py.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup

from .admonitions import admonitions, fenced_lines
from .curriculum import Lesson
from .project import Project
from .reference_pages import help_box, mention_help
from .render import page_front_matter, render

CASE_KIND = "contoh"
H2 = re.compile(r"^##\s+(?P<text>.+?)\s*(?:\{[^{}]*\})?\s*#*\s*$")
# A paragraph that starts a card of its own inside one `contoh` block.
CARD_START = re.compile(r"^\*\*(?:Kartu|Bagian)\s+[\w]+[.:]?\*\*")
INDENT = 4


@dataclass(frozen=True)
class CaseCard:
    """One fictional case as participants get it: its activity (the body's `##` heading above it, or ""), the
    admonition's title, its Markdown (dedented, facilitator blocks removed) and its line in the module file body."""

    activity: str
    title: str
    markdown: str
    line: int


def participant_url(lesson: Lesson) -> str:
    """`kurikulum/<track>/<id>/bahan-peserta/`, relative to the site root."""
    return f"{lesson.url}bahan-peserta/"


def without_facilitator_blocks(markdown: str) -> str:
    """`markdown` without any facilitator-only admonition (a `fasilitator` or `perlindungan` class, at any
    indentation, found as Python-Markdown reads openings: smartschool.admonitions) and its body."""
    lines = markdown.splitlines()
    dropped: set[int] = set()
    for block in admonitions(markdown):
        if block.for_facilitator:
            dropped.update(range(block.line, block.end + 1))
    return "\n".join(line for number, line in enumerate(lines, 1) if number not in dropped)


def _split_cards(markdown: str) -> list[str]:
    """One piece per `**Kartu N.**` / `**Bagian N.**` paragraph when the block holds two or more; text before the
    first one stays with it."""
    lines = markdown.splitlines()
    starts = [i for i, line in enumerate(lines) if CARD_START.match(line) and (i == 0 or not lines[i - 1].strip())]
    if len(starts) < 2:
        return [markdown.strip()]
    bounds = [0, *starts[1:], len(lines)]
    return [text for a, b in pairwise(bounds) if (text := "\n".join(lines[a:b]).strip())]


def case_cards(body: str) -> list[CaseCard]:
    """The `contoh` admonitions at the top level of a module body, in order, as cards (see the module docstring).

    Line numbers count from 1 within `body`. A `contoh` nested in another block is not taken (it belongs to that
    block, a facilitator's note perhaps)."""
    lines = body.splitlines()
    fenced = fenced_lines(lines)
    cases = {block.line: block for block in admonitions(body) if block.indent == 0 and block.kind == CASE_KIND}
    cards, activity = [], ""
    for number, line in enumerate(lines, 1):
        heading = H2.match(line) if number not in fenced else None
        if heading:
            activity = heading.group("text").strip()
        block = cases.get(number)
        if block is not None:
            inner = textwrap.dedent("\n".join(lines[block.line : block.end]))
            title = block.title or "Contoh kasus (fiktif)"
            for text in _split_cards(without_facilitator_blocks(inner)):
                cards.append(CaseCard(activity, title, text, number))
    return cards


def _card_markdown(card: CaseCard) -> str:
    """The card as a `contoh` admonition (its title written as the source wrote it)."""
    return f'!!! contoh "{card.title}"\n' + textwrap.indent(card.markdown, " " * INDENT)


def participant_page_markdown(project: Project, lesson: Lesson) -> str:
    """The whole Markdown source of a module's participant page: handout, then the case cards (if any)."""
    module = lesson.module
    cards = case_cards(lesson.body)
    groups: list[tuple[str, list[Markup]]] = []
    for card in cards:
        if not groups or groups[-1][0] != card.activity:
            groups.append((card.activity, []))
        groups[-1][1].append(Markup(_card_markdown(card)))
    front = page_front_matter(
        f"Bahan peserta: {module.title}",
        f"Lembar peserta dan kartu kasus modul {module.title}, tanpa catatan fasilitator dan tanpa kunci jawaban.",
        sso_participant=True,
        search={"exclude": True},  # the lesson page is indexed; this would repeat its key messages
    )
    body = render(
        "participant.md",
        m=module,
        lesson=lesson,
        groups=[(Markup(activity), items) for activity, items in groups],
        help=Markup(help_box(project, "../../../../")),
    )
    return f"{front}{mention_help(project, body)}\n"  # [[bantuan:<id>]] in module text
