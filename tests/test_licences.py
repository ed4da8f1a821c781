"""Licences: MIT for the code, CC BY 4.0 for the content, named where people and machines look for it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import ROOT
from smartschool.licences import CODE_LICENSE, CONTENT_LICENSE_URL


def test_the_code_licence_is_mit_everywhere_it_is_stated() -> None:
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License\n")
    assert tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["license"] == CODE_LICENSE == "MIT"
    assert CONTENT_LICENSE_URL in (ROOT / "LICENSE-CONTENT.md").read_text("utf-8")


def test_every_page_names_the_content_licence(built_site: Path) -> None:
    for page in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        link = soup.select_one("footer a[rel~=license]")
        assert link is not None, f"{page.relative_to(built_site)}: no licence link in the footer"
        assert link["href"].startswith(CONTENT_LICENSE_URL) and link.get_text(strip=True) == "CC BY 4.0"


def test_structured_data_and_exports_carry_the_licence(built_site: Path) -> None:
    page = BeautifulSoup((built_site / "acara/kupang-2018/index.html").read_text("utf-8"), "html.parser")
    assert json.loads(page.find("script", type="application/ld+json").string)["license"] == CONTENT_LICENSE_URL
    for name in ("events", "modules", "organizations"):
        assert json.loads((built_site / f"data/{name}.json").read_text("utf-8"))["license"] == CONTENT_LICENSE_URL
