"""Titles and descriptions reach the theme as text escaped exactly once: `&` in a title is read as "&" by a screen
reader in the previous/next links' `aria-label`, never as "amp" (issue input: `&amp;amp;`)."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import mkdocs_build

TITLE = "Workshop A & B <i>x</i> di Kupang"
ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.I)


def _entities_after_one_decoding(site: Path) -> list[str]:
    """Attribute values that still hold an entity once the HTML parser has decoded them. Content `title`s are
    escaped once more on purpose (Material shows them through innerHTML: smartschool/content_boundary.py)."""
    found = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        article = soup.find("article")
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                text = " ".join(value) if isinstance(value, list) else value
                in_content = article is not None and (tag is article or article in tag.parents)
                if ENTITY.search(text) and not (name == "title" and in_content):
                    found.append(f"{page.relative_to(site)}: <{tag.name} {name}={text!r}>")
    return found


def test_a_title_with_ampersand_and_markup_is_escaped_once(scratch_project: Path, tmp_path: Path) -> None:
    events = scratch_project / "data/events.yaml"
    text = events.read_text("utf-8")
    events.write_text(
        text.replace("    title: Workshop Smart School Online di Kupang", f'    title: "{TITLE}"', 1), "utf-8"
    )
    module = scratch_project / "curriculum/remaja/grooming.md"
    module.write_text(
        re.sub(r"^title: .*$", f'title: "{TITLE}"', module.read_text("utf-8"), count=1, flags=re.M), "utf-8"
    )
    site = tmp_path / "site"
    result = mkdocs_build(scratch_project, site)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((site / "acara/kupang-2018/index.html").read_text("utf-8"), "html.parser")
    assert soup.find("h1").get_text() == TITLE and soup.find("title").get_text().startswith(TITLE)
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith(TITLE)
    labels = [
        a["aria-label"]
        for page in site.rglob("*.html")
        for a in BeautifulSoup(page.read_text("utf-8"), "html.parser").select("a.md-footer__link")
        if TITLE in a["aria-label"]
    ]
    assert labels and all(label.endswith(f": {TITLE}") for label in labels), labels
    assert _entities_after_one_decoding(site) == []


def test_no_attribute_of_the_real_site_is_escaped_twice(built_site: Path) -> None:
    assert _entities_after_one_decoding(built_site) == []
