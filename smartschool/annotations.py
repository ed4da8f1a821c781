"""Problems as GitHub Actions workflow commands, so each one shows on its line of a pull request's changed files.

GitHub's format (docs.github.com, "Workflow commands for GitHub Actions", `error` and `warning`):
`::error file={name},line={line},col={col}::{message}`; in the message `%`, CR and LF are escaped as `%25`, `%0D`
and `%0A`, and in a property value also `:` and `,` (as `%3A` and `%2C`).
"""

from __future__ import annotations

import os
import re

LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.*)$", re.DOTALL)


def in_github_actions() -> bool:
    """True in a GitHub Actions job (GitHub sets GITHUB_ACTIONS=true there)."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(problem: str, level: str = "error") -> str:
    """The workflow command for one problem written `file:line:column: message`; a problem without a place
    becomes an annotation of the whole run. `level` is `error` or `warning`."""
    found = LOCATED.match(problem)
    if found is None:
        return f"::{level}::{_data(problem)}"
    place = f"file={_property(found['file'])},line={found['line']},col={found['col']}"
    return f"::{level} {place}::{_data(found['message'])}"
