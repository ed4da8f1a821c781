"""Property: any YAML a maintainer might write yields either valid data or our clear problems, never a traceback."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import VALID_EVENT, write_data
from smartschool.problems import Problem
from smartschool.project import validate_project

KEYS = [
    "id",
    "program",
    "title",
    "status",
    "start",
    "end",
    "city",
    "province",
    "organizer",
    "partner_classes",
    "days",
    "follow_up",
    "report",
    "organization",
    "topic",
    "date",
    "audiences",
    "topics",
    "formats",
    "event",
    "folow_up",
    "events",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["2018-03-16", "2018-02-30", "2018-04", "kupang-2018", "ecpat-indonesia", "guru", "held"]),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=30,
)
documents = st.one_of(
    values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
    st.dictionaries(
        st.just("events"), st.lists(st.dictionaries(st.sampled_from(KEYS), values, max_size=13), max_size=3)
    ).map(yaml.safe_dump),
    st.text(max_size=200),
    st.tuples(st.integers(0, len(VALID_EVENT) - 1), st.text(max_size=6)).map(
        lambda cut: VALID_EVENT[: cut[0]] + cut[1] + VALID_EVENT[cut[0] + 1 :]
    ),
)
WELL_FORMED = re.compile(r"^data/(events|organizations)\.yaml:\d+:\d+: .+")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_document_gives_data_or_clear_problems(document: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = write_data(Path(folder), "")
        (root / "data/events.yaml").write_text(document, encoding="utf-8")
        project, problems = validate_project(root)
    assert (project is None) == bool(problems)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 1 and problem.column >= 1
        assert WELL_FORMED.match(str(problem)), str(problem)
        assert "Traceback" not in str(problem)
