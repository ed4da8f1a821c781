"""Read the project's source files safely: inside the project, as UTF-8, one leading byte-order mark dropped.

Every data file, module and hand-written page is read through here, so that a link to a file outside the project,
a broken link, or a file saved in another encoding is a located problem with what to do, never a traceback and
never the content of a file that is not the project's.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .messages import say
from .problems import Problem

BOM = "\ufeff"  # written at the start of UTF-8 files by some older Windows editors


def resolves_inside(root: Path, path: Path) -> bool:
    """True when `path`, with every link on the way followed, is inside the project folder `root` (a loop of
    links leads nowhere, so not inside)."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # RuntimeError: Python 3.11 reports a loop of links so
        return False


def link_problem(root: Path, path: Path, name: str) -> Problem | None:
    """The problem with `path` if it is a broken link or leads (through links) out of the project, else None."""
    if path.is_symlink() and not path.exists():
        return Problem(name, 1, 1, "", "", say("file.broken_link"))
    if not resolves_inside(root, path):
        return Problem(name, 1, 1, "", "", say("file.outside_link"))
    return None


def decode_utf8(data: bytes, name: str) -> tuple[str | None, Problem | None]:
    """The text of `data` without one leading byte-order mark; or, if it is not UTF-8, where the first bad byte is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        start = err.start
        line_start = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
        if line_start == 0 and data.startswith(BOM.encode()):
            column -= 1
        line = data.count(b"\n", 0, start) + 1
        return None, Problem(name, line, column, "", "", say("file.not_utf8", byte=f"{data[start]:02X}"))
    return text.removeprefix(BOM), None


def read_source(root: Path, path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """Read `path`, a file of the project in `root` named `name` in problems, as UTF-8 text; or the problem."""
    refused = link_problem(root, path, name)
    if refused is not None:
        return None, [refused]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, 1, 1, "", "", say("file.not_found"))]
    except OSError as err:
        return None, [Problem(name, 1, 1, "", "", say("file.unreadable", reason=err.strerror or type(err).__name__))]
    text, problem = decode_utf8(data, name)
    return text, [problem] if problem is not None else []


def bad_links(root: Path, folder: str, skip: Iterable[Path] = ()) -> Iterator[Problem]:
    """Every link under `root/folder` that is broken or leads out of the project (links are not followed into
    folders, so a loop cannot hang the walk); paths in `skip` are reported elsewhere."""
    skipped = set(skip)
    top = root / folder
    if top.is_symlink():
        problem = link_problem(root, top, folder)
        if problem is not None:
            yield problem
        return
    if not top.is_dir():
        return
    for current, folders, files in os.walk(top):
        here = Path(current)
        for entry in sorted([*folders, *files]):
            path = here / entry
            if path.is_symlink() and path not in skipped:
                problem = link_problem(root, path, path.relative_to(root).as_posix())
                if problem is not None:
                    yield problem
        folders[:] = sorted(f for f in folders if not (here / f).is_symlink())
