"""MkDocs hook: a participant page per module (handout and case cards, smartschool.participant).

The pages are linked from their lesson page, not listed in the navigation (they would add a section per module).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from smartschool.navigation import drop_pages
from smartschool.paging import source_of
from smartschool.participant import participant_page_markdown, participant_url
from smartschool.project import current_project, project_root


def _sources(config: MkDocsConfig) -> set[str]:
    project = current_project(project_root(config.config_file_path))
    return {source_of(participant_url(lesson)) for lesson in project.lessons}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = current_project(project_root(config.config_file_path))
    for lesson in project.lessons:
        src = source_of(participant_url(lesson))
        files.append(File.generated(config, src, content=participant_page_markdown(project, lesson)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Take the participant pages (and a section left empty by that) out of the menu; they stay built."""
    drop_pages(nav, _sources(config))
    return nav
