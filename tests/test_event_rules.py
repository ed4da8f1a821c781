"""Each validation rule: a failing fixture whose problem names file, line, column, event and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import VALID_EVENT, line_of, only_problem, problems_for, write_data


def test_valid_fixture_has_no_problems(tmp_path: Path) -> None:
    assert problems_for(write_data(tmp_path, VALID_EVENT)) == []


# Rule 1: the YAML parses; a syntax error reports its line and column.
def test_yaml_syntax_error_reports_line_and_column(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("    city: Kupang", "    city: [Kupang")
    problem = only_problem(write_data(tmp_path, text))
    assert problem.file == "data/events.yaml"
    assert problem.line == line_of(text, "province: Nusa") and problem.column > 1
    assert "YAML syntax error" in str(problem)


def test_tab_indentation_is_a_syntax_error_not_a_traceback(tmp_path: Path) -> None:
    problem = only_problem(write_data(tmp_path, VALID_EVENT.replace("    city: Kupang", "\tcity: Kupang")))
    assert problem.line == line_of(VALID_EVENT, "city: Kupang")
    assert "YAML syntax error" in problem.message


def test_duplicate_key_is_reported(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("    city: Kupang\n", "    city: Kupang\n    city: Ende\n", 1)
    problem = only_problem(write_data(tmp_path, text))
    assert (problem.line, problem.field) == (line_of(text, "city: Ende"), "events[0].city")
    assert "duplicate key" in problem.message


# Rule 2: partner classes exist, name known organisations, and no organisation twice.
def test_event_without_partner_classes(tmp_path: Path) -> None:
    text = VALID_EVENT.replace(
        "    partner_classes:\n      - organization: ecpat-indonesia\n        topic: Pencegahan\n"
        "      - organization: ict-watch\n        topic: null\n",
        "    partner_classes: []\n",
    )
    problem = only_problem(write_data(tmp_path, text))
    assert str(problem).startswith(
        f"data/events.yaml:{line_of(text, 'partner_classes')}:22: event 'contoh-2019': partner_classes: is empty"
    )
    assert "expected at least 1" in problem.message


def test_missing_partner_classes_key(tmp_path: Path) -> None:
    text = VALID_EVENT.replace(
        "    partner_classes:\n      - organization: ecpat-indonesia\n        topic: Pencegahan\n"
        "      - organization: ict-watch\n        topic: null\n",
        "",
    )
    problem = only_problem(write_data(tmp_path, text))
    assert (problem.subject, problem.field) == ("event 'contoh-2019'", "partner_classes")
    assert problem.message.startswith("missing, expected one entry per organisation")
    assert problem.line == line_of(text, "- id: contoh-2019")


def test_partner_class_with_unknown_organisation(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("organization: ict-watch", "organization: ictwatch")
    problem = only_problem(write_data(tmp_path, text))
    assert (problem.line, problem.column) == (line_of(text, "ictwatch"), 23)
    assert problem.field == "partner_classes[1].organization"
    assert "'ictwatch' is not a known organisation" in problem.message
    assert "ict-watch" in problem.message  # the expected ids are listed


def test_partner_class_topic_must_be_given_even_if_null(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("        topic: null\n", "")
    problem = only_problem(write_data(tmp_path, text))
    assert problem.field == "partner_classes[1].topic"
    assert problem.message.startswith("missing")


def test_organisation_running_two_classes(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("organization: ict-watch", "organization: ecpat-indonesia")
    problem = only_problem(write_data(tmp_path, text))
    assert problem.line == line_of(text, "organization: ecpat-indonesia", 2)
    assert problem.field == "partner_classes[1].organization"
    assert "runs a class twice" in problem.message


# Rule 3: follow-up location present, dated after the event, naming an existing event.
def test_missing_follow_up(tmp_path: Path) -> None:
    text = VALID_EVENT.replace(
        "    follow_up:\n      city: Parepare\n      province: Sulawesi Selatan\n      date: 2019-06\n", ""
    )
    problem = only_problem(write_data(tmp_path, text))
    assert str(problem) == (
        f"data/events.yaml:{line_of(text, '- id:')}:5: event 'contoh-2019': follow_up: "
        "missing, expected where the program goes next"
    )


def test_follow_up_without_province(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("      province: Sulawesi Selatan\n", "")
    problem = only_problem(write_data(tmp_path, text))
    assert (problem.line, problem.field) == (line_of(text, "city: Parepare"), "follow_up.province")
    assert problem.message.startswith("missing, expected province of the next stop")


def test_follow_up_dated_before_event_ends(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("date: 2019-06", "date: 2019-04")
    problem = only_problem(write_data(tmp_path, text))
    assert (problem.line, problem.field) == (line_of(text, "date: 2019-04"), "follow_up.date")
    assert "not after the event ends (2019-05-11)" in problem.message


def test_follow_up_month_must_exist(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("date: 2019-06", "date: 2019-13")
    problem = only_problem(write_data(tmp_path, text))
    assert problem.field == "follow_up.date" and "month 13 does not exist" in problem.message


def test_follow_up_in_words_is_not_a_date(tmp_path: Path) -> None:
    problem = only_problem(write_data(tmp_path, VALID_EVENT.replace("date: 2019-06", "date: April 2019")))
    assert problem.message == "'April 2019' is not a month or date, expected YYYY-MM or YYYY-MM-DD"


def test_follow_up_event_must_exist(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("      date: 2019-06\n", "      date: 2019-06\n      event: parepare-2019\n")
    problem = only_problem(write_data(tmp_path, text))
    assert (problem.line, problem.field) == (line_of(text, "event: parepare-2019"), "follow_up.event")
    assert "'parepare-2019' is not an event id" in problem.message


def test_follow_up_event_may_name_a_later_event(tmp_path: Path) -> None:
    second = VALID_EVENT.split("events:\n", 1)[1].replace("contoh-2019", "parepare-2019")
    text = VALID_EVENT.replace("      date: 2019-06\n", "      date: 2019-06\n      event: parepare-2019\n") + second
    assert problems_for(write_data(tmp_path, text)) == []


# Rule 4: ids are unique lowercase slugs; dates are real; start <= end; days inside the event.
def test_id_must_be_a_slug(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("id: contoh-2019", "id: Contoh 2019")
    problem = only_problem(write_data(tmp_path, text))
    assert (problem.line, problem.column, problem.field) == (line_of(text, "Contoh 2019"), 9, "id")
    assert "is not a lowercase slug" in problem.message


def test_duplicate_event_ids(tmp_path: Path) -> None:
    text = VALID_EVENT + VALID_EVENT.split("events:\n", 1)[1]
    problem = only_problem(write_data(tmp_path, text))
    assert problem.line == line_of(text, "id: contoh-2019", 2)
    assert "duplicate id" in problem.message


def test_impossible_date(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("start: 2019-05-10", "start: 2019-02-30")
    problem = only_problem(write_data(tmp_path, text))
    assert str(problem) == (
        f"data/events.yaml:{line_of(text, 'start:')}:12: event 'contoh-2019': start: "
        "'2019-02-30' is not a real date, expected YYYY-MM-DD"
    )


def test_start_after_end(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("end: 2019-05-11", "end: 2019-05-09")
    problems = problems_for(write_data(tmp_path, text))
    messages = [p.message for p in problems]
    assert any("2019-05-09 is before start 2019-05-10" in m for m in messages)
    assert problems[0].line == line_of(text, "end: 2019-05-09")


def test_day_outside_the_event(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("      - date: 2019-05-10", "      - date: 2019-05-12")
    problem = only_problem(write_data(tmp_path, text))
    assert (problem.line, problem.field) == (line_of(text, "- date: 2019-05-12"), "days[0].date")
    assert "outside the event" in problem.message


# Rule 5: unknown keys are errors, with a suggestion.
def test_unknown_key_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("    follow_up:", "    folow_up:")
    problems = problems_for(write_data(tmp_path, text))
    unknown = [p for p in problems if p.field == "folow_up"]
    assert len(unknown) == 1
    assert unknown[0].line == line_of(text, "folow_up") and unknown[0].column == 5
    assert "unknown key 'folow_up' (did you mean 'follow_up'?)" in unknown[0].message
    # one mistake, one message: the field the misspelled key was meant to be is not reported as missing too
    assert not any(p.field == "follow_up" for p in problems)


def test_unknown_audience_lists_the_allowed_ones(tmp_path: Path) -> None:
    problem = only_problem(write_data(tmp_path, VALID_EVENT.replace("audiences: [guru]", "audiences: [murid]")))
    assert problem.field == "days[0].audiences[0]"
    assert "'murid' is not allowed, expected one of:" in problem.message and "'guru'" in problem.message


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    second = VALID_EVENT.split("events:\n", 1)[1].replace("contoh-2019", "kedua-2019")
    text = VALID_EVENT.replace("city: Kupang", "kota: Kupang") + second.replace(
        "organization: ict-watch", "organization: nobody"
    )
    problems = problems_for(write_data(tmp_path, text))
    subjects = {(p.subject, p.field) for p in problems}
    assert ("event 'contoh-2019'", "kota") in subjects
    assert ("event 'contoh-2019'", "city") in subjects
    assert ("event 'kedua-2019'", "partner_classes[1].organization") in subjects


def test_every_fault_inside_one_event_is_reported(tmp_path: Path) -> None:
    text = (
        VALID_EVENT.replace("status: held", "status: done")
        .replace("city: Kupang", "city: 42")
        .replace("topics: [Pencegahan]", "topics: [Pencegahan, '']")
        .replace(
            "formats: [presentasi]", "formats: [presentasi]\n        schedule: {start: '8:00', items: [{module: x}]}"
        )
    )
    problems = problems_for(write_data(tmp_path, text))
    assert [(p.field, p.line) for p in problems] == [
        ("status", line_of(text, "status: done")),
        ("city", line_of(text, "city: 42")),
        ("days[0].topics[1]", line_of(text, "topics: [")),
        ("days[0].schedule.start", line_of(text, "schedule:")),
    ]
    messages = [p.message for p in problems]
    assert messages[0] == "'done' is not allowed, expected one of: 'cancelled', 'held', 'planned'"
    assert messages[1] == (
        '42 is read as a number, expected city where the event took place: put it in quotes: city: "42"'
    )
    assert messages[2] == "is empty, expected topics the day covered"
    assert messages[3] == "'8:00' is not a time of day, expected HH:MM (like '08:30')"


@pytest.mark.parametrize("value", ["' Kupang'", "'Kupang '", ">\n      Kupang"])
def test_text_with_spaces_or_a_line_break_around_it_is_refused(tmp_path: Path, value: str) -> None:
    text = VALID_EVENT.replace("city: Kupang", f"city: {value}")
    problem = only_problem(write_data(tmp_path, text))
    assert problem.field == "city" and "starts or ends with spaces or a line break" in problem.message
    assert "'>-'" in problem.message


@pytest.mark.parametrize(
    "field,line",
    [("id", "id: contoh-2019"), ("start", "start: 2019-05-10"), ("organizer", "organizer: ecpat-indonesia")],
)
def test_a_final_line_break_does_not_pass_a_pattern(tmp_path: Path, field: str, line: str) -> None:
    text = VALID_EVENT.replace(line, f'{field}: "{line.split(": ")[1]}\\n"')
    problem = only_problem(write_data(tmp_path, text))
    assert problem.field == field and problem.line == line_of(text, f"{field}: "), str(problem)


def test_a_folded_block_without_its_final_line_break_is_text(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("city: Kupang", "city: >-\n      Kupang")
    assert problems_for(write_data(tmp_path, text)) == []


def test_numbers_outside_their_range_say_the_bound(tmp_path: Path) -> None:
    text = VALID_EVENT.replace(
        "formats: [presentasi]",
        "formats: [presentasi]\n        schedule:\n"
        "          start: '08:00'\n          items:\n            - {title: Rehat, minutes: 0}",
    )
    problem = only_problem(write_data(tmp_path, text))
    assert problem.field == "days[0].schedule.items[0].minutes"
    assert problem.message.startswith("the number 0 is not accepted (it must be more than 0), expected length of")


def test_event_without_id_is_named_by_position(tmp_path: Path) -> None:
    problem = only_problem(write_data(tmp_path, VALID_EVENT.replace("  - id: contoh-2019\n    program", "  - program")))
    assert problem.subject == "event #1" and problem.field == "id"


@pytest.mark.parametrize(
    "document,expected",
    [
        ("", "an empty value, expected a mapping with a 'events' list"),
        ("- a\n- b\n", "a list, expected a mapping with a 'events' list"),
        ("events: 3\n", "the number 3, expected a list of events"),
        ("events:\n  - just text\n", "the text 'just text', expected a mapping"),
    ],
)
def test_wrong_shapes_are_explained(tmp_path: Path, document: str, expected: str) -> None:
    assert expected in only_problem(write_data(tmp_path, document)).message


def test_organisations_file_is_validated_too(tmp_path: Path) -> None:
    orgs = (Path(__file__).parent.parent / "data/organizations.yaml").read_text("utf-8")
    broken = orgs.replace("website: https://sejiwa.org", "website: sejiwa.org")
    problem = only_problem(write_data(tmp_path, VALID_EVENT, broken))
    assert problem.file == "data/organizations.yaml"
    assert problem.subject == "organization 'yayasan-sejiwa'" and problem.field == "website"
    assert "'sejiwa.org' is not a web address" in problem.message


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    write_data(tmp_path, VALID_EVENT)
    (tmp_path / "data/events.yaml").unlink()
    problem = only_problem(tmp_path)
    assert (problem.file, problem.message) == ("data/events.yaml", "file not found, expected it to exist")


def test_duplicate_organisation_ids(tmp_path: Path) -> None:
    orgs = (Path(__file__).parent.parent / "data/organizations.yaml").read_text("utf-8")
    doubled = orgs + orgs.split("organizations:\n", 1)[1].split("\n\n")[0] + "\n"
    problem = only_problem(write_data(tmp_path, VALID_EVENT, doubled))
    assert (problem.file, problem.subject, problem.field) == (
        "data/organizations.yaml",
        "organization 'ecpat-indonesia'",
        "id",
    )
    assert problem.message == "duplicate id, expected each organization id once"


@pytest.mark.parametrize(
    "document,expected,line",
    [
        ("events: &e [*e]\n", "an empty value, expected a mapping", 1),  # a recursive alias carries no data
        ("events:\n  ? [1]\n  : x\n", "a mapping, expected a list of events", 2),
        ("events: [*nowhere]\n", "unknown anchor", 1),  # only yaml-rs refuses it: its own place is kept
        ("events:\n  - id: a\x01b\n", "control character U+0001 is not allowed", 2),
        ("events: []\n---\nevents: []\n", "a second YAML document starts here", 2),
    ],
)
def test_odd_yaml_is_a_located_problem(tmp_path: Path, document: str, expected: str, line: int) -> None:
    problem = only_problem(write_data(tmp_path, document))
    assert expected in problem.message and problem.line == line, str(problem)


def test_leading_document_marker_is_fine(tmp_path: Path) -> None:
    assert problems_for(write_data(tmp_path, "---\n" + VALID_EVENT.lstrip("\n"))) == []


def test_duplicate_key_does_not_hide_other_problems(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("    city: Kupang\n", "    city: Kupang\n    city: Ende\n", 1).replace(
        "status: held", "status: dibatalkan"
    )
    problems = problems_for(write_data(tmp_path, text))
    assert [p.field for p in problems] == ["events[0].city", "status"], "\n".join(map(str, problems))
    assert problems[1].line == line_of(text, "status: dibatalkan")


def test_yaml_1_2_keeps_clock_times_and_words_as_text(tmp_path: Path) -> None:
    """Under YAML 1.1 `10:00` was the number 600 and `no` was false; the data files read YAML 1.2."""
    from smartschool.yamlsource import parse_yaml

    source, problems = parse_yaml("start: 10:00\nanswer: no\nday: 2018-03-16\ncount: 012\n", "x.yaml")
    assert problems == [] and source is not None
    assert source.data == {"start": "10:00", "answer": "no", "day": "2018-03-16", "count": 12}


def test_merge_keys_keep_their_yaml_meaning(tmp_path: Path) -> None:
    body = VALID_EVENT.split("events:\n", 1)[1].replace(
        "    city: Kupang\n    province: Nusa Tenggara Timur\n", "    <<: *place\n"
    )
    text = "place: &place {city: Kupang, province: Nusa Tenggara Timur}\nevents:\n" + body
    problems = problems_for(write_data(tmp_path, text))
    assert [p.field for p in problems] == ["place"]  # only the helper key is unknown; the merge filled city


def test_merge_key_of_a_non_mapping_is_reported(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("    city: Kupang\n", "    <<: Kupang\n    city: Kupang\n", 1)
    problem = only_problem(write_data(tmp_path, text))
    assert (problem.line, problem.field) == (line_of(text, "<<: Kupang"), "<<")
    assert problem.message.startswith("unknown key '<<'")
