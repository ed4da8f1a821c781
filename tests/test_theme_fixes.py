"""Repairs of the theme's markup."""

from __future__ import annotations

from pathlib import Path

from smartschool.theme_fixes import drop_empty_tabindex


def test_an_empty_tabindex_is_dropped_and_a_real_one_kept() -> None:
    html = '<label class="md-nav__link" for="__nav_7" tabindex="">x</label><label tabindex="0">y</label>'
    assert (
        drop_empty_tabindex(html) == '<label class="md-nav__link" for="__nav_7">x</label><label tabindex="0">y</label>'
    )


def test_no_built_page_has_an_empty_tabindex(built_site: Path) -> None:
    assert [p.name for p in built_site.rglob("*.html") if 'tabindex=""' in p.read_text("utf-8")] == []
