"""Navigation that does not grow every page: large sections show only their index page in the menu."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, TypeVar

# A section with more pages than this lists none of them in the menu; its index page lists them instead.
MAX_SECTION_PAGES = 25

T = TypeVar("T")


def trim_section(
    children: Sequence[T], is_index: Callable[[T], bool], is_page: Callable[[T], bool], limit: int = MAX_SECTION_PAGES
) -> list[T]:
    """Keep a section's children, unless it holds more than `limit` pages: then keep its index and subsections."""
    pages = [child for child in children if is_page(child) and not is_index(child)]
    if len(pages) <= limit:
        return list(children)
    return [child for child in children if is_index(child) or not is_page(child)]


def drop_pages(nav: Any, sources: Collection[str]) -> None:
    """Take the pages whose source path (`Page.file.src_uri`) is in `sources` out of an MkDocs `Navigation`, in
    place: out of the menu (`nav.items`, sections left empty go too) and out of the previous/next chain
    (`nav.pages`, relinked). The pages are still built. Duck-typed on MkDocs' structure (a page has `file`, a
    section `children`), so this package keeps not importing MkDocs."""

    def keep(item: Any) -> bool:
        if hasattr(item, "file"):
            return item.file.src_uri not in sources
        if hasattr(item, "children"):
            item.children = [child for child in item.children if keep(child)]
            return bool(item.children)
        return True

    nav.items = [item for item in nav.items if keep(item)]
    nav.pages = [page for page in nav.pages if page.file.src_uri not in sources]
    for before, after in zip([None, *nav.pages], [*nav.pages, None], strict=True):
        if after is not None:
            after.previous_page = before
        if before is not None:
            before.next_page = after


# The menu in the order readers come: the home page, the four reader doors, then the curriculum, events, help
# and the site's own pages. Keys are a page's first address segment ("" for the home page).
READER_ORDER = ("", "orang-tua", "guru", "komunitas", "remaja", "kurikulum", "acara", "bantuan", "tentang")
# Sections that live in the menu under "Tentang" (reference and the maintainers' guide), in this order.
UNDER_ABOUT = ("glosarium", "pengelola")
# Section labels: one label per entry, proper terms capitalised; the lesson tracks say what they hold, so the
# youth zone ("Remaja") and the youth lessons ("Modul remaja") never share a label.
SECTION_TITLES = {
    "orang-tua": "Orang tua",
    "guru": "Guru",
    "komunitas": "Komunitas",
    "remaja": "Remaja",
    "kurikulum": "Kurikulum",
    "acara": "Acara",
    "bantuan": "Bantuan",
    "tentang": "Tentang",
    "kurikulum/dewasa": "Modul dewasa",
    "kurikulum/remaja": "Modul remaja",
}


# Pages of a hand-written section in the order a reader needs them (file names without `.md`, by section folder):
# the index page first, then these, then any other page of the section by file name. Sections not listed keep
# MkDocs' order.
PAGE_ORDER: dict[str, tuple[str, ...]] = {
    "guru": (
        "menjalankan-workshop",
        "perencana",
        "surat-orang-tua",
        "formulir-evaluasi-dewasa",
        "formulir-evaluasi-remaja",
        "tanya-jawab-fasilitator",
        "protokol-pengungkapan",
        "daftar-periksa-sekolah",
    ),
}


def page_rank(src_uri: str) -> tuple[int, str]:
    """Where a page comes within its section (PAGE_ORDER): `(-1, "")` for the index, `(position, "")` for a page
    listed there, `(len(listed), name)` for one that is not; `(0, "")` for every page of an unlisted section, so a
    stable sort keeps MkDocs' order there."""
    folder, _, name = src_uri.rpartition("/")
    if folder not in PAGE_ORDER:
        return (0, "")
    stem = name.removesuffix(".md")
    listed = PAGE_ORDER[folder]
    if stem == "index":
        return (-1, "")
    return (listed.index(stem), "") if stem in listed else (len(listed), stem)


def menu_rank(src_uri: str) -> int:
    """Where a page's top-level entry comes in the menu: READER_ORDER, the sections under "Tentang" with it,
    anything unknown last."""
    first = src_uri.split("/", maxsplit=1)[0] if "/" in src_uri else ""
    first = "tentang" if first in UNDER_ABOUT else first
    return READER_ORDER.index(first) if first in READER_ORDER else len(READER_ORDER)
