"""PDFs at build (smartschool.pdfs, hooks/pdfs.py): every PDF opens, has its title and no site navigation, fits
its pages; participant PDFs hold no facilitator sentence and no answer; pages link them with their real size.

The site is built with PDFs once for this module (about 20 s more than a build without them on two cores).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from forbidden_text import forbidden_in_participant_text, normalised
from sitebuild import ROOT, SITE_URL
from smartschool.participant import participant_url
from smartschool.pdfs import PdfError, PdfSpec, _write, pdf_specs, print_html, size_label, write_pdf
from smartschool.project import load_project

# What the theme shows around every page: none of it belongs in a PDF.
NAVIGATION = ("Beranda", "Lewati ke isi", "Keluar cepat", "Ganti ke mode", "Tautan ke bagian ini", "Kembali ke atas")
PDF_LINK = re.compile(r'<a href="(?P<name>[^"]+\.pdf)">[^<]*\(PDF, (?P<size>[^)]+)\)</a>')


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("pdf-site") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SSO_BUILD_DATE": "2026-11-28", "SITE_URL": SITE_URL}
    env["SSO_PDF"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def project():  # type: ignore[no-untyped-def]
    return load_project(ROOT)


def _text(pdf: Path) -> list[str]:
    return [normalised(page.extract_text() or "") for page in PdfReader(pdf).pages]


def _pages_with_pdfs(site: Path) -> dict[str, list[tuple[str, str]]]:
    """Page address → the (file name, size label) of each PDF it links."""
    found = {}
    for page in site.rglob("index.html"):
        links = PDF_LINK.findall(page.read_text("utf-8"))
        if links:
            found[page.parent.relative_to(site).as_posix() + "/"] = links
    return found


def test_every_printable_page_links_its_pdfs_with_their_real_size(pdf_site: Path, project) -> None:  # type: ignore[no-untyped-def]
    pages = _pages_with_pdfs(pdf_site)
    expected = {participant_url(lesson) for lesson in project.lessons}
    expected |= {"orang-tua/kesepakatan-keluarga/", "kurikulum/remaja/paket-fasilitator/"}
    expected |= {"kurikulum/dewasa/paket-fasilitator/"}
    expected |= {f"{lesson.url}lembar-sebelum-sesudah/" for lesson in project.lessons}
    expected |= {"guru/surat-orang-tua/"}
    assert expected <= set(pages)
    pdfs = sorted(pdf_site.rglob("*.pdf"))
    assert len(pdfs) == sum(len(links) for links in pages.values())
    for url, links in pages.items():
        for name, size in links:
            assert size == size_label((pdf_site / url / name).stat().st_size), (url, name)
    assert "\u27e6" not in "".join(p.read_text("utf-8") for p in pdf_site.rglob("index.html"))


def test_every_pdf_opens_with_its_title_and_no_site_navigation(pdf_site: Path) -> None:
    for url, links in _pages_with_pdfs(pdf_site).items():
        page = BeautifulSoup((pdf_site / url / "index.html").read_text("utf-8"), "html.parser")
        title = normalised(page.find("h1").get_text(" ").replace("¶", ""))
        for name, _ in links:
            text = _text(pdf_site / url / name)
            assert text and all(text), (url, name)
            # "Bahan peserta: X" prints as "Lembar peserta: X" and "Kartu kasus: X"
            printed = title.split(": ", 1)[1] if name.endswith(("-lembar-peserta.pdf", "-kartu-kasus.pdf")) else title
            assert printed in text[0], (url, name, printed)
            joined = " ".join(text)
            for label in NAVIGATION:
                assert label not in joined, (url, name, label)
            assert not re.search(r"\bCari\b", joined), (url, name)
            assert "licenses/by/4.0" in joined and SITE_URL.split("//")[1].split("/")[0] in joined, (url, name)


def test_handouts_and_cards_fit_one_or_two_a4_pages(pdf_site: Path, project) -> None:  # type: ignore[no-untyped-def]
    for lesson in project.lessons:
        for pdf in (pdf_site / participant_url(lesson)).glob("*.pdf"):
            reader = PdfReader(pdf)
            assert 1 <= len(reader.pages) <= 2, pdf
            box = reader.pages[0].mediabox
            assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297), pdf
        assert (pdf_site / participant_url(lesson) / f"{lesson.id}-lembar-peserta.pdf").exists()
        for sheet in (pdf_site / lesson.url / "lembar-sebelum-sesudah").glob("*.pdf"):
            assert 1 <= len(PdfReader(sheet).pages) <= 2, sheet


def test_no_facilitator_sentence_or_answer_in_any_participant_pdf(pdf_site: Path, project) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for lesson in project.lessons:
        sheets = sorted((pdf_site / participant_url(lesson)).glob("*.pdf"))
        sheets += sorted((pdf_site / lesson.url / "lembar-sebelum-sesudah").glob("*.pdf"))
        for pdf in sheets:
            # a before/after sheet shows the options (one of which is the answer), never the explanation
            text = " ".join(_text(pdf))
            for forbidden in forbidden_in_participant_text(lesson, answers="sebelum-sesudah" not in pdf.name):
                assert forbidden not in text, (pdf.name, forbidden)
                checked += 1
    assert checked > 100
    pack = " ".join(_text(next((pdf_site / "kurikulum/remaja/paket-fasilitator").glob("*.pdf"))))
    grooming = project.lesson("grooming") if "grooming" in {lesson.id for lesson in project.lessons} else None
    if grooming:  # the facilitator pack, by contrast, keeps the facilitator's notes
        assert any(sentence in pack for sentence in forbidden_in_participant_text(grooming))


def test_the_family_agreement_prints_its_form_with_boxes_on_at_most_two_pages(pdf_site: Path) -> None:
    text = _text(pdf_site / "orang-tua/kesepakatan-keluarga/kesepakatan-keluarga.pdf")
    assert len(text) <= 2
    assert "Nama keluarga" in text[0] and "☐" in text[0]
    assert "Tanda tangan" in " ".join(text)
    assert "[ ]" not in " ".join(text) and "• [" not in " ".join(text)
    page = (pdf_site / "orang-tua/kesepakatan-keluarga/index.html").read_text("utf-8")
    assert "[ ]" not in page and page.count("☐") >= 20


def _spec(**kw: object) -> PdfSpec:
    return PdfSpec("uji/", "uji.pdf", "Uji", "Uji &amp; coba", participant=True, **kw)  # type: ignore[arg-type]


def test_same_print_document_gives_the_same_bytes_and_the_source_date(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    document = print_html(_spec(), "<p>Isi ☐</p>", site_name="Smart School Online", page_address=SITE_URL + "uji/")
    assert "<title>Uji &amp; coba</title>" in document and "2026-01-01T00:00:00Z" in document
    site = str(tmp_path)
    first = write_pdf(document, str(tmp_path / "a.pdf"), SITE_URL, site, SITE_URL)
    # a second process, as a build on another day would be
    code = (
        "import sys; from smartschool.pdfs import write_pdf;"
        "write_pdf(sys.stdin.read(), sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[2])"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "b.pdf"), SITE_URL, site], input=document, text=True, check=True
    )
    assert first == (tmp_path / "b.pdf").stat().st_size
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert PdfReader(tmp_path / "a.pdf").metadata["/CreationDate"].startswith("D:20260101000000")


def test_a_pdf_fetches_nothing_from_another_host(tmp_path: Path) -> None:
    (tmp_path / "gambar.txt").write_text("x")
    document = '<html><body><img src="https://example.com/x.png"><p>Isi</p></body></html>'
    size = write_pdf(document, str(tmp_path / "x.pdf"), SITE_URL, str(tmp_path), SITE_URL)
    assert size > 0 and "Isi" in _text(tmp_path / "x.pdf")[0]


def test_a_pdf_that_cannot_be_written_is_reported_with_its_path(tmp_path: Path) -> None:
    (tmp_path / "uji").write_text("a file where the folder should be")
    with pytest.raises(PdfError) as caught:
        _write(("<p>Isi</p>", str(tmp_path / "uji" / "uji.pdf"), SITE_URL, str(tmp_path), SITE_URL))
    assert caught.value.pdf == "uji/uji.pdf" and "Error" in caught.value.error


def test_which_pages_have_pdfs() -> None:
    assert [s.name for s in pdf_specs("kurikulum/remaja/paket-fasilitator-2/", "P")] == [
        "paket-fasilitator-remaja-jilid-2.pdf"
    ]
    with_cards = pdf_specs("kurikulum/dewasa/x/bahan-peserta/", "Bahan peserta: X", "## Kartu kasus { #kartu-kasus }")
    assert [(s.name, s.title, s.start, s.stop) for s in with_cards] == [
        ("x-lembar-peserta.pdf", "Lembar peserta: X", None, "kartu-kasus"),
        ("x-kartu-kasus.pdf", "Kartu kasus: X", "kartu-kasus", None),
    ]
    assert len(pdf_specs("kurikulum/dewasa/x/bahan-peserta/", "Bahan peserta: X", "")) == 1
    assert pdf_specs("kurikulum/dewasa/x/", "X") == [] and pdf_specs("orang-tua/", "O") == []
    assert size_label(10) == "1 KB" and size_label(245_760) == "240 KB" and size_label(1_258_291) == "1,2 MB"


def test_mkdocs_serve_makes_no_pdf_even_when_the_switch_is_on(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("sso_hook_pdfs", ROOT / "hooks" / "pdfs.py")
    hook = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(hook)  # type: ignore[union-attr]
    monkeypatch.setenv("SSO_PDF", "1")
    hook.on_startup(command="serve", dirty=False)
    hook.on_config({})
    assert hook._enabled is False
    hook.on_startup(command="build", dirty=False)
    hook.on_config({})
    assert hook._enabled is True
    monkeypatch.setenv("SSO_PDF", "0")
    hook.on_config({})
    assert hook._enabled is False
