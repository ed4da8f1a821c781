"""Where the program has been and where it goes next, derived from the events' follow-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .models import Event, FollowUp, month_bounds
from .project import Project


@dataclass(frozen=True)
class Stop:
    """A follow-up stop named by an event."""

    after: Event
    follow_up: FollowUp
    upcoming: bool


@dataclass(frozen=True)
class Timeline:
    upcoming: tuple[Stop, ...]
    history: tuple[Stop, ...]


def is_upcoming(follow_up: FollowUp, after: Event, today: date, latest: Event) -> bool:
    """A dated follow-up is upcoming until its period has passed; an undated one only after the latest event."""
    if follow_up.date is not None:
        return month_bounds(follow_up.date)[1] >= today
    return after.id == latest.id and after.end >= today


def timeline(project: Project, today: date) -> Timeline:
    """Split every follow-up into upcoming and history, each sorted by the event it follows (newest first)."""
    events = project.events_newest_first()
    if not events:
        return Timeline((), ())
    stops = [Stop(e, e.follow_up, is_upcoming(e.follow_up, e, today, events[0])) for e in events]
    return Timeline(tuple(s for s in stops if s.upcoming), tuple(s for s in stops if not s.upcoming))
