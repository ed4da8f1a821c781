"""Links and `#anchors` in module bodies resolve to pages and headings of the built site, checked in validation.

MkDocs checks the same links only after the build has written pages (and a strict build then fails late). It
resolves a relative link from the page's *source* file: a module is built as `kurikulum/<track>/<id>.md`, so from
a module body another module is `<id>.md` (or `../<track>/<id>.md`), and a page in docs/ is
`../../<folder>/<page>.md`. A link without a file name (`../grooming/`) is not resolved by MkDocs at all, and an
address starting with `/` is left as it is: both fail the strict build, so both are refused here, with the path
to write instead where one can be found.

Heading ids are computed as the page will have them: Python-Markdown's toc extension with the settings of
mkdocs.yml (default slugify), the headings the lesson page adds around the body included. A body is converted
only when a link needs its ids, and only after its nesting passed `markdown_nesting`.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .markdown_nesting import too_deep
from .markdown_safety import INLINE_LINK, _visible_lines
from .messages import say
from .problems import quoted
from .vocabulary import age_band_label

DOCS_DIR = "docs"
# The Markdown extensions of mkdocs.yml that make ids (tests/test_input_hygiene.py keeps the two lists equal).
MARKDOWN_EXTENSIONS = (
    "toc",
    "admonition",
    "abbr",
    "attr_list",
    "md_in_html",
    "tables",
    "def_list",
    "pymdownx.details",
    "pymdownx.superfences",
)
TOC_CONFIG = {"permalink": True, "permalink_title": "Tautan ke bagian ini"}
# Headings smartschool/templates/lesson.md puts before and after the body on a module's page (h = "##"), in order;
# tests/test_input_hygiene.py compares them with the real pages. Two of them depend on data the module rules do not
# see (glossary terms the text uses, events that name the module): a link to them is accepted.
MATERIALS_HEADING = "Bahan yang diperlukan"  # only when the module lists materials
RELATED_HEADING = "Modul terkait"  # only when the module names related modules
# Youth modules only: the SMP/SMA notes and the self-check.
AGE_NOTES_HEADING = f"Untuk {age_band_label('smp')} dan {age_band_label('sma')}"
SELF_CHECK_HEADING = "Cek pemahamanmu"
HEADINGS_BEFORE = ("Pesan kunci", "Agenda", "Rencana 40 menit", MATERIALS_HEADING, AGE_NOTES_HEADING)
HEADINGS_AFTER = (
    "Pertanyaan diskusi",
    "Cek pemahaman: kunci jawaban",
    SELF_CHECK_HEADING,
    "Untuk dibawa pulang",
    "Istilah dalam modul ini",
    "Sumber",
    RELATED_HEADING,
    "Dibahas di acara",
)
_ID = re.compile(r'\sid="([^"]*)"')
_WEB_ADDRESS = re.compile(r"(?:https?|mailto|tel):(?![^\[\]]*\[)")  # a `[` would make urlsplit fail: look closer
# A reference definition, `[label]: address`; it makes a link only where `[label]` is used in the text.
REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.M)


@dataclass(frozen=True)
class ModulePage:
    """What a module's page is built from: its id, its body, and whether it lists materials and related modules."""

    id: str
    body: str
    has_materials: bool = True
    has_related: bool = True
    youth: bool = False  # a youth module's page has the SMP/SMA notes and the self-check


@dataclass(frozen=True)
class BadLink:
    """A link that will not resolve: 1-based line and column within the body, and the message."""

    line: int
    column: int
    message: str


@dataclass
class SitePages:
    """Every file the built site will have, as MkDocs names them (paths within docs/), and the module pages."""

    files: frozenset[str]
    modules: dict[str, ModulePage]  # page source path -> module, for the headings of its page
    generated: Callable[[str], bool] = lambda page: False  # pages the build adds that are not listed in `files`
    _anchors: dict[str, frozenset[str] | None] = field(default_factory=dict, repr=False)
    _markdown: Any = field(default=None, repr=False)

    def has(self, page: str) -> bool:
        return page in self.files or self.generated(page)

    def anchors(self, page: str) -> frozenset[str] | None:
        """The ids on a module's page (None if the page is not a module, or its body nests too deeply to read)."""
        if page not in self._anchors:
            module = self.modules.get(page)
            self._anchors[page] = None if module is None or too_deep(module.body) else self._ids_of(module)
        return self._anchors[page]

    def _ids_of(self, module: ModulePage) -> frozenset[str]:
        left_out = {
            MATERIALS_HEADING: not module.has_materials,
            RELATED_HEADING: not module.has_related,
            AGE_NOTES_HEADING: not module.youth,
            SELF_CHECK_HEADING: not module.youth,
        }
        before, after = (
            [f"## {title}" for title in titles if not left_out.get(title)]
            for titles in (HEADINGS_BEFORE, HEADINGS_AFTER)
        )
        text = "\n\n".join([*before, module.body.strip(), *after])
        if self._markdown is None:
            import markdown  # only a body with an anchor link needs it: plain validation does not pay the import

            self._markdown = markdown.Markdown(
                extensions=list(MARKDOWN_EXTENSIONS), extension_configs={"toc": TOC_CONFIG}
            )
        rendered = self._markdown.reset().convert(text)
        return frozenset(html.unescape(found) for found in _ID.findall(rendered))


def site_pages(
    root: Path,
    modules: dict[str, ModulePage],
    extra: Iterable[str] = (),
    generated: Callable[[str], bool] = lambda page: False,
) -> SitePages:
    """The files of the built site: everything in docs/, the module pages, the pages named in `extra`, and those
    for which `generated` says yes."""
    docs = root / DOCS_DIR
    files = set(extra) | set(modules)
    for current, folders, names in os.walk(docs):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = Path(current).relative_to(docs).as_posix()
        files.update(posixpath.normpath(posixpath.join(base, name)) for name in names if not name.startswith("."))
    return SitePages(frozenset(files), modules, generated)


def bad_links(body: str, page: str, pages: SitePages) -> Iterator[BadLink]:
    """Every link or image address in `body`, the body of the module built as `page`, that will not resolve."""
    patterns = (INLINE_LINK, REFERENCE) if "]:" in body else (INLINE_LINK,)  # `]:` is rare: skip its search
    if not any(_is_ours(found.group(found.lastindex or 1)) for pattern in patterns for found in pattern.finditer(body)):
        return  # only links to other sites (the usual body): nothing to resolve, no need to read it line by line
    if too_deep(body) is not None:
        return  # the nesting rule reports it; the body is read no further
    lowered = body.lower()
    for number, line in _visible_lines(body):
        found_links = [(found.group(1), found.start(1)) for found in INLINE_LINK.finditer(line)]
        found_links += [
            (found.group(2), found.start(2))
            for found in REFERENCE.finditer(line)
            if lowered.count(f"[{found.group(1).lower()}]") > 1
        ]  # a definition nothing uses is no link
        for address, start in found_links:
            message = _link_fault(address, page, pages)
            if message is not None:
                yield BadLink(number, start + 1, message)


def _is_ours(address: str) -> bool:
    """Whether an address is the site's to resolve: no scheme and no host (a relative path or an `#anchor`)."""
    if _WEB_ADDRESS.match(address):
        return False  # the usual case, told without taking the address apart
    try:
        parts = urlsplit(address)
    except ValueError:  # such as `//[`: the build cannot read it either, so it is looked at closely
        return True
    return not (parts.scheme or parts.netloc)


def _link_fault(address: str, page: str, pages: SitePages) -> str | None:
    """What is wrong with one address on `page`, or None if it resolves (or is not the site's to check)."""
    try:
        parts = urlsplit(address)
    except ValueError:
        return say("link.invalid", address=quoted(address))
    if parts.scheme or parts.netloc:
        return None  # another site (or a scheme markdown_safety refuses)
    path, anchor = unquote(parts.path), parts.fragment
    folder = posixpath.dirname(page)
    if address.startswith(("/", "\\")):
        fix = _suggestion(path.lstrip("/\\"), [""], folder, anchor, pages)
        if fix is not None:
            return say("link.slash_fix", address=quoted(address), fix=quoted(fix))
        return say("link.slash", address=quoted(address))
    if not path:
        return _anchor_fault(address, anchor, page, pages) if anchor else None
    target = posixpath.normpath(posixpath.join(folder, path))
    if pages.has(target):
        return _anchor_fault(address, anchor, target, pages) if anchor else None
    fix = _suggestion(path, [folder, posixpath.splitext(page)[0]], folder, anchor, pages)
    if fix is not None:
        return say("link.missing_fix", address=quoted(address), fix=quoted(fix))
    return say("link.missing", address=quoted(address))


def _suggestion(path: str, bases: list[str], folder: str, anchor: str, pages: SitePages) -> str | None:
    """The address to write instead, relative to `folder`: `path` read from each of `bases` (the module's folder,
    then its page's address `kurikulum/<track>/<id>/`), as a file, a `.md` file or a folder's index page."""
    for base in bases:
        target = posixpath.normpath(posixpath.join(base, path)) if path else base or "."
        for written in (target, f"{target}.md", f"{target}/index.md"):
            candidate = posixpath.normpath(written)
            if pages.has(candidate):
                return posixpath.relpath(candidate, folder) + (f"#{anchor}" if anchor else "")
    return None


def _anchor_fault(address: str, anchor: str, target: str, pages: SitePages) -> str | None:
    """An `#anchor` on a module page must be an id on that page; other pages' anchors are left to the build."""
    ids = pages.anchors(target)
    if ids is None or unquote(anchor) in ids:
        return None
    choices = ", ".join(f"#{found}" for found in sorted(ids))
    module = pages.modules[target].id
    return say("link.anchor", address=quoted(address), module=quoted(module), choices=choices)
