"""Indonesian date formatting, and which follow-ups count as upcoming on a given day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from helpers import VALID_EVENT, write_data
from smartschool import dates
from smartschool.project import load_project
from smartschool.render import next_stops
from smartschool.timeline import timeline


@pytest.mark.parametrize(
    "start,end,expected",
    [
        (date(2018, 3, 16), date(2018, 3, 17), "16–17 Maret 2018"),
        (date(2018, 3, 16), date(2018, 3, 16), "16 Maret 2018"),
        (date(2018, 3, 30), date(2018, 4, 2), "30 Maret–2 April 2018"),
        (date(2018, 12, 31), date(2019, 1, 1), "31 Desember 2018–1 Januari 2019"),
    ],
)
def test_date_ranges_in_indonesian(start: date, end: date, expected: str) -> None:
    assert dates.date_range(start, end) == expected


def test_month_precision_and_weekday() -> None:
    assert dates.month_or_date("2018-04") == "April 2018"
    assert dates.month_or_date("2018-04-09") == "9 April 2018"
    assert dates.weekday_date(date(2018, 3, 17)) == "Sabtu, 17 Maret 2018"


def test_follow_up_is_upcoming_until_its_month_has_passed(tmp_path: Path) -> None:
    project = load_project(write_data(tmp_path, VALID_EVENT))  # follow-up: Parepare, 2019-06
    before = timeline(project, date(2019, 6, 30))
    after = timeline(project, date(2019, 7, 1))
    assert [s.follow_up.city for s in before.upcoming] == ["Parepare"] and before.history == ()
    assert after.upcoming == () and [s.follow_up.city for s in after.history] == ["Parepare"]


def test_past_follow_up_renders_as_history_not_as_next_stop(tmp_path: Path) -> None:
    project = load_project(write_data(tmp_path, VALID_EVENT))
    past = next_stops(project, date(2026, 11, 28))
    assert "Belum ada jadwal berikutnya" in past and "Riwayat" in past and "Juni 2019" in past
    future = next_stops(project, date(2019, 5, 20))
    assert "Berikutnya" in future and "Riwayat" not in future and "Parepare" in future
