"""Curriculum pages: one page per module, a facilitator pack per track, and the curriculum indexes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from . import dates
from .clock import Slot, slots
from .curriculum import Lesson
from .models import Event, GlossaryTerm
from .project import Project
from .reference_pages import help_box
from .render import page_front_matter, render
from .vocabulary import AUDIENCES, METHODS, TRACK_AUDIENCES, TRACKS

FENCE = re.compile(r"^(```|~~~)")
HEADING = re.compile(r"^(#{1,5})(\s)")


@dataclass(frozen=True)
class Use:
    """An event day whose topics a module covers (from the day's `modules` or its schedule)."""

    event: Event
    day_number: int


def pack_url(track: str) -> str:
    return f"kurikulum/{track}/paket-fasilitator/"


def agenda_clock(lesson: Lesson) -> list[Slot]:
    """The agenda with a running clock from 00:00."""
    return slots((step.title, step.minutes, METHODS[step.method], None) for step in lesson.module.agenda)


def methods_used(lesson: Lesson) -> list[str]:
    return list(dict.fromkeys(METHODS[step.method] for step in lesson.module.agenda))


def uses_of(project: Project, module_id: str) -> list[Use]:
    """Event days that name the module, newest event first."""
    return [Use(event, number) for event, number in project.module_uses.get(module_id, [])]


def demote_headings(markdown: str, levels: int) -> str:
    """Push every Markdown heading down by `levels` (## → ###), leaving fenced code alone."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        if not fenced:
            line = HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + levels) + m.group(2), line)
        out.append(line)
    return "\n".join(out)


def terms_in(project: Project, lesson: Lesson) -> list[GlossaryTerm]:
    """Glossary terms that the lesson's text uses (by any of their aliases), in glossary order."""
    text = " ".join([lesson.body, lesson.module.summary, *lesson.module.key_messages])
    return [term for term in project.terms
            if any(re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text) for alias in term.aliases)]


def _lesson_context(project: Project, lesson: Lesson, base: str) -> dict[str, object]:
    return {
        "terms": terms_in(project, lesson),
        "project": project, "lesson": lesson, "m": lesson.module, "base": base,
        "agenda": agenda_clock(lesson), "methods": methods_used(lesson), "uses": uses_of(project, lesson.id),
        "audiences": [AUDIENCES[a] for a in lesson.module.audiences],
        "reviewed": dates.long_date(lesson.module.reviewed) if lesson.module.reviewed else None,
    }


def lesson_page_markdown(project: Project, lesson: Lesson) -> str:
    """The whole Markdown source of a module's page, generated from its source file."""
    front = page_front_matter(lesson.module.title, lesson.module.summary, sso_lesson=True)
    body = render("lesson.md", h="##", pack=False, body=Markup(lesson.body.strip()),
                  **_lesson_context(project, lesson, "../../../"))
    closing = f"\n\n{help_box(project, '../../../')}" if lesson.module.track == "remaja" else ""
    return f"{front}{body}{closing}\n"


def facilitator_pack_markdown(project: Project, track: str) -> str:
    """All modules of a track in order on one printable page, each starting on a new printed page."""
    title = f"Paket fasilitator: modul {TRACKS[track].lower()}"
    lessons = project.lessons_of_track(track)
    parts = [render("pack_intro.md", lessons=lessons, track=TRACKS[track].lower())]
    for lesson in lessons:
        context = _lesson_context(project, lesson, "../../../")
        parts.append(render("lesson.md", h="###", pack=True, body=Markup(demote_headings(lesson.body.strip(), 1)),
                            **context))
    front = page_front_matter(title, f"Semua modul {TRACKS[track].lower()} dalam satu halaman untuk dicetak.",
                              sso_pack=True)
    return front + "\n\n".join(parts) + "\n"


def curriculum_index(project: Project, base: str = "") -> str:
    """Modules grouped by track and audience, with duration and objectives (a filter that needs no script)."""
    groups = [
        (track, audience, [lesson for lesson in project.lessons_of_track(track)
                           if audience in lesson.module.audiences])
        for track in TRACKS for audience in TRACK_AUDIENCES[track]
    ]
    return render("curriculum_index.html", groups=[g for g in groups if g[2]], base=base, pack_url=pack_url,
                  audience_label=AUDIENCES, track_label=TRACKS)


def track_index(project: Project, track: str, base: str = "") -> str:
    """The modules of one track, in order, with a link to its facilitator pack."""
    return render("track_index.html", lessons=project.lessons_of_track(track), base=base,
                  pack=pack_url(track), audience_label=AUDIENCES)


def day_plan(project: Project, start: str, items: list[str | list[object]], base: str = "") -> str:
    """A timed workshop day from module ids and [title, minutes] breaks; times come from the modules' durations."""
    blocks: list[tuple[str, int, str | None, str | None]] = []
    for item in items:
        if isinstance(item, str):
            module = project.lesson(item).module
            blocks.append((module.title, module.duration_minutes, None, module.id))
        else:
            title, minutes = item
            blocks.append((str(title), int(str(minutes)), None, None))
    laid = slots(blocks, start)
    module_minutes = sum(s.minutes for s in laid if s.module_id)
    return render("day_plan.html", slots=laid, project=project, base=base, module_minutes=module_minutes,
                  other_minutes=sum(s.minutes for s in laid) - module_minutes)


def module_table(project: Project, base: str = "") -> str:
    """Every module with its track and duration, for choosing modules."""
    lessons = [lesson for track in TRACKS for lesson in project.lessons_of_track(track)]
    return render("module_table.html", lessons=lessons, base=base, track_label=TRACKS)
