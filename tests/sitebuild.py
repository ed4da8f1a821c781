"""Build the project with the real MkDocs: copies of the project, and the real site built once per session."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Tests build the site for a project subpath, as GitHub Pages serves it, and serve it under that path.
SITE_PATH = "/smart-school-online/"
SITE_URL = f"https://example.org{SITE_PATH}"
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "curriculum", "hooks", "overrides", "smartschool")


def copy_project(dest: Path) -> Path:
    """Copy what a build reads into `dest` (the package itself is imported from the installed checkout)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def mkdocs_build(project: Path, site_dir: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build` of `project` into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SSO_BUILD_DATE": "2026-11-28", "SITE_URL": SITE_URL}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=project, env=env, check=False, capture_output=True, text=True, timeout=300)


_BUILT: dict[str, Path] = {}


def build_real_site_once() -> Path:
    """The real site, built once per test session into a temporary folder (also used at collection time)."""
    if "site" not in _BUILT:
        folder = Path(tempfile.mkdtemp(prefix="sso-site-"))
        result = mkdocs_build(ROOT, folder / "site")
        if result.returncode != 0:
            raise RuntimeError(f"building the real site failed:\n{result.stderr}")
        _BUILT["site"] = folder / "site"
    return _BUILT["site"]


def remove_built_site() -> None:
    """Delete the session's build of the real site, if any."""
    site = _BUILT.pop("site", None)
    if site is not None:
        shutil.rmtree(site.parent, ignore_errors=True)


def identical_tree(cmp: filecmp.dircmp) -> bool:
    """Whether the two folders compared hold the same names and byte-identical files, all the way down."""
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(identical_tree(sub) for sub in cmp.subdirs.values())


def make_dry_run(target: str) -> subprocess.CompletedProcess[str]:
    """`make -n <target>` in the project: the commands the target would run, without running them."""
    env = {**os.environ, "MAKEFLAGS": ""}
    return subprocess.run(
        ["make", "-n", target], cwd=ROOT, check=False, capture_output=True, text=True, timeout=60, env=env
    )
