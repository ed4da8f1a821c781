"""MkDocs hook: generate a page per module, the facilitator pack volumes and later pages of long track lists."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from smartschool.curriculum_pages import (
    facilitator_pack_markdown,
    lesson_page_markdown,
    pack_volumes,
    sheet_markdown,
    sheet_url,
    track_page_markdown,
    track_pages,
)
from smartschool.navigation import drop_pages, trim_section
from smartschool.paging import source_of
from smartschool.project import current_project, project_root
from smartschool.vocabulary import TRACKS


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = current_project(project_root(config.config_file_path))
    for lesson in project.lessons:
        src = source_of(lesson.url)
        files.append(File.generated(config, src, content=lesson_page_markdown(project, lesson)))
        sheet = source_of(sheet_url(lesson))  # the before/after sheet: out of the menu (on_nav), printed as PDF
        files.append(File.generated(config, sheet, content=sheet_markdown(project, lesson)))
    for track in TRACKS:
        for volume in pack_volumes(project, track):
            src = source_of(volume.url)
            files.append(File.generated(config, src, content=facilitator_pack_markdown(project, volume)))
        for page in track_pages(project, track)[1:]:  # the first page is docs/kurikulum/<track>/index.md
            src = source_of(page.url)
            files.append(File.generated(config, src, content=track_page_markdown(project, page)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Within each track's section: modules in their `order`, the pack volumes last; large sections trimmed."""
    project = current_project(project_root(config.config_file_path))
    rank = {source_of(lesson.url): lesson.module.order for lesson in project.lessons}
    rank.update(
        {source_of(volume.url): 10**6 + volume.number for track in TRACKS for volume in pack_volumes(project, track)}
    )
    rank.update(
        {source_of(page.url): 2 * 10**6 + page.number for track in TRACKS for page in track_pages(project, track)[1:]}
    )

    def key(item: object) -> tuple[int, int]:
        if isinstance(item, Page) and item.file.src_uri in rank:
            return (1, rank[item.file.src_uri])
        return (0, 0)  # the section's index page and anything hand-written come first

    sheets = {source_of(sheet_url(lesson)) for lesson in project.lessons}

    drop_pages(nav, sheets)  # linked from their lesson, not listed

    def visit(items: list) -> None:
        for item in items:
            if isinstance(item, Section):
                item.children.sort(key=key)
                item.children = trim_section(
                    item.children,
                    is_index=lambda c: isinstance(c, Page) and c.is_index,
                    is_page=lambda c: isinstance(c, Page),
                )
                visit(item.children)

    visit(nav.items)
    return nav


def on_page_content(html: str, page: Page, **kwargs: object) -> str:
    """A pack volume lists its modules at the top; its heading-by-heading table of contents is left out.

    (Material's `hide: [toc]` only hides it, and it would repeat every heading of every module in the page.)
    """
    if page.meta.get("sso_pack"):
        page.toc = TableOfContents([])
    return html
