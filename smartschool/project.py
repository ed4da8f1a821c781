"""Load and validate all of a project's data in one pass; every problem is collected before failing."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from msgspec import Struct

from .common_rules import unique_ids
from .curriculum import Lesson, load_lessons, module_files
from .docs_pages import check_sources, read_docs_pages
from .event_rules import EventContext, check_events
from .help_mentions import check_mentions
from .help_rules import check_channels, check_terms, stale_channels
from .modelcheck import check_items
from .models import Event, GlossaryTerm, HelpChannel, Organization
from .module_rules import ModuleContext, check_modules
from .problems import DataError, Problem
from .yamlsource import YamlSource, read_yaml

M = TypeVar("M", bound=Struct)
ListRule = Callable[[YamlSource, list[tuple[int, M]]], Iterable[Problem]]

EVENTS_FILE = "data/events.yaml"
ORGANIZATIONS_FILE = "data/organizations.yaml"
HELP_FILE = "data/help.yaml"
GLOSSARY_FILE = "data/glossary.yaml"


@dataclass(frozen=True)
class Project:
    """The validated data of the site."""

    root: Path
    organizations: tuple[Organization, ...]
    events: tuple[Event, ...]
    lessons: tuple[Lesson, ...] = ()
    channels: tuple[HelpChannel, ...] = ()
    terms: tuple[GlossaryTerm, ...] = ()
    warnings: tuple[Problem, ...] = ()  # not errors: the build goes on, but a maintainer should look

    def organization(self, org_id: str) -> Organization:
        return self._organizations_by_id[org_id]

    def event(self, event_id: str) -> Event:
        return self._events_by_id[event_id]

    @cached_property
    def _organizations_by_id(self) -> dict[str, Organization]:
        return {o.id: o for o in self.organizations}

    @cached_property
    def _events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    def lesson(self, module_id: str) -> Lesson:
        return self._lessons_by_id[module_id]

    @cached_property
    def _lessons_by_id(self) -> dict[str, Lesson]:
        return {lesson.id: lesson for lesson in self.lessons}

    def lessons_of_track(self, track: str) -> list[Lesson]:
        """The modules of one track, in their order."""
        return sorted((m for m in self.lessons if m.module.track == track), key=lambda m: m.module.order)

    @cached_property
    def module_uses(self) -> dict[str, list[tuple[Event, int]]]:
        """For each module id, the (event, day number) pairs that name it, newest event first."""
        uses: dict[str, list[tuple[Event, int]]] = {}
        for event in self.events_newest_first():
            for number, day in enumerate(event.days, 1):
                scheduled = [item.module for item in day.schedule.items if item.module] if day.schedule else []
                for module_id in dict.fromkeys([*day.modules, *scheduled]):
                    uses.setdefault(module_id, []).append((event, number))
        return uses

    def published_channels(self) -> list[HelpChannel]:
        """Verified help channels, urgent ones first, in file order otherwise."""
        verified = [c for c in self.channels if c.status == "verified"]
        return sorted(verified, key=lambda c: not c.urgent)

    @cached_property
    def published_channels_by_id(self) -> dict[str, HelpChannel]:
        """The published channels by id, built once per project (every page's `[[bantuan:<id>]]` looks them up)."""
        return {channel.id: channel for channel in self.published_channels()}

    def events_newest_first(self) -> list[Event]:
        return sorted(self.events, key=lambda e: (e.start, e.id), reverse=True)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the data is read, then freeze what is alive.

    Parsing makes about a million small objects at 10,000 events, none of them in reference cycles; the
    collector's passes over them would nearly double the time, and they live as long as the build, so afterwards
    they are frozen (`gc.freeze`) for later passes to skip. A process that reads the data again (a live rebuild)
    calls `thaw` first.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def thaw() -> None:
    """Unfreeze what earlier reads froze and collect it, so that garbage frozen with the data does not stay."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()


def validate_project(root: Path, today: date | None = None) -> tuple[Project | None, list[Problem]]:
    """Read every data file under `root`; return the project when there are no problems."""
    # The events file, the largest, is parsed on a second thread while the modules are read: yaml-rs lets go of
    # the interpreter while it parses, so the two overlap on a machine with more than one core.
    with collector_paused(), ThreadPoolExecutor(max_workers=1) as pool:
        events_read = pool.submit(read_yaml, root / EVENTS_FILE, EVENTS_FILE, root)
        return _validate(root, today, events_read)


def _validate(
    root: Path, today: date | None, events_read: Future[tuple[YamlSource | None, list[Problem]]]
) -> tuple[Project | None, list[Problem]]:
    problems: list[Problem] = []

    org_source, orgs, found = _load_list(
        root,
        ORGANIZATIONS_FILE,
        "organizations",
        Organization,
        "organization",
        unique_ids("organizations", "organization"),
    )
    problems += found
    organizations = [org for _, org in orgs]

    paths = module_files(root)
    loaded, found = load_lessons(root, paths)
    problems += found
    docs_pages, found = read_docs_pages(root)  # read once for every check of the pages
    problems += found
    problems += check_sources(root, docs_pages, skip=paths)  # links in docs/ and curriculum/; docs pages' bounds
    # A module body may link to an event's page: only then do the module rules wait for the events file.
    problems += check_modules(ModuleContext(root, loaded, _event_ids_once_read(events_read)))
    lessons = [item.lesson for item in loaded]

    event_source, found = events_read.result()
    problems += found
    events: list[Event] = []
    if event_source is not None:
        items, found = check_items(event_source, "events", Event, "event")
        problems += found
        context = EventContext(
            source=event_source,
            events=items,
            organization_ids={o.id for o in organizations},
            all_event_ids=_raw_ids(event_source.data, "events"),
            # every module file counts, valid or not, so an event naming a broken module is not reported too
            module_ids={path.stem for path in paths},
        )
        # Without a readable organisations file, every reference would be reported as unknown: skip that noise.
        if org_source is not None:
            problems += check_events(context)
        events = [event for _, event in items]

    help_source, channels, found = _load_list(root, HELP_FILE, "channels", HelpChannel, "channel", check_channels)
    problems += found
    if help_source is not None:  # `[[bantuan:<id>]]` in modules and docs/ names a published channel
        published = {c.id for _, c in channels if c.status == "verified"}
        problems += check_mentions(docs_pages, loaded, published, _raw_ids(help_source.data, "channels"))
    _, terms, found = _load_list(root, GLOSSARY_FILE, "terms", GlossaryTerm, "term", check_terms)
    problems += found

    if problems:
        return None, problems
    warnings = list(stale_channels(help_source, channels, today or date.today())) if help_source else []
    project = Project(
        root=root,
        organizations=tuple(organizations),
        events=tuple(events),
        lessons=tuple(lessons),
        channels=tuple(c for _, c in channels),
        terms=tuple(t for _, t in terms),
        warnings=tuple(warnings),
    )
    return project, []


def _load_list(
    root: Path, name: str, key: str, model: type[M], kind: str, rules: ListRule[M]
) -> tuple[YamlSource | None, list[tuple[int, M]], list[Problem]]:
    """Read one data file holding a list of `model` items, and run its rules on the valid items."""
    source, problems = read_yaml(root / name, name, root)
    if source is None:
        return None, [], problems
    items, found = check_items(source, key, model, kind)
    return source, items, problems + found + list(rules(source, items))


class _AnyId(frozenset[str]):
    """Every id: what the events file holds when it cannot be read (its own problem is reported, and a module's
    link to an event page is then not reported as broken too)."""

    def __contains__(self, item: object) -> bool:
        return True


def _event_ids_once_read(
    events_read: Future[tuple[YamlSource | None, list[Problem]]],
) -> Callable[[], Collection[str]]:
    """The ids in the events file, asked for when needed: waiting for the file only then."""

    def event_ids() -> Collection[str]:
        source, _ = events_read.result()
        return _raw_ids(source.data, "events") if source is not None else _AnyId()

    return event_ids


def _raw_ids(data: object, key: str) -> set[str]:
    """Ids of all items under `key`, valid or not, so a reference to an invalid item is not reported twice."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return set()
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def load_project(root: Path, today: date | None = None) -> Project:
    """Validated project data, or DataError listing every problem."""
    project, problems = validate_project(root, today)
    if project is None:
        raise DataError(problems)
    return project


# A source file's path, size in bytes and modification time in nanoseconds (see _size_and_time).
FileStamp = tuple[str, int, int]
_CACHE: dict[Path, tuple[tuple[tuple[FileStamp, ...], date | None], Project]] = {}


def _fingerprint(root: Path) -> tuple[FileStamp, ...]:
    """What changes when any source file changes: names, sizes and modification times (a broken link counts by
    its name, so that it is reported rather than a traceback)."""
    files = sorted([*root.glob("data/*.yaml"), *root.glob("curriculum/**/*.md"), *root.glob("docs/**/*.md")])
    return tuple((str(f), *_size_and_time(f)) for f in files)


def _size_and_time(path: Path) -> tuple[int, int]:
    try:
        found = path.stat()
    except OSError:
        return (-1, -1)
    return (found.st_size, found.st_mtime_ns)


def load_project_cached(root: Path, today: date | None = None) -> Project:
    """Like load_project, but parses again only when a source file has changed (one parse per build)."""
    root = root.resolve()
    fingerprint = (_fingerprint(root), today)
    cached = _CACHE.get(root)
    if cached and cached[0] == fingerprint:
        return cached[1]
    if _CACHE:  # a rebuild in the same process (mkdocs serve): let go of what the last build froze
        thaw()
    project = load_project(root, today)
    _CACHE[root] = (fingerprint, project)
    return project


def project_root(config_file_path: str | os.PathLike[str]) -> Path:
    """The project's folder, absolute: the folder of its mkdocs.yml. MkDocs keeps the path it was given, so
    `mkdocs build -f mkdocs.yml` gives a relative one, whose parent is `.`. Made absolute as MkDocs makes
    `docs_dir` absolute (`os.path.abspath`, symbolic links kept), so the two stay comparable when the project is
    reached through a linked folder."""
    return Path(os.path.abspath(config_file_path)).parent  # noqa: PTH100 (normalises "..", keeps links)


def current_project(root: Path) -> Project:
    """The project last loaded for `root` by load_project_cached: one load per build, no re-check per page."""
    cached = _CACHE.get(root.resolve())
    if cached is None:
        raise LookupError(f"no project loaded for {root}; load_project_cached runs first (in the build's on_config)")
    return cached[1]
