"""Benchmark: validation and build time, page sizes, search index and memory at growing project sizes.

`make bench` runs it. For each size (N events, M modules) it builds a synthetic copy of the real project in a
temporary folder and times: validation alone; the full build (hooks and macros, Pagefind's indexing included); and
a plain MkDocs build of the same pages pre-rendered to static Markdown with the same theme and configuration,
followed by the same Pagefind pass over its output (`pagefind --site`, as any site that adds Pagefind runs it). Each
build runs several times, full and plain interleaved, and the best time counts (wall clock, and CPU time of the
build and of the processes it starts, Pagefind among them, which a busy machine disturbs less). It prints one
table, writes it as JSON, and asserts nothing about time.

PDFs (`make site` makes them; the sized builds above do not): the real project is built with and without them,
and the difference is reported in seconds (wall and CPU) with the PDFs' count and bytes.

Search: the size of the Pagefind bundle (`site/pagefind/`: index chunks, result fragments, filters, metadata,
script and WebAssembly), and what one one-word query downloads, measured in Chromium (the test dependencies): the
site is served locally, the search dialog is opened and the word typed at once, and every response under
`pagefind/` is counted gzip-compressed (files Pagefind already gzips count as they are). That is Pagefind's script,
its WebAssembly, the metadata, the index chunk(s) holding the word and the fragments of the results shown.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dump_markdown import NAV_FILE
from smartschool.project import validate_project
from smartschool.search_index import BUNDLE, index_site
from synthetic import ROOT, make_project, write_events

SIZES = [(10, 20), (100, 200), (1000, 1000)]
HERE = Path(__file__).resolve().parent
# One-word queries: a word of a few pages' help sections, and the most common word of the site.
QUERIES = ("lapor", "anak")


def children_cpu() -> float:
    """CPU seconds of the processes this one has started and waited for (their own children included)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(config: Path, site: Path, env: dict[str, str], *, index: bool = False) -> tuple[float, int, float]:
    """Wall seconds, peak KiB and CPU seconds of one `mkdocs build --strict` (and, if `index`, a Pagefind pass over
    its output: the plain baseline; the full build runs Pagefind itself)."""
    started, cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), "-q", "--strict", "-f", str(config), "-d", str(site)],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        cwd=config.parent,
    )
    if result.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{result.stderr[-3000:]}")
    if index:
        index_site(site)
    seconds = time.perf_counter() - started
    _, peak, _, _ = result.stdout.strip().splitlines()[-1].split()
    return seconds, int(peak), children_cpu() - cpu


def build_env() -> dict[str, str]:
    """The builds' environment. Bytecode caching stays on even where the shell turns it off
    (PYTHONDONTWRITEBYTECODE): installed libraries were byte-compiled by pip, so without a cache only this
    project's modules would be compiled afresh on every build, a cost no normal install pays."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SSO_BUILD_DATE": "2026-11-28", "SSO_PDF": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def pdf_figures(work: Path, repeat: int = 2) -> dict[str, float]:
    """What the PDFs cost (smartschool.pdfs): the real project built with `SSO_PDF=1` and with `SSO_PDF=0`,
    interleaved, best of `repeat` each; the difference in wall and CPU seconds, and the PDFs' count and bytes."""
    config, env = ROOT / "mkdocs.yml", build_env()
    with_pdfs, without = [], []
    for _ in range(repeat):
        with_pdfs.append(build(config, work / "pdf-on", {**env, "SSO_PDF": "1"}))
        without.append(build(config, work / "pdf-off", env))
    pdfs = [p.stat().st_size for p in (work / "pdf-on").rglob("*.pdf")]
    return {
        "pdf_count": len(pdfs),
        "pdf_bytes": sum(pdfs),
        "pdf_max_bytes": max(pdfs, default=0),
        "pdf_s": min(run[0] for run in with_pdfs) - min(run[0] for run in without),
        "pdf_cpu_s": min(run[2] for run in with_pdfs) - min(run[2] for run in without),
        "build_with_pdfs_s": min(run[0] for run in with_pdfs),
    }


def _drop_block(lines: list[str], header: str, indent: str) -> list[str]:
    """Remove the line equal to `header` and the lines under it that start with `indent`."""
    out, skipping = [], False
    for line in lines:
        if line == header:
            skipping = True
            continue
        if skipping and line.startswith(indent):
            continue
        skipping = False
        out.append(line)
    return out


def plain_config(project: Path, docs: Path) -> Path:
    """The same mkdocs.yml without our hooks, the macros plugin and the watch list, over pre-rendered Markdown,
    with the navigation our hooks produced (ordered and trimmed) written out as an explicit `nav:`."""
    lines = (project / "mkdocs.yml").read_text("utf-8").splitlines()
    lines = _drop_block(lines, "hooks:", "  - ")
    lines = _drop_block(lines, "watch:", "  - ")
    lines = _drop_block(lines, "  - macros:", "      ")
    text = "\n".join(lines).replace("docs_dir: docs", f"docs_dir: {docs}") + "\n"
    # Pages a trimmed section leaves out of the menu are not an error here, as they are not in the real build.
    text = text.replace("    omitted_files: warn", "    omitted_files: info")
    nav = yaml.safe_load((docs / NAV_FILE).read_text("utf-8"))
    text += yaml.safe_dump({"nav": nav}, allow_unicode=True)
    out = project / "mkdocs-plain.yml"
    out.write_text(text, "utf-8")
    return out


def site_figures(site: Path) -> dict[str, float]:
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    bundle = [p for p in (site / BUNDLE).rglob("*") if p.is_file()]
    return {
        "pages": len(pages),
        "html_median_kb": statistics.median(pages) / 1024,
        "html_max_kb": max(pages) / 1024,
        "site_mb": total / 1024 / 1024,
        "search_index_mb": sum(p.stat().st_size for p in bundle) / 1024 / 1024,
        "search_files": len(bundle),
    }


def gzip_size(body: bytes) -> int:
    """Bytes on the wire when served gzip-compressed; Pagefind's own files are gzip already."""
    return len(body) if body[:2] == b"\x1f\x8b" else len(gzip.compress(body, compresslevel=6))


def query_figures(site: Path, words: tuple[str, ...] = QUERIES) -> dict[str, dict[str, float]]:
    """For each word: KB (gzip) of everything under pagefind/ that opening search and one query for it fetch, and
    how many index chunks and fragments that was. Empty without Playwright and Chromium (`make test` installs
    them)."""
    try:
        sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests/browser")]
        from playwright.sync_api import sync_playwright

        from sitepages import CHROMIUM, CHROMIUM_ARGS, chromium_problem, serve
    except ImportError:
        return {}
    if chromium_problem():
        return {}
    figures = {}
    with serve(site, "/smart-school-online/") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for word in words:
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            responses = []
            page.goto(base + "/", wait_until="networkidle")
            context.on("response", responses.append)
            page.locator("[data-sso-search-open]").click()
            page.locator("#sso-search-input").fill(word)
            page.locator("[data-sso-search-status]").filter(has_text="Ditemukan").wait_for(timeout=60_000)
            page.wait_for_load_state("networkidle")
            fetched = [
                (r.url.split(f"/{BUNDLE}/", 1)[1], gzip_size(r.body()))
                for r in responses
                if f"/{BUNDLE}/" in r.url and r.ok
            ]
            figures[word] = {
                "kb": sum(size for _, size in fetched) / 1024,
                "chunks": sum(1 for name, _ in fetched if name.startswith("index/")),
                "fragments": sum(1 for name, _ in fetched if name.startswith("fragment/")),
                "files": len(fetched),
            }
            context.close()
        browser.close()
    return figures


def time_validation(project: Path, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        _, problems = validate_project(project)
        best = min(best, time.perf_counter() - started)
        assert not problems, problems[:3]
    return best


def repeats_for(events: int, modules: int) -> int:
    """Builds per variant: best-of-N hides a busy machine's noise; the largest size runs twice."""
    return 10 if events + modules < 100 else 4 if events + modules < 1000 else 2


def run_size(events: int, modules: int, work: Path) -> dict[str, float]:
    project = make_project(work / f"p-{events}-{modules}", events, modules)
    dump = work / f"dump-{events}-{modules}"
    env = build_env()
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "  - hooks/exports.py\n", f"  - hooks/exports.py\n  - {HERE / 'dump_markdown.py'}\n"
        )
    )
    validation = time_validation(project)
    site = work / f"site-{events}-{modules}"
    # Writes the pages for the plain baseline, and warms the bytecode cache of the project's modules.
    build(config, site, {**env, "SSO_DUMP_MARKDOWN": str(dump)})
    shutil.copytree(project / "docs/assets", dump / "assets", dirs_exist_ok=True)
    plain = plain_config(project, dump)
    full_runs, plain_runs = [], []
    for _ in range(repeats_for(events, modules)):  # interleaved, so a slow spell hits both variants alike
        full_runs.append(build(config, site, env))
        plain_runs.append(build(plain, work / f"plain-{events}-{modules}", env, index=True))
    full_s, full_peak, _ = min(full_runs)
    plain_s, plain_peak, _ = min(plain_runs)
    full_cpu, plain_cpu = min(run[2] for run in full_runs), min(run[2] for run in plain_runs)
    figures = site_figures(site)
    figures["queries"] = query_figures(site)
    return {
        "events": events,
        "modules": modules,
        "validation_s": validation,
        "build_s": full_s,
        "plain_build_s": plain_s,
        "overhead": full_s / plain_s - 1,
        "build_cpu_s": full_cpu,
        "plain_cpu_s": plain_cpu,
        "cpu_overhead": full_cpu / plain_cpu - 1,
        "per_page_ms": 1000 * full_s / figures["pages"],
        "peak_mb": full_peak / 1024,
        "plain_peak_mb": plain_peak / 1024,
        "runs": len(full_runs),
        **figures,
    }


def run_validation_only(events: int, modules: int, work: Path) -> float:
    project = make_project(work / f"v-{events}-{modules}", 1, modules)
    module_ids = [p.stem for p in (project / "curriculum").glob("*/*.md")]
    write_events(project, events, module_ids)
    return time_validation(project)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes", default=",".join(f"{n}x{m}" for n, m in SIZES), help="comma-separated NxM sizes (events x modules)"
    )
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks/results/bench.json")
    args = parser.parse_args()
    sizes = [tuple(int(x) for x in size.split("x")) for size in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="sso-bench-") as folder:
        for events, modules in sizes:
            print(f"building {events} events × {modules} modules …", file=sys.stderr, flush=True)
            rows.append(run_size(events, modules, Path(folder)))
        print("validating 10000 events × 1000 modules …", file=sys.stderr, flush=True)
        big_validation = run_validation_only(10_000, 1_000, Path(folder))
        print("building the real project with and without its PDFs …", file=sys.stderr, flush=True)
        pdf = pdf_figures(Path(folder))

    header = (
        "events",
        "modules",
        "pages",
        "validate s",
        "build s",
        "plain s",
        "overhead",
        "cpu overhead",
        "ms/page",
        "html med KB",
        "html max KB",
        "site MB",
        "search MB",
        *(f"query '{w}' KB" for w in QUERIES),
        "peak MB",
    )
    print(" | ".join(header))
    for r in rows:
        queries = [
            (
                f"{r['queries'][w]['kb']:.0f} ({r['queries'][w]['chunks']} chunk, "
                f"{r['queries'][w]['fragments']} fragments)"
            )
            if w in r["queries"]
            else "n/a"
            for w in QUERIES
        ]
        print(
            " | ".join(
                [
                    f"{r['events']}",
                    f"{r['modules']}",
                    f"{r['pages']}",
                    f"{r['validation_s']:.3f}",
                    f"{r['build_s']:.1f}",
                    f"{r['plain_build_s']:.1f}",
                    f"{r['overhead']:+.0%}",
                    f"{r['cpu_overhead']:+.0%}",
                    f"{r['per_page_ms']:.1f}",
                    f"{r['html_median_kb']:.1f}",
                    f"{r['html_max_kb']:.1f}",
                    f"{r['site_mb']:.1f}",
                    f"{r['search_index_mb']:.2f}",
                    *queries,
                    f"{r['peak_mb']:.0f}",
                ]
            )
        )
    if not all(r["queries"] for r in rows):
        print("query sizes: n/a (they are measured in Chromium: install the test dependencies, `make test`)")
    print(f"validation of 10000 events and 1000 modules: {big_validation:.2f} s")
    print(
        f"PDFs of the real project: {pdf['pdf_count']} files, {pdf['pdf_bytes'] / 1024:.0f} KB "
        f"(largest {pdf['pdf_max_bytes'] / 1024:.0f} KB); +{pdf['pdf_s']:.1f} s wall, +{pdf['pdf_cpu_s']:.1f} s CPU "
        f"(build with PDFs {pdf['build_with_pdfs_s']:.1f} s)"
    )
    by_size = {(r["events"], r["modules"]): r for r in rows}
    if (100, 200) in by_size and (1000, 1000) in by_size:
        ratio = by_size[(1000, 1000)]["per_page_ms"] / by_size[(100, 200)]["per_page_ms"]
        print(f"time per page at 1000×1000 vs 100×200: {ratio:.2f}×")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"machine: {machine}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps({"machine": machine, "rows": rows, "validation_10000x1000_s": big_validation, "pdf": pdf}, indent=2),
        "utf-8",
    )
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
