"""Site search with Pagefind: what of each page is indexed, the filters it carries, and indexing the built site.

Pagefind (https://pagefind.app) indexes the built HTML after the build and writes a static bundle to
`<site>/pagefind/`: a small script, a WebAssembly module with Indonesian stemming (Snowball), and the index cut into
chunks, so a query downloads only the chunks and result fragments it needs, and nothing before the reader opens
search. The whole site is indexed as Indonesian (`--force-language id`): "melaporkan", "pelaporan" and "lapor" are
one word to it.

What is indexed:
- a page's content only (`data-pagefind-body` on Material's `<article>`), never the menus, header or footer;
- not the pages that say `search: {exclude: true}` in their front matter (the facilitator pack volumes repeat the
  lessons);
- not what the templates mark `data-pagefind-ignore` (facilitator-only text, repeated lists, the help box). A
  heading so marked, or marked `data-search-exclude` as Material's search understood it, takes its whole section
  with it: everything after it up to the next heading, or up to the end of the element that holds the heading.

Filters: `pembaca` (who the page is for) and `jenis` (what kind of page it is), from the page's address and, for a
lesson, the audiences of its module.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

LANGUAGE = "id"
BUNDLE = "pagefind"  # the bundle's folder in the site
IGNORE = "data-pagefind-ignore"
MATERIAL_EXCLUDE = "data-search-exclude"  # Material's mark, still written next to ours (and by hand in docs/)
# Bits of the theme inside the content that are not text: the heading links' "¶", the page's dates line.
EXCLUDE_SELECTORS = ".headerlink, .md-source-file"
# Pagefind writes its prebuilt interfaces too; the site uses its own (docs/assets/search.js) on the search API,
# without a web worker (`noWorker`).
UNUSED_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",
)

ARTICLE = '<article class="md-content__inner md-typeset"'
FRAGMENT_SIGNATURE = b"pagefind_dcd"  # what a decompressed Pagefind data file starts with

# Filters: their names, and the values in the order the search dialog lists them.
READER = "pembaca"
KIND = "jenis"
READERS = ("Orang tua", "Guru", "Komunitas", "Remaja")
KINDS = ("Pelajaran", "Panduan", "Acara")
# A module's audiences (smartschool.vocabulary.AUDIENCES) as readers.
AUDIENCE_READERS = {
    "orang-tua": "Orang tua",
    "guru": "Guru",
    "komunitas": "Komunitas",
    "anak-orang-muda": "Remaja",
    "smp": "Remaja",
    "sma": "Remaja",
}
# Guidance sections: address prefix → readers. Help and reporting is for every reader.
GUIDANCE = {
    "orang-tua/": ("Orang tua",),
    "guru/": ("Guru",),
    "komunitas/": ("Komunitas",),
    "remaja/": ("Remaja",),
    "bantuan/": READERS,
}
# A track's own pages (its module lists): the readers of its modules.
TRACK_READERS = {"kurikulum/dewasa/": ("Orang tua", "Guru", "Komunitas"), "kurikulum/remaja/": ("Remaja",)}
EVENTS = "acara/"


def is_indexed(meta: dict[str, Any]) -> bool:
    """Whether a page goes into the index: not when its front matter says `search: {exclude: true}`, nor a
    facilitator pack volume (`sso_pack`)."""
    search = meta.get("search")
    return not meta.get("sso_pack") and not (isinstance(search, dict) and search.get("exclude"))


def page_filters(url: str, audiences: Iterable[str] | None = None) -> dict[str, list[str]]:
    """The filter values of the page at `url` (such as `remaja/bukan-salahmu/`): `audiences` are a lesson's module
    audiences (None for any other page). A page may have no value for a filter: it is then found only while that
    filter is not used."""
    readers: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    if audiences is not None:
        readers, kinds = tuple(AUDIENCE_READERS[a] for a in audiences if a in AUDIENCE_READERS), ("Pelajaran",)
    elif url.startswith(EVENTS):
        kinds = ("Acara",)
    else:
        for prefix, section_readers in {**GUIDANCE, **TRACK_READERS}.items():
            if url.startswith(prefix):
                readers = section_readers
                kinds = ("Panduan",) if prefix in GUIDANCE else ()
                break
    filters = {READER: [r for r in READERS if r in readers], KIND: [k for k in KINDS if k in kinds]}
    return {name: values for name, values in filters.items() if values}


def filter_markup(filters: dict[str, list[str]]) -> str:
    """Empty elements that tag the page with its filter values (Pagefind reads `name:value` from the attribute;
    nothing is shown or read aloud)."""
    return "".join(
        f'<span data-pagefind-filter="{html.escape(f"{name}:{value}", quote=True)}"></span>'
        for name, values in filters.items()
        for value in values
    )


def mark_body(page_html: str) -> str:
    """`page_html` with Material's `<article>` marked as the part Pagefind indexes.

    Raises ValueError if the page has no such article (a theme update that changed it would otherwise make
    Pagefind index whole pages, menus included, or nothing)."""
    at = page_html.find(ARTICLE)
    if at < 0:
        raise ValueError(f"the theme's {ARTICLE}> was not found")
    at += len(ARTICLE)
    return page_html[:at] + " data-pagefind-body" + page_html[at:]


def ignore_excluded(content: str) -> str:
    """`content` (a page's HTML) with `data-pagefind-ignore` on everything Material's search left out: each element
    marked `data-search-exclude`, and the sections of headings marked so (or marked `data-pagefind-ignore`).

    A section is read as Material's search read it: it starts at a heading that has an `id` and runs to the next
    such heading, or to the end of the element that holds the heading. Every element wholly inside an excluded
    section is marked (the outermost ones only). Text is never moved or changed.
    """
    finder = _ExcludedSections(content)
    finder.feed(content)
    finder.close()
    out, done = [], 0
    for at in sorted(set(finder.marks) - finder.already):
        out += [content[done:at], f" {IGNORE}"]
        done = at
    out.append(content[done:])
    return "".join(out)


HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass
class _Open:
    """An element being read: where to put the attribute, whether all of it so far is in excluded sections, and
    its children that are (marked when it turns out not to be)."""

    tag: str
    insert_at: int
    marked: bool
    clean: bool
    clean_children: list[int] = field(default_factory=list)


@dataclass
class _Section:
    depth: float
    excluded: bool


class _ExcludedSections(HTMLParser):
    """Collects in `marks` the offsets (right after a start tag's name) where `data-pagefind-ignore` goes."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.root = _Open("", 0, marked=True, clean=False)
        self.stack: list[_Open] = []
        self.sections = [_Section(0, excluded=False)]
        self.marks: list[int] = []
        self.already: set[int] = set()  # elements that carry the attribute in the source

    @property
    def section(self) -> _Section:
        return self.sections[-1]

    def _open(self, tag: str, attrs: list[tuple[str, str | None]]) -> _Open:
        line, column = self.getpos()
        names = {name for name, _ in attrs}
        element = _Open(
            tag, self.line_starts[line - 1] + column + 1 + len(tag), marked=IGNORE in names, clean=self.section.excluded
        )
        if element.marked:
            self.already.add(element.insert_at)
        elif MATERIAL_EXCLUDE in names:
            self.marks.append(element.insert_at)
            element.marked = True
        return element

    def _close(self, element: _Open) -> None:
        parent = self.stack[-1] if self.stack else self.root
        if element.clean:
            parent.clean_children.append(element.insert_at)
        else:
            self.marks += element.clean_children

    def _dirty(self) -> None:
        """The reading position entered a section that is indexed: no open element is wholly excluded."""
        for element in self.stack:
            element.clean = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            self._close(self._open(tag, attrs))
            return
        if tag in HEADINGS and any(name == "id" for name, _ in attrs):
            names = {name for name, _ in attrs}
            # A heading with an id starts a section, as Material's search read them.
            self.sections.append(_Section(len(self.stack) + 1, excluded=bool(names & {IGNORE, MATERIAL_EXCLUDE})))
            if not self.section.excluded:
                self._dirty()
        self.stack.append(self._open(tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close(self._open(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if not any(element.tag == tag for element in self.stack):
            return  # a stray end tag: the browser ignores it too
        while self.stack:
            element = self.stack.pop()
            if self.section.depth > len(self.stack) + 1:
                # Leaving the element that held the section's heading: back to the section around it.
                while self.section.depth > len(self.stack) + 1 and len(self.sections) > 1:
                    self.sections.pop()
                if not self.section.excluded:
                    self._dirty()  # what follows is indexed again (this element ended before it)
            self._close(element)
            if element.tag == tag:
                break

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close(self.stack.pop())
        self.marks += self.root.clean_children


# Indexing the built site.


@dataclass(frozen=True)
class IndexResult:
    """What Pagefind reported: pages indexed per language."""

    languages: dict[str, int]


class IndexingFailed(Exception):
    """Pagefind could not index the site; the message is one line."""


def pagefind_executable() -> Path:
    """The Pagefind binary installed with the `pagefind[bin]` package (or named by PAGEFIND_BINARY_PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise IndexingFailed("the Python package 'pagefind' is not installed (pip install 'pagefind[bin]')") from None
    found = get_executable()
    if found is None or not Path(found).is_file():
        raise IndexingFailed("the Pagefind binary was not found (pip install 'pagefind[bin]')")
    return Path(found)


def pagefind_command(executable: Path, site: Path) -> list[str]:
    return [
        str(executable),
        "--site",
        str(site),
        "--output-subdir",
        BUNDLE,
        "--force-language",
        LANGUAGE,
        "--exclude-selectors",
        EXCLUDE_SELECTORS,
        "--silent",
    ]


def index_site(site: Path, *, executable: Path | None = None, timeout: float = 600) -> IndexResult:
    """Index the built site in `site` into `site/pagefind/`, leaving out Pagefind's unused interfaces.

    Raises IndexingFailed with a one-line message when Pagefind is missing, fails, or indexes no Indonesian page.
    """
    bundle = site / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)  # `mkdocs build --dirty` or serve: no chunk of an older index stays behind
    command = pagefind_command(executable or pagefind_executable(), site)
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise IndexingFailed(f"Pagefind could not run ({err})") from None
    if done.returncode != 0:
        said = [line.strip() for line in (done.stderr + "\n" + done.stdout).splitlines() if line.strip()]
        reason = said[0].removeprefix("Error: ").strip() if said else f"exit status {done.returncode}"
        raise IndexingFailed(f"Pagefind failed ({reason})")
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        languages = {name: int(info["page_count"]) for name, info in entry["languages"].items()}
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise IndexingFailed(f"Pagefind wrote no readable {BUNDLE}/pagefind-entry.json ({err})") from None
    if not languages.get(LANGUAGE):
        raise IndexingFailed(f"Pagefind indexed no page in Indonesian (languages: {languages or 'none'})")
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)
    _order_filter_values(bundle)
    return IndexResult(languages)


# Reproducible builds. Pagefind writes the values of each filter in hash-map order, which changes from run to run
# (so do the file names, which are hashes of the contents, and the metadata file that names them). The values are
# put in alphabetical order here and the files renamed by their new contents: two builds of one commit stay
# byte-identical. A filter file is CBOR (RFC 8949): [name, [[value, [page numbers …]] …]].


def _order_filter_values(bundle: Path) -> None:
    entry_file = bundle / "pagefind-entry.json"
    entry = entry_file.read_text("utf-8")
    for language, info in json.loads(entry)["languages"].items():
        meta_file = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _decode(meta_file)
        renamed = {}
        for old in sorted((bundle / "filter").glob(f"{language}_*.pf_filter")):
            name, values = _decode(old)
            data = FRAGMENT_SIGNATURE + _cbor_write([name, sorted(values, key=lambda pair: pair[0])])
            new = old.with_name(f"{language}_{hashlib.sha256(data).hexdigest()[:7]}.pf_filter")
            old.unlink()
            new.write_bytes(_pack(data))
            renamed[old.stem] = new.stem
        # The metadata lists the filters as [name, file] pairs, also in hash-map order.
        for part in meta:
            if (
                isinstance(part, list)
                and part
                and all(isinstance(p, list) and len(p) == 2 and p[1] in renamed for p in part)
            ):
                part[:] = sorted(([p[0], renamed[p[1]]] for p in part), key=lambda pair: pair[0])
        data = FRAGMENT_SIGNATURE + _cbor_write(meta)
        new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:10]}"
        meta_file.unlink()
        (bundle / f"pagefind.{new_hash}.pf_meta").write_bytes(_pack(data))
        entry = entry.replace(f'"{info["hash"]}"', f'"{new_hash}"')
    entry_file.write_text(entry, "utf-8")


def _decode(file: Path) -> list[Any]:
    """A Pagefind metadata or filter file as a Python list; refused if it holds more than this site's reader knows
    (then a newer Pagefind changed the format: nothing is rewritten wrongly)."""
    data = _unpack(file.read_bytes())
    value, end = _cbor_read(data, len(FRAGMENT_SIGNATURE))
    if end != len(data) or not isinstance(value, list) or _cbor_write(value) != data[len(FRAGMENT_SIGNATURE) :]:
        raise IndexingFailed(f"{file.name}: not the format of Pagefind 1.5 this site reads")
    return value


def _unpack(data: bytes) -> bytes:
    data = gzip.decompress(data)
    if not data.startswith(FRAGMENT_SIGNATURE):
        raise IndexingFailed(f"a Pagefind file does not start with {FRAGMENT_SIGNATURE.decode()}")
    return data


def _pack(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _cbor_read(data: bytes, at: int) -> tuple[object, int]:
    """The CBOR item at `at` (unsigned integers, text and arrays only) and where it ends."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        length = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        length, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise IndexingFailed(f"unexpected CBOR item {data[at - 1]:#x} in a Pagefind filter file")
    if major == 0:
        return length, at
    if major == 3:
        return data[at : at + length].decode("utf-8"), at + length
    if major == 4:
        items = []
        for _ in range(length):
            item, at = _cbor_read(data, at)
            items.append(item)
        return items, at
    raise IndexingFailed(f"unexpected CBOR type {major} in a Pagefind filter file")


def _cbor_head(major: int, length: int) -> bytes:
    if length < 24:
        return bytes([major << 5 | length])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if length < 1 << (8 * size):
            return bytes([major << 5 | info]) + length.to_bytes(size, "big")
    raise ValueError(length)


def _cbor_write(value: object) -> bytes:
    if isinstance(value, int):
        return _cbor_head(0, value)
    if isinstance(value, str):
        text = value.encode("utf-8")
        return _cbor_head(3, len(text)) + text
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_write(item) for item in value)
    raise TypeError(type(value))


@dataclass(frozen=True)
class IndexedPage:
    """One page as Pagefind indexed it (its result fragment): address, text, filters, title."""

    url: str
    content: str
    filters: dict[str, list[str]]
    title: str


def indexed_pages(site: Path) -> dict[str, IndexedPage]:
    """Every page in the built index of `site`, by address (as Pagefind writes it: `/remaja/`): what a search can
    find, read from the gzip-compressed fragment files."""
    pages = {}
    for fragment in sorted((site / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        record = json.loads(data[len(FRAGMENT_SIGNATURE) :] if data.startswith(FRAGMENT_SIGNATURE) else data)
        pages[record["url"]] = IndexedPage(
            record["url"], record["content"], record.get("filters", {}), record.get("meta", {}).get("title", "")
        )
    return pages
