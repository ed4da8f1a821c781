"""Curriculum pages in a real build: lesson pages, running clocks, reverse links, indexes and packs."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import VALID_EVENT, real_module, write_data, write_module
from smartschool.curriculum_pages import PACK_VOLUME_MODULES, agenda_clock, demote_headings, pack_volumes
from smartschool.project import load_project
from smartschool.reference_pages import mention_help
from smartschool.render import event_page_markdown

ROOT = Path(__file__).resolve().parent.parent


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


def _resolve(page_path: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(page_path, href)) + "/"


def test_every_module_has_a_page_generated_from_its_source(built_site: Path) -> None:
    project = load_project(ROOT)
    for lesson in project.lessons:
        page = _page(built_site, lesson.url)
        assert page.find("h1").get_text(strip=True) == lesson.module.title
        text = page.get_text(" ", strip=True)
        assert f"{lesson.module.duration_minutes} menit" in text
        # `[[bantuan:<id>]]` shows as the channel's name and contacts (smartschool.help_mentions): compare the
        # text as shown, spaces aside (the contacts are links).
        flat = re.sub(r"\s+", "", text)
        shown = [
            re.sub(r"\s+", "", BeautifulSoup(mention_help(project, item), "html.parser").get_text())
            for item in [*lesson.module.objectives, *lesson.module.take_home]
        ]
        assert all(item in flat for item in shown)
    assert not list((ROOT / "docs").rglob("grooming*")), "lesson pages must not be copied into docs/"


def test_lesson_page_has_agenda_with_running_clock(built_site: Path) -> None:
    table = _page(built_site, "kurikulum/remaja/grooming").find("table", class_="sso-agenda")
    clock = [row.find("td").get_text(strip=True) for row in table.find("tbody").find_all("tr")]
    assert clock == ["00:00", "00:10", "00:20", "00:35", "00:50", "01:15", "01:25", "01:30"]


def test_lesson_page_shows_facilitator_and_safeguarding_notes_and_sections(built_site: Path) -> None:
    page = _page(built_site, "kurikulum/remaja/grooming")
    assert page.select(".admonition.fasilitator") and page.select(".admonition.perlindungan")
    assert page.select_one(".admonition.contoh .admonition-title").get_text(strip=True) == "Contoh kasus (fiktif)"
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.find_all("h2")]
    for expected in (
        "Pesan kunci",
        "Agenda",
        "Pertanyaan diskusi",
        "Untuk dibawa pulang",
        "Sumber",
        "Modul terkait",
        "Dibahas di acara",
    ):
        assert expected in headings
    assert page.find("input", id="sso-participant-view") is not None


def test_lesson_links_back_to_the_events_that_covered_it(built_site: Path) -> None:
    page = _page(built_site, "kurikulum/dewasa/hukum-perlindungan-anak")
    section = page.find("h2", id="dibahas-di-acara").find_next("ul")
    link = section.find("a")
    assert _resolve("kurikulum/dewasa/hukum-perlindungan-anak", link["href"]) == "acara/kupang-2018/"
    assert "hari 1" in section.get_text()


def test_event_page_links_each_day_to_its_modules(built_site: Path) -> None:
    page = _page(built_site, "acara/kupang-2018")
    hrefs = {_resolve("acara/kupang-2018", a["href"]) for a in page.select("dd a") if "kurikulum" in a["href"]}
    assert "kurikulum/dewasa/bentuk-esa-online/" in hrefs and "kurikulum/remaja/grooming/" in hrefs
    assert len(hrefs) == 9


def test_curriculum_index_lists_each_module_once_by_track_with_reader_labels(built_site: Path) -> None:
    page = _page(built_site, "kurikulum")
    filters = [a["href"] for a in page.select("nav.sso-filter a")]
    assert filters == ["#modul-dewasa", "#modul-remaja"]
    module_links = [_resolve("kurikulum", a["href"]) for a in page.select("article.sso-card a")]
    project = load_project(ROOT)
    expected = [lesson.url for track in ("dewasa", "remaja") for lesson in project.lessons_of_track(track)]
    assert sorted(module_links) == sorted(expected) and len(set(module_links)) == len(module_links)
    youth = page.find("section", attrs={"aria-labelledby": "modul-remaja"})
    titles = [a.get_text(strip=True) for a in youth.select(".sso-card__title a")]
    assert titles[0].startswith("Mengenal Eksploitasi") and len(titles) == 7
    assert "menit" in youth.get_text() and "Peserta mampu" in youth.get_text()
    labels = {li.get_text(strip=True) for li in youth.select("ul.sso-labels li")}
    assert labels == {"Pelajar SMP", "Pelajar SMA"}
    adult = page.find("section", attrs={"aria-labelledby": "modul-dewasa"})
    assert {li.get_text(strip=True) for li in adult.select("ul.sso-labels li")} == {"Orang tua", "Guru", "Komunitas"}


def test_school_levels_are_never_written_in_lowercase(built_site: Path) -> None:
    """School levels are names, "SMP" and "SMA": "Untuk pelajar smp" was the index's heading (labels lowered)."""
    for name in ("kurikulum", "kurikulum/remaja", "kurikulum/dewasa", "acara/kupang-2018", ""):
        page = (
            _page(built_site, name)
            if name
            else BeautifulSoup((built_site / "index.html").read_text("utf-8"), "html.parser")
        )
        main = page.find("article") or page
        for hidden in main.select("script, style"):
            hidden.decompose()
        text = main.get_text(" ")
        assert not re.search(r"\b(smp|sma)\b", text), (name, re.findall(r".{30}\b(?:smp|sma)\b.{30}", text))


@pytest.mark.parametrize("track", ["dewasa", "remaja"])
def test_facilitator_pack_volumes_hold_every_module_of_the_track_in_order(built_site: Path, track: str) -> None:
    lessons = load_project(ROOT).lessons_of_track(track)
    volumes = pack_volumes(load_project(ROOT), track)
    assert len(volumes) == -(-len(lessons) // PACK_VOLUME_MODULES) > 1  # the real tracks need two volumes
    starts, toc_entries = [], 0
    for volume in volumes:
        page = _page(built_site, volume.url.rstrip("/"))
        starts += [h.get_text(strip=True) for h in page.select("h2.sso-pack-start")]
        assert page.find("button", class_="sso-print").get_text(strip=True) == "Cetak"
        assert f"(jilid {volume.number} dari {len(volumes)})" in page.find("h1").get_text()
        toc_entries += len(page.select("nav.md-nav--secondary a"))
    assert starts == [lesson.module.title for lesson in lessons]
    assert toc_entries == 0  # the module list at the top replaces a table of contents of every heading
    index = _page(built_site, f"kurikulum/{track}")
    links = [a["href"] for a in index.select("ul.sso-pack-volumes a")]
    assert [link.rstrip("/").split("/")[-1] for link in links] == [v.url.rstrip("/").split("/")[-1] for v in volumes]


def test_pack_volumes_are_even_and_keep_the_first_address() -> None:
    project = load_project(ROOT)
    sizes = [len(v.lessons) for v in pack_volumes(project, "remaja")]
    assert sizes == [3, 2, 2] and max(sizes) <= PACK_VOLUME_MODULES
    first, second, _third = pack_volumes(project, "remaja")
    assert first.url == "kurikulum/remaja/paket-fasilitator/" and second.url == "kurikulum/remaja/paket-fasilitator-2/"
    assert (first.label, second.label) == ("Jilid 1: modul 1–3", "Jilid 2: modul 4–5")


def test_running_clock_and_heading_demotion() -> None:
    lesson = load_project(ROOT).lesson("bentuk-esa-online")
    slots = agenda_clock(lesson)
    assert slots[0].start == "00:00" and slots[-1].end == "01:30"
    assert (
        demote_headings("## A\ntext\n```\n## not a heading\n```\n### B", 1)
        == "### A\ntext\n```\n## not a heading\n```\n#### B"
    )


def test_day_schedule_computes_clock_times_from_module_durations(tmp_path: Path) -> None:
    events = VALID_EVENT.replace(
        "        formats: [presentasi]\n",
        (
            "        formats: [presentasi]\n        schedule:\n          start: '08:30'\n          items:\n"
            "            - module: grooming\n            - title: Istirahat\n              minutes: 15\n"
            "            - module: grooming\n"
        ),
    )
    write_data(tmp_path, events)
    write_module(
        tmp_path,
        "remaja",
        "grooming",
        real_module("remaja", "grooming").replace(
            "related: [mengenal-esa-online, sexting-dan-sextortion, bersuara-dan-melapor]", "related: []"
        ),
    )
    project = load_project(tmp_path)
    html = BeautifulSoup(event_page_markdown(project, project.events[0]), "html.parser")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in html.select("table.sso-schedule tbody tr")]
    assert rows[0][0] == "08:30–10:00" and rows[0][1].startswith("Grooming")
    assert rows[1] == ["10:00–10:15", "Istirahat", "15"]
    assert rows[2][0] == "10:15–11:45"


def test_lesson_links_the_glossary_terms_it_uses(built_site: Path) -> None:
    page = _page(built_site, "kurikulum/remaja/grooming")
    links = {
        _resolve("kurikulum/remaja/grooming", a["href"].split("#")[0]) + "#" + a["href"].split("#")[1]
        for a in page.select("ul.sso-terms a")
    }
    assert "glosarium/#grooming" in links
    assert "glosarium/#live-streaming-kekerasan-seksual-anak" not in links  # the lesson never mentions it


def test_youth_pages_and_lessons_close_with_the_help_box(built_site: Path) -> None:
    project = load_project(ROOT)
    youth = [lesson.url for lesson in project.lessons_of_track("remaja")]
    youth += [p.relative_to(built_site).parent.as_posix() + "/" for p in (built_site / "remaja").rglob("index.html")]
    for path in youth:
        box = _page(built_site, path.rstrip("/")).select_one("aside.sso-help-box")
        assert box is not None, f"{path} has no help box"
        assert "tel:129" in str(box) and "https://wa.me/628111129129" in str(box)


def test_about_page_lists_partner_classes_derived_from_events(built_site: Path) -> None:
    page = _page(built_site, "tentang")
    sejiwa = page.find("section", attrs={"aria-labelledby": "org-yayasan-sejiwa"}).get_text(" ", strip=True)
    assert "Mengelola kelas di Workshop Smart School Online di Kupang" in sejiwa
    assert "topik tidak tercatat dalam laporan" in sejiwa
    kompak = page.find("section", attrs={"aria-labelledby": "org-kompak-jakarta"}).get_text(" ", strip=True)
    assert "Pemateri pendamping pada hari 2" in kompak


def test_workshop_formats_take_times_from_the_modules(built_site: Path) -> None:
    page = _page(built_site, "guru/menjalankan-workshop")
    project = load_project(ROOT)
    first_day = page.select("table.sso-schedule")[0]
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in first_day.select("tbody tr")]
    first = project.lesson("bentuk-esa-online").module.duration_minutes
    assert rows[0][0] == f"08:00–{8 + first // 60:02d}:{first % 60:02d}" and rows[0][2] == str(first)
    assert rows[1][1] == "Istirahat" and rows[1][0].startswith(rows[0][0].split("–")[1])
    durations = {lesson.module.title: lesson.module.duration_minutes for lesson in project.lessons}
    table = page.select_one("table.sso-modules")
    listed = {
        tr.find("a").get_text(strip=True): int(tr.find_all("td")[2].get_text()) for tr in table.select("tbody tr")
    }
    assert listed == durations


def test_glossary_aliases_are_found_as_whole_words_even_when_they_overlap() -> None:
    from smartschool.curriculum_pages import _alias_pattern

    pattern, within = _alias_pattern((("a", ("ESA online",)), ("b", ("ESA",)), ("c", ("online anak",)), ("d", ("SA",))))

    def terms(text: str) -> list[str]:
        return sorted({term for alias in set(pattern.findall(text)) for term in within[alias]})

    assert terms("tentang ESA online anak") == ["a", "b", "c"]
    assert terms("ESAonline dan RESA") == []  # only whole words
