"""A problem found in a source file, and the error that carries a list of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# How many characters of a value a message quotes: enough to recognise it, never a whole file in the log.
QUOTE_LIMIT = 60


def shown(value: str, limit: int = QUOTE_LIMIT) -> str:
    """`value` cut to `limit` characters, ending in "…" when it was cut: the one place messages shorten values."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value as a message quotes it: Python's repr (so hidden characters show as escapes), cut to `limit`."""
    return repr(shown(value, limit)) if isinstance(value, str) else shown(repr(value), limit)


def _one_line(text: str) -> str:
    """Show control characters (a newline in a key, say) as escapes, so a problem stays on one line."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place of one file."""

    file: str
    line: int
    column: int
    subject: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        parts = [where]
        if self.subject:
            parts.append(self.subject)
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return _one_line(": ".join(parts))


class DataError(Exception):
    """Raised when source data has problems; carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        from .messages import noun, say

        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(say("summary.nothing_built", count=count, noun=noun(count)))
        return "\n".join(lines)
