"""Material's stylesheet, slimmed for the first-view budget (smartschool/theme_css.py, hooks/slim_theme.py)."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

from sitebuild import copy_project
from smartschool.theme_css import UNUSED_COMPONENTS, components_used, slim_stylesheet

CSS = (
    ".md-header{height:2.4rem}"
    ".md-search__input,.md-search__icon{color:red}"
    ".md-search__form,.md-nav{margin:0}"
    "@media screen and (max-width:59.98em){.md-search{display:none}.md-nav{padding:0}}"
    "@media print{.md-source{display:none}}"
    "@keyframes md-search{0%{opacity:0}to{opacity:1}}"
    ".md-typeset :is(.md-tag,.md-button){color:blue}"
    ".md-typeset a:not(.md-tag){text-decoration:underline}"
    ".tabbed-set{display:flex}"
    "/*# sourceMappingURL=main.css.map*/"
)


def test_rules_for_unused_components_go_and_shared_rules_stay() -> None:
    slim = slim_stylesheet(CSS)
    assert ".md-header{height:2.4rem}" in slim
    assert ".md-search__input" not in slim and ".tabbed-set" not in slim
    assert ".md-search__form,.md-nav{margin:0}" in slim  # one selector still in use keeps the rule whole
    assert "@media screen and (max-width:59.98em){.md-nav{padding:0}}" in slim
    assert "@media print" not in slim  # left empty
    assert "@keyframes md-search" in slim  # other at-rules are kept whole
    assert ".md-typeset :is(.md-tag,.md-button){color:blue}" in slim  # a comma inside :is() does not split
    assert ".md-typeset a:not(.md-tag){text-decoration:underline}" in slim  # a class it excludes is not required
    assert "sourceMappingURL" not in slim


def test_components_in_class_attributes_are_found() -> None:
    html = "<div class=\"md-typeset\"><span class='md-tag md-tag--x'>a</span><p class=tabbed-set>b</p></div>"
    assert components_used(html) == ["md-tag", "tabbed-"]
    assert components_used('<p>md-search is just text here</p><div data-md-toggle="search"></div>') == []


def test_every_unused_component_says_why() -> None:
    assert all(reason.strip() for reason in UNUSED_COMPONENTS.values())


def test_built_stylesheet_is_slimmer_and_keeps_what_the_pages_use(built_site: Path) -> None:
    (sheet,) = (built_site / "assets" / "stylesheets").glob("main.*.min.css")
    css = sheet.read_text("utf-8")
    assert len(gzip.compress(css.encode(), 6)) < 19 * 1024  # Material's whole file is about 23 KB
    assert ".md-search__form" not in css and ".md-header" in css and ".md-nav" in css and ".md-tooltip" in css
    for page in built_site.rglob("*.html"):
        assert components_used(page.read_text("utf-8")) == [], page


def test_a_page_using_a_dropped_component_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "tentang" / "index.md"
    about.write_text(about.read_text("utf-8") + '\n\n<span class="md-tag">x</span>\n', "utf-8")
    env = {"NO_MKDOCS_2_WARNING": "1", "SSO_LANG": "en", "SSO_PDF": "0", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0
    assert re.search(r"tentang/index\.md: uses Material's md-tag, whose styles", result.stderr), result.stderr[-2000:]
    assert "Traceback" not in result.stderr
