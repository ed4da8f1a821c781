"""Crawl a served site from its front page: every internal link and #anchor must resolve."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup


@dataclass
class CrawlReport:
    pages: set[str] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)


def _fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # a local test server only
            return response.status, response.headers.get_content_type(), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, "", ""


def _anchors(html: str) -> set[str]:
    soup = BeautifulSoup(html, "html.parser")
    return {tag["id"] for tag in soup.find_all(id=True)} | {
        tag["name"] for tag in soup.find_all("a", attrs={"name": True})
    }


def crawl(base_url: str) -> CrawlReport:
    """Follow every internal link from `base_url/`; report pages reached and links that do not resolve."""
    base = base_url.rstrip("/") + "/"
    report = CrawlReport()
    cache: dict[str, tuple[int, str, str]] = {}
    anchors: dict[str, set[str]] = {}

    def fetch(url: str) -> tuple[int, str, str]:
        if url not in cache:
            cache[url] = _fetch(url)
        return cache[url]

    def ids(url: str) -> set[str]:
        if url not in anchors:
            anchors[url] = _anchors(fetch(url)[2])
        return anchors[url]

    queue = [base]
    while queue:
        url = queue.pop()
        if url in report.pages:
            continue
        report.pages.add(url)
        status, kind, html = fetch(url)
        if kind != "text/html":
            continue
        for tag in BeautifulSoup(html, "html.parser").find_all(["a", "link"], href=True):
            if tag.name == "link" and not {"stylesheet", "icon", "canonical"} & set(tag.get("rel", [])):
                continue
            href = tag["href"]
            target = urljoin(url, href)
            if urlsplit(target).netloc != urlsplit(base).netloc or not target.startswith(base):
                if tag.get("rel") == ["canonical"] or urlsplit(target).scheme not in ("http", "https"):
                    continue
                if urlsplit(target).netloc == urlsplit(base).netloc:
                    report.broken.append(f"{url}: {href} leaves the site's path")
                continue
            page, fragment = urldefrag(target)
            status, kind, _ = fetch(page)
            if status != 200:
                report.broken.append(f"{url}: {href} → HTTP {status}")
                continue
            if fragment and kind == "text/html" and fragment not in ids(page):
                report.broken.append(f"{url}: {href} → no element with id '{fragment}'")
            if tag.name == "a" and kind == "text/html":
                queue.append(page)
    return report
