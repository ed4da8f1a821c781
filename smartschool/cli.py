"""The command-line interface of the project's tools."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .annotations import in_github_actions, workflow_command
from .buildinfo import build_date
from .messages import noun, say
from .project import validate_project
from .schemas import stale_schemas, write_schemas


def _check(args: argparse.Namespace) -> int:
    project, problems = validate_project(Path(args.root), build_date())
    annotate = in_github_actions()
    if problems:
        for problem in sorted(problems):
            print(problem, file=sys.stderr)
            if annotate:
                print(workflow_command(str(problem)))
        print(say("summary.found", count=len(problems), noun=noun(len(problems))), file=sys.stderr)
        return 1
    assert project is not None
    for warning in project.warnings:
        print(say("summary.warning", problem=warning), file=sys.stderr)
        if annotate:
            print(workflow_command(str(warning), "warning"))
    print(
        say(
            "summary.ok",
            events=len(project.events),
            modules=len(project.lessons),
            organisations=len(project.organizations),
        )
    )
    return 0


def _schemas(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if args.check:
        stale = stale_schemas(root)
        for name in stale:
            print(f"data/schemas/{name} is out of date: run `python -m smartschool schemas`", file=sys.stderr)
        return 1 if stale else 0
    for path in write_schemas(root):
        print(f"wrote {path}")
    return 0


def _build(args: argparse.Namespace) -> int:
    from .publish import publish  # the page and template modules it needs are not loaded for `check`

    root = Path(args.root).resolve()
    site_dir = Path(args.site_dir)
    os.environ.setdefault("SSO_PDF", "1")  # the published site has its PDFs (smartschool.pdfs); SSO_PDF=0: none
    return publish(root, (site_dir if site_dir.is_absolute() else root / site_dir).resolve(), strict=args.strict)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m smartschool", description=__doc__)
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate all data files").set_defaults(run=_check)
    schemas = commands.add_parser("schemas", help="write the JSON Schemas of the data files to data/schemas/")
    schemas.add_argument("--check", action="store_true", help="only report schemas that are out of date")
    schemas.set_defaults(run=_schemas)
    build = commands.add_parser(
        "build",
        help="build the site into a new folder next to site/ and swap it in only "
        "when the whole build succeeds; on any failure site/ stays as it was",
    )
    build.add_argument("--strict", action="store_true", help="a MkDocs warning fails the build (as mkdocs --strict)")
    build.add_argument(
        "--site-dir", default="site", help="the folder to publish into, relative to --root (default: site)"
    )
    build.set_defaults(run=_build)
    args = parser.parse_args(argv)
    return int(args.run(args))
