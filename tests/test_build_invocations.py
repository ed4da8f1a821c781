"""The build works however MkDocs is told where mkdocs.yml is: `mkdocs build -f mkdocs.yml` gives the hooks a
relative path, whose parent is `.` (it used to end in a traceback from hooks/page_dates.py), and a path through a
linked folder must not be resolved away from the docs_dir MkDocs derives from it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import copy_project


@pytest.mark.parametrize(
    ("folder", "config"),
    [("project", "mkdocs.yml"), ("elsewhere", "../project/mkdocs.yml"), ("elsewhere", "../linked/mkdocs.yml")],
)
def test_a_relative_config_path_builds(tmp_path: Path, folder: str, config: str) -> None:
    # `linked` is a symbolic link to the project: MkDocs keeps the link in docs_dir, so the project's root must too.
    copy_project(tmp_path / "project")
    (tmp_path / "linked").symlink_to(tmp_path / "project", target_is_directory=True)
    (tmp_path / "elsewhere").mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SSO_LANG": "en", "SSO_PDF": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(tmp_path / "site")],
        cwd=tmp_path / folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "pagefind").is_dir()
