"""Links: from the front page, every internal link and #anchor resolves, and every page can be reached."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcheck import CrawlReport, crawl
from sitepages import html_pages, serve


@pytest.fixture(scope="module")
def site_crawl(base_url: str) -> CrawlReport:
    return crawl(base_url)


def test_every_internal_link_and_anchor_resolves(site_crawl: CrawlReport) -> None:
    assert site_crawl.broken == [], "broken links:\n" + "\n".join(site_crawl.broken)


def test_every_page_is_reachable_from_the_front_page(built_site: Path, base_url: str, site_crawl: CrawlReport) -> None:
    reached = {url.removeprefix(base_url) or "/" for url in site_crawl.pages}
    unreachable = [p for p in html_pages(built_site) if p not in reached and p != "/404.html"]
    assert unreachable == [], f"pages no link leads to: {unreachable}"


def test_crawler_reports_broken_links_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">a</a> <a href="missing/">m</a> <a href="a/#nope">n</a>')
    (tmp_path / "a/index.html").write_text('<h2 id="here">x</h2><a href="../#top">t</a>')
    with serve(tmp_path, "/sub/") as url:
        broken = crawl(url).broken
    assert any("missing/ → HTTP 404" in b for b in broken)
    assert any("a/#nope → no element with id 'nope'" in b for b in broken)
    assert any("../#top → no element with id 'top'" in b for b in broken)
    assert len(broken) == 3
