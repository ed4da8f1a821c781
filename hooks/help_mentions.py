"""MkDocs hook: `[[bantuan:<id>]]` in the pages of docs/ becomes the channel's name and linked contacts.

Runs after the macros plugin (hooks come after plugins), so a token in text a macro brings in is replaced too.
The replacement is smartschool.help_mentions (escaped, never a template); generated lesson pages arrive with
their tokens already replaced by smartschool.curriculum_pages.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from smartschool.project import current_project, project_root
from smartschool.reference_pages import mention_help


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return mention_help(current_project(project_root(config.config_file_path)), markdown)
