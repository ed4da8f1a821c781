"""In GitHub Actions every problem is also a workflow annotation, so it shows on its line of a pull request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import VALID_EVENT, line_of, write_data
from smartschool.annotations import workflow_command


def test_a_located_problem_becomes_an_error_on_its_line() -> None:
    problem = "data/events.yaml:12:5: event 'kupang-2018': city: bad, expected text"
    assert workflow_command(problem) == (
        "::error file=data/events.yaml,line=12,col=5::event 'kupang-2018': city: bad, expected text"
    )


def test_special_characters_are_escaped_as_github_requires() -> None:
    assert (
        workflow_command("a,b.yaml:1:2: 100% sure\nnext") == "::error file=a%2Cb.yaml,line=1,col=2::100%25 sure%0Anext"
    )
    assert workflow_command("no place here", "warning") == "::warning::no place here"


def _check(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | env
    return subprocess.run(
        [sys.executable, "-m", "smartschool", "--root", str(root), "check"],
        check=False,
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_check_annotates_each_problem_only_in_github_actions(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("    city: Kupang", "    kota: Kupang")
    root = write_data(tmp_path, text)
    plain = _check(root)
    assert plain.returncode == 1 and "::error" not in plain.stdout + plain.stderr
    annotated = _check(root, GITHUB_ACTIONS="true")
    line = line_of(text, "kota: Kupang")
    commands = [out for out in annotated.stdout.splitlines() if out.startswith("::error")]
    assert any(c.startswith(f"::error file=data/events.yaml,line={line},col=5::") and "kota" in c for c in commands)
    assert len(commands) == len([e for e in annotated.stderr.splitlines() if e.startswith("data/")])


def test_the_staged_build_annotates_its_problems(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import io

    from smartschool import publish

    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setattr(publish, "build_staged", lambda build, target, root: ["docs/tentang/index.md:11:3: no"])
    log = io.StringIO()
    assert publish.publish(tmp_path, tmp_path / "site", strict=True, out=log) == 1
    assert "docs/tentang/index.md:11:3: no" in log.getvalue()
    assert capsys.readouterr().out.splitlines() == ["::error file=docs/tentang/index.md,line=11,col=3::no"]
