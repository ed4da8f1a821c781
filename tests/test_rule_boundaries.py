"""Both sides of every rule with an order or a sum: the last accepted value and the first refused one.

Each pair kills the mutants that move a boundary by one (`<` for `<=`, the first day of a month for its last,
`!=` for `<`): expected outcomes are written out here, never computed by the code under test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers import VALID_EVENT, problems_for, real_module, write_data, write_module
from sitebuild import ROOT
from smartschool.help_rules import is_stale
from smartschool.models import HelpChannel
from smartschool.project import load_project


def _event_problems(tmp_path: Path, **changes: str) -> list[str]:
    """Problems of VALID_EVENT (10–11 May 2019, one day on the 10th, follow-up 2019-06) with lines replaced."""
    text = VALID_EVENT
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    return [f"{p.field}: {p.message}" for p in problems_for(write_data(tmp_path, text))]


FOLLOW_UP = "      date: 2019-06"


@pytest.mark.parametrize(
    ("follow_up", "end", "refused"),
    [
        ("2019-05-11", "2019-05-11", True),  # on the event's last day: not after it
        ("2019-05-12", "2019-05-11", False),  # the next day
        ("2019-05", "2019-05-11", False),  # later in the event's own month: the month ends after the event
        ("2019-05", "2019-05-31", True),  # the month ends on the event's last day
        ("2019-06", "2019-05-31", False),  # the next month
        ("2019-04", "2019-05-11", True),  # a month before
    ],
)
def test_follow_up_date_against_the_event_end(tmp_path: Path, follow_up: str, end: str, refused: bool) -> None:
    problems = _event_problems(
        tmp_path, **{FOLLOW_UP: f"      date: {follow_up}", "    end: 2019-05-11": f"    end: {end}"}
    )
    expected = [f"follow_up.date: {follow_up} is not after the event ends ({end}), expected a later month or date"]
    assert problems == (expected if refused else [])


@pytest.mark.parametrize(("start", "refused"), [("2019-05-11", False), ("2019-05-12", True)])
def test_start_against_end(tmp_path: Path, start: str, refused: bool) -> None:
    # The one day moves with the start so that only the order of start and end is tested.
    problems = _event_problems(
        tmp_path,
        **{
            "    start: 2019-05-10": f"    start: {start}",
            "      - date: 2019-05-10": "      - date: 2019-05-11",
            FOLLOW_UP: "      date: 2019-07",
        },
    )
    expected = ["end: 2019-05-11 is before start 2019-05-12, expected a date on or after start"]
    assert [p for p in problems if p.startswith("end:")] == (expected if refused else [])


@pytest.mark.parametrize(
    ("day", "refused"), [("2019-05-09", True), ("2019-05-10", False), ("2019-05-11", False), ("2019-05-12", True)]
)
def test_a_day_inside_the_event(tmp_path: Path, day: str, refused: bool) -> None:
    problems = _event_problems(tmp_path, **{"      - date: 2019-05-10": f"      - date: {day}"})
    expected = [f"days[0].date: {day} is outside the event, expected a date from 2019-05-10 to 2019-05-11"]
    assert problems == (expected if refused else [])


GROOMING = real_module("remaja", "grooming").replace(
    "related: [mengenal-esa-online, sexting-dan-sextortion, bersuara-dan-melapor]", "related: []"
)


@pytest.mark.parametrize(("declared", "refused"), [(89, True), (90, False), (91, True)])
def test_agenda_sum_against_the_declared_duration(tmp_path: Path, declared: int, refused: bool) -> None:
    """The grooming module's agenda adds up to 90 minutes; one minute either way is refused."""
    write_data(tmp_path, VALID_EVENT)
    write_module(
        tmp_path, "remaja", "grooming", GROOMING.replace("duration_minutes: 90", f"duration_minutes: {declared}")
    )
    problems = [f"{p.field}: {p.message}" for p in problems_for(tmp_path)]
    expected = [
        f"duration_minutes: {declared} minutes declared but the agenda adds up to 90, expected them to be equal"
    ]
    assert problems == (expected if refused else [])


@pytest.mark.parametrize(
    ("today", "stale"),
    [
        (date(2026, 1, 1), False),  # exactly 365 days after a verification on 2025-01-01
        (date(2026, 1, 2), True),  # the day after
    ],
)
def test_verification_age_of_twelve_months(today: date, stale: bool) -> None:
    channel = load_project(ROOT).published_channels()[0]
    verified_on_new_year = HelpChannel(
        **{**{f: getattr(channel, f) for f in channel.__struct_fields__}, "verified": date(2025, 1, 1)}
    )
    assert is_stale(verified_on_new_year, today) is stale
