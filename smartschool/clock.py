"""Clock arithmetic for agendas and day schedules: running times (00:15) and times of day (08:15)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Slot:
    """One block with its start and end, as `HH:MM` text."""

    start: str
    end: str
    minutes: int
    title: str
    method: str | None = None
    module_id: str | None = None


def hhmm(total_minutes: int) -> str:
    """`75` as `01:15`; wraps past midnight."""
    total_minutes %= 24 * 60
    return f"{total_minutes // 60:02d}:{total_minutes % 60:02d}"


def parse_hhmm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def slots(blocks: Iterable[tuple[str, int, str | None, str | None]], start: str = "00:00") -> list[Slot]:
    """Lay (title, minutes, method, module id) blocks end to end from `start`."""
    clock = parse_hhmm(start)
    laid = []
    for title, minutes, method, module_id in blocks:
        laid.append(Slot(hhmm(clock), hhmm(clock + minutes), minutes, title, method, module_id))
        clock += minutes
    return laid
