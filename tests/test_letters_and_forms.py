"""The planner's pages, the parent letter, the evaluation forms and the facilitator FAQ in the real build: they exist
at stable addresses, are linked and ordered in the menu, load the planner's script only where it is needed, keep
the safeguarding rules, and write no help-line number or date by hand (help channels are `[[bantuan:<id>]]`).

Printing (one A4 sheet per evaluation form) is measured in Chromium: tests/browser/test_letters_and_forms_print.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuild import ROOT
from smartschool.navigation import PAGE_ORDER, page_rank

GURU = ROOT / "docs" / "guru"
# Stable addresses (the PDF helper and other sites link them): page source -> built page.
PAGES = {
    "perencana.md": "guru/perencana/index.html",
    "surat-orang-tua.md": "guru/surat-orang-tua/index.html",
    "formulir-evaluasi-dewasa.md": "guru/formulir-evaluasi-dewasa/index.html",
    "formulir-evaluasi-remaja.md": "guru/formulir-evaluasi-remaja/index.html",
    "tanya-jawab-fasilitator.md": "guru/tanya-jawab-fasilitator/index.html",
}
SCRIPT_PAGES = {"guru/perencana/index.html", "guru/surat-orang-tua/index.html"}
HELP_TOKEN = re.compile(r"\[\[bantuan:[a-z0-9-]+\]\]")
# What a hand-written help line or date looks like: a phone number (3+ digits, or grouped with dashes), a year,
# a day and month. Times of day in a Jinja macro call are data, not prose, and are left out with the call.
HAND_WRITTEN = re.compile(
    r"\b\d{3,}\b|\b\d{2,5}-\d{2,5}(-\d{2,5})?\b|\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|"
    r"September|Oktober|November|Desember)\b|\b(19|20)\d{2}\b"
)


def _prose(source: str) -> str:
    """A page's Markdown without its front matter, macro calls, help tokens and its list of sources (citations
    carry their own titles and addresses)."""
    body = source.split("\n---\n", 1)[1]
    body = re.sub(r"\{\{.*?\}\}", "", body, flags=re.DOTALL)
    body = re.sub(r"^## Sumber\n.*?(?=^</div>|\Z)", "", body, flags=re.DOTALL | re.MULTILINE)
    return HELP_TOKEN.sub("", body)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_hand_written_numbers_or_dates(name: str) -> None:
    prose = _prose((GURU / name).read_text(encoding="utf-8"))
    found = [m.group(0) for m in HAND_WRITTEN.finditer(prose)]
    assert not found, f"docs/guru/{name} writes {found} by hand: use [[bantuan:<id>]] or data"


def test_the_faq_and_forms_name_help_by_token() -> None:
    for name in ("tanya-jawab-fasilitator.md", "surat-orang-tua.md", "formulir-evaluasi-remaja.md"):
        assert "[[bantuan:sapa-129]]" in (GURU / name).read_text(encoding="utf-8"), name


def test_the_checker_catches_a_hand_written_number() -> None:
    assert HAND_WRITTEN.search(_prose("---\ntitle: x\n---\nHubungi SAPA 129 sekarang."))
    assert HAND_WRITTEN.search(_prose("---\ntitle: x\n---\nWhatsApp 08111-129-129."))
    assert HAND_WRITTEN.search(_prose("---\ntitle: x\n---\nPada 16 Maret."))
    assert not HAND_WRITTEN.search(_prose("---\ntitle: x\n---\nHubungi [[bantuan:sapa-129]]."))
    assert not HAND_WRITTEN.search(_prose("---\ntitle: x\n---\nA.\n\n## Sumber\n\n- [SAPA 129](https://x.org/129)\n"))
    assert HAND_WRITTEN.search(_prose("---\ntitle: x\n---\n## Sumber\n\n- [a](https://x.org)\n</div>\nSAPA 129\n"))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_are_built_at_stable_addresses(built_site: Path, name: str) -> None:
    assert (built_site / PAGES[name]).is_file()


def test_planner_script_loads_on_its_pages_only_and_never_inline(built_site: Path) -> None:
    loading = {
        page.relative_to(built_site).as_posix()
        for page in built_site.rglob("*.html")
        if "assets/planner.js" in page.read_text(encoding="utf-8")
    }
    assert loading == SCRIPT_PAGES
    for page in SCRIPT_PAGES:
        html = (built_site / page).read_text(encoding="utf-8")
        assert re.search(r'<script src="(\.\./)+assets/planner\.js"></script>', html)
        content = html.split("<article", 1)[1].split("</article>", 1)[0]
        assert "<script" not in content and not re.search(r"\son[a-z]+=", content)


def test_new_pages_are_linked_from_the_teacher_pages(built_site: Path) -> None:
    index = (built_site / "guru/index.html").read_text(encoding="utf-8")
    running = (built_site / "guru/menjalankan-workshop/index.html").read_text(encoding="utf-8")
    content = index.split("<article", 1)[1]
    for target in (
        "perencana/",
        "surat-orang-tua/",
        "formulir-evaluasi-dewasa/",
        "formulir-evaluasi-remaja/",
        "tanya-jawab-fasilitator/",
    ):
        assert f'href="{target}"' in content, f"guru/ does not link {target}"
    # "Kirim surat kepada orang tua murid" now links the letter.
    sending = re.search(r"Kirim surat kepada orang tua murid.*?</li>", running, re.DOTALL).group(0)
    assert 'href="../surat-orang-tua/"' in sending
    assert 'href="../perencana/"' in running


def test_menu_lists_the_teacher_pages_in_reading_order(built_site: Path) -> None:
    html = (built_site / "guru/index.html").read_text(encoding="utf-8")
    linked = re.findall(r'href="([a-z-]+)/" class="md-nav__link', html)
    assert [name for name in linked if name in PAGE_ORDER["guru"]] == list(PAGE_ORDER["guru"])


def test_page_rank() -> None:
    assert page_rank("guru/index.md") == (-1, "")
    assert page_rank("guru/perencana.md") == (1, "")
    assert page_rank("guru/zzz.md") == (len(PAGE_ORDER["guru"]), "zzz")
    assert page_rank("orang-tua/anything.md") == (0, "")


def test_youth_evaluation_form_is_anonymous_and_asks_no_personal_experience(built_site: Path) -> None:
    html = (built_site / "guru/formulir-evaluasi-remaja/index.html").read_text(encoding="utf-8")
    form = html.split('class="sso-form"', 1)[1].split("</article>", 1)[0]
    assert "Nama" not in form and "nama" not in re.sub(r"Jangan tulis namamu", "", form)
    for built in ("guru/formulir-evaluasi-remaja/index.html", "guru/formulir-evaluasi-dewasa/index.html"):
        page = (built_site / built).read_text(encoding="utf-8")
        questions = re.search(r'<ol class="sso-form-open">(.*?)</ol>', page, re.DOTALL).group(1)
        assert "pengalaman" not in questions.lower() and "kekerasan" not in questions.lower()
        assert page.count('type="checkbox"') >= 10


def test_the_letter_has_the_opt_out_slip_and_every_youth_module(built_site: Path) -> None:
    from smartschool.project import load_project

    html = (built_site / "guru/surat-orang-tua/index.html").read_text(encoding="utf-8")
    slip = html.split('class="sso-slip"', 1)[1]
    for part in ("Nama anak", "Kelas", "Saya tidak mengizinkan", "Tanda tangan", "Tanggal"):
        assert part in slip
    listed = re.findall(r'<li data-module="([a-z0-9-]+)">', html)
    assert listed == [lesson.id for lesson in load_project(ROOT).lessons_of_track("remaja")]


def test_the_faq_answers_the_three_questions_consistently_with_the_protocol(built_site: Path) -> None:
    html = (built_site / "guru/tanya-jawab-fasilitator/index.html").read_text(encoding="utf-8")
    for anchor in (
        "jika-orang-tua-keberatan",
        "jika-peserta-sedih-atau-gelisah",
        "jika-ada-cerita-di-kotak-pertanyaan-tanpa-nama",
    ):
        assert f'id="{anchor}"' in html
    box = html.split('id="jika-ada-cerita-di-kotak-pertanyaan-tanpa-nama"', 1)[1]
    for rule in (
        "Jangan mencari penulisnya",
        "Catat",
        "Jangan berjanji merahasiakan",
        "Dahulukan keselamatan",
        "penanggung jawab perlindungan anak",
        "protokol-pengungkapan/",
    ):
        assert rule in box, rule
