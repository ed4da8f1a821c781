"""`make weigh` (benchmarks/weigh.py) measures what it says: the first view's bytes by kind, lazy images below the
first screen left out, text served gzip-compressed, and a first contentful paint on the slow-phone profile. The
figures themselves are a report: nothing here asserts a time or the real site's weight."""

from __future__ import annotations

import gzip
import sys
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import weigh

CSS = "body { color: #222; } " * 200
JS = "window.sso = 1;\n" * 300


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "style.css").write_text(CSS, "utf-8")
    (site / "app.js").write_text(JS, "utf-8")
    (site / "top.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "utf-8")
    (site / "far.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "utf-8")
    (site / "a" / "index.html").write_text(
        '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>t</title>'
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="../style.css"></head>'
        '<body><p>Halo</p><img src="../top.svg" alt="atas" width="10" height="10">'
        '<div style="height:5000px"></div><img src="../far.svg" alt="bawah" loading="lazy" width="10" height="10">'
        '<script src="../app.js"></script></body></html>',
        "utf-8",
    )
    return site


def test_first_view_counts_each_kind_and_skips_lazy_images_below_the_screen(browser: Browser, tiny_site: Path) -> None:
    with weigh.serve_compressed(tiny_site, "/proj/") as base:
        sizes, files = weigh.first_view(browser, base + "/a/")
    fetched = {url.rsplit("/", 1)[-1] for url, _ in files}
    assert {"style.css", "app.js", "top.svg"} <= fetched and "far.svg" not in fetched
    assert sizes["css"][0] == len(CSS) and sizes["js"][0] == len(JS)  # decoded bytes, not the compressed transfer
    assert sizes["css"][1] == len(gzip.compress(CSS.encode(), compresslevel=6))
    assert sizes["img"][0] > 0 and sizes["html"][0] > 0
    assert weigh.total(sizes) < weigh.total(sizes, 0)


def test_server_sends_text_gzip_compressed_under_the_subpath(tiny_site: Path) -> None:
    with weigh.serve_compressed(tiny_site, "/proj/") as base:
        request = urllib.request.Request(base + "/style.css", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode() == CSS
        with urllib.request.urlopen(base + "/style.css") as response:  # no Accept-Encoding: plain
            assert response.read().decode() == CSS


def test_first_contentful_paint_is_measured_on_the_slow_profile(browser: Browser, tiny_site: Path) -> None:
    with weigh.serve_compressed(tiny_site, "/proj/") as base:
        paint = weigh.first_contentful_paint(browser, base + "/a/")
    # At least two round trips of 400 ms (page, then its stylesheet) pass before anything can be painted.
    assert paint is not None and paint >= 2 * weigh.SLOW_NETWORK["latency"]


def test_budget_covers_the_home_page_and_every_youth_page() -> None:
    pages = ["/", "/remaja/", "/remaja/tanda-grooming/", "/guru/", "/kurikulum/remaja/grooming/", "/404.html"]
    assert weigh.budget_pages(pages) == ["/", "/remaja/", "/remaja/tanda-grooming/"]
    assert weigh.FIRST_VIEW_BUDGET == 80 * 1024 and len(weigh.PAINT_PAGES) == 5
