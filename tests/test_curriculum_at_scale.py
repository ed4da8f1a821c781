"""A large curriculum stays browsable: lists are paged or previewed, packs come in volumes, and nothing is lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import ROOT, copy_project, mkdocs_build
from smartschool.curriculum_pages import (
    LIST_PREVIEW,
    PACK_VOLUME_MODULES,
    TRACK_PAGE_MODULES,
    curriculum_index,
    module_table,
    pack_volumes,
    track_index,
    track_pages,
)
from smartschool.project import load_project

sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import write_modules  # clones the real modules under new ids

# Enough clones that each track (4 adult and 7 youth real modules, cloned in turn) fills more than one page.
MODULES = 150


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("large") / "project")
    write_modules(project, MODULES)
    return project


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_track_list_is_paged_without_losing_a_module(large: Path) -> None:
    project = load_project(large)
    for track in ("dewasa", "remaja"):
        lessons = project.lessons_of_track(track)
        pages = track_pages(project, track)
        assert len(pages) == -(-len(lessons) // TRACK_PAGE_MODULES) > 1
        listed = []
        for page in pages:
            soup = _soup(track_index(project, track, "", page.number))
            titles = [a.get_text() for a in soup.select("ol.sso-track .sso-card__title a")]
            assert len(titles) <= TRACK_PAGE_MODULES
            listed += titles
            pager = [a["href"] for a in soup.select("nav.sso-pager a")]
            assert pager == [p.url for p in pages if p.number != page.number]
            assert soup.select_one("nav.sso-pager [aria-current=page]").get_text() == str(page.number)
        assert listed == [lesson.module.title for lesson in lessons]


def test_curriculum_index_and_module_table_preview_and_link_to_the_rest(large: Path) -> None:
    project = load_project(large)
    soup = _soup(curriculum_index(project))
    adult = soup.find("section", attrs={"aria-labelledby": "modul-dewasa"})
    count = len(project.lessons_of_track("dewasa"))
    assert len(adult.select("article.sso-card")) == LIST_PREVIEW < count
    assert len(soup.select("article.sso-card")) == 2 * LIST_PREVIEW  # each module once, not once per reader
    more = adult.find("a", string=lambda text: bool(text) and text.startswith("Semua"))
    assert more["href"] == "kurikulum/dewasa/" and f"Semua {count} modul dewasa" in more.get_text()
    table = _soup(module_table(project))
    rows = table.select("tbody tr")
    assert len(rows) == 2 * (LIST_PREVIEW + 1)
    assert rows[LIST_PREVIEW].a["href"] == "kurikulum/dewasa/"


def test_pack_volumes_cover_the_track_evenly(large: Path) -> None:
    project = load_project(large)
    for track in ("dewasa", "remaja"):
        volumes = pack_volumes(project, track)
        sizes = [len(v.lessons) for v in volumes]
        assert max(sizes) <= PACK_VOLUME_MODULES and max(sizes) - min(sizes) <= 1
        assert [lesson for v in volumes for lesson in v.lessons] == project.lessons_of_track(track)


def test_large_curriculum_builds_with_every_generated_page_linked(large: Path, tmp_path: Path) -> None:
    """A strict build fails on any broken link or anchor, so the pagers, volume lists and previews all resolve."""
    result = mkdocs_build(large, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    project = load_project(large)
    for track in ("dewasa", "remaja"):
        for page in track_pages(project, track)[1:]:
            html = (tmp_path / "site" / page.url / "index.html").read_text("utf-8")
            assert f"(halaman {page.number} dari {page.of})" in html
        last = pack_volumes(project, track)[-1]
        assert (tmp_path / "site" / last.url / "index.html").is_file()
