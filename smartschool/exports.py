"""Machine-readable outputs: the iCalendar feed, schema.org JSON-LD and JSON exports of the validated data."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from icalendar import Calendar
from icalendar import Event as CalendarEvent
from msgspec import to_builtins

from . import dates
from .export_formats import EXPORT_ITEMS, envelope, export_schema
from .licences import CONTENT_LICENSE_URL
from .models import Event
from .project import Project
from .vocabulary import AUDIENCES, AUDIENCES_IN_TEXT

ICS_STATUS = {"held": "CONFIRMED", "planned": "TENTATIVE", "cancelled": "CANCELLED"}
SCHEMA_STATUS = {
    "held": "https://schema.org/EventScheduled",
    "planned": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
}
UID_DOMAIN = "smart-school-online"


def event_url(site_url: str, event: Event) -> str:
    return f"{site_url.rstrip('/')}/acara/{event.id}/"


def _audiences(event: Event, labels: dict[str, str] = AUDIENCES) -> list[str]:
    return list(dict.fromkeys(labels[a] for day in event.days for a in day.audiences))


def _description(project: Project, event: Event) -> str:
    partners = ", ".join(project.organization(c.organization).name for c in event.partner_classes)
    return (
        f"{event.program}: {event.title}, {dates.date_range(event.start, event.end)}. "
        f"Kelas oleh {partners}. Untuk: {', '.join(_audiences(event, AUDIENCES_IN_TEXT))}."
    )


def calendar_feed(project: Project, site_url: str, stamp: date) -> bytes:
    """Every event as an all-day VEVENT (DTEND exclusive) with a UID derived from its id."""
    calendar = Calendar()
    calendar.add("prodid", "-//Smart School Online//Acara//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Smart School Online")
    for event in project.events_newest_first():
        entry = CalendarEvent()
        entry.add("uid", f"{event.id}@{UID_DOMAIN}")
        entry.add("dtstamp", datetime.combine(stamp, time(0, 0), tzinfo=UTC))
        entry.add("dtstart", event.start)
        entry.add("dtend", event.end + timedelta(days=1))
        entry.add("summary", event.title)
        entry.add("location", f"{event.city}, {event.province}, Indonesia")
        entry.add("description", _description(project, event))
        entry.add("url", event_url(site_url, event))
        entry.add("status", ICS_STATUS[event.status])
        calendar.add_component(entry)
    feed: bytes = calendar.to_ical()  # icalendar does not annotate to_ical(); it returns the encoded calendar
    return feed


def event_json_ld(project: Project, event: Event, site_url: str) -> dict[str, Any]:
    """schema.org EducationEvent for one event."""
    return {
        "@context": "https://schema.org",
        "@type": "EducationEvent",
        "name": event.title,
        "description": _description(project, event),
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventStatus": SCHEMA_STATUS[event.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": event.city,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": event.city,
                "addressRegion": event.province,
                "addressCountry": "ID",
            },
        },
        "organizer": {
            "@type": "Organization",
            "name": project.organization(event.organizer).name,
            "url": project.organization(event.organizer).website,
        },
        "audience": [{"@type": "Audience", "audienceType": a} for a in _audiences(event)],
        "inLanguage": "id",
        "url": event_url(site_url, event),
        "license": CONTENT_LICENSE_URL,
    }


def _dump(site_url: str, name: str, items: list[Any]) -> str:
    """Export `name`: the versioned envelope (smartschool.export_formats) around the items."""
    return json.dumps(envelope(site_url, name, items), ensure_ascii=False, indent=2) + "\n"


def events_json(project: Project, site_url: str) -> str:
    return _dump(
        site_url, "events", [{**to_builtins(e), "url": event_url(site_url, e)} for e in project.events_newest_first()]
    )


def modules_json(project: Project, site_url: str) -> str:
    base = site_url.rstrip("/")
    return _dump(
        site_url,
        "modules",
        [
            {
                **to_builtins(lesson.module),
                # questions and options only: the answers stay out of public data (participants could read them)
                "quiz": [{"question": q.question, "options": q.options} for q in lesson.module.quiz],
                "url": f"{base}/{lesson.url}",
            }
            for track in ("dewasa", "remaja")
            for lesson in project.lessons_of_track(track)
        ],
    )


def organizations_json(project: Project, site_url: str) -> str:
    return _dump(site_url, "organizations", [to_builtins(o) for o in project.organizations])


def schema_json(name: str) -> str:
    """The published JSON Schema of export `name`."""
    return json.dumps(export_schema(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def robots_txt(site_url: str) -> str:
    """robots.txt: everything may be crawled; the sitemap's address (it works at a domain's root, so with a
    custom domain; under a project subpath crawlers look for the file at the host's root instead)."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


EXPORTS = {
    "data/events.json": events_json,
    "data/modules.json": modules_json,
    "data/organizations.json": organizations_json,
}
SCHEMA_FILES = {f"data/{name}.schema.json": name for name in EXPORT_ITEMS}
