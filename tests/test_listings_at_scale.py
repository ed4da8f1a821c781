"""Listings of events stay small as events grow: acara/ with a yearly archive, the home page's history, partners."""

from __future__ import annotations

import posixpath
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, write_data
from sitebuild import mkdocs_build
from smartschool import event_archive
from smartschool.event_archive import LISTING_CAP, archive_years, events_archive, events_table, latest_events, years
from smartschool.project import Project, load_project
from smartschool.reference_pages import ORG_EVENTS_CAP, organizations
from smartschool.render import HISTORY_CAP, next_stops

# Events per year, chosen so that whole years fit under the cap only up to 2022 (20 + 25 <= 50 < 20 + 25 + 40).
PER_YEAR = {2023: 20, 2022: 25, 2021: 40, 2020: 35}
TODAY = date(2026, 11, 28)


def scale_events(per_year: dict[int, int], real: bool = False) -> str:
    """events.yaml text with `per_year[year]` valid events in each year, every one with classes and a follow-up.

    With `real`, the real Kupang event comes first (hand-written pages link to it).
    """
    events = yaml.safe_load((ROOT / "data/events.yaml").read_text("utf-8"))["events"] if real else []
    for year, count in per_year.items():
        for i in range(count):
            month, day = 1 + i % 12, 1 + i // 12
            start = f"{year}-{month:02d}-{day:02d}"
            events.append(
                {
                    "id": f"acara-{year}-{i:02d}",
                    "program": "Smart School Online",
                    "title": f"Workshop {year} nomor {i}",
                    "status": "held",
                    "start": start,
                    "end": start,
                    "city": "Kupang",
                    "province": "Nusa Tenggara Timur",
                    "organizer": "ecpat-indonesia",
                    "partner_classes": [
                        {"organization": "ecpat-indonesia", "topic": "Pencegahan"},
                        {"organization": "ict-watch", "topic": None},
                    ],
                    "days": [
                        {
                            "date": start,
                            "audiences": ["guru"],
                            "topics": ["Pencegahan"],
                            "formats": ["presentasi"],
                            "co_facilitators": ["kompak-jakarta"] if i % 2 == 0 else [],
                        }
                    ],
                    "follow_up": {
                        "city": "Parepare",
                        "province": "Sulawesi Selatan",
                        "date": f"{year + 1}-{month:02d}",
                    },
                }
            )
    return yaml.safe_dump({"events": events}, allow_unicode=True, sort_keys=False)


def newest_first_ids(per_year: dict[int, int]) -> list[str]:
    """The ids `scale_events` writes, newest first by start date: derived from how the fixture dates its events,
    independently of the code under test (`Project.events_newest_first`)."""
    dated = [
        ((year, 1 + i % 12, 1 + i // 12), f"acara-{year}-{i:02d}")
        for year, count in per_year.items()
        for i in range(count)
    ]
    return [event_id for _, event_id in sorted(dated, reverse=True)]


# Written out: in 2023, 1 December (event 11) is the newest, then November, October, September, then 2 August
# (event 19, the second round of months) before 1 August (event 7). Sorting by id would put event 19 first.
NEWEST_2023 = ["acara-2023-11", "acara-2023-10", "acara-2023-09", "acara-2023-08", "acara-2023-19", "acara-2023-07"]


def test_the_expected_order_is_the_calendar_order() -> None:
    assert newest_first_ids(PER_YEAR)[:6] == NEWEST_2023


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return load_project(write_data(tmp_path_factory.mktemp("scale"), scale_events(PER_YEAR)))


def _html(fragment: str) -> BeautifulSoup:
    return BeautifulSoup(fragment, "html.parser")


def _event_links(soup: BeautifulSoup, base: str, page: str) -> list[str]:
    """The event ids that the rows of the events table link to, resolved from `page` with `base`."""
    links = [a["href"] for a in soup.select("table.sso-events tbody tr a")]
    assert all(href.startswith(base) for href in links)
    return [posixpath.normpath(posixpath.join(page, href)).split("/")[1] for href in links]


def test_acara_lists_whole_recent_years_up_to_the_cap(project: Project) -> None:
    shown = latest_events(project)
    assert len(shown) == 45 <= LISTING_CAP
    assert {e.start.year for e in shown} == {2023, 2022}
    table = _html(events_table(project, "../"))
    ids = _event_links(table, "../", "acara")
    assert ids == newest_first_ids(PER_YEAR)[:45] and ids[:6] == NEWEST_2023
    assert table.find("table").has_attr("data-search-exclude")
    assert "45 acara terbaru dari 120" in table.find("caption").get_text()
    assert table.find("a", href="#arsip-per-tahun") is not None


def test_acara_shows_the_newest_events_when_one_year_is_over_the_cap(project: Project) -> None:
    shown = latest_events(project, cap=10)
    assert [e.id for e in shown] == newest_first_ids(PER_YEAR)[:10] and {e.start.year for e in shown} == {2023}


def test_archive_links_every_year_page_with_its_count(project: Project) -> None:
    markdown = events_archive(project, "../")
    assert markdown.startswith("## Arsip per tahun\n")
    items = _html(markdown).select("ul.sso-years li")
    assert [li.get_text(" ", strip=True) for li in items] == [f"{y} ({n} acara)" for y, n in PER_YEAR.items()]
    assert [li.a["href"] for li in items] == [f"../acara/tahun/{y}/" for y in PER_YEAR]


def test_each_year_page_lists_exactly_that_years_events(project: Project) -> None:
    archive = archive_years(project)
    assert [y.year for y in archive] == list(PER_YEAR)
    for year in archive:
        markdown = event_archive.year_page_markdown(project, year.pages()[0], archive)
        front, body = markdown.split("---\n", 2)[1:]
        assert yaml.safe_load(front)["title"] == f"Acara tahun {year.year}"
        soup = _html(body)
        ids = _event_links(soup, "../../../", f"acara/tahun/{year.year}")
        expected = newest_first_ids({year.year: PER_YEAR[year.year]})
        assert ids == expected and len(ids) == PER_YEAR[year.year]
        current = soup.find(attrs={"aria-current": "page"})
        assert current.get_text() == str(year.year) and current.find_parent("a") is None
        assert len(soup.select("ul.sso-years a")) == len(PER_YEAR) - 1


def test_no_archive_when_acara_lists_every_event(tmp_path: Path) -> None:
    small = load_project(write_data(tmp_path, scale_events({2021: 3, 2020: 4})))
    assert len(latest_events(small)) == 7 and archive_years(small) == [] and events_archive(small) == ""
    table = _html(events_table(small))
    assert table.find("caption").get_text() == "Semua acara, dari yang terbaru"
    assert table.find("a", href="#arsip-per-tahun") is None
    assert [y.year for y in years(small)] == [2021, 2020]


def test_home_history_is_capped_with_a_link_to_all_events(project: Project) -> None:
    soup = _html(next_stops(project, TODAY, ""))
    lists = soup.find_all("ul")
    history = lists[-1].find_all("li")
    assert len(history) == HISTORY_CAP
    assert all(ul.has_attr("data-search-exclude") for ul in lists)
    newest = newest_first_ids(PER_YEAR)
    assert [li.a["href"] for li in history] == [f"acara/{event_id}/" for event_id in newest[:HISTORY_CAP]]
    note = soup.find("a", string="Semua acara")
    assert note["href"] == "acara/"
    upcoming = sum(1 for e in project.events if e.follow_up.date >= "2026-11")
    assert f"dari {len(newest) - upcoming}" in note.parent.get_text()


def test_upcoming_stops_are_listed_up_to_a_cap(project: Project) -> None:
    total = sum(1 for e in project.events if e.follow_up.date >= "2023-01")
    soup = _html(next_stops(project, date(2023, 1, 1), "", upcoming_cap=total))
    assert len(soup.find_all("ul")[0].find_all("li")) == total and "tujuan terdekat" not in soup.get_text()
    soup = _html(next_stops(project, date(2023, 1, 1), "", upcoming_cap=5))
    assert len(soup.find_all("ul")[0].find_all("li")) == 5
    note = soup.find("a", string="Semua acara")
    assert note["href"] == "acara/" and f"Ditampilkan 5 tujuan terdekat dari {total}" in note.parent.get_text()


def test_organisations_show_their_latest_events_and_count_the_rest(project: Project) -> None:
    soup = _html(organizations(project, "../"))
    ecpat = soup.find("section", attrs={"aria-labelledby": "org-ecpat-indonesia"})
    assert len(ecpat.select("ul li")) == ORG_EVENTS_CAP
    assert ecpat.find("ul").has_attr("data-search-exclude")
    assert f"mengelola {120 - ORG_EVENTS_CAP} kelas lainnya" in ecpat.get_text(" ")
    assert ecpat.find("a", string="Semua acara")["href"] == "../acara/"

    kompak = soup.find("section", attrs={"aria-labelledby": "org-kompak-jakarta"})
    co_days = sum(1 for e in project.events for d in e.days if "kompak-jakarta" in d.co_facilitators)
    assert len(kompak.select("ul li")) == ORG_EVENTS_CAP
    assert f"pendamping pada {co_days - ORG_EVENTS_CAP} hari lainnya" in kompak.get_text(" ")
    assert "kelas lainnya" not in kompak.get_text(" ")

    sejiwa = soup.find("section", attrs={"aria-labelledby": "org-yayasan-sejiwa"})
    assert sejiwa.find("ul") is None and "lainnya" not in sejiwa.get_text()


def test_built_site_has_year_pages_and_small_listings(scratch_project: Path, tmp_path: Path) -> None:
    write_data(scratch_project, scale_events(PER_YEAR, real=True))
    site = tmp_path / "site"
    result = mkdocs_build(scratch_project, site)
    assert result.returncode == 0, result.stderr
    acara = BeautifulSoup((site / "acara/index.html").read_text("utf-8"), "html.parser")
    assert len(acara.select("table.sso-events tbody tr")) == 45
    assert acara.find(id="arsip-per-tahun") is not None
    for year, count in [*PER_YEAR.items(), (2018, 1)]:
        link = acara.find("a", href=f"../acara/tahun/{year}/")
        assert link is not None, year
        page = BeautifulSoup((site / f"acara/tahun/{year}/index.html").read_text("utf-8"), "html.parser")
        assert page.find("h1").get_text(strip=True) == f"Acara tahun {year}"
        rows = page.select("table.sso-events tbody tr a")
        assert len(rows) == count and all(
            (site / "acara/tahun" / str(year) / a["href"]).resolve().is_dir() for a in rows
        )
    menu = acara.find("nav", class_="md-nav--primary").find("a", href="tahun/2023/")  # the newest year first
    assert menu.get_text(strip=True) == "Arsip per tahun"


def test_year_pages_escape_data(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script> {{ 7*7 }}"
    text = scale_events({2021: 30, 2020: 30}).replace("title: Workshop 2021 nomor 0", f"title: '{hostile}'")
    project = load_project(write_data(tmp_path, text))
    year = archive_years(project)[0]
    markdown = event_archive.year_page_markdown(project, year.pages()[0], archive_years(project))
    assert "<script>" not in markdown and "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in markdown
    front = yaml.safe_load(markdown.split("---\n")[1])
    assert front["render_macros"] is False and front["title"] == "Acara tahun 2021"


def test_a_busy_year_continues_on_further_pages(tmp_path: Path) -> None:
    cap = event_archive.YEAR_PAGE_CAP
    project = load_project(write_data(tmp_path, scale_events({2021: 2 * cap + 30, 2020: 10})))
    archive = archive_years(project)
    busy = archive[0]
    pages = busy.pages()
    assert [len(p.events) for p in pages] == [cap, cap, 30]
    assert [p.url for p in pages] == ["acara/tahun/2021/", "acara/tahun/2021-2/", "acara/tahun/2021-3/"]
    listed = []
    for page in pages:
        markdown = event_archive.year_page_markdown(project, page, archive)
        front, body = markdown.split("---\n")[1:3]
        assert yaml.safe_load(front)["title"] == f"Acara tahun 2021 (halaman {page.number} dari 3)"
        soup = _html(body)
        listed += _event_links(soup, "../../../", page.url.rstrip("/"))
        pager = soup.find("nav", class_="sso-pager")
        assert [a["href"] for a in pager.select("a")] == [f"../../../{p.url}" for p in pages if p is not page]
    assert listed == [e.id for e in busy.events]
    assert archive[1].pages()[0].of == 1  # a quiet year keeps one page and no pager
