"""MkDocs hook: glossary tooltips — every page gets abbreviation definitions for the glossary's terms."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from smartschool.project import current_project, project_root
from smartschool.reference_pages import abbreviations

_definitions = ""  # the abbreviation lines of the current build


def on_pre_build(config: MkDocsConfig) -> None:
    """Write the definitions once per build, not once per page."""
    global _definitions
    _definitions = abbreviations(current_project(project_root(config.config_file_path)).terms)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return f"{markdown}\n\n{_definitions}\n"
