"""Hand-written pages and source folders, checked before the build reads them.

MkDocs stops with a traceback on a page that is not UTF-8 and on a broken link in docs/, it would publish a file
that a link brings in from outside the project, and Python-Markdown crashes on a page nested a few hundred levels
deep and takes minutes over a paragraph of open brackets. Validation reads every `docs/**/*.md` once, as UTF-8, bounds
its nesting and brackets as module bodies are bounded (smartschool.markdown_nesting), and looks at every link in
docs/ and curriculum/, so each of these is a located problem with what to do instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .markdown_nesting import (
    MAX_NESTING,
    MAX_UNCLOSED_TAGS,
    admonition_message,
    bracket_message,
    costly_brackets,
    misindented_bodies,
    too_deep,
    unclosed_tags,
)
from .messages import say
from .problems import Problem
from .sourcefiles import bad_links, decode_utf8, resolves_inside

# MkDocs' front matter rule (mkdocs.utils.meta.YAML_RE): what Markdown reads starts after it.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

DOCS_DIR = "docs"
SOURCE_DIRS = ("docs", "curriculum")


@dataclass(frozen=True)
class DocsPage:
    """A hand-written page of docs/ that reads as UTF-8: `name`, its path from the project's folder
    (`docs/bantuan/index.md`), and `text`, all of it (front matter included, a leading byte-order mark dropped)."""

    name: str
    text: str


def read_docs_pages(root: Path) -> tuple[list[DocsPage], list[Problem]]:
    """Every Markdown page in docs/, read once for every check of the pages (their nesting and brackets here, legal
    blocks, help tokens): the pages that read as UTF-8, and a problem at the first bad byte of each that does not
    (a page saved as Windows-1252, say; one leading byte-order mark is fine). A link that leads out of the project
    (reported by `links_stay_inside`) and anything that is not a regular file (a folder named *.md, a device, a
    pipe) are never read: reading `/dev/zero` would never end."""
    pages: list[DocsPage] = []
    problems: list[Problem] = []
    for path in _markdown_files(root / DOCS_DIR):
        if path.is_symlink() and (not path.exists() or not resolves_inside(root, path)):
            continue
        if not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue  # unreadable: MkDocs skips it too
        name = path.relative_to(root).as_posix()
        text, problem = decode_utf8(data, name)
        if problem is not None:
            problems.append(problem)
        elif text is not None:
            pages.append(DocsPage(name, text))
    return pages, problems


def markdown_is_bounded(text: str, name: str) -> Iterator[Problem]:
    """A page's Markdown (after its front matter) nests lists and quotes at most MAX_NESTING levels, leaves few
    brackets and HTML tags open, and indents the text of its `!!!` blocks (smartschool.markdown_nesting);
    problems at the file's line and column, file `name`."""
    front = _FRONT_MATTER.match(text)
    offset = text.count("\n", 0, front.end()) if front else 0
    body = text[front.end() :] if front else text
    deep = too_deep(body)
    if deep is not None:
        yield Problem(
            name, offset + deep.line, deep.column, "", "", say("module.too_deep", depth=deep.depth, limit=MAX_NESTING)
        )
    for found in costly_brackets(body):
        yield Problem(name, offset + found.line, found.column, "", "", bracket_message(found))
    for block in misindented_bodies(body):
        yield Problem(name, offset + block.line, block.column, "", "", admonition_message(block, offset))
    tags = unclosed_tags(body)
    if tags is not None:
        message = say("markdown.unclosed_tags", count=tags.count, limit=MAX_UNCLOSED_TAGS)
        yield Problem(name, offset + tags.line, tags.column, "", "", message)


def _markdown_files(top: Path) -> list[Path]:
    """Every `*.md` under `top`, in a stable order; linked folders are not entered (so a loop cannot hang)."""
    found = []
    for current, folders, files in os.walk(top):
        folders.sort()
        found += [Path(current) / name for name in sorted(files) if name.endswith(".md")]
    return found


def links_stay_inside(root: Path, skip: Iterable[Path] = ()) -> Iterator[Problem]:
    """No link in docs/ or curriculum/ is broken or leads out of the project (paths in `skip` are reported by the
    loader that reads them)."""
    for folder in SOURCE_DIRS:
        yield from bad_links(root, folder, skip)


def check_sources(root: Path, pages: Iterable[DocsPage], skip: Iterable[Path] = ()) -> list[Problem]:
    """Run every check of the source folders: links, and each docs page's (`pages`, from `read_docs_pages`)
    nesting, brackets and legal blocks."""
    from .legal_block import docs_legal_problems  # a page with a `!!! hukum` block needs `reviewed:`

    pages = list(pages)
    bounded = [problem for page in pages for problem in markdown_is_bounded(page.text, page.name)]
    return [*links_stay_inside(root, skip), *bounded, *docs_legal_problems(pages)]
