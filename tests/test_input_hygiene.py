"""Input hygiene at the boundary: what an editor's tool or a slip of the keyboard puts in a file is refused in
validation, with file:line:column and the fix, before anything is built.

Each test writes one bad input that passed (or crashed) before, and asserts the exact problem.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import markdown
import pytest
import yaml

from helpers import (
    ROOT,
    VALID_EVENT,
    column_in,
    line_in,
    only_problem,
    problems_for,
    real_module,
    write_data,
    write_file,
    write_module,
)
from smartschool.curriculum_pages import lesson_page_markdown
from smartschool.markdown_nesting import MAX_NESTING
from smartschool.module_links import MARKDOWN_EXTENSIONS, ModulePage, SitePages, site_pages
from smartschool.problems import QUOTE_LIMIT, quoted, shown
from smartschool.project import load_project
from smartschool.yamlsource import MAX_YAML_DEPTH

HELP = (ROOT / "data/help.yaml").read_text("utf-8")
GLOSSARY = (ROOT / "data/glossary.yaml").read_text("utf-8")
GROOMING = real_module("remaja", "grooming").replace(
    "related: [mengenal-esa-online, sexting-dan-sextortion, bersuara-dan-melapor]", "related: []"
)
MODULE = "curriculum/remaja/grooming.md"
EVENT = textwrap.dedent(VALID_EVENT).lstrip("\n")  # as write_data writes it


def module_project(tmp_path: Path, text: str = GROOMING, name: str = "grooming") -> Path:
    write_data(tmp_path, VALID_EVENT)
    write_module(tmp_path, "remaja", name, text)
    return tmp_path


def with_body_text(text: str, before: str = "## Enam tanda bahaya") -> str:
    """The grooming module with `text` (a paragraph of its own) inserted before a heading of its body."""
    return GROOMING.replace(before, f"{text}\n\n{before}", 1)


# 1. A field that holds a web address holds a whole one.
def test_help_source_that_starts_like_an_address_must_be_one(tmp_path: Path) -> None:
    text = HELP.replace("source: Perpres No. 55 Tahun 2024", "source: https:kemenpppa.go.id")
    write_data(tmp_path, VALID_EVENT)
    write_file(tmp_path, "data/help.yaml", text)
    assert str(only_problem(tmp_path)) == (
        f"data/help.yaml:{line_in(text, 'https:kemenpppa')}:13: channel 'uptd-ppa': source: 'https:kemenpppa.go.id' "
        "is not valid (it starts like a web address but is not a whole one, such as 'https://kemenpppa.go.id'), "
        "expected public source that confirms the details: a web address (https://…) or a citation in words"
    )


@pytest.mark.parametrize("value", ["www.kemenpppa.go.id", "javascript:alert(1)", "http//kemenpppa.go.id"])
def test_help_source_that_looks_like_an_address_is_refused(tmp_path: Path, value: str) -> None:
    write_data(tmp_path, VALID_EVENT)
    write_file(tmp_path, "data/help.yaml", HELP.replace("source: Perpres No. 55 Tahun 2024", f"source: {value}"))
    problem = only_problem(tmp_path)
    assert problem.field == "source"
    assert problem.message.startswith(f"{value!r} is not valid (it starts like a web address but is not a whole one")


@pytest.mark.parametrize(
    "value", ["Perpres No. 55 Tahun 2024", "'UU: Nomor 35 Tahun 2014'", "https://kemenpppa.go.id/"]
)
def test_help_source_may_be_an_address_or_a_citation(tmp_path: Path, value: str) -> None:
    write_data(tmp_path, VALID_EVENT)
    write_file(tmp_path, "data/help.yaml", HELP.replace("source: Perpres No. 55 Tahun 2024", f"source: {value}"))
    assert problems_for(tmp_path) == []


# 2. A byte-order mark at the start of any file is dropped when it is read.
def test_byte_order_mark_is_accepted_in_every_kind_of_file(tmp_path: Path) -> None:
    module_project(tmp_path, "\ufeff" + GROOMING)
    for name in ("data/events.yaml", "data/organizations.yaml", "data/help.yaml", "data/glossary.yaml"):
        path = tmp_path / name
        path.write_text("\ufeff" + path.read_text("utf-8"), "utf-8")
    write_file(tmp_path, "docs/index.md", "\ufeff# Beranda\n")
    assert problems_for(tmp_path) == []


# 3. Every file is read as UTF-8; a file saved in another encoding is reported at its first bad byte.
def test_docs_page_in_windows_1252_is_reported_at_its_first_bad_byte(tmp_path: Path) -> None:
    write_data(tmp_path, VALID_EVENT)
    page = "# Orang tua\n\nAnak-anak \u2018aman\u2019 online.\n"
    write_file(tmp_path, "docs/orang-tua/index.md", page.encode("cp1252"))
    assert str(only_problem(tmp_path)) == (
        "docs/orang-tua/index.md:3:11: the file is not UTF-8 text (byte 0x91 here cannot be read as UTF-8), "
        "expected UTF-8 text: save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)"
    )


def test_module_and_data_file_in_another_encoding_say_where_and_what_to_do(tmp_path: Path) -> None:
    module = GROOMING.replace("## Enam tanda bahaya", "## Enam tanda bahaya \u2013 ringkas", 1)
    module_project(tmp_path, "")
    write_file(tmp_path, MODULE, module.encode("cp1252"))
    events = EVENT.replace("city: Kupang", "city: Kupang\u2019")
    write_file(tmp_path, "data/events.yaml", events.encode("cp1252"))
    problems = sorted(problems_for(tmp_path))
    assert [(p.file, p.line, p.column) for p in problems] == [
        (MODULE, line_in(module, "\u2013 ringkas"), column_in(module, "\u2013 ringkas")),
        ("data/events.yaml", line_in(events, "city: Kupang"), column_in(events, "\u2019")),
    ]
    assert problems[0].message == (
        "the file is not UTF-8 text (byte 0x96 here cannot be read as UTF-8), expected "
        "UTF-8 text: save the file as UTF-8 (in most editors: Save As, then Encoding: "
        "UTF-8)"
    )


# 4. A `#` right after a plain value is read as a comment: the value would be cut short without a word.
def test_hash_after_a_plain_title_would_drop_the_rest_of_it(tmp_path: Path) -> None:
    text = EVENT.replace("title: Workshop Contoh", "title: Workshop Smart School Online #2 di Kupang")
    problem = only_problem(write_data(tmp_path, text))
    assert str(problem) == (
        f"data/events.yaml:{line_in(text, '#2 di')}:{column_in(text, '#2 di')}: event 'contoh-2019': title: the text "
        "after '#' is read as a comment and dropped, expected the whole text in quotes: "
        'title: "Workshop Smart School Online #2 di Kupang"'
    )


def test_hash_after_a_plain_list_item_shows_the_quoted_item(tmp_path: Path) -> None:
    text = EVENT.replace(
        "        topics: [Pencegahan]\n", "        topics:\n          - Strategi pencegahan #StopESA\n"
    )
    problem = only_problem(write_data(tmp_path, text))
    assert str(problem) == (
        f"data/events.yaml:{line_in(text, '#StopESA')}:{column_in(text, '#StopESA')}: event 'contoh-2019': "
        "days[0].topics[0]: the text after '#' is read as a comment and dropped, expected the whole text in "
        'quotes: - "Strategi pencegahan #StopESA"'
    )


def test_hash_inside_brackets_is_named_as_the_cause_of_the_syntax_error(tmp_path: Path) -> None:
    """The comment takes the `]` too, so the YAML breaks a line later: the `#` is named as the cause."""
    text = EVENT.replace("topics: [Pencegahan]", "topics: [Strategi pencegahan #StopESA, Grooming]")
    problems = problems_for(write_data(tmp_path, text))
    assert [str(p) for p in sorted(problems)] == [
        f"data/events.yaml:{line_in(text, '#StopESA')}:{column_in(text, '#StopESA')}: the text after '#' is read as "
        "a comment and dropped, with the rest of the line, expected the text in quotes: "
        '"Strategi pencegahan #StopESA"',
        f"data/events.yaml:{line_in(text, '#StopESA') + 1}:9: YAML syntax error: while parsing a flow sequence did "
        "not find expected ',' or ']'; expected valid YAML (the [ opened on line "
        f"{line_in(text, '#StopESA')} is not closed with ])",
    ]


def test_hash_in_module_front_matter_is_reported_at_its_file_line(tmp_path: Path) -> None:
    text = GROOMING.replace('title: "Grooming (Bujuk Rayu): Kenali Tanda-Tandanya"', "title: Grooming #1 untuk remaja")
    problem = only_problem(module_project(tmp_path, text))
    assert str(problem) == (
        f"{MODULE}:{line_in(text, 'title: Grooming #1')}:{column_in(text, '#1')}: module 'grooming': title: the text "
        "after '#' is read as a comment and dropped, expected the whole text in quotes: "
        'title: "Grooming #1 untuk remaja"'
    )


@pytest.mark.parametrize(
    "line",
    [
        "title: Workshop Contoh  # a comment, with a space after '#'",
        'title: "Workshop Smart School Online #2 di Kupang"',
        "title: 'Workshop #2'  #quoted values keep their comments",
        "title: Workshop C#",
        "title: >-\n      Workshop #2 di Kupang",
    ],
)
def test_hash_that_is_clearly_meant_is_accepted(tmp_path: Path, line: str) -> None:
    assert problems_for(write_data(tmp_path, VALID_EVENT.replace("title: Workshop Contoh", line))) == []


# 5. Text hygiene on the parsed values (escapes included).
@pytest.mark.parametrize(
    "value,message",
    [
        ('"\\u200B"', "holds only invisible characters (such as U+200B at character 1), expected visible text"),
        (
            '"Workshop\\u0007 Contoh"',
            "holds the control character U+0007 at character 9, expected printable text: "
            "delete the character (or its escape, such as \\u0007, in quoted text)",
        ),
        (
            '"Workshop \\u202Eolpmoc"',
            "holds the bidirectional control character U+202E at character 10, which can make "
            "text show in a misleading order, expected text without it: delete the character "
            "(or its escape, \\u202E, in quoted text)",
        ),
        (
            '"Kupang\\u2066"',
            "holds the bidirectional control character U+2066 at character 7, which can make text show "
            "in a misleading order, expected text without it: delete the character (or its escape, "
            "\\u2066, in quoted text)",
        ),
    ],
)
def test_text_with_invisible_or_control_characters_is_refused(tmp_path: Path, value: str, message: str) -> None:
    text = EVENT.replace("title: Workshop Contoh", f"title: {value}")
    problem = only_problem(write_data(tmp_path, text))
    assert str(problem) == f"data/events.yaml:{line_in(text, 'title:')}:12: event 'contoh-2019': title: {message}"


def test_text_hygiene_covers_module_front_matter_and_web_addresses(tmp_path: Path) -> None:
    text = GROOMING.replace('title: "Grooming (Bujuk Rayu): Kenali Tanda-Tandanya"', 'title: "\\u200B"').replace(
        'url: "https://icmec.medium.com/words-matter-part-2-grooming-7cfe85fd5e1a"',
        'url: "https://icmec.medium.com/\\u202E"',
    )
    problems = problems_for(module_project(tmp_path, text))
    assert [str(p) for p in problems] == [
        f"{MODULE}:{line_in(text, 'title: ')}:8: module 'grooming': title: holds only invisible characters (such as "
        "U+200B at character 1), expected visible text",
        f"{MODULE}:{line_in(text, 'medium.com/')}:10: module 'grooming': sources[0].url: holds the bidirectional "
        "control character U+202E at character 26, which can make text show in a misleading order, expected text "
        "without it: delete the character (or its escape, \\u202E, in quoted text)",
    ]


@pytest.mark.parametrize(
    "value", ['"Workshop\\tContoh"', '"Workshop\\nContoh"', '"Work\\u00ADshop"', "Workshop \u2013 Contoh \U0001f600"]
)
def test_tabs_line_breaks_and_visible_unicode_stay_allowed(tmp_path: Path, value: str) -> None:
    assert problems_for(write_data(tmp_path, VALID_EVENT.replace("title: Workshop Contoh", f"title: {value}"))) == []


# 6. A glossary alias starts and ends with a letter or digit, or it never shows its definition.
@pytest.mark.parametrize(
    "alias,forms",
    [
        ("KBGO (kekerasan berbasis gender online)", "'KBGO', 'kekerasan berbasis gender online'"),
        ("K.B.G.O.", "'K.B.G.O'"),
    ],
)
def test_alias_must_start_and_end_with_a_letter_or_digit(tmp_path: Path, alias: str, forms: str) -> None:
    text = GLOSSARY.replace("aliases: [sexting, Sexting]", f"aliases: [sexting, '{alias}']")
    write_data(tmp_path, VALID_EVENT)
    write_file(tmp_path, "data/glossary.yaml", text)
    assert str(only_problem(tmp_path)) == (
        f"data/glossary.yaml:{line_in(text, alias)}:{column_in(text, repr(alias))}: term 'sexting': aliases[1]: "
        f"{alias!r} does not start and end with a letter or digit, so it never shows its definition (an alias is "
        "found in running text only as a whole word), expected each form as an alias of its own, starting and "
        f"ending with a letter or digit, here: {forms}"
    )


# 7. Every path resolves inside the project; quoted values are cut short.
def test_module_that_links_to_a_file_outside_the_project_is_refused(tmp_path: Path) -> None:
    outside = write_file(tmp_path, "outside/luar.md", GROOMING.replace("id: grooming", "id: luar"))
    project = module_project(tmp_path / "project")
    (project / "curriculum/remaja/luar.md").symlink_to(outside)
    assert str(only_problem(project)) == (
        "curriculum/remaja/luar.md:1:1: is a link to a file or folder outside the project, expected the file itself "
        "inside the project (nothing outside it is read or published): replace the link with a copy of the file"
    )


@pytest.mark.parametrize("path", ["../../../../etc/passwd", "/etc/passwd", "docs/kunci"])
def test_source_file_must_resolve_inside_the_project(tmp_path: Path, path: str) -> None:
    text = GROOMING.replace(
        '    url: "https://icmec.medium.com/words-matter-part-2-grooming-7cfe85fd5e1a"', f"    file: {path}"
    )
    project = module_project(tmp_path / "project", text)
    (project / "docs").mkdir()
    (project / "docs/kunci").symlink_to("/etc/passwd")  # a link out of the project: refused on its own as well
    problem = next(p for p in problems_for(project) if p.file == MODULE)
    assert str(problem) == (
        f"{MODULE}:{line_in(text, 'file: ')}:11: module 'grooming': sources[0].file: {path!r} leads outside the "
        "project, expected a path from the project root to a file in the project (such as 'docs/bantuan/index.md')"
    )


def test_broken_links_in_curriculum_and_docs_are_reported(tmp_path: Path) -> None:
    module_project(tmp_path)
    (tmp_path / "curriculum/remaja/rusak.md").symlink_to("tidak-ada.md")
    (tmp_path / "curriculum/arsip").mkdir()
    (tmp_path / "curriculum/arsip/lama.md").symlink_to("../tidak-ada.md")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/hilang.png").symlink_to("gambar/hilang.png")
    message = (
        "is a broken link (what it points to does not exist), expected a file or folder: replace the link "
        "with the file itself, or delete it"
    )
    assert [str(p) for p in sorted(problems_for(tmp_path))] == [
        f"curriculum/arsip/lama.md:1:1: {message}",
        f"curriculum/remaja/rusak.md:1:1: {message}",
        f"docs/hilang.png:1:1: {message}",
    ]


def test_links_that_stay_inside_the_project_are_accepted(tmp_path: Path) -> None:
    module_project(tmp_path)
    write_file(tmp_path, "docs/index.md", "# Beranda\n")
    (tmp_path / "docs/beranda.md").symlink_to("index.md")
    (tmp_path / "docs/data").symlink_to("../data", target_is_directory=True)
    assert problems_for(tmp_path) == []


def test_a_docs_page_that_is_a_device_or_a_pipe_is_never_read(tmp_path: Path) -> None:
    # `docs/nol.md -> /dev/zero` ran the legal-block check out of memory (it read every page without the guard
    # the UTF-8 check had), and a pipe named *.md waited forever. Every check of docs pages now reads them through
    # one reader (smartschool.docs_pages.read_docs_pages). Run as the maintainer runs it, so a hang is a failure.
    module_project(tmp_path)
    write_file(tmp_path, "docs/index.md", "# Beranda\n\n!!! hukum\n    Undang-undang.\n")
    (tmp_path / "docs/nol.md").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "docs/pipa.md")
    result = subprocess.run(
        [sys.executable, "-m", "smartschool", "--root", str(tmp_path), "check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    output = result.stdout + result.stderr
    assert (
        "docs/index.md:3:1: reviewed: the page has a 'hukum' block but no review date, expected "
        "'reviewed: YYYY-MM-DD' in its front matter"
    ) in output
    assert "docs/nol.md:1:1: is a link to a file or folder outside the project" in output
    assert "pipa.md" not in output


def test_content_of_a_file_outside_the_project_never_reaches_the_log(tmp_path: Path) -> None:
    secret = write_file(tmp_path, "secret.yaml", "kata-sandi: rahasia-sekali\n")
    project = write_data(tmp_path / "project", VALID_EVENT)
    (project / "data/events.yaml").unlink()
    (project / "data/events.yaml").symlink_to(secret)
    problem = only_problem(project)
    assert (problem.file, problem.line, problem.column) == ("data/events.yaml", 1, 1)
    assert "rahasia" not in str(problem) and "link to a file or folder outside the project" in problem.message


def test_quoted_values_are_cut_to_a_readable_length(tmp_path: Path) -> None:
    long_value = "Menemukan " + "tanda bahaya " * 40
    text = GROOMING.replace('  - "Peserta mampu menemukan', f'  - "{long_value.strip()}. Peserta mampu menemukan')
    problem = only_problem(module_project(tmp_path, text))
    assert problem.message.startswith(f"{shown(long_value, QUOTE_LIMIT)!r} does not say what participants can do")
    assert len(problem.message) < 200
    assert quoted("x" * 100) == repr("x" * (QUOTE_LIMIT - 1) + "…") and quoted("kupang-2018") == "'kupang-2018'"


def test_unknown_key_is_quoted_short(tmp_path: Path) -> None:
    key = "catatan_" + "x" * 200
    text = VALID_EVENT.replace("    city: Kupang\n", f"    city: Kupang\n    {key}: y\n")
    problem = only_problem(write_data(tmp_path, text))
    assert problem.message.startswith(f"unknown key {quoted(key)}, expected one of:")
    assert "x" * 100 not in problem.message


# 8. Links and anchors in module bodies resolve, as MkDocs resolves them, before anything is built.
def test_link_to_a_page_that_does_not_exist(tmp_path: Path) -> None:
    text = with_body_text("Baca juga [modul lain](../tidak-ada.md).")
    assert str(only_problem(module_project(tmp_path, text))) == (
        f"{MODULE}:{line_in(text, '[modul lain]')}:{column_in(text, '../tidak-ada.md')}: module 'grooming': body: "
        "link '../tidak-ada.md' does not name a page or file of the site, expected a relative path from the "
        "module's folder to a page's Markdown file (another module is '<id>.md', a page in docs/ is "
        "'../../<folder>/<page>.md')"
    )


def test_anchor_that_is_not_a_heading_of_the_module(tmp_path: Path) -> None:
    text = with_body_text("Lihat [bagian ini](#tidak-ada-bagian).")
    problem = only_problem(module_project(tmp_path, text))
    assert str(problem).startswith(
        f"{MODULE}:{line_in(text, '#tidak-ada-bagian')}:{column_in(text, '#tidak-ada-bagian')}: module 'grooming': "
        "body: link '#tidak-ada-bagian' points to a heading that is not on the page of module 'grooming', expected "
        "one of its headings: #agenda, #apa-itu-grooming-bujuk-rayu, "
    )
    assert "#enam-tanda-bahaya, " in problem.message and "#untuk-dibawa-pulang, " in problem.message
    assert problem.message.endswith("#untuk-smp-1214-tahun-dan-sma-1518-tahun")  # youth modules: SMP/SMA notes


@pytest.mark.parametrize(
    "address,expected",
    [
        ("../bersuara-dan-melapor/", "'bersuara-dan-melapor.md'"),  # a page address, not its file: MkDocs leaves it
        ("../../../bantuan/", "'../../bantuan/index.md'"),
        ("bersuara-dan-melapor/#penutup", "'bersuara-dan-melapor.md#penutup'"),
    ],
)
def test_page_address_instead_of_its_file_suggests_the_file(tmp_path: Path, address: str, expected: str) -> None:
    text = with_body_text(f"Baca [ini]({address}).")
    module_project(tmp_path, text)
    write_module(
        tmp_path,
        "remaja",
        "bersuara-dan-melapor",
        real_module("remaja", "bersuara-dan-melapor").replace(
            "related: [mengenal-esa-online, grooming, sexting-dan-sextortion, konten-seksual-tak-diinginkan]",
            "related: []",
        ),
    )
    write_file(tmp_path, "docs/bantuan/index.md", "# Bantuan\n")
    assert [p.message for p in problems_for(tmp_path)] == [
        f"link {address!r} does not name a page or file of the site, expected {expected} (a link names the page's "
        "Markdown file, relative to the module's folder)"
    ]


def test_link_starting_with_a_slash_is_refused_with_the_relative_path(tmp_path: Path) -> None:
    text = with_body_text("Hubungi [layanan bantuan](/bantuan/).")
    module_project(tmp_path, text)
    write_file(tmp_path, "docs/bantuan/index.md", "# Bantuan\n")
    assert only_problem(tmp_path).message == (
        "link '/bantuan/' starts with '/', which the build leaves as it is (the site lives under a subpath, so it "
        "would break), expected the relative path '../../bantuan/index.md'"
    )


def test_links_the_build_resolves_are_accepted(tmp_path: Path) -> None:
    """Each of these passes MkDocs' strict build (tried on a copy of the real project)."""
    links = [
        "[a](#enam-tanda-bahaya)",
        "[b](#agenda)",
        "[c](#pertanyaan-diskusi)",
        "[d](lain.md)",
        "[e](lain.md#penutup-siapa-yang-bisa-kamu-ajak-bicara)",
        "[f](../../bantuan/index.md)",
        "[g](paket-fasilitator.md)",
        "[h](../../acara/contoh-2019.md)",
        "![i](../../assets/logo.png)",
        "[j](https://example.org/#x)",
        "[k](mailto:info@example.org)",
        '[l](lain.md "judul")',
    ]
    module_project(tmp_path, with_body_text("\n".join(links)))
    other = GROOMING.replace("id: grooming", "id: lain").replace("order: ", "order: 1")
    write_module(tmp_path, "remaja", "lain", other)
    write_file(tmp_path, "docs/bantuan/index.md", "# Bantuan\n")
    write_file(tmp_path, "docs/assets/logo.png", b"\x89PNG")
    assert problems_for(tmp_path) == []


def test_markdown_settings_match_mkdocs_yml() -> None:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert tuple(names) == MARKDOWN_EXTENSIONS


def test_heading_ids_are_those_of_the_built_lesson_page() -> None:
    """The ids validation computes for a module are the heading ids of its real page (two headings that depend on
    the glossary and the events are taken to be there)."""
    project = load_project(ROOT)
    for lesson in project.lessons:
        page = f"kurikulum/{lesson.module.track}/{lesson.id}.md"
        module = ModulePage(
            lesson.id,
            lesson.body,
            bool(lesson.module.materials),
            bool(lesson.module.related),
            lesson.module.track == "remaja",
        )
        rendered = markdown.markdown(
            lesson_page_markdown(project, lesson).split("---\n", 2)[2], extensions=list(MARKDOWN_EXTENSIONS)
        )
        headings = set(re.findall(r'<h[1-6][^>]* id="([^"]+)"', rendered))
        computed = SitePages(frozenset([page]), {page: module}).anchors(page)
        assert computed is not None and headings <= computed, lesson.id
        assert computed - headings <= {"istilah-dalam-modul-ini", "dibahas-di-acara"}, lesson.id


def test_real_modules_and_docs_are_all_known_pages() -> None:
    pages = site_pages(ROOT, {})
    assert {"index.md", "bantuan/index.md", "glosarium/index.md"} <= pages.files


# 9. Nesting is bounded before a parser recurses into it.
def test_deeply_nested_list_in_a_module_is_refused_before_markdown_reads_it(tmp_path: Path) -> None:
    nested = "".join("    " * level + f"- butir {level}\n" for level in range(400))
    text = with_body_text(nested.rstrip("\n"))
    started = time.perf_counter()
    problems = problems_for(module_project(tmp_path, text))
    assert time.perf_counter() - started < 10
    line = line_in(text, f"- butir {MAX_NESTING}")
    assert [str(p) for p in problems] == [
        f"{MODULE}:{line}:{4 * MAX_NESTING + 1}: module 'grooming': body: lists or quotes are nested 9 levels deep "
        "here, expected at most 8 levels (each '>', list marker and four spaces of indentation is a level): move "
        "these lines up a level, or start a new list"
    ]


def test_nesting_within_the_bound_is_accepted(tmp_path: Path) -> None:
    lists = "".join("    " * level + f"- butir {level}\n" for level in range(MAX_NESTING)).rstrip("\n")
    quotes = "> " * MAX_NESTING + "kutipan"
    assert problems_for(module_project(tmp_path, with_body_text(f"{lists}\n\n{quotes}"))) == []


def test_deeply_nested_quotes_point_at_the_first_quote_past_the_bound(tmp_path: Path) -> None:
    text = with_body_text(">" * 50 + " kutipan")
    problem = only_problem(module_project(tmp_path, text))
    assert (problem.line, problem.column) == (line_in(text, ">" * 50), MAX_NESTING + 1)
    assert problem.message.startswith("lists or quotes are nested 50 levels deep here, expected at most 8 levels")


@pytest.mark.parametrize(
    "value,column",
    [
        (
            "[" * 300 + "]" * 300,
            12 + 61,
        ),  # at the 65th level: the file's mapping, `events` and the event hold 3 of them
        ("[" * 2000 + "]" * 2000, 12 + 64),  # libyaml refuses it before saying where: at the 65th bracket
    ],
)
def test_deeply_nested_yaml_is_refused(tmp_path: Path, value: str, column: int) -> None:
    text = EVENT.replace("title: Workshop Contoh", f"title: {value}")
    assert str(only_problem(write_data(tmp_path, text))) == (
        f"data/events.yaml:{line_in(text, 'title: [')}:{column}: YAML nested too deeply: more than {MAX_YAML_DEPTH} "
        f"lists and mappings inside each other here, expected at most {MAX_YAML_DEPTH} levels (the data needs fewer "
        "than 10: check the indentation and the '-', '[' and '{' marks)"
    )


def test_yaml_nested_past_what_the_parser_survives_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    """yaml-rs crashes the whole process (a segmentation fault) on some 20,000 levels of `- - - …`."""
    write_data(tmp_path, VALID_EVENT)
    text = EVENT.replace("        topics: [Pencegahan]", "        topics:\n          " + "- " * 30_000 + "x")
    write_file(tmp_path, "data/events.yaml", text)
    script = (
        "import sys; from pathlib import Path; from smartschool.project import validate_project; "
        "_, problems = validate_project(Path(sys.argv[1])); print(*problems, sep='\\n')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    line = line_in(text, "- - -")
    assert result.stdout.strip() == (
        f"data/events.yaml:{line}:{11 + 2 * (MAX_YAML_DEPTH - 5)}: YAML nested too deeply: more than "
        f"{MAX_YAML_DEPTH} lists and mappings inside each other here, expected at most {MAX_YAML_DEPTH} levels (the "
        "data needs fewer than 10: check the indentation and the '-', '[' and '{' marks)"
    )
