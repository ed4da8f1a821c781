"""Checks of learning (quiz), the 40-minute plan, SMP/SMA notes, fictional-case labels, the legal block and the
participant view (issues #14 and #15): each rule fails on a named input, the pages render what the rules protect,
and no answer or facilitator sentence reaches the participant view."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import escape

from helpers import VALID_EVENT, line_in, problems_for, real_module, write_data, write_file, write_module
from smartschool.admonitions import admonitions
from smartschool.curriculum_pages import (
    core_clock,
    facilitator_pack_markdown,
    lesson_page_markdown,
    mark_script,
    pack_volumes,
    sheet_markdown,
)
from smartschool.legal_block import LEGAL_AID, add_legal_notes, laws_outside_legal_blocks
from smartschool.participant_view import mark_facilitator_blocks, participant_html
from smartschool.project import load_project
from smartschool.vocabulary import AGE_BANDS, age_band_label

ROOT = Path(__file__).resolve().parent.parent


def _alone(text: str) -> str:
    """A real module that validates on its own in a scratch project: no related modules, no links to other pages
    (the scratch project has no docs/), help links kept."""
    text = re.sub(r"(?m)^related: \[.*\]$", "related: []", text)
    return re.sub(r"\[([^\]]+)\]\((?![a-z]+:)[^)]*\)", r"\1", text)


GROOMING = _alone(real_module("remaja", "grooming"))
ADULT = _alone(real_module("dewasa", "bentuk-esa-online"))
FILE = "curriculum/remaja/grooming.md"


def _problems(tmp_path: Path, text: str, track: str = "remaja", name: str = "grooming") -> list[str]:
    write_data(tmp_path, VALID_EVENT)
    write_module(tmp_path, track, name, text)
    return [str(p) for p in problems_for(tmp_path)]


def _one(tmp_path: Path, text: str, track: str = "remaja", name: str = "grooming") -> str:
    found = _problems(tmp_path, text, track, name)
    assert len(found) == 1, "\n".join(found)
    return found[0]


def _quiz(items: str) -> str:
    """GROOMING with its quiz replaced by `items` (YAML list items, indented two spaces)."""
    start = GROOMING.index("\nquiz:\n")
    end = GROOMING.index("\nage_notes:")
    return GROOMING[:start] + "\nquiz:\n" + items.rstrip("\n") + GROOMING[end:]


ITEM = '  - question: "Q{n}"\n    options: ["Benar", "Salah"]\n    answer: "Benar"\n    explanation: "E{n}."\n'


def test_the_real_grooming_and_adult_modules_are_valid_alone(tmp_path: Path) -> None:
    assert _problems(tmp_path / "a", GROOMING) == []
    assert _problems(tmp_path / "b", ADULT, "dewasa", "bentuk-esa-online") == []


# --- Quiz -----------------------------------------------------------------------------------------------------


def test_a_module_without_a_quiz_is_refused(tmp_path: Path) -> None:
    text = _quiz("").replace("\nquiz:\n", "\n")
    assert _one(tmp_path, text).startswith(f"{FILE}:2:1: module 'grooming': quiz: missing, expected check of learning")


@pytest.mark.parametrize(("count", "refused"), [(2, True), (3, False), (6, False), (7, True)])
def test_a_quiz_has_three_to_six_items(tmp_path: Path, count: int, refused: bool) -> None:
    found = _problems(tmp_path, _quiz("".join(ITEM.format(n=n) for n in range(count))))
    assert bool(found) == refused, found
    if refused:
        limit = "at least 3" if count < 3 else "at most 6"
        assert len(found) == 1 and f"module 'grooming': quiz: has {count} item(s), expected {limit} item(s)" in found[0]


def test_an_option_given_twice_is_refused_at_the_option(tmp_path: Path) -> None:
    items = ITEM.format(n=1).replace('["Benar", "Salah"]', '["Benar", "Benar"]') + ITEM.format(n=2) + ITEM.format(n=3)
    text = _quiz(items)
    line = line_in(text, 'options: ["Benar", "Benar"]')
    assert _one(tmp_path, text) == (
        f"{FILE}:{line}:24: module 'grooming': quiz[0].options[1]: "
        "option 'Benar' is given twice, expected 2-4 distinct options"
    )


def test_an_answer_that_is_not_an_option_is_refused_at_the_answer(tmp_path: Path) -> None:
    items = ITEM.format(n=1).replace('answer: "Benar"', 'answer: "benar"') + ITEM.format(n=2) + ITEM.format(n=3)
    text = _quiz(items)
    line = line_in(text, 'answer: "benar"')
    assert _one(tmp_path, text) == (
        f"{FILE}:{line}:13: module 'grooming': quiz[0].answer: 'benar' is not one of "
        "the options ('Benar', 'Salah'), expected the answer written exactly as one option"
    )


def test_five_options_are_refused(tmp_path: Path) -> None:
    items = (
        ITEM.format(n=1)
        .replace('["Benar", "Salah"]', '["A", "B", "C", "D", "E"]')
        .replace('answer: "Benar"', 'answer: "A"')
    )
    found = _problems(tmp_path, _quiz(items + ITEM.format(n=2) + ITEM.format(n=3)))
    assert len(found) == 1 and "quiz[0].options: has 5 item(s), expected at most 4 item(s)" in found[0], found


def test_an_explanation_over_two_lines_is_refused(tmp_path: Path) -> None:
    items = ITEM.format(n=1).replace('explanation: "E1."', 'explanation: "Baris satu.\\nBaris dua."')
    text = _quiz(items + ITEM.format(n=2) + ITEM.format(n=3))
    found = _problems(tmp_path, text)
    assert len(found) == 1 and "quiz[0].explanation" in found[0], found


# --- 40-minute plan ----------------------------------------------------------------------------------------------


def _agenda_without_core(text: str) -> str:
    return re.sub(r"(?m)^    core(?:_minutes)?: .*\n", "", text)


def test_the_first_step_must_be_core(tmp_path: Path) -> None:
    text = GROOMING.replace(
        "    method: presentasi\n    core: true\n    core_minutes: 5\n", "    method: presentasi\n", 1
    )
    found = _problems(tmp_path, text)
    line = line_in(text, '  - title: "Pembukaan')
    assert f"{FILE}:{line}:5: module 'grooming': agenda[0]: the first step" in found[0], found


def test_the_last_step_must_be_core(tmp_path: Path) -> None:
    lines = GROOMING.split("\n")
    last = max(i for i, line in enumerate(lines) if line == "    core: true")
    text = "\n".join(lines[:last] + lines[last + 1 :])
    found = _problems(tmp_path, text)
    assert any("agenda[6]: the last step (closing: who to talk to) is not core" in p for p in found), found


def test_core_steps_must_fit_forty_minutes(tmp_path: Path) -> None:
    text = GROOMING.replace("    core_minutes: 10\n", "")  # two steps back to their full 15 and 25 minutes
    assert _one(tmp_path, text).endswith(
        "agenda: the core steps add up to 55 minutes, expected 30-40 minutes for the 40-minute plan "
        "(core_minutes where given, else minutes)"
    )


def test_core_steps_must_be_at_least_thirty_minutes(tmp_path: Path) -> None:
    text = _agenda_without_core(GROOMING)
    text = text.replace("    method: presentasi\n", "    method: presentasi\n    core: true\n", 1)
    text = text.replace("    method: refleksi\n", "    method: refleksi\n    core: true\n")  # 10 + 5 minutes
    assert "the core steps add up to 15 minutes, expected 30-40" in _one(tmp_path, text)


def test_core_minutes_may_not_exceed_minutes_or_sit_on_an_optional_step(tmp_path: Path) -> None:
    text = GROOMING.replace("    core_minutes: 5\n", "    core_minutes: 12\n", 1)
    assert "agenda[0].core_minutes: 12 minutes is more than the step's 10" in " ".join(_problems(tmp_path / "a", text))
    optional = _agenda_without_core(GROOMING).replace(
        "    method: curah-pendapat\n", "    method: curah-pendapat\n    core_minutes: 5\n"
    )
    assert any(
        "agenda[1].core_minutes: given on a step that is not core" in p for p in _problems(tmp_path / "b", optional)
    )


def test_the_forty_minute_plan_uses_the_agenda_clock(tmp_path: Path) -> None:
    project = load_project(ROOT)
    plan = core_clock(project.lesson("grooming"))
    assert [(s.start, s.minutes) for s in plan][:2] == [("00:00", 5), ("00:05", 10)]
    assert plan[-1].end == f"00:{sum(s.minutes for s in plan):02d}"
    for lesson in project.lessons:
        total = sum(s.minutes for s in core_clock(lesson))
        assert 30 <= total <= 40, lesson.id


# --- SMP and SMA notes ---------------------------------------------------------------------------------------------


def test_a_youth_module_without_age_notes_is_refused(tmp_path: Path) -> None:
    text = re.sub(r"(?m)^age_notes:\n(  .*\n)+", "", GROOMING)
    assert _one(tmp_path, text) == (
        f"{FILE}:1:1: module 'grooming': age_notes: missing, expected what changes for SMP and SMA as "
        "{smp: .., sma: ..} on a youth module"
    ) or "age_notes: missing" in _one(tmp_path, text)


def test_an_adult_module_with_age_notes_is_refused(tmp_path: Path) -> None:
    text = ADULT.replace("\nrelated:", '\nage_notes:\n  smp: "x"\n  sma: "y"\nrelated:')
    found = _one(tmp_path, text, "dewasa", "bentuk-esa-online")
    assert f":{line_in(text, 'age_notes:') + 1}:3: module 'bentuk-esa-online': age_notes: given for an adult" in found


def test_age_bands_are_declared_once() -> None:
    assert AGE_BANDS == {"smp": (12, 14), "sma": (15, 18)}
    assert age_band_label("smp") == "SMP (12–14 tahun)"


# --- Fictional cases ---------------------------------------------------------------------------------------------


def test_a_contoh_block_must_be_labelled_as_a_fictional_case(tmp_path: Path) -> None:
    text = GROOMING.replace('!!! contoh "Contoh kasus (fiktif)', '!!! contoh "Contoh (fiktif)', 1)
    line = line_in(text, '!!! contoh "Contoh (fiktif)')
    assert _one(tmp_path, text) == (
        f"{FILE}:{line}:13: module 'grooming': body: a 'contoh' block titled 'Contoh (fiktif)', expected a title "
        "starting with 'Contoh kasus (fiktif)'"
    )


# --- Legal block -------------------------------------------------------------------------------------------------


def test_a_law_named_outside_a_legal_block_is_refused_at_its_column(tmp_path: Path) -> None:
    text = GROOMING.replace("\n## ", "\nMenurut UU No. 35 Tahun 2014, anak dilindungi.\n\n## ", 1)
    line = line_in(text, "Menurut UU No. 35")
    assert _one(tmp_path, text) == (
        f"{FILE}:{line}:9: module 'grooming': body: 'UU No. 35 Tahun 2014' names a law outside a legal block, "
        "expected it inside a '!!! hukum \"…\"' block (which adds the review date and legal-aid advice)"
    )


@pytest.mark.parametrize("words", ["Undang-Undang Perlindungan Anak", "KUHP baru", "Pasal 15", "PP No. 17 Tahun 2025"])
def test_every_kind_of_law_name_is_found(words: str) -> None:
    assert [m.words[:4] for m in laws_outside_legal_blocks(f"Teks {words} teks.")] == [words[:4]]
    assert list(laws_outside_legal_blocks(f'!!! hukum "Aturan"\n    Teks {words} teks.\n')) == []
    assert list(laws_outside_legal_blocks("undang-undang ini melindungi anak")) == []


def test_a_legal_block_needs_a_review_date(tmp_path: Path) -> None:
    text = re.sub(r"(?m)^reviewed: .*\n", "", GROOMING)
    line = line_in(text, "!!! hukum")
    found = _one(tmp_path, text)
    assert found.startswith(f"{FILE}:{line}:5: module 'grooming': body: a 'hukum' block without a review date")


def test_a_docs_page_with_a_legal_block_needs_a_review_date(tmp_path: Path) -> None:
    write_data(tmp_path, VALID_EVENT)
    write_file(tmp_path, "docs/halaman.md", '---\ntitle: Halaman\n---\n\nTeks.\n\n!!! hukum "Aturan"\n    Pasal 15.\n')
    found = [str(p) for p in problems_for(tmp_path)]
    expected = (
        "docs/halaman.md:7:1: reviewed: the page has a 'hukum' block but no review date, expected "
        "'reviewed: YYYY-MM-DD' in its front matter"
    )
    assert found == [expected]
    write_file(tmp_path, "docs/halaman.md", '---\nreviewed: 2026-11-28\n---\n\n!!! hukum "Aturan"\n    Pasal 15.\n')
    assert problems_for(tmp_path) == []


def test_the_generated_line_closes_every_legal_block_even_nested() -> None:
    text = '!!! fasilitator "Catatan"\n    !!! hukum "Aturan"\n        Pasal 15.\n\nSesudahnya.\n'
    out = add_legal_notes(text, date(2026, 11, 28))
    assert "        **Terakhir ditinjau: 28 November 2026.** " + LEGAL_AID in out
    assert out.index("Terakhir ditinjau") < out.index("Sesudahnya.")
    assert [b.kind for b in admonitions(out)] == ["fasilitator", "hukum"]
    assert "UPTD PPA" in LEGAL_AID and "bantuan:sapa-129" in LEGAL_AID and "lembaga bantuan hukum" in LEGAL_AID


# --- Answer keys in the body -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Jawaban: benar, karena pelaku yang bersalah.",
        "- **Kunci jawaban**: 1 salah, 2 benar.",
        '1. "Anak yang dimanfaatkan ikut bersalah." **Keliru.** Yang salah selalu pelakunya.',
        '- "Simpan gambarnya." Salah. Jangan simpan.',
    ],
)
def test_an_answer_key_in_body_text_is_refused(tmp_path: Path, line: str) -> None:
    text = GROOMING.replace("\n## ", f"\n{line}\n\n## ", 1)
    found = _one(tmp_path, text)
    assert found.startswith(f"{FILE}:{line_in(text, line)}:") and "an answer key in body text" in found


def test_a_verdict_after_a_quiz_heading_is_refused_but_not_elsewhere(tmp_path: Path) -> None:
    quiz = GROOMING.replace("\n## ", "\n## Kuis singkat\n\n1. Anak boleh melapor. Benar. Kapan saja.\n\n## ", 1)
    assert "an answer key in body text" in _one(tmp_path / "a", quiz)
    plain = GROOMING.replace("\n## ", "\n## Langkah\n\n1. Anak boleh melapor. Benar. Kapan saja.\n\n## ", 1)
    assert _problems(tmp_path / "b", plain) == []


def test_an_answer_key_inside_a_facilitator_block_is_fine(tmp_path: Path) -> None:
    block = '!!! fasilitator "Kunci"\n    Jawaban: benar.\n\n    1. "Anak bersalah." **Keliru.** Pelaku yang salah.\n'
    assert _problems(tmp_path, GROOMING.replace("\n## ", f"\n{block}\n## ", 1)) == []


# --- Rendering ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project():  # type: ignore[no-untyped-def]
    return load_project(ROOT)


def test_the_lesson_page_shows_the_forty_minute_plan_beside_the_full_agenda(project) -> None:  # type: ignore[no-untyped-def]
    page = lesson_page_markdown(project, project.lesson("grooming"))
    assert page.index("## Agenda") < page.index("## Rencana 40 menit") < page.index("Rencana 40 menit (")
    plan = page[page.index('<table class="sso-table sso-agenda sso-core-plan">') :]
    assert '<td data-label="Waktu">00:05</td><td data-label="Langkah">Enam tanda bahaya</td>' in plan


def test_the_pack_prints_both_plans_the_answer_key_and_the_age_notes(project) -> None:  # type: ignore[no-untyped-def]
    volume = next(v for v in pack_volumes(project, "remaja") if any(x.id == "grooming" for x in v.lessons))
    pack = facilitator_pack_markdown(project, volume)
    lesson = project.lesson("grooming")
    assert "### Rencana 40 menit" in pack and "sso-answer-key" in pack
    assert "Untuk SMP (12–14 tahun) dan SMA (15–18 tahun)" in pack
    for q in lesson.module.quiz:
        assert f"<strong>Jawaban: {q.answer}.</strong> {q.explanation}" in pack
    assert lesson.module.age_notes is not None and lesson.module.age_notes.smp in pack
    assert "sso-self-check" not in pack


def test_the_before_after_sheet_asks_twice_and_answers_nothing(project) -> None:  # type: ignore[no-untyped-def]
    for lesson in project.lessons:
        sheet = sheet_markdown(project, lesson)
        assert sheet.count("Sebelum sesi") >= 2 and '<h2 id="sso-sheet-2">Sesudah sesi</h2>' in sheet
        for q in lesson.module.quiz:
            assert sheet.count(f"<p>{escape(q.question)}</p>") == 2, (lesson.id, q.question)
            assert escape(q.explanation) not in sheet
        assert "Jawaban" not in sheet and "data-sso-quiz-answer" not in sheet


def test_the_script_is_wrapped_and_cases_and_legal_blocks_stay_out_of_it() -> None:
    body = (
        '## Langkah\n\nBacakan ini.\n\n!!! contoh "Contoh kasus (fiktif)"\n    Kartu.\n\n'
        'Lagi.\n\n!!! hukum "A"\n    Pasal 1.\n'
    )
    out = mark_script(body)
    assert out.count('data-sso-facilitator="script"') == 2
    assert out.index("Bacakan ini.") < out.index("</div>") < out.index("!!! contoh")
    assert out.count('class="sso-shown"') == 2 and out.rstrip().endswith("    Pasal 1.\n\n</div>")


def test_facilitator_admonitions_get_the_marker_whatever_their_attributes() -> None:
    html = '<div data-x class="admonition fasilitator"><p>a</p></div><details class="perlindungan" open></details>'
    assert mark_facilitator_blocks(html).count('data-sso-facilitator="note"') == 2
    assert "data-sso" not in mark_facilitator_blocks('<div class="admonition fasilitator-lain">')


def test_public_module_data_carries_core_steps_but_no_answers(built_site: Path) -> None:
    data = json.loads((built_site / "data/modules.json").read_text(encoding="utf-8"))
    grooming = next(m for m in data["items"] if m["id"] == "grooming")
    assert grooming["agenda"][0]["core"] is True and grooming["agenda"][0]["core_minutes"] == 5
    assert grooming["quiz"] and all(set(q) == {"question", "options"} for q in grooming["quiz"])
    project = load_project(ROOT)
    for lesson in project.lessons:
        exported = next(m for m in data["items"] if m["id"] == lesson.id)
        text = json.dumps({**exported, "quiz": None}, ensure_ascii=False)  # the quiz is checked above
        for q in lesson.module.quiz:
            if _plain(q.explanation) not in _public(lesson):
                assert q.explanation not in text, (lesson.id, q.explanation)


# --- Participant view: nothing facilitator-only, no answer -----------------------------------------------------


def _plain(markdown: str) -> str:
    """Markdown as the reader sees its words: markup, links' addresses and extra spaces dropped."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[\[[^\]]*\]\]", " ", text)
    text = re.sub(r"[*_`>|]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _public(lesson) -> str:  # type: ignore[no-untyped-def]
    """What a module shows every reader anyway: summary, objectives, key messages, take-home points."""
    module = lesson.module
    return _plain(" ".join([module.summary, *module.key_messages, *module.take_home, *module.objectives]))


def _facilitator_sentences(body: str) -> list[str]:
    """Sentences of a body's `fasilitator` and `perlindungan` blocks (long enough to be that block's own)."""
    lines = body.splitlines()
    found = []
    for block in admonitions(body):
        if block.kind not in {"fasilitator", "perlindungan"}:
            continue
        text = _plain("\n".join(lines[block.line : block.end]))
        found += [s.strip() for s in re.split(r"(?<=[.!?:])\s+", text) if len(s.strip()) >= 30]
    return found


def _participant_text(site: Path, lesson_url: str) -> str:
    html = (site / lesson_url / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(participant_html(html), "html.parser").select_one("article")
    assert article is not None
    return re.sub(r"\s+", " ", article.get_text(" "))


def test_the_participant_view_holds_no_answer_and_no_facilitator_sentence(built_site: Path) -> None:
    project = load_project(ROOT)
    assert project.lessons
    for lesson in project.lessons:
        shown = _participant_text(built_site, lesson.url)
        module = lesson.module
        public = _public(lesson)
        for q in module.quiz:
            if _plain(q.explanation) not in public:  # repeating a key message gives nothing away
                assert q.explanation not in shown, (lesson.id, q.explanation)
            if len(q.answer) > 12 and q.answer not in public:  # an answer in its own words ("Benar" is everywhere)
                assert q.answer not in shown, (lesson.id, q.answer)
        for sentence in _facilitator_sentences(lesson.body):
            if sentence in public:
                continue  # a key message repeated in a note is the participants' own text
            assert sentence not in shown, (lesson.id, sentence)
        for item in module.materials + module.discussion_questions:
            assert item not in shown, (lesson.id, item)
        assert "Kunci jawaban" not in shown and "Bacakan" not in shown, lesson.id
        assert module.summary in shown and module.key_messages[0] in shown  # the view is not empty


def test_the_participant_view_keeps_fictional_cases_and_legal_blocks(built_site: Path) -> None:
    page = built_site / "kurikulum/dewasa/hukum-perlindungan-anak/index.html"
    shown = BeautifulSoup(participant_html(page.read_text(encoding="utf-8")), "html.parser")
    assert shown.select(".admonition.contoh") and shown.select(".admonition.hukum")
    assert "Terakhir ditinjau: 28 November 2026." in shown.select_one(".admonition.hukum .sso-legal-note").get_text()


def test_the_sheet_page_is_built_at_a_stable_address_out_of_the_menu(built_site: Path) -> None:
    page = built_site / "kurikulum/remaja/grooming/lembar-sebelum-sesudah/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert [h.get_text(strip=True) for h in soup.select("article h2")] == ["Sebelum sesi", "Sesudah sesi"]
    assert "Jawaban" not in soup.select_one("article").get_text()
    lesson = (built_site / "kurikulum/remaja/grooming/index.html").read_text(encoding="utf-8")
    assert 'grooming/lembar-sebelum-sesudah/"' in lesson
    nav = BeautifulSoup(lesson, "html.parser").select_one("nav.md-nav--primary")
    assert nav is None or "lembar-sebelum-sesudah" not in str(nav)


def test_a_youth_guidance_page_shows_a_module_self_check(built_site: Path) -> None:
    page = built_site / "remaja/tanda-grooming/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    items = soup.select(".sso-self-check .sso-quiz__item")
    quiz = load_project(ROOT).lesson("grooming").module.quiz
    assert len(items) == len(quiz)
    for item, q in zip(items, quiz, strict=True):
        assert item.select_one(".sso-quiz__question").get_text(strip=True) == q.question
        assert item.select_one("details summary") is not None
        assert q.explanation in item.select_one("details").get_text(" ")  # the answer sits inside <details>
        assert item["data-sso-quiz-answer"] == str(q.options.index(q.answer))


def test_a_docs_page_legal_block_gets_its_review_date_and_lesson_pages_are_left_alone() -> None:
    import importlib.util
    from types import SimpleNamespace

    spec = importlib.util.spec_from_file_location("lesson_blocks", ROOT / "hooks/lesson_blocks.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    text = 'Teks.\n\n!!! hukum "Aturan"\n    Pasal 15.\n'
    docs_page = SimpleNamespace(file=SimpleNamespace(generated_by=None), meta={"reviewed": date(2026, 11, 30)})
    out = hook.on_page_markdown(text, docs_page, None)
    assert "    **Terakhir ditinjau: 30 November 2026.** " + LEGAL_AID in out
    generated = SimpleNamespace(file=SimpleNamespace(generated_by="curriculum"), meta={})
    assert hook.on_page_markdown(text, generated, None) == text


def test_a_law_named_in_the_front_matter_needs_a_review_date_and_a_legal_block(tmp_path: Path) -> None:
    aim = '  - "Peserta mampu menjelaskan apa itu grooming (bujuk rayu) dengan kata-kata sendiri."'
    named = '  - "Peserta mampu menyebutkan bahwa UU No. 35 Tahun 2014 melindungi anak."'
    assert aim in GROOMING
    text = re.sub(r"(?m)^reviewed: .*\n", "", GROOMING.replace(aim, named, 1))
    line = line_in(text, "UU No. 35")
    found = _problems(tmp_path, text)
    assert (
        f"{FILE}:{line}:5: module 'grooming': objectives[0]: 'UU No. 35 Tahun 2014' names a law, so the module needs "
        "'reviewed: YYYY-MM-DD' in its front matter and a '!!! hukum \"…\"' block in its body (the block shows the "
        "review date and legal-aid advice)"
    ) in found
    # With the date back, the module's own legal block covers the aim; a source title may always name a law.
    assert _problems(tmp_path, GROOMING.replace(aim, named, 1)) == []


# --- Boundaries and the order of modules (each kills a mutant of `make mutate`) ----------------------------------


def test_a_thirty_minute_plan_and_core_minutes_equal_to_the_step_are_accepted(tmp_path: Path) -> None:
    thirty = GROOMING.replace("    core_minutes: 10\n", "    core_minutes: 5\n", 1)  # 35 -> 30 minutes
    assert _problems(tmp_path / "a", thirty) == []
    whole = GROOMING.replace(
        "    method: kerja-berpasangan\n    core: true\n    core_minutes: 5\n",
        "    method: kerja-berpasangan\n    core: true\n    core_minutes: 10\n",  # the step's own 10 minutes
    )
    assert whole != GROOMING and _problems(tmp_path / "b", whole) == []


def test_a_contoh_block_without_a_title_is_refused_with_an_empty_title(tmp_path: Path) -> None:
    text = GROOMING.replace('!!! contoh "Contoh kasus (fiktif)"', "!!! contoh", 1)
    assert _one(tmp_path, text) == (
        f"{FILE}:{line_in(text, '!!! contoh')}:11: module 'grooming': body: a 'contoh' block titled '', expected a "
        "title starting with 'Contoh kasus (fiktif)'"
    )


def test_laws_in_the_front_matter_are_checked_in_every_module(tmp_path: Path) -> None:
    # dewasa/bentuk-esa-online names a law (reported first), remaja/bujuk-rayu is covered by its own legal block,
    # remaja/grooming names a law without one: the check goes on past both.
    named = '  - "Peserta mampu menyebutkan bahwa UU No. 35 Tahun 2014 melindungi anak."'
    adult_aim = (
        '  - "Peserta mampu menyebutkan lima bentuk ESA online dan menjelaskan masing-masing dengan kata-kata sendiri."'
    )
    youth_aim = '  - "Peserta mampu menjelaskan apa itu grooming (bujuk rayu) dengan kata-kata sendiri."'
    assert adult_aim in ADULT and youth_aim in GROOMING
    write_data(tmp_path, VALID_EVENT)
    write_module(tmp_path, "dewasa", "bentuk-esa-online", ADULT.replace(adult_aim, named, 1))
    write_module(tmp_path, "remaja", "bujuk-rayu", GROOMING.replace("id: grooming", "id: bujuk-rayu", 1))
    uncovered = re.sub(r"(?m)^reviewed: .*\n", "", GROOMING.replace(youth_aim, named, 1))
    write_module(tmp_path, "remaja", "grooming", uncovered)
    found = " ".join(str(p) for p in problems_for(tmp_path))
    assert "curriculum/dewasa/bentuk-esa-online.md:10:5: module 'bentuk-esa-online': objectives[0]: 'UU No. 35" in found
    assert f"{FILE}:{line_in(uncovered, 'UU No. 35')}:5: module 'grooming': objectives[0]: 'UU No. 35" in found


def test_answers_are_found_after_code_and_headings_but_not_inside_code_or_before_a_quiz(tmp_path: Path) -> None:
    code = "```\nJawaban: ini contoh di dalam kode.\n```\n"
    after = "Jawaban: ini di luar kode."
    verdict = '- "Simpan gambarnya." Salah. Jangan simpan.'
    text = GROOMING.replace(
        "\n## Pembukaan dan kesepakatan kelompok\n",
        "\nAnak boleh melapor. Benar. Kapan saja.\n\n## Pembukaan dan kesepakatan kelompok\n\n"
        f"{code}\n{after}\n\n  {verdict}\n",
        1,
    )
    assert text != GROOMING
    message = "module 'grooming': body: an answer key in body text"
    found = [p for p in _problems(tmp_path, text) if message in p]
    assert [p.split(f": {message}")[0] for p in found] == [
        f"{FILE}:{line_in(text, after)}:1",  # the paragraph's first column
        f"{FILE}:{line_in(text, verdict)}:{verdict.index('Salah') + 3}",  # at the verdict (indented 2)
    ]


def test_an_answer_after_a_facilitator_block_is_still_found(tmp_path: Path) -> None:
    block = '!!! fasilitator "Kunci"\n    Jawaban: benar.\n'
    after = "Jawaban: sesudah kotak fasilitator."
    text = GROOMING.replace("\n## ", f"\n{block}\n{after}\n\n## ", 1)
    found = [p for p in _problems(tmp_path, text) if "an answer key in body text" in p]
    assert [p.split(": module")[0] for p in found] == [f"{FILE}:{line_in(text, after)}:1"]
