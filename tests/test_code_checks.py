"""The code checks (issue #16) are wired as README.md and CONTRIBUTING.md say: `make test` runs `make lint` (ruff's
rules, ruff's formatting check, mypy strict on smartschool/) before pytest; .pre-commit-config.yaml runs the same
three checks from .venv/, with the versions pinned in requirements/test.in and its lock file.

The checks themselves run in `make lint`; these tests keep the three places from drifting apart.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml

from sitebuild import make_dry_run

ROOT = Path(__file__).resolve().parent.parent
LINTED = ("smartschool", "hooks", "tests", "benchmarks", "tools")
CHECKS = (".venv/bin/ruff check", ".venv/bin/ruff format --check", ".venv/bin/mypy")


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _lint_recipe() -> list[str]:
    """The command lines of the Makefile's `lint` target, with `$(BIN)` and `$(LINTED)` spelled out."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    linted = re.search(r"^LINTED\s*:=\s*(.+)$", text, re.M)
    recipe = re.search(r"^lint:.*\n((?:\t.*\n)+)", text, re.M)
    assert linted and recipe, "Makefile: no LINTED variable or no lint target"
    return [
        line.strip().replace("$(BIN)", ".venv/bin").replace("$(LINTED)", linted.group(1).strip())
        for line in recipe.group(1).splitlines()
    ]


def test_make_lint_runs_ruff_check_ruff_format_check_and_mypy_over_the_code() -> None:
    paths = " ".join(LINTED)
    assert _lint_recipe() == [f"{CHECKS[0]} {paths}", f"{CHECKS[1]} {paths}", CHECKS[2]]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_test_runs_the_code_checks_before_pytest() -> None:
    dry_run = make_dry_run("test")
    assert dry_run.returncode == 0, dry_run.stderr
    lines = dry_run.stdout.splitlines()
    order = [next(i for i, line in enumerate(lines) if line.startswith(check)) for check in CHECKS]
    pytest_line = next(i for i, line in enumerate(lines) if line.endswith("-m pytest"))
    assert order == sorted(order) and order[-1] < pytest_line, dry_run.stdout


def test_mypy_is_strict_on_the_package_and_ignores_only_named_untyped_libraries() -> None:
    mypy = _pyproject()["tool"]["mypy"]
    assert mypy["strict"] is True
    assert mypy["files"] == ["smartschool"]
    for override in mypy.get("overrides", []):
        assert set(override) == {"module", "ignore_missing_imports"}, override
        assert all(name.strip("*.") for name in override["module"]), override  # named modules, never "*"


def test_ruff_selects_an_explicit_rule_set_and_says_why_for_each_rule_left_out() -> None:
    lint = _pyproject()["tool"]["ruff"]["lint"]
    assert "ALL" not in lint["select"]
    assert {"E", "W", "F", "I", "UP", "B", "SIM", "RUF"} <= set(lint["select"])
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^ignore = \[\n(.*?)^\]", text, re.M | re.S)
    assert block, "pyproject.toml: no [tool.ruff.lint] ignore list"
    previous = ""
    for line in block.group(1).splitlines():
        if line.strip().startswith('"'):
            assert previous.startswith(("#", '"')), f"no reason given above {line.strip()}"
        previous = line.strip()


def test_pre_commit_runs_the_same_checks_locally_without_network() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert [hook["entry"] for hook in hooks] == list(CHECKS)
    assert {hook["language"] for hook in hooks} == {"system"}
    for hook in hooks[:2]:  # both ruff hooks see the files of the linted folders, and only those
        files = re.compile(hook["files"])
        assert all(files.search(f"{folder}/x.py") for folder in LINTED), hook["id"]
        assert not files.search("docs/x.py") and not files.search("mutants/smartschool/x.py"), hook["id"]
    assert hooks[2]["pass_filenames"] is False  # mypy checks the whole package, as `make lint` does


def test_ruff_and_mypy_are_pinned_in_the_test_requirements_and_their_lock_file() -> None:
    wanted = {}
    for line in (ROOT / "requirements/test.in").read_text(encoding="utf-8").splitlines():
        if match := re.fullmatch(r"(ruff|mypy)==(\S+)", line.strip()):
            wanted[match.group(1)] = match.group(2)
    assert set(wanted) == {"ruff", "mypy"}
    lock = (ROOT / "requirements/test.txt").read_text(encoding="utf-8")
    for name, version in wanted.items():
        assert re.search(rf"^{name}=={re.escape(version)} \\$", lock, re.M), f"{name}=={version} not in test.txt"
