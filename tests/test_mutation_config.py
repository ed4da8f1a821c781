"""`make mutate` is set up as README.md says: mutmut mutates the five rule and model modules, and every mutant the
tests cannot kill is listed, with the reason it is equivalent, in tests/mutation-survivors.yaml.

These checks are fast and run with the suite. A finished run is compared with the list by
tests/mutation_survivors_check.py, which `make mutate` calls (it is no test: it needs the run's output).
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
SURVIVORS = ROOT / "tests" / "mutation-survivors.yaml"
MUTATED = {
    "smartschool/event_rules.py",
    "smartschool/module_rules.py",
    "smartschool/help_rules.py",
    "smartschool/common_rules.py",
    "smartschool/models.py",
}


def _mutmut_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]


def _survivors() -> list[dict]:
    return yaml.safe_load(SURVIVORS.read_text(encoding="utf-8"))["survivors"] or []


def test_the_five_rule_and_model_modules_are_mutated() -> None:
    config = _mutmut_config()
    assert set(config["only_mutate"]) == MUTATED
    assert config["source_paths"] == ["smartschool/"]
    assert all((ROOT / path).is_file() for path in MUTATED)
    # The fast tests only: no build of the site, no browser, one process per mutant.
    selection = config["pytest_add_cli_args_test_selection"]
    assert "tests/test_site_build.py" not in selection and "tests/browser" not in " ".join(selection)
    assert all((ROOT / path).is_file() for path in selection)
    assert config["pytest_add_cli_args"][:2] == ["-n", "0"]


def test_every_listed_survivor_says_why_it_is_equivalent() -> None:
    for entry in _survivors():
        assert set(entry) == {"module", "mutant", "diff", "reason"}, entry
        assert entry["module"] in MUTATED, entry
        module = entry["module"].removesuffix(".py").replace("/", ".")
        assert re.fullmatch(rf"{re.escape(module)}\.\S+__mutmut_\d+", entry["mutant"]), entry["mutant"]
        assert entry["diff"].strip() and entry["reason"].strip(), entry["mutant"]
    names = [entry["mutant"] for entry in _survivors()]
    assert len(names) == len(set(names)), "a mutant is listed twice"


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_mutate_runs_mutmut_from_its_lock_file() -> None:
    dry_run = make_dry_run("mutate")
    assert dry_run.returncode == 0, dry_run.stderr
    assert "mutmut run" in dry_run.stdout
    assert "mutmut results" in dry_run.stdout
    if "pip install" in dry_run.stdout:  # not yet installed here: it comes from the lock file, with hashes
        assert "--require-hashes -r requirements/mutate.txt" in dry_run.stdout
    assert "mutmut==3.8.1" in (ROOT / "requirements" / "mutate.in").read_text(encoding="utf-8")


def test_the_run_check_reports_unlisted_and_stale_survivors() -> None:
    import mutation_survivors_check as check  # tests/ is on the path (rootdir conftest)

    results = "  smartschool.a.x__mutmut_1: survived\n  smartschool.b.y__mutmut_2: survived\n"
    assert check.disagreements(results, {"smartschool.a.x__mutmut_1", "smartschool.c.z__mutmut_3"}) == [
        "kill with a test, or list with the reason it is equivalent: smartschool.b.y__mutmut_2: survived",
        "listed but no longer surviving (or renamed): smartschool.c.z__mutmut_3",
    ]
    assert check.disagreements(results, {"smartschool.a.x__mutmut_1", "smartschool.b.y__mutmut_2"}) == []
