"""Render validated data as HTML fragments and Markdown pages; every data string is escaped (Jinja autoescape)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import TypedDict, Unpack

import jinja2
from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    Undefined,
    select_autoescape,
)

from . import dates
from .clock import Slot, slots
from .exports import event_json_ld
from .models import Day, Event
from .project import Project
from .timeline import timeline
from .vocabulary import AUDIENCES, AUDIENCES_IN_TEXT, EVENT_STATUSES, METHODS, TRACKS


class Settings(TypedDict, total=False):
    """The `jinja2.Environment` arguments the site sets, and that `environment()` may override."""

    autoescape: bool | Callable[[str | None], bool]
    undefined: type[Undefined]
    trim_blocks: bool
    lstrip_blocks: bool
    keep_trailing_newline: bool


# The settings every template is rendered with; `environment()` may override them (tests do).
SETTINGS: Settings = {
    "autoescape": select_autoescape(default=True, default_for_string=True),
    "undefined": StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": False,
}


def compile_key(env: Environment) -> str:
    """A fingerprint of everything that changes a template's compiled code besides its source: Jinja's version,
    this module's source (where the settings live) and the environment's compile-time settings.

    Jinja's bytecode cache is keyed on the template's name and source only (jinja2.bccache): without this key, a
    cached template compiled with autoescaping would be reused after autoescaping was switched off, or the other
    way round after an upgrade.
    """
    parts = (
        jinja2.__version__,
        Path(__file__).read_bytes(),
        repr(env.autoescape("x.html") if callable(env.autoescape) else env.autoescape),
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.newline_sequence,
        sorted(env.extensions),
        env.optimized,
        env.block_start_string,
        env.variable_start_string,
        env.comment_start_string,
    )
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def environment(cache_dir: str | None = None, **overrides: Unpack[Settings]) -> Environment:
    """A template environment with `SETTINGS` (and `overrides`), the project's filters, and a bytecode cache in
    `cache_dir` (default: a per-user temporary folder) whose file names carry `compile_key`, so a build does
    not compile unchanged templates again and never reuses code compiled under other settings."""
    settings: Settings = {**SETTINGS, **overrides}
    env = Environment(loader=PackageLoader("smartschool", "templates"), **settings)
    env.bytecode_cache = FileSystemBytecodeCache(cache_dir, pattern=f"__sso_{compile_key(env)}_%s.cache")
    env.filters.update(
        date_range=lambda e: dates.date_range(e.start, e.end),
        long_date=dates.long_date,
        weekday_date=dates.weekday_date,
        month_or_date=dates.month_or_date,
        audience=AUDIENCES.__getitem__,
        audience_in_text=AUDIENCES_IN_TEXT.__getitem__,
        method=METHODS.__getitem__,
        status=EVENT_STATUSES.__getitem__,
        track=TRACKS.__getitem__,
    )
    return env


@cache
def _environment() -> Environment:
    return environment()


def render(template: str, **context: object) -> str:
    """Render one package template with autoescaping on.

    HTML fragments lose their blank lines, so Markdown keeps them as one raw HTML block.
    """
    text = _environment().get_template(template).render(**context)
    if template.endswith(".html"):
        return "\n".join(line for line in text.splitlines() if line.strip())
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def relative_base(page_url: str) -> str:
    """The relative path from a page's URL (`acara/`, `acara/x/`, ``) back to the site root."""
    depth = len([part for part in page_url.split("/") if part])
    if page_url and not page_url.endswith("/"):
        depth -= 1  # a file such as `404.html` sits in its folder
    return "../" * depth


def event_card(project: Project, event: Event, base: str = "") -> str:
    return render("event_card.html", project=project, event=event, base=base)


def took_place(event: Event, today: date) -> bool:
    """Held, and started on or before `today` (a planned or cancelled event never counts as having happened)."""
    return event.status == "held" and event.start <= today


def is_coming(event: Event, today: date) -> bool:
    """Planned and not over by `today`."""
    return event.status == "planned" and event.end >= today


def latest_event_card(project: Project, today: date, base: str = "") -> str:
    """The newest event that has taken place by `today`, as a card; empty when none has."""
    held = [event for event in project.events_newest_first() if took_place(event, today)]
    return event_card(project, held[0], base) if held else ""


# The home page shows at most this many planned events, the nearest first.
COMING_CAP = 3


def coming_events(project: Project, today: date, base: str = "", cap: int = COMING_CAP) -> str:
    """An "Akan datang" section with the nearest planned events as cards; empty when none is planned."""
    coming = sorted((e for e in project.events if is_coming(e, today)), key=lambda e: (e.start, e.id))[:cap]
    if not coming:
        return ""
    cards = "\n".join(event_card(project, event, base) for event in coming)
    return f"## Akan datang\n\n{cards}"


# The home page's history of stops shows at most this many, the latest; the upcoming ones are all shown.
HISTORY_CAP = 10
UPCOMING_CAP = 20


def next_stops(
    project: Project, today: date, base: str = "", history_cap: int = HISTORY_CAP, upcoming_cap: int = UPCOMING_CAP
) -> str:
    """The program's upcoming stops and its latest history, derived from the events' follow-ups.

    Of the upcoming stops the first `upcoming_cap`, of the history the latest `history_cap`; a link to every event
    follows a list that was cut.
    """
    line = timeline(project, today)
    return render(
        "next_stops.html",
        upcoming=line.upcoming[:upcoming_cap],
        upcoming_total=len(line.upcoming),
        history=line.history[:history_cap],
        history_total=len(line.history),
        base=base,
    )


def event_page_markdown(project: Project, event: Event, site_url: str = "/") -> str:
    """The whole Markdown source of an event's page, front matter included.

    Macro rendering is switched off for the page, so data can never be evaluated as a template. The schema.org
    data goes into front matter too (`sso_json_ld`): the theme writes it into `<head>` (overrides/main.html), out
    of the content, which admits no script.
    """
    description = f"{event.title}, {dates.date_range(event.start, event.end)}, {event.city}."
    front = page_front_matter(event.title, description, sso_json_ld=event_json_ld(project, event, site_url))
    body = render("event_page.md", project=project, event=event, base="../../", schedule=day_schedule)
    return f"{front}{body}\n"


def day_schedule(project: Project, day: Day) -> list[Slot]:
    """A day's timed programme: each module block lasts as long as the module."""
    if day.schedule is None:
        return []
    blocks: list[tuple[str, int, str | None, str | None]] = []
    for item in day.schedule.items:
        if item.module:
            module = project.lesson(item.module).module
            blocks.append((module.title, module.duration_minutes, None, module.id))
        else:
            blocks.append((item.title or "", item.minutes or 0, None, None))
    return slots(blocks, day.schedule.start)


def page_front_matter(title: str, description: str, **extra: object) -> str:
    """YAML front matter for a generated page: the raw title and description (escaped once, for every page, by
    hooks/page_titles.py), macros off.

    Written as JSON, which is also YAML and about a hundred times faster to write than a YAML dump.
    """
    front = {"title": title, "description": description, "render_macros": False, **extra}
    return f"---\n{json.dumps(front, ensure_ascii=False)}\n---\n\n"
