"""The menu: built around readers (order, labels, tabs), and large sections do not list every page."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from smartschool.navigation import trim_section


def test_small_sections_keep_every_page() -> None:
    children = ["index", *[f"p{i}" for i in range(25)]]
    assert trim_section(children, is_index=lambda c: c == "index", is_page=lambda c: True) == children


def test_large_sections_keep_only_their_index_and_subsections() -> None:
    children = ["index", "sub", *[f"p{i}" for i in range(26)]]
    trimmed = trim_section(children, is_index=lambda c: c == "index", is_page=lambda c: c != "sub")
    assert trimmed == ["index", "sub"]


READER_MENU = ["Beranda", "Orang tua", "Guru", "Komunitas", "Remaja", "Kurikulum", "Acara", "Bantuan", "Tentang"]


def _menu(site: Path, page: str) -> list[str]:
    soup = BeautifulSoup((site / page).read_text("utf-8"), "html.parser")
    top = soup.select_one("nav.md-nav--primary > ul")
    return [li.find(["a", "label"]).get_text(" ", strip=True) for li in top.find_all("li", recursive=False)]


def test_the_menu_comes_in_the_order_readers_come(built_site: Path) -> None:
    for page in ("index.html", "orang-tua/index.html", "kurikulum/remaja/grooming/index.html", "acara/index.html"):
        assert _menu(built_site, page) == READER_MENU, page
    tabs = BeautifulSoup((built_site / "index.html").read_text("utf-8"), "html.parser").select(".md-tabs__item a")
    assert [a.get_text(" ", strip=True) for a in tabs] == READER_MENU


def test_no_two_menu_entries_share_a_label(built_site: Path) -> None:
    """Two links with one label must lead to one page (a section's label and its index page may repeat)."""
    for page in ("kurikulum/remaja/index.html", "remaja/index.html", "kurikulum/dewasa/index.html"):
        soup = BeautifulSoup((built_site / page).read_text("utf-8"), "html.parser")
        targets: dict[str, set[str]] = {}
        for link in soup.select("nav.md-nav--primary a.md-nav__link[href]"):
            label = link.get_text(" ", strip=True)
            if label:
                target = (Path(page).parent / link["href"]).as_posix()
                targets.setdefault(label, set()).add(str(Path(target).resolve()))
        shared = {label: hrefs for label, hrefs in targets.items() if len(hrefs) > 1}
        assert shared == {}, page


def test_glossary_and_maintainers_guide_sit_under_tentang(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "tentang/index.html").read_text("utf-8"), "html.parser")
    about = soup.select_one("nav.md-nav--primary > ul > li.md-nav__item--active")
    assert [a.get_text(" ", strip=True) for a in about.select("nav a.md-nav__link")] == [
        "Tentang",
        "Glosarium",
        "Panduan pengelola",
    ]


def test_previous_and_next_follow_the_menu(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "index.html").read_text("utf-8"), "html.parser")
    assert soup.select_one("a.md-footer__link--next")["href"] == "orang-tua/"
