"""Cross-reference rules for events: each rule is one function that yields precise, located problems."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .messages import field_path, item_subject, kind_name, say
from .models import Event, month_bounds
from .problems import Problem, quoted
from .yamlplaces import Path_
from .yamlsource import YamlSource


@dataclass
class EventContext:
    """What the event rules can see: the events with their list index, and the known ids of other data."""

    source: YamlSource
    events: list[tuple[int, Event]]
    organization_ids: set[str]
    module_ids: set[str] = field(default_factory=set)
    all_event_ids: set[str] = field(default_factory=set)

    def problem(self, index: int, event_id: str, path: Path_, field_name: str, message: str) -> Problem:
        return self.source.problem(
            ("events", index, *path), item_subject("event", index, event_id), field_name, message
        )


Rule = Callable[[EventContext], Iterator[Problem]]


def unique_ids(ctx: EventContext) -> Iterator[Problem]:
    """No two events share an id."""
    seen: set[str] = set()
    for index, event in ctx.events:
        if event.id in seen:
            yield ctx.problem(index, event.id, ("id",), "id", say("ids.duplicate", kind=kind_name("event")))
        seen.add(event.id)


def dates_in_order(ctx: EventContext) -> Iterator[Problem]:
    """An event starts on or before its end, and every day falls inside it, once."""
    for index, event in ctx.events:
        if event.start > event.end:
            yield ctx.problem(
                index, event.id, ("end",), "end", say("event.end_before_start", end=event.end, start=event.start)
            )
        counts = Counter(day.date for day in event.days)
        for d, day in enumerate(event.days):
            if not event.start <= day.date <= event.end:
                yield ctx.problem(
                    index,
                    event.id,
                    ("days", d, "date"),
                    field_path(("days", d, "date")),
                    say("event.day_outside", date=day.date, start=event.start, end=event.end),
                )
            if counts[day.date] > 1:
                yield ctx.problem(
                    index,
                    event.id,
                    ("days", d, "date"),
                    field_path(("days", d, "date")),
                    say("event.day_twice", date=day.date, count=counts[day.date]),
                )


def partner_classes_known(ctx: EventContext) -> Iterator[Problem]:
    """Each partner class names a known organisation, and no organisation runs two classes."""
    for index, event in ctx.events:
        seen: set[str] = set()
        for c, partner in enumerate(event.partner_classes):
            if partner.organization not in ctx.organization_ids:
                message = _unknown_org(partner.organization, ctx)
            elif partner.organization in seen:
                message = say("event.class_twice", org=quoted(partner.organization))
            else:
                seen.add(partner.organization)
                continue
            yield ctx.problem(
                index,
                event.id,
                ("partner_classes", c, "organization"),
                field_path(("partner_classes", c, "organization")),
                message,
            )


def organisations_known(ctx: EventContext) -> Iterator[Problem]:
    """The organiser, co-facilitators and report publisher are known organisations."""
    for index, event in ctx.events:
        if event.organizer not in ctx.organization_ids:
            yield ctx.problem(index, event.id, ("organizer",), "organizer", _unknown_org(event.organizer, ctx))
        for d, day in enumerate(event.days):
            for f, org in enumerate(day.co_facilitators):
                if org not in ctx.organization_ids:
                    yield ctx.problem(
                        index,
                        event.id,
                        ("days", d, "co_facilitators", f),
                        field_path(("days", d, "co_facilitators", f)),
                        _unknown_org(org, ctx),
                    )
        if event.report and event.report.publisher not in ctx.organization_ids:
            yield ctx.problem(
                index, event.id, ("report", "publisher"), "report.publisher", _unknown_org(event.report.publisher, ctx)
            )


def follow_up_after_event(ctx: EventContext) -> Iterator[Problem]:
    """A dated follow-up comes after the event ends; a named follow-up event exists and is not the event itself."""
    for index, event in ctx.events:
        follow = event.follow_up
        if follow.date is not None and month_bounds(follow.date)[1] <= event.end:
            yield ctx.problem(
                index,
                event.id,
                ("follow_up", "date"),
                "follow_up.date",
                say("event.follow_up_early", date=follow.date, end=event.end),
            )
        if follow.event is not None:
            if follow.event == event.id:
                yield ctx.problem(
                    index, event.id, ("follow_up", "event"), "follow_up.event", say("event.follow_up_itself")
                )
            elif follow.event not in ctx.all_event_ids:
                yield ctx.problem(
                    index,
                    event.id,
                    ("follow_up", "event"),
                    "follow_up.event",
                    say("event.follow_up_unknown", event=quoted(follow.event)),
                )


def modules_known(ctx: EventContext) -> Iterator[Problem]:
    """Modules named by a day, or by its schedule, exist in the curriculum."""
    for index, event in ctx.events:
        for d, day in enumerate(event.days):
            for m, module_id in enumerate(day.modules):
                if module_id not in ctx.module_ids:
                    yield ctx.problem(
                        index,
                        event.id,
                        ("days", d, "modules", m),
                        field_path(("days", d, "modules", m)),
                        _unknown_module(module_id),
                    )
            for i, item in enumerate(day.schedule.items if day.schedule else ()):
                if item.module and item.module not in ctx.module_ids:
                    yield ctx.problem(
                        index,
                        event.id,
                        ("days", d, "schedule", "items", i, "module"),
                        field_path(("days", d, "schedule", "items", i, "module")),
                        _unknown_module(item.module),
                    )


RULES: tuple[Rule, ...] = (
    unique_ids,
    dates_in_order,
    partner_classes_known,
    organisations_known,
    follow_up_after_event,
    modules_known,
)


def check_events(ctx: EventContext) -> list[Problem]:
    """Run every event rule."""
    return [problem for rule in RULES for problem in rule(ctx)]


def _unknown_org(org_id: str, ctx: EventContext) -> str:
    known = ", ".join(sorted(ctx.organization_ids)) or say("event.no_orgs")
    return say("event.unknown_org", org=quoted(org_id), known=known)


def _unknown_module(module_id: str) -> str:
    return say("event.unknown_module", module=quoted(module_id))
