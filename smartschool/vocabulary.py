"""Controlled vocabularies shared by events and curriculum: the key is stored in data, the value is shown."""

from __future__ import annotations

AUDIENCES: dict[str, str] = {
    "orang-tua": "Orang tua",
    "guru": "Guru",
    "komunitas": "Komunitas",
    "anak-orang-muda": "Anak dan orang muda",
    "smp": "Pelajar SMP",
    "sma": "Pelajar SMA",
}

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
