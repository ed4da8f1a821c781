"""Versioned exports: each `/data/<name>.json` names its schema and format version, and validates against the
schema published next to it; robots.txt points to the sitemap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from sitebuild import SITE_URL
from smartschool.export_formats import FORMAT_VERSION, export_schema

NAMES = ["events", "modules", "organizations"]


@pytest.mark.parametrize("name", NAMES)
def test_export_validates_against_its_published_schema(built_site: Path, name: str) -> None:
    export = json.loads((built_site / f"data/{name}.json").read_text("utf-8"))
    published = json.loads((built_site / f"data/{name}.schema.json").read_text("utf-8"))
    assert export["$schema"] == f"{SITE_URL}data/{name}.schema.json"  # the address it is published at
    assert export["version"] == FORMAT_VERSION == 1
    Draft202012Validator.check_schema(published)
    errors = [e.message for e in Draft202012Validator(published, format_checker=FormatChecker()).iter_errors(export)]
    assert errors == [] and export["items"]


def test_the_schema_refuses_an_export_of_another_version_or_an_unknown_field(built_site: Path) -> None:
    export = json.loads((built_site / "data/events.json").read_text("utf-8"))
    validator = Draft202012Validator(export_schema("events"))
    assert not list(validator.iter_errors(export))
    assert list(validator.iter_errors({**export, "version": 2}))
    renamed = {**export, "items": [{**export["items"][0], "kota": "Kupang"}]}
    assert list(validator.iter_errors(renamed))  # an unknown field is an error, as in the data files
    without_url = {**export, "items": [{k: v for k, v in export["items"][0].items() if k != "url"}]}
    assert list(validator.iter_errors(without_url))


def test_robots_txt_points_to_the_sitemap(built_site: Path) -> None:
    text = (built_site / "robots.txt").read_text("utf-8")
    assert text.splitlines() == ["User-agent: *", "Allow: /", "", f"Sitemap: {SITE_URL}sitemap.xml"]
    assert (built_site / "sitemap.xml").is_file()
