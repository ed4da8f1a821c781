"""MkDocs hook: add one generated page per event (`acara/<id>/`); no hand-written file per event."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from smartschool.project import current_project
from smartschool.render import event_page_markdown


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = current_project(Path(config.config_file_path).parent)
    for event in project.events:
        files.append(File.generated(config, f"acara/{event.id}.md", content=event_page_markdown(project, event, config.site_url or "/")))
    return files
