"""The validation messages shown on /pengelola/, produced by the real validation so the page never drifts.

Each example is one small change to a built-in, valid project (an event, a youth module, and the project's own
organisations, help lines and glossary); the project is written to a temporary folder and validated, and the
problems the change adds are the example's messages. The page shows them in Indonesian, whatever SSO_LANG says.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .messages import in_language

EVENTS_FILE = "data/events.yaml"
MODULE_FILE = "curriculum/remaja/contoh-modul.md"
SHARED_FILES = ("data/organizations.yaml", "data/help.yaml", "data/glossary.yaml")

EVENT = """\
events:
  - id: kupang-2018
    program: Smart School Online
    title: Workshop Internet Aman
    status: held
    start: 2018-03-16
    end: 2018-03-17
    city: Kupang
    province: Nusa Tenggara Timur
    organizer: ecpat-indonesia
    partner_classes:
      - organization: ecpat-indonesia
        topic: Pencegahan
    days:
      - date: 2018-03-16
        audiences: [guru]
        topics: [Pencegahan]
        formats: [presentasi]
    follow_up:
      city: Parepare
      province: Sulawesi Selatan
      date: 2018-04
"""

MODULE = """\
---
id: contoh-modul
title: "Contoh Modul"
track: remaja
order: 1
audiences: [smp, sma]
age_band: {min: 12, max: 18}
duration_minutes: 60
summary: "Contoh ringkasan modul."
objectives:
  - "Peserta mampu menjelaskan contoh."
  - "Peserta mampu menyebutkan contoh."
key_messages:
  - "Pesan kunci."
agenda:
  - title: "Pembukaan"
    minutes: 20
    method: presentasi
    core: true
    core_minutes: 10
  - title: "Diskusi"
    minutes: 40
    method: diskusi-kelompok
    core: true
    core_minutes: 25
discussion_questions:
  - "Apa contohnya?"
take_home:
  - "Bawa pulang contoh."
quiz:
  - {question: "Pertanyaan satu?", options: ["Benar", "Salah"], answer: "Benar", explanation: "Penjelasan."}
  - {question: "Pertanyaan dua?", options: ["Benar", "Salah"], answer: "Salah", explanation: "Penjelasan."}
  - {question: "Pertanyaan tiga?", options: ["A", "B", "C"], answer: "C", explanation: "Penjelasan."}
age_notes:
  smp: "Catatan untuk SMP."
  sma: "Catatan untuk SMA."
sources:
  - title: "Sumber contoh"
    url: "https://kemenpppa.go.id"
---

Isi modul.

!!! perlindungan "Jika peserta bercerita"
    Dengarkan, percayai, dan rujuk ke SAPA 129.
"""


@dataclass(frozen=True)
class Example:
    """One mistake: the file it is made in, how (a change to the file's text), and what the message means."""

    file: str
    change: Callable[[str], str]
    meaning: str


def _replace(old: str, new: str) -> Callable[[str], str]:
    return lambda text: text.replace(old, new, 1)


EXAMPLES: tuple[Example, ...] = (
    Example(EVENTS_FILE, _replace("    follow_up:", "    folow_up:"), "Nama kolom salah ketik. Perbaiki sesuai saran."),
    Example(
        EVENTS_FILE, lambda text: text[: text.index("    follow_up:")], "Kolom wajib belum diisi. Tambahkan kolomnya."
    ),
    Example(
        EVENTS_FILE,
        _replace("title: Workshop Internet Aman", "title: 2018"),
        "Angka (atau true/false) di tempat yang harus berisi teks. Beri tanda kutip.",
    ),
    Example(EVENTS_FILE, _replace("start: 2018-03-16", "start: 2018-02-30"), "Tanggal tidak ada di kalender."),
    Example(
        EVENTS_FILE,
        _replace("      - date: 2018-03-16", "      - date: 2018-03-20"),
        "Tanggal hari acara di luar tanggal mulai dan selesai. Butir daftar dihitung dari 1: `days ke-1` "
        "adalah hari pertama.",
    ),
    Example(
        EVENTS_FILE,
        _replace("      - organization: ecpat-indonesia", "      - organization: ictwatch"),
        "Id lembaga tidak dikenal. Pakai id dari `data/organizations.yaml`, atau tambahkan lembaganya dulu.",
    ),
    Example(
        EVENTS_FILE,
        _replace("      date: 2018-04", "      date: 2018-02"),
        "Tindak lanjut harus sesudah acara selesai.",
    ),
    Example(
        EVENTS_FILE,
        _replace("city: Kupang", "city: 'Kupang '"),
        "Ada spasi atau baris kosong di awal atau akhir teks. Hapus spasinya. Untuk teks panjang yang dilipat, "
        "tulis `>-`, bukan `>`.",
    ),
    Example(
        EVENTS_FILE,
        _replace("    city: Kupang", "      city: Kupang"),
        "Indentasi (spasi di awal baris) salah. Samakan dengan kolom lain di bagian yang sama. Jika YAML "
        "rusak, hanya masalah ini yang dilaporkan untuk berkas itu.",
    ),
    Example(
        EVENTS_FILE, _replace("    city: Kupang", "\tcity: Kupang"), "Ada tab di awal baris. YAML hanya menerima spasi."
    ),
    Example(
        EVENTS_FILE,
        _replace("title: Workshop Internet Aman", 'title: "Workshop Internet Aman'),
        "Tanda kutip tidak ditutup.",
    ),
    Example(
        EVENTS_FILE,
        _replace("title: Workshop Internet Aman", "title: Workshop: Internet Aman"),
        "Ada titik dua dan spasi di dalam teks tanpa tanda kutip. Beri tanda kutip pada seluruh teks.",
    ),
    Example(
        MODULE_FILE,
        _replace("duration_minutes: 60", "duration_minutes: 90"),
        "Jumlah menit agenda tidak sama dengan durasi.",
    ),
    Example(
        MODULE_FILE,
        _replace("Isi modul.", "Isi modul. <img src=x>"),
        "Ada HTML di isi modul. Tulis dengan Markdown (daftar, tabel, **tebal**, kotak `!!! note`).",
    ),
    Example(
        MODULE_FILE,
        _replace("Isi modul.", "Isi modul, [klik](javascript:alert(1))."),
        "Alamat tautan tidak aman. Pakai alamat `https://…` atau tautan ke halaman lain situs ini.",
    ),
    Example(
        MODULE_FILE,
        lambda text: text[: text.index("!!! perlindungan")],
        "Modul remaja belum punya catatan perlindungan anak.",
    ),
)


def _write(root: Path, source: Path, texts: dict[str, str]) -> None:
    for name in SHARED_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, root / name)
    for name, text in texts.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def example_messages(
    source: Path, lang: str = "id", examples: tuple[Example, ...] = EXAMPLES
) -> list[tuple[list[str], str]]:
    """For each example: the messages its mistake gives (in `lang`), and what they mean. `source` is the project
    whose organisations, help lines and glossary the examples use."""
    from .project import validate_project

    found: list[tuple[list[str], str]] = []
    folder = Path(tempfile.mkdtemp(prefix="sso-messages-"))
    try:
        with in_language(lang):
            base = {EVENTS_FILE: EVENT, MODULE_FILE: MODULE}
            _write(folder, source, base)
            _, problems = validate_project(folder)
            before = {str(problem) for problem in problems}
            for example in examples:
                _write(folder, source, {**base, example.file: example.change(base[example.file])})
                _, problems = validate_project(folder)
                messages = [str(problem) for problem in sorted(problems) if str(problem) not in before]
                found.append((messages, example.meaning))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return found


def _code(text: str) -> str:
    """`text` as an inline code span inside a Markdown table cell."""
    text = text.replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def messages_table(source: Path, lang: str = "id") -> str:
    """The table "Contoh pesan | Artinya" for /pengelola/, one row per example."""
    rows = ["| Contoh pesan | Artinya |", "| --- | --- |"]
    for messages, meaning in example_messages(source, lang):
        shown = "<br>".join(_code(message) for message in messages) or "—"
        rows.append(f"| {shown} | {meaning} |")
    return "\n".join(rows)


def check_output(source: Path, lang: str = "id") -> str:
    """What `make check` prints for the first example (a misspelled key), with its summary line."""
    from .messages import noun, say

    with in_language(lang):
        messages = example_messages(source, lang, EXAMPLES[:1])[0][0]
        summary = say("summary.found", count=len(messages), noun=noun(len(messages)))
    return "\n".join(["$ make check", *messages, summary])
