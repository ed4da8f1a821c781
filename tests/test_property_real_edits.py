"""Property: the edits a maintainer really makes to the real data and modules (an indent shifted, quotes removed,
a key misspelt, a byte-order mark or Windows line ends added, any Unicode typed into a value) give either valid data
or located messages in Bahasa Indonesia, never a traceback; and a failed build never changes site/."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitebuild import ROOT, copy_project, identical_tree
from smartschool.project import validate_project
from smartschool.publish import publish

FILES = [
    "data/events.yaml",
    "data/help.yaml",
    "data/glossary.yaml",
    "data/organizations.yaml",
    *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "curriculum").glob("*/*.md")),
]
LOCATED = re.compile(r"^(data|curriculum|docs)/[^:]+:(\d+):(\d+): .+")
ENGLISH = re.compile(r"\b(expected|is not|unknown key|missing)\b")


def _shift_indent(text: str, line: int, by: int) -> str:
    lines = text.split("\n")
    index = line % len(lines)
    lines[index] = (
        " " * by + lines[index]
        if by > 0
        else lines[index][min(-by, len(lines[index]) - len(lines[index].lstrip(" "))) :]
    )
    return "\n".join(lines)


def _drop_quotes(text: str, nth: int) -> str:
    quoted = list(re.finditer(r"\"([^\"\n]*)\"|'([^'\n]*)'", text))
    if not quoted:
        return text
    found = quoted[nth % len(quoted)]
    return text[: found.start()] + (found.group(1) or found.group(2) or "") + text[found.end() :]


def _misspell_key(text: str, nth: int) -> str:
    keys = list(re.finditer(r"^(\s*-?\s*)([a-z_]{3,}):", text, re.M))
    if not keys:
        return text
    found = keys[nth % len(keys)]
    return text[: found.start(2)] + found.group(2)[:-1] + text[found.end(2) :]


def _type_into_a_value(text: str, nth: int, typed: str) -> str:
    values = list(re.finditer(r"^(\s*-?\s*[a-z_]+: )([^\n]+)$", text, re.M))
    if not values:
        return text
    found = values[nth % len(values)]
    return text[: found.end(2)] + typed + text[found.end(2) :]


edits = st.one_of(
    st.tuples(st.integers(0, 10_000), st.sampled_from([-4, -2, -1, 1, 2, 4])).map(
        lambda a: ("indent", lambda t: _shift_indent(t, *a))
    ),
    st.integers(0, 10_000).map(lambda n: ("quotes", lambda t: _drop_quotes(t, n))),
    st.integers(0, 10_000).map(lambda n: ("key", lambda t: _misspell_key(t, n))),
    st.just(("bom", lambda t: "\ufeff" + t)),
    st.just(("crlf", lambda t: t.replace("\n", "\r\n"))),
    st.tuples(st.integers(0, 10_000), st.text(min_size=1, max_size=8)).map(
        lambda a: ("unicode", lambda t: _type_into_a_value(t, a[0], a[1]))
    ),
)

_PROJECT: dict[str, Path] = {}


def _pristine() -> Path:
    """One copy of the project per session; each example restores the file it edited."""
    if "root" not in _PROJECT:
        _PROJECT["root"] = copy_project(Path(tempfile.mkdtemp(prefix="sso-edits-")) / "project")
    return _PROJECT["root"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(FILES), edit=edits)
def test_an_edit_gives_valid_data_or_located_indonesian_messages(file: str, edit: tuple) -> None:
    root = _pristine()
    path = root / file
    original = path.read_bytes()
    try:
        path.write_bytes(edit[1](original.decode("utf-8")).encode("utf-8"))
        os.environ["SSO_LANG"] = "id"
        _, problems = validate_project(root)  # must not raise
        for problem in problems:
            text = str(problem)
            found = LOCATED.match(text)
            assert found, f"{edit[0]} in {file}: not located: {text}"
            assert int(found.group(2)) >= 1 and int(found.group(3)) >= 1, text
            assert not ENGLISH.search(problem.message), f"{edit[0]} in {file}: English: {text}"
    finally:
        os.environ["SSO_LANG"] = "en"
        path.write_bytes(original)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(FILES), edit=edits)
def test_a_failed_build_never_changes_the_site(file: str, edit: tuple) -> None:
    root = _pristine()
    site = root / "site"
    if not site.exists():
        with Path(os.devnull).open("w") as quiet:
            assert publish(root, site, strict=True, out=quiet) == 0
    before = Path(tempfile.mkdtemp(prefix="sso-before-")) / "site"
    shutil.copytree(site, before)
    path = root / file
    original = path.read_bytes()
    status = None
    try:
        path.write_bytes(edit[1](original.decode("utf-8")).encode("utf-8"))
        with Path(os.devnull).open("w") as quiet:
            status = publish(root, site, strict=True, out=quiet)
        if status != 0:
            assert identical_tree(filecmp.dircmp(before, site)), f"{edit[0]} in {file} changed site/"
    finally:
        path.write_bytes(original)
        shutil.rmtree(before.parent, ignore_errors=True)
        if status == 0:  # an accepted edit was built: build the pristine project again for the next example
            with Path(os.devnull).open("w") as quiet:
                assert publish(root, site, strict=True, out=quiet) == 0
