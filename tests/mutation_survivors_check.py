"""Compare a finished `make mutate` run with tests/mutation-survivors.yaml: every mutant the tests did not kill
must be listed there with the reason it is equivalent, and every listed one must still survive.

Usage: python tests/mutation_survivors_check.py mutants/survivors.txt (the output of `mutmut results`).
Exit status 0 when the two agree, 1 otherwise (the names to fix are printed).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

SURVIVORS = Path(__file__).resolve().parent / "mutation-survivors.yaml"
# A line of `mutmut results`: every mutant that was not killed, with what happened to it.
RESULT_LINE = re.compile(r"^\s*(?P<name>\S+): (?P<status>.+?)\s*$")


def disagreements(results: str, listed: set[str]) -> list[str]:
    """What to fix: unlisted survivors, and listed mutants that no longer survive (or were renamed)."""
    not_killed = {m["name"]: m["status"] for m in map(RESULT_LINE.match, results.splitlines()) if m}
    unlisted = [
        f"kill with a test, or list with the reason it is equivalent: {name}: {status}"
        for name, status in sorted(not_killed.items())
        if name not in listed
    ]
    gone = [f"listed but no longer surviving (or renamed): {name}" for name in sorted(listed - set(not_killed))]
    return unlisted + gone


def main(path: str) -> int:
    data = yaml.safe_load(SURVIVORS.read_text(encoding="utf-8")) or {}
    listed = {entry["mutant"] for entry in data.get("survivors") or []}
    problems = disagreements(Path(path).read_text(encoding="utf-8"), listed)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
