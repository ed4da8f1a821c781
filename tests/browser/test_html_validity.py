"""HTML validity: the Nu Html Checker (vnu.jar, run with Java) reports no error on any page."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).parent
VNU_JAR = Path(os.environ.get("VNU_JAR", HERE.parent.parent / "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))
ALLOWED = [
    (re.compile(entry["message"]), re.compile(entry["element"]), entry["reason"])
    for entry in yaml.safe_load((HERE / "vnu-allowlist.yaml").read_text("utf-8"))
]
UNMAPPED = "(not a page of the site)"


def flagged_element(message: dict) -> str:
    """The markup the checker points at: the highlighted part of its extract (a start tag, usually)."""
    extract, start = message.get("extract", ""), message.get("hiliteStart", 0)
    return extract[start : start + message.get("hiliteLength", 0)].strip()


def allowed(message: dict) -> bool:
    """An allow-list entry matches both the message and the element it is about."""
    element = flagged_element(message)
    return any(text.search(message["message"]) and tag.search(element) for text, tag, _ in ALLOWED)


def run_vnu(files: list[str]) -> list[dict]:
    """The checker's messages for `files` (it writes its JSON report to stderr)."""
    problem = None if VNU_JAR.is_file() else f"{VNU_JAR} is missing (run `make test`, which installs it)"
    problem = problem or (None if shutil.which("java") else "java is missing (install default-jre-headless)")
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(problem, pytrace=False)
        pytest.skip(problem)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stderr)["messages"]


@cache
def vnu_errors(site: Path) -> dict[str, list[str]]:
    """Run the checker once over every HTML file; map each page's path to its error messages."""
    messages = run_vnu(sorted(str(p) for p in site.rglob("*.html")))
    errors: dict[str, list[str]] = {}
    for message in messages:
        path = Path(message.get("url", "").removeprefix("file:")).resolve()
        rel = path.relative_to(site.resolve()).as_posix() if path.is_relative_to(site.resolve()) else UNMAPPED
        if allowed(message):
            continue
        errors.setdefault(rel, []).append(
            f"line {message.get('lastLine', '?')}: {message['message']} ({flagged_element(message)[:120]})"
        )
    return errors


def test_checker_reports_invalid_html(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text("<!doctype html><html lang=id><title>x</title><p><div></p>", "utf-8")
    assert any("Stray end tag" in m["message"] or "No “p” element" in m["message"] for m in run_vnu([str(bad)]))


def test_allow_list_entries_all_have_reasons() -> None:
    assert ALLOWED and all(reason.strip() for _, _, reason in ALLOWED)


def test_allow_list_excuses_only_the_element_it_names(tmp_path: Path) -> None:
    """The `__toc` entry must not silence a broken `label for` elsewhere (the participant-view toggle, say)."""
    page = tmp_path / "labels.html"
    page.write_text(
        '<!doctype html><html lang=id><title>x</title><input type="checkbox" id="__toc" hidden>'
        '<label class="md-nav__title" for="__toc">a</label>'
        '<label for="sso-participant-view">b</label></html>',
        "utf-8",
    )
    messages = [m for m in run_vnu([str(page)]) if not allowed(m)]
    assert [flagged_element(m) for m in messages] == ['<label for="sso-participant-view">']


def test_every_checker_message_belongs_to_a_page(built_site: Path) -> None:
    """A message whose file cannot be mapped to a page of the build fails here, not silently."""
    assert vnu_errors(built_site).get(UNMAPPED, []) == []


def test_page_is_valid_html(built_site: Path, page_path: str) -> None:
    rel = page_path.lstrip("/")
    rel = rel + "index.html" if rel.endswith("/") or rel == "" else rel
    errors = vnu_errors(built_site).get(rel, [])
    assert errors == [], f"{page_path}: {len(errors)} HTML error(s):\n" + "\n".join(errors)
