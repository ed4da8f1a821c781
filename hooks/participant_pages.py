"""MkDocs hook: a participant page per module (handout and case cards, smartschool.participant).

The pages are linked from their lesson page, not listed in the navigation (they would add a section per module).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from smartschool.paging import source_of
from smartschool.participant import participant_page_markdown, participant_url
from smartschool.project import current_project


def _sources(config: MkDocsConfig) -> set[str]:
    project = current_project(Path(config.config_file_path).parent)
    return {source_of(participant_url(lesson)) for lesson in project.lessons}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = current_project(Path(config.config_file_path).parent)
    for lesson in project.lessons:
        src = source_of(participant_url(lesson))
        files.append(File.generated(config, src, content=participant_page_markdown(project, lesson)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Take the participant pages (and a section left empty by that) out of the menu; they stay built."""
    hidden = _sources(config)

    def keep(item: object) -> bool:
        if isinstance(item, Page) and item.file.src_uri in hidden:
            return False
        if isinstance(item, Section):
            item.children = [child for child in item.children if keep(child)]
            return bool(item.children)
        return True

    nav.items = [item for item in nav.items if keep(item)]
    nav.pages = [page for page in nav.pages if page.file.src_uri not in hidden]
    for before, page in zip([None, *nav.pages], nav.pages):
        page.previous_page = before
    for page, after in zip(nav.pages, [*nav.pages[1:], None]):
        page.next_page = after
    return nav
