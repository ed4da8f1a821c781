"""Tests written to kill the mutants that `make mutate` found surviving (see tests/mutation-survivors.yaml).

Each test compares whole problems, as a maintainer reads them (`file:line:column: subject: field: message`), with
expectations written out here: a mutant that drops the event's id from the subject, points at the parent of the
faulty value, renames the field or changes a word of the message fails them. Lines are counted in the fixture
text by `line_of`; columns and messages are literal.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

import pytest

from helpers import ROOT, VALID_EVENT, line_in, line_of, problems_for, real_module, write_data, write_module
from smartschool.project import validate_project


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages these tests write out are the English ones (`SSO_LANG=en`, see smartschool/messages.py)."""
    monkeypatch.setenv("SSO_LANG", "en")


# Two organisations, so that the list of known ids in a message is short enough to write out in full.
TWO_ORGS = """
organizations:
  - id: ecpat-indonesia
    name: ECPAT Indonesia
    description: Jaringan nasional melawan eksploitasi seksual anak.
    website: https://ecpatindonesia.org
  - id: ict-watch
    name: ICT Watch
    description: Perkumpulan untuk literasi digital.
    website: https://ictwatch.id
"""
KNOWN = "expected an id from data/organizations.yaml (ecpat-indonesia, ict-watch)"

# A valid event, then one with every cross-reference fault the event rules know, each in its own place.
FAULTY_EVENTS = """
events:
  - id: contoh-2019
    program: Smart School Online
    title: Workshop Contoh
    status: held
    start: 2019-05-10
    end: 2019-05-11
    city: Kupang
    province: Nusa Tenggara Timur
    organizer: ecpat-indonesia
    partner_classes:
      - organization: ecpat-indonesia
        topic: Pencegahan
    days:
      - date: 2019-05-10
        audiences: [guru]
        topics: [Pencegahan]
        formats: [presentasi]
    follow_up:
      city: Parepare
      province: Sulawesi Selatan
      date: 2019-06
  - id: lanjutan-2019
    program: Smart School Online
    title: Workshop Lanjutan
    status: held
    start: 2019-07-01
    end: 2019-07-02
    city: Parepare
    province: Sulawesi Selatan
    organizer: penyelenggara-lain
    partner_classes:
      - organization: ict-watch
        topic: null
      - organization: lembaga-lain
        topic: null
      - organization: ict-watch
        topic: null
    days:
      - date: 2019-07-01
        audiences: [guru]
        topics: [Pencegahan]
        formats: [presentasi]
        co_facilitators: [ict-watch, mitra-baru]
        modules: [modul-hilang]
      - date: 2019-07-01
        audiences: [guru]
        topics: [Pencegahan]
        formats: [presentasi]
        schedule:
          start: '08:00'
          items:
            - title: Pembukaan
              minutes: 15
            - module: modul-terjadwal
      - date: 2019-07-05
        audiences: [guru]
        topics: [Pencegahan]
        formats: [presentasi]
    follow_up:
      city: Makassar
      province: Sulawesi Selatan
      event: lanjutan-2019
    report:
      title: Laporan Lanjutan
      author: Tim Program
      author_role: null
      publisher: penerbit-lain
      url: https://example.org/laporan
"""


def _problems(root: Path, events: str, organizations: str = TWO_ORGS) -> list[str]:
    return sorted(str(p) for p in problems_for(write_data(root, events, organizations)))


def test_every_cross_reference_fault_of_an_event_is_reported_in_full(tmp_path: Path) -> None:
    at = lambda needle, n=1: f"data/events.yaml:{line_of(FAULTY_EVENTS, needle, n)}"  # noqa: E731
    event = "event 'lanjutan-2019'"
    assert _problems(tmp_path, FAULTY_EVENTS) == sorted(
        [
            f"{at('organizer: penyelenggara-lain')}:16: {event}: organizer: "
            f"'penyelenggara-lain' is not a known organisation, {KNOWN}",
            f"{at('organization: lembaga-lain')}:23: {event}: partner_classes[1].organization: "
            f"'lembaga-lain' is not a known organisation, {KNOWN}",
            f"{at('organization: ict-watch', 2)}:23: {event}: partner_classes[2].organization: "
            "'ict-watch' runs a class twice, expected one class per organisation",
            f"{at('- date: 2019-07-01', 1)}:15: {event}: days[0].date: "
            "2019-07-01 is listed 2 times, expected each day once",
            f"{at('- date: 2019-07-01', 2)}:15: {event}: days[1].date: "
            "2019-07-01 is listed 2 times, expected each day once",
            f"{at('- date: 2019-07-05')}:15: {event}: days[2].date: "
            "2019-07-05 is outside the event, expected a date from 2019-07-01 to 2019-07-02",
            f"{at('co_facilitators:')}:38: {event}: days[0].co_facilitators[1]: "
            f"'mitra-baru' is not a known organisation, {KNOWN}",
            f"{at('modules: [modul-hilang]')}:19: {event}: days[0].modules[0]: "
            "'modul-hilang' is not a curriculum module, expected an id from curriculum/",
            f"{at('- module: modul-terjadwal')}:23: {event}: days[1].schedule.items[1].module: "
            "'modul-terjadwal' is not a curriculum module, expected an id from curriculum/",
            f"{at('event: lanjutan-2019')}:14: {event}: follow_up.event: "
            "names the event itself, expected the id of the next event",
            f"{at('publisher: penerbit-lain')}:18: {event}: report.publisher: "
            f"'penerbit-lain' is not a known organisation, {KNOWN}",
        ]
    )


ORDER_FAULTS = """
events:
  - id: contoh-2019
    program: Smart School Online
    title: Workshop Contoh
    status: held
    start: 2019-05-10
    end: 2019-05-09
    city: Kupang
    province: Nusa Tenggara Timur
    organizer: ecpat-indonesia
    partner_classes:
      - organization: ecpat-indonesia
        topic: Pencegahan
    days:
      - date: 2019-05-09
        audiences: [guru]
        topics: [Pencegahan]
        formats: [presentasi]
    follow_up:
      city: Parepare
      province: Sulawesi Selatan
      date: 2019-05-09
      event: tidak-ada-2019
  - id: contoh-2019
    program: Smart School Online
    title: Workshop Contoh Kedua
    status: planned
    start: 2019-08-10
    end: 2019-08-10
    city: Ende
    province: Nusa Tenggara Timur
    organizer: ict-watch
    partner_classes:
      - organization: ict-watch
        topic: null
    days:
      - date: 2019-08-10
        audiences: [guru]
        topics: [Pencegahan]
        formats: [presentasi]
    follow_up:
      city: Parepare
      province: Sulawesi Selatan
"""


def test_order_faults_and_duplicate_ids_name_the_event_and_the_value(tmp_path: Path) -> None:
    at = lambda needle, n=1: f"data/events.yaml:{line_of(ORDER_FAULTS, needle, n)}"  # noqa: E731
    event = "event 'contoh-2019'"
    assert _problems(tmp_path, ORDER_FAULTS) == sorted(
        [
            f"{at('end: 2019-05-09')}:10: {event}: end: "
            "2019-05-09 is before start 2019-05-10, expected a date on or after start",
            f"{at('- date: 2019-05-09')}:15: {event}: days[0].date: "
            "2019-05-09 is outside the event, expected a date from 2019-05-10 to 2019-05-09",
            f"{at('      date: 2019-05-09')}:13: {event}: follow_up.date: "
            "2019-05-09 is not after the event ends (2019-05-09), expected a later month or date",
            f"{at('event: tidak-ada-2019')}:14: {event}: follow_up.event: "
            "'tidak-ada-2019' is not an event id, expected one of the ids in data/events.yaml",
            f"{at('- id: contoh-2019', 2)}:9: {event}: id: duplicate id, expected each event id once",
        ]
    )


def test_with_no_valid_organisation_every_reference_says_none_is_defined(tmp_path: Path) -> None:
    events = FAULTY_EVENTS.split("  - id: lanjutan-2019", maxsplit=1)[0]
    problems = [p for p in _problems(tmp_path, events, "organizations: []\n") if p.startswith("data/events.yaml")]
    expected = "is not a known organisation, expected an id from data/organizations.yaml (none defined)"
    assert problems == [
        f"data/events.yaml:{line_of(events, 'organizer:')}:16: event 'contoh-2019': organizer: "
        f"'ecpat-indonesia' {expected}",
        f"data/events.yaml:{line_of(events, '- organization:')}:23: event 'contoh-2019': "
        f"partner_classes[0].organization: 'ecpat-indonesia' {expected}",
    ]


# --- module rules ------------------------------------------------------------------------------------------

GROOMING = real_module("remaja", "grooming").replace(
    "related: [mengenal-esa-online, sexting-dan-sextortion, bersuara-dan-melapor]", "related: []"
)
ADULT = real_module("dewasa", "bentuk-esa-online").replace(
    "related: [hukum-perlindungan-anak, pencegahan-bersama, bicara-dan-bertindak]", "related: []"
)


def _module_problems(root: Path, *modules: tuple[str, str, str]) -> list[str]:
    """Problems of a project with the given (track, file name, text) modules and the valid event."""
    write_data(root, VALID_EVENT)
    for track, name, text in modules:
        write_module(root, track, name, text)
    return sorted(str(p) for p in problems_for(root))


def test_a_module_in_the_wrong_folder_is_named_at_its_track(tmp_path: Path) -> None:
    assert _module_problems(tmp_path, ("dewasa", "grooming", GROOMING)) == [
        f"curriculum/dewasa/grooming.md:{line_in(GROOMING, 'track:')}:8: module 'grooming': track: "
        "'remaja' differs from the folder, expected 'dewasa'",
    ]


def test_a_module_named_unlike_its_file_is_named_at_its_id(tmp_path: Path) -> None:
    assert _module_problems(tmp_path, ("remaja", "bujuk-rayu", GROOMING)) == [
        f"curriculum/remaja/bujuk-rayu.md:{line_in(GROOMING, 'id:')}:5: module 'grooming': id: "
        "'grooming' differs from the file name, expected 'bujuk-rayu'",
    ]


def test_a_reserved_id_says_which_ids_to_avoid(tmp_path: Path) -> None:
    text = GROOMING.replace("id: grooming", "id: halaman-2")
    assert _module_problems(tmp_path, ("remaja", "halaman-2", text)) == [
        f"curriculum/remaja/halaman-2.md:{line_in(text, 'id:')}:5: module 'halaman-2': id: "
        "'halaman-2' is an address the site uses for its own pages, "
        "expected another id (not paket-fasilitator… or halaman-<n>)",
    ]


def test_the_same_id_in_two_files_is_reported_at_both(tmp_path: Path) -> None:
    """Two files, one id: each is a duplicate, the second is also named unlike its file, and their orders clash."""
    id_line, order_line = line_in(GROOMING, "id:"), line_in(GROOMING, "order:")
    assert _module_problems(tmp_path, ("remaja", "grooming", GROOMING), ("remaja", "grooming-b", GROOMING)) == [
        f"curriculum/remaja/grooming-b.md:{id_line}:5: module 'grooming': id: "
        "'grooming' differs from the file name, expected 'grooming-b'",
        f"curriculum/remaja/grooming-b.md:{id_line}:5: module 'grooming': id: "
        "duplicate id, expected each module id once across all tracks",
        f"curriculum/remaja/grooming-b.md:{order_line}:8: module 'grooming': order: "
        "order 2 is used twice in track remaja, expected a unique position",
        f"curriculum/remaja/grooming.md:{id_line}:5: module 'grooming': id: "
        "duplicate id, expected each module id once across all tracks",
        f"curriculum/remaja/grooming.md:{order_line}:8: module 'grooming': order: "
        "order 2 is used twice in track remaja, expected a unique position",
    ]


def test_an_adult_module_with_an_age_band_is_named_at_it(tmp_path: Path) -> None:
    text = ADULT.replace("duration_minutes: 90", "age_band: {min: 13, max: 17}\nduration_minutes: 90")
    assert _module_problems(tmp_path, ("dewasa", "bentuk-esa-online", text)) == [
        f"curriculum/dewasa/bentuk-esa-online.md:{line_in(text, 'age_band:')}:11: module 'bentuk-esa-online': "
        "age_band: given for an adult module, expected it only in track remaja",
    ]


def test_sapa_129_on_the_first_line_of_the_safeguarding_note_counts(tmp_path: Path) -> None:
    """The note is read from the line after its title: a mention of SAPA 129 there is enough."""
    note = '!!! perlindungan "Jika ada peserta yang bercerita"'
    short = '!!! perlindungan "Singkat"\n    Rujuk ke SAPA 129.\n    Dengarkan dengan tenang.\n\n'
    lines = GROOMING.replace(note, short + '!!! catatan "Lebih lanjut"')
    assert _module_problems(tmp_path, ("remaja", "grooming", lines)) == []


# --- help channels and glossary terms ----------------------------------------------------------------------

HELP = """
channels:
  - id: sapa-129
    name: SAPA 129
    purpose: Layanan pengaduan kekerasan terhadap perempuan dan anak.
    contacts:
      - {kind: telepon, value: "129"}
      - {kind: whatsapp, value: 08111-129-12a}
      - {kind: web, value: kemenpppa.go.id/sapa}
      - {kind: web, value: "https://kemenpppa.go.id"}
    urgent: true
    status: verified
    verified: 2025-01-01
    source: https://kemenpppa.go.id
  - id: layanan-sekolah
    name: Layanan Sekolah
    purpose: Guru BK di sekolah.
    status: verified
    verified: 2025-01-01
    source: Buku panduan sekolah
  - id: sapa-129
    name: SAPA 129 lagi
    purpose: Salinan.
    note: Lewat dinas setempat.
    status: unverified
    verified: 2025-01-01
    source: Catatan
"""

GLOSSARY = """
terms:
  - id: kbgo
    term: KBGO
    aliases: [KBGO (kekerasan berbasis gender online), K.B.G.O., "--", KBGO]
    definition: Kekerasan yang dilakukan lewat teknologi.
  - id: kbgo-lain
    term: KBGO lain
    aliases: [KBGO]
    definition: Sama.
  - id: kbgo
    term: KBGO ketiga
    definition: Lagi.
"""


def real(name: str) -> str:
    return (ROOT / "data" / name).read_text(encoding="utf-8")


def _help_problems(root: Path, help_text: str = HELP, glossary: str = GLOSSARY) -> list[str]:
    write_data(root, VALID_EVENT)
    (root / "data/help.yaml").write_text(textwrap.dedent(help_text).lstrip("\n"), encoding="utf-8")
    (root / "data/glossary.yaml").write_text(textwrap.dedent(glossary).lstrip("\n"), encoding="utf-8")
    return sorted(str(p) for p in problems_for(root))


def test_every_fault_of_a_help_channel_is_named_at_its_value(tmp_path: Path) -> None:
    at = lambda needle, n=1: f"data/help.yaml:{line_of(HELP, needle, n)}"  # noqa: E731
    problems = [p for p in _help_problems(tmp_path, glossary=real("glossary.yaml")) if p.startswith("data/help")]
    assert problems == sorted(
        [
            f"{at('08111-129-12a')}:33: channel 'sapa-129': contacts[1].value: "
            "'08111-129-12a' is not a phone number, expected digits (and hyphens)",
            f"{at('kemenpppa.go.id/sapa')}:28: channel 'sapa-129': contacts[2].value: "
            "'kemenpppa.go.id/sapa' is not a web address, expected https://…",
            f"{at('- id: layanan-sekolah')}:5: channel 'layanan-sekolah': contacts: "
            "no contact and no note, expected at least one way to reach the channel",
            f"{at('- id: sapa-129', 2)}:9: channel 'sapa-129': id: duplicate id, expected each channel id once",
        ]
    )


def test_every_fault_of_a_glossary_alias_says_what_to_write(tmp_path: Path) -> None:
    at = lambda needle, n=1: f"data/glossary.yaml:{line_of(GLOSSARY, needle, n)}"  # noqa: E731
    problems = [p for p in _help_problems(tmp_path, help_text=real("help.yaml")) if p.startswith("data/gloss")]
    term = "term 'kbgo'"
    assert problems == sorted(
        [
            f"{at('aliases: [KBGO (')}:15: {term}: aliases[0]: 'KBGO (kekerasan berbasis gender online)' does not "
            "start and end with a letter or digit, so it never shows its definition (an alias is found in running "
            "text only as a whole word), expected each form as an alias of its own, starting and ending with a "
            "letter or digit, here: 'KBGO', 'kekerasan berbasis gender online'",
            f"{at('aliases: [KBGO (')}:56: {term}: aliases[1]: 'K.B.G.O.' does not start and end with a letter or "
            "digit, so it never shows its definition (an alias is found in running text only as a whole word), "
            "expected each form as an alias of its own, starting and ending with a letter or digit, here: 'K.B.G.O'",
            f"{at('aliases: [KBGO (')}:66: {term}: aliases[2]: '--' holds no letter or digit, so it never shows its "
            "definition, expected a word or phrase as it appears in running text",
            f"{at('aliases: [KBGO]')}:15: term 'kbgo-lain': aliases[0]: 'KBGO' is already an alias of 'kbgo', "
            "expected it once",
            f"{at('- id: kbgo', 3)}:9: {term}: id: duplicate id, expected each term id once",
        ]
    )


def test_a_channel_verified_more_than_a_year_ago_is_a_warning_at_its_date(tmp_path: Path) -> None:
    help_text = (
        HELP.split("  - id: layanan-sekolah", maxsplit=1)[0]
        .replace("08111-129-12a", "08111-129-129")
        .replace("kemenpppa.go.id/sapa", "https://kemenpppa.go.id/sapa")
    )
    write_data(tmp_path, VALID_EVENT)
    (tmp_path / "data/help.yaml").write_text(textwrap.dedent(help_text).lstrip("\n"), encoding="utf-8")
    project, problems = validate_project(tmp_path, today=date(2026, 1, 2))
    assert problems == [] and project is not None
    assert [str(w) for w in project.warnings] == [
        f"data/help.yaml:{line_of(help_text, 'verified: 2025-01-01')}:15: channel 'sapa-129': verified: "
        "last verified 2025-01-01, more than 12 months ago; expected a check against the source and a new date",
    ]


# --- checks across a model's fields ------------------------------------------------------------------------

SCHEDULE = """        schedule:
          start: '08:00'
          items:
            - title: Pembukaan
              minutes: 15
            - title: Istirahat
            - module: grooming
              title: Grooming
            - module: grooming
              minutes: 90
            - minutes: 10
"""


def test_each_schedule_block_is_a_module_or_a_timed_activity(tmp_path: Path) -> None:
    events = VALID_EVENT.replace("        formats: [presentasi]\n", "        formats: [presentasi]\n" + SCHEDULE)
    at = lambda line: f"data/events.yaml:{line}:15: event 'contoh-2019'"  # noqa: E731
    either = "give either `module`, or `title` and `minutes`"
    module_only = "a module block takes its title and minutes from the module; give only `module`"
    assert _problems(tmp_path, events) == sorted(
        [
            f"{at(line_of(events, '- title: Istirahat'))}: days[0].schedule.items[1]: {either}",
            f"{at(line_of(events, '- module: grooming', 1))}: days[0].schedule.items[2]: {module_only}",
            f"{at(line_of(events, '- module: grooming', 2))}: days[0].schedule.items[3]: {module_only}",
            f"{at(line_of(events, '- minutes: 10'))}: days[0].schedule.items[4]: {either}",
        ]
    )


def test_a_source_is_a_web_page_or_a_file_not_both(tmp_path: Path) -> None:
    kontan = '    url: "https://amp.kontan.co.id'
    text = GROOMING.replace(kontan, "    file: data/events.yaml\n" + kontan, 1)
    source_line = line_in(text, '- title: "Sistem SAPA 129')
    assert _module_problems(tmp_path, ("remaja", "grooming", text)) == [
        f"curriculum/remaja/grooming.md:{source_line}:5: module 'grooming': "
        "sources[6]: give exactly one of `url` and `file`",
    ]


def test_a_help_source_that_starts_like_an_address_must_be_a_whole_one(tmp_path: Path) -> None:
    help_text = HELP.replace("source: Buku panduan sekolah", "source: https:kemenpppa.go.id")
    problems = [p for p in _help_problems(tmp_path, help_text, real("glossary.yaml")) if ": source: " in p]
    assert problems == [
        f"data/help.yaml:{line_of(help_text, 'source: https:kemenpppa')}:13: channel 'layanan-sekolah': source: "
        "'https:kemenpppa.go.id' is not valid (it starts like a web address but is not a whole one, such as "
        "'https://kemenpppa.go.id'), expected public source that confirms the details: a web address (https://…) "
        "or a citation in words",
    ]


# --- more module rules: age band, objectives, related modules, sources, safeguarding, nesting ---------------

BODY_START = "---\n\n## Pembukaan dan kesepakatan kelompok"
KEMENKO = (
    '    url: "https://www.kemenkopmk.go.id/index.php/kemenko-pmk-dorong-partisipasi-publik-dalam-'
    'pencegahan-dan-penanganan-konten-pornografi"\n'
)


def _body_line(text: str) -> int:
    """The file line of the body's first line: the one after the closing `---` of the front matter."""
    return line_in(text, "---", 2) + 1


@pytest.mark.parametrize(("band", "refused"), [("{min: 14, max: 13}", True), ("{min: 13, max: 13}", False)])
def test_an_age_band_runs_from_min_to_max(tmp_path: Path, band: str, refused: bool) -> None:
    text = GROOMING.replace("age_band: {min: 12, max: 18}", f"age_band: {band}")
    expected = [
        f"curriculum/remaja/grooming.md:{line_in(text, 'age_band:')}:17: module 'grooming': age_band.min: "
        "min 14 is above max 13, expected min <= max"
    ]
    assert _module_problems(tmp_path, ("remaja", "grooming", text)) == (expected if refused else [])


def test_an_objective_that_is_not_an_ability_is_quoted_in_the_problem(tmp_path: Path) -> None:
    text = GROOMING.replace('  - "Peserta mampu menemukan tanda bahaya', '  - "Memahami tanda bahaya')
    assert _module_problems(tmp_path, ("remaja", "grooming", text)) == [
        f"curriculum/remaja/grooming.md:{line_in(text, 'Memahami tanda bahaya')}:5: module 'grooming': "
        "objectives[2]: 'Memahami tanda bahaya dalam sebuah percakapan fiktif.' does not say what participants can "
        "do, expected it to start with 'Peserta mampu …'",
    ]


def test_related_ids_are_the_modules_ids_and_an_unknown_one_lists_them(tmp_path: Path) -> None:
    """A module may name another by its id even where that module's file is named otherwise (a problem of its
    own); an id no module has is refused, with the known ids listed."""
    first = GROOMING.replace("order: 2", "order: 3")
    second = GROOMING.replace("id: grooming", "id: kedua").replace("related: []", "related: [grooming, tidak-ada]")
    assert _module_problems(tmp_path, ("remaja", "bujuk-rayu", first), ("remaja", "kedua", second)) == [
        f"curriculum/remaja/bujuk-rayu.md:{line_in(first, 'id:')}:5: module 'grooming': id: "
        "'grooming' differs from the file name, expected 'bujuk-rayu'",
        f"curriculum/remaja/kedua.md:{line_in(second, 'related:')}:21: module 'kedua': related[1]: "
        "'tidak-ada' is not a module id, expected one of: grooming, kedua",
    ]


def test_every_source_file_is_checked_after_the_web_sources(tmp_path: Path) -> None:
    text = GROOMING.replace(
        KEMENKO,
        KEMENKO + '  - title: "Di luar proyek"\n    file: ../../etc/passwd\n'
        '  - title: "Tidak ada"\n    file: docs/tidak-ada.md\n',
    )
    assert _module_problems(tmp_path, ("remaja", "grooming", text)) == [
        f"curriculum/remaja/grooming.md:{line_in(text, 'file: ../../etc/passwd')}:11: module 'grooming': "
        "sources[8].file: '../../etc/passwd' leads outside the project, expected a path from the project root to a "
        "file in the project (such as 'docs/bantuan/index.md')",
        f"curriculum/remaja/grooming.md:{line_in(text, 'file: docs/tidak-ada.md')}:11: module 'grooming': "
        "sources[9].file: 'docs/tidak-ada.md' is not a file in the project, expected a path from the project root",
    ]


def test_a_youth_module_after_an_adult_one_still_needs_its_safeguarding_note(tmp_path: Path) -> None:
    text = GROOMING.replace("!!! perlindungan", "!!! catatan")
    assert _module_problems(tmp_path, ("dewasa", "bentuk-esa-online", ADULT), ("remaja", "grooming", text)) == [
        f"curriculum/remaja/grooming.md:{_body_line(text)}:1: module 'grooming': body: no safeguarding note, "
        "expected a '!!! perlindungan \"…\"' block on what to do if a participant discloses abuse",
    ]


def test_a_safeguarding_note_without_sapa_129_is_named_at_the_start_of_the_body(tmp_path: Path) -> None:
    note = '!!! perlindungan "Jika ada peserta yang bercerita"'
    text = GROOMING.replace(note, '!!! perlindungan "Singkat"\n    Dengarkan dengan tenang.\n\n!!! catatan "Lanjut"')
    assert _module_problems(tmp_path, ("remaja", "grooming", text)) == [
        f"curriculum/remaja/grooming.md:{_body_line(text)}:1: module 'grooming': body: the safeguarding note does "
        "not refer to SAPA 129, expected the referral to SAPA 129",
    ]


def test_nesting_deeper_than_eight_levels_is_named_where_it_goes_too_deep(tmp_path: Path) -> None:
    text = GROOMING.replace(BODY_START, BODY_START + "\n\n" + ">" * 9 + " Terlalu dalam.\n")
    assert _module_problems(tmp_path, ("remaja", "grooming", text)) == [
        f"curriculum/remaja/grooming.md:{line_in(text, 'Terlalu dalam.')}:9: module 'grooming': body: lists or "
        "quotes are nested 9 levels deep here, expected at most 8 levels (each '>', list marker and four spaces of "
        "indentation is a level): move these lines up a level, or start a new list",
    ]


def test_an_alias_with_several_brackets_is_cut_at_the_first(tmp_path: Path) -> None:
    """`A (B (C))` is the forms `A` and `B (C`: cut once, at the first bracket, not at spaces nor at every bracket."""
    glossary = GLOSSARY.split("  - id: kbgo-lain", maxsplit=1)[0].replace(
        'aliases: [KBGO (kekerasan berbasis gender online), K.B.G.O., "--", KBGO]',
        "aliases: [Kekerasan berbasis gender (KBGO), KBGO (kekerasan (online))]",
    )
    problems = [p for p in _help_problems(tmp_path, real("help.yaml"), glossary) if p.startswith("data/gloss")]
    line = line_of(glossary, "aliases:")
    rest = (
        "does not start and end with a letter or digit, so it never shows its definition (an alias is found "
        "in running text only as a whole word), expected each form as an alias of its own, starting and ending "
        "with a letter or digit, here:"
    )
    assert problems == [
        f"data/glossary.yaml:{line}:15: term 'kbgo': aliases[0]: 'Kekerasan berbasis gender (KBGO)' {rest} "
        "'Kekerasan berbasis gender', 'KBGO'",
        f"data/glossary.yaml:{line}:49: term 'kbgo': aliases[1]: 'KBGO (kekerasan (online))' {rest} "
        "'KBGO', 'kekerasan (online'",
    ]


# --- links to the pages the site generates ------------------------------------------------------------------

GENERATED_LINKS = [
    "paket-fasilitator.md",
    "paket-fasilitator-1.md",
    "paket-fasilitator-2.md",
    "paket-fasilitator-3.md",
    "halaman-1.md",
    "halaman-2.md",
    "halaman-3.md",
    "../dewasa/paket-fasilitator.md",
    "../../acara/contoh-2019.md",
    "../../acara/tidak-ada.md",
]


@pytest.mark.parametrize(
    ("modules", "refused"),
    [
        # One module: one pack volume, one page of the module list; no adult modules; one event.
        (
            1,
            [
                "paket-fasilitator-1.md",
                "paket-fasilitator-2.md",
                "paket-fasilitator-3.md",
                "halaman-1.md",
                "halaman-2.md",
                "halaman-3.md",
                "../dewasa/paket-fasilitator.md",
                "../../acara/tidak-ada.md",
            ],
        ),
        # Four modules, three to a volume: a second volume.
        (
            4,
            [
                "paket-fasilitator-1.md",
                "paket-fasilitator-3.md",
                "halaman-1.md",
                "halaman-2.md",
                "halaman-3.md",
                "../dewasa/paket-fasilitator.md",
                "../../acara/tidak-ada.md",
            ],
        ),
        # 51 modules, 50 to a page of the list: a second page, and 17 volumes.
        (
            51,
            [
                "paket-fasilitator-1.md",
                "halaman-1.md",
                "halaman-3.md",
                "../dewasa/paket-fasilitator.md",
                "../../acara/tidak-ada.md",
            ],
        ),
    ],
)
def test_links_to_generated_pages_exist_only_as_far_as_the_track_reaches(
    tmp_path: Path, modules: int, refused: list[str]
) -> None:
    links = " ".join(f"[{n}]({link})" for n, link in enumerate(GENERATED_LINKS))
    first = ("remaja", "grooming", GROOMING.replace(BODY_START, f"{BODY_START}\n\n{links}\n"))
    others = [
        (
            "remaja",
            f"modul-{n}",
            GROOMING.replace("id: grooming", f"id: modul-{n}").replace("order: 2", f"order: {n + 10}"),
        )
        for n in range(modules - 1)
    ]
    problems = _module_problems(tmp_path, first, *others)
    assert sorted(re.search(r"link '([^']+)' does not name a page", p).group(1) for p in problems) == sorted(refused)


@pytest.mark.parametrize(
    ("related", "materials", "refused"),
    [
        (False, True, ["#modul-terkait"]),
        (True, True, []),
        (False, False, ["#bahan-yang-diperlukan", "#modul-terkait"]),
    ],
)
def test_the_materials_and_related_headings_are_there_only_when_the_module_lists_them(
    tmp_path: Path, related: bool, materials: bool, refused: list[str]
) -> None:
    text = GROOMING.replace(BODY_START, f"{BODY_START}\n\n[a](#bahan-yang-diperlukan) [b](#modul-terkait)\n")
    if related:
        text = text.replace("related: []", "related: [kedua]")
    if not materials:
        text = re.sub(r"^materials:\n(?:  - .*\n)+", "", text, count=1, flags=re.MULTILINE)
    second = GROOMING.replace("id: grooming", "id: kedua").replace("order: 2", "order: 3")
    problems = _module_problems(tmp_path, ("remaja", "grooming", text), ("remaja", "kedua", second))
    assert sorted(re.search(r"link '([^']+)' points to a heading", p).group(1) for p in problems) == refused


def test_an_alias_needs_only_its_first_and_last_character_to_be_a_letter_or_digit(tmp_path: Path) -> None:
    glossary = GLOSSARY.split("  - id: kbgo-lain", maxsplit=1)[0].replace(
        'aliases: [KBGO (kekerasan berbasis gender online), K.B.G.O., "--", KBGO]', "aliases: [K.B.G.O, Pasal 5]"
    )
    assert _help_problems(tmp_path, real("help.yaml"), glossary) == []


def test_a_duplicate_organisation_id_is_named_at_the_second_id(tmp_path: Path) -> None:
    orgs = (
        TWO_ORGS + "  - id: ict-watch\n    name: ICT Watch lagi\n    description: Salinan.\n"
        "    website: https://ictwatch.id\n"
    )
    assert _problems(tmp_path, VALID_EVENT, orgs) == [
        f"data/organizations.yaml:{line_of(orgs, '- id: ict-watch', 2)}:9: organization 'ict-watch': id: "
        "duplicate id, expected each organization id once",
    ]


def test_in_indonesian_an_item_is_named_by_its_position_counted_from_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The position in a subject (`layanan ke-3 (sapa-129)`) is shown only in Indonesian, the maintainers' default."""
    monkeypatch.setenv("SSO_LANG", "id")
    help_text = HELP.replace("08111-129-12a", "08111-129-129").replace("kemenpppa.go.id/sapa", "https://k.id/sapa")
    glossary = GLOSSARY.replace("K.B.G.O., ", "")
    write_data(tmp_path, VALID_EVENT)
    (tmp_path / "data/help.yaml").write_text(textwrap.dedent(help_text).lstrip("\n"), encoding="utf-8")
    (tmp_path / "data/glossary.yaml").write_text(textwrap.dedent(glossary).lstrip("\n"), encoding="utf-8")
    assert sorted((p.file, p.line, p.column, p.subject) for p in problems_for(tmp_path)) == [
        ("data/glossary.yaml", line_of(glossary, "aliases: [KBGO ("), 15, "istilah ke-1 (kbgo)"),
        ("data/glossary.yaml", line_of(glossary, "aliases: [KBGO ("), 56, "istilah ke-1 (kbgo)"),
        ("data/glossary.yaml", line_of(glossary, "aliases: [KBGO]"), 15, "istilah ke-2 (kbgo-lain)"),
        ("data/glossary.yaml", line_of(glossary, "- id: kbgo", 3), 9, "istilah ke-3 (kbgo)"),
        ("data/help.yaml", line_of(help_text, "- id: layanan-sekolah"), 5, "layanan ke-2 (layanan-sekolah)"),
        ("data/help.yaml", line_of(help_text, "- id: sapa-129", 2), 9, "layanan ke-3 (sapa-129)"),
    ]


def test_in_indonesian_a_stale_channel_is_named_by_its_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSO_LANG", "id")
    help_text = (
        HELP.split("  - id: layanan-sekolah", maxsplit=1)[0]
        .replace("08111-129-12a", "08111-129-129")
        .replace("kemenpppa.go.id/sapa", "https://kemenpppa.go.id/sapa")
    )
    write_data(tmp_path, VALID_EVENT)
    (tmp_path / "data/help.yaml").write_text(textwrap.dedent(help_text).lstrip("\n"), encoding="utf-8")
    project, problems = validate_project(tmp_path, today=date(2026, 1, 2))
    assert problems == [] and project is not None
    assert [w.subject for w in project.warnings] == ["layanan ke-1 (sapa-129)"]
