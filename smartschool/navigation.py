"""Navigation that does not grow every page: large sections show only their index page in the menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

# A section with more pages than this lists none of them in the menu; its index page lists them instead.
MAX_SECTION_PAGES = 25

T = TypeVar("T")


def trim_section(children: Sequence[T], is_index: Callable[[T], bool], is_page: Callable[[T], bool],
                 limit: int = MAX_SECTION_PAGES) -> list[T]:
    """Keep a section's children, unless it holds more than `limit` pages: then keep its index and subsections."""
    pages = [child for child in children if is_page(child) and not is_index(child)]
    if len(pages) <= limit:
        return list(children)
    return [child for child in children if is_index(child) or not is_page(child)]
