"""Cross-reference rules for events: each rule is one function that yields precise, located problems."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .models import Event, month_bounds
from .problems import Problem, quoted
from .yamlsource import YamlSource


@dataclass
class EventContext:
    """What the event rules can see: the events with their list index, and the known ids of other data."""

    source: YamlSource
    events: list[tuple[int, Event]]
    organization_ids: set[str]
    module_ids: set[str] = field(default_factory=set)
    all_event_ids: set[str] = field(default_factory=set)

    def problem(self, index: int, event_id: str, path: tuple, field_name: str, message: str) -> Problem:
        return self.source.problem(("events", index, *path), f"event {quoted(event_id)}", field_name, message)


Rule = Callable[[EventContext], Iterator[Problem]]


def unique_ids(ctx: EventContext) -> Iterator[Problem]:
    """No two events share an id."""
    seen: set[str] = set()
    for index, event in ctx.events:
        if event.id in seen:
            yield ctx.problem(index, event.id, ("id",), "id", "duplicate id, expected each event id once")
        seen.add(event.id)


def dates_in_order(ctx: EventContext) -> Iterator[Problem]:
    """An event starts on or before its end, and every day falls inside it, once."""
    for index, event in ctx.events:
        if event.start > event.end:
            yield ctx.problem(index, event.id, ("end",), "end",
                              f"{event.end} is before start {event.start}, expected a date on or after start")
        counts = Counter(day.date for day in event.days)
        for d, day in enumerate(event.days):
            if not event.start <= day.date <= event.end:
                yield ctx.problem(index, event.id, ("days", d, "date"), f"days[{d}].date",
                                  f"{day.date} is outside the event, expected a date from {event.start} to {event.end}")
            if counts[day.date] > 1:
                yield ctx.problem(index, event.id, ("days", d, "date"), f"days[{d}].date",
                                  f"{day.date} is listed {counts[day.date]} times, expected each day once")


def partner_classes_known(ctx: EventContext) -> Iterator[Problem]:
    """Each partner class names a known organisation, and no organisation runs two classes."""
    for index, event in ctx.events:
        seen: set[str] = set()
        for c, partner in enumerate(event.partner_classes):
            if partner.organization not in ctx.organization_ids:
                message = _unknown_org(partner.organization, ctx)
            elif partner.organization in seen:
                message = f"{quoted(partner.organization)} runs a class twice, expected one class per organisation"
            else:
                seen.add(partner.organization)
                continue
            yield ctx.problem(index, event.id, ("partner_classes", c, "organization"),
                              f"partner_classes[{c}].organization", message)


def organisations_known(ctx: EventContext) -> Iterator[Problem]:
    """The organiser, co-facilitators and report publisher are known organisations."""
    for index, event in ctx.events:
        if event.organizer not in ctx.organization_ids:
            yield ctx.problem(index, event.id, ("organizer",), "organizer", _unknown_org(event.organizer, ctx))
        for d, day in enumerate(event.days):
            for f, org in enumerate(day.co_facilitators):
                if org not in ctx.organization_ids:
                    yield ctx.problem(index, event.id, ("days", d, "co_facilitators", f),
                                      f"days[{d}].co_facilitators[{f}]", _unknown_org(org, ctx))
        if event.report and event.report.publisher not in ctx.organization_ids:
            yield ctx.problem(index, event.id, ("report", "publisher"), "report.publisher",
                              _unknown_org(event.report.publisher, ctx))


def follow_up_after_event(ctx: EventContext) -> Iterator[Problem]:
    """A dated follow-up comes after the event ends; a named follow-up event exists and is not the event itself."""
    for index, event in ctx.events:
        follow = event.follow_up
        if follow.date is not None and month_bounds(follow.date)[1] <= event.end:
            yield ctx.problem(index, event.id, ("follow_up", "date"), "follow_up.date",
                              f"{follow.date} is not after the event ends ({event.end}), expected a later month or date")
        if follow.event is not None:
            if follow.event == event.id:
                yield ctx.problem(index, event.id, ("follow_up", "event"), "follow_up.event",
                                  "names the event itself, expected the id of the next event")
            elif follow.event not in ctx.all_event_ids:
                yield ctx.problem(index, event.id, ("follow_up", "event"), "follow_up.event",
                                  f"{quoted(follow.event)} is not an event id, expected one of the ids in "
                                  "data/events.yaml")


def modules_known(ctx: EventContext) -> Iterator[Problem]:
    """Modules named by a day, or by its schedule, exist in the curriculum."""
    for index, event in ctx.events:
        for d, day in enumerate(event.days):
            for m, module_id in enumerate(day.modules):
                if module_id not in ctx.module_ids:
                    yield ctx.problem(index, event.id, ("days", d, "modules", m), f"days[{d}].modules[{m}]",
                                      _unknown_module(module_id))
            for i, item in enumerate(day.schedule.items if day.schedule else ()):
                if item.module and item.module not in ctx.module_ids:
                    yield ctx.problem(index, event.id, ("days", d, "schedule", "items", i, "module"),
                                      f"days[{d}].schedule.items[{i}].module", _unknown_module(item.module))


RULES: tuple[Rule, ...] = (unique_ids, dates_in_order, partner_classes_known, organisations_known,
                           follow_up_after_event, modules_known)


def check_events(ctx: EventContext) -> list[Problem]:
    """Run every event rule."""
    return [problem for rule in RULES for problem in rule(ctx)]


def _unknown_org(org_id: str, ctx: EventContext) -> str:
    known = ", ".join(sorted(ctx.organization_ids)) or "none defined"
    return f"{quoted(org_id)} is not a known organisation, expected an id from data/organizations.yaml ({known})"


def _unknown_module(module_id: str) -> str:
    return f"{quoted(module_id)} is not a curriculum module, expected an id from curriculum/"
