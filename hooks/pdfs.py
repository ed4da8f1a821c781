"""MkDocs hook: PDFs of the printable pages (smartschool.pdfs), only when `SSO_PDF=1` and never under serve.

1. `on_page_markdown`: a page that has PDFs gets a paragraph linking them, each size a token for now.
2. `on_page_content`, right after the content boundary: the page's sanitised content is kept.
3. `on_post_build`, before the search index reads the pages: the PDFs are written next to each page's
   index.html, then each token in the written page becomes the real size ("PDF, 240 KB").
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from smartschool.messages import say
from smartschool.pdfs import PdfError, PdfSpec, pdf_specs, pdfs_enabled, print_html, with_links, with_sizes, write_all

log = logging.getLogger("mkdocs.hooks.pdfs")

_serving = False
_enabled = False
_pages: dict[str, tuple[list[PdfSpec], str]] = {}  # page url → its PDFs and the page's source path
_content: dict[str, str] = {}  # page url → sanitised content HTML
_written: dict[str, str] = {}  # page url → the written index.html


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _enabled
    _enabled = pdfs_enabled() and not _serving
    _pages.clear()
    _content.clear()
    _written.clear()
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _enabled:
        return markdown
    specs = pdf_specs(page.url, str(page.title or ""), markdown)
    if not specs:
        return markdown
    _pages[page.url] = (specs, page.file.src_uri)
    return with_links(markdown, specs)


@event_priority(90)  # right after the content boundary (100), before any hook adds screen-only parts
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _enabled and page.url in _pages:
        _content[page.url] = html
        _written[page.url] = page.file.abs_dest_path
    return html


@event_priority(-90)  # before the search index (-100) reads the written pages
def on_post_build(config: MkDocsConfig) -> None:
    if not _enabled or not _pages:
        return
    started = time.perf_counter()
    site_url = config.site_url or "/"
    jobs, owners = [], []
    for url, (specs, source) in _pages.items():
        for spec in specs:
            document = print_html(spec, _content[url], site_name=config.site_name, page_address=site_url + url)
            target = str(Path(config.site_dir) / spec.path)
            jobs.append((document, target, site_url + url, config.site_dir, site_url))
            owners.append((url, spec, source))
    try:
        sizes = write_all(jobs)
    except PdfError as err:  # WeasyPrint or its system libraries: a located message, never a traceback
        raise PluginError(say("pdf.failed", pdf=err.pdf, error=err.error)) from None
    by_page: dict[str, dict[str, int]] = {}
    for (url, spec, _), size in zip(owners, sizes, strict=True):
        by_page.setdefault(url, {})[spec.name] = size
    for url, found in by_page.items():
        path = Path(_written[url])
        path.write_text(with_sizes(path.read_text(encoding="utf-8"), found), encoding="utf-8")
    log.info(say("pdf.made", count=len(jobs), seconds=f"{time.perf_counter() - started:.1f}", kb=sum(sizes) // 1024))
