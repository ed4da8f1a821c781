"""Curriculum validation: each rule has a failing module fixture whose problem names file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import VALID_EVENT, line_in, only_problem, problems_for, real_module, write_data, write_module

GROOMING = real_module("remaja", "grooming")
FILE = "curriculum/remaja/grooming.md"


def project_with(tmp_path: Path, text: str, name: str = "grooming", events: str = VALID_EVENT) -> Path:
    write_data(tmp_path, events)
    write_module(tmp_path, "remaja", name, text)
    return tmp_path


def _solo(text: str) -> str:
    """The grooming module with no related modules, so it validates on its own."""
    return text.replace("related: [mengenal-esa-online, sexting-dan-sextortion, bersuara-dan-melapor]", "related: []")


def test_real_module_is_valid_alone(tmp_path: Path) -> None:
    assert problems_for(project_with(tmp_path, _solo(GROOMING))) == []


def test_agenda_must_add_up_to_duration(tmp_path: Path) -> None:
    text = _solo(GROOMING).replace("duration_minutes: 90", "duration_minutes: 95")
    problem = only_problem(project_with(tmp_path, text))
    assert str(problem) == (
        f"{FILE}:{line_in(text, 'duration_minutes')}:19: module 'grooming': duration_minutes: "
        "95 minutes declared but the agenda adds up to 90, expected them to be equal"
    )


def test_related_modules_must_resolve(tmp_path: Path) -> None:
    problems = problems_for(project_with(tmp_path, GROOMING))
    assert [p.field for p in problems] == ["related[0]", "related[1]", "related[2]"]
    assert problems[0].line == line_in(GROOMING, "related:")
    assert "'mengenal-esa-online' is not a module id, expected one of: grooming" in problems[0].message


def test_module_cannot_relate_to_itself(tmp_path: Path) -> None:
    problem = only_problem(project_with(tmp_path, _solo(GROOMING).replace("related: []", "related: [grooming]")))
    assert problem.field == "related[0]" and "names the module itself" in problem.message


def test_unknown_front_matter_key(tmp_path: Path) -> None:
    text = _solo(GROOMING).replace("summary:", "sumary:", 1)
    problems = problems_for(project_with(tmp_path, text))
    unknown = next(p for p in problems if p.field == "sumary")
    assert unknown.line == line_in(text, "sumary:") and unknown.column == 1
    assert "unknown key 'sumary' (did you mean 'summary'?)" in unknown.message
    # one mistake, one message: the field the misspelled key was meant to be is not reported as missing too
    assert not any(p.field == "summary" for p in problems)


def test_unknown_method(tmp_path: Path) -> None:
    text = _solo(GROOMING).replace("method: kuis", "method: ceramah").replace("method: studi-kasus", "method: ceramah")
    problem = only_problem(project_with(tmp_path, text))
    assert problem.field == "agenda[4].method" and problem.line == line_in(text, "method: ceramah")
    assert "'ceramah' is not allowed, expected one of:" in problem.message


def test_audience_must_fit_the_track(tmp_path: Path) -> None:
    problem = only_problem(
        project_with(tmp_path, _solo(GROOMING).replace("audiences: [smp, sma]", "audiences: [smp, guru]"))
    )
    assert problem.field == "audiences[1]"
    assert problem.message == "'guru' is not an audience of track remaja, expected one of: smp, sma"


def test_youth_module_needs_an_age_band(tmp_path: Path) -> None:
    problem = only_problem(project_with(tmp_path, _solo(GROOMING).replace("age_band: {min: 12, max: 18}\n", "")))
    assert problem.field == "age_band" and problem.message.startswith("missing, expected the ages")


def test_objectives_say_what_participants_can_do(tmp_path: Path) -> None:
    text = _solo(GROOMING).replace('  - "Peserta mampu menemukan', '  - "Menemukan')
    problem = only_problem(project_with(tmp_path, text))
    assert (problem.field, problem.line) == ("objectives[2]", line_in(text, '"Menemukan'))
    assert "expected it to start with 'Peserta mampu …'" in problem.message


def test_at_least_two_objectives(tmp_path: Path) -> None:
    start = GROOMING.index("objectives:")
    end = GROOMING.index("key_messages:")
    text = _solo(GROOMING[:start] + 'objectives:\n  - "Peserta mampu menjelaskan grooming."\n' + GROOMING[end:])
    problem = only_problem(project_with(tmp_path, text))
    assert problem.field == "objectives" and "at least 2" in problem.message


def test_youth_module_needs_a_safeguarding_note(tmp_path: Path) -> None:
    text = _solo(GROOMING).replace("!!! perlindungan", "!!! fasilitator")
    problem = only_problem(project_with(tmp_path, text))
    assert problem.file == FILE and problem.field == "body"
    assert problem.line == line_in(text, "---", 2) + 1
    assert "no safeguarding note" in problem.message


def test_safeguarding_note_must_refer_to_sapa_129(tmp_path: Path) -> None:
    # The note names SAPA 129 by its token since the help contacts come from data/help.yaml (issue #18).
    text = _solo(GROOMING).replace("      [[bantuan:sapa-129]].", "      layanan bantuan.")
    problem = only_problem(project_with(tmp_path, text))
    assert "does not refer to SAPA 129" in problem.message


def test_source_file_must_exist(tmp_path: Path) -> None:
    text = _solo(GROOMING).replace(
        '    url: "https://icmec.medium.com/words-matter-part-2-grooming-7cfe85fd5e1a"', "    file: docs/tidak-ada.md"
    )
    problem = only_problem(project_with(tmp_path, text))
    assert (problem.field, problem.line) == ("sources[0].file", line_in(text, "file: docs/tidak-ada.md"))
    assert "'docs/tidak-ada.md' is not a file in the project" in problem.message


def test_source_file_that_exists_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/ada.md").write_text("x")
    text = _solo(GROOMING).replace(
        '    url: "https://icmec.medium.com/words-matter-part-2-grooming-7cfe85fd5e1a"', "    file: docs/ada.md"
    )
    assert problems_for(project_with(tmp_path, text)) == []


def test_source_needs_url_or_file(tmp_path: Path) -> None:
    text = _solo(GROOMING).replace(
        '    url: "https://icmec.medium.com/words-matter-part-2-grooming-7cfe85fd5e1a"\n', ""
    )
    problem = only_problem(project_with(tmp_path, text))
    assert problem.field == "sources[0]" and "exactly one of `url` and `file`" in problem.message


def test_id_must_match_file_name(tmp_path: Path) -> None:
    problem = only_problem(project_with(tmp_path, _solo(GROOMING), name="bujuk-rayu"))
    assert problem.file == "curriculum/remaja/bujuk-rayu.md"
    assert problem.message == "'grooming' differs from the file name, expected 'bujuk-rayu'"


def test_order_unique_within_track(tmp_path: Path) -> None:
    project_with(tmp_path, _solo(GROOMING))
    other = _solo(GROOMING).replace("id: grooming", "id: grooming-lanjutan")
    write_module(tmp_path, "remaja", "grooming-lanjutan", other)
    problems = problems_for(tmp_path)
    assert {(p.file, p.field) for p in problems} == {
        ("curriculum/remaja/grooming.md", "order"),
        ("curriculum/remaja/grooming-lanjutan.md", "order"),
    }


@pytest.mark.parametrize(
    "text,expected",
    [
        ("id: x\n", "no front matter, expected the file to start with a '---' line"),
        ("---\nid: x\n", "front matter is not closed, expected a second '---' line"),
    ],
)
def test_front_matter_fences(tmp_path: Path, text: str, expected: str) -> None:
    assert only_problem(project_with(tmp_path, text)).message == expected


def test_front_matter_syntax_error_reports_its_file_line(tmp_path: Path) -> None:
    text = _solo(GROOMING).replace("audiences: [smp, sma]", "audiences: [smp, sma")
    problem = only_problem(project_with(tmp_path, text))
    assert problem.file == FILE and "YAML syntax error" in problem.message
    assert problem.line in (line_in(text, "audiences:"), line_in(text, "audiences:") + 1)


def test_event_day_modules_must_resolve(tmp_path: Path) -> None:
    events = VALID_EVENT.replace(
        "        formats: [presentasi]\n", "        formats: [presentasi]\n        modules: [grooming, tidak-ada]\n"
    )
    problem = only_problem(project_with(tmp_path, _solo(GROOMING), events=events))
    assert (problem.file, problem.field) == ("data/events.yaml", "days[0].modules[1]")
    assert "'tidak-ada' is not a curriculum module" in problem.message


def test_schedule_blocks_are_modules_or_timed_activities(tmp_path: Path) -> None:
    events = VALID_EVENT.replace(
        "        formats: [presentasi]\n",
        (
            "        formats: [presentasi]\n        schedule:\n          start: '08:00'\n          items:\n"
            "            - module: grooming\n            - title: Istirahat\n"
        ),
    )
    problem = only_problem(project_with(tmp_path, _solo(GROOMING), events=events))
    assert problem.field == "days[0].schedule.items[1]"
    assert "give either `module`, or `title` and `minutes`" in problem.message


@pytest.mark.parametrize("reserved", ["paket-fasilitator", "paket-fasilitator-2", "halaman-3"])
def test_id_cannot_take_an_address_the_site_generates(tmp_path: Path, reserved: str) -> None:
    text = _solo(GROOMING).replace("id: grooming", f"id: {reserved}")
    problem = only_problem(project_with(tmp_path, text, name=reserved))
    assert (problem.file, problem.line, problem.field) == (
        f"curriculum/remaja/{reserved}.md",
        line_in(text, "id:"),
        "id",
    )
    assert "an address the site uses for its own pages" in problem.message
