"""Why a build failed, in Bahasa Indonesia by default (the rest of the suite reads the English form): a macro error,
a broken link or anchor under --strict, a page that is not UTF-8, nesting too deep, a crash, MkDocs' own reasons
for stopping. Each is located in the file, says what to do, and never carries a traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from smartschool.publish import (
    BuildAborted,
    aborted,
    build_staged,
    explain,
    lines_before_body,
    located_link_warnings,
    theme_notice,
)
from staged import raised_on_page, render_like_macros


@pytest.fixture(autouse=True)
def indonesian(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("SSO_LANG", raising=False)  # the maintainers' default
    yield


def _page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "docs/tentang/index.md"
    path.parent.mkdir(parents=True)
    path.write_text(f"---\nrender_macros: true\ntitle: Tentang\n---\n\n{body}", encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def _macro_error(tmp_path: Path, call: str) -> tuple[str, int]:
    path = _page(tmp_path, f"# Tentang\n\nTeks {call}\n")
    markdown, _ = get_data(path.read_text("utf-8"))
    (message,) = explain(raised_on_page("tentang/index.md", path, lambda: render_like_macros(markdown)), tmp_path)
    line = _line_of(path, call)
    assert line > line - lines_before_body(path.read_text("utf-8"))  # counted in the file, front matter included
    return message, line


def test_an_unknown_macro_says_to_check_its_spelling(tmp_path: Path) -> None:
    message, line = _macro_error(tmp_path, "{{ no_such_macro() }}")
    assert message == (
        f"docs/tentang/index.md:{line}:9: makro 'no_such_macro': UndefinedError: 'no_such_macro' is undefined. "
        "Makro atau nilai ini tidak ada: periksa ejaannya (daftar makro ada di hooks/macros.py, dan contohnya di "
        "halaman /pengelola/)."
    )


def test_a_stray_double_brace_says_how_to_write_it_as_text(tmp_path: Path) -> None:
    message, line = _macro_error(tmp_path, "{{ help_box( }}")
    assert message.startswith(f"docs/tentang/index.md:{line}:")
    assert message.endswith(
        "Panggilan makro di sini belum lengkap: tulis lengkap seperti {{ help_box() }}. Jika '{{' memang bagian "
        "dari teks, tulis {{ '{{' }} sebagai gantinya."
    )


def test_a_page_that_is_not_utf8_says_how_to_save_it(tmp_path: Path) -> None:
    path = _page(tmp_path, "# Tentang\n\nKafe\n")
    raw = path.read_bytes().replace(b"Kafe", "Café".encode("cp1252"))
    path.write_bytes(raw)
    error = raised_on_page("tentang/index.md", path, lambda: path.read_text(encoding="utf-8"))
    offset = raw.index(b"\xe9")
    line = raw.count(b"\n", 0, offset) + 1
    assert explain(error, tmp_path) == [
        f"docs/tentang/index.md:{line}:4: bita 0xe9 (posisi bita {offset}) bukan UTF-8: "
        "berkas ini tampaknya disimpan sebagai Windows-1252 atau pengodean lain. Simpan berkasnya sebagai UTF-8 (di "
        "kebanyakan penyunting: Save As, lalu Encoding: UTF-8)."
    ]


def test_nesting_too_deep_names_the_deepest_line_and_the_limit(tmp_path: Path) -> None:
    path = _page(tmp_path, "# Tentang\n\n- a\n    - b\n        - c\n\nAkhir\n")

    def render(depth: int = 0) -> int:
        return render(depth + 1) + 1

    (message,) = explain(raised_on_page("tentang/index.md", path, render), tmp_path)
    assert message == (
        f"docs/tentang/index.md:{_line_of(path, '- c')}:1: halaman 'tentang/index.md': susunan bertingkatnya "
        "terlalu dalam untuk ditampilkan (batas rekursi Python tercapai); ini baris terdalamnya. Kurangi tingkat "
        "daftar, kutipan, atau blok di dalam satu sama lain (paling banyak 8 lapis)."
    )


def test_a_crash_says_what_to_do_and_where_it_was_raised() -> None:
    def lookup() -> object:
        return {}["modul-tidak-ada"]

    here = Path(__file__).parent
    (message,) = explain(raised_on_page("acara/index.md", None, lookup), here)
    assert message == (
        f"halaman 'acara/index.md': KeyError: 'modul-tidak-ada' (di {Path(__file__).name}:"
        f"{lookup.__code__.co_firstlineno + 1}). Pembangunan gagal karena kesalahan tak terduga: jalankan "
        "`make check`; jika tidak ada masalah, kirim pesan ini kepada pengembang situs."
    )
    assert "Traceback" not in message


def test_link_warnings_and_mkdocs_reasons_are_translated(tmp_path: Path) -> None:
    page = tmp_path / "docs/tentang/index.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Tentang\n\nLihat [bantuan](../bantuan.md#nomor) dan [x](/acara/).\n", encoding="utf-8")
    warnings = [
        "Doc file 'tentang/index.md' contains a link '../bantuan.md#nomor', but the target 'bantuan.md' is not "
        "found among documentation files. Did you mean '../bantuan/index.md#nomor'?",
        "Doc file 'tentang/index.md' contains an absolute link '/acara/', it was left as is.",
        "Doc file 'tentang/index.md' contains a link '#tidak-ada', but there is no such anchor on this page.",
    ]
    assert located_link_warnings(warnings, tmp_path) == [
        "docs/tentang/index.md:3:17: tautan '../bantuan.md#nomor': tujuannya, 'bantuan.md', tidak ada di antara "
        "berkas situs (di halaman tentang/index.md). Mungkin maksud Anda '../bantuan/index.md#nomor': tulis "
        "'../bantuan/index.md#nomor'.",
        "docs/tentang/index.md:3:46: tautan '/acara/': tautan ini dibiarkan apa adanya, sehingga akan rusak di "
        "situs (di halaman tentang/index.md). Tulis tautan relatif (misalnya ../bantuan/index.md) atau alamat "
        "https:// lengkap.",
        "docs/tentang/index.md: tautan '#tidak-ada': bagian '#' itu tidak ada di halaman ini (di halaman "
        "tentang/index.md). Tulis '#' yang ada di halaman tujuan (id sebuah judul bagian), atau hapus bagian '#…' "
        "dari tautan.",
    ]
    assert aborted("Aborted with 3 warnings in strict mode!") == (
        "Dibatalkan: 3 peringatan dalam mode ketat (--strict). Perbaiki setiap peringatan di atas, lalu bangun lagi."
    )
    assert aborted("Aborted with a configuration error!").startswith("Dibatalkan: ada kesalahan pengaturan")
    assert theme_notice().startswith("Catatan: dukungan Material for MkDocs berakhir pada 5 Mei 2027")


def test_a_link_warning_is_printed_located_while_the_build_runs(tmp_path: Path) -> None:
    """MkDocs logs its link warnings in English as it meets them; the printed line is the located Indonesian one,
    and the failure's explanation does not repeat it."""
    page = tmp_path / "docs/tentang/index.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Tentang\n\nLihat [x](../tidak-ada.md).\n", encoding="utf-8")
    printed: list[str] = []

    class Printer(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            printed.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    printer = Printer(logging.WARNING)
    logger.addHandler(printer)

    def build(staging: Path) -> None:
        logging.getLogger("mkdocs.structure.pages").warning(
            "Doc file 'tentang/index.md' contains a link '../tidak-ada.md', but the target 'tidak-ada.md' is not "
            "found among documentation files."
        )
        raise BuildAborted("Aborted with 1 warnings in strict mode!")

    try:
        problems = build_staged(build, tmp_path / "site", tmp_path)
    finally:
        logger.removeHandler(printer)
    located = (
        "docs/tentang/index.md:3:11: tautan '../tidak-ada.md': tujuannya, 'tidak-ada.md', tidak ada di antara "
        "berkas situs (di halaman tentang/index.md). Tulis jalur halaman atau berkas situs yang ada, relatif dari "
        "halaman ini."
    )
    assert printed == [located]
    assert problems == [
        "Dibatalkan: 1 peringatan dalam mode ketat (--strict). Perbaiki setiap peringatan di atas, lalu bangun lagi."
    ]
    assert not (tmp_path / "site").exists()
