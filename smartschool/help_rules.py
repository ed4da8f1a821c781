"""Rules for help channels and glossary terms: unique ids, usable contacts, fresh verification dates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from .common_rules import duplicate_ids
from .models import GlossaryTerm, HelpChannel
from .problems import Problem
from .yamlsource import YamlSource

PHONE = re.compile(r"^\+?\d[\d -]*\d$")
URL = re.compile(r"^https?://\S+$")
STALE_AFTER = timedelta(days=365)


def check_channels(source: YamlSource, channels: list[tuple[int, HelpChannel]]) -> Iterator[Problem]:
    """Ids are unique; phone numbers are numbers; web contacts are addresses; every channel can be reached."""
    yield from duplicate_ids(source, "channels", "channel", channels)
    for index, channel in channels:
        subject = f"channel '{channel.id}'"
        for c, contact in enumerate(channel.contacts):
            where = ("channels", index, "contacts", c, "value")
            name = f"contacts[{c}].value"
            if contact.kind in ("telepon", "whatsapp") and not PHONE.match(contact.value):
                yield source.problem(where, subject, name,
                                     f"{contact.value!r} is not a phone number, expected digits (and hyphens)")
            if contact.kind == "web" and not URL.match(contact.value):
                yield source.problem(where, subject, name,
                                     f"{contact.value!r} is not a web address, expected https://…")
        if not channel.contacts and not channel.note:
            yield source.problem(("channels", index), subject, "contacts",
                                 "no contact and no note, expected at least one way to reach the channel")


def stale_channels(source: YamlSource, channels: list[tuple[int, HelpChannel]], today: date) -> Iterator[Problem]:
    """Published channels last verified more than 12 months before `today` (a warning, not an error)."""
    for index, channel in channels:
        if channel.status == "verified" and is_stale(channel, today):
            yield source.problem(("channels", index, "verified"), f"channel '{channel.id}'", "verified",
                                 f"last verified {channel.verified}, more than 12 months ago; "
                                 "expected a check against the source and a new date")


def is_stale(channel: HelpChannel, today: date) -> bool:
    return today - channel.verified > STALE_AFTER


def check_terms(source: YamlSource, terms: list[tuple[int, GlossaryTerm]]) -> Iterator[Problem]:
    """Ids are unique, and no alias belongs to two terms (a hover could show only one definition)."""
    yield from duplicate_ids(source, "terms", "term", terms)
    owners: dict[str, str] = {}
    for index, term in terms:
        subject = f"term '{term.id}'"
        for a, alias in enumerate(term.aliases):
            if alias in owners and owners[alias] != term.id:
                yield source.problem(("terms", index, "aliases", a), subject, f"aliases[{a}]",
                                     f"{alias!r} is already an alias of '{owners[alias]}', expected it once")
            owners.setdefault(alias, term.id)
