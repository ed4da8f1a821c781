"""MkDocs hook: the menu built around readers (smartschool.navigation): its order, its labels, the glossary and
the maintainers' guide under "Tentang", and previous/next links that follow the same order."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from smartschool.navigation import SECTION_TITLES, UNDER_ABOUT, menu_rank, page_rank


def _key(item: object) -> str:
    """A menu item's address key: a page's folder (`kurikulum/remaja`), or a section's first page's folder."""
    if isinstance(item, Page):
        return item.file.src_uri.rsplit("/", 1)[0] if "/" in item.file.src_uri else ""
    if isinstance(item, Section):
        return _key(item.children[0]) if item.children else ""
    return ""


def _label_sections(items: list) -> None:
    for item in items:
        if isinstance(item, Section):
            item.title = SECTION_TITLES.get(_key(item), item.title)
            item.children.sort(key=lambda child: page_rank(child.file.src_uri) if isinstance(child, Page) else (0, ""))
            _label_sections(item.children)


@event_priority(-50)  # after the hooks that sort and trim inside sections
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    items = sorted(nav.items, key=lambda item: menu_rank(f"{_key(item)}/x" if _key(item) else "x"))
    about = next((i for i in items if isinstance(i, Section) and _key(i) == "tentang"), None)
    if about is not None:
        moved = [i for i in items if isinstance(i, Section) and _key(i).split("/")[0] in UNDER_ABOUT]
        moved.sort(key=lambda section: UNDER_ABOUT.index(_key(section).split("/")[0]))
        for section in moved:
            for child in section.children:
                child.parent = about
            about.children.extend(section.children)
        items = [i for i in items if i not in moved]
    _label_sections(items)
    pages = sorted(  # stable: order within a section kept, except where PAGE_ORDER sets it
        nav.pages, key=lambda page: (menu_rank(page.file.src_uri), page_rank(page.file.src_uri))
    )
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None
    return Navigation(items, pages)
