"""Help channels, glossary and partner organisations, rendered from the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import TypeVar

from markupsafe import escape

from . import dates
from .help_mentions import Link, contact_anchor, contact_link, international_number, replace_mentions, running_text
from .help_rules import is_stale
from .models import Event, GlossaryTerm, HelpChannel, Organization, PartnerClass
from .project import Project
from .render import render

__all__ = ["Link", "contact_link", "international_number"]  # re-exported: the links are made in help_mentions


def mention_help(project: Project, markdown: str) -> str:
    """`markdown` with every `[[bantuan:<id>]]` replaced by the channel's name and linked contacts (see
    smartschool.help_mentions; module text is untrusted, so this is our code with everything escaped)."""
    return replace_mentions(markdown, project.published_channels_by_id)


def verified_groups(channels: list[HelpChannel]) -> list[tuple[date, list[HelpChannel]]]:
    """The channels grouped by their `verified` date, oldest date first (for "diverifikasi … pada …")."""
    ordered = sorted(channels, key=lambda c: c.verified)
    return [(day, list(group)) for day, group in groupby(ordered, key=lambda c: c.verified)]


def help_channels(project: Project, today: date) -> str:
    """Every published channel with contacts, purpose, verification date and source."""
    return render(
        "help_channels.html",
        channels=project.published_channels(),
        link=contact_link,
        anchor=contact_anchor,
        stale=lambda c: is_stale(c, today),
        long_date=dates.long_date,
    )


def help_box(project: Project, base: str = "") -> str:
    """A short box with the urgent channels and the crisis lines (`urgent`, `crisis` in data/help.yaml), the date
    each was last verified (from the data), and a link to the help page."""
    shown = [c for c in project.published_channels() if c.urgent or c.crisis]
    return render(
        "help_box.html",
        channels=shown,
        link=contact_link,
        anchor=contact_anchor,
        running_text=running_text,
        base=base,
        groups=verified_groups(shown),
        long_date=dates.long_date,
    )


def glossary(project: Project) -> str:
    """The glossary as a definition list with one anchor per term."""
    return render("glossary.html", terms=sorted(project.terms, key=lambda t: t.term.lower()))


def abbreviations(terms: tuple[GlossaryTerm, ...]) -> str:
    """Markdown abbreviation definitions (`*[grooming]: …`) so that hovering a term shows its definition.

    The definition is written HTML-escaped: Python-Markdown keeps anything that looks like an entity (`&lt;`) as
    an entity in the `title` attribute, so without this a definition holding `&lt;b&gt;` would show as `<b>`.
    """
    lines = [f"*[{alias}]: {escape(' '.join(term.definition.split()))}" for term in terms for alias in term.aliases]
    return "\n".join(lines)


# Per organisation, the tentang/ page lists its part in at most this many of the latest events.
ORG_EVENTS_CAP = 5

T = TypeVar("T")


@dataclass(frozen=True)
class OrgRow:
    """An organisation with its classes and co-facilitated days at its latest events, and how many are left out."""

    org: Organization
    classes: list[tuple[Event, PartnerClass]]
    co: list[tuple[Event, int]]
    more_classes: int = 0
    more_co: int = 0


def at_latest_events(pairs: list[tuple[Event, T]], cap: int) -> list[tuple[Event, T]]:
    """The (event, item) pairs, newest event first, that belong to the first `cap` distinct events."""
    latest = list(dict.fromkeys(event.id for event, _ in pairs))[:cap]
    return [pair for pair in pairs if pair[0].id in latest]


def organizations(project: Project, base: str = "", cap: int = ORG_EVENTS_CAP) -> str:
    """Partner organisations with the classes they ran and the days they co-facilitated, at their latest events.

    Each organisation shows its part in at most `cap` events; the rest is counted, with a link to the events.
    """
    events = project.events_newest_first()
    rows = []
    for org in project.organizations:
        classes = [(e, c) for e in events for c in e.partner_classes if c.organization == org.id]
        co = [(e, i + 1) for e in events for i, d in enumerate(e.days) if org.id in d.co_facilitators]
        shown_classes, shown_co = at_latest_events(classes, cap), at_latest_events(co, cap)
        rows.append(OrgRow(org, shown_classes, shown_co, len(classes) - len(shown_classes), len(co) - len(shown_co)))
    return render("organizations.html", rows=rows, base=base)
