"""Cut an ordered list into pages: the one rule behind pack volumes, track list pages and yearly archive pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
P = TypeVar("P", bound="Run[Any]")


@dataclass(frozen=True)
class Run(Generic[T]):
    """One of the consecutive runs a list is cut into. Subclasses add what the run belongs to (a track, a year)."""

    number: int  # from 1
    of: int  # how many runs the list is cut into
    items: tuple[T, ...]
    first: int  # position of the first item within the whole list, from 1

    @property
    def last(self) -> int:
        """Position of the last item within the whole list."""
        return self.first + len(self.items) - 1


def cut(items: Sequence[T], size: int, kind: type[P], *, even: bool = False, **fields: Any) -> list[P]:
    """`items` in consecutive runs of at most `size`, as `kind` objects carrying `fields` as well.

    All runs but the last are full, or with `even` the runs differ in length by at most one. No items, no runs.
    """
    count = -(-len(items) // size)
    out, start = [], 0
    for number in range(1, count + 1):
        length = len(items) // count + (number <= len(items) % count) if even else size
        out.append(kind(number=number, of=count, items=tuple(items[start : start + length]), first=start + 1, **fields))
        start += length
    return out


def source_of(url: str) -> str:
    """The Markdown source path of a generated page at the site-relative address `url` (`a/b/` → `a/b.md`)."""
    return f"{url.rstrip('/')}.md"
