"""Hand-written pages and source folders, checked before the build reads them.

MkDocs stops with a traceback on a page that is not UTF-8 and on a broken link in docs/, and it would publish a
file that a link brings in from outside the project. Validation reads every `docs/**/*.md` as UTF-8 and looks at
every link in docs/ and curriculum/, so each of these is a located problem with what to do instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .problems import Problem
from .sourcefiles import bad_links, decode_utf8, resolves_inside

DOCS_DIR = "docs"
SOURCE_DIRS = ("docs", "curriculum")


def pages_are_utf8(root: Path) -> Iterator[Problem]:
    """Every Markdown page in docs/ is UTF-8 text (one leading byte-order mark is fine): the first bad byte of a
    page saved in another encoding (Windows-1252, say) is reported at its line and column."""
    for path in _markdown_files(root / DOCS_DIR):
        if path.is_symlink() and (not path.exists() or not resolves_inside(root, path)):
            continue  # links_stay_inside reports it; a file outside the project is never read
        try:
            data = path.read_bytes()
        except OSError:
            continue  # not a readable file (a folder named *.md, say): MkDocs skips it too
        _, problem = decode_utf8(data, path.relative_to(root).as_posix())
        if problem is not None:
            yield problem


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


def check_sources(root: Path, skip: Iterable[Path] = ()) -> list[Problem]:
    """Run every check of the source folders."""
    return [*links_stay_inside(root, skip), *pages_are_utf8(root)]
