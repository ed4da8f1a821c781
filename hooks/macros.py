"""Macros for the pages in docs/ (mkdocs-macros-plugin): thin wrappers over smartschool.render."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from smartschool import curriculum_pages, render
from smartschool.project import Project, load_project_cached


def build_date() -> date:
    """The date the site is built for; `SSO_BUILD_DATE=YYYY-MM-DD` fixes it (tests, reproducible builds)."""
    fixed = os.environ.get("SSO_BUILD_DATE")
    return date.fromisoformat(fixed) if fixed else date.today()


def define_env(env: Any) -> None:
    root = Path(env.conf.config_file_path).parent

    def project() -> Project:
        return load_project_cached(root)

    def base() -> str:
        return render.relative_base(env.page.url)

    @env.macro
    def events_table() -> str:
        """All events, newest first."""
        return render.events_table(project(), base())

    @env.macro
    def latest_event() -> str:
        """The newest event as a card."""
        return render.latest_event_card(project(), base())

    @env.macro
    def next_stops() -> str:
        """Upcoming stops and the program's history, from the events' follow-ups."""
        return render.next_stops(project(), build_date(), base())

    @env.macro
    def organization_count() -> int:
        return len(project().organizations)

    @env.macro
    def curriculum_index() -> str:
        """Modules grouped by track and audience."""
        return curriculum_pages.curriculum_index(project(), base())

    @env.macro
    def track_index(track: str) -> str:
        """The modules of one track in order."""
        return curriculum_pages.track_index(project(), track, base())
