"""Admonitions in Markdown source (`!!! kind "Title"`, `??? kind`, `???+ kind`), found by their indentation.

Python-Markdown's admonition (and pymdownx.details) read a block as its opening line plus every following line
that is blank or indented four spaces more than the opening; nested blocks are found too. Fenced code is skipped.
Lines and columns are 1-based, counted in the text given (a module's body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# As Python-Markdown reads an opening (`!!! ?([\w-]+(?: +[\w-]+)*)(?: +"(.*?)")?`): the space after the marker is
# optional, and further words after the kind are classes too (`!!! fasilitator inline end "Catatan"`).
OPENING = re.compile(
    r"^(?P<indent> *)(?P<marker>!!!|\?\?\?\+?) ?(?P<kind>[\w-]+)(?P<classes>(?: +[\w-]+)*)(?P<rest>[^\n]*)$"
)
TITLE = re.compile(r'^\s+"(?P<title>[^"]*)"\s*$')
FENCE = re.compile(r"^\s*(```|~~~)")
# Blocks for the facilitator only: no participant view, handout or card shows them (curriculum/README.md).
FACILITATOR_KINDS = frozenset({"fasilitator", "perlindungan"})


@dataclass(frozen=True)
class Admonition:
    """One admonition: its kind (`fasilitator`), title (None when it has no quoted title), opening line, the
    last line of its content (both 1-based) and the indentation of its opening line."""

    kind: str
    title: str | None
    line: int
    end: int
    indent: int
    title_column: int
    classes: tuple[str, ...] = ()  # the kind and any further words of the opening, as HTML classes

    @property
    def for_facilitator(self) -> bool:
        """Whether any of the block's classes makes it facilitator-only (the theme's CSS hides it by class too)."""
        return not FACILITATOR_KINDS.isdisjoint(self.classes or (self.kind,))

    def holds(self, line: int) -> bool:
        """Whether the 1-based `line` is the opening or part of the content."""
        return self.line <= line <= self.end


def fenced_lines(lines: list[str]) -> set[int]:
    """The 1-based numbers of the lines of fenced code blocks, fences included."""
    fenced, inside = set(), False
    for number, line in enumerate(lines, 1):
        if FENCE.match(line):
            fenced.add(number)
            inside = not inside
        elif inside:
            fenced.add(number)
    return fenced


def admonitions(text: str) -> list[Admonition]:
    """Every admonition in `text`, outer ones before the ones they contain, in line order."""
    lines = text.splitlines()
    fenced = fenced_lines(lines)
    found = []
    for number, line in enumerate(lines, 1):
        opening = OPENING.match(line) if number not in fenced else None
        if opening is None:
            continue
        indent = len(opening.group("indent"))
        end = number
        for later in range(number + 1, len(lines) + 1):
            text_line = lines[later - 1]
            if not text_line.strip():
                continue
            if len(text_line) - len(text_line.lstrip(" ")) < indent + 4:
                break
            end = later
        rest = opening.group("rest")
        title = TITLE.match(rest)
        title_column = opening.start("rest") + rest.index('"') + 2 if title else opening.end("kind") + 1
        found.append(
            Admonition(
                opening.group("kind"),
                title.group("title") if title else None,
                number,
                end,
                indent,
                title_column,
                (opening.group("kind"), *opening.group("classes").split()),
            )
        )
    return found


def inside(blocks: list[Admonition], line: int, kinds: set[str] | frozenset[str]) -> bool:
    """Whether the 1-based `line` lies in an admonition with one of `kinds` among its classes (at any depth)."""
    return any(not kinds.isdisjoint(block.classes or (block.kind,)) and block.holds(line) for block in blocks)
