"""Rules for curriculum modules: each rule is one function that yields precise, located problems."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from .admonitions import FACILITATOR_KINDS, admonitions, inside
from .curriculum import LoadedLesson, module_files
from .help_mentions import strings_in
from .legal_block import KIND as LEGAL_KIND
from .legal_block import LAW_NAME, has_legal_block, laws_outside_legal_blocks
from .markdown_nesting import (
    MAX_NESTING,
    admonition_message,
    bracket_message,
    costly_brackets,
    misindented_bodies,
    too_deep,
)
from .markdown_safety import unsafe_constructs
from .messages import field_path, module_subject, say
from .module_links import ModulePage, bad_links, site_pages
from .problems import Problem, quoted
from .sourcefiles import resolves_inside
from .vocabulary import TRACK_AUDIENCES
from .yamlplaces import Path_

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


def _problem(item: LoadedLesson, path: Path_, message: str) -> Problem:
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


def body_brackets_are_bounded(ctx: ModuleContext) -> Iterator[Problem]:
    """Few `[` and link addresses left open, and brackets nested only a few deep, in each paragraph: Markdown's
    link patterns search the rest of the paragraph for each one (see smartschool.markdown_nesting)."""
    for item in ctx.lessons:
        for found in costly_brackets(item.lesson.body):
            yield _body_problem(item, found.line, found.column, bracket_message(found))


def body_blocks_hold_their_text(ctx: ModuleContext) -> Iterator[Problem]:
    """The text of a `!!! type "title"` block (and `??? type`) is indented four spaces more than the opener:
    otherwise Markdown leaves the block empty and shows the text as a paragraph (a safeguarding note, say)."""
    for item in ctx.lessons:
        for found in misindented_bodies(item.lesson.body):
            message = admonition_message(found, item.source.body_line - 1)
            yield _body_problem(item, found.line, found.column, message)


def body_links_resolve(ctx: ModuleContext) -> Iterator[Problem]:
    """Relative links and images point to pages and files of the built site, and `#anchors` on a module page
    to its headings, as MkDocs resolves them (see smartschool.module_links)."""
    modules = {
        _page_of(item.lesson.module.track, item.lesson.id): ModulePage(
            item.lesson.id,
            item.lesson.body,
            bool(item.lesson.module.materials),
            bool(item.lesson.module.related),
            item.lesson.module.track == "remaja",
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


# The 40-minute plan (one school period): core steps add up to at most CORE_MAX and at least CORE_MIN minutes (a
# period is 40 minutes; below 30 the plan would leave too little of the lesson to be worth running on its own).
CORE_MAX = 40
CORE_MIN = 30


def quiz_is_answerable(ctx: ModuleContext) -> Iterator[Problem]:
    """Each quiz item's options are distinct, its answer is exactly one of them (written the same way), and its
    explanation is one line (3-6 items and 2-4 options are the model's constraints)."""
    for item in ctx.lessons:
        for index, question in enumerate(item.lesson.module.quiz):
            seen: set[str] = set()
            for number, option in enumerate(question.options):
                if option in seen:
                    yield _problem(
                        item, ("quiz", index, "options", number), say("quiz.option_twice", value=quoted(option))
                    )
                seen.add(option)
            if question.answer not in question.options:
                yield _problem(
                    item,
                    ("quiz", index, "answer"),
                    say(
                        "quiz.answer_not_option",
                        value=quoted(question.answer),
                        options=", ".join(quoted(o) for o in question.options),
                    ),
                )
            if "\n" in question.explanation:
                yield _problem(item, ("quiz", index, "explanation"), say("quiz.explanation_lines"))


def core_plan_fits_a_period(ctx: ModuleContext) -> Iterator[Problem]:
    """The 40-minute plan: the first step (opening, group agreement, safeguarding) and the last (closing: who to
    talk to) are core; core steps (each `core_minutes`, else `minutes`) add up to CORE_MIN-CORE_MAX minutes;
    `core_minutes` is only on core steps and not more than `minutes`."""
    for item in ctx.lessons:
        agenda = item.lesson.module.agenda
        for index, step in enumerate(agenda):
            if step.core_minutes is not None and not step.core:
                yield _problem(item, ("agenda", index, "core_minutes"), say("core.minutes_not_core"))
            elif step.core_minutes is not None and step.core_minutes > step.minutes:
                yield _problem(
                    item,
                    ("agenda", index, "core_minutes"),
                    say("core.minutes_above", core=step.core_minutes, minutes=step.minutes),
                )
        if not agenda[0].core:
            yield _problem(item, ("agenda", 0), say("core.first"))
        if not agenda[-1].core:
            yield _problem(item, ("agenda", len(agenda) - 1), say("core.last"))
        total = sum(step.core_minutes or step.minutes for step in agenda if step.core)
        if not CORE_MIN <= total <= CORE_MAX:
            yield _problem(item, ("agenda",), say("core.total", total=total, low=CORE_MIN, high=CORE_MAX))


def age_notes_for_youth_only(ctx: ModuleContext) -> Iterator[Problem]:
    """Youth modules say what changes for SMP and SMA (`age_notes`); adult modules do not have the field."""
    for item in ctx.lessons:
        module = item.lesson.module
        if module.track == "remaja" and module.age_notes is None:
            yield _problem(item, ("age_notes",), say("module.age_notes_missing"))
        if module.track == "dewasa" and module.age_notes is not None:
            yield _problem(item, ("age_notes",), say("module.age_notes_adult"))


FICTIONAL_LABEL = "Contoh kasus (fiktif)"


def fictional_cases_are_labelled(ctx: ModuleContext) -> Iterator[Problem]:
    """Every `contoh` admonition's title starts with "Contoh kasus (fiktif)" (issue #15)."""
    for item in ctx.lessons:
        for block in admonitions(item.lesson.body):
            if block.kind == "contoh" and not (block.title or "").startswith(FICTIONAL_LABEL):
                yield _body_problem(
                    item,
                    block.line,
                    block.title_column,
                    say("module.contoh_title", value=quoted(block.title or ""), label=FICTIONAL_LABEL),
                )


def legal_blocks_are_dated_and_hold_the_law(ctx: ModuleContext) -> Iterator[Problem]:
    """A module with a `hukum` block has `reviewed`; a law named in the body sits inside a `hukum` block (so it
    always carries the review date and the legal-aid advice). The front matter is not checked: it holds no block."""
    for item in ctx.lessons:
        blocks = [b for b in admonitions(item.lesson.body) if b.kind == LEGAL_KIND]
        if blocks and item.lesson.module.reviewed is None:
            yield _body_problem(item, blocks[0].line, blocks[0].indent + 1, say("legal.not_reviewed"))
        for found in laws_outside_legal_blocks(item.lesson.body):
            yield _body_problem(item, found.line, found.column, say("legal.law_outside", value=quoted(found.words)))


def front_matter_laws_are_covered(ctx: ModuleContext) -> Iterator[Problem]:
    """A law named in the front matter (an aim, a key message, a quiz item …; source titles aside) needs what a
    legal block gives the page: the module's `reviewed` date and a `hukum` block in the body, whose generated line
    carries the review date and the legal-aid advice (CONTENT.md: every legal page shows both)."""
    for item in ctx.lessons:
        module = item.lesson.module
        if module.reviewed is not None and has_legal_block(item.lesson.body):
            continue
        for path, value in strings_in(item.source.front.data, ()):
            found = LAW_NAME.search(value)
            if found and path[:1] != ("sources",):
                yield _problem(item, path, say("legal.front_matter", value=quoted(found.group())))
                break


# Where the body gives an answer away outside a facilitator-only block (issue #14):
# a paragraph or list item that starts "Jawaban:" or "Kunci jawaban";
ANSWER_LABEL = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:[*_]{1,2})?(?:Jawaban\s*:|Kunci jawaban\b)", re.IGNORECASE)
# a verdict ("Benar." / "Keliru." / "Salah.", bold or not) as the first word after a quoted statement in a list item;
QUOTED_VERDICT = re.compile(r'^\s*(?:[-*+]|\d+[.)])\s+.*["\u201d][.,]?\s+(?:[*_]{1,2})?(Benar|Keliru|Salah)[.!]')
# after a quiz-like heading, a verdict as the first word after a statement's end in a list item or paragraph.
QUIZ_HEADING = re.compile(r"^#{2,6}\s.*\b(?:kuis|benar atau (?:salah|keliru)|cek pemahaman|mitos)", re.IGNORECASE)
VERDICT_AFTER_STATEMENT = re.compile(r'[.?!"\u201d]\s+(?:[*_]{1,2})?(Benar|Keliru|Salah)[.!]')


def answers_stay_in_facilitator_blocks(ctx: ModuleContext) -> Iterator[Problem]:
    """No answer key in body text outside a `fasilitator` (or `perlindungan`) block, where the text shows it:
    see ANSWER_LABEL, QUOTED_VERDICT and, in a section under a quiz-like heading, VERDICT_AFTER_STATEMENT.
    Quiz answers belong in the front matter's `quiz`, or in a `!!! fasilitator` block."""
    for item in ctx.lessons:
        body = item.lesson.body
        blocks = admonitions(body)
        quiz_section, fenced = False, False
        for number, line in enumerate(body.splitlines(), 1):
            if re.match(r"^\s*(```|~~~)", line):
                fenced = not fenced
            if fenced:
                continue
            if re.match(r"^#{1,6}\s", line):
                quiz_section = bool(QUIZ_HEADING.match(line))
                continue
            if inside(blocks, number, FACILITATOR_KINDS):
                continue
            found = ANSWER_LABEL.match(line) or QUOTED_VERDICT.match(line)
            if found is None and quiz_section:
                found = VERDICT_AFTER_STATEMENT.search(line)
            if found is not None:
                column = (found.start(1) if found.lastindex else len(line) - len(line.lstrip())) + 1
                yield _body_problem(item, number, column, say("module.answer_in_body"))


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
    body_brackets_are_bounded,
    body_blocks_hold_their_text,
    body_links_resolve,
    quiz_is_answerable,
    core_plan_fits_a_period,
    age_notes_for_youth_only,
    fictional_cases_are_labelled,
    legal_blocks_are_dated_and_hold_the_law,
    front_matter_laws_are_covered,
    answers_stay_in_facilitator_blocks,
)


def check_modules(ctx: ModuleContext) -> list[Problem]:
    """Run every module rule."""
    return [problem for rule in RULES for problem in rule(ctx)]
