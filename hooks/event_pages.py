"""MkDocs hook: add one generated page per event (`acara/<id>/`), and one per year when the events need an archive
(`acara/tahun/<YYYY>/`); no hand-written file per event or year."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from smartschool.event_archive import archive_years, year_page_markdown
from smartschool.paging import source_of
from smartschool.project import current_project, project_root
from smartschool.render import event_page_markdown


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = current_project(project_root(config.config_file_path))
    for event in project.events:
        content = event_page_markdown(project, event, config.site_url or "/")
        files.append(File.generated(config, f"acara/{event.id}.md", content=content))
    archive = archive_years(project)
    for year in archive:
        for page in year.pages():
            src = source_of(page.url)
            files.append(File.generated(config, src, content=year_page_markdown(project, page, archive)))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """The menu's section of year pages: titled like the archive on `acara/`, newest year first (its pages in order)."""
    project = current_project(project_root(config.config_file_path))
    order = {source_of(page.url): (-year.year, page.number) for year in archive_years(project) for page in year.pages()}

    def is_year_page(item: object) -> bool:
        return isinstance(item, Page) and item.file.src_uri in order

    def visit(items: list) -> None:
        for item in items:
            if isinstance(item, Section) and item.children and all(map(is_year_page, item.children)):
                item.title = "Arsip per tahun"
                item.children.sort(key=lambda page: order[page.file.src_uri])
            elif isinstance(item, Section):
                visit(item.children)

    if order:
        visit(nav.items)
    return nav
