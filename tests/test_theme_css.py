"""Material's stylesheets, slimmed for the first-view budget (smartschool/theme_css.py, hooks/slim_theme.py).

The browser test tests/browser/test_theme_css_coverage.py checks that no rule a built page matches is lost."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

import material as material_theme
import pytest
import tinycss2

from sitebuild import ROOT, copy_project
from smartschool.theme_css import (
    UNUSED_COMPONENTS,
    Usage,
    components_used,
    purge_stylesheet,
    slim_stylesheet,
    usage_of_site,
    without_comments,
)

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
    assert ".md-nav{margin:0}" in slim and ".md-search__form" not in slim  # the live selector keeps the rule
    assert "@media screen and (max-width:59.98em){.md-nav{padding:0}}" in slim
    assert "@media print" not in slim  # left empty
    assert "@keyframes md-search" in slim  # other at-rules are kept whole
    assert ".md-typeset :is(.md-tag,.md-button){color:blue}" in slim  # a comma inside :is() does not split
    assert ".md-typeset a:not(.md-tag){text-decoration:underline}" in slim  # a class it excludes is not required
    assert "sourceMappingURL" not in slim


def test_slimming_sees_inside_layer_and_container_rules() -> None:
    css = "@layer x{.md-tag{a:b}.md-nav{c:d}}@container (min-width:1px){.md-search{e:f}}"
    assert slim_stylesheet(css) == "@layer x{.md-nav{c:d}}"


PAGE = Usage(
    classes=frozenset({"md-nav", "admonition", "note", "md-typeset"}),
    scripts='e.classList.add("md-header--shadow");x.style.getPropertyValue("--md-scroll")',
    palette=frozenset({("data-md-color-primary", "indigo"), ("data-md-color-scheme", "slate")}),
    reads=frozenset({"--md-inline"}),
)


def test_rules_needing_a_class_no_page_or_script_has_go() -> None:
    css = (
        ".md-typeset .admonition.note{border:1px}"
        ".md-typeset .admonition.bug{border:2px}"
        ".md-typeset .footnote-backref,.md-nav{color:red}"
        ".footnote{x:y}"
        ".md-header--shadow{box-shadow:0}"
        ".md-typeset a:not(.footnote){u:v}"
        ".md-typeset :is(.footnote,.x){w:z}"
        "p{m:n}"
    )
    purged = purge_stylesheet(css, PAGE)
    assert ".admonition.note{border:1px}" in purged
    assert ".admonition.bug" not in purged  # no page has .bug
    assert ".md-nav{color:red}" in purged and "footnote-backref" not in purged  # the live selector keeps it
    assert ".footnote{" not in purged
    assert ".md-header--shadow{box-shadow:0}" in purged  # a script adds it
    assert "a:not(.footnote){u:v}" in purged and ":is(.footnote,.x){w:z}" in purged  # not required classes
    assert "p{m:n}" in purged


def test_a_vendor_prefixed_dead_selector_stays_in_its_list() -> None:
    # Taking `::-moz-selection` out would make Chromium apply a rule it drops today (one unknown selector drops
    # the list); the rule goes only when all of its selectors are dead.
    css = ".footnote::-moz-selection,.md-nav::selection{a:b}.footnote::-moz-selection,.bug{c:d}"
    assert purge_stylesheet(css, PAGE) == ".footnote::-moz-selection,.md-nav::selection{a:b}"


def test_palette_values_no_page_sets_go() -> None:
    css = (
        "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}"
        "[data-md-color-primary=red]{--md-primary-fg-color:#ef5552}"
        '[data-md-color-scheme="slate"][data-md-color-primary=red]{--md-primary-fg-color:#f00}'
        "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}[data-md-color-accent=pink]{q:r}}"
        ".md-nav{color:var(--md-primary-fg-color)}"
    )
    purged = purge_stylesheet(css, PAGE)
    assert "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5}" in purged
    assert "=red" not in purged and "pink" not in purged
    assert "@media screen{[data-md-color-scheme=slate]{color-scheme:dark}}" in purged


def test_custom_properties_nothing_reads_go_and_the_rest_stay() -> None:
    css = (
        ':root{--md-used:1;--md-unused:url("data:image/svg+xml;charset=utf-8,<svg/>");--md-scroll:0;'
        "--md-inline:2;--md-other-sheet:3;--md-chain:4;--md-reader-of-chain:var(--md-chain)}"
        ".md-nav{a:var(--md-used)}"
        ".bug{b:var(--md-bug-icon)}:root{--md-bug-icon:x}"
        "@media print{:root{--md-print-only:5}}"
    )
    purged = purge_stylesheet(css, PAGE, also_read_by=".x{c:var(--md-other-sheet)}")
    for kept in ("--md-used:1", "--md-scroll:0", "--md-inline:2", "--md-other-sheet:3"):
        assert kept in purged
    # Unread; read only by a dropped rule; read only by another unread property; left empty, the rule goes too.
    for gone in ("--md-unused", "--md-bug-icon", "--md-chain", "--md-reader-of-chain", "@media print", ":root{}"):
        assert gone not in purged
    assert purge_stylesheet(":root{--md-scroll-x:1}", PAGE) == ""  # a longer name is another property


@pytest.mark.parametrize(
    "css",
    [
        ".md-nav{--md-unread:1;*zoom:1}",  # an old IE hack: a declaration the parser cannot read
        ".md-nav{--md-unread:1;color}",
        "@media screen{.md-nav{--md-unread:1;color}}",
    ],
)
def test_a_rule_with_a_declaration_the_parser_cannot_read_is_left_whole(css: str) -> None:
    # Such a rule's unread property could not be taken out, and the purge asked again for ever.
    assert purge_stylesheet(css, PAGE) == css


@pytest.mark.parametrize(
    ("css", "slim"), [(".md-nav{a:b} .x", ".md-nav{a:b} "), ("@media x{.md-nav{a:b} .x}", "@media x{.md-nav{a:b} }")]
)
def test_text_after_the_last_rule_is_dropped_not_a_traceback(css: str, slim: str) -> None:
    assert slim_stylesheet(css) == slim
    assert purge_stylesheet(css, PAGE) == slim
    assert without_comments("/* c */.md-nav{a:b} .x") == ".md-nav{a:b} "


def test_usage_is_read_from_the_built_pages_and_scripts(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<body data-md-color-primary="indigo"><p class="one two" style="x:var(--md-inline)">'
        "<input data-md-color-scheme='slate'><span class=three>",
        "utf-8",
    )
    (tmp_path / "b.js").write_text('el.className = "four";q(".six:hover");console.debug(x)', "utf-8")
    (tmp_path / "assets" / "javascripts" / "workers").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "workers" / "search.js").write_text('"seven"', "utf-8")
    usage = usage_of_site(tmp_path)
    assert usage.classes == {"one", "two", "three"}
    assert usage.has_class("four") and usage.has_class("six") and not usage.has_class("five")
    assert not usage.has_class("bug") and not usage.has_class("fou")  # only whole names count
    assert not usage.has_class("seven")  # a script no page runs says nothing
    assert usage.palette == {("data-md-color-primary", "indigo"), ("data-md-color-scheme", "slate")}
    assert usage.reads == {"--md-inline"}


def test_components_in_class_attributes_are_found() -> None:
    html = "<div class=\"md-typeset\"><span class='md-tag md-tag--x'>a</span><p class=tabbed-set>b</p></div>"
    assert components_used(html) == ["md-tag", "tabbed-"]
    assert components_used('<p>md-search is just text here</p><div data-md-toggle="search"></div>') == []


def test_every_unused_component_says_why() -> None:
    assert all(reason.strip() for reason in UNUSED_COMPONENTS.values())


def test_built_stylesheet_is_slimmer_and_keeps_what_the_pages_use(built_site: Path) -> None:
    (sheet,) = (built_site / "assets" / "stylesheets").glob("main.*.min.css")
    css = sheet.read_text("utf-8")
    assert len(gzip.compress(css.encode(), 6)) < 14 * 1024  # Material's whole file is about 23 KB
    assert ".md-search__form" not in css and ".md-header" in css and ".md-nav" in css and ".md-tooltip" in css
    assert ".footnote-backref" not in css and "--md-admonition-icon--bug" not in css  # no page uses them
    (palette,) = (built_site / "assets" / "stylesheets").glob("palette.*.min.css")
    colours = palette.read_text("utf-8")
    assert "[data-md-color-primary=indigo]" in colours and "[data-md-color-scheme=slate]" in colours
    assert "[data-md-color-primary=red]" not in colours
    for page in built_site.rglob("*.html"):
        assert components_used(page.read_text("utf-8")) == [], page


# States that only interaction reaches (the browser test sees pages at rest): Material's script adds these classes.
INTERACTION_STATES = ("md-header--shadow", "md-tooltip2--active", "md-tooltip2--top", "md-tooltip2--bottom")


def test_rules_for_classes_a_script_adds_are_kept(built_site: Path) -> None:
    material = Path(material_theme.__file__).parent / "templates" / "assets"
    original = slim_stylesheet(next((material / "stylesheets").glob("main.*.min.css")).read_text("utf-8"))
    (sheet,) = (built_site / "assets" / "stylesheets").glob("main.*.min.css")
    built = sheet.read_text("utf-8")
    bundle = next((material / "javascripts").glob("bundle.*.min.js")).read_text("utf-8")
    # Material's state classes (`md-…--…`) that its script names, as classes in its stylesheet (data URLs aside).
    named = {
        name
        for name in re.findall(r"\.(md-[\w-]*--[\w-]+)", re.sub(r'url\("[^"]*"\)', "", original))
        if re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", bundle)
    }
    assert set(INTERACTION_STATES) <= named
    assert {name for name in named if not re.search(r"\." + re.escape(name) + r"(?![\w-])", built)} == set()


def test_the_sites_own_stylesheets_keep_every_rule_and_lose_their_comments(built_site: Path) -> None:
    for name in ("site.css", "planner.css"):
        source = (ROOT / "docs" / "assets" / name).read_text("utf-8")
        built = (built_site / "assets" / name).read_text("utf-8")
        assert "/*" in source and "/*" not in built
        assert len(gzip.compress(built.encode())) < len(gzip.compress(source.encode()))
        assert _rules(built) == _rules(source)


def _rules(css: str) -> list[str]:
    """Each top-level rule of `css` as text, without comments and with whitespace collapsed."""
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return [re.sub(r"\s+", " ", tinycss2.serialize([node])).strip() for node in nodes]


def test_a_dirty_build_starts_from_materials_own_stylesheet(tmp_path: Path) -> None:
    # `mkdocs build --dirty` keeps last build's purged stylesheet (newer than the theme's copy); a kind of block a
    # page starts using since must still find its rules.
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    env = {"NO_MKDOCS_2_WARNING": "1", "SSO_LANG": "en", "SSO_PDF": "0", "PATH": "/usr/bin:/bin"}

    def build(*extra: str) -> str:
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
        result = subprocess.run(
            [*command, *extra], cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False
        )
        assert result.returncode == 0, result.stderr[-2000:]
        (sheet,) = (site / "assets" / "stylesheets").glob("main.*.min.css")
        return sheet.read_text("utf-8")

    assert ".danger" not in build()
    about = project / "docs" / "tentang" / "index.md"
    about.write_text(about.read_text("utf-8") + '\n\n!!! danger "Awas"\n    Teks.\n', "utf-8")
    assert ".danger" in build("--dirty")


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
