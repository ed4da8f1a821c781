"""MkDocs hook: generate a page per curriculum module and a facilitator pack per track; order them in the nav."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from smartschool.navigation import trim_section
from smartschool.curriculum_pages import facilitator_pack_markdown, lesson_page_markdown, pack_url
from smartschool.project import current_project
from smartschool.vocabulary import TRACKS


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = current_project(Path(config.config_file_path).parent)
    for lesson in project.lessons:
        src = f"{lesson.url.rstrip('/')}.md"
        files.append(File.generated(config, src, content=lesson_page_markdown(project, lesson)))
    for track in TRACKS:
        if project.lessons_of_track(track):
            src = f"{pack_url(track).rstrip('/')}.md"
            files.append(File.generated(config, src, content=facilitator_pack_markdown(project, track)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Within each track's section: modules in their `order`, the facilitator pack last; large sections trimmed."""
    project = current_project(Path(config.config_file_path).parent)
    rank = {f"{lesson.url.rstrip('/')}.md": lesson.module.order for lesson in project.lessons}
    rank.update({f"{pack_url(track).rstrip('/')}.md": 10**6 for track in TRACKS})

    def key(item: object) -> tuple[int, int]:
        if isinstance(item, Page) and item.file.src_uri in rank:
            return (1, rank[item.file.src_uri])
        return (0, 0)  # the section's index page and anything hand-written come first

    def visit(items: list) -> None:
        for item in items:
            if isinstance(item, Section):
                item.children.sort(key=key)
                item.children = trim_section(item.children, is_index=lambda c: isinstance(c, Page) and c.is_index,
                                             is_page=lambda c: isinstance(c, Page))
                visit(item.children)

    visit(nav.items)
    return nav
