"""Scroll regions: every table that may scroll sideways sits in one focusable `.sso-scroll` region named after it
(WCAG 2.1.1 and 4.1.2, axe `scrollable-region-focusable`); stacking `table.sso-table` stays as it is."""

from __future__ import annotations

from pathlib import Path

import markdown
from bs4 import BeautifulSoup

from smartschool.scroll_regions import region_label, wrap_scrolling_tables

MARKDOWN_TABLE = markdown.markdown(
    "Teks.\n\n| Waktu | Langkah | Bahan | Catatan |\n|---|---|---|---|\n| 10 | Buka | Kertas | - |\n",
    extensions=["tables"],
)


def regions(html: str) -> list[tuple[str, str]]:
    """(aria-label, wrapped tag names) of each `.sso-scroll` region, in order."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        (div["aria-label"], " ".join(child.name for child in div.find_all(recursive=False)))
        for div in soup.select("div.sso-scroll")
    ]


def test_markdown_table_is_named_from_its_first_headings() -> None:
    wrapped = wrap_scrolling_tables(MARKDOWN_TABLE)
    assert regions(wrapped) == [("Tabel: Waktu, Langkah, Bahan, …", "table")]
    opening = '<div class="sso-scroll" tabindex="0" role="region" aria-label="Tabel: Waktu, Langkah, Bahan, …">'
    # Only the wrapper is added; everything else stays byte for byte.
    assert wrapped == MARKDOWN_TABLE.replace("<table>", opening + "<table>").replace("</table>", "</table></div>")


def test_caption_names_the_region_before_the_headings() -> None:
    html = "<table>\n<caption>Jadwal  hari\n pertama</caption><tr><th>Waktu</th></tr></table>"
    assert regions(wrap_scrolling_tables(html)) == [("Tabel: Jadwal hari pertama", "table")]


def test_label_falls_back_to_the_word_table() -> None:
    assert region_label("", []) == region_label(" ", [" ", ""]) == "Tabel"
    assert region_label("", ["A", "B", "C"]) == "Tabel: A, B, C"
    assert regions(wrap_scrolling_tables("<table><tr><td>1</td></tr></table>")) == [("Tabel", "table")]
    row_headings = "<table><tr><td>Hari</td></tr><tr><th>Senin</th><td>Buka</td></tr></table>"
    assert regions(wrap_scrolling_tables(row_headings)) == [("Tabel", "table")]  # first-row headings only


def test_markup_in_caption_is_escaped_in_the_label() -> None:
    wrapped = wrap_scrolling_tables('<table><caption>Umur &lt;13 &amp; "izin" <em>orang tua</em></caption></table>')
    assert 'aria-label="Tabel: Umur &lt;13 &amp; &quot;izin&quot; orang tua"' in wrapped
    assert regions(wrapped) == [('Tabel: Umur <13 & "izin" orang tua', "table")]


def test_nothing_is_wrapped_twice() -> None:
    once = wrap_scrolling_tables(MARKDOWN_TABLE + MARKDOWN_TABLE)
    assert len(regions(once)) == 2
    assert wrap_scrolling_tables(once) == once
    nested = "<table><tr><td><table><tr><th>Dalam</th></tr></table></td></tr></table>"
    assert [label for label, _ in regions(wrap_scrolling_tables(nested))] == ["Tabel"]  # the outer one only


def test_stacking_tables_are_left_alone_but_a_plain_table_inside_one_is_wrapped() -> None:
    stacking = '<table class="sso-table sso-agenda"><tr><th>Waktu</th></tr></table>'
    assert wrap_scrolling_tables(stacking) == stacking
    inner = '<table class="sso-table"><tr><td><table><tr><th>Isi</th></tr></table></td></tr></table>'
    assert regions(wrap_scrolling_tables(inner)) == [("Tabel: Isi", "table")]


def test_tables_in_comments_and_code_are_not_tables() -> None:
    html = "<!-- <table></table> --><pre><code>&lt;table&gt;&lt;/table&gt;</code></pre>"
    assert regions(wrap_scrolling_tables(html)) == [("Kode", "pre")]  # the code block is, the text in it is not


def test_a_code_block_scrolls_in_its_own_region_once() -> None:
    code = "<p>x</p><pre><code>make check\ndata/events.yaml:3:1: …</code></pre>"
    wrapped = wrap_scrolling_tables(code)
    opening = '<div class="sso-scroll sso-scroll--code" tabindex="0" role="region" aria-label="Kode">'
    assert wrapped == code.replace("<pre>", opening + "<pre>").replace("</pre>", "</pre></div>")
    assert wrap_scrolling_tables(wrapped) == wrapped
    in_table = "<table><tr><td><pre><code>x</code></pre></td></tr></table>"
    assert regions(wrap_scrolling_tables(in_table)) == [("Tabel", "table")]  # inside a box that scrolls already


def test_every_table_of_the_built_site_scrolls_in_a_region_or_stacks(built_site: Path) -> None:
    """The hook runs on every page, written or generated: each table stacks or sits in exactly one named region."""
    bare, plain = [], 0
    for file in built_site.rglob("*.html"):
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        for table in soup.select("article table:not(.sso-table)"):
            plain += 1
            boxes = [div for div in table.find_parents("div") if "sso-scroll" in div.get("class", [])]
            if not (
                len(boxes) == 1
                and boxes[0].get("tabindex") == "0"
                and boxes[0].get("role") == "region"
                and boxes[0].get("aria-label", "").startswith("Tabel")
            ):
                bare.append(f"{file.relative_to(built_site)}: {str(table)[:80]}")
    assert plain and bare == []
