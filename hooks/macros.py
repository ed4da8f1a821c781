"""Macros for the pages in docs/ (mkdocs-macros-plugin): thin wrappers over smartschool.render."""

from __future__ import annotations

from typing import Any

from smartschool import curriculum_pages, data_reference, event_archive, reference_pages, render
from smartschool.buildinfo import build_date
from smartschool.project import Project, current_project, project_root


def define_env(env: Any) -> None:
    root = project_root(env.conf.config_file_path)

    def project() -> Project:
        return current_project(root)

    def base() -> str:
        return render.relative_base(env.page.url)

    @env.macro
    def events_table() -> str:
        """The latest events, newest first (all of them when they fit)."""
        return event_archive.events_table(project(), base())

    @env.macro
    def events_archive() -> str:
        """The "Arsip per tahun" section linking each year's page, when the table cannot list every event."""
        return event_archive.events_archive(project(), base())

    @env.macro
    def latest_event() -> str:
        """The newest event that has taken place by the build date, as a card."""
        return render.latest_event_card(project(), build_date(), base())

    @env.macro
    def coming_events() -> str:
        """An "Akan datang" section with the nearest planned events (nothing when none is planned)."""
        return render.coming_events(project(), build_date(), base())

    @env.macro
    def next_stops() -> str:
        """Upcoming stops and the program's latest history, from the events' follow-ups."""
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

    @env.macro
    def help_channels() -> str:
        """Every published help and reporting channel."""
        return reference_pages.help_channels(project(), build_date())

    @env.macro
    def help_box() -> str:
        """A short box with the urgent help lines, closing youth pages."""
        return reference_pages.help_box(project(), base())

    @env.macro
    def glossary() -> str:
        """The glossary."""
        return reference_pages.glossary(project())

    @env.macro
    def organizations() -> str:
        """Partner organisations and the classes they ran at their latest events, from the events."""
        return reference_pages.organizations(project(), base())

    @env.macro
    def data_reference_tables() -> str:
        """Field reference of every data file, generated from the models."""
        return data_reference.data_reference()

    @env.macro
    def day_plan(start: str, items: list) -> str:
        """A timed workshop day: module ids and [title, minutes] blocks laid end to end from `start`."""
        return curriculum_pages.day_plan(project(), start, items, base())

    @env.macro
    def letter_modules(track: str = "remaja") -> str:
        """The modules of a track with their summaries, for the parent letter (smartschool.planner_pages)."""
        from smartschool import planner_pages

        return planner_pages.letter_modules(project(), track)

    @env.macro
    def self_check(module_id: str) -> str:
        """A module's quiz as a self-check (details/summary; instant feedback with script; stores nothing). The page
        writes its own heading above it, e.g. `## Cek pemahamanmu`."""
        return curriculum_pages.self_check_html(project(), module_id, base(), heading=False)

    @env.macro
    def module_table() -> str:
        """Every module with its track and duration."""
        return curriculum_pages.module_table(project(), base())

    @env.macro
    def validation_messages(form: str = "table") -> str:
        """Real validation messages, in Indonesian, from small examples validated at build time: the table "Contoh
        pesan | Artinya" (`form="table"`), or what `make check` prints for a misspelled key (`form="check"`)."""
        from smartschool import message_examples

        if form == "check":
            return message_examples.check_output(root)
        return message_examples.messages_table(root)
