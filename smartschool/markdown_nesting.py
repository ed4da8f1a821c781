"""Bound how deeply a Markdown text nests lists and quotes, before Python-Markdown ever reads it.

Python-Markdown parses nested blocks recursively: some 300 nested list items raise RecursionError and 2,000 take
minutes and gigabytes. No lesson needs more than a few levels, so a line that nests deeper than MAX_NESTING is
refused with its place, and the text never reaches Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_NESTING = 8
TAB_WIDTH = 4  # Python-Markdown's: four columns of indentation make one level
FENCE = re.compile(r"^\s*(```|~~~)")
# A line that could nest past the limit starts with at least MAX_NESTING + 1 characters of indentation, `>`
# and list markers; every other line is passed over by this one search (it starts with a line break, which `re`
# finds fast, so the text is searched with one in front).
_MAYBE_DEEP = re.compile(rf"\n[ \t>*+\-\d.)]{{{MAX_NESTING + 1}}}")
_SPACE = re.compile(r"[ \t]+")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_RULE = re.compile(r"^[ \t>]*(?:[-*_][ \t]*){3,}$")  # a horizontal rule such as `* * * *`, not nested lists


@dataclass(frozen=True)
class TooDeep:
    """The first line nesting past the limit: 1-based line and column (where the limit is passed), and the depth."""

    line: int
    column: int
    depth: int


def too_deep(text: str, limit: int = MAX_NESTING) -> TooDeep | None:
    """The first line of `text` (outside fenced code) that nests lists and quotes more than `limit` levels deep.

    A line's depth counts each `>`, each list marker and each four columns of indentation before its text, so it
    is never less than the depth Python-Markdown would build (and only a little more for indented continuations).
    """
    if _MAYBE_DEEP.search(text) is None and _MAYBE_DEEP.match("\n" + text[: MAX_NESTING + 1]) is None:
        return None
    fenced: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        fence = FENCE.match(line)
        if fence:
            fenced = None if fenced == fence.group(1) else (fenced or fence.group(1))
            continue
        if fenced is None and not _RULE.match(line):
            found = _line_depth(line, limit)
            if found is not None:
                return TooDeep(number, *found)
    return None


def _line_depth(line: str, limit: int) -> tuple[int, int] | None:
    """(column where the depth first passes `limit`, the line's whole depth), or None if it stays within it.

    Each `>` and each list marker is a level, and so are each four columns of indentation; the space that
    follows a `>` or a marker belongs to it and is not indentation."""
    depth = 0
    passed_at: int | None = None
    index = 0
    after_mark = False
    while index < len(line):
        space = _SPACE.match(line, index)
        if space:
            columns = sum(TAB_WIDTH if char == "\t" else 1 for char in space.group())
            depth += max(0, columns - after_mark) // TAB_WIDTH
            index = space.end()
            if passed_at is None and depth > limit:
                passed_at = index + 1  # the indentation passed it: point at what it indents
            continue
        marker = _LIST_MARKER.match(line, index)
        if line[index] != ">" and marker is None:
            break
        depth += 1
        if passed_at is None and depth > limit:
            passed_at = index + 1  # this `>` or list marker passed it
        index = index + 1 if marker is None else marker.end()
        after_mark = True
    return (passed_at, depth) if passed_at is not None else None
