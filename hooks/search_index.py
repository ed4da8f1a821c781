"""MkDocs hook: site search with Pagefind (see smartschool.search_index).

Each page's content gets its filter values and `data-pagefind-ignore` on what stays out of the index; the theme's
`<article>` of every indexed page gets `data-pagefind-body`; after the build, Pagefind indexes the folder being built
(`config.site_dir`: the staging folder of `make site` and of every `mkdocs serve` rebuild). A Pagefind failure fails
the build with one line.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from smartschool.project import current_project, project_root
from smartschool.search_index import (
    IndexingFailed,
    filter_markup,
    ignore_excluded,
    index_site,
    is_indexed,
    mark_body,
    page_filters,
)

_audiences: dict[str, tuple[str, ...]] = {}  # lesson page address → its module's audiences


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = current_project(project_root(config.config_file_path))
    _audiences.clear()
    _audiences.update({lesson.url: tuple(lesson.module.audiences) for lesson in project.lessons})
    return files


@event_priority(-60)  # after the sanitiser and the other hooks have shaped the content (scroll regions: -50)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_indexed(page.meta):
        return html
    audiences = _audiences.get(page.url) if page.meta.get("sso_lesson") else None
    return ignore_excluded(html) + filter_markup(page_filters(page.url, audiences))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not is_indexed(page.meta):
        return output
    try:
        return mark_body(output)
    except ValueError as err:
        raise Abort(f"{page.file.src_uri}: search: {err}") from None


@event_priority(-100)  # after everything else has written its files
def on_post_build(config: MkDocsConfig) -> None:
    try:
        index_site(Path(config.site_dir))
    except IndexingFailed as err:
        raise Abort(f"Search index: {err}") from None
