"""Letters and forms in Chromium's print: each evaluation form on one A4 sheet, the parent letter with its whole
opt-out slip on one page, none of the site's navigation or the page's own instructions printed. Measured with
page.pdf() and pypdf."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

FORMS = {
    "/guru/formulir-evaluasi-dewasa/": "Formulir evaluasi: hari orang dewasa",
    "/guru/formulir-evaluasi-remaja/": "Formulir evaluasi: hari murid",
}
CHROME = (
    "Beranda",
    "Lewati ke isi",
    "Butuh bantuan",
    "Ganti ke mode",
    "Cetak formulir",
    "Cetak surat",
    "Sebelumnya",
    "Selanjutnya",
)


def _printed_pages(page: Page, path: str) -> list[str]:
    page.goto(path, wait_until="load")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return [re.sub(r"\s+", " ", p.extract_text() or "").strip() for p in reader.pages]


@pytest.mark.parametrize("path", sorted(FORMS))
def test_evaluation_form_prints_on_one_a4_sheet(page: Page, base_url: str, path: str) -> None:
    pages = _printed_pages(page, base_url + path)
    assert len(pages) == 1, f"{path} printed on {len(pages)} A4 pages"
    assert pages[0].startswith(FORMS[path])
    assert "Pertanyaan terbuka" in pages[0]
    for chrome in (*CHROME, "Bagikan formulir ini"):
        assert chrome not in pages[0], f"'{chrome}' was printed"


def test_parent_letter_prints_with_the_whole_slip_on_one_page(page: Page, base_url: str) -> None:
    pages = _printed_pages(page, base_url + "/guru/surat-orang-tua/")
    assert len(pages) <= 2, f"the letter printed on {len(pages)} A4 pages"
    assert pages[0].startswith("Kepada Bapak/Ibu")
    slip = [text for text in pages if "Lembar tidak mengizinkan" in text]
    assert len(slip) == 1
    for part in ("Nama anak", "Kelas", "Saya tidak mengizinkan", "Tanda tangan", "Tanggal"):
        assert part in slip[0].split("Lembar tidak mengizinkan", 1)[1], f"the slip's '{part}' is on another page"
    printed = " ".join(pages)
    for chrome in (*CHROME, "Kirim surat ini"):
        assert chrome not in printed, f"'{chrome}' was printed"
