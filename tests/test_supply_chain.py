"""Supply chain of the build: pinned actions, no persisted token, unbroken deploys, locked requirements.

Each check is a function of a path that returns the problems it finds (an empty list when all is well), so the
same checks run against the repository's files here and against any other copy (an older commit, a fixture).
No network: everything is read from disk.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
LOCK_FILES = sorted((ROOT / "requirements").glob("*.txt"))
MAKEFILE = ROOT / "Makefile"

# owner/repo or owner/repo/path, then @ and a full commit SHA, then a comment naming the release.
PINNED_USES = re.compile(
    r"^\s*(?:-\s+)?uses:\s*"
    r"(?P<ref>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[^\s@]+)?@[0-9a-f]{40})"
    r"\s+#\s*v\d[^\s]*\s*$"
)
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)")
# A workflow-level cancel that can only be true for pull requests, never for the push that deploys.
PULL_REQUEST_ONLY = re.compile(r"^\$\{\{\s*github\.event_name\s*==\s*'pull_request'\s*\}\}$")

LOCKED_REQUIREMENT = re.compile(
    r"^(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)==(?P<version>[^\s;=\\]+)"
    r"(?:\s*;[^-]*?)?"  # an optional environment marker
    r"(?P<hashes>(?:\s+--hash=sha256:[0-9a-f]{64})+)\s*$"
)
FORBIDDEN_OPTIONS = ("--index-url", "--extra-index-url", "--find-links", "--trusted-host", "-i", "-f")
LOCAL_PATH = re.compile(r"(?:^|[\s=])(?:/|~/|[A-Za-z]:[\\/])")
LOCK_FLAGS = ("--no-emit-index-url", "--no-emit-find-links")


def _workflow_files(directory: Path) -> list[Path]:
    return sorted([*directory.glob("*.yml"), *directory.glob("*.yaml")])


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _jobs(workflow: Any) -> dict[str, Any]:
    return (workflow or {}).get("jobs") or {}


def _uses_in_tree(workflow: Any) -> list[str]:
    """Every `uses:` of the workflow: steps' actions and jobs' reusable workflows."""
    found = []
    for job in _jobs(workflow).values():
        if "uses" in job:
            found.append(job["uses"])
        found += [step["uses"] for step in job.get("steps") or [] if "uses" in step]
    return found


# --- the checks ------------------------------------------------------------------------------------------


def unpinned_actions(workflow: Path) -> list[str]:
    """`uses:` lines that are not owner/repo(/path)@<40-hex SHA> # v<version> (local ./actions excepted)."""
    problems = []
    lines = workflow.read_text(encoding="utf-8").splitlines()
    refs_on_lines = []
    for number, line in enumerate(lines, start=1):
        match = USES_LINE.match(line)
        if not match:
            continue
        refs_on_lines.append(match["ref"].strip("'\""))
        if match["ref"].startswith("./"):
            continue
        if not PINNED_USES.match(line):
            problems.append(f"{workflow.name}:{number}: {line.strip()}")
    # A `uses:` written another way (flow style, quoted key) would escape the line check: count them all.
    in_tree = _uses_in_tree(_load(workflow))
    if sorted(in_tree) != sorted(refs_on_lines):
        problems.append(f"{workflow.name}: uses {sorted(in_tree)} not each on its own `uses:` line")
    return problems


def checkouts_keeping_credentials(workflow: Path) -> list[str]:
    """actions/checkout steps without `with: persist-credentials: false`."""
    problems = []
    for job_name, job in _jobs(_load(workflow)).items():
        for index, step in enumerate(job.get("steps") or []):
            if not str(step.get("uses", "")).startswith("actions/checkout@"):
                continue
            value = (step.get("with") or {}).get("persist-credentials")
            if value is not False and str(value).lower() != "false":
                problems.append(f"{workflow.name}: job {job_name}, step {index}: persist-credentials is {value!r}")
    return problems


def deploy_cancellation_risks(workflow: Path) -> list[str]:
    """Ways a deployment in progress could be cancelled by a newer run."""
    data = _load(workflow)
    deploy_jobs = {
        name: job
        for name, job in _jobs(data).items()
        if any(str(step.get("uses", "")).startswith("actions/deploy-pages@") for step in job.get("steps") or [])
    }
    if not deploy_jobs:
        return []
    problems = []
    top = (data or {}).get("concurrency")
    if isinstance(top, dict):
        cancel = top.get("cancel-in-progress", False)
        if cancel is not False and not PULL_REQUEST_ONLY.match(str(cancel)):
            problems.append(f"{workflow.name}: workflow concurrency cancel-in-progress is {cancel!r}")
    for name, job in deploy_jobs.items():
        concurrency = job.get("concurrency")
        if not isinstance(concurrency, dict) or not concurrency.get("group"):
            problems.append(f"{workflow.name}: job {name} has no concurrency group of its own")
        elif concurrency.get("cancel-in-progress", False) is not False:
            problems.append(f"{workflow.name}: job {name} cancel-in-progress is {concurrency['cancel-in-progress']!r}")
    return problems


def dependabot_gaps(config: Path) -> list[str]:
    """What the Dependabot configuration misses: it must parse and cover github-actions (/) and pip."""
    if not config.is_file():
        return [f"{config} is missing"]
    data = _load(config)
    if not isinstance(data, dict) or data.get("version") != 2:
        return [f"{config.name}: version is not 2"]
    problems = []
    updates = data.get("updates") or []
    wanted = {"github-actions": "/", "pip": "/requirements"}
    for ecosystem, directory in wanted.items():
        entries = [entry for entry in updates if entry.get("package-ecosystem") == ecosystem]
        if not entries:
            problems.append(f"{config.name}: no {ecosystem} entry")
            continue
        for entry in entries:
            directories = entry.get("directories") or [entry.get("directory")]
            if directory not in directories:
                problems.append(f"{config.name}: {ecosystem} does not look in {directory}")
            if not (entry.get("schedule") or {}).get("interval"):
                problems.append(f"{config.name}: {ecosystem} has no schedule")
    return problems


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Lines with backslash continuations joined and comments dropped, each with its first line number."""
    result, pending, start = [], "", 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0] if not raw.lstrip().startswith("#") else ""
        if not pending:
            start = number
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        logical = (pending + line).strip()
        pending = ""
        if logical:
            result.append((start, logical))
    if pending.strip():
        result.append((start, pending.strip()))
    return result


def lock_file_problems(lock_file: Path) -> list[str]:
    """Index or find-links options, local paths, and requirements not pinned with a sha256 hash."""
    problems = []
    text = lock_file.read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), start=1):
        if "file://" in raw:
            problems.append(f"{lock_file.name}:{number}: file:// URL: {raw.strip()}")
    for number, line in _logical_lines(text):
        where = f"{lock_file.name}:{number}"
        if line.startswith("-"):
            option = re.split(r"[\s=]", line, maxsplit=1)[0]
            if option in FORBIDDEN_OPTIONS:
                problems.append(f"{where}: index or find-links option: {line}")
            else:
                problems.append(f"{where}: option line in a lock file: {line}")
            continue
        if LOCAL_PATH.search(line.split("--hash", 1)[0]):
            problems.append(f"{where}: local path: {line}")
            continue
        if not LOCKED_REQUIREMENT.match(line):
            problems.append(f"{where}: not name==version with --hash=sha256: {line[:120]}")
    return problems


def makefile_lock_problems(makefile: Path) -> list[str]:
    """The `lock` target must call pip-compile so that no index URL or find-links path reaches a lock file."""
    recipe, inside = [], False
    for line in makefile.read_text(encoding="utf-8").splitlines():
        if re.match(r"^lock\s*:", line):
            inside = True
            continue
        if inside:
            if line.startswith("\t"):
                recipe.append(line)
            elif line.strip() and not line.startswith("#"):
                break
    compiles = [line for line in recipe if "pip-compile" in line]
    if not compiles:
        return [f"{makefile.name}: the lock target does not run pip-compile"]
    return [
        f"{makefile.name}: pip-compile without {flag}: {line.strip()}"
        for line in compiles
        for flag in LOCK_FLAGS
        if flag not in line.split()
    ]


# --- the repository passes them -------------------------------------------------------------------------


def test_there_are_workflows_and_lock_files_to_check() -> None:
    assert _workflow_files(WORKFLOWS)
    assert {path.name for path in LOCK_FILES} >= {"site.txt", "test.txt"}


@pytest.mark.parametrize("workflow", _workflow_files(WORKFLOWS), ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_sha_with_its_version(workflow: Path) -> None:
    assert unpinned_actions(workflow) == []


@pytest.mark.parametrize("workflow", _workflow_files(WORKFLOWS), ids=lambda path: path.name)
def test_checkout_never_persists_the_token(workflow: Path) -> None:
    assert checkouts_keeping_credentials(workflow) == []


def test_a_deployment_in_progress_is_never_cancelled() -> None:
    workflow = WORKFLOWS / "pages.yml"
    assert any(
        str(step.get("uses", "")).startswith("actions/deploy-pages@")
        for job in _jobs(_load(workflow)).values()
        for step in job.get("steps") or []
    )
    assert deploy_cancellation_risks(workflow) == []


def test_dependabot_updates_actions_and_python_requirements() -> None:
    assert dependabot_gaps(DEPENDABOT) == []


@pytest.mark.parametrize("lock_file", LOCK_FILES, ids=lambda path: path.name)
def test_lock_file_pins_every_requirement_with_hashes_and_no_index(lock_file: Path) -> None:
    assert lock_file_problems(lock_file) == []


def test_make_lock_keeps_index_urls_and_find_links_out() -> None:
    assert makefile_lock_problems(MAKEFILE) == []


# --- and the checks catch what they are for -------------------------------------------------------------

OLD_STYLE_WORKFLOW = """\
name: Site
on: {push: {branches: [main]}, pull_request: }
concurrency:
  group: pages-${{ github.ref }}
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa
        with: {path: site}
      - {uses: "actions/setup-python@v5"}
  deploy:
    needs: [build]
    runs-on: ubuntu-latest
    steps:
      - uses: actions/deploy-pages@v4 # v4.0.5
"""


def test_the_checks_reject_tags_missing_comments_kept_tokens_and_cancelled_deploys(tmp_path: Path) -> None:
    workflow = tmp_path / "pages.yml"
    workflow.write_text(OLD_STYLE_WORKFLOW, encoding="utf-8")
    pins = unpinned_actions(workflow)
    assert any("actions/checkout@v4" in problem for problem in pins)
    assert any("upload-pages-artifact@56afc609" in problem for problem in pins)  # a SHA, but no version comment
    assert any("deploy-pages@v4" in problem for problem in pins)
    assert any("not each on its own" in problem for problem in pins)  # the flow-style step
    assert len(checkouts_keeping_credentials(workflow)) == 1
    risks = deploy_cancellation_risks(workflow)
    assert any("workflow concurrency" in problem for problem in risks)
    assert any("no concurrency group" in problem for problem in risks)


def test_the_checks_reject_index_lines_local_paths_and_unhashed_pins(tmp_path: Path) -> None:
    lock = tmp_path / "site.txt"
    lock.write_text(
        "# header\n"
        "--extra-index-url file:///opt/pypi/simple\n"
        "--find-links /opt/wheels\n"
        "-i https://mirror.example/simple\n"
        "babel==2.19.0 \\\n    --hash=sha256:" + "a" * 64 + "\n    # via -r site.in\n"
        "jinja2==3.1.6\n"
        "mkdocs>=1.6 \\\n    --hash=sha256:" + "b" * 64 + "\n"
        "/opt/wheels/nh3-0.3.0-py3-none-any.whl \\\n    --hash=sha256:" + "c" * 64 + "\n",
        encoding="utf-8",
    )
    problems = lock_file_problems(lock)
    assert sum("index or find-links" in problem for problem in problems) == 3
    assert sum("file:// URL" in problem for problem in problems) == 1
    assert any("local path" in problem and "/opt/wheels/nh3" in problem for problem in problems)
    assert any("jinja2==3.1.6" in problem for problem in problems)
    assert any("mkdocs>=1.6" in problem for problem in problems)
    assert not any("babel" in problem for problem in problems)


def test_the_checks_reject_a_lock_target_that_emits_index_urls(tmp_path: Path) -> None:
    makefile = tmp_path / "Makefile"
    makefile.write_text(
        "lock: | x\n\tpip install pip-tools\n"
        "\tcd requirements && pip-compile --generate-hashes --no-emit-index-url -o site.txt site.in\n"
        "\nclean:\n\trm -rf site\n",
        encoding="utf-8",
    )
    assert makefile_lock_problems(makefile) == [
        "Makefile: pip-compile without --no-emit-find-links: "
        "cd requirements && pip-compile --generate-hashes --no-emit-index-url -o site.txt site.in"
    ]


def test_the_checks_reject_a_dependabot_file_without_pip(tmp_path: Path) -> None:
    config = tmp_path / "dependabot.yml"
    config.write_text(
        "version: 2\nupdates:\n  - package-ecosystem: github-actions\n    directory: /\n"
        "    schedule: {interval: weekly}\n",
        encoding="utf-8",
    )
    assert dependabot_gaps(config) == ["dependabot.yml: no pip entry"]
    assert dependabot_gaps(tmp_path / "absent.yml") == [f"{tmp_path / 'absent.yml'} is missing"]
