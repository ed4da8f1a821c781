"""Every free-text field of every data file and of the module front matter holds a script-carrying string (the
fields found from the models, tests/hostile.py); the build succeeds and no output turns one into markup: every
page, the calendar feed, the JSON exports and the JSON-LD keep them as text."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from icalendar import Calendar

from hostile import PAYLOADS, make_data_hostile, make_hostile
from sitebuild import copy_project, mkdocs_build

RUNNABLE = {None, "", "text/javascript", "module"}


@pytest.fixture(scope="module")
def hostile_build() -> Iterator[tuple[Path, Path]]:
    """(project, site) of a copy whose every text field is hostile."""
    folder = Path(tempfile.mkdtemp(prefix="sso-hostile-all-"))
    project = copy_project(folder / "project")
    make_data_hostile(project)
    make_hostile(project)
    result = mkdocs_build(project, folder / "site")
    assert result.returncode == 0, result.stderr
    yield project, folder / "site"
    shutil.rmtree(folder, ignore_errors=True)


def test_no_page_turns_a_field_into_markup(hostile_build: tuple[Path, Path]) -> None:
    _, site = hostile_build
    pages = sorted(site.rglob("*.html"))
    shown = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        where = page.relative_to(site)
        for script in soup.find_all("script"):
            if script.get("type") in RUNNABLE:
                assert "__pwned" not in (script.string or ""), f"{where}: a runnable script holds a payload"
        handlers = [f"<{t.name} {a}>" for t in soup.find_all(True) for a in t.attrs if a.lower().startswith("on")]
        assert handlers == [], f"{where}: event handlers {handlers}"
        assert soup.find(["iframe", "object", "embed"]) is None, where  # (the theme draws its icons as svg)
        assert soup.find("img", src="x") is None, where
        text = soup.get_text()
        shown += sum(text.count(payload) for payload in PAYLOADS)
    assert shown > 100, "the payloads should reach the pages as text"


def test_the_calendar_and_exports_keep_the_text_intact(hostile_build: tuple[Path, Path]) -> None:
    project, site = hostile_build
    events = yaml.safe_load((project / "data/events.yaml").read_text("utf-8"))["events"]
    calendar = Calendar.from_ical((site / "acara/kalender.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [e["title"] for e in events]
    exported = json.loads((site / "data/events.json").read_text("utf-8"))["items"]
    assert [e["title"] for e in exported] == [e["title"] for e in events]
    assert any(payload in e["title"] for e in exported for payload in PAYLOADS)
    organizations = yaml.safe_load((project / "data/organizations.yaml").read_text("utf-8"))["organizations"]
    assert [o["name"] for o in json.loads((site / "data/organizations.json").read_text("utf-8"))["items"]] == [
        o["name"] for o in organizations
    ]
    modules = json.loads((site / "data/modules.json").read_text("utf-8"))["items"]
    assert all(any(payload in m["title"] for payload in PAYLOADS) for m in modules)


def test_the_event_json_ld_holds_the_title_as_data(hostile_build: tuple[Path, Path]) -> None:
    project, site = hostile_build
    event = yaml.safe_load((project / "data/events.yaml").read_text("utf-8"))["events"][0]
    page = BeautifulSoup((site / f"acara/{event['id']}/index.html").read_text("utf-8"), "html.parser")
    block = page.find("script", type="application/ld+json")
    assert "<" not in block.string  # `tojson` writes \u003c: the block cannot be closed from inside
    data = json.loads(block.string)
    assert data["name"] == event["title"] and data["location"]["address"]["addressRegion"] == event["province"]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_every_hostile_field_of_an_event_reads_as_written_on_its_page(hostile_build: tuple[Path, Path]) -> None:
    """A field printed as markup (`|safe`, say) would lose its text to the parser or the sanitiser: each one the
    event page shows must read exactly as written."""
    project, site = hostile_build
    event = yaml.safe_load((project / "data/events.yaml").read_text("utf-8"))["events"][0]
    text = BeautifulSoup((site / f"acara/{event['id']}/index.html").read_text("utf-8"), "html.parser").get_text()
    hostile = [value for value in _strings(event) if any(payload in value for payload in PAYLOADS)]
    assert len(hostile) > 10
    missing = [value for value in hostile if value not in text]
    assert missing == [], missing
