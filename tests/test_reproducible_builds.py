"""Reproducible builds: two builds of the same commit are byte-identical; dates come from the commits that
touched a page's sources (sitemap `lastmod`) or the data (calendar `DTSTAMP`), or from `SOURCE_DATE_EPOCH`."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from sitebuild import SITE_URL, copy_project, identical_tree
from smartschool.buildinfo import build_date

FIRST = "2026-01-15T10:00:00+00:00"
LATER = "2026-03-02T10:00:00+00:00"


def _git(project: Path, *args: str, when: str = FIRST) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, env=env)


def _build(project: Path, site: Path, **env: str) -> None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, **env}
    environment.pop("SSO_BUILD_DATE", None)
    environment.pop("SOURCE_DATE_EPOCH", None)
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project,
        env=environment,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def committed_project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "first")
    return project


def _lastmod(site: Path) -> dict[str, str]:
    text = (site / "sitemap.xml").read_text("utf-8")
    return dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", text))


def test_two_builds_of_one_commit_are_identical(committed_project: Path, tmp_path: Path) -> None:
    _build(committed_project, tmp_path / "one", SSO_BUILD_DATE="2026-11-28")
    time.sleep(1.1)  # a later second: nothing may depend on the clock
    _build(committed_project, tmp_path / "two", SSO_BUILD_DATE="2026-11-28")
    assert identical_tree(filecmp.dircmp(tmp_path / "one", tmp_path / "two"))


def test_lastmod_is_the_last_commit_of_the_pages_sources(committed_project: Path, tmp_path: Path) -> None:
    _build(committed_project, tmp_path / "before", SSO_BUILD_DATE="2026-11-28")
    before = _lastmod(tmp_path / "before")
    assert set(before.values()) == {"2026-01-15"}  # every page: the one commit, not the build day
    page = committed_project / "docs/guru/index.md"
    page.write_text(page.read_text("utf-8") + "\nSatu kalimat baru.\n", "utf-8")
    _git(committed_project, "commit", "-q", "-am", "edit one page", when=LATER)
    _build(committed_project, tmp_path / "after", SSO_BUILD_DATE="2026-11-28")
    changed = {url for url, day in _lastmod(tmp_path / "after").items() if day != before[url]}
    assert changed == {f"{SITE_URL}guru/"}


def test_calendar_stamp_is_when_the_data_changed_not_the_build_day(committed_project: Path, tmp_path: Path) -> None:
    for day in ("2026-11-28", "2026-11-29"):
        _build(committed_project, tmp_path / day, SSO_BUILD_DATE=day)
    stamps = {
        day: [
            e.decoded("DTSTAMP")
            for e in Calendar.from_ical((tmp_path / day / "acara/kalender.ics").read_bytes()).walk("VEVENT")
        ]
        for day in ("2026-11-28", "2026-11-29")
    }
    assert stamps["2026-11-28"] == stamps["2026-11-29"]
    assert {stamp.date() for stamp in stamps["2026-11-28"]} == {date(2026, 1, 15)}


def test_source_date_epoch_sets_the_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSO_BUILD_DATE", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert build_date() == date(2026, 1, 1)
    monkeypatch.setenv("SSO_BUILD_DATE", "2026-11-28")  # the project's own variable still wins
    assert build_date() == date(2026, 11, 28)


def test_without_git_source_date_epoch_fixes_every_date(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "plain")  # no git history
    _build(project, tmp_path / "site", SOURCE_DATE_EPOCH="1767225600")
    assert set(_lastmod(tmp_path / "site").values()) == {"2026-01-01"}
    stamps = {
        e.decoded("DTSTAMP").date()
        for e in Calendar.from_ical((tmp_path / "site/acara/kalender.ics").read_bytes()).walk("VEVENT")
    }
    assert stamps == {date(2026, 1, 1)}
