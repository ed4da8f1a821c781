"""Facts about the build itself: the date it is built for, and when its sources last changed."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path


def source_date_epoch() -> datetime | None:
    """`SOURCE_DATE_EPOCH` (seconds since 1970, UTC; https://reproducible-builds.org/specs/source-date-epoch/) as
    an aware datetime, or None when unset. Raises ValueError if it is not a whole number."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(value), UTC) if value else None


def build_date() -> date:
    """The date the site is built for (the home page tells upcoming stops from history by it).

    `SSO_BUILD_DATE=YYYY-MM-DD` fixes it (the project's own name, kept as an alias); else the UTC date of
    `SOURCE_DATE_EPOCH`; else today.
    """
    fixed = os.environ.get("SSO_BUILD_DATE")
    if fixed:
        return date.fromisoformat(fixed)
    epoch = source_date_epoch()
    return epoch.date() if epoch else date.today()


def last_commit_times(root: Path, paths: Iterable[str]) -> dict[str, datetime]:
    """For each of `paths` (relative to `root`, POSIX) that git knows, the time of the last commit touching it.

    One `git log` walks the history once. Returns {} when `root` is not a git work tree or git is missing, so a
    build from a plain copy falls back to the build date.
    """
    wanted = set(paths)
    try:
        log = subprocess.run(
            ["git", "-C", str(root), "log", "--format=@%ct", "--name-only", "--no-renames", "--", *sorted(wanted)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, datetime] = {}
    stamp: datetime | None = None
    for line in log.splitlines():
        if line.startswith("@"):
            stamp = datetime.fromtimestamp(int(line[1:]), UTC)
        elif line and stamp is not None and line in wanted and line not in found:
            found[line] = stamp  # newest first: the first time a path appears is its last change
    return found


def latest_change(paths: Iterable[str], times: dict[str, datetime]) -> datetime | None:
    """The newest of the last-commit `times` of `paths`, or None when git knows none of them."""
    known = [times[path] for path in paths if path in times]
    return max(known) if known else None


def source_date(root: Path, paths: list[str]) -> date:
    """The date `paths` last changed: their last commit, else `SOURCE_DATE_EPOCH`'s date, else the build date.
    Stable for a given commit, so an output stamped with it (the calendar's DTSTAMP) does not change daily."""
    changed = latest_change(paths, last_commit_times(root, paths))
    if changed is not None:
        return changed.date()
    epoch = source_date_epoch()
    return epoch.date() if epoch else build_date()
