"""Shared fixtures: scratch projects and a built copy of the real site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from sitebuild import build_real_site_once, copy_project, remove_built_site

# The tests assert the English form of every message (tests/test_messages_id.py asserts the Indonesian one, the
# maintainers' default); set before any test runs, so subprocess builds and checks inherit it too.
os.environ.setdefault("SSO_LANG", "en")
# Builds in the tests make no PDFs (`python -m smartschool build` would): tests/test_pdfs.py builds them once.
os.environ.setdefault("SSO_PDF", "0")

# In CI, property tests use a fixed seed so a run can be repeated exactly; locally they explore anew.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that read the real build carry the marker `built` (`make mutate` leaves them out: each would build the
    whole site again for every mutant)."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.built)


def pytest_sessionfinish(session: pytest.Session) -> None:
    remove_built_site()


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The real site, built once per test session into a temporary folder."""
    return build_real_site_once()


@pytest.fixture
def scratch_project(tmp_path: Path) -> Path:
    """A full copy of the project that a test may change freely."""
    return copy_project(tmp_path / "project")
