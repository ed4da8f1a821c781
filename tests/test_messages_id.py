"""The maintainers' messages: Bahasa Indonesia by default, items counted from 1, YAML errors as what to do, and one
mistake gives one message. (The rest of the suite runs in English: tests/conftest.py sets SSO_LANG=en.)"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import VALID_EVENT, line_of, problems_for, real_module, write_data, write_module
from smartschool import messages
from smartschool.messages import MESSAGES, field_path, item_subject, shared_placeholders

EVENTS = "data/events.yaml"
TWO_EVENTS = VALID_EVENT + VALID_EVENT.split("events:\n", 1)[1].replace("contoh-2019", "parepare-2019")


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("SSO_LANG", raising=False)  # the maintainers' default
    yield


def shown(root: Path) -> list[str]:
    return [str(problem) for problem in sorted(problems_for(root))]


def test_every_catalogue_key_has_both_languages_with_the_same_placeholders() -> None:
    for key, forms in MESSAGES.items():
        assert set(forms) == {"en", "id"}, key
        assert (forms["en"].strip() and forms["id"].strip()) or key.startswith("kind."), key
        assert shared_placeholders(forms["en"]) == shared_placeholders(forms["id"]), key
        assert not any(name.startswith("en_") for name in messages.placeholders(forms["id"])), key
        assert not any(name.startswith("id_") for name in messages.placeholders(forms["en"])), key


def test_language_follows_the_environment_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    assert messages.language() == "id"
    assert item_subject("event", 1, "parepare-2018") == "acara ke-2 (parepare-2018)"
    assert field_path(("days", 0, "schedule", "items", 2, "module")) == "days ke-1 › schedule.items ke-3 › module"
    assert field_path(("follow_up", "date")) == "follow_up.date"
    monkeypatch.setenv("SSO_LANG", "en")
    assert item_subject("event", 1, "parepare-2018") == "event 'parepare-2018'"
    assert field_path(("days", 0, "schedule", "items", 2, "module")) == "days[0].schedule.items[2].module"


def test_a_number_where_text_is_expected_asks_for_quotes(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("city: Kupang", "city: 129")
    assert shown(write_data(tmp_path, text)) == [
        f"{EVENTS}:{line_of(text, 'city: 129')}:11: acara ke-1 (contoh-2019): city: 129 terbaca sebagai angka, "
        'padahal harus teks. Beri tanda kutip: city: "129"'
    ]


def test_true_or_false_where_text_is_expected_asks_for_quotes(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("title: Workshop Contoh", "title: true")
    assert shown(write_data(tmp_path, text)) == [
        f"{EVENTS}:{line_of(text, 'title: true')}:12: acara ke-1 (contoh-2019): title: true terbaca sebagai nilai "
        'benar/salah, padahal harus teks. Beri tanda kutip: title: "true"'
    ]


def test_a_tab_is_explained_as_replace_it_with_spaces(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("    city: Kupang", "\tcity: Kupang")
    line = line_of(text, "city: Kupang")
    assert shown(write_data(tmp_path, text)) == [
        f"{EVENTS}:{line}:1: ada tab di baris {line}. Ganti tab dengan spasi: YAML hanya menerima spasi untuk "
        "indentasi."
    ]


def test_one_misplaced_indent_gives_one_message_with_the_indentation_to_write(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("    city: Kupang", "      city: Kupang")
    line = line_of(text, "city: Kupang")
    assert shown(write_data(tmp_path, text)) == [
        f"{EVENTS}:{line}:7: baris {line} menjorok 6 spasi, seharusnya 4. Tulis 4 spasi di awal baris ini, sejajar "
        "dengan kolom lain di bagian yang sama."
    ]


def test_a_list_item_at_the_wrong_level(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("      - organization: ict-watch", "     - organization: ict-watch")
    line = line_of(text, "organization: ict-watch")
    assert shown(write_data(tmp_path, text)) == [
        f"{EVENTS}:{line}:6: butir daftar ('- ') di baris {line} menjorok 5 spasi, seharusnya 6. Tulis 6 spasi "
        "sebelum '-', sejajar dengan butir lain di daftar yang sama."
    ]


def test_an_unclosed_quote_names_the_line_it_opened_on(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("title: Workshop Contoh", 'title: "Workshop Contoh')
    line = line_of(text, "title:")
    assert shown(write_data(tmp_path, text)) == [
        f'{EVENTS}:{line}:12: tanda kutip " yang dibuka di baris {line} tidak ditutup. Tulis " penutup di akhir '
        "teksnya."
    ]


def test_a_colon_inside_an_unquoted_value_asks_for_quotes(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("title: Workshop Contoh", "title: Workshop: Contoh")
    line = line_of(text, "title:")
    assert shown(write_data(tmp_path, text)) == [
        f"{EVENTS}:{line}:20: teks di baris {line} berisi ': ', yang dibaca YAML sebagai kolom baru. Beri tanda "
        'kutip: title: "Workshop: Contoh"'
    ]


def test_a_misspelled_key_is_one_message_with_its_suggestion(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("    follow_up:", "    folow_up:")
    assert shown(write_data(tmp_path, text)) == [
        f"{EVENTS}:{line_of(text, 'folow_up:')}:5: acara ke-1 (contoh-2019): folow_up: nama kolom 'folow_up' tidak "
        "dikenal (kolom yang boleh: id, program, title, status, start, end, city, province, organizer, "
        "partner_classes, days, follow_up, report). Mungkin maksud Anda 'follow_up': tulis 'follow_up'."
    ]


def test_a_day_is_counted_from_one_and_its_event_named_by_position_and_id(tmp_path: Path) -> None:
    text = TWO_EVENTS.replace("- date: 2019-05-10", "- date: 2019-05-20", 2)
    problems = shown(write_data(tmp_path, text))
    assert problems[1] == (
        f"{EVENTS}:{line_of(text, '- date: 2019-05-20', 2)}:15: acara ke-2 (parepare-2019): days ke-1 › date: "
        "2019-05-20 di luar tanggal acara. Tulis tanggal dari 2019-05-10 sampai 2019-05-11."
    )


def test_a_broken_module_gives_its_own_message_and_no_follow_ons(tmp_path: Path) -> None:
    """Other modules name grooming in `related`, and the event in `modules`: its id is known from the file name."""
    write_data(
        tmp_path, VALID_EVENT.replace("formats: [presentasi]", "formats: [presentasi]\n        modules: [grooming]")
    )
    grooming = real_module("remaja", "grooming").replace("\ntitle: ", "\n   title: ", 1)
    write_module(tmp_path, "remaja", "grooming", grooming)
    other = real_module("remaja", "mengenal-esa-online")
    related = next(line for line in other.splitlines() if line.startswith("related:"))
    write_module(
        tmp_path,
        "remaja",
        "mengenal-esa-online",
        other.replace(related, "related: [grooming]").replace("## ", "Lihat [grooming](grooming.md).\n\n## ", 1),
    )
    problems = shown(tmp_path)
    assert problems == [
        "curriculum/remaja/grooming.md:3:4: baris 3 menjorok 3 spasi, seharusnya 0 (tidak "
        "menjorok). Hapus spasi di awal baris ini."
    ]


def test_a_broken_events_file_gives_one_message_and_no_module_follow_ons(tmp_path: Path) -> None:
    """A module linking to an event page is not reported while the events file cannot be read."""
    text = VALID_EVENT.replace("    city: Kupang", "      city: Kupang")
    write_data(tmp_path, text)
    module = real_module("remaja", "grooming").replace(
        "related: [mengenal-esa-online, sexting-dan-sextortion, bersuara-dan-melapor]", "related: []"
    )
    write_module(
        tmp_path, "remaja", "grooming", module.replace("## ", "Lihat [acara](../../acara/contoh-2019.md).\n\n## ", 1)
    )
    line = line_of(text, "city: Kupang")
    assert shown(tmp_path) == [
        f"{EVENTS}:{line}:7: baris {line} menjorok 6 spasi, seharusnya 4. Tulis 4 spasi di awal baris ini, sejajar "
        "dengan kolom lain di bagian yang sama."
    ]


def test_check_prints_indonesian_by_default_and_english_with_sso_lang_en(tmp_path: Path) -> None:
    text = VALID_EVENT.replace("city: Kupang", "city: 129")
    write_data(tmp_path, text)

    def check(**extra: str) -> subprocess.CompletedProcess[str]:
        env = {key: value for key, value in os.environ.items() if key != "SSO_LANG"}
        return subprocess.run(
            [sys.executable, "-m", "smartschool", "--root", str(tmp_path), "check"],
            check=False,
            capture_output=True,
            text=True,
            env={**env, **extra},
            timeout=120,
        )

    line = line_of(text, "city: 129")
    indonesian, english = check(), check(SSO_LANG="en")
    assert indonesian.returncode == english.returncode == 1
    assert indonesian.stderr.splitlines() == [
        f"{EVENTS}:{line}:11: acara ke-1 (contoh-2019): city: 129 terbaca sebagai angka, padahal harus teks. Beri "
        'tanda kutip: city: "129"',
        "1 masalah ditemukan. Perbaiki semuanya, lalu jalankan lagi.",
    ]
    assert english.stderr.splitlines() == [
        f"{EVENTS}:{line}:11: event 'contoh-2019': city: 129 is read as a number, expected city where the event took "
        'place: put it in quotes: city: "129"',
        "1 problem found.",
    ]


def test_the_maintainers_page_examples_come_from_the_real_validation() -> None:
    from smartschool.message_examples import EXAMPLES, example_messages

    root = Path(__file__).resolve().parent.parent
    found = example_messages(root)
    assert len(found) == len(EXAMPLES)
    for messages_of_example, meaning in found:
        assert len(messages_of_example) == 1, (meaning, messages_of_example)  # one mistake, one message
        assert "[0]" not in messages_of_example[0] and "expected" not in messages_of_example[0]
