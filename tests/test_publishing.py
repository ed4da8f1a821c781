"""Publishing and machine-readable outputs: workflow, gh-deploy, calendar feed, JSON-LD, JSON exports, 404."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup
from icalendar import Calendar

from sitebuild import ROOT, SITE_PATH, SITE_URL
from smartschool.project import load_project

WORKFLOW = ROOT / ".github/workflows/pages.yml"


def test_workflow_is_valid_against_githubs_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_strict_and_deploys_only_from_main() -> None:
    text = WORKFLOW.read_text("utf-8")
    for action in ("actions/upload-pages-artifact@", "actions/deploy-pages@", "actions/checkout@"):
        assert action in text  # pinned to commit SHAs: tests/test_supply_chain.py
    assert "make site" in text and "make test" in text
    assert "if: github.event_name == 'push' && github.ref == 'refs/heads/main'" in text


def test_calendar_feed_parses_back_with_the_kupang_dates(built_site: Path) -> None:
    calendar = Calendar.from_ical((built_site / "acara/kalender.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(load_project(ROOT).events)
    kupang = next(e for e in events if str(e["UID"]) == "kupang-2018@smart-school-online")
    assert kupang.decoded("DTSTART") == date(2018, 3, 16)
    assert kupang.decoded("DTEND") == date(2018, 3, 18)  # exclusive: the day after the last day
    assert str(kupang["SUMMARY"]) == "Workshop Smart School Online di Kupang"
    assert str(kupang["LOCATION"]) == "Kupang, Nusa Tenggara Timur, Indonesia"
    assert str(kupang["STATUS"]) == "CONFIRMED"
    assert str(kupang["URL"]) == f"{SITE_URL}acara/kupang-2018/"


def test_events_page_links_the_calendar(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "acara/index.html").read_text("utf-8"), "html.parser")
    assert page.find("a", href="kalender.ics").get_text(strip=True) == "Tambahkan ke kalender"


def test_event_page_embeds_schema_org_event(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "acara/kupang-2018/index.html").read_text("utf-8"), "html.parser")
    data = json.loads(page.find("script", type="application/ld+json").string)
    event = load_project(ROOT).event("kupang-2018")
    assert data["@type"] == "EducationEvent" and data["name"] == event.title
    assert (data["startDate"], data["endDate"]) == ("2018-03-16", "2018-03-17")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Kupang",
        "addressRegion": "Nusa Tenggara Timur",
        "addressCountry": "ID",
    }
    assert data["organizer"]["name"] == "ECPAT Indonesia" and data["inLanguage"] == "id"
    assert {a["audienceType"] for a in data["audience"]} == {"Orang tua", "Guru", "Komunitas", "Anak dan orang muda"}
    assert data["url"] == f"{SITE_URL}acara/kupang-2018/"


def test_json_exports_hold_the_validated_data(built_site: Path) -> None:
    project = load_project(ROOT)
    events = json.loads((built_site / "data/events.json").read_text("utf-8"))["items"]
    assert [e["id"] for e in events] == ["kupang-2018"]  # the one recorded event
    assert events[0]["follow_up"] == {
        "city": "Parepare",
        "province": "Sulawesi Selatan",
        "date": "2018-04",
        "event": None,
    }
    modules = json.loads((built_site / "data/modules.json").read_text("utf-8"))["items"]
    assert {m["id"] for m in modules} == {lesson.id for lesson in project.lessons}
    assert all(m["url"].startswith(SITE_URL + "kurikulum/") for m in modules)
    orgs = json.loads((built_site / "data/organizations.json").read_text("utf-8"))["items"]
    assert {o["id"] for o in orgs} == {o.id for o in project.organizations}


def test_sitemap_and_canonical_links_use_the_site_url(built_site: Path) -> None:
    assert f"<loc>{SITE_URL}acara/kupang-2018/</loc>" in (built_site / "sitemap.xml").read_text("utf-8")
    page = BeautifulSoup((built_site / "acara/kupang-2018/index.html").read_text("utf-8"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == f"{SITE_URL}acara/kupang-2018/"


def test_not_found_page_is_indonesian_and_uses_the_subpath(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "404.html").read_text("utf-8"), "html.parser")
    text = page.get_text(" ", strip=True)
    assert "Halaman tidak ditemukan" in text
    hrefs = [a["href"] for a in page.select(".md-content a")]
    assert SITE_PATH in hrefs and f"{SITE_PATH}bantuan/" in hrefs
    assert all(link["href"].startswith(SITE_PATH) for link in page.find_all("link", rel="stylesheet"))


def test_gh_deploy_publishes_to_a_gh_pages_branch(scratch_project: Path, tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "--bare", "-q", str(remote)], check=True)
    for command in (
        ["init", "-q"],
        ["add", "-A"],
        ["commit", "-q", "-m", "site"],
        ["remote", "add", "origin", str(remote)],
    ):
        subprocess.run([*git, *command], cwd=scratch_project, check=True)
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SSO_BUILD_DATE": "2026-11-28",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "--strict", "--no-history"],
        cwd=scratch_project,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    tree = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=remote, capture_output=True, text=True, check=True
    ).stdout.split()
    for expected in (
        "index.html",
        ".nojekyll",
        "acara/kupang-2018/index.html",
        "acara/kalender.ics",
        "data/events.json",
        "kurikulum/remaja/grooming/index.html",
    ):
        assert expected in tree, expected


def test_maintainer_guide_documents_every_field_of_every_model(built_site: Path) -> None:
    from smartschool.data_reference import SECTIONS

    page = BeautifulSoup((built_site / "pengelola/index.html").read_text("utf-8"), "html.parser")
    for _, group in SECTIONS:
        for model in group:
            table = page.find("table", id=f"model-{model.__name__.lower()}")
            assert table is not None, model.__name__
            names = [row.find("code").get_text() for row in table.find("tbody").find_all("tr")]
            assert names == list(model.__struct_fields__), model.__name__
    exports = page.get_text(" ", strip=True)
    for path in ("/acara/kalender.ics", "/data/events.json", "/data/modules.json", "/data/organizations.json"):
        assert path in exports
