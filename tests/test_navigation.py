"""Large sections do not list every page in the menu."""

from __future__ import annotations

from smartschool.navigation import trim_section


def test_small_sections_keep_every_page() -> None:
    children = ["index", *[f"p{i}" for i in range(25)]]
    assert trim_section(children, is_index=lambda c: c == "index", is_page=lambda c: True) == children


def test_large_sections_keep_only_their_index_and_subsections() -> None:
    children = ["index", "sub", *[f"p{i}" for i in range(26)]]
    trimmed = trim_section(children, is_index=lambda c: c == "index", is_page=lambda c: c != "sub")
    assert trimmed == ["index", "sub"]
