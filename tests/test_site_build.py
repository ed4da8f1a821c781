"""Real MkDocs builds: the event pages carry the report's facts, bad data stops the build, data is escaped."""

from __future__ import annotations

import filecmp
import json
import posixpath
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import ROOT, identical_tree, mkdocs_build


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text("utf-8"), "html.parser")


def test_event_page_shows_the_reports_facts(built_site: Path) -> None:
    page = _page(built_site, "acara/kupang-2018/index.html")
    text = page.get_text(" ", strip=True)
    assert page.find("h1").get_text(strip=True) == "Workshop Smart School Online di Kupang"
    assert page.find("html")["lang"] == "id"
    for fact in (
        "16–17 Maret 2018",
        "Kupang, Nusa Tenggara Timur",
        "ECPAT Indonesia",
        "Yayasan SEJIWA",
        "ICT Watch",
        "KOMPAK Jakarta",
        "Jumat, 16 Maret 2018",
        "Sabtu, 17 Maret 2018",
        "Diskusi kelompok",
        "Grooming",
        "Sexting",
        "Parepare, Sulawesi Selatan",
        "April 2018",
        "Deden Ramadani",
        "topik tidak tercatat dalam laporan",
    ):
        assert fact in text, fact
    assert "Pare-Pare" not in text
    report = page.find("a", href="https://ecpatindonesia.org/berita/workshop-smart-schoool-online-di-kupang/")
    assert report is not None


def test_events_index_is_a_table_built_from_the_data(built_site: Path) -> None:
    table = _page(built_site, "acara/index.html").find("table", class_="sso-events")
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == 1
    cells = [td.get_text(" ", strip=True) for td in rows[0].find_all("td")]
    assert cells[0] == "16–17 Maret 2018" and cells[2] == "Kupang, Nusa Tenggara Timur"
    assert posixpath.normpath(posixpath.join("acara", rows[0].find("a")["href"])) == "acara/kupang-2018"


def test_home_shows_latest_event_and_past_follow_up_as_history(built_site: Path) -> None:
    home = _page(built_site, "index.html")
    card = home.find("article", class_="sso-card")
    assert card.find("a")["href"] == "acara/kupang-2018/"
    timeline = home.find("div", class_="sso-timeline").get_text(" ", strip=True)
    assert "Riwayat" in timeline and "Parepare" in timeline
    assert "Belum ada jadwal berikutnya" in timeline  # April 2018 is history on the frozen build date


def test_no_request_to_a_font_host(built_site: Path) -> None:
    html = (built_site / "index.html").read_text("utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_bad_data_stops_the_build_and_keeps_the_last_site(scratch_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert mkdocs_build(scratch_project, site).returncode == 0
    before = tmp_path / "before"
    subprocess.run(["cp", "-a", str(site), str(before)], check=True)

    events = scratch_project / "data/events.yaml"
    events.write_text(events.read_text("utf-8").replace("    follow_up:", "    folow_up:"), "utf-8")
    result = mkdocs_build(scratch_project, site)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    line = next(n for n, text in enumerate(events.read_text("utf-8").splitlines(), 1) if "folow_up" in text)
    assert f"data/events.yaml:{line}:5: event 'kupang-2018': folow_up: unknown key 'folow_up'" in result.stderr
    assert "follow_up: missing" not in result.stderr  # one mistake, one message: the misspelled key only
    comparison = filecmp.dircmp(before, site)
    assert identical_tree(comparison), "site/ changed after a failed build"


HOSTILE = "<script>alert(1)</script> {{ 7*7 }} [x](javascript:alert(2)) <img src=x onerror=alert(3)>"


def test_hostile_data_is_shown_as_text(scratch_project: Path, tmp_path: Path) -> None:
    events = scratch_project / "data/events.yaml"
    text = events.read_text("utf-8")
    text = text.replace("    title: Workshop Smart School Online di Kupang", f"    title: '{HOSTILE}'", 1)
    text = text.replace("    city: Kupang", f"    city: '{HOSTILE}'", 1)
    text = text.replace("Strategi pencegahan", f"'{HOSTILE}'")
    events.write_text(text, "utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(scratch_project, site)
    assert result.returncode == 0, result.stderr

    for path in ("acara/kupang-2018/index.html", "acara/index.html", "index.html"):
        html = (site / path).read_text("utf-8")
        assert "<script>alert(1)" not in html, path
        assert "<img src=x" not in html and 'href="javascript:' not in html, path
        assert "49" not in BeautifulSoup(html, "html.parser").get_text(), path  # no template evaluation
    page = _page(site, "acara/kupang-2018/index.html")
    assert HOSTILE in page.find("h1").get_text()
    assert HOSTILE in page.find("dl", class_="sso-facts").get_text()
    assert HOSTILE in page.find("title").get_text()
    structured = json.loads(page.find("script", type="application/ld+json").string)
    assert structured["name"] == HOSTILE  # escaped inside the script element, intact once parsed


def test_check_command_reports_problems_without_building(tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "smartschool", "--root", str(ROOT), "check"], check=False, capture_output=True, text=True
    )
    assert ok.returncode == 0 and ok.stdout.startswith("OK: 1 events, 11 modules")
    (tmp_path / "data").mkdir()
    (tmp_path / "data/organizations.yaml").write_text((ROOT / "data/organizations.yaml").read_text("utf-8"))
    (tmp_path / "data/events.yaml").write_text("events:\n  - id: x\n    title: [\n")
    bad = subprocess.run(
        [sys.executable, "-m", "smartschool", "--root", str(tmp_path), "check"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert bad.stderr.startswith("data/events.yaml:4:1: YAML syntax error")
    assert "Traceback" not in bad.stderr
    assert not (tmp_path / "site").exists()
