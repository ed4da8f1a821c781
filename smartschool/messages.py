"""Every validation message, once per language: Bahasa Indonesia by default, English with `SSO_LANG=en`.

The site's maintainers edit the data in Indonesian, so a problem is reported in Indonesian unless the environment
variable `SSO_LANG` says `en` (for contributors, and for the test suite, which asserts the English form). Each
message is a template with named placeholders, `{"en": "...", "id": "..."}`; `say(key, **values)` picks the
language when it is called, so one process can switch by changing the environment.

Indonesian messages use the formal register ("Anda"), plain words, and end with what to do ("Tulis …",
"Hapus …", "Beri tanda kutip: …"). Field names stay as they are written in the file (`follow_up.date`).

Notation for where a problem is (Indonesian only; English keeps `days[0].date`, counted from zero):

- An item of a data list is named by its kind, its position counted from 1, and its id where it has one:
  `acara ke-2 (parepare-2018)`, `layanan ke-1 (sapa-129)`; without a usable id, `acara ke-2`.
  A module, one per file, is named by its id: `modul 'grooming'`.
- In a field path, keys are joined with `.` as written in the file, a position in a list is written
  ` ke-N` after the list's name (counted from 1), and what follows a position is joined with ` › `:
  `follow_up.date`, `days ke-1 › date`, `days ke-2 › schedule.items ke-3 › module`, `aliases ke-1`.
  `[0]` is never shown to a maintainer: programmers read it from zero, everyone else from one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

LANGUAGES = ("en", "id")
_ID_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def language() -> str:
    """`en` when SSO_LANG asks for English (`en`, `en_US`, `EN` …), else `id`."""
    return "en" if os.environ.get("SSO_LANG", "").strip().lower().startswith("en") else "id"


def english() -> bool:
    return language() == "en"


def say(key: str, /, **values: Any) -> str:
    """The message `key` in the current language, with its placeholders filled in."""
    return MESSAGES[key][language()].format(**values)


def shared_placeholders(template: str) -> set[str]:
    """The placeholders both languages must have: all but those only one language shows (`en_…`, `id_…`)."""
    return {name for name in placeholders(template) if not name.startswith(("en_", "id_"))}


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Messages in `lang` meanwhile (the examples on /pengelola/ are Indonesian whatever the environment says)."""
    before = os.environ.get("SSO_LANG")
    os.environ["SSO_LANG"] = lang
    try:
        yield
    finally:
        if before is None:
            del os.environ["SSO_LANG"]
        else:
            os.environ["SSO_LANG"] = before


def placeholders(template: str) -> set[str]:
    """The names of the placeholders in a template (for the catalogue's own test)."""
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# What each kind of item is called in Indonesian (the English names are the kinds themselves).
KIND_NAMES = {
    "event": "acara",
    "module": "modul",
    "channel": "layanan",
    "term": "istilah",
    "organization": "lembaga",
    "organisation": "lembaga",
}


def kind_name(kind: str) -> str:
    """`event` in English, `acara` in Indonesian."""
    return kind if english() else KIND_NAMES.get(kind, kind)


def _shown_id(ident: str) -> str:
    from .problems import quoted

    return ident if _ID_SLUG.match(ident) else quoted(ident)


def item_subject(kind: str, index: int, ident: object) -> str:
    """How a problem names the item at 0-based `index` of a list: `event 'kupang-2018'` / `event #3` in English,
    `acara ke-1 (kupang-2018)` / `acara ke-3` in Indonesian."""
    from .problems import quoted

    usable = isinstance(ident, str) and bool(ident)
    if english():
        return f"{kind} {quoted(ident)}" if usable else f"{kind} #{index + 1}"
    name = f"{kind_name(kind)} ke-{index + 1}"
    return f"{name} ({_shown_id(ident)})" if usable else name  # type: ignore[arg-type]


def module_subject(ident: str) -> str:
    """`module 'grooming'` / `modul 'grooming'`."""
    from .problems import quoted

    return f"{kind_name('module')} {quoted(ident)}"


def field_path(path: tuple[str | int, ...]) -> str:
    """A field's path: `days[0].date` in English, `days ke-1 › date` in Indonesian (see the module's docstring)."""
    out = ""
    if english():
        for step in path:
            out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
        return out
    after_position = False
    for step in path:
        if isinstance(step, int):
            out += f" ke-{step + 1}" if out else f"ke-{step + 1}"
            after_position = True
        else:
            out += (f" › {step}" if after_position else f".{step}") if out else str(step)
            after_position = False
    return out


def noun(count: int) -> str:
    """`problem` / `problems`; Indonesian has one form."""
    return ("problem" if count == 1 else "problems") if english() else "masalah"


def kind_of(value: Any) -> str:
    """What a YAML value was read as: `the number 129`, `angka 129`."""
    from .problems import quoted

    if value is None:
        return say("kind.empty")
    if isinstance(value, dict):
        return say("kind.mapping")
    if isinstance(value, list):
        return say("kind.list")
    if isinstance(value, bool):
        return say("kind.boolean", value=repr(value) if english() else str(value).lower())
    if isinstance(value, (int, float)):
        return say("kind.number", value=quoted(value))
    return say("kind.text", value=quoted(value))


MESSAGES: dict[str, dict[str, str]] = {
    # --- What a value was read as -------------------------------------------------------------------------------
    "kind.empty": {"en": "an empty value", "id": "nilai kosong"},
    "kind.mapping": {"en": "a mapping", "id": "kumpulan kunci"},
    "kind.list": {"en": "a list", "id": "daftar"},
    "kind.boolean": {"en": "the boolean {value}", "id": "nilai benar/salah {value}"},
    "kind.number": {"en": "the number {value}", "id": "angka {value}"},
    "kind.text": {"en": "the text {value}", "id": "teks {value}"},
    # --- Summaries ------------------------------------------------------------------------------------------------
    "summary.nothing_built": {
        "en": "{count} {noun} found; nothing was built.",
        "id": "{count} {noun} ditemukan; situs tidak dibangun. Perbaiki semuanya, lalu jalankan lagi.",
    },
    "summary.found": {
        "en": "{count} {noun} found.",
        "id": "{count} {noun} ditemukan. Perbaiki semuanya, lalu jalankan lagi.",
    },
    "summary.ok": {
        "en": "OK: {events} events, {modules} modules, {organisations} organisations.",
        "id": "OK: {events} acara, {modules} modul, {organisations} lembaga.",
    },
    "summary.warning": {"en": "warning: {problem}", "id": "peringatan: {problem}"},
    "summary.aborted": {
        "en": "Aborted: {count} data {noun}, found before anything was built.",
        "id": "Dibatalkan: {count} {noun} pada data, ditemukan sebelum apa pun dibangun. "
        "Perbaiki semuanya, lalu bangun lagi.",
    },
    "publish.interrupted": {
        "en": "Interrupted: {site}/ was left as it was.",
        "id": "Dihentikan: {site}/ dibiarkan seperti semula.",
    },
    "publish.cannot_swap": {
        "en": "{site}: cannot build next to it or swap the new build in ({error}); it was left as it was.",
        "id": "{site}: tidak bisa membangun di sebelahnya atau menukar hasil baru ({error}); "
        "folder itu dibiarkan seperti semula. Periksa izin tulis foldernya.",
    },
    "publish.failed": {
        "en": "Build failed: {site}/ was left as it was.",
        "id": "Gagal membangun: {site}/ dibiarkan seperti semula. Perbaiki masalah di atas, lalu bangun lagi.",
    },
    "publish.replaced": {
        "en": "Built {site}/: the new build has replaced the old one.",
        "id": "Selesai membangun {site}/: hasil baru sudah menggantikan yang lama.",
    },
    "publish.built": {"en": "Built {site}/.", "id": "Selesai membangun {site}/."},
    # --- PDFs at build (smartschool.pdfs, hooks/pdfs.py) ----------------------------------------------------------
    "pdf.failed": {
        "en": "PDF {pdf}: could not be made ({error}). Install WeasyPrint's system libraries (Debian: "
        "libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core), or build without PDFs with SSO_PDF=0.",
        "id": "PDF {pdf}: tidak bisa dibuat ({error}). Pasang pustaka sistem WeasyPrint (Debian: "
        "libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core), atau bangun tanpa PDF dengan SSO_PDF=0.",
    },
    "pdf.made": {
        "en": "PDFs: {count} made in {seconds} s ({kb} KB).",
        "id": "PDF: {count} berkas dibuat dalam {seconds} detik ({kb} KB).",
    },
    # --- The theme's stylesheet, slimmed (smartschool/theme_css.py, hooks/slim_theme.py; issue #18) ---------------
    "theme.component_used": {
        "en": "{page}: uses Material's {components}, whose styles the site leaves out of its stylesheet to keep pages "
        "light. Remove it from the page, or delete its entry from UNUSED_COMPONENTS in smartschool/theme_css.py.",
        "id": "{page}: memakai {components} dari Material, yang gayanya tidak dimuat situs agar halaman tetap ringan. "
        "Hapus dari halaman itu, atau hapus entrinya dari UNUSED_COMPONENTS di smartschool/theme_css.py.",
    },
    "theme.stylesheet_missing": {
        "en": "assets/stylesheets/{name}.*.min.css: expected one such Material stylesheet in the built site, found "
        "{found}. Check the mkdocs-material version in requirements/site.txt, or remove hooks/slim_theme.py "
        "from mkdocs.yml.",
        "id": "assets/stylesheets/{name}.*.min.css: satu lembar gaya Material ini seharusnya ada di situs yang "
        "dibangun, ditemukan {found}. Periksa versi mkdocs-material di requirements/site.txt, atau hapus "
        "hooks/slim_theme.py dari mkdocs.yml.",
    },
    # --- Ids and lists (any data file) -----------------------------------------------------------------------------
    "ids.duplicate": {
        "en": "duplicate id, expected each {kind} id once",
        "id": "id ini sudah dipakai {kind} lain. Ganti dengan id yang belum dipakai.",
    },
    "file.not_mapping": {
        "en": "the file holds {found}, expected a mapping with a '{key}' list",
        "id": "berkas ini berisi {found}. Tulis berkasnya dengan kunci '{key}:' di baris "
        "pertama dan daftarnya di bawahnya.",
    },
    "file.not_list": {
        "en": "{found}, expected a list of {kind}s",
        "id": "berisi {found}, padahal harus daftar {kind}. Tulis setiap {kind} sebagai butir yang diawali '- '.",
    },
    "item.not_mapping": {
        "en": "{found}, expected a mapping",
        "id": "berisi {found}, padahal harus kumpulan kunci. Tulis setiap kolom sebagai "
        "'nama: nilai' pada barisnya sendiri.",
    },
    "key.unknown": {
        "en": "unknown key {name}, expected one of: {allowed}",
        "id": "nama kolom {name} tidak dikenal. Kolom yang boleh: {allowed}. Ganti dengan salah satunya, "
        "atau hapus kolom ini.",
    },
    "key.unknown_close": {
        "en": "unknown key {name} (did you mean '{close}'?), expected one of: {allowed}",
        "id": "nama kolom {name} tidak dikenal (kolom yang boleh: {allowed}). Mungkin maksud Anda "
        "'{close}': tulis '{close}'.",
    },
    "key.duplicate": {
        "en": "duplicate key, expected each key once per mapping",
        "id": "nama kolom ini muncul dua kali di bagian yang sama. Hapus salah satunya.",
    },
    "field.missing": {"en": "missing, expected {expected}", "id": "belum ada. Tambahkan {id_name} berisi {expected}."},
    "field.invalid": {
        "en": "{value} is not valid ({reason}), expected {expected}",
        "id": "{value} tidak berlaku ({reason}). Tulis {expected}.",
    },
    "field.not_accepted": {
        "en": "{found} is not accepted, expected {expected}",
        "id": "berisi {found}, padahal harus {expected}. Tulis {expected}.",
    },
    "field.needs_quotes": {
        "en": "{value} is read as {read_as}, expected {expected}: put it in quotes: {written}",
        "id": "{value} terbaca sebagai {read_as}, padahal harus {expected}. Beri tanda kutip: {written}",
    },
    "read_as.number": {"en": "a number", "id": "angka"},
    "read_as.boolean": {"en": "true or false", "id": "nilai benar/salah"},
    "field.list_empty": {
        "en": "is empty, expected at least {minimum} item(s)",
        "id": "masih kosong. Tulis sedikitnya {minimum} butir.",
    },
    "field.list_short": {
        "en": "has {count} item(s), expected at least {minimum} item(s)",
        "id": "baru berisi {count} butir. Tulis sedikitnya {minimum} butir.",
    },
    "field.not_allowed": {
        "en": "{value} is not allowed, expected one of: {allowed}",
        "id": "{value} tidak termasuk pilihan. Tulis salah satu dari: {allowed}.",
    },
    "field.not_a_date": {
        "en": "{value} is not a real date, expected YYYY-MM-DD",
        "id": "{value} bukan tanggal yang ada di kalender. Tulis tanggal yang benar sebagai "
        "TTTT-BB-HH, misalnya 2018-03-17.",
    },
    "field.more_than": {
        "en": "{found} is not accepted (it must be more than {limit}), expected {en_expected}",
        "id": "berisi {found}, padahal harus lebih dari {limit}. Tulis angka yang lebih besar.",
    },
    "field.at_least": {
        "en": "{found} is not accepted (it must be at least {limit}), expected {en_expected}",
        "id": "berisi {found}, padahal paling kecil {limit}. Tulis angka {limit} atau lebih.",
    },
    "field.at_most": {
        "en": "{found} is not accepted (it must be at most {limit}), expected {en_expected}",
        "id": "berisi {found}, padahal paling besar {limit}. Tulis angka {limit} atau kurang.",
    },
    "field.not_boolean": {
        "en": "{found} is not accepted, expected true or false",
        "id": "berisi {found}, padahal harus true atau false. Tulis true atau false.",
    },
    "field.not_slug": {
        "en": "{value} is not a lowercase slug, expected letters a-z, digits and single hyphens (like 'kupang-2018')",
        "id": "{value} bukan id yang sah. Tulis huruf kecil a-z, angka, dan tanda hubung tunggal "
        "saja, misalnya 'kupang-2018'.",
    },
    "field.not_url": {
        "en": "{value} is not a web address, expected a URL starting with https:// or http://",
        "id": "{value} bukan alamat web. Tulis alamat lengkap yang diawali https:// atau http://.",
    },
    "field.not_month": {
        "en": "{value} is not a month or date, expected YYYY-MM or YYYY-MM-DD",
        "id": "{value} bukan bulan atau tanggal. Tulis TTTT-BB atau TTTT-BB-HH, misalnya 2018-04.",
    },
    "field.not_clock": {
        "en": "{value} is not a time of day, expected HH:MM (like '08:30')",
        "id": "{value} bukan jam. Tulis JJ:MM, misalnya '08:30'.",
    },
    "field.empty_text": {
        "en": "is empty, expected {en_expected}",
        "id": "masih kosong. Tulis teksnya, atau hapus kolom ini jika tidak wajib.",
    },
    "field.spaces": {
        "en": "{value} starts or ends with spaces or a line break, expected the text without them "
        "(a folded block is written '>-', not '>')",
        "id": "{value} diawali atau diakhiri spasi atau baris baru. Hapus spasinya; untuk teks "
        "panjang yang dilipat, tulis '>-', bukan '>'.",
    },
    "field.alias_bracket": {
        "en": "{value} holds a bracket or a line break, expected a word or phrase as it appears in running text",
        "id": "{value} berisi tanda kurung siku atau baris baru. Tulis kata atau frasa persis seperti muncul di teks.",
    },
    "field.no_match": {
        "en": "{value} does not match {pattern}, expected {expected}",
        "id": "{value} tidak sesuai pola {pattern}. Tulis {expected}.",
    },
    "field.body": {"en": "body", "id": "isi"},
    "field.valid_value": {"en": "a valid value", "id": "nilai yang sah"},
    "hidden_comment.item": {
        "en": "the text after '#' is read as a comment and dropped, expected the whole text in quotes: {written}",
        "id": "teks sesudah '#' terbaca sebagai komentar dan dibuang. Beri tanda kutip pada seluruh teks: {written}",
    },
    "hidden_comment.syntax": {
        "en": "the text after '#' is read as a comment and dropped, with the rest of the line, "
        "expected the text in quotes: {written}",
        "id": "teks sesudah '#' terbaca sebagai komentar dan dibuang bersama sisa baris. Beri tanda kutip: {written}",
    },
    # --- What a field is, in Indonesian (English uses the field's description from the models) ------------------
    "expect.text": {"en": "text", "id": "teks"},
    "expect.slug": {"en": "an id", "id": "id huruf kecil, misalnya 'kupang-2018'"},
    "expect.url": {"en": "a web address", "id": "alamat web yang diawali https://"},
    "expect.date": {"en": "a date", "id": "tanggal TTTT-BB-HH"},
    "expect.month": {"en": "a month or date", "id": "bulan TTTT-BB atau tanggal TTTT-BB-HH"},
    "expect.clock": {"en": "a time", "id": "jam JJ:MM"},
    "expect.number": {"en": "a whole number", "id": "angka bulat"},
    "expect.boolean": {"en": "true or false", "id": "true atau false"},
    "expect.list": {"en": "a list", "id": "daftar (setiap butir diawali '- ')"},
    "expect.mapping": {"en": "a mapping", "id": "kumpulan kunci ('nama: nilai')"},
    "expect.choice": {"en": "one of: {allowed}", "id": "salah satu dari: {allowed}"},
    "expect.value": {"en": "a value", "id": "nilainya"},
    # --- Model checks across fields (smartschool/models.py raises them in English) ------------------------------
    "model.schedule_either": {
        "en": "give either `module`, or `title` and `minutes`",
        "id": "isi `module` saja, atau `title` dan `minutes`. Tulis salah satunya.",
    },
    "model.schedule_module_only": {
        "en": "a module block takes its title and minutes from the module; give only `module`",
        "id": "blok modul mengambil judul dan menitnya dari modul. Hapus `title` dan `minutes`, sisakan `module`.",
    },
    "model.source_one": {
        "en": "give exactly one of `url` and `file`",
        "id": "isi tepat satu dari `url` dan `file`. Hapus yang lain.",
    },
    "model.not_whole_address": {
        "en": "it starts like a web address but is not a whole one, such as 'https://kemenpppa.go.id'",
        "id": "diawali seperti alamat web tetapi tidak lengkap, misalnya 'https://kemenpppa.go.id'",
    },
    "model.no_such_month": {"en": "{en_reason}", "id": "bulan atau tanggal itu tidak ada di kalender"},
    # --- Text hygiene ------------------------------------------------------------------------------------------
    "text.bidi": {
        "en": "holds the bidirectional control character {code} at character {position}, which can make "
        "text show in a misleading order, expected text without it: delete the character (or its "
        "escape, \\u{hex}, in quoted text)",
        "id": "berisi karakter pengatur arah {code} pada karakter ke-{position}, yang bisa membuat teks "
        "tampil dalam urutan menyesatkan. Hapus karakter itu (atau kode \\u{hex} di teks "
        "berkutip).",
    },
    "text.control": {
        "en": "holds the control character {code} at character {position}, expected printable text: "
        "delete the character (or its escape, such as \\u{hex}, in quoted text)",
        "id": "berisi karakter kendali {code} pada karakter ke-{position}. Hapus karakter itu (atau "
        "kode seperti \\u{hex} di teks berkutip).",
    },
    "text.invisible": {
        "en": "holds only invisible characters (such as {code} at character {position}), expected visible text",
        "id": "hanya berisi karakter tak terlihat (misalnya {code} pada karakter ke-{position}). "
        "Tulis teks yang terlihat.",
    },
    # --- Events ------------------------------------------------------------------------------------------------
    "event.end_before_start": {
        "en": "{end} is before start {start}, expected a date on or after start",
        "id": "{end} lebih awal dari start ({start}). Tulis tanggal yang sama dengan atau sesudah start.",
    },
    "event.day_outside": {
        "en": "{date} is outside the event, expected a date from {start} to {end}",
        "id": "{date} di luar tanggal acara. Tulis tanggal dari {start} sampai {end}.",
    },
    "event.day_twice": {
        "en": "{date} is listed {count} times, expected each day once",
        "id": "{date} tercantum {count} kali. Hapus yang berulang: setiap hari cukup sekali.",
    },
    "event.class_twice": {
        "en": "{org} runs a class twice, expected one class per organisation",
        "id": "{org} tercantum dua kali. Hapus salah satunya: satu kelas untuk setiap lembaga.",
    },
    "event.unknown_org": {
        "en": "{org} is not a known organisation, expected an id from data/organizations.yaml ({known})",
        "id": "{org} bukan lembaga yang dikenal. Tulis id dari data/organizations.yaml ({known}), "
        "atau tambahkan lembaganya di sana dulu.",
    },
    "event.no_orgs": {"en": "none defined", "id": "belum ada"},
    "event.follow_up_early": {
        "en": "{date} is not after the event ends ({end}), expected a later month or date",
        "id": "{date} tidak sesudah acara selesai ({end}). Tulis bulan atau tanggal sesudahnya.",
    },
    "event.follow_up_itself": {
        "en": "names the event itself, expected the id of the next event",
        "id": "menyebut acara ini sendiri. Tulis id acara berikutnya.",
    },
    "event.follow_up_unknown": {
        "en": "{event} is not an event id, expected one of the ids in data/events.yaml",
        "id": "{event} bukan id acara. Tulis salah satu id di data/events.yaml.",
    },
    "event.unknown_module": {
        "en": "{module} is not a curriculum module, expected an id from curriculum/",
        "id": "{module} bukan modul kurikulum. Tulis id modul dari folder curriculum/ (nama berkasnya tanpa .md).",
    },
    # --- Modules -----------------------------------------------------------------------------------------------
    "module.id_not_file": {
        "en": "{value} differs from the file name, expected {expected}",
        "id": "{value} tidak sama dengan nama berkas. Tulis {expected} (atau ganti nama berkasnya).",
    },
    "module.track_not_folder": {
        "en": "{value} differs from the folder, expected {expected}",
        "id": "{value} tidak sama dengan nama folder. Tulis {expected} (atau pindahkan berkasnya).",
    },
    "module.reserved_id": {
        "en": "{value} is an address the site uses for its own pages, expected another id (not "
        "paket-fasilitator… or halaman-<n>)",
        "id": "{value} adalah alamat yang dipakai situs untuk halamannya sendiri. Tulis id lain "
        "(bukan paket-fasilitator… atau halaman-<n>).",
    },
    "module.duplicate_id": {
        "en": "duplicate id, expected each module id once across all tracks",
        "id": "id ini sudah dipakai modul lain (di jalur mana pun). Ganti dengan id yang belum dipakai.",
    },
    "module.order_twice": {
        "en": "order {order} is used twice in track {track}, expected a unique position",
        "id": "urutan {order} dipakai dua kali di jalur {track}. Tulis nomor urut yang belum dipakai.",
    },
    "module.agenda_sum": {
        "en": "{declared} minutes declared but the agenda adds up to {total}, expected them to be equal",
        "id": "tertulis {declared} menit, tetapi jumlah menit agenda {total}. Samakan keduanya.",
    },
    "module.audience_track": {
        "en": "{value} is not an audience of track {track}, expected one of: {allowed}",
        "id": "{value} bukan peserta jalur {track}. Tulis salah satu dari: {allowed}.",
    },
    "module.age_band_missing": {
        "en": "missing, expected the ages of a youth module as {{min: .., max: ..}}",
        "id": "belum diisi. Tambahkan usia peserta modul remaja sebagai {{min: .., max: ..}}.",
    },
    "module.age_band_adult": {
        "en": "given for an adult module, expected it only in track remaja",
        "id": "diisi untuk modul dewasa. Hapus age_band: kolom ini hanya untuk jalur remaja.",
    },
    "module.age_band_order": {
        "en": "min {min} is above max {max}, expected min <= max",
        "id": "min {min} lebih besar dari max {max}. Tulis min yang sama dengan atau lebih kecil dari max.",
    },
    "module.objective": {
        "en": "{value} does not say what participants can do, expected it to start with '{start} …'",
        "id": "{value} tidak menyebut apa yang mampu dilakukan peserta. Awali dengan '{start} …'.",
    },
    "module.related_itself": {
        "en": "names the module itself, expected another module's id",
        "id": "menyebut modul ini sendiri. Tulis id modul lain.",
    },
    "module.related_unknown": {
        "en": "{value} is not a module id, expected one of: {known}",
        "id": "{value} bukan id modul. Tulis salah satu dari: {known}.",
    },
    "module.source_outside": {
        "en": "{value} leads outside the project, expected a path from the project root to a "
        "file in the project (such as 'docs/bantuan/index.md')",
        "id": "{value} mengarah ke luar proyek. Tulis jalur dari folder utama proyek ke berkas "
        "di dalam proyek, misalnya 'docs/bantuan/index.md'.",
    },
    "module.source_missing": {
        "en": "{value} is not a file in the project, expected a path from the project root",
        "id": "{value} bukan berkas di proyek ini. Tulis jalur berkas dari folder utama proyek.",
    },
    "module.no_safeguarding": {
        "en": "no safeguarding note, expected a '!!! perlindungan \"…\"' block on what to do "
        "if a participant discloses abuse",
        "id": "belum ada catatan perlindungan. Tambahkan blok '!!! perlindungan \"…\"' "
        "tentang "
        "apa yang dilakukan jika peserta bercerita tentang kekerasan.",
    },
    "module.no_sapa": {
        "en": "the safeguarding note does not refer to SAPA 129, expected the referral to SAPA 129",
        "id": "catatan perlindungan belum menyebut SAPA 129. Tambahkan rujukan ke SAPA 129.",
    },
    # --- Checks of learning, 40-minute plan, SMP/SMA notes, fictional cases, legal block, answer keys (#14, #15).
    "field.list_long": {
        "en": "has {count} item(s), expected at most {maximum} item(s)",
        "id": "berisi {count} butir. Tulis paling banyak {maximum} butir.",
    },
    "quiz.option_twice": {
        "en": "option {value} is given twice, expected 2-4 distinct options",
        "id": "pilihan {value} ditulis dua kali. Setiap pilihan harus berbeda (2–4 pilihan).",
    },
    "quiz.answer_not_option": {
        "en": "{value} is not one of the options ({options}), expected the answer written exactly as one option",
        "id": "{value} bukan salah satu pilihan ({options}). Tulis jawaban persis sama dengan satu pilihan.",
    },
    "quiz.explanation_lines": {
        "en": "the explanation runs over more than one line, expected one line",
        "id": "penjelasan lebih dari satu baris. Tulis penjelasan dalam satu baris saja.",
    },
    "core.minutes_not_core": {
        "en": "given on a step that is not core, expected core_minutes only with core: true",
        "id": "diisi pada langkah yang bukan inti. Tambahkan core: true, atau hapus core_minutes.",
    },
    "core.minutes_above": {
        "en": "{core} minutes is more than the step's {minutes}, expected core_minutes <= minutes",
        "id": "{core} menit lebih lama dari langkahnya ({minutes} menit). Tulis core_minutes paling banyak {minutes}.",
    },
    "core.first": {
        "en": "the first step (opening, group agreement, safeguarding) is not core, expected core: true",
        "id": "langkah pertama (pembukaan, kesepakatan kelompok, perlindungan) belum inti. Tambahkan core: true.",
    },
    "core.last": {
        "en": "the last step (closing: who to talk to) is not core, expected core: true",
        "id": "langkah terakhir (penutup: kepada siapa bercerita) belum inti. Tambahkan core: true.",
    },
    "core.total": {
        "en": "the core steps add up to {total} minutes, expected {low}-{high} minutes for the 40-minute plan "
        "(core_minutes where given, else minutes)",
        "id": "langkah inti berjumlah {total} menit. Rencana 40 menit harus berjumlah {low}–{high} menit "
        "(core_minutes jika diisi, jika tidak minutes): ubah core atau core_minutes.",
    },
    "module.age_notes_missing": {
        "en": "missing, expected what changes for SMP and SMA as {{smp: .., sma: ..}} on a youth module",
        "id": "belum diisi. Tambahkan catatan untuk SMP dan SMA sebagai {{smp: .., sma: ..}} (wajib di modul remaja).",
    },
    "module.age_notes_adult": {
        "en": "given for an adult module, expected it only in track remaja",
        "id": "diisi untuk modul dewasa. Hapus age_notes: kolom ini hanya untuk jalur remaja.",
    },
    "module.contoh_title": {
        "en": "a 'contoh' block titled {value}, expected a title starting with '{label}'",
        "id": "blok 'contoh' berjudul {value}. Awali judulnya dengan '{label}', misalnya !!! contoh \"{label}\".",
    },
    "legal.not_reviewed": {
        "en": "a 'hukum' block without a review date, expected 'reviewed: YYYY-MM-DD' in the front matter",
        "id": "ada blok 'hukum' tetapi modul belum punya tanggal tinjauan. Tambahkan 'reviewed: YYYY-MM-DD' "
        "di front matter.",
    },
    "legal.page_not_reviewed": {
        "en": "the page has a 'hukum' block but no review date, expected 'reviewed: YYYY-MM-DD' in its front matter",
        "id": "halaman ini punya blok 'hukum' tetapi belum punya tanggal tinjauan. Tambahkan 'reviewed: YYYY-MM-DD' "
        "di front matter halaman.",
    },
    "legal.front_matter": {
        "en": "{value} names a law, so the module needs 'reviewed: YYYY-MM-DD' in its front matter and a "
        "'!!! hukum \"…\"' block in its body (the block shows the review date and legal-aid advice)",
        "id": "{value} menyebut aturan hukum, jadi modul ini perlu 'reviewed: YYYY-MM-DD' di front matter dan blok "
        "'!!! hukum \"…\"' di isi modul (blok itu menampilkan tanggal tinjauan dan saran bantuan hukum).",
    },
    "legal.law_outside": {
        "en": "{value} names a law outside a legal block, expected it inside a '!!! hukum \"…\"' block (which "
        "adds the review date and legal-aid advice)",
        "id": "{value} menyebut aturan hukum di luar blok hukum. Pindahkan kalimat itu ke dalam blok "
        "'!!! hukum \"…\"' (blok itu menambahkan tanggal tinjauan dan saran bantuan hukum).",
    },
    "module.answer_in_body": {
        "en": "an answer key in body text, expected quiz answers in the front matter's quiz or inside a "
        "'!!! fasilitator' block (participant views hide those)",
        "id": "ada kunci jawaban di teks modul. Pindahkan jawaban kuis ke kolom quiz di front matter, atau ke dalam "
        "blok '!!! fasilitator' (tampilan peserta menyembunyikannya).",
    },
    "module.too_deep": {
        "en": "lists or quotes are nested {depth} levels deep here, expected at most {limit} levels "
        "(each '>', list marker and four spaces of indentation is a level): move these lines "
        "up a level, or start a new list",
        "id": "daftar atau kutipan bertingkat {depth} lapis di sini, paling banyak {limit} lapis "
        "(setiap '>', tanda butir, dan empat spasi menjorok dihitung satu lapis). Naikkan "
        "baris-baris ini satu lapis, atau mulai daftar baru.",
    },
    # --- Help channels and glossary -----------------------------------------------------------------------------
    "help.not_phone": {
        "en": "{value} is not a phone number, expected digits (and hyphens)",
        "id": "{value} bukan nomor telepon. Tulis angka saja (boleh dengan tanda hubung).",
    },
    "help.not_web": {
        "en": "{value} is not a web address, expected https://…",
        "id": "{value} bukan alamat web. Tulis alamat yang diawali https://…",
    },
    "help.unreachable": {
        "en": "no contact and no note, expected at least one way to reach the channel",
        "id": "tidak ada kontak dan tidak ada catatan. Tulis sedikitnya satu cara menghubungi layanan ini.",
    },
    "help.stale": {
        "en": "last verified {date}, more than 12 months ago; expected a check against the source and a new date",
        "id": "terakhir diperiksa {date}, lebih dari 12 bulan lalu. Periksa lagi dengan sumbernya, lalu "
        "tulis tanggal baru.",
    },
    # --- Help channels named in content: [[bantuan:<id>]] (smartschool/help_mentions.py) ---------------------------
    "help.mention_unknown": {
        "en": "[[bantuan:…]] names the help channel {value}, which is not in data/help.yaml, expected one of: {known}",
        "id": "[[bantuan:…]] menyebut layanan {value}, yang tidak ada di data/help.yaml. Tulis salah satu id "
        "ini: {known}.",
    },
    "help.mention_unpublished": {
        "en": "[[bantuan:…]] names the help channel {value}, which is not published (its status is not "
        "'verified'), expected a verified channel",
        "id": "[[bantuan:…]] menyebut layanan {value}, yang belum diterbitkan (status-nya bukan 'verified'). "
        "Sebut layanan yang sudah diverifikasi, atau verifikasi dulu layanan ini di data/help.yaml.",
    },
    "help.mention_plain_field": {
        "en": "[[bantuan:…]] cannot stand in {field}: it becomes the page's title or description, which holds no "
        "links; expected the channel's name written out, such as 'SAPA 129', and the token in the body",
        "id": "[[bantuan:…]] tidak boleh dipakai di {field}: kolom ini menjadi judul atau deskripsi halaman, yang "
        "tidak bisa memuat tautan. Tulis nama layanannya saja, misalnya 'SAPA 129', dan pakai [[bantuan:…]] di "
        "isi modul.",
    },
    "help.extension_not_phone": {
        "en": "an extension belongs to a telephone contact only, expected 'kind: telepon' or no extension",
        "id": "nomor ekstensi hanya untuk kontak telepon. Tulis 'kind: telepon', atau hapus extension.",
    },
    "term.alias_twice": {
        "en": "{value} is already an alias of {owner}, expected it once",
        "id": "{value} sudah menjadi alias {owner}. Hapus salah satunya.",
    },
    "term.alias_forms": {
        "en": "{value} does not start and end with a letter or digit, so it never shows its "
        "definition (an alias is found in running text only as a whole word), expected each "
        "form as an alias of its own, starting and ending with a letter or digit, here: {forms}",
        "id": "{value} tidak diawali dan diakhiri huruf atau angka, jadi definisinya tidak pernah "
        "tampil (alias hanya ditemukan sebagai kata utuh). Tulis setiap bentuk sebagai alias "
        "sendiri: {forms}",
    },
    "term.alias_no_letter": {
        "en": "{value} holds no letter or digit, so it never shows its definition, expected a "
        "word or phrase as it appears in running text",
        "id": "{value} tidak berisi huruf atau angka, jadi definisinya tidak pernah tampil. "
        "Tulis kata atau frasa persis seperti muncul di teks.",
    },
    # --- Module bodies: Markdown safety and links ---------------------------------------------------------------
    "body.html_comment": {
        "en": "an HTML comment or declaration is not allowed in a module (it would be published in "
        "the page source), expected the note removed or written as text",
        "id": "komentar HTML tidak boleh ada di modul (akan ikut terbit di sumber halaman). Hapus "
        "catatannya atau tulis sebagai teks biasa.",
    },
    "body.raw_html": {
        "en": "raw HTML <{name}> is not allowed in a module, expected Markdown (text, lists, tables, "
        "**bold**, admonitions such as !!! note); only {tags} may be written as HTML",
        "id": "HTML <{name}> tidak boleh ada di modul. Tulis dengan Markdown (teks, daftar, tabel, "
        "**tebal**, kotak seperti !!! note); hanya {tags} yang boleh ditulis sebagai HTML.",
    },
    "body.html_attributes": {
        "en": "raw HTML <{name} {attributes}> has attributes, expected <{name}> without attributes",
        "id": "HTML <{name} {attributes}> memakai atribut. Tulis <{name}> saja, tanpa atribut.",
    },
    "body.link_scheme": {
        "en": "link address {address} uses '{scheme}:', expected an https://, http://, mailto: or "
        "tel: address, or a relative link to a file such as bersuara-dan-melapor.md",
        "id": "alamat tautan {address} memakai '{scheme}:'. Tulis alamat https://, http://, "
        "mailto: atau tel:, atau tautan relatif ke berkas seperti bersuara-dan-melapor.md.",
    },
    "body.image_remote": {
        "en": "image address {address} is not in the project, expected a relative path to an "
        "image in the project (the site requests nothing from other sites)",
        "id": "gambar {address} tidak ada di proyek ini. Simpan gambarnya di proyek dan tulis "
        "alamat relatifnya (situs tidak mengambil apa pun dari situs lain).",
    },
    "body.theme_id": {
        "en": "id {value} starts with '{prefix}', which the theme reserves for itself, expected another id",
        "id": "id {value} diawali '{prefix}', yang dipakai tema. Tulis id lain.",
    },
    "body.attribute_list": {
        "en": "attribute list '{written}' sets {name}, expected only #id, .class and data- "
        "attributes (event handlers and style are not allowed)",
        "id": "daftar atribut '{written}' memasang {name}. Tulis hanya #id, .kelas, dan atribut "
        "data- (skrip dan style tidak boleh).",
    },
    "link.invalid": {
        "en": "link {address} is not a valid address (MkDocs cannot read it), expected a relative path "
        "to a page's Markdown file or a full https:// address",
        "id": "tautan {address} bukan alamat yang sah. Tulis jalur relatif ke berkas Markdown sebuah "
        "halaman, atau alamat https:// lengkap.",
    },
    "link.slash_fix": {
        "en": "link {address} starts with '/', which the build leaves as it is (the site lives under "
        "a subpath, so it would break), expected the relative path {fix}",
        "id": "tautan {address} diawali '/', sehingga akan rusak di situs. Tulis jalur relatif {fix}.",
    },
    "link.slash": {
        "en": "link {address} starts with '/', which the build leaves as it is, expected a relative path "
        "from the module's folder to a page's Markdown file (another module is '<id>.md', a page in "
        "docs/ is '../../<folder>/<page>.md')",
        "id": "tautan {address} diawali '/', sehingga akan rusak di situs. Tulis jalur relatif dari folder "
        "modul ke berkas Markdown halaman (modul lain: '<id>.md', halaman di docs/: "
        "'../../<folder>/<halaman>.md').",
    },
    "link.missing_fix": {
        "en": "link {address} does not name a page or file of the site, expected {fix} (a link names "
        "the page's Markdown file, relative to the module's folder)",
        "id": "tautan {address} tidak menunjuk halaman atau berkas situs. Tulis {fix} (tautan "
        "menyebut berkas Markdown halaman, relatif dari folder modul).",
    },
    "link.missing": {
        "en": "link {address} does not name a page or file of the site, expected a relative path from "
        "the module's folder to a page's Markdown file (another module is '<id>.md', a page in "
        "docs/ is '../../<folder>/<page>.md')",
        "id": "tautan {address} tidak menunjuk halaman atau berkas situs. Tulis jalur relatif dari "
        "folder modul ke berkas Markdown halaman (modul lain: '<id>.md', halaman di docs/: "
        "'../../<folder>/<halaman>.md').",
    },
    "link.anchor": {
        "en": "link {address} points to a heading that is not on the page of module {module}, expected "
        "one of its headings: {choices}",
        "id": "tautan {address} menunjuk judul bagian yang tidak ada di halaman modul {module}. Tulis "
        "salah satu judul bagiannya: {choices}",
    },
    # --- Files -------------------------------------------------------------------------------------------------
    "file.broken_link": {
        "en": "is a broken link (what it points to does not exist), expected a file or folder: "
        "replace the link with the file itself, or delete it",
        "id": "ini tautan rusak (yang ditunjuknya tidak ada). Ganti tautan dengan berkasnya sendiri, atau hapus.",
    },
    "file.outside_link": {
        "en": "is a link to a file or folder outside the project, expected the file itself inside "
        "the project (nothing outside it is read or published): replace the link with a copy "
        "of the file",
        "id": "ini tautan ke berkas atau folder di luar proyek (yang di luar proyek tidak dibaca "
        "atau diterbitkan). Ganti tautan dengan salinan berkasnya.",
    },
    "file.not_utf8": {
        "en": "the file is not UTF-8 text (byte 0x{byte} here cannot be read as UTF-8), expected UTF-8 "
        "text: save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)",
        "id": "berkas ini bukan teks UTF-8 (bita 0x{byte} di sini tidak terbaca). Simpan berkasnya "
        "sebagai UTF-8 (di kebanyakan penyunting: Save As, lalu Encoding: UTF-8).",
    },
    "file.not_found": {
        "en": "file not found, expected it to exist",
        "id": "berkas tidak ditemukan. Buat berkasnya, atau kembalikan yang terhapus.",
    },
    "file.unreadable": {
        "en": "cannot read the file ({reason}), expected a file the build can read: check that it "
        "is a file and that its permissions allow reading",
        "id": "berkas tidak bisa dibaca ({reason}). Pastikan ini berkas biasa dan izinnya membolehkan dibaca.",
    },
    "front.missing": {
        "en": "no front matter, expected the file to start with a '---' line",
        "id": "bagian depan (front matter) tidak ada. Tulis baris '---' sebagai baris pertama berkas.",
    },
    "front.unclosed": {
        "en": "front matter is not closed, expected a second '---' line",
        "id": "bagian depan (front matter) tidak ditutup. Tulis baris '---' kedua sesudah kolom terakhir.",
    },
    # --- YAML syntax (the parser's own words, `en_reason`, are shown in English only) --------------------------
    "yaml.control": {
        "en": "YAML syntax error: control character U+{code} is not allowed; expected printable text",
        "id": "ada karakter kendali U+{code} yang tidak boleh ada di YAML. Hapus karakter itu.",
    },
    "yaml.too_deep": {
        "en": "YAML nested too deeply: more than {limit} lists and mappings inside each other here, "
        "expected at most {limit} levels (the data needs fewer than 10: check the indentation and "
        "the '-', '[' and '{{' marks)",
        "id": "YAML bertingkat terlalu dalam: lebih dari {limit} lapis daftar dan kunci di sini. "
        "Periksa indentasi dan tanda '-', '[' dan '{{' (data ini cukup kurang dari 10 lapis).",
    },
    "yaml.second_document": {
        "en": "a second YAML document starts here; expected one document per file (remove the '---' line)",
        "id": "dokumen YAML kedua dimulai di sini, padahal satu berkas hanya boleh berisi satu "
        "dokumen. Hapus baris '---' ini.",
    },
    "yaml.syntax": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML",
        "id": "penulisan YAML di baris ini tidak bisa dibaca. Periksa tanda kutip, kurung, titik dua, "
        "dan indentasi di baris ini dan baris sebelumnya.",
    },
    "yaml.refused": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML 1.2",
        "id": "penulisan YAML di baris ini tidak bisa dibaca. Periksa tanda kutip, kurung, titik "
        "dua, dan indentasi di baris ini.",
    },
    "yaml.indent": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML (line {line} is indented {actual} "
        "spaces, expected {expected})",
        "id": "baris {line} menjorok {actual} spasi, seharusnya {expected}. Tulis {expected} spasi di "
        "awal baris ini, sejajar dengan kolom lain di bagian yang sama.",
    },
    "yaml.indent_left": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML (line {line} is indented {actual} "
        "spaces, expected {expected})",
        "id": "baris {line} menjorok {actual} spasi, seharusnya {expected} (tidak menjorok). Hapus "
        "spasi di awal baris ini.",
    },
    "yaml.indent_unknown": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML (check the indentation of "
        "line {line}: {actual} spaces)",
        "id": "indentasi baris {line} ({actual} spasi) tidak cocok dengan baris di atasnya. "
        "Samakan jumlah spasinya dengan kolom lain di bagian yang sama.",
    },
    "yaml.list_level": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML (the list item on line {line} is "
        "indented {actual} spaces, expected {expected})",
        "id": "butir daftar ('- ') di baris {line} menjorok {actual} spasi, seharusnya {expected}. "
        "Tulis {expected} spasi sebelum '-', sejajar dengan butir lain di daftar yang sama.",
    },
    "yaml.tab": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML (replace the tab on line {line} with spaces)",
        "id": "ada tab di baris {line}. Ganti tab dengan spasi: YAML hanya menerima spasi untuk indentasi.",
    },
    "yaml.unclosed_quote": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML (the {quote} opened on line {line} is not closed)",
        "id": "tanda kutip {quote} yang dibuka di baris {line} tidak ditutup. Tulis {quote} penutup di akhir teksnya.",
    },
    "yaml.unclosed_bracket": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML (the {bracket} opened on "
        "line {line} is not closed with {closing})",
        "id": "kurung {bracket} yang dibuka di baris {line} tidak ditutup. Tulis {closing} di "
        "akhir daftarnya, atau beri tanda kutip jika kurung itu bagian dari teks.",
    },
    "yaml.colon_in_value": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML (the ': ' on line {line} "
        "starts a new "
        "key: put the text in quotes: {written})",
        "id": "teks di baris {line} berisi ': ', yang dibaca YAML sebagai kolom baru. Beri tanda kutip: {written}",
    },
    "yaml.missing_colon": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML (line {line} is not 'name: value')",
        "id": "baris {line} tidak berbentuk 'nama: nilai'. Tulis titik dua sesudah nama kolom, "
        "atau beri tanda kutip pada teks yang berlanjut ke baris ini.",
    },
    "yaml.reserved_start": {
        "en": "YAML syntax error: {en_reason}; expected valid YAML (the value on line {line} "
        "starts with "
        "{char}: put it in quotes: {written})",
        "id": "nilai di baris {line} diawali {char}, yang punya arti khusus di YAML. Beri tanda kutip: {written}",
    },
    # --- Publishing: why a build failed, and Markdown that would make it slow (smartschool/publish.py,
    # hooks/publish.py, smartschool/markdown_nesting.py, smartschool/docs_pages.py) --------------------------------
    "publish.where_build": {"en": "build", "id": "pembangunan situs"},
    "publish.page": {"en": "page '{page}'", "id": "halaman '{page}'"},
    "publish.pages_one": {"en": "page {names}", "id": "halaman {names}"},
    "publish.pages_many": {"en": "pages {names}", "id": "halaman {names}"},
    "publish.template": {"en": "template", "id": "templat"},
    "publish.macro": {"en": "macro", "id": "makro"},
    "publish.macro_named": {"en": "macro '{name}'", "id": "makro '{name}'"},
    "publish.raised_at": {"en": " (raised at {place})", "id": " (di {place})"},
    "publish.in_template": {"en": " (in {place})", "id": " (di {place})"},
    "publish.link": {
        "en": "link '{link}': {why} (on {pages}), {hint}",
        "id": "tautan '{link}': {why} (di {pages}). {hint}",
    },
    "publish.why_target": {
        "en": "the target '{target}' is not found among documentation files",
        "id": "tujuannya, '{target}', tidak ada di antara berkas situs",
    },
    "publish.why_no_target": {
        "en": "the target is not found among documentation files",
        "id": "tujuannya tidak ada di antara berkas situs",
    },
    "publish.why_anchor_here": {
        "en": "there is no such anchor on this page",
        "id": "bagian '#' itu tidak ada di halaman ini",
    },
    "publish.why_anchor": {
        "en": "the doc '{doc}' does not contain an anchor '#{anchor}'",
        "id": "halaman '{doc}' tidak punya bagian '#{anchor}'",
    },
    "publish.why_left": {
        "en": "it was left as is",
        "id": "tautan ini dibiarkan apa adanya, sehingga akan rusak di situs",
    },
    "publish.hint_missing": {
        "en": "expected the path of an existing page or file of the site, relative to the page",
        "id": "Tulis jalur halaman atau berkas situs yang ada, relatif dari halaman ini.",
    },
    "publish.hint_anchor": {
        "en": "expected a '#' anchor that exists on the page linked to (a heading's or an attribute's id)",
        "id": "Tulis '#' yang ada di halaman tujuan (id sebuah judul bagian), atau hapus bagian '#…' dari tautan.",
    },
    "publish.hint_absolute": {
        "en": "expected a relative link (such as ../bantuan/index.md) or a full https:// address",
        "id": "Tulis tautan relatif (misalnya ../bantuan/index.md) atau alamat https:// lengkap.",
    },
    "publish.hint_unrecognized": {
        "en": "expected a link to a .md file (such as ../bantuan/index.md) or a full address",
        "id": "Tulis tautan ke berkas .md (misalnya ../bantuan/index.md) atau alamat lengkap.",
    },
    "publish.hint_suggested": {
        "en": "expected '{suggestion}' (the page MkDocs found with that name)",
        "id": "Mungkin maksud Anda '{suggestion}': tulis '{suggestion}'.",
    },
    "publish.aborted_strict": {
        "en": "Aborted with {count} warnings in strict mode!",
        "id": "Dibatalkan: {count} peringatan dalam mode ketat (--strict). Perbaiki setiap peringatan di atas, "
        "lalu bangun lagi.",
    },
    "publish.aborted_config": {
        "en": "Aborted with a configuration error!",
        "id": "Dibatalkan: ada kesalahan pengaturan di mkdocs.yml (lihat pesan di atas). Perbaiki, lalu bangun lagi.",
    },
    "publish.not_utf8": {
        "en": "encoding: byte 0x{byte} at byte offset {offset} is not UTF-8 (the file seems to be saved as "
        "Windows-1252 or another encoding), expected UTF-8: save the file as UTF-8 (in most editors: Save As, "
        "then Encoding: UTF-8)",
        "id": "bita 0x{byte} (posisi bita {offset}) bukan UTF-8: berkas ini tampaknya disimpan sebagai "
        "Windows-1252 atau pengodean lain. Simpan berkasnya sebagai UTF-8 (di kebanyakan penyunting: Save As, "
        "lalu Encoding: UTF-8).",
    },
    "publish.not_utf8_unlocated": {
        "en": "encoding: {reason} (byte offset {offset}), expected UTF-8: save the file as UTF-8 (in most "
        "editors: Save As, then Encoding: UTF-8)",
        "id": "pengodean: {reason} (posisi bita {offset}). Simpan berkasnya sebagai UTF-8 (di kebanyakan "
        "penyunting: Save As, lalu Encoding: UTF-8).",
    },
    "publish.too_deep_line": {
        "en": "{subject}: nesting is too deep to render (Python's recursion limit was reached); this is its "
        "deepest line, expected far fewer levels of lists, quotes or blocks inside each other",
        "id": "{subject}: susunan bertingkatnya terlalu dalam untuk ditampilkan (batas rekursi Python "
        "tercapai); ini baris terdalamnya. Kurangi tingkat daftar, kutipan, atau blok di dalam satu sama lain "
        "(paling banyak {id_limit} lapis).",
    },
    "publish.too_deep": {
        "en": "{subject}: nesting is too deep to render (Python's recursion limit was reached), expected far "
        "fewer levels of lists, quotes or blocks inside each other",
        "id": "{subject}: susunan bertingkatnya terlalu dalam untuk ditampilkan (batas rekursi Python "
        "tercapai). Kurangi tingkat daftar, kutipan, atau blok di dalam satu sama lain (paling banyak "
        "{id_limit} lapis).",
    },
    "publish.template_failed": {
        "en": "{subject}: {error}{inner}, expected the template to render",
        "id": "{subject}: {error}{inner}. Templat ini gagal ditampilkan: batalkan perubahan terakhir pada "
        "templat (folder overrides/), lalu jalankan `make check` untuk datanya.",
    },
    "publish.macro_data": {
        "en": "{subject}: {error}{inner}, expected data the macro can show (run `make check`, then look at the "
        "data this macro lists)",
        "id": "{subject}: {error}{inner}. Makro ini tidak bisa menampilkan datanya: jalankan `make check`, "
        "lalu periksa data yang ditampilkan makro ini.",
    },
    "publish.macro_syntax": {
        "en": "{subject}: {error}, expected a complete macro call such as {{{{ help_box() }}}}",
        "id": "{subject}: {error}. Panggilan makro di sini belum lengkap: tulis lengkap seperti "
        "{{{{ help_box() }}}}. Jika '{{{{' memang bagian dari teks, tulis {{{{ '{{{{' }}}} sebagai gantinya.",
    },
    "publish.macro_undefined": {
        "en": "{subject}: {error}, expected a macro or value that exists (see hooks/macros.py)",
        "id": "{subject}: {error}. Makro atau nilai ini tidak ada: periksa ejaannya (daftar makro ada di "
        "hooks/macros.py, dan contohnya di halaman /pengelola/).",
    },
    "publish.macro_failed": {
        "en": "{subject}: {error}{raised}, expected arguments and data the macro can use (see hooks/macros.py)",
        "id": "{subject}: {error}{raised}. Makro ini gagal dengan argumen atau data ini: periksa argumennya "
        "(lihat hooks/macros.py), lalu jalankan `make check`.",
    },
    "publish.stopped": {
        "en": "{where}: the build stopped (exit status {code}), expected it to finish",
        "id": "{where}: pembangunan berhenti (kode keluar {code}). Baca pesan di atas, perbaiki, lalu bangun lagi.",
    },
    "publish.crashed": {
        "en": "{where}: {error}{raised}, expected the build to finish",
        "id": "{where}: {error}{raised}. Pembangunan gagal karena kesalahan tak terduga: jalankan `make check`; "
        "jika tidak ada masalah, kirim pesan ini kepada pengembang situs.",
    },
    "publish.theme_notice": {
        "en": "Note: Material for MkDocs reaches end of life on 5 May 2027; what that means for this site: "
        "decisions/0001-material-for-mkdocs-end-of-life.md",
        "id": "Catatan: dukungan Material for MkDocs berakhir pada 5 Mei 2027; apa artinya bagi situs ini: "
        "decisions/0001-material-for-mkdocs-end-of-life.md",
    },
    "serve.cannot_stage": {
        "en": "{site}: cannot stage the rebuild next to the served folder or swap it in ({error})",
        "id": "{site}: tidak bisa membangun ulang di sebelah folder yang disajikan atau menukarnya ({error}). "
        "Periksa ruang disk dan izin tulis folder sementara.",
    },
    "serve.rebuild_failed": {
        "en": "The rebuild failed: still serving the last good site. Fix the problem and save again.",
        "id": "Gagal membangun ulang: pratinjau tetap menampilkan versi baik terakhir. Perbaiki masalah di atas, "
        "lalu simpan lagi.",
    },
    "serve.first_failed": {
        "en": "The first build failed: nothing to serve yet, and site/ was not touched. Fix the problem and save "
        "again: the preview appears as soon as a build succeeds.",
        "id": "Pembangunan pertama gagal: belum ada yang bisa ditampilkan, dan site/ tidak diubah. Perbaiki "
        "masalah di atas, lalu simpan lagi: pratinjau muncul begitu pembangunan berhasil.",
    },
    "serve.placeholder_title": {
        "en": "The site could not be built yet",
        "id": "Situs belum bisa dibangun",
    },
    "serve.placeholder_text": {
        "en": "Fix these problems and save the file: this page reloads as soon as a build succeeds.",
        "id": "Perbaiki masalah berikut, lalu simpan berkasnya: halaman ini dimuat ulang begitu pembangunan berhasil.",
    },
    "markdown.open_brackets": {
        "en": "{count} '[' in this paragraph are never closed with ']' (this is the first), expected at most "
        "{limit}: Markdown searches the rest of the paragraph for each one, which makes the build very slow; "
        "close each '[' with ']', or write '\\[' for a bracket that is only text",
        "id": "{count} tanda '[' di paragraf ini tidak pernah ditutup dengan ']' (ini yang pertama); "
        "batasnya {limit}. Untuk setiap tanda, Markdown mencari penutupnya sampai akhir paragraf, sehingga situs "
        "sangat lambat dibangun. Tutup setiap '[' dengan ']', atau tulis '\\[' untuk kurung yang hanya teks.",
    },
    "markdown.open_addresses": {
        "en": "{count} link addresses '](' in this paragraph are never closed with ')' (this is the first), "
        "expected at most {limit}: Markdown searches the rest of the paragraph for each one; close each "
        "address with ')', as in [teks](alamat.md)",
        "id": "{count} alamat tautan '](' di paragraf ini tidak pernah ditutup dengan ')' (ini yang pertama); "
        "batasnya {limit}. Untuk setiap alamat, Markdown mencari penutupnya sampai akhir paragraf. Tutup "
        "setiap alamat dengan ')', seperti [teks](alamat.md).",
    },
    "markdown.unclosed_tags": {
        "en": "{count} HTML tags from here on are never closed with '>' (this is the first), expected at most "
        "{limit}: Markdown reads to the end of the page for each one, which makes the build very slow; end each "
        "tag with '>', as in <span class=\"x\">, or write '&lt;' for a '<' that is only text",
        "id": "{count} tag HTML mulai dari sini tidak pernah ditutup dengan '>' (ini yang pertama); batasnya "
        "{limit}. Untuk setiap tag, Markdown membaca sampai akhir halaman, sehingga situs sangat lambat dibangun. "
        "Akhiri setiap tag dengan '>', seperti <span class=\"x\">, atau tulis '&lt;' untuk tanda '<' yang hanya "
        "teks.",
    },
    "markdown.admonition_indent": {
        "en": "this line is indented {actual} spaces, so Markdown does not read it as the body of the '{mark}' "
        "block on line {opener} (the block stays empty and the text shows as an ordinary paragraph), expected "
        "{expected} spaces: indent each line of the block's text {expected} spaces",
        "id": "baris ini menjorok {actual} spasi, jadi Markdown tidak membacanya sebagai isi blok '{mark}' di "
        "baris {opener} (kotaknya kosong dan teksnya tampil sebagai paragraf biasa). Tulis {expected} spasi di "
        "awal setiap baris isi blok itu.",
    },
    "markdown.admonition_empty": {
        "en": "this line is not indented, so the '{mark}' block on line {opener} is empty and this text shows "
        "as an ordinary paragraph, expected the block's text indented {expected} spaces: indent each line of "
        "it {expected} spaces (or leave a blank line after the block, if the text is not part of it)",
        "id": "baris ini tidak menjorok, jadi blok '{mark}' di baris {opener} kosong dan teks ini tampil sebagai "
        "paragraf biasa. Tulis {expected} spasi di awal setiap baris isi blok itu (atau sisakan satu baris "
        "kosong sesudah blok, jika teks ini bukan isinya).",
    },
    "markdown.deep_brackets": {
        "en": "brackets are nested {depth} levels deep here ('[' inside '['), expected at most {limit}: Markdown "
        "searches each level again, which makes the build very slow; close the brackets sooner, or write '\\['"
        " and '\\]' for brackets that are only text",
        "id": "kurung siku bertingkat {depth} lapis di sini ('[' di dalam '['); batasnya {limit}. Markdown "
        "menelusuri setiap lapis lagi, sehingga situs sangat lambat dibangun. Tutup kurungnya lebih awal, atau "
        "tulis '\\[' dan '\\]' untuk kurung yang hanya teks.",
    },
}
