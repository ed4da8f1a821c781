"""Participant materials per module (smartschool.participant): a handout and case cards, without facilitator
text or answers, as a page linked from the lesson (the PDFs: tests/test_pdfs.py)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from forbidden_text import facilitator_sentences, forbidden_in_participant_text, normalised
from smartschool.participant import case_cards, participant_url, without_facilitator_blocks
from smartschool.project import load_project

ROOT = Path(__file__).resolve().parent.parent

BODY = textwrap.dedent(
    """\
    ## Pembukaan

    Sampaikan: "Naskah pembukaan untuk fasilitator saja."

    !!! fasilitator "Catatan fasilitator"
        Kalimat rahasia fasilitator satu.

    ## Studi kasus {: #studi }

    !!! contoh "Contoh kasus (fiktif)"
        **Kartu 1.** Nadia menerima hadiah.

        **Kartu 2.** Raka diancam.

        !!! fasilitator "Jawaban"
            Kalimat rahasia fasilitator dua.

    !!! perlindungan "Jika ada peserta yang bercerita"
        Kalimat rahasia perlindungan.

    ```
    !!! contoh "Bukan kartu: di dalam kode"
        Kode
    ```

    ## Skenario

    ??? contoh "Skenario bertahap"
        Pengantar skenario.

        **Bagian 1.** Awal cerita.

        **Bagian 2.** Lanjutan cerita.

    > !!! contoh "Bersarang"
    """
)


def test_case_cards_are_the_contoh_blocks_one_card_each_without_facilitator_blocks() -> None:
    cards = case_cards(BODY)
    assert [(c.activity, c.title) for c in cards] == [
        ("Studi kasus", "Contoh kasus (fiktif)"),
        ("Studi kasus", "Contoh kasus (fiktif)"),
        ("Skenario", "Skenario bertahap"),
        ("Skenario", "Skenario bertahap"),
    ]
    assert [c.markdown for c in cards] == [
        "**Kartu 1.** Nadia menerima hadiah.",
        "**Kartu 2.** Raka diancam.",
        "Pengantar skenario.\n\n**Bagian 1.** Awal cerita.",
        "**Bagian 2.** Lanjutan cerita.",
    ]
    assert cards[0].line == BODY.splitlines().index('!!! contoh "Contoh kasus (fiktif)"') + 1
    text = "\n".join(c.markdown for c in cards)
    assert "rahasia" not in text and "Naskah" not in text and "Kode" not in text


def test_facilitator_blocks_are_removed_at_any_depth_and_fences_kept() -> None:
    markdown = "Teks.\n\n    !!! perlindungan\n        Rahasia.\n\nLagi.\n\n```\n!!! fasilitator\n    kode\n```"
    kept = without_facilitator_blocks(markdown)
    assert "Rahasia" not in kept and "perlindungan" not in kept
    assert kept.split() == ["Teks.", "Lagi.", "```", "!!!", "fasilitator", "kode", "```"]


@pytest.fixture(scope="module")
def project():  # type: ignore[no-untyped-def]
    return load_project(ROOT)


def _article(site: Path, url: str) -> BeautifulSoup:
    page = BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")
    return page.select_one("article.md-content__inner")


@pytest.mark.parametrize(
    "opening",
    [
        '!!! fasilitator inline end "Catatan fasilitator"',  # further classes after the kind
        '!!!fasilitator "Catatan fasilitator"',  # no space after the marker: Python-Markdown reads it
        '!!! note fasilitator "Catatan fasilitator"',  # the facilitator class second
        '???+ perlindungan "Jika ada peserta yang bercerita"',
    ],
)
def test_every_opening_python_markdown_reads_as_a_facilitator_block_is_kept_off_the_cards(opening: str) -> None:
    body = textwrap.dedent(
        f"""\
        ## Studi kasus

        !!! contoh "Contoh kasus (fiktif)"
            Raka menerima pesan dari akun baru.

            {opening}
                Jawaban yang benar: Raka tidak bersalah.

            Apa yang bisa Raka lakukan?
        """
    )
    (card,) = case_cards(body)
    assert "Raka menerima pesan" in card.markdown and "Apa yang bisa Raka lakukan?" in card.markdown
    assert "Jawaban" not in card.markdown
    assert "Jawaban" not in without_facilitator_blocks(body)


def test_every_module_has_a_participant_page_with_handout_and_cards(built_site: Path, project) -> None:  # type: ignore[no-untyped-def]
    for lesson in project.lessons:
        article = _article(built_site, participant_url(lesson))
        text = normalised(article.get_text(" "))
        assert article.find("h1").get_text(strip=True) == f"Bahan peserta: {lesson.module.title}"
        for line in [*lesson.module.key_messages, *lesson.module.take_home]:
            for part in re.split(r"\[\[bantuan:[^\]]*\]\]", line):  # a help mention becomes the channel's contacts
                assert normalised(part) in text, (lesson.id, line)
        assert article.select_one(".sso-help-box"), lesson.id
        cards = case_cards(lesson.body)
        assert len(article.select(".admonition.contoh")) == len(cards), lesson.id
        assert bool(article.find(id="kartu-kasus")) == bool(cards), lesson.id


def test_no_facilitator_sentence_or_answer_on_any_participant_page(built_site: Path, project) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for lesson in project.lessons:
        text = normalised(_article(built_site, participant_url(lesson)).get_text(" "))
        assert facilitator_sentences(lesson), f"{lesson.id}: no facilitator sentence found to check"
        for forbidden in forbidden_in_participant_text(lesson):
            assert forbidden not in text, (lesson.id, forbidden)
            checked += 1
        assert not _article(built_site, participant_url(lesson)).select(".fasilitator, .perlindungan")
        # the same sentences are found on the facilitator's lesson page: the comparison itself works
        lesson_text = normalised(_article(built_site, lesson.url).get_text(" "))
        assert any(sentence in lesson_text for sentence in forbidden_in_participant_text(lesson)), lesson.id
    assert checked > 50


def test_the_lesson_page_links_its_participant_page_and_the_menu_does_not(built_site: Path, project) -> None:  # type: ignore[no-untyped-def]
    for lesson in project.lessons:
        page = BeautifulSoup((built_site / lesson.url / "index.html").read_text("utf-8"), "html.parser")
        link = page.select_one("article .sso-participant-link a")
        assert link is not None and link["href"] == "bahan-peserta/", lesson.id
        assert not [a for a in page.select("nav.md-nav a") if "bahan-peserta" in a.get("href", "")], lesson.id


def test_a_build_without_the_pdf_switch_has_no_pdf_and_no_pdf_link(built_site: Path) -> None:
    assert not list(built_site.rglob("*.pdf"))
    for page in built_site.rglob("index.html"):
        html = page.read_text("utf-8")
        assert 'class="sso-pdf"' not in html and "\u27e6sso-pdf" not in html, page
