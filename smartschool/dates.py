"""Dates in Indonesian, as readers write them: `16–17 Maret 2018`, `April 2018`."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from .models import month_bounds

LOCALE = "id"


def long_date(day: date) -> str:
    """`16 Maret 2018`."""
    return format_date(day, "d MMMM y", locale=LOCALE)


def weekday_date(day: date) -> str:
    """`Jumat, 16 Maret 2018`."""
    return format_date(day, "EEEE, d MMMM y", locale=LOCALE)


def date_range(start: date, end: date) -> str:
    """`16–17 Maret 2018`, `30 Maret–2 April 2018`, `30 Desember 2018–2 Januari 2019`; one day: `16 Maret 2018`."""
    if start == end:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{long_date(end)}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale=LOCALE)}–{long_date(end)}"
    return f"{long_date(start)}–{long_date(end)}"


def month_or_date(value: str) -> str:
    """`2018-04` as `April 2018`; a full date as `16 Maret 2018`."""
    first, last = month_bounds(value)
    if first == last:
        return long_date(first)
    return format_date(first, "MMMM y", locale=LOCALE)
