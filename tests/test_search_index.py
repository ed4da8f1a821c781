"""The search index: Pagefind runs in the build and indexes the site as Indonesian; what each page contributes
(content only, facilitator text and repeated lists left out, no pack volume) and the filters it carries; a
Pagefind failure fails the build with one line."""

from __future__ import annotations

import filecmp
import json
import shutil
import stat
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import identical_tree, mkdocs_build
from smartschool.project import load_project
from smartschool.search_index import (
    BUNDLE,
    KINDS,
    READERS,
    UNUSED_FILES,
    IndexingFailed,
    filter_markup,
    ignore_excluded,
    index_site,
    indexed_pages,
    is_indexed,
    mark_body,
    page_filters,
)

ROOT = Path(__file__).resolve().parent.parent


# --- what a page contributes -----------------------------------------------------------------------------------


def test_a_heading_marked_for_exclusion_takes_its_section_with_it() -> None:
    html = (
        '<h1 id="t">Judul</h1><p>tetap</p>'
        '<h2 id="a" data-search-exclude="">Langkah</h2><p>skrip</p><ul><li>skrip</li></ul>'
        '<h2 id="b">Pesan</h2><p>tetap</p>'
    )
    assert ignore_excluded(html) == (
        '<h1 id="t">Judul</h1><p>tetap</p>'
        '<h2 data-pagefind-ignore id="a" data-search-exclude="">Langkah</h2><p data-pagefind-ignore>skrip</p>'
        '<ul data-pagefind-ignore><li>skrip</li></ul><h2 id="b">Pesan</h2><p>tetap</p>'
    )


def test_a_section_ends_with_the_element_that_holds_its_heading() -> None:
    """As Material's search read it: a card's excluded heading leaves out the card's text, not what follows."""
    html = '<div class="c"><h2 id="x" data-pagefind-ignore>Kartu</h2><p>isi</p></div><p>sesudah</p>'
    assert ignore_excluded(html) == (
        '<div class="c"><h2 id="x" data-pagefind-ignore>Kartu</h2><p data-pagefind-ignore>isi</p></div><p>sesudah</p>'
    )


def test_an_indexed_heading_inside_an_excluded_section_keeps_its_text() -> None:
    html = '<h2 id="x" data-pagefind-ignore>A</h2><div><p>skrip</p><h3 id="y">B</h3><p>tetap</p></div>'
    assert ignore_excluded(html) == (
        '<h2 id="x" data-pagefind-ignore>A</h2><div><p data-pagefind-ignore>skrip</p>'
        '<h3 id="y">B</h3><p>tetap</p></div>'
    )


def test_elements_marked_by_material_get_the_pagefind_mark_once() -> None:
    html = '<aside data-search-exclude=""><p>bantuan</p></aside><p data-search-exclude data-pagefind-ignore>x</p>'
    out = ignore_excluded(html)
    assert out == (
        '<aside data-pagefind-ignore data-search-exclude=""><p>bantuan</p></aside>'
        "<p data-search-exclude data-pagefind-ignore>x</p>"
    )
    assert ignore_excluded(out) == out


@pytest.mark.parametrize(
    "url,audiences,expected",
    [
        ("remaja/bukan-salahmu/", None, {"pembaca": ["Remaja"], "jenis": ["Panduan"]}),
        ("orang-tua/", None, {"pembaca": ["Orang tua"], "jenis": ["Panduan"]}),
        ("guru/protokol-pengungkapan/", None, {"pembaca": ["Guru"], "jenis": ["Panduan"]}),
        ("komunitas/", None, {"pembaca": ["Komunitas"], "jenis": ["Panduan"]}),
        ("bantuan/", None, {"pembaca": list(READERS), "jenis": ["Panduan"]}),
        ("acara/kupang-2018/", None, {"jenis": ["Acara"]}),
        ("acara/tahun/2018/", None, {"jenis": ["Acara"]}),
        ("kurikulum/remaja/grooming/", ["smp", "sma"], {"pembaca": ["Remaja"], "jenis": ["Pelajaran"]}),
        ("kurikulum/dewasa/x/", ["guru", "orang-tua"], {"pembaca": ["Orang tua", "Guru"], "jenis": ["Pelajaran"]}),
        ("kurikulum/dewasa/", None, {"pembaca": ["Orang tua", "Guru", "Komunitas"]}),
        ("", None, {}),
        ("glosarium/", None, {}),
    ],
)
def test_page_filters_come_from_the_address_and_a_lessons_audiences(
    url: str, audiences: list[str] | None, expected: dict
) -> None:
    assert page_filters(url, audiences) == expected


def test_filter_markup_is_empty_elements_with_escaped_values() -> None:
    assert filter_markup({"pembaca": ["Orang tua"], "jenis": ['A"<']}) == (
        '<span data-pagefind-filter="pembaca:Orang tua"></span><span data-pagefind-filter="jenis:A&quot;&lt;"></span>'
    )


def test_pack_volumes_and_excluded_pages_are_not_indexed() -> None:
    assert is_indexed({}) and is_indexed({"sso_lesson": True})
    assert not is_indexed({"sso_pack": True}) and not is_indexed({"search": {"exclude": True}})


def test_a_page_without_the_themes_article_is_refused() -> None:
    with pytest.raises(ValueError, match="article"):
        mark_body("<html><body><main>x</main></body></html>")


# --- the build -------------------------------------------------------------------------------------------------


def test_the_build_writes_an_indonesian_pagefind_index_of_the_content_pages(built_site: Path) -> None:
    bundle = built_site / BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    pages = list(built_site.rglob("index.html"))
    packs = [p for p in pages if "paket-fasilitator" in p.parent.name]
    assert packs
    # pages that only repeat a lesson's text for printing are left out too (`search: {exclude: true}`)
    packs += [p for p in pages if p.parent.name in ("bahan-peserta", "lembar-sebelum-sesudah")]
    assert entry["languages"] == {"id": entry["languages"]["id"]}  # one index, Indonesian
    assert entry["languages"]["id"]["page_count"] == len(pages) - len(packs)
    assert (bundle / "wasm.id.pagefind").is_file() and (bundle / "pagefind.js").is_file()
    assert not [name for name in UNUSED_FILES if (bundle / name).exists()]
    assert not (built_site / "search/search_index.json").exists()  # Material's lunr index is gone
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        assert article.has_attr("data-pagefind-body") == (page not in packs), page
        assert len(soup.select("[data-pagefind-body]")) == (page not in packs), page


def test_what_a_lesson_contributes_to_the_index(built_site: Path) -> None:
    indexed = indexed_pages(built_site)
    assert not [url for url in indexed if "paket-fasilitator" in url]  # the packs repeat the lessons
    lesson = load_project(ROOT).lesson("grooming")
    record = indexed["/kurikulum/remaja/grooming/"]
    assert record.title == lesson.module.title
    assert record.filters == {"pembaca": ["Remaja"], "jenis": ["Pelajaran"]}
    for kept in (
        lesson.module.summary,
        lesson.module.key_messages[0],
        lesson.module.take_home[0],
        lesson.module.agenda[3].title,
    ):
        assert kept in record.content, kept
    left_out = [
        *lesson.module.objectives,
        *lesson.module.discussion_questions,
        *lesson.module.materials,
        *(source.title for source in lesson.module.sources),
        "Butuh bantuan?",
        "Pertanyaan diskusi",
        "Catatan fasilitator",
        "Cetak cerita chat fiktif",
        "Tulis kesepakatan kelompok di papan",
        "Modul terkait",
        "Dibahas di acara",
        "Tampilan peserta",
        "¶",
    ]
    assert [text for text in left_out if text in record.content] == []


def test_every_indexed_page_has_a_title_and_filters_use_known_values(built_site: Path) -> None:
    indexed = indexed_pages(built_site)
    assert not [url for url, record in indexed.items() if not record.title.strip()]
    values: dict[str, set[str]] = {}
    for record in indexed.values():
        for name, found in record.filters.items():
            values.setdefault(name, set()).update(found)
    assert set(values) == {"pembaca", "jenis"}
    assert values["pembaca"] == set(READERS) and values["jenis"] == set(KINDS)
    assert indexed["/acara/kupang-2018/"].filters == {"jenis": ["Acara"]}


def test_the_dialog_offers_the_filter_values_the_pages_carry(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "index.html").read_text("utf-8"), "html.parser")
    dialog = soup.select_one("dialog#sso-search")
    assert dialog.has_attr("aria-labelledby") and soup.find(id=dialog["aria-labelledby"]).get_text(strip=True)
    options = {
        select["data-sso-filter"]: [o.get_text(strip=True) for o in select.find_all("option")[1:]]
        for select in dialog.select("select[data-sso-filter]")
    }
    assert options == {"pembaca": list(READERS), "jenis": list(KINDS)}
    button = soup.select_one("header [data-sso-search-open]")
    assert button.has_attr("hidden") and button["aria-controls"] == "sso-search"  # the script shows it


def test_indexing_twice_writes_the_same_files(built_site: Path, tmp_path: Path) -> None:
    for name in ("one", "two"):
        shutil.copytree(built_site, tmp_path / name)
        index_site(tmp_path / name)
    assert identical_tree(filecmp.dircmp(tmp_path / "one" / BUNDLE, tmp_path / "two" / BUNDLE))
    assert identical_tree(filecmp.dircmp(built_site / BUNDLE, tmp_path / "one" / BUNDLE))


# --- failures --------------------------------------------------------------------------------------------------


def _failing_pagefind(folder: Path) -> Path:
    script = folder / "pagefind"
    script.write_text(f"#!{sys.executable}\nimport sys\nprint('Error: disk full')\nsys.exit(3)\n", "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_a_pagefind_failure_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    with pytest.raises(IndexingFailed) as failed:
        index_site(tmp_path / "site", executable=_failing_pagefind(tmp_path))
    assert str(failed.value) == "Pagefind failed (disk full)"
    with pytest.raises(IndexingFailed, match=r"^Pagefind failed"):
        index_site(tmp_path / "site")  # the real Pagefind on a folder with no page


def test_a_pagefind_failure_fails_the_build_without_a_traceback(
    scratch_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(_failing_pagefind(tmp_path)))
    result = mkdocs_build(scratch_project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert "Search index: Pagefind failed (disk full)" in output
    assert "Traceback" not in output


def test_pagefind_is_pinned_in_the_lock_file_with_its_binary() -> None:
    lock = (ROOT / "requirements/site.txt").read_text("utf-8")
    assert "\npagefind==" in lock and "\npagefind-bin==" in lock
    assert "pagefind[bin]" in (ROOT / "requirements/site.in").read_text("utf-8")
