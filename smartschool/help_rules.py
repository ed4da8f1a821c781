"""Rules for help channels and glossary terms: unique ids, usable contacts, fresh verification dates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from .common_rules import duplicate_ids
from .messages import field_path, item_subject, say
from .models import URL_PATTERN, GlossaryTerm, HelpChannel
from .problems import Problem, quoted
from .text_rules import text_fault
from .yamlsource import YamlSource

PHONE = re.compile(r"^\+?\d[\d -]*\d$")
URL = re.compile(URL_PATTERN)  # the same rule as every other web address in the data
STALE_AFTER = timedelta(days=365)


def check_channels(source: YamlSource, channels: list[tuple[int, HelpChannel]]) -> Iterator[Problem]:
    """Ids are unique; phone numbers are numbers; web contacts are addresses; every channel can be reached."""
    yield from duplicate_ids(source, "channels", "channel", channels)
    for index, channel in channels:
        subject = item_subject("channel", index, channel.id)
        for c, contact in enumerate(channel.contacts):
            where = ("channels", index, "contacts", c, "value")
            name = field_path(("contacts", c, "value"))
            if contact.kind in ("telepon", "whatsapp") and not PHONE.match(contact.value):
                yield source.problem(where, subject, name, say("help.not_phone", value=quoted(contact.value)))
            if contact.kind == "web" and not URL.search(contact.value):
                yield source.problem(where, subject, name, say("help.not_web", value=quoted(contact.value)))
            if contact.extension is not None and contact.kind != "telepon":
                yield source.problem(
                    ("channels", index, "contacts", c, "extension"),
                    subject,
                    field_path(("contacts", c, "extension")),
                    say("help.extension_not_phone"),
                )
        if not channel.contacts and not channel.note:
            yield source.problem(("channels", index), subject, "contacts", say("help.unreachable"))


def stale_channels(source: YamlSource, channels: list[tuple[int, HelpChannel]], today: date) -> Iterator[Problem]:
    """Published channels last verified more than 12 months before `today` (a warning, not an error)."""
    for index, channel in channels:
        if channel.status == "verified" and is_stale(channel, today):
            yield source.problem(
                ("channels", index, "verified"),
                item_subject("channel", index, channel.id),
                "verified",
                say("help.stale", date=channel.verified),
            )


def is_stale(channel: HelpChannel, today: date) -> bool:
    return today - channel.verified > STALE_AFTER


def check_terms(source: YamlSource, terms: list[tuple[int, GlossaryTerm]]) -> Iterator[Problem]:
    """Ids are unique, no alias belongs to two terms (a hover could show only one definition), and every alias
    can show its definition."""
    yield from duplicate_ids(source, "terms", "term", terms)
    owners: dict[str, str] = {}
    for index, term in terms:
        subject = item_subject("term", index, term.id)
        for a, alias in enumerate(term.aliases):
            if alias in owners and owners[alias] != term.id:
                yield source.problem(
                    ("terms", index, "aliases", a),
                    subject,
                    field_path(("aliases", a)),
                    say("term.alias_twice", value=quoted(alias), owner=quoted(owners[alias])),
                )
            owners.setdefault(alias, term.id)
    yield from aliases_are_words(source, terms)


def aliases_are_words(source: YamlSource, terms: list[tuple[int, GlossaryTerm]]) -> Iterator[Problem]:
    """An alias starts and ends with a letter or digit: the tooltip finds an alias in running text only between
    word boundaries, so `KBGO (kekerasan …)` or `K.B.G.O.` would never show its definition."""
    for index, term in terms:
        for a, alias in enumerate(term.aliases):
            if text_fault(alias) or (alias[:1].isalnum() and alias[-1:].isalnum()):
                continue  # a refused character is reported on its own
            forms = ", ".join(quoted(form) for form in _alias_forms(alias))
            message = (
                say("term.alias_forms", value=quoted(alias), forms=forms)
                if forms
                else say("term.alias_no_letter", value=quoted(alias))
            )
            yield source.problem(
                ("terms", index, "aliases", a),
                item_subject("term", index, term.id),
                field_path(("aliases", a)),
                message,
            )


def _alias_forms(alias: str) -> list[str]:
    """The aliases to write instead: `KBGO (kekerasan …)` is two forms, `K.B.G.O.` loses its final dot."""
    parts = alias.split("(", 1) if "(" in alias else [alias]
    forms = [re.sub(r"^[\W_]+|[\W_]+$", "", part) for part in parts]
    return [form for form in forms if form]
