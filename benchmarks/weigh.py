"""First-view weight and first paint on a slow phone: a report for `make weigh` (it asserts nothing).

1. **Budget.** The bytes a first view of the home page and of each youth page (`/remaja/…`) loads, measured in
   Chromium at 360×640 with a fresh cache: every response the page fetches until the network is idle (HTML, CSS,
   JS, images, fonts, other), raw and gzip-compressed (level 6, as a static host such as GitHub Pages sends text;
   already-compressed files change little). Images outside the first screen that the page marks `loading="lazy"`
   are not fetched, so they do not count. Budget: 80 KB gzip-compressed (issue #18).
2. **First contentful paint** of five pages on a slow phone: Chromium with the network emulated at 400 kbit/s down
   and up and 400 ms latency (CDP `Network.emulateNetworkConditions`) and the CPU slowed four times
   (`Emulation.setCPUThrottlingRate`), fresh cache, served gzip-compressed as a static host would. Target 1.5 s.
   The figure varies from run to run and machine to machine: it is printed, never asserted.
3. With `--all`: every page's first-view weight (budget 120 KB gzip-compressed, the general page budget).

Run with `make weigh` (or `.venv/bin/python benchmarks/weigh.py [--all] [--no-paint] [--json FILE]`).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import mimetypes
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests/browser")]

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from sitebuild import SITE_PATH, mkdocs_build  # noqa: E402
from sitepages import CHROMIUM, CHROMIUM_ARGS, html_pages  # noqa: E402

FIRST_VIEW_BUDGET = 80 * 1024  # bytes, gzip-compressed: home page and youth pages (issue #18)
PAGE_BUDGET = 120 * 1024  # bytes, gzip-compressed: any page (README, "Quality gates")
PAINT_TARGET_MS = 1500
PHONE = {"width": 360, "height": 640}
# The slow-phone profile: 400 kbit/s each way, 400 ms round-trip latency, CPU four times slower.
SLOW_NETWORK = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400_000 / 8,
    "uploadThroughput": 400_000 / 8,
}
CPU_SLOWDOWN = 4
PAINT_PAGES = ("/", "/remaja/", "/remaja/sexting-dan-sextortion/", "/orang-tua/", "/bantuan/")
KINDS = {"document": "html", "stylesheet": "css", "script": "js", "image": "img", "font": "font"}
COLUMNS = ("html", "css", "js", "img", "font", "other")
# Sent gzip-compressed by the local server, as GitHub Pages sends them.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".xml", ".txt", ".wasm"}

Sizes = dict[str, list[int]]


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that sends text files gzip-compressed when the browser accepts it."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, format: str, *args: object) -> None:  # signature of the base class
        pass

    def do_GET(self) -> None:  # name from the base class
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)) or mimetypes.guess_type(path.name)[0] or "")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a browser closing early is not an error
            super().handle_error(request, client_address)


@contextmanager
def serve_compressed(site: Path, path: str = SITE_PATH) -> Iterator[str]:
    """Serve `site` under `path` (such as `/smart-school-online/`) on 127.0.0.1, text gzip-compressed; yield the
    base URL (without a trailing slash)."""
    mount = Path(tempfile.mkdtemp(prefix="sso-weigh-"))
    subpath = path.strip("/")
    target = mount / subpath if subpath else mount / "site"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.symlink_to(site.resolve(), target_is_directory=True)
    server = _Server(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(mount if subpath else target)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}" + (f"/{subpath}" if subpath else "")
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(mount, ignore_errors=True)


def first_view(browser: Browser, url: str, viewport: dict[str, int] = PHONE) -> tuple[Sizes, list[tuple[str, int]]]:
    """What a first view of `url` loads (fresh cache, `viewport`, until the network is idle).

    Returns the bytes per kind, `{kind: [raw, gzip]}` over COLUMNS, and each response as `(url, gzip bytes)`.
    Bodies are the decoded bytes; the gzip figure compresses each at level 6.
    """
    context = browser.new_context(viewport=viewport, service_workers="block")
    page = context.new_page()
    sizes: Sizes = {column: [0, 0] for column in COLUMNS}
    responses = []
    # A lambda, not `responses.append`: Playwright cannot attach its wrapper to a built-in method.
    page.on("response", lambda response: responses.append(response))  # noqa: PLW0108
    page.goto(url, wait_until="networkidle")
    files = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            continue
        packed = len(gzip.compress(body, compresslevel=6))
        kind = KINDS.get(response.request.resource_type, "other")
        sizes[kind][0] += len(body)
        sizes[kind][1] += packed
        files.append((response.url, packed))
    context.close()
    return sizes, files


def first_contentful_paint(browser: Browser, url: str) -> float | None:
    """First contentful paint of `url` in milliseconds on the slow-phone profile (fresh cache), or None if the page
    painted no content."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, wait_until="load", timeout=120_000)
    paint = page.evaluate(
        """() => new Promise(resolve => {
             const found = performance.getEntriesByName("first-contentful-paint")[0];
             if (found) return resolve(found.startTime);
             new PerformanceObserver(list => resolve(list.getEntries()[0].startTime))
               .observe({type: "paint", buffered: true});
             setTimeout(() => resolve(null), 10000);
           })"""
    )
    context.close()
    return paint


def total(sizes: Sizes, which: int = 1) -> int:
    """Sum over kinds of raw (`which` 0) or gzip (`which` 1) bytes."""
    return sum(pair[which] for pair in sizes.values())


def kb(n: float) -> str:
    return f"{n / 1024:6.1f}"


def row(label: str, sizes: Sizes, budget: int) -> str:
    cells = " ".join(f"{kb(sizes[c][0])}/{kb(sizes[c][1]).strip():>5}" for c in COLUMNS)
    flag = "ok" if total(sizes) <= budget else "OVER"
    return f"{label[:40]:40} {cells} {kb(total(sizes, 0))}/{kb(total(sizes)).strip():>5}  {flag}"


def header() -> str:
    return f"{'page':40} " + " ".join(f"{c + ' KB':>12}" for c in COLUMNS) + f" {'total KB':>12}  budget"


def weigh_pages(browser: Browser, base: str, paths: list[str], budget: int, over_label: str) -> dict[str, Sizes]:
    """Print the first-view weight of each of `paths` (under the site's `base` URL) as a table row against `budget`
    (bytes, gzip-compressed), then how many are over it (`over_label`: N); return the sizes per path."""
    print(header())
    weighed: dict[str, Sizes] = {}
    for path in paths:
        sizes, _ = first_view(browser, base + path)
        weighed[path] = sizes
        print(row(path, sizes, budget))
    over = [path for path, sizes in weighed.items() if total(sizes) > budget]
    print(f"{over_label}: {len(over)}" + (f" ({', '.join(over)})" if over else ""))
    return weighed


def budget_pages(pages: list[str]) -> list[str]:
    """The pages the first-view budget covers: the home page and every youth page."""
    return [p for p in pages if p == "/" or p.startswith("/remaja/")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="also weigh every page of the site (120 KB budget)")
    parser.add_argument("--no-paint", action="store_true", help="skip the slow-phone first-paint measurement")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    report: dict[str, object] = {"first_view_budget": FIRST_VIEW_BUDGET, "page_budget": PAGE_BUDGET}
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        result = mkdocs_build(ROOT, site)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        pages = html_pages(site)
        with serve_compressed(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            print("First view at 360×640, fresh cache: raw / gzip KB per kind (budget 80 KB gzip)")
            report["first_view"] = weigh_pages(
                browser, base, budget_pages(pages), FIRST_VIEW_BUDGET, "over the first-view budget"
            )

            if not args.no_paint:
                print(
                    f"\nFirst contentful paint: {SLOW_NETWORK['downloadThroughput'] * 8 / 1000:.0f} kbit/s, "
                    f"{SLOW_NETWORK['latency']} ms latency, CPU {CPU_SLOWDOWN}× slower, fresh cache "
                    f"(target {PAINT_TARGET_MS / 1000:.1f} s; a report, not a test)"
                )
                paints = {}
                for path in PAINT_PAGES:
                    paint = first_contentful_paint(browser, base + path)
                    paints[path] = paint
                    shown = "no paint" if paint is None else f"{paint / 1000:5.2f} s"
                    flag = "" if paint is None else ("ok" if paint <= PAINT_TARGET_MS else "over target")
                    print(f"  {path:40} {shown}  {flag}")
                report["first_contentful_paint_ms"] = paints

            if args.all:
                print("\nFirst view of every page: raw / gzip KB (budget 120 KB gzip)")
                report["pages"] = weigh_pages(browser, base, pages, PAGE_BUDGET, "pages over budget")
            browser.close()
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
