"""Rules for curriculum modules: each rule is one function that yields precise, located problems."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from .curriculum import LoadedLesson, module_files
from .markdown_nesting import MAX_NESTING, too_deep
from .markdown_safety import unsafe_constructs
from .module_links import ModulePage, bad_links, site_pages
from .messages import field_path, module_subject, say
from .problems import Problem, quoted
from .sourcefiles import resolves_inside
from .vocabulary import TRACK_AUDIENCES

OBJECTIVE_START = "Peserta mampu "
SAFEGUARDING = re.compile(r"^!!! perlindungan\b.*$", re.MULTILINE)


@dataclass
class ModuleContext:
    root: Path
    lessons: list[LoadedLesson]
    # Ids of the events, each with a page `acara/<id>/` a module may link to; asked for only when a link points
    # there (so the rules need not wait for the events file, read on another thread).
    event_ids: Callable[[], Collection[str]] = frozenset

    @property
    def ids(self) -> set[str]:
        return {item.lesson.id for item in self.lessons}


Rule = Callable[[ModuleContext], Iterator[Problem]]


def _problem(item: LoadedLesson, path: tuple, message: str) -> Problem:
    return item.source.front.problem(path, _subject(item), field_path(path), message)


def _subject(item: LoadedLesson) -> str:
    return module_subject(item.lesson.id)


def _body_problem(item: LoadedLesson, line: int, column: int, message: str) -> Problem:
    """A problem in the body, at a 1-based line and column of the body."""
    return Problem(
        item.lesson.path, item.source.body_line + line - 1, column, _subject(item), say("field.body"), message
    )


def file_matches_id_and_track(ctx: ModuleContext) -> Iterator[Problem]:
    """The file is `curriculum/<track>/<id>.md`."""
    for item in ctx.lessons:
        module, path = item.lesson.module, Path(item.lesson.path)
        if module.id != path.stem:
            yield _problem(
                item, ("id",), say("module.id_not_file", value=quoted(module.id), expected=quoted(path.stem))
            )
        if module.track != path.parent.name:
            yield _problem(
                item,
                ("track",),
                say("module.track_not_folder", value=quoted(module.track), expected=quoted(path.parent.name)),
            )


# Addresses inside a track folder that the site generates itself (pack volumes, later pages of the module list).
RESERVED_ID = re.compile(r"^(paket-fasilitator(-\d+)?|halaman-\d+)$")


def id_not_reserved(ctx: ModuleContext) -> Iterator[Problem]:
    """A module id does not take an address the site uses for its own pages."""
    for item in ctx.lessons:
        if RESERVED_ID.match(item.lesson.id):
            yield _problem(item, ("id",), say("module.reserved_id", value=quoted(item.lesson.id)))


def unique_ids_and_orders(ctx: ModuleContext) -> Iterator[Problem]:
    """Ids are unique across tracks; orders are unique within a track."""
    ids = Counter(item.lesson.id for item in ctx.lessons)
    orders = Counter((item.lesson.module.track, item.lesson.module.order) for item in ctx.lessons)
    for item in ctx.lessons:
        module = item.lesson.module
        if ids[module.id] > 1:
            yield _problem(item, ("id",), say("module.duplicate_id"))
        if orders[(module.track, module.order)] > 1:
            yield _problem(item, ("order",), say("module.order_twice", order=module.order, track=module.track))


def agenda_adds_up(ctx: ModuleContext) -> Iterator[Problem]:
    """Agenda minutes add up to the declared duration."""
    for item in ctx.lessons:
        module = item.lesson.module
        total = sum(step.minutes for step in module.agenda)
        if total != module.duration_minutes:
            yield _problem(
                item, ("duration_minutes",), say("module.agenda_sum", declared=module.duration_minutes, total=total)
            )


def audiences_fit_track(ctx: ModuleContext) -> Iterator[Problem]:
    """Adult modules are for parents, teachers and community; youth modules for SMP and SMA students."""
    for item in ctx.lessons:
        module = item.lesson.module
        allowed = TRACK_AUDIENCES[module.track]
        for index, audience in enumerate(module.audiences):
            if audience not in allowed:
                yield _problem(
                    item,
                    ("audiences", index),
                    say(
                        "module.audience_track", value=quoted(audience), track=module.track, allowed=", ".join(allowed)
                    ),
                )


def age_band_for_youth_only(ctx: ModuleContext) -> Iterator[Problem]:
    """Youth modules state their age band; adult modules do not; the band runs from min to max."""
    for item in ctx.lessons:
        module = item.lesson.module
        if module.track == "remaja" and module.age_band is None:
            yield _problem(item, ("age_band",), say("module.age_band_missing"))
        if module.track == "dewasa" and module.age_band is not None:
            yield _problem(item, ("age_band",), say("module.age_band_adult"))
        if module.age_band and module.age_band.min > module.age_band.max:
            yield _problem(
                item,
                ("age_band", "min"),
                say("module.age_band_order", min=module.age_band.min, max=module.age_band.max),
            )


def objectives_say_what_participants_can_do(ctx: ModuleContext) -> Iterator[Problem]:
    """Each learning objective starts with "Peserta mampu"."""
    for item in ctx.lessons:
        for index, objective in enumerate(item.lesson.module.objectives):
            if not objective.startswith(OBJECTIVE_START):
                yield _problem(
                    item,
                    ("objectives", index),
                    say("module.objective", value=quoted(objective), start=OBJECTIVE_START.strip()),
                )


def related_modules_resolve(ctx: ModuleContext) -> Iterator[Problem]:
    """Related modules exist and are other modules. A module whose file is there but failed to load counts as
    existing: its own problems are reported, and naming it is not a second one."""
    files = {path.stem for path in module_files(ctx.root)}
    for item in ctx.lessons:
        for index, other in enumerate(item.lesson.module.related):
            if other == item.lesson.id:
                yield _problem(item, ("related", index), say("module.related_itself"))
            elif other not in ctx.ids and other not in files:
                yield _problem(
                    item,
                    ("related", index),
                    say("module.related_unknown", value=quoted(other), known=", ".join(sorted(ctx.ids))),
                )


def sources_exist(ctx: ModuleContext) -> Iterator[Problem]:
    """A source cited as a file is a file in the project: the path, with every link on it followed, stays inside
    the project folder (`../../etc/passwd`, `/etc/passwd` and a link out of the project are refused)."""
    for item in ctx.lessons:
        for index, source in enumerate(item.lesson.module.sources):
            if source.file is None:
                continue
            path = ctx.root / source.file
            if not resolves_inside(ctx.root, path):
                yield _problem(
                    item, ("sources", index, "file"), say("module.source_outside", value=quoted(source.file))
                )
            elif not path.is_file():
                yield _problem(
                    item, ("sources", index, "file"), say("module.source_missing", value=quoted(source.file))
                )


def youth_modules_carry_safeguarding(ctx: ModuleContext) -> Iterator[Problem]:
    """Every youth module tells the facilitator what to do on disclosure, naming SAPA 129."""
    for item in ctx.lessons:
        if item.lesson.module.track != "remaja":
            continue
        block = _admonition(item.lesson.body, SAFEGUARDING)
        if block is None:
            yield _body_problem(item, 1, 1, say("module.no_safeguarding"))
        elif "129" not in block:
            yield _body_problem(item, 1, 1, say("module.no_sapa"))


def body_is_safe_markdown(ctx: ModuleContext) -> Iterator[Problem]:
    """A module body holds Markdown only: no raw HTML beyond a few bare inline tags, no link with a scheme other
    than http(s), mailto and tel, no image from another site, no event handler or style in an attribute list."""
    for item in ctx.lessons:
        for found in unsafe_constructs(item.lesson.body):
            yield _body_problem(item, found.line, found.column, found.message)


def body_nesting_is_bounded(ctx: ModuleContext) -> Iterator[Problem]:
    """Lists and quotes nest at most MAX_NESTING levels: Markdown reads nesting recursively, and a few hundred
    levels would stop the build (the body is checked before Markdown ever reads it)."""
    for item in ctx.lessons:
        deep = too_deep(item.lesson.body)
        if deep is not None:
            yield _body_problem(
                item, deep.line, deep.column, say("module.too_deep", depth=deep.depth, limit=MAX_NESTING)
            )


def body_links_resolve(ctx: ModuleContext) -> Iterator[Problem]:
    """Relative links and images point to pages and files of the built site, and `#anchors` on a module page
    to its headings, as MkDocs resolves them (see smartschool.module_links)."""
    modules = {
        _page_of(item.lesson.module.track, item.lesson.id): ModulePage(
            item.lesson.id, item.lesson.body, bool(item.lesson.module.materials), bool(item.lesson.module.related)
        )
        for item in ctx.lessons
    }
    files = module_files(ctx.root)
    extra = [_page_of(path.parent.name, path.stem) for path in files]  # a module that failed is not lost too
    counts = Counter(path.parent.name for path in files)
    pages = site_pages(ctx.root, modules, extra, lambda page: _generated_page(page, counts, ctx.event_ids))
    for item in ctx.lessons:
        for found in bad_links(item.lesson.body, _page_of(item.lesson.module.track, item.lesson.id), pages):
            yield _body_problem(item, found.line, found.column, found.message)


def _page_of(track: str, module_id: str) -> str:
    """The source path MkDocs gives a module's generated page (links resolve from its folder)."""
    return f"kurikulum/{track}/{module_id}.md"


GENERATED_PAGE = re.compile(r"^kurikulum/([a-z]+)/(?:paket-fasilitator(?:-(\d+))?|halaman-(\d+))\.md$")
EVENT_PAGE = re.compile(r"^acara/([^/]+)\.md$")


def _generated_page(page: str, modules_per_track: Counter[str], event_ids: Callable[[], Collection[str]]) -> bool:
    """Whether the build generates `page`: an event's page, a facilitator pack volume or a later page of a track's
    module list."""
    event = EVENT_PAGE.match(page)
    if event is not None:
        return event.group(1) in event_ids()
    found = GENERATED_PAGE.match(page)
    if found is None or not modules_per_track[found.group(1)]:
        return False
    from .curriculum_pages import PACK_VOLUME_MODULES, TRACK_PAGE_MODULES  # not at import: it imports this module

    count = modules_per_track[found.group(1)]
    if found.group(3):
        return 2 <= int(found.group(3)) <= -(-count // TRACK_PAGE_MODULES)
    return int(found.group(2) or 1) <= -(-count // PACK_VOLUME_MODULES) and found.group(2) != "1"


def _admonition(body: str, start: re.Pattern[str]) -> str | None:
    """The text of the first admonition whose opening line matches `start`, or None."""
    match = start.search(body)
    if match is None:
        return None
    lines = []
    for line in body[match.end() :].splitlines()[1:]:
        if line.strip() and not line.startswith("    "):
            break
        lines.append(line)
    return "\n".join(lines)


RULES: tuple[Rule, ...] = (
    file_matches_id_and_track,
    id_not_reserved,
    unique_ids_and_orders,
    agenda_adds_up,
    audiences_fit_track,
    age_band_for_youth_only,
    objectives_say_what_participants_can_do,
    related_modules_resolve,
    sources_exist,
    youth_modules_carry_safeguarding,
    body_is_safe_markdown,
    body_nesting_is_bounded,
    body_links_resolve,
)


def check_modules(ctx: ModuleContext) -> list[Problem]:
    """Run every module rule."""
    return [problem for rule in RULES for problem in rule(ctx)]
