"""The sections that carry the quick exit are a deliberate list: the parents' page on what to do when something has
happened is on it, and a listed section that matches no page stops the build with a message naming the key."""

from __future__ import annotations

from pathlib import Path

import yaml

from sitebuild import ROOT, mkdocs_build
from smartschool.quick_exit import unmatched_sections

PARENTS_PAGE = "orang-tua/jika-terjadi-sesuatu/"


def test_unmatched_sections_names_each_prefix_without_a_page_in_list_order() -> None:
    urls = ["", "remaja/", "remaja/bukan-salahmu/", "kurikulum/remaja/grooming/", PARENTS_PAGE]
    assert unmatched_sections(["remaja/", "kurikulum/remaja/", PARENTS_PAGE], urls) == []
    assert unmatched_sections(["bantuan/", "remaja/", "orang-tua/jika-terjadi/x/"], urls) == [
        "bantuan/",
        "orang-tua/jika-terjadi/x/",
    ]
    assert unmatched_sections(["remaja/"], iter(["remaja/"])) == []  # any iterable of URLs, read once


def test_the_parents_page_on_what_to_do_is_a_listed_section(built_site: Path) -> None:
    settings = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    assert PARENTS_PAGE in settings["extra"]["quick_exit"]["sections"]
    page = (built_site / PARENTS_PAGE / "index.html").read_text("utf-8")
    assert 'class="sso-exit"' in page, f"{PARENTS_PAGE} has no quick exit"


def test_a_listed_section_without_pages_stops_the_build(scratch_project: Path, tmp_path: Path) -> None:
    config = scratch_project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert f"- {PARENTS_PAGE}" in text
    config.write_text(text.replace(f"- {PARENTS_PAGE}", "- orang-tua/jika-terjadi/"), "utf-8")
    result = mkdocs_build(scratch_project, tmp_path / "site")
    output = result.stdout + result.stderr  # MkDocs prints an Abort's message on stdout
    assert result.returncode != 0, "the build passed with a section that matches no page"
    assert "Traceback" not in output
    assert "mkdocs.yml: extra.quick_exit.sections: 'orang-tua/jika-terjadi/' matches no page" in output, output
