"""Helpers for the tests of the staged build (`python -m smartschool build`): a build as `make site` runs it, a
known-good site to break, and how MkDocs and mkdocs-macros raise a page's error."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from sitebuild import SITE_URL, copy_project


def staged_build(project: Path, *, maintainers_language: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m smartschool build --strict` of `project`, into its site/, as `make site` runs it; with
    `maintainers_language`, in the maintainers' default language (SSO_LANG unset) instead of the tests' English."""
    env = {key: value for key, value in os.environ.items() if not (maintainers_language and key == "SSO_LANG")}
    env.update(NO_MKDOCS_2_WARNING="1", SSO_BUILD_DATE="2026-11-28", SITE_URL=SITE_URL)
    command = [sys.executable, "-m", "smartschool", "--root", str(project), "build", "--strict"]
    return subprocess.run(command, cwd=project, env=env, check=False, capture_output=True, text=True, timeout=600)


def build_good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/ as a staged build of an unchanged copy of the project made it (for a module-scoped fixture)."""
    project = copy_project(tmp_path_factory.mktemp("good") / "project")
    result = staged_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def copy_with_site(good_site: Path, tmp_path: Path) -> Path:
    """A copy of the project whose site/ is the good build, for a test to break."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(good_site, project / "site", symlinks=True)
    return project


def raised_on_page(src_uri: str, path: Path | None, action: Callable[[], object]) -> BaseException:
    """Run `action` as MkDocs runs a page's work: with the page in a local named `page` (mkdocs.commands.build)."""
    page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, abs_src_path=str(path) if path else None))
    try:
        action()
    except BaseException as error:
        assert page.file.src_uri == src_uri
        return error
    raise AssertionError("nothing was raised")


def render_like_macros(markdown: str) -> None:
    """mkdocs-macros with on_error_fail: render the page's Markdown as a template, exit on any error."""
    try:
        jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(markdown).render()
    except Exception:
        sys.exit(100)
