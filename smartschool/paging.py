"""Cut an ordered list into pages: the one rule behind pack volumes, track list pages and yearly archive pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def runs(items: Sequence[T], size: int, *, even: bool = False) -> list[tuple[tuple[T, ...], int]]:
    """Consecutive runs of at most `size` items, each with the 1-based position of its first item.

    All runs but the last are full, or with `even` the runs differ in length by at most one. No items, no runs.
    """
    count = -(-len(items) // size)
    out, start = [], 0
    for number in range(count):
        length = len(items) // count + (number < len(items) % count) if even else size
        out.append((tuple(items[start:start + length]), start + 1))
        start += length
    return out


def source_of(url: str) -> str:
    """The Markdown source path of a generated page at the site-relative address `url` (`a/b/` → `a/b.md`)."""
    return f"{url.rstrip('/')}.md"
