"""Controlled vocabularies shared by events and curriculum: the key is stored in data, the value is shown."""

from __future__ import annotations

from typing import Literal

# The keys, as the types the models accept (a value outside them is refused, with the list, by the data check).
# Each is written out for the type checker, in the order of its labels below (that order is the schemas' `enum`);
# tests/test_vocabulary.py keeps each type and its labels the same.
Audience = Literal["orang-tua", "guru", "komunitas", "anak-orang-muda", "smp", "sma"]
Method = Literal[
    "presentasi",
    "diskusi-kelompok",
    "tanya-jawab",
    "berbagi-pengalaman",
    "studi-kasus",
    "permainan-peran",
    "refleksi",
    "curah-pendapat",
    "kuis",
    "kerja-berpasangan",
    "permainan",
]
EventStatus = Literal["planned", "held", "cancelled"]
Track = Literal["dewasa", "remaja"]

AUDIENCES: dict[str, str] = {
    "orang-tua": "Orang tua",
    "guru": "Guru",
    "komunitas": "Komunitas",
    "anak-orang-muda": "Anak dan orang muda",
    "smp": "Pelajar SMP",
    "sma": "Pelajar SMA",
}

# The same labels inside a sentence ("untuk pelajar SMP"): only the first word is lowered, so the school levels
# SMP and SMA keep their capitals. Templates use these (filter `audience_in_text`), never `AUDIENCES[x] | lower`.
AUDIENCES_IN_TEXT: dict[str, str] = {key: label[0].lower() + label[1:] for key, label in AUDIENCES.items()}

METHODS: dict[str, str] = {
    "presentasi": "Presentasi",
    "diskusi-kelompok": "Diskusi kelompok",
    "tanya-jawab": "Tanya jawab",
    "berbagi-pengalaman": "Berbagi pengalaman",
    "studi-kasus": "Studi kasus",
    "permainan-peran": "Permainan peran",
    "refleksi": "Refleksi",
    "curah-pendapat": "Curah pendapat",
    "kuis": "Kuis",
    "kerja-berpasangan": "Kerja berpasangan",
    "permainan": "Permainan",
}

EVENT_STATUSES: dict[str, str] = {
    "planned": "Direncanakan",
    "held": "Terlaksana",
    "cancelled": "Dibatalkan",
}

TRACKS: dict[str, str] = {
    "dewasa": "Dewasa",
    "remaja": "Remaja",
}

TRACK_AUDIENCES: dict[str, tuple[str, ...]] = {
    "dewasa": ("orang-tua", "guru", "komunitas"),
    "remaja": ("smp", "sma"),
}

# School age bands, the same across the site (lesson pages, youth modules' notes, parents' pages): SMP (junior
# secondary) pupils are 12-14, SMA (senior secondary) pupils 15-18. Ages in years, inclusive.
AGE_BANDS: dict[str, tuple[int, int]] = {
    "smp": (12, 14),
    "sma": (15, 18),
}


def age_band_label(level: str) -> str:
    """`SMP (12–14 tahun)` for `smp`: the school level with its ages, as every page writes it."""
    low, high = AGE_BANDS[level]
    return f"{level.upper()} ({low}–{high} tahun)"
