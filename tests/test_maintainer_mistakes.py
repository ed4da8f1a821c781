"""Ten mistakes a maintainer makes in GitHub's web editor, each tried as `make site` runs the build: the message is
Indonesian, names the file, line and column, says what to write, carries no traceback, and the last good site/
stays byte-identical."""

from __future__ import annotations

import filecmp
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitebuild import identical_tree
from staged import build_good_site, copy_with_site, staged_build

KEPT = "Gagal membangun: site/ dibiarkan seperti semula. Perbaiki masalah di atas, lalu bangun lagi."
EVENTS = "data/events.yaml"
MODULE = "curriculum/dewasa/bentuk-esa-online.md"
HELP_PAGE = "docs/bantuan/index.md"
ABOUT = "docs/tentang/index.md"
SAFEGUARDING = '!!! perlindungan "Jika ada peserta yang bercerita"\n    Kadang'


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_good_site(tmp_path_factory)


@pytest.fixture
def project(good_site: Path, tmp_path: Path) -> Path:
    return copy_with_site(good_site, tmp_path)


@dataclass(frozen=True)
class Mistake:
    """Replace `old` by `new` once in `file`; the message is at the line holding `at` (its first occurrence after
    the edit), column `column` (0: found from the line), and ends with `says` (`{line}` and `{opener}` filled in:
    the line of the mistake, and of the block it belongs to)."""

    file: str
    old: str
    new: str
    at: str
    column: int
    says: str


MISTAKES = {
    "a tab for indentation": Mistake(
        EVENTS,
        "    city: Kupang\n",
        "\tcity: Kupang\n",
        "\tcity: Kupang",
        1,
        "ada tab di baris {line}. Ganti tab dengan spasi: YAML hanya menerima spasi untuk indentasi.",
    ),
    "a missing closing quote": Mistake(
        EVENTS,
        "    title: Workshop Smart School Online di Kupang\n",
        '    title: "Workshop Smart School Online di Kupang\n',
        'title: "Workshop Smart School Online di Kupang',
        12,
        'tanda kutip " yang dibuka di baris {line} tidak ditutup. Tulis " penutup di akhir teksnya.',
    ),
    "a list item without '-'": Mistake(
        MODULE,
        '  - "Peserta mampu mengenali tanda',
        '  "Peserta mampu mengenali tanda',
        '  "Peserta mampu mengenali tanda',
        3,
        "baris {line} tidak berbentuk 'nama: nilai'. Tulis titik dua sesudah nama kolom, atau beri tanda kutip "
        "pada teks yang berlanjut ke baris ini.",
    ),
    "a date as 30 February": Mistake(
        EVENTS,
        "    end: 2018-03-17\n",
        "    end: 2018-02-30\n",
        "end: 2018-02-30",
        10,
        "acara ke-1 (kupang-2018): end: '2018-02-30' bukan tanggal yang ada di kalender. Tulis tanggal yang benar "
        "sebagai TTTT-BB-HH, misalnya 2018-03-17.",
    ),
    "a duplicated key": Mistake(
        EVENTS,
        "    city: Kupang\n",
        "    city: Kupang\n    city: Kota Kupang\n",
        "city: Kota Kupang",
        5,
        "nama kolom ini muncul dua kali di bagian yang sama. Hapus salah satunya.",
    ),
    "an admonition body indented two spaces": Mistake(
        MODULE,
        SAFEGUARDING,
        SAFEGUARDING.replace("\n    Kadang", "\n  Kadang"),
        "  Kadang peserta",
        3,
        "baris ini menjorok 2 spasi, jadi Markdown tidak membacanya sebagai isi blok '!!!' di baris {opener} "
        "(kotaknya kosong dan teksnya tampil sebagai paragraf biasa). Tulis 4 spasi di awal setiap baris isi "
        "blok itu.",
    ),
    "a stray '{{' on a page that renders macros": Mistake(
        HELP_PAGE,
        "\n# Bantuan dan pelaporan\n",
        "\n# Bantuan dan pelaporan\n\nTulis {{ nama anak.\n",
        "Tulis {{ nama anak.",
        0,  # the token the template parser stopped at
        "Panggilan makro di sini belum lengkap: tulis lengkap seperti {{ help_box() }}. Jika '{{' memang bagian "
        "dari teks, tulis {{ '{{' }} sebagai gantinya.",
    ),
    "a link to a page that does not exist": Mistake(
        ABOUT,
        "(../acara/kupang-2018.md)",
        "(../acara/kupang-2019.md)",
        "(../acara/kupang-2019.md)",
        0,  # where the link starts
        "tautan '../acara/kupang-2019.md': tujuannya, 'acara/kupang-2019.md', tidak ada di antara berkas situs (di "
        "halaman tentang/index.md). Tulis jalur halaman atau berkas situs yang ada, relatif dari halaman ini.",
    ),
    "a colon in an unquoted module title": Mistake(
        MODULE,
        'title: "Mengenal Bentuk-Bentuk Eksploitasi Seksual Anak Online"',
        "title: Mengenal ESA: Bentuk-Bentuk Eksploitasi Seksual Anak Online",
        "title: Mengenal ESA:",
        20,
        "teks di baris {line} berisi ': ', yang dibaca YAML sebagai kolom baru. Beri tanda kutip: title: "
        '"Mengenal ESA: Bentuk-Bentuk Eksploitasi Seksual Anak Online"',
    ),
}


@pytest.mark.parametrize("name", MISTAKES)
def test_a_maintainer_mistake_is_explained_in_indonesian_and_keeps_the_site(
    name: str, project: Path, good_site: Path
) -> None:
    mistake = MISTAKES[name]
    path = project / mistake.file
    text = path.read_text("utf-8")
    assert mistake.old in text, f"{mistake.old!r} is not in {mistake.file}"
    edited = text.replace(mistake.old, mistake.new, 1)
    path.write_text(edited, encoding="utf-8")
    lines = edited.splitlines()
    line = next(number for number, content in enumerate(lines, 1) if mistake.at in content)
    opener = next((number for number, content in enumerate(lines, 1) if content.startswith("!!! perlindungan")), 0)
    column = mistake.column or _column(name, lines[line - 1])
    _assert_explained_and_kept(
        staged_build(project, maintainers_language=True),
        project,
        good_site,
        f"{mistake.file}:{line}:{column}: ",
        mistake.says.replace("{line}", str(line)).replace("{opener}", str(opener)),
    )


def _column(name: str, line: str) -> int:
    if "link" in name:
        return line.index("../acara/kupang-2019.md") + 1
    return line.index("anak.") + 1  # Jinja names the token it did not expect


def test_a_page_saved_as_windows_1252_is_explained_and_keeps_the_site(project: Path, good_site: Path) -> None:
    about = project / ABOUT
    raw = about.read_text("utf-8").replace("## Programnya", "## Programnya café", 1).encode("cp1252")
    about.write_bytes(raw)
    offset = raw.index(b"\xe9")
    line, column = raw.count(b"\n", 0, offset) + 1, len("## Programnya caf") + 1
    _assert_explained_and_kept(
        staged_build(project, maintainers_language=True),
        project,
        good_site,
        f"{ABOUT}:{line}:{column}: ",
        "berkas ini bukan teks UTF-8 (bita 0xE9 di sini tidak terbaca). Simpan berkasnya sebagai UTF-8 (di "
        "kebanyakan penyunting: Save As, lalu Encoding: UTF-8).",
    )


def _assert_explained_and_kept(
    result: subprocess.CompletedProcess[str], project: Path, good_site: Path, place: str, says: str
) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    located = [line for line in output.splitlines() if place in line]
    assert located and any(line.endswith(says) for line in located), output
    assert KEPT in output, output
    assert identical_tree(filecmp.dircmp(good_site, project / "site")), "site/ changed after a failed build"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == [], "a staging folder was left"
