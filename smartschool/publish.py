"""Staged publishing: build the site into a fresh folder next to its target and swap it into place only when the
whole build succeeded; explain any failure as located messages (`file:line:column: …`), never as a traceback.

`python -m smartschool build` (cli.py) builds `site/` this way, and hooks/publish.py stages every rebuild of
`mkdocs serve` the same way, so a failed build never empties or half-writes the site that is published or served.
The package does not import MkDocs: only `mkdocs_build` does, inside the function.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TextIO

from jinja2 import TemplateSyntaxError, UndefinedError

from .annotations import in_github_actions, workflow_command
from .curriculum_pages import pack_volumes
from .markdown_nesting import MAX_NESTING
from .messages import say
from .paging import source_of
from .participant import participant_url
from .project import Project, current_project
from .vocabulary import TRACKS

# The text of a page that mkdocs-macros renders as a template carries this name in Jinja's tracebacks.
PAGE_TEMPLATE = "<template>"
MKDOCS_LOGGER = "mkdocs"
_MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros"
_MACROS_ERROR = "[macros] - ERROR"
_TRACEBACK = "Traceback (most recent call last)"
# MkDocs' front matter rule (mkdocs.utils.meta.YAML_RE); after it MkDocs drops the blank lines that open the body.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_QUOTED = re.compile(r"'([^']+)'")
_MACRO_CALL = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\(")
# MkDocs' link warnings (mkdocs.structure.pages): the page, the kind of link, the link as written, why, and the
# page MkDocs guesses was meant.
_LINK_WARNING = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains (?P<kind>a|an absolute|an unrecognized relative) link "
    r"'(?P<link>[^']+)'[,.]?\s*(?:but\s+)?(?P<why>.*?)\.?(?:\s*Did you mean '(?P<suggestion>[^']*)'\?)?$",
    re.DOTALL,
)
# Catalogue keys (smartschool/messages.py) of what to write instead, by kind of link warning.
_LINK_HINTS = {
    "a": "publish.hint_missing",
    "anchor": "publish.hint_anchor",
    "an absolute": "publish.hint_absolute",
    "an unrecognized relative": "publish.hint_unrecognized",
}
# MkDocs' reasons, each with its catalogue key: the Indonesian form is said in its place.
_LINK_WHYS = (
    (re.compile(r"^the target '(?P<target>[^']*)' is not found among documentation files$"), "publish.why_target"),
    (re.compile(r"^the target is not found among documentation files$"), "publish.why_no_target"),
    (re.compile(r"^there is no such anchor on this page$"), "publish.why_anchor_here"),
    (re.compile(r"^the doc '(?P<doc>[^']*)' does not contain an anchor '#(?P<anchor>[^']*)'$"), "publish.why_anchor"),
    (re.compile(r"^it was left as is$"), "publish.why_left"),
)
# MkDocs' own reasons for stopping (mkdocs.exceptions.Abort), each with its catalogue key.
_ABORTS = (
    (re.compile(r"^Aborted with (?P<count>\d+) warnings? in strict mode!$"), "publish.aborted_strict"),
    (re.compile(r"^Aborted with a configuration error!$"), "publish.aborted_config"),
)


def theme_notice() -> str:
    """Material for MkDocs' end-of-life banner is shown only to the `mkdocs` command; this build says it once."""
    return say("publish.theme_notice")


class BuildAborted(Exception):
    """The build stopped itself with a message (MkDocs' Abort: data problems, strict warnings, bad settings).

    Whatever made it stop has already been logged; the adapters (mkdocs_build, hooks/publish.py) raise this in
    place of MkDocs' own exception so that this module never needs MkDocs to tell it apart.
    """


@dataclass(frozen=True)
class PageRef:
    """The page MkDocs was working on: its path among the pages (`tentang/index.md`) and the file it was read from
    (None for a page that a hook generated, such as a module's page)."""

    src_uri: str
    path: Path | None


# --- Staging and the swap ---------------------------------------------------------------------------------------


def new_staging_dir(target: Path) -> Path:
    """A new, empty folder next to `target` (so on the same file system), named `.<name>.staging-<pid>-<random>`.

    Made with os.mkdir, so it gets the usual permissions (the umask), not tempfile.mkdtemp's owner-only 0700.
    Raises OSError when the folder cannot be made.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    while True:
        candidate = _sibling(target, "staging")
        try:
            candidate.mkdir()
        except FileExistsError:
            continue
        return candidate


def swap_into_place(new: Path, target: Path) -> None:
    """Put the folder `new` (a sibling of `target`) in the place of `target`: rename the old one aside, rename the
    new one in, then delete the old one.

    Each rename is atomic; between the two, for an instant, `target` is absent. If the second rename fails, the old
    folder is put back and the OSError is raised.
    """
    if not os.path.lexists(target):
        new.rename(target)
        return
    old = _sibling(target, "old")
    target.rename(old)
    try:
        new.rename(target)
    except OSError:
        old.rename(target)
        raise
    _remove(old)


def _sibling(target: Path, role: str) -> Path:
    return target.with_name(f".{target.name}.{role}-{os.getpid()}-{secrets.token_hex(4)}")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        path.unlink()


def build_staged(build: Callable[[Path], None], target: Path, root: Path) -> list[str]:
    """Run `build(staging)` into a new folder next to `target`; on success swap it into place and return [].

    On any failure of `build` (any exception, SystemExit included) the staging folder is removed, `target` is left
    untouched, and the located messages explaining the failure are returned (one problem a line, see `explain`).
    While it runs, mkdocs-macros' own error report and any traceback text are kept out of the log.
    Raises KeyboardInterrupt (after removing the staging folder), and OSError if the staging folder cannot be made
    or the swap fails (then `target` is as it was).
    """
    staging = new_staging_dir(target)
    records = _WarningRecords()
    try:
        with _watching_the_log(records, root):
            build(staging)
    except KeyboardInterrupt:
        _remove(staging)
        raise
    except BaseException as error:  # any failure at all must leave the last good site
        _remove(staging)
        return explain(error, root, records.messages)
    try:
        swap_into_place(staging, target)
    except OSError:
        _remove(staging)
        raise
    return []


# --- The log while a staged build runs ----------------------------------------------------------------------------


class _WarningRecords(logging.Handler):
    """Keeps the text of every warning and error logged under `mkdocs` while attached."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _NoTracebacks(logging.Filter):
    """Drops mkdocs-macros' error report (a traceback, and a line counted without the page's front matter: the
    located message from `explain` replaces it), cuts any other traceback out of a record, and says MkDocs' link
    warnings as located messages in the maintainers' language (`located_link_warnings`, files under `root`).

    A rewritten link warning no longer reads as MkDocs' text, so the handlers after the printers (the records
    `explain` reads) do not report it a second time."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.name.startswith(_MACROS_LOGGER) and _MACROS_ERROR in message:
            return False
        if _TRACEBACK in message:
            record.msg, record.args = message[: message.index(_TRACEBACK)].rstrip(" `\n"), ()
        elif _LINK_WARNING.match(message):
            located = located_link_warnings([message], self.root)
            if located:
                record.msg, record.args = located[0], ()
        record.exc_info = record.exc_text = record.stack_info = None
        return True


@contextmanager
def _watching_the_log(records: _WarningRecords, root: Path) -> Iterator[None]:
    """Collect the warnings logged under `mkdocs` into `records`, and filter what its handlers print, meanwhile."""
    logger = logging.getLogger(MKDOCS_LOGGER)
    quiet = _NoTracebacks(root)
    printers = list(logger.handlers)
    for handler in printers:
        handler.addFilter(quiet)
    logger.addHandler(records)
    try:
        yield
    finally:
        logger.removeHandler(records)
        for handler in printers:
            handler.removeFilter(quiet)


class _Plain(logging.Formatter):
    """`LEVEL   -  message`, as `mkdocs build` prints it, and never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {record.getMessage()}"


@contextmanager
def _printing_the_log(stream: TextIO) -> Iterator[None]:
    """Print MkDocs' log (INFO and up) to `stream` while a build runs in this process, as the mkdocs command does."""
    logger = logging.getLogger(MKDOCS_LOGGER)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(_Plain())
    saved = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


# --- The command ----------------------------------------------------------------------------------------------------


def mkdocs_build(config_file: Path, site_dir: Path, *, strict: bool) -> None:
    """Build the site of `config_file` into `site_dir` in this process, as `mkdocs build [--strict]` does.

    Raises BuildAborted when MkDocs stops with a message (data problems, strict warnings, bad settings), SystemExit
    when mkdocs-macros stops on a macro error, and whatever else a page, plugin or hook raises.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except Abort as err:
        raise BuildAborted(err.format_message()) from None


def publish(root: Path, site_dir: Path, *, strict: bool, out: TextIO | None = None) -> int:
    """Build the project at `root` into `site_dir` (staged); the exit status: 0 built, 1 failed, 130 interrupted.

    MkDocs' log and the located problems go to `out` (default: standard error); on failure `site_dir` is as before.
    """
    out = out or sys.stderr
    shown, existed = _shown(site_dir, root), os.path.lexists(site_dir)
    try:
        with _printing_the_log(out):
            problems = build_staged(
                lambda staging: mkdocs_build(root / "mkdocs.yml", staging, strict=strict), site_dir, root
            )
    except KeyboardInterrupt:
        print(say("publish.interrupted", site=shown), file=out)
        return 130
    except OSError as err:
        print(say("publish.cannot_swap", site=shown, error=err), file=out)
        return 1
    if problems:
        for problem in problems:
            print(problem, file=out)
            if in_github_actions():
                print(workflow_command(problem), file=sys.stdout)
        print(say("publish.failed", site=shown), file=out)
        return 1
    print(say("publish.replaced" if existed else "publish.built", site=shown), file=out)
    print(theme_notice(), file=out)
    return 0


# --- Explaining a failure -------------------------------------------------------------------------------------------


def explain(error: BaseException, root: Path, warnings: Sequence[str] = ()) -> list[str]:
    """Located messages, one a line, for a build that raised `error` after logging `warnings` (MkDocs' text).

    Paths are shown relative to `root`. Kinds: BuildAborted (strict link warnings located in their source file,
    then MkDocs' message), UnicodeDecodeError (file, line, column and byte offset), RecursionError (the page and its
    deepest line), Jinja errors in a page's macros (the page's file and the line in that file, front matter
    included) or in a template, SystemExit (mkdocs-macros stops the process on a macro error: its cause is
    explained), and anything else (its type, message and the last place in the project it passed through).
    """
    page = page_of(error)
    cause = error.__context__ if isinstance(error, SystemExit) and error.__context__ is not None else error
    if isinstance(cause, BuildAborted):
        return [*located_link_warnings(warnings, root), aborted(str(cause))]
    if isinstance(cause, UnicodeDecodeError):
        return [_decode_problem(cause, page, root)]
    if isinstance(cause, RecursionError):
        return [_nesting_problem(page, root)]
    places = template_places(cause)
    if places:
        return [_template_problem(cause, places, page, root)]
    if isinstance(cause, SystemExit):
        return [say("publish.stopped", where=_where(page, root), code=cause.code)]
    return [say("publish.crashed", where=_where(page, root), error=_described(cause), raised=_raised_at(cause, root))]


def aborted(message: str) -> str:
    """MkDocs' reason for stopping (an Abort's text) in the maintainers' language; any other text as it is (the
    data problems' summary, say, is already in it)."""
    for pattern, key in _ABORTS:
        match = pattern.match(message.strip())
        if match is not None:
            return say(key, **match.groupdict())
    return message


def page_of(error: BaseException) -> PageRef | None:
    """The page MkDocs was reading or writing when `error` was raised: the innermost `page` in its traceback."""
    found = None
    for frame, _ in traceback.walk_tb(error.__traceback__):
        file = getattr(frame.f_locals.get("page"), "file", None)
        src_uri, path = getattr(file, "src_uri", None), getattr(file, "abs_src_path", None)
        if isinstance(src_uri, str):
            found = PageRef(src_uri, Path(path) if isinstance(path, str) else None)
    return found


def template_places(error: BaseException) -> list[tuple[str, int]]:
    """(file, line) of each Jinja template frame of `error`, outermost first; a page's own text is PAGE_TEMPLATE."""
    if isinstance(error, TemplateSyntaxError):
        return [(error.filename or PAGE_TEMPLATE, error.lineno)]
    return [
        (frame.f_code.co_filename, line)
        for frame, line in traceback.walk_tb(error.__traceback__)
        if "__jinja_exception__" in frame.f_globals
    ]


def lines_before_body(text: str) -> int:
    """How many lines of a page's file come before the Markdown that MkDocs hands on (front matter, blank lines)."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return 0
    rest = text[match.end() :]
    return text.count("\n", 0, match.end() + len(rest) - len(rest.lstrip("\n")))


def _template_problem(error: BaseException, places: list[tuple[str, int]], page: PageRef | None, root: Path) -> str:
    outer, innermost = places[0], places[-1]
    inner = ""
    if innermost[0] != PAGE_TEMPLATE and innermost != outer:  # raised in a template the macro renders
        inner = say("publish.in_template", place=f"{_shown(Path(innermost[0]), root)}:{innermost[1]}")
    described = _described(error)
    if outer[0] != PAGE_TEMPLATE:  # a theme or override template, while building a page
        subject = say("publish.page", page=page.src_uri) if page else say("publish.template")
        message = say("publish.template_failed", subject=subject, error=described, inner=inner)
        return f"{_shown(Path(outer[0]), root)}:{outer[1]}:1: {message}"
    where, text = _page_place(page, outer[1], error, root)
    name = _MACRO_CALL.search(text)
    subject = say("publish.macro_named", name=name[1]) if name else say("publish.macro")
    if inner:
        message = say("publish.macro_data", subject=subject, error=described, inner=inner)
    elif isinstance(error, TemplateSyntaxError):
        message = say("publish.macro_syntax", subject=subject, error=described)
    elif isinstance(error, UndefinedError):
        message = say("publish.macro_undefined", subject=subject, error=described)
    else:
        message = say("publish.macro_failed", subject=subject, error=described, raised=_raised_at(error, root))
    return f"{where}: {message}"


def _page_place(page: PageRef | None, body_line: int, error: BaseException, root: Path) -> tuple[str, str]:
    """(`file:line:column`, the text of that line) for line `body_line` of a page's Markdown, counted in its file
    (front matter included)."""
    if page is None:
        return f"page:{body_line}:1", ""
    if page.path is None or not page.path.is_file():
        return f"{page.src_uri}:{body_line}:1", ""
    text = page.path.read_text(encoding="utf-8-sig", errors="replace")
    line = body_line + lines_before_body(text)
    lines = text.splitlines()
    line_text = lines[line - 1] if 0 < line <= len(lines) else ""
    return f"{_shown(page.path, root)}:{line}:{_column(line_text, error)}", line_text


def _column(line: str, error: BaseException) -> int:
    """Where on `line` the error is: the name or token its message quotes (an undefined name, a missing key, an
    unexpected token), else the first `{{` or `{%`, else 1."""
    quoted = _QUOTED.findall(str(error)) if isinstance(error, (UndefinedError, KeyError, TemplateSyntaxError)) else []
    for name in quoted:
        if (found := line.find(name)) >= 0:
            return found + 1
    starts = [i for i in (line.find("{{"), line.find("{%")) if i >= 0]
    return min(starts) + 1 if starts else 1


def _decode_problem(error: UnicodeDecodeError, page: PageRef | None, root: Path) -> str:
    if page is None or page.path is None or not page.path.is_file():
        unlocated = say("publish.not_utf8_unlocated", reason=error.reason, offset=error.start)
        return f"{_where(page, root)}: {unlocated}"
    raw = page.path.read_bytes()
    start = _first_bad_byte(raw, error.start)
    line_start = raw.rfind(b"\n", 0, start) + 1
    line = raw.count(b"\n", 0, start) + 1
    column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
    message = say("publish.not_utf8", byte=f"{raw[start]:02x}", offset=start)
    return f"{_shown(page.path, root)}:{line}:{column}: {message}"


def _first_bad_byte(raw: bytes, fallback: int) -> int:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return min(fallback, max(len(raw) - 1, 0))


def _nesting_problem(page: PageRef | None, root: Path) -> str:
    if page is None:
        return say("publish.too_deep", subject=say("publish.where_build"), id_limit=MAX_NESTING)
    subject = say("publish.page", page=page.src_uri)
    deepest = [
        (depth, line, path)
        for path in sources_of(page, root)
        if path.is_file()
        for depth, line in [deepest_line(path.read_text(encoding="utf-8-sig", errors="replace"))]
    ]
    if not deepest:
        return f"{page.src_uri}: {say('publish.too_deep', subject=subject, id_limit=MAX_NESTING)}"
    _, line, path = max(deepest, key=lambda item: item[0])
    return f"{_shown(path, root)}:{line}:1: {say('publish.too_deep_line', subject=subject, id_limit=MAX_NESTING)}"


def deepest_line(text: str) -> tuple[int, int]:
    """(depth, line number) of the most deeply indented or quoted line of `text` (the first such line)."""
    best = (0, 1)
    for number, line in enumerate(text.splitlines(), 1):
        expanded = line.expandtabs(4)
        depth = len(expanded) - len(expanded.lstrip(" >"))
        if depth > best[0]:
            best = (depth, number)
    return best


def sources_of(page: PageRef, root: Path) -> list[Path]:
    """The files a page is written from: its own file, or for a generated page the module files it shows."""
    if page.path is not None:
        return [page.path]
    written = root / "docs" / page.src_uri
    if written.is_file():
        return [written]
    try:
        project = current_project(root)
    except LookupError:
        return []
    return [root / name for name in generated_sources(project).get(page.src_uri, ())]


def generated_sources(project: Project) -> dict[str, tuple[str, ...]]:
    """For each generated page written from module files (a module's page, a facilitator pack volume), those files
    relative to the project root: {'kurikulum/dewasa/bentuk-esa-online.md': ('curriculum/dewasa/….md',), …}."""
    pages: dict[str, tuple[str, ...]] = {source_of(lesson.url): (lesson.path,) for lesson in project.lessons}
    pages.update({source_of(participant_url(lesson)): (lesson.path,) for lesson in project.lessons})
    for track in TRACKS:
        for volume in pack_volumes(project, track):
            pages[source_of(volume.url)] = tuple(lesson.path for lesson in volume.lessons)
    return pages


def located_link_warnings(warnings: Iterable[str], root: Path) -> list[str]:
    """MkDocs' warnings about links, each located where the link is written (a page in docs/ or a module file).

    The same link written once but shown on several pages (a module's page and its facilitator pack) is reported
    once, naming those pages; a link whose source cannot be found is reported at the page.
    """
    found: dict[tuple[str, str, str, str], list[str]] = {}
    for message in warnings:
        match = _LINK_WARNING.match(message)
        if match is not None:
            place = _link_place(match["page"], match["link"], root)
            kind = "anchor" if "anchor" in match["why"] else match["kind"]
            suggestion = match["suggestion"]
            hint = say("publish.hint_suggested", suggestion=suggestion) if suggestion else say(_LINK_HINTS[kind])
            key = (place, match["link"], _why(match["why"].rstrip(".")), hint)
            found.setdefault(key, []).append(match["page"])
    return [
        f"{place}: {say('publish.link', link=link, why=why, pages=_pages(pages), hint=hint)}"
        for (place, link, why, hint), pages in found.items()
    ]


def _why(why: str) -> str:
    """MkDocs' reason for a link warning, in the maintainers' language when it is one MkDocs gives."""
    for pattern, key in _LINK_WHYS:
        match = pattern.match(why)
        if match is not None:
            return say(key, **match.groupdict())
    return why


def _pages(pages: list[str]) -> str:
    names = ", ".join(dict.fromkeys(pages))
    return say("publish.pages_one" if len(set(pages)) == 1 else "publish.pages_many", names=names)


def _link_place(page: str, link: str, root: Path) -> str:
    """`file:line:column` of the first place `link` is written in the files of `page`, else the page itself."""
    for path in sources_of(PageRef(page, None), root):
        text = path.read_text(encoding="utf-8-sig", errors="replace") if path.is_file() else ""
        for needle in (f"]({link}", f"({link}", link):
            if (index := text.find(needle)) >= 0:
                index += needle.index(link)
                line_start = text.rfind("\n", 0, index) + 1
                return f"{_shown(path, root)}:{text.count(chr(10), 0, index) + 1}:{index - line_start + 1}"
    return f"docs/{page}" if (root / "docs" / page).is_file() else page


def _described(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _where(page: PageRef | None, root: Path) -> str:
    if page is None:
        return say("publish.where_build")
    named = say("publish.page", page=page.src_uri)
    if page.path is not None:
        return f"{_shown(page.path, root)}: {named}"
    sources = sources_of(page, root)
    return f"{_shown(sources[0], root)}: {named}" if len(sources) == 1 else named


def _raised_at(error: BaseException, root: Path) -> str:
    """` (raised at file:line)`: the innermost frame of `error` in the project's own files, or ''."""
    place = ""
    for frame, line in traceback.walk_tb(error.__traceback__):
        if _in_project(frame, root):
            place = say("publish.raised_at", place=f"{_shown(Path(frame.f_code.co_filename), root)}:{line}")
    return place


def _in_project(frame: FrameType, root: Path) -> bool:
    path = Path(frame.f_code.co_filename)
    return path.is_absolute() and path.is_relative_to(root) and "site-packages" not in path.parts


def _shown(path: Path, root: Path) -> str:
    """`path` relative to `root` when inside it (with forward slashes), else as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
