"""Curriculum pages: one page per module, a facilitator pack per track, and the curriculum indexes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from . import dates
from .admonitions import admonitions
from .clock import Slot, slots
from .curriculum import Lesson
from .legal_block import add_legal_notes
from .models import Event, GlossaryTerm
from .paging import Run, cut
from .participant_view import FACILITATOR_ATTRIBUTE
from .project import Project
from .reference_pages import help_box, mention_help
from .render import page_front_matter, render
from .vocabulary import AUDIENCES, METHODS, TRACK_AUDIENCES, TRACKS, age_band_label

FENCE = re.compile(r"^(```|~~~)")
HEADING = re.compile(r"^(#{1,5})(\s)")
ATTR_LIST = re.compile(r"\s*\{:?([^{}]*)\}\s*$")


@dataclass(frozen=True)
class Use:
    """An event day whose topics a module covers (from the day's `modules` or its schedule)."""

    event: Event
    day_number: int


# Modules per printed volume of a facilitator pack: keeps each pack page under the 120 KB page budget.
PACK_VOLUME_MODULES = 3
# Modules per page of a track's list; later pages are `kurikulum/<track>/halaman-2/` and so on.
TRACK_PAGE_MODULES = 50
# Modules shown per audience on the curriculum index, and per track in the module table, before a link to the rest.
LIST_PREVIEW = 8


@dataclass(frozen=True)
class PackVolume(Run[Lesson]):
    """One printable page of a track's facilitator pack: a run of consecutive modules."""

    track: str

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        return self.items

    @property
    def url(self) -> str:
        return pack_url(self.track, self.number)

    @property
    def label(self) -> str:
        modules = f"modul {self.first}" if self.last == self.first else f"modul {self.first}–{self.last}"
        return f"Jilid {self.number}: {modules}" if self.of > 1 else modules


def pack_url(track: str, volume: int = 1) -> str:
    """The first volume keeps the pack's own address; later ones are `paket-fasilitator-2/` and so on."""
    return f"kurikulum/{track}/paket-fasilitator/" if volume == 1 else f"kurikulum/{track}/paket-fasilitator-{volume}/"


def pack_volumes(project: Project, track: str) -> list[PackVolume]:
    """The track's modules in order, cut into volumes of at most PACK_VOLUME_MODULES, as even as can be."""
    return cut(project.lessons_of_track(track), PACK_VOLUME_MODULES, PackVolume, even=True, track=track)


def agenda_clock(lesson: Lesson) -> list[Slot]:
    """The agenda with a running clock from 00:00."""
    return slots((step.title, step.minutes, METHODS[step.method], None) for step in lesson.module.agenda)


def core_clock(lesson: Lesson) -> list[Slot]:
    """The 40-minute plan: the core steps only, each `core_minutes` long (else `minutes`), clock from 00:00
    (the same arithmetic as the full agenda, smartschool.clock)."""
    return slots(
        (step.title, step.core_minutes or step.minutes, METHODS[step.method], None)
        for step in lesson.module.agenda
        if step.core
    )


# The before/after sheet of a module: a generated page below the lesson's address (stable: PDFs are made from it).
SHEET_SLUG = "lembar-sebelum-sesudah"


def sheet_url(lesson: Lesson) -> str:
    """`kurikulum/<track>/<id>/lembar-sebelum-sesudah/`."""
    return f"{lesson.url}{SHEET_SLUG}/"


# Top-level blocks of a module body that stay in the participant view: fictional cases (the cards participants
# work with) and legal blocks. Everything else in the body is the facilitator's script (curriculum/README.md: each
# section says what the facilitator says and does) and is hidden there.
PARTICIPANT_KINDS = frozenset({"contoh", "hukum"})
# Wrappers keep the body out of the search index, as its headings' sections kept it before (smartschool.search_index).
OUT_OF_SEARCH = 'data-search-exclude="" data-pagefind-ignore=""'


def mark_script(markdown: str) -> str:
    """The body with each run of facilitator script wrapped in `<div class="sso-script" data-sso-facilitator>`
    (md_in_html), leaving top-level `contoh` and `hukum` admonitions outside, so the participant view (CSS) and
    its tests hide the script by one attribute."""
    lines = markdown.split("\n")
    keep = [b for b in admonitions(markdown) if b.indent == 0 and b.kind in PARTICIPANT_KINDS]
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if any(line.strip() for line in run):
            opening = f'<div class="sso-script" {FACILITATOR_ATTRIBUTE}="script" {OUT_OF_SEARCH} markdown="1">'
            out.extend(["", opening, "", *run, "", "</div>", ""])
        run.clear()

    number = 1
    for block in keep:
        run.extend(lines[number - 1 : block.line - 1])
        flush()
        # Out of search as before: the body's text is the facilitator's (its headings are marked so, out_of_search).
        opening = f'<div class="sso-shown" {OUT_OF_SEARCH} markdown="1">'
        out.extend(["", opening, "", *lines[block.line - 1 : block.end], "", "</div>", ""])
        number = block.end + 1
    run.extend(lines[number - 1 :])
    flush()
    return "\n".join(out).strip("\n")


def methods_used(lesson: Lesson) -> list[str]:
    return list(dict.fromkeys(METHODS[step.method] for step in lesson.module.agenda))


def uses_of(project: Project, module_id: str) -> list[Use]:
    """Event days that name the module, newest event first."""
    return [Use(event, number) for event, number in project.module_uses.get(module_id, [])]


def _map_headings(markdown: str, change: Callable[[str], str]) -> str:
    """Apply `change` to every Markdown heading line, leaving fenced code alone."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        out.append(change(line) if not fenced and line.startswith("#") and HEADING.match(line) else line)
    return "\n".join(out)


def demote_headings(markdown: str, levels: int) -> str:
    """Push every Markdown heading down by `levels` (## → ###), leaving fenced code alone."""
    return _map_headings(
        markdown, lambda line: HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + levels) + m.group(2), line)
    )


def out_of_search(markdown: str) -> str:
    """Mark every Markdown heading `data-search-exclude data-pagefind-ignore`: the facilitator's step-by-step text
    (each heading's whole section, see smartschool.search_index) stays out of the search index (the agenda, which
    names each step, stays in). Fenced code is left alone."""

    def exclude(line: str) -> str:
        found = ATTR_LIST.search(line)
        return (
            f"{line[: found.start()]} {{ {found.group(1).strip()} data-search-exclude data-pagefind-ignore }}"
            if found
            else f"{line} {{ data-search-exclude data-pagefind-ignore }}"
        )

    return _map_headings(markdown, exclude)


def terms_in(project: Project, lesson: Lesson) -> list[GlossaryTerm]:
    """Glossary terms that the lesson's text uses (by any of their aliases), in glossary order."""
    text = " ".join([lesson.body, lesson.module.summary, *lesson.module.key_messages])
    found = _term_ids_in(text, tuple((term.id, tuple(term.aliases)) for term in project.terms))
    return [term for term in project.terms if term.id in found]


@lru_cache(maxsize=4096)  # a lesson page and its pack volume ask for the same text
def _term_ids_in(text: str, aliases_by_term: tuple[tuple[str, tuple[str, ...]], ...]) -> frozenset[str]:
    pattern, within = _alias_pattern(aliases_by_term)
    return frozenset(term_id for alias in set(pattern.findall(text)) for term_id in within[alias])


def _whole_word(alias: str) -> str:
    return rf"(?<!\w){re.escape(alias)}(?!\w)"


@lru_cache(maxsize=8)
def _alias_pattern(
    aliases_by_term: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[re.Pattern[str], dict[str, set[str]]]:
    """One expression that finds, at every word start, the longest alias there as a whole word (matches may
    overlap); and for each alias the terms it shows: its own, and those of aliases inside it (`ESA` in `ESA online`)."""
    aliases = {alias for _, names in aliases_by_term for alias in names}
    within = {
        alias: {term_id for term_id, names in aliases_by_term for name in names if re.search(_whole_word(name), alias)}
        for alias in aliases
    }
    alternation = "|".join(re.escape(alias) for alias in sorted(aliases, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?=({alternation})(?!\w))"), within


def _lesson_context(project: Project, lesson: Lesson, base: str) -> dict[str, object]:
    return {
        "terms": terms_in(project, lesson),
        "project": project,
        "lesson": lesson,
        "m": lesson.module,
        "base": base,
        "agenda": agenda_clock(lesson),
        "methods": methods_used(lesson),
        "uses": uses_of(project, lesson.id),
        "audiences": [AUDIENCES[a] for a in lesson.module.audiences],
        "reviewed": dates.long_date(lesson.module.reviewed) if lesson.module.reviewed else None,
        "core": (core := core_clock(lesson)),
        "core_total": sum(slot.minutes for slot in core),
        "age_labels": {"smp": age_band_label("smp"), "sma": age_band_label("sma")},
        "sheet": f"{base}{sheet_url(lesson)}",
    }


def lesson_page_markdown(project: Project, lesson: Lesson) -> str:
    """The whole Markdown source of a module's page, generated from its source file."""
    front = page_front_matter(lesson.module.title, lesson.module.summary, sso_lesson=True)
    body = render(
        "lesson.md",
        h="##",
        pack=False,
        body=Markup(mark_script(out_of_search(add_legal_notes(lesson.body.strip(), lesson.module.reviewed)))),
        self_check=Markup(self_check_html(project, lesson.id, "../../../", heading=False))
        if lesson.module.track == "remaja"
        else "",
        **_lesson_context(project, lesson, "../../../"),
    )
    closing = f"\n\n{help_box(project, '../../../')}" if lesson.module.track == "remaja" else ""
    return f"{front}{mention_help(project, body)}{closing}\n"  # [[bantuan:<id>]] in module text


def facilitator_pack_markdown(project: Project, volume: PackVolume) -> str:
    """A volume's modules in order on one printable page, each starting on a new printed page."""
    track = TRACKS[volume.track].lower()
    title = f"Paket fasilitator: modul {track}" + (
        f" (jilid {volume.number} dari {volume.of})" if volume.of > 1 else ""
    )
    volumes = pack_volumes(project, volume.track)
    parts = [render("pack_intro.md", volume=volume, volumes=volumes, track=track, base="../../../")]
    for lesson in volume.lessons:
        context = _lesson_context(project, lesson, "../../../")
        parts.append(
            render(
                "lesson.md",
                h="###",
                pack=True,
                body=Markup(demote_headings(add_legal_notes(lesson.body.strip(), lesson.module.reviewed), 1)),
                self_check="",
                **context,
            )
        )
    description = f"Modul {track} ({volume.label.lower()}) dalam satu halaman untuk dicetak."
    front = page_front_matter(title, description, sso_pack=True, search={"exclude": True})  # lessons are indexed
    return front + mention_help(project, "\n\n".join(parts)) + "\n"


def self_check_html(project: Project, module_id: str, base: str = "", heading: bool = True) -> str:
    """A module's quiz as a self-check for young readers: each question with its options, and the answer and
    explanation in a <details> (works without JavaScript); docs/assets/lesson-tools.js turns the options into
    buttons with instant feedback, storing and sending nothing. Marked `data-sso-answers`: the participant view
    hides it (its answers would spoil the before/after sheet). `heading` adds an <h2> (docs pages' macro)."""
    lesson = project.lesson(module_id)
    return render(
        "self_check.html",
        m=lesson.module,
        heading=heading,
        answers=[q.options.index(q.answer) for q in lesson.module.quiz],
        sheet=f"{base}{sheet_url(lesson)}",
    )


def sheet_markdown(project: Project, lesson: Lesson) -> str:
    """The printable before/after sheet of a module: its quiz questions twice ("Sebelum sesi", "Sesudah sesi")
    with boxes to tick, and no answers or explanations. Participant-facing, so nothing facilitator-only."""
    module = lesson.module
    title = f"Lembar sebelum dan sesudah sesi: {module.title}"
    description = f"Pertanyaan cek pemahaman modul {module.title}, untuk diisi peserta sebelum dan sesudah sesi."
    front = page_front_matter(title, description, sso_sheet=True, search={"exclude": True}, hide=["navigation", "toc"])
    return front + render("sheet.md", m=module, base="../../../../", lesson_url=f"../../../../{lesson.url}") + "\n"


def curriculum_index(project: Project, base: str = "") -> str:
    """Each module once, grouped by track, its readers as labels, with duration and objectives; links to the
    tracks at the top (a filter that needs no script).

    A large track shows its first LIST_PREVIEW modules and links to the track's full list.
    """
    groups = [(track, project.lessons_of_track(track)) for track in TRACKS]
    packs = {track: pack_volumes(project, track) for track in TRACKS}
    return render(
        "curriculum_index.html",
        groups=[g for g in groups if g[1]],
        base=base,
        packs=packs,
        preview=LIST_PREVIEW,
        track_audiences=TRACK_AUDIENCES,
        track_label=TRACKS,
    )


@dataclass(frozen=True)
class TrackPage(Run[Lesson]):
    """One page of a track's module list."""

    track: str

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        return self.items

    @property
    def url(self) -> str:
        return track_page_url(self.track, self.number)


def track_page_url(track: str, number: int = 1) -> str:
    return f"kurikulum/{track}/" if number == 1 else f"kurikulum/{track}/halaman-{number}/"


def track_pages(project: Project, track: str) -> list[TrackPage]:
    """The track's modules in order, TRACK_PAGE_MODULES to a page (at least one page, even when empty)."""
    return cut(project.lessons_of_track(track), TRACK_PAGE_MODULES, TrackPage, track=track) or [
        TrackPage(number=1, of=1, items=(), first=1, track=track)
    ]


def track_index(project: Project, track: str, base: str = "", number: int = 1) -> str:
    """One page of a track's modules, in order, with links to its other pages and to its facilitator pack."""
    pages = track_pages(project, track)
    return render(
        "track_index.html",
        page=pages[number - 1],
        pages=pages,
        base=base,
        packs=pack_volumes(project, track) if number == 1 else [],
        audience_label=AUDIENCES,
    )


def track_page_markdown(project: Project, page: TrackPage) -> str:
    """A generated later page of a track's module list (the first page is docs/kurikulum/<track>/index.md)."""
    label = TRACKS[page.track].lower()
    title = f"Modul {label} (halaman {page.number} dari {page.of})"
    front = page_front_matter(title, f"Modul {label} nomor {page.first}–{page.last}, berurutan.")
    return f"{front}# {escape(title)}\n\n{track_index(project, page.track, '../../../', page.number)}\n"


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
    return render(
        "day_plan.html",
        slots=laid,
        project=project,
        base=base,
        module_minutes=module_minutes,
        other_minutes=sum(s.minutes for s in laid) - module_minutes,
    )


def module_table(project: Project, base: str = "") -> str:
    """Modules with their track and duration, for choosing modules: up to LIST_PREVIEW per track, then a link."""
    tracks = [(track, project.lessons_of_track(track)) for track in TRACKS]
    return render(
        "module_table.html", tracks=[t for t in tracks if t[1]], preview=LIST_PREVIEW, base=base, track_label=TRACKS
    )
