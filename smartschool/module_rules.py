"""Rules for curriculum modules: each rule is one function that yields precise, located problems."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .curriculum import LoadedLesson
from .markdown_safety import unsafe_constructs
from .problems import Problem
from .vocabulary import TRACK_AUDIENCES
from .yamlsource import dotted

OBJECTIVE_START = "Peserta mampu "
SAFEGUARDING = re.compile(r"^!!! perlindungan\b.*$", re.MULTILINE)


@dataclass
class ModuleContext:
    root: Path
    lessons: list[LoadedLesson]

    @property
    def ids(self) -> set[str]:
        return {item.lesson.id for item in self.lessons}


Rule = Callable[[ModuleContext], Iterator[Problem]]


def _problem(item: LoadedLesson, path: tuple, message: str) -> Problem:
    return item.source.front.problem(path, f"module '{item.lesson.id}'", dotted(path), message)


def file_matches_id_and_track(ctx: ModuleContext) -> Iterator[Problem]:
    """The file is `curriculum/<track>/<id>.md`."""
    for item in ctx.lessons:
        module, path = item.lesson.module, Path(item.lesson.path)
        if module.id != path.stem:
            yield _problem(item, ("id",), f"'{module.id}' differs from the file name, expected '{path.stem}'")
        if module.track != path.parent.name:
            yield _problem(item, ("track",), f"'{module.track}' differs from the folder, expected '{path.parent.name}'")


# Addresses inside a track folder that the site generates itself (pack volumes, later pages of the module list).
RESERVED_ID = re.compile(r"^(paket-fasilitator(-\d+)?|halaman-\d+)$")


def id_not_reserved(ctx: ModuleContext) -> Iterator[Problem]:
    """A module id does not take an address the site uses for its own pages."""
    for item in ctx.lessons:
        if RESERVED_ID.match(item.lesson.id):
            yield _problem(item, ("id",), f"'{item.lesson.id}' is an address the site uses for its own pages, "
                                          "expected another id (not paket-fasilitator… or halaman-<n>)")


def unique_ids_and_orders(ctx: ModuleContext) -> Iterator[Problem]:
    """Ids are unique across tracks; orders are unique within a track."""
    ids = Counter(item.lesson.id for item in ctx.lessons)
    orders = Counter((item.lesson.module.track, item.lesson.module.order) for item in ctx.lessons)
    for item in ctx.lessons:
        module = item.lesson.module
        if ids[module.id] > 1:
            yield _problem(item, ("id",), "duplicate id, expected each module id once across all tracks")
        if orders[(module.track, module.order)] > 1:
            yield _problem(item, ("order",),
                           f"order {module.order} is used twice in track {module.track}, expected a unique position")


def agenda_adds_up(ctx: ModuleContext) -> Iterator[Problem]:
    """Agenda minutes add up to the declared duration."""
    for item in ctx.lessons:
        module = item.lesson.module
        total = sum(step.minutes for step in module.agenda)
        if total != module.duration_minutes:
            yield _problem(item, ("duration_minutes",),
                           f"{module.duration_minutes} minutes declared but the agenda adds up to {total}, "
                           "expected them to be equal")


def audiences_fit_track(ctx: ModuleContext) -> Iterator[Problem]:
    """Adult modules are for parents, teachers and community; youth modules for SMP and SMA students."""
    for item in ctx.lessons:
        module = item.lesson.module
        allowed = TRACK_AUDIENCES[module.track]
        for index, audience in enumerate(module.audiences):
            if audience not in allowed:
                yield _problem(item, ("audiences", index),
                               f"'{audience}' is not an audience of track {module.track}, "
                               f"expected one of: {', '.join(allowed)}")


def age_band_for_youth_only(ctx: ModuleContext) -> Iterator[Problem]:
    """Youth modules state their age band; adult modules do not; the band runs from min to max."""
    for item in ctx.lessons:
        module = item.lesson.module
        if module.track == "remaja" and module.age_band is None:
            yield _problem(item, ("age_band",), "missing, expected the ages of a youth module as {min: .., max: ..}")
        if module.track == "dewasa" and module.age_band is not None:
            yield _problem(item, ("age_band",), "given for an adult module, expected it only in track remaja")
        if module.age_band and module.age_band.min > module.age_band.max:
            yield _problem(item, ("age_band", "min"),
                           f"min {module.age_band.min} is above max {module.age_band.max}, expected min <= max")


def objectives_say_what_participants_can_do(ctx: ModuleContext) -> Iterator[Problem]:
    """Each learning objective starts with "Peserta mampu"."""
    for item in ctx.lessons:
        for index, objective in enumerate(item.lesson.module.objectives):
            if not objective.startswith(OBJECTIVE_START):
                yield _problem(item, ("objectives", index),
                               f"{objective[:40]!r} does not say what participants can do, "
                               f"expected it to start with '{OBJECTIVE_START.strip()} …'")


def related_modules_resolve(ctx: ModuleContext) -> Iterator[Problem]:
    """Related modules exist and are other modules."""
    for item in ctx.lessons:
        for index, other in enumerate(item.lesson.module.related):
            if other == item.lesson.id:
                yield _problem(item, ("related", index), "names the module itself, expected another module's id")
            elif other not in ctx.ids:
                yield _problem(item, ("related", index),
                               f"'{other}' is not a module id, expected one of: {', '.join(sorted(ctx.ids))}")


def sources_exist(ctx: ModuleContext) -> Iterator[Problem]:
    """A source cited as a file is a file in the project."""
    for item in ctx.lessons:
        for index, source in enumerate(item.lesson.module.sources):
            if source.file is not None and not (ctx.root / source.file).is_file():
                yield _problem(item, ("sources", index, "file"),
                               f"'{source.file}' is not a file in the project, expected a path from the project root")


def youth_modules_carry_safeguarding(ctx: ModuleContext) -> Iterator[Problem]:
    """Every youth module tells the facilitator what to do on disclosure, naming SAPA 129."""
    for item in ctx.lessons:
        if item.lesson.module.track != "remaja":
            continue
        block = _admonition(item.lesson.body, SAFEGUARDING)
        if block is None:
            yield Problem(item.lesson.path, item.source.body_line, 1, f"module '{item.lesson.id}'", "body",
                          "no safeguarding note, expected a '!!! perlindungan \"…\"' block on what to do "
                          "if a participant discloses abuse")
        elif "129" not in block:
            yield Problem(item.lesson.path, item.source.body_line, 1, f"module '{item.lesson.id}'", "body",
                          "the safeguarding note does not refer to SAPA 129, expected the referral to SAPA 129")


def body_is_safe_markdown(ctx: ModuleContext) -> Iterator[Problem]:
    """A module body holds Markdown only: no raw HTML beyond a few bare inline tags, no link with a scheme other
    than http(s), mailto and tel, no image from another site, no event handler or style in an attribute list."""
    for item in ctx.lessons:
        for found in unsafe_constructs(item.lesson.body):
            yield Problem(item.lesson.path, item.source.body_line + found.line - 1, found.column,
                          f"module '{item.lesson.id}'", "body", found.message)


def _admonition(body: str, start: re.Pattern[str]) -> str | None:
    """The text of the first admonition whose opening line matches `start`, or None."""
    match = start.search(body)
    if match is None:
        return None
    lines = []
    for line in body[match.end():].splitlines()[1:]:
        if line.strip() and not line.startswith("    "):
            break
        lines.append(line)
    return "\n".join(lines)


RULES: tuple[Rule, ...] = (file_matches_id_and_track, id_not_reserved, unique_ids_and_orders, agenda_adds_up,
                           audiences_fit_track, age_band_for_youth_only, objectives_say_what_participants_can_do,
                           related_modules_resolve, sources_exist, youth_modules_carry_safeguarding,
                           body_is_safe_markdown)


def check_modules(ctx: ModuleContext) -> list[Problem]:
    """Run every module rule."""
    return [problem for rule in RULES for problem in rule(ctx)]
