"""Page weight: for every page of a fresh build, the bytes a first view loads, raw and gzip-compressed.

Run with `make weigh`. It prints figures and flags pages over the budget; it asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests/browser")]

from playwright.sync_api import sync_playwright  # noqa: E402

from sitebuild import SITE_PATH, mkdocs_build  # noqa: E402
from sitepages import CHROMIUM, CHROMIUM_ARGS, html_pages, serve  # noqa: E402

BUDGET_GZIP = 120 * 1024
KINDS = {"document": "html", "stylesheet": "css", "script": "js", "image": "img"}
COLUMNS = ("html", "css", "js", "img", "other")


def weigh_page(browser, url: str) -> dict[str, list[int]]:
    """Bytes per kind of resource for a first view of `url` (fresh cache): [raw, gzip]."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    sizes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            continue
        kind = KINDS.get(response.request.resource_type, "other")
        sizes[kind][0] += len(body)
        sizes[kind][1] += len(gzip.compress(body, compresslevel=6))
    context.close()
    return sizes


def kb(n: int) -> str:
    return f"{n / 1024:7.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        result = mkdocs_build(ROOT, site)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            return 1
        rows = {}
        with serve(site, SITE_PATH) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in html_pages(site):
                rows[path] = weigh_page(browser, base + path)
            browser.close()

    header = f"{'page':40} " + " ".join(f"{c + ' KB':>15}" for c in COLUMNS) + f" {'total KB':>15}  budget"
    print("First-view weight per page: raw / gzip KB (budget: 120 KB gzip)")
    print(header)
    totals = defaultdict(lambda: [0, 0])
    for path, sizes in rows.items():
        raw = sum(s[0] for s in sizes.values())
        packed = sum(s[1] for s in sizes.values())
        cells = " ".join(f"{kb(sizes[c][0])}/{kb(sizes[c][1]).strip():>7}" for c in COLUMNS)
        flag = "ok" if packed <= BUDGET_GZIP else "OVER"
        print(f"{path[:40]:40} {cells} {kb(raw)}/{kb(packed).strip():>7}  {flag}")
        for c in COLUMNS:
            totals[c][0] += sizes[c][0]
            totals[c][1] += sizes[c][1]
    raw_all = sum(v[0] for v in totals.values())
    gz_all = sum(v[1] for v in totals.values())
    print(
        f"{'TOTAL (' + str(len(rows)) + ' pages)':40} "
        + " ".join(f"{kb(totals[c][0])}/{kb(totals[c][1]).strip():>7}" for c in COLUMNS)
        + f" {kb(raw_all)}/{kb(gz_all).strip():>7}"
    )
    over = [p for p, s in rows.items() if sum(v[1] for v in s.values()) > BUDGET_GZIP]
    print(f"pages over budget: {len(over)}" + (f" ({', '.join(over)})" if over else ""))
    if args.json:
        args.json.write_text(json.dumps({"budget_gzip": BUDGET_GZIP, "pages": rows}, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
