"""Helpers for writing small data fixtures and reading problems back."""

from __future__ import annotations

import textwrap
from pathlib import Path

from smartschool.problems import Problem
from smartschool.project import validate_project

ROOT = Path(__file__).resolve().parent.parent


def write_data(root: Path, events: str, organizations: str | None = None) -> Path:
    """Write `data/events.yaml` (and the real organisations, unless given, help lines and glossary) under `root`."""
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "events.yaml").write_text(textwrap.dedent(events).lstrip("\n"), encoding="utf-8")
    orgs = organizations if organizations is not None else (ROOT / "data/organizations.yaml").read_text("utf-8")
    (data / "organizations.yaml").write_text(textwrap.dedent(orgs).lstrip("\n"), encoding="utf-8")
    for name in ("help.yaml", "glossary.yaml"):
        (data / name).write_text((ROOT / "data" / name).read_text("utf-8"), encoding="utf-8")
    return root


def problems_for(root: Path) -> list[Problem]:
    project, problems = validate_project(root)
    assert (project is None) == bool(problems)
    return problems


def only_problem(root: Path) -> Problem:
    problems = problems_for(root)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


VALID_EVENT = """
events:
  - id: contoh-2019
    program: Smart School Online
    title: Workshop Contoh
    status: held
    start: 2019-05-10
    end: 2019-05-11
    city: Kupang
    province: Nusa Tenggara Timur
    organizer: ecpat-indonesia
    partner_classes:
      - organization: ecpat-indonesia
        topic: Pencegahan
      - organization: ict-watch
        topic: null
    days:
      - date: 2019-05-10
        audiences: [guru]
        topics: [Pencegahan]
        formats: [presentasi]
    follow_up:
      city: Parepare
      province: Sulawesi Selatan
      date: 2019-06
"""


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle` in dedented fixture text."""
    lines = textwrap.dedent(text).lstrip("\n").splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[occurrence - 1]


def write_module(root: Path, track: str, name: str, text: str) -> Path:
    """Write `curriculum/<track>/<name>.md` under `root`."""
    folder = root / "curriculum" / track
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def real_module(track: str, name: str) -> str:
    """The text of one of the project's real modules, as a base for fixtures."""
    return (ROOT / "curriculum" / track / f"{name}.md").read_text(encoding="utf-8")


def line_in(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line of `text` containing `needle` (no dedenting)."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[occurrence - 1]


def write_file(root: Path, name: str, content: str | bytes) -> Path:
    """Write the project file `name` under `root` (text as UTF-8, bytes as they are), creating its folders."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def column_in(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based column where `needle` starts on the n-th line of `text` that contains it."""
    line = [line for line in text.splitlines() if needle in line][occurrence - 1]
    return line.index(needle) + 1
