"""Markdown that would make Python-Markdown crash or take minutes is refused in validation, located, with what to
write instead: open brackets (its link patterns search the rest of the paragraph for every `[`), link addresses
never closed, brackets nested deep, and (in docs pages as in module bodies) lists and quotes nested too deep; in
docs pages, HTML tags never closed with `>`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import VALID_EVENT, problems_for, real_module, write_data, write_file, write_module
from smartschool import markdown_nesting
from smartschool.markdown_nesting import (
    MAX_BRACKET_DEPTH,
    MAX_NESTING,
    MAX_OPEN_BRACKETS,
    MAX_UNCLOSED_TAGS,
    CostlyBrackets,
    costly_brackets,
    unclosed_tags,
)

MODULE = "curriculum/dewasa/bentuk-esa-online.md"
HEADING = "\n## Pembukaan dan kesepakatan kelompok\n"
PAGE = "docs/tentang/index.md"
PAGE_FRONT = "---\ntitle: Tentang\n---\n\n# Tentang\n\n"
# The input of issue #13: 20,000 `[` in one paragraph took 110 s to build (one module page), 0.4 s refused here.
BRACKETS = "Catatan " + "[" * 20_000


def _module_with(tmp_path: Path, insert: str) -> tuple[Path, str]:
    write_data(tmp_path, VALID_EVENT)
    text = real_module("dewasa", "bentuk-esa-online")
    assert text.count(HEADING) == 1
    text = text.replace(HEADING, f"{HEADING}\n{insert}\n")
    write_module(tmp_path, "dewasa", "bentuk-esa-online", text)
    return tmp_path, text


def _page_with(tmp_path: Path, body: str) -> tuple[Path, str]:
    write_data(tmp_path, VALID_EVENT)
    text = PAGE_FRONT + body
    write_file(tmp_path, PAGE, text)
    return tmp_path, text


def _line(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


def _shown(root: Path, file: str) -> list[str]:
    return [str(problem) for problem in problems_for(root) if problem.file == file]


OPEN_EN = (
    "20000 '[' in this paragraph are never closed with ']' (this is the first), expected at most "
    f"{MAX_OPEN_BRACKETS}: Markdown searches the rest of the paragraph for each one, which makes the build very "
    "slow; close each '[' with ']', or write '\\[' for a bracket that is only text"
)


def test_twenty_thousand_open_brackets_in_a_module_body_are_refused_where_they_start(tmp_path: Path) -> None:
    root, text = _module_with(tmp_path, BRACKETS)
    line, column = _line(text, "Catatan ["), len("Catatan ") + 1
    expected = f"{MODULE}:{line}:{column}: module 'bentuk-esa-online': body: {OPEN_EN}"
    assert expected in _shown(root, MODULE)


def test_twenty_thousand_open_brackets_in_a_docs_page_are_refused_at_the_file_line(tmp_path: Path) -> None:
    root, text = _page_with(tmp_path, f"Teks biasa.\n\n{BRACKETS}\n")
    line = _line(text, "Catatan [")
    assert _shown(root, PAGE) == [f"{PAGE}:{line}:{len('Catatan ') + 1}: {OPEN_EN}"]


def test_a_page_nested_too_deep_is_refused_at_its_line_in_the_file(tmp_path: Path) -> None:
    # Before this rule, a docs page with 400 levels stopped the build with a RecursionError (located after the
    # fact by publish.py); now validation names the line where the depth passes the limit.
    nested = "\n".join("    " * level + f"- butir {level}" for level in range(400))
    root, text = _page_with(tmp_path, f"{nested}\n")
    line = _line(text, f"- butir {MAX_NESTING}")
    assert _shown(root, PAGE) == [
        f"{PAGE}:{line}:{4 * MAX_NESTING + 1}: lists or quotes are nested {MAX_NESTING + 1} levels deep here, "
        f"expected at most {MAX_NESTING} levels (each '>', list marker and four spaces of indentation is a level): "
        "move these lines up a level, or start a new list"
    ]


def test_admonition_text_indented_two_spaces_is_refused_with_the_indentation_to_write(tmp_path: Path) -> None:
    root, text = _page_with(tmp_path, '!!! note "Catatan"\n  Teks catatan.\n\n!!! tip "Saran"\nTeks saran.\n')
    opener, tip = _line(text, "!!! note"), _line(text, "!!! tip")
    assert _shown(root, PAGE) == [
        f"{PAGE}:{opener + 1}:3: this line is indented 2 spaces, so Markdown does not read it as the body of the "
        f"'!!!' block on line {opener} (the block stays empty and the text shows as an ordinary paragraph), "
        "expected 4 spaces: indent each line of the block's text 4 spaces",
        f"{PAGE}:{tip + 1}:1: this line is not indented, so the '!!!' block on line {tip} is empty and this text "
        "shows as an ordinary paragraph, expected the block's text indented 4 spaces: indent each line of it 4 "
        "spaces (or leave a blank line after the block, if the text is not part of it)",
    ]


def test_unclosed_link_addresses_and_deep_brackets_are_refused(tmp_path: Path) -> None:
    addresses = "Lihat " + "[modul](bentuk.md " * (MAX_OPEN_BRACKETS + 1)
    deep = "Teks " + "[" * (MAX_BRACKET_DEPTH + 1) + "x" + "]" * (MAX_BRACKET_DEPTH + 1)
    root, text = _page_with(tmp_path, f"{addresses}\n\n{deep}\n")
    assert _shown(root, PAGE) == [
        f"{PAGE}:{_line(text, 'Lihat')}:{len('Lihat [modul') + 1}: {MAX_OPEN_BRACKETS + 1} link addresses '](' in "
        "this paragraph are never closed with ')' (this is the first), expected at most "
        f"{MAX_OPEN_BRACKETS}: Markdown searches the rest of the paragraph for each one; close each address with "
        "')', as in [teks](alamat.md)",
        f"{PAGE}:{_line(text, 'Teks [')}:{len('Teks ') + MAX_BRACKET_DEPTH + 1}: brackets are nested "
        f"{MAX_BRACKET_DEPTH + 1} levels deep here ('[' inside '['), expected at most {MAX_BRACKET_DEPTH}: Markdown "
        "searches each level again, which makes the build very slow; close the brackets sooner, or write '\\[' and "
        "'\\]' for brackets that are only text",
    ]


def test_the_messages_are_indonesian_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSO_LANG", raising=False)
    root, text = _page_with(tmp_path, f"{BRACKETS}\n")
    assert _shown(root, PAGE) == [
        f"{PAGE}:{_line(text, 'Catatan [')}:9: 20000 tanda '[' di paragraf ini tidak pernah ditutup dengan ']' (ini "
        f"yang pertama); batasnya {MAX_OPEN_BRACKETS}. Untuk setiap tanda, Markdown mencari penutupnya sampai "
        "akhir paragraf, sehingga situs sangat lambat dibangun. Tutup setiap '[' dengan ']', atau tulis '\\[' untuk "
        "kurung yang hanya teks."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "`" + "[" * 30 + "` dan [tautan](a.md)",  # a code span: its brackets are text
        "\\[" * 30,  # escaped
        "```\n" + "[" * 30 + "\n```\n",  # fenced code
        "[a [b [c]]] " * 40,  # many short pairs, three deep
        ("[ " * MAX_OPEN_BRACKETS) + "\n\n" + ("[ " * MAX_OPEN_BRACKETS),  # two paragraphs, each at the limit
        "- [a](a.md)\n" * 500,  # a long list of links
    ],
)
def test_what_markdown_reads_quickly_passes(text: str) -> None:
    assert costly_brackets(text) == []


def test_a_fence_never_closed_hides_nothing() -> None:
    """Markdown reads what follows a fence that is never closed as Markdown (no code block), and so do the rules."""
    assert costly_brackets("a\n```\n" + "[" * 30) == [CostlyBrackets(3, 1, "open", 30)]
    nested = "\n".join("    " * level + "- x" for level in range(12))
    deep = markdown_nesting.too_deep(f"a\n```\n{nested}")
    assert deep is not None and (deep.line, deep.depth) == (3 + MAX_NESTING, MAX_NESTING + 1)
    assert markdown_nesting.too_deep(f"a\n```\n{nested}\n```\n") is None


def test_each_kind_is_located_at_its_first_mark() -> None:
    assert costly_brackets("a\n\n  " + "[" * 21 + "\n") == [CostlyBrackets(3, 3, "open", 21)]
    assert costly_brackets("```\n[[[\n```\n\n" + "[ " * 21) == [CostlyBrackets(5, 1, "open", 21)]
    # the open `[` are bounded by their own limit: nine of them are not also "nested nine deep"
    assert costly_brackets("[" * 9 + " [a](b.md)") == []


_MARKDOWNISH = st.text(alphabet=st.sampled_from(list("[]()`\\ ax\n>")), max_size=400)


@settings(max_examples=300, deadline=None)
@given(text=_MARKDOWNISH, open_limit=st.integers(0, 4), depth_limit=st.integers(2, 5))
def test_the_fast_shortcut_never_hides_a_finding(text: str, open_limit: int, depth_limit: int) -> None:
    """Real texts are passed over after a few searches (`_cannot_pass`); whenever it says so, reading the text in
    full finds nothing either."""
    if markdown_nesting._cannot_pass(text, open_limit, depth_limit):
        assert markdown_nesting._read_brackets(text, open_limit, depth_limit) == []


def _get_text_cost(paragraph: str) -> int:
    """What Python-Markdown's LinkInlineProcessor.getText scans in `paragraph` (brackets only, no escapes or code):
    from each `[`, to the `]` that closes it or to the end."""
    cost = 0
    for start in (match.start() for match in re.finditer(r"\[", paragraph)):
        depth, end = 1, len(paragraph)
        for position in range(start + 1, len(paragraph)):
            depth += {"[": 1, "]": -1}.get(paragraph[position], 0)
            if depth == 0:
                end = position
                break
        cost += end - start
    return cost


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("[] a")), min_size=1, max_size=300))
def test_within_the_bounds_markdown_scans_in_linear_time(text: str) -> None:
    """The bound the rule promises: with at most `k` `[` open and brackets `d` deep, getText scans at most about
    (k + d) times the paragraph's length (here k = 3, d = 3)."""
    if costly_brackets(text, 3, 3) == []:
        assert _get_text_cost(text) <= (3 + 3) * len(text)


# A docs page may hold raw HTML; 20,000 `<a ` (tags never closed with `>`) took 1 min 45 s to build this site.
def test_twenty_thousand_unclosed_html_tags_in_a_docs_page_are_refused_at_the_first(tmp_path: Path) -> None:
    root, text = _page_with(tmp_path, "Teks biasa dengan <span>tag</span> yang benar.\n\nAwal " + "<a " * 20_000 + "\n")
    assert _shown(root, PAGE) == [
        f"{PAGE}:{_line(text, 'Awal <a')}:{len('Awal ') + 1}: 20000 HTML tags from here on are never closed with "
        f"'>' (this is the first), expected at most {MAX_UNCLOSED_TAGS}: Markdown reads to the end of the page for "
        "each one, which makes the build very slow; end each tag with '>', as in <span class=\"x\">, or write "
        "'&lt;' for a '<' that is only text"
    ]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("<a " * MAX_UNCLOSED_TAGS, False),  # at the limit
        ("<a " * (MAX_UNCLOSED_TAGS + 1), True),
        ("<a " * (MAX_UNCLOSED_TAGS + 1) + "\n\n> kutipan", False),  # a `>` after them ends every one
        ("> kutipan\n\n" + "<b " * (MAX_UNCLOSED_TAGS + 1), True),  # a `>` before them does not
        ("<a " * (MAX_UNCLOSED_TAGS + 1) + "\n```\n>\n```\n", True),  # nor one in fenced code
        ("anak usia <13 tahun, " * 100, False),  # a `<` before a digit opens no tag
    ],
)
def test_unclosed_tags_are_those_no_closing_bracket_follows(body: str, found: bool) -> None:
    assert (unclosed_tags("Teks.\n\n" + body) is not None) is found


def test_a_module_block_with_text_indented_two_spaces_is_refused_at_the_file_line(tmp_path: Path) -> None:
    root, text = _module_with(tmp_path, '!!! note "Catatan"\n  Teks catatan.\n')
    opener = _line(text, '!!! note "Catatan"')
    assert f"{MODULE}:{opener + 1}:3: module 'bentuk-esa-online': body: this line is indented 2 spaces, so " + (
        f"Markdown does not read it as the body of the '!!!' block on line {opener} (the block stays empty and the "
        "text shows as an ordinary paragraph), expected 4 spaces: indent each line of the block's text 4 spaces"
    ) in _shown(root, MODULE)
