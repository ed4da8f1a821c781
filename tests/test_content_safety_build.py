"""Real builds: no author-supplied text becomes script on a page, and every page declares its policies."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from sitebuild import mkdocs_build
from smartschool.page_policy import script_hash

HOSTILE_DEFINITION = (
    '<img src=x onerror=alert(document.domain)> &lt;img src=x onerror=alert(2)&gt; "><script>x</script>'
)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_glossary_definition_with_markup_reaches_the_tooltip_as_text(scratch_project: Path, tmp_path: Path) -> None:
    """Issue input 1: the definition is escaped inside `title`, and once more for Material's innerHTML."""
    glossary = scratch_project / "data/glossary.yaml"
    data = yaml.safe_load(glossary.read_text("utf-8"))
    for term in data["terms"]:
        term["definition"] = HOSTILE_DEFINITION
    glossary.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(scratch_project, site)
    assert result.returncode == 0, result.stderr
    abbrs = [abbr for page in _html_pages(site) for abbr in _soup(page).find_all("abbr")]
    assert len(abbrs) > 20  # the terms appear across the site, youth pages included
    for abbr in abbrs:
        # What `el.title` holds in the DOM: Material assigns it to innerHTML, which then shows the definition.
        assert abbr["title"] == html.escape(HOSTILE_DEFINITION, quote=False)
    for page in _html_pages(site):
        assert "<img src=x" not in page.read_text("utf-8") and 'onerror="' not in page.read_text("utf-8")


def test_raw_html_in_a_hand_written_page_is_sanitised(scratch_project: Path, tmp_path: Path) -> None:
    """Hand-written pages are not validated like modules; the boundary still holds at build."""
    page = scratch_project / "docs/tentang/index.md"
    page.write_text(
        page.read_text("utf-8") + "\n\n<script>window.__pwned=1</script>\n\n"
        "<img src=x onerror=window.__pwned=1>\n\n[Baca](javascript:window.__pwned=1)\n\n"
        'Paragraf berbahaya.\n{: onmouseover="window.__pwned=1" style="color:red" }\n\n'
        '<iframe src="javascript:window.__pwned=1"></iframe>\n',
        "utf-8",
    )
    site = tmp_path / "site"
    result = mkdocs_build(scratch_project, site)
    assert result.returncode == 0, result.stderr
    built = _soup(site / "tentang/index.html")
    article = built.find("article")
    assert "Paragraf berbahaya." in article.get_text()
    assert article.find(["script", "iframe"]) is None
    assert not [tag for tag in article.find_all(True) if any(a.startswith("on") or a == "style" for a in tag.attrs)]
    assert not [a for a in article.find_all("a", href=True) if "javascript" in a["href"].lower()]
    assert "__pwned" not in str(built.find("head"))


def test_a_module_with_script_stops_the_build_with_a_located_message(scratch_project: Path, tmp_path: Path) -> None:
    """Issue inputs 2 and 3: raw HTML and a `javascript:` link in a module body."""
    module = scratch_project / "curriculum/remaja/grooming.md"
    text = module.read_text("utf-8") + "\n<script>alert(1)</script>\n\n[Baca](javascript:alert(1))\n"
    module.write_text(text, "utf-8")
    result = mkdocs_build(scratch_project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = text.splitlines()
    script_line = lines.index("<script>alert(1)</script>") + 1
    assert (
        f"curriculum/remaja/grooming.md:{script_line}:1: module 'grooming': body: raw HTML <script> is not "
        "allowed in a module"
    ) in result.stderr
    assert (
        f"curriculum/remaja/grooming.md:{script_line + 2}:8: module 'grooming': body: link address "
        "'javascript:alert(1)' uses 'javascript:'"
    ) in result.stderr
    assert not (tmp_path / "site").exists()


def test_every_page_declares_csp_and_no_referrer_first(built_site: Path) -> None:
    for page in _html_pages(built_site):
        text = page.read_text("utf-8")
        head = text[text.index("<head>") : text.index("</head>")]
        assert '<meta name="referrer" content="no-referrer">' in head, page
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', head)
        assert policy, page
        assert head.index("Content-Security-Policy") < head.find("<script") if "<script" in head else True
        directives = dict(part.strip().split(" ", 1) for part in policy.group(1).split(";"))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert directives["base-uri"] == "'self'" and directives["form-action"] == "'none'"
        sources = directives["script-src"].split()
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
        # The site itself, WebAssembly (the search's Pagefind module, from the site) and nothing broader.
        assert sources[:2] == ["'self'", "'wasm-unsafe-eval'"], page
        # Exactly the page's own runnable inline scripts are allowed, each by its hash.
        inline = [
            m.group(2)
            for m in re.finditer(r"<script\b([^>]*)>(.*?)</script>", text, re.S)
            if "src=" not in m.group(1) and "type=" not in m.group(1)
        ]
        assert inline, page
        assert sorted(sources[2:]) == sorted({script_hash(body) for body in inline}), page


def test_search_words_never_go_into_an_address(built_site: Path) -> None:
    """Issue input 6: `search.highlight` opens results as `?h=<words>`; it is off on every page."""
    for page in _html_pages(built_site):
        config = _soup(page).find("script", id="__config")
        assert config is not None, page
        assert "search.highlight" not in json.loads(config.string)["features"], page


def test_event_structured_data_sits_in_head_not_in_content(built_site: Path) -> None:
    page = _soup(built_site / "acara/kupang-2018/index.html")
    assert page.find("head").find("script", type="application/ld+json") is not None
    assert page.find("article").find("script") is None
