"""MkDocs hook: each page's `lastmod` (sitemap.xml) is the time of the last commit that touched its sources, not
the build day, so two builds of one commit agree (reproducible builds; see smartschool.buildinfo)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from smartschool.buildinfo import last_commit_times, latest_change
from smartschool.project import current_project, project_root

_times: dict[str, datetime] = {}
_data_files: list[str] = []
_module_files: dict[str, str] = {}  # generated lesson page source → its module file


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """One `git log` per build for every source: the docs pages, the data files and the modules."""
    global _times, _data_files, _module_files
    root = project_root(config.config_file_path)
    project = current_project(root)
    _module_files = {f"{lesson.url.rstrip('/')}.md": lesson.path for lesson in project.lessons}
    _data_files = sorted(p.relative_to(root).as_posix() for p in (root / "data").glob("*.yaml"))
    docs = [
        f"{Path(config.docs_dir).relative_to(root).as_posix()}/{f.src_uri}"
        for f in files.documentation_pages()
        if f.generated_by is None
    ]
    _times = last_commit_times(root, [*docs, *_data_files, *_module_files.values()])
    return files


def _sources(page: Page, config: MkDocsConfig) -> list[str]:
    """The files a page is made from: a lesson its module; another generated page the data and every module;
    a hand-written page itself, and the data and modules too when its macros read them."""
    src = page.file.src_uri
    if src in _module_files:
        return [_module_files[src]]
    everything = [*_data_files, *_module_files.values()]
    if page.file.generated_by is not None:
        return everything
    own = f"{Path(config.docs_dir).name}/{src}"
    return [own, *everything] if page.meta.get("render_macros") else [own]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    changed = latest_change(_sources(page, config), _times)
    if changed is not None:
        page.update_date = changed.date().isoformat()  # else MkDocs' own: SOURCE_DATE_EPOCH or the build day
    return markdown
