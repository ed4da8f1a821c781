"""Load and validate all of a project's data in one pass; every problem is collected before failing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .curriculum import Lesson, load_lessons, module_files
from .event_rules import EventContext, check_events
from .module_rules import ModuleContext, check_modules
from .modelcheck import check_items
from .models import Event, Organization
from .problems import DataError, Problem
from .yamlsource import read_yaml

EVENTS_FILE = "data/events.yaml"
ORGANIZATIONS_FILE = "data/organizations.yaml"


@dataclass(frozen=True)
class Project:
    """The validated data of the site."""

    root: Path
    organizations: tuple[Organization, ...]
    events: tuple[Event, ...]
    lessons: tuple[Lesson, ...] = ()

    def organization(self, org_id: str) -> Organization:
        return self._organizations_by_id[org_id]

    def event(self, event_id: str) -> Event:
        return self._events_by_id[event_id]

    @property
    def _organizations_by_id(self) -> dict[str, Organization]:
        return {o.id: o for o in self.organizations}

    @property
    def _events_by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}

    def lesson(self, module_id: str) -> Lesson:
        return self._lessons_by_id[module_id]

    @property
    def _lessons_by_id(self) -> dict[str, Lesson]:
        return {lesson.id: lesson for lesson in self.lessons}

    def lessons_of_track(self, track: str) -> list[Lesson]:
        """The modules of one track, in their order."""
        return sorted((m for m in self.lessons if m.module.track == track), key=lambda m: m.module.order)

    def events_newest_first(self) -> list[Event]:
        return sorted(self.events, key=lambda e: (e.start, e.id), reverse=True)


def validate_project(root: Path) -> tuple[Project | None, list[Problem]]:
    """Read every data file under `root`; return the project when there are no problems."""
    problems: list[Problem] = []

    org_source, found = read_yaml(root / ORGANIZATIONS_FILE, ORGANIZATIONS_FILE)
    problems += found
    organizations = []
    if org_source is not None:
        items, found = check_items(org_source, "organizations", Organization, "organization")
        problems += found
        seen: set[str] = set()
        for index, org in items:
            if org.id in seen:
                problems.append(org_source.problem(("organizations", index, "id"), f"organization '{org.id}'", "id",
                                                   "duplicate id, expected each organisation id once"))
            seen.add(org.id)
            organizations.append(org)

    loaded, found = load_lessons(root)
    problems += found
    problems += check_modules(ModuleContext(root, loaded))
    lessons = [item.lesson for item in loaded]

    event_source, found = read_yaml(root / EVENTS_FILE, EVENTS_FILE)
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
            module_ids={lesson.id for lesson in lessons} | _invalid_module_ids(root, lessons),
        )
        # Without a readable organisations file, every reference would be reported as unknown: skip that noise.
        if org_source is not None:
            problems += check_events(context)
        events = [event for _, event in items]

    if problems:
        return None, problems
    project = Project(root=root, organizations=tuple(organizations), events=tuple(events), lessons=tuple(lessons))
    return project, []


def _raw_ids(data: object, key: str) -> set[str]:
    """Ids of all items under `key`, valid or not, so a reference to an invalid item is not reported twice."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return set()
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _invalid_module_ids(root: Path, valid: list[Lesson]) -> set[str]:
    """Ids of module files that exist but did not validate, so events naming them are not reported too."""
    known = {lesson.id for lesson in valid}
    return {path.stem for path in module_files(root)} - known


def load_project(root: Path) -> Project:
    """Validated project data, or DataError listing every problem."""
    project, problems = validate_project(root)
    if project is None:
        raise DataError(problems)
    return project


_CACHE: dict[Path, tuple[tuple, Project]] = {}


def _fingerprint(root: Path) -> tuple:
    """What changes when any source file changes: names, sizes and modification times."""
    files = sorted([*root.glob("data/*.yaml"), *root.glob("curriculum/**/*.md")])
    return tuple((str(f), s.st_size, s.st_mtime_ns) for f in files for s in [f.stat()])


def load_project_cached(root: Path) -> Project:
    """Like load_project, but parses again only when a source file has changed (one parse per build)."""
    root = root.resolve()
    fingerprint = _fingerprint(root)
    cached = _CACHE.get(root)
    if cached and cached[0] == fingerprint:
        return cached[1]
    project = load_project(root)
    _CACHE[root] = (fingerprint, project)
    return project
