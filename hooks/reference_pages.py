"""MkDocs hook: glossary tooltips — every page gets abbreviation definitions for the glossary's terms."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from smartschool.project import current_project
from smartschool.reference_pages import abbreviations


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    project = current_project(Path(config.config_file_path).parent)
    return f"{markdown}\n\n{abbreviations(project.terms)}\n"
