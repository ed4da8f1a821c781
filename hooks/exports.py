"""MkDocs hook: publish the calendar feed, the JSON exports with their schemas, and robots.txt as files of the
site."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from smartschool.buildinfo import source_date
from smartschool.exports import EXPORTS, SCHEMA_FILES, calendar_feed, robots_txt, schema_json
from smartschool.project import current_project, project_root


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = project_root(config.config_file_path)
    project = current_project(root)
    site_url = config.site_url or "/"
    stamp = source_date(root, ["data/events.yaml", "data/organizations.yaml"])  # DTSTAMP: when the data changed
    files.append(File.generated(config, "acara/kalender.ics", content=calendar_feed(project, site_url, stamp)))
    for path, export in EXPORTS.items():
        files.append(File.generated(config, path, content=export(project, site_url)))
    for path, name in SCHEMA_FILES.items():
        files.append(File.generated(config, path, content=schema_json(name)))
    files.append(File.generated(config, "robots.txt", content=robots_txt(site_url)))
    return files
