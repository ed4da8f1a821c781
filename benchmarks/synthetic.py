"""A synthetic but realistic project: the real site's pages and configuration with N events and M modules."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from sitebuild import copy_project  # noqa: E402  (the same copy of the real project the tests build)

CITIES = [
    ("Kupang", "Nusa Tenggara Timur"),
    ("Parepare", "Sulawesi Selatan"),
    ("Ende", "Nusa Tenggara Timur"),
    ("Ambon", "Maluku"),
    ("Palu", "Sulawesi Tengah"),
    ("Jayapura", "Papua"),
]
ORGS = ["ecpat-indonesia", "yayasan-sejiwa", "ict-watch"]


def synthetic_events(count: int, module_ids: list[str]) -> list[dict]:
    """`count` valid events (the real Kupang event first), each with partner classes, days and a follow-up."""
    real = yaml.safe_load((ROOT / "data/events.yaml").read_text("utf-8"))
    events = real["events"][:1]
    for i in range(1, count):
        year, month = 2019 + (i // 12) % 8, 1 + i % 12
        city, province = CITIES[i % len(CITIES)]
        nxt, nprov = CITIES[(i + 1) % len(CITIES)]
        events.append(
            {
                "id": f"acara-{i:05d}",
                "program": "Smart School Online",
                "title": f"Workshop Smart School Online {i}",
                "status": "held",
                "start": f"{year}-{month:02d}-10",
                "end": f"{year}-{month:02d}-11",
                "city": city,
                "province": province,
                "organizer": "ecpat-indonesia",
                "partner_classes": [
                    {"organization": org, "topic": None if j else "Pencegahan ESA online"} for j, org in enumerate(ORGS)
                ],
                "days": [
                    {
                        "date": f"{year}-{month:02d}-10",
                        "audiences": ["orang-tua", "guru", "komunitas"],
                        "topics": ["Bentuk-bentuk ESA online", "Pencegahan"],
                        "formats": ["presentasi", "diskusi-kelompok"],
                        "modules": module_ids[i % len(module_ids) :][:2],
                    },
                    {
                        "date": f"{year}-{month:02d}-11",
                        "audiences": ["anak-orang-muda"],
                        "topics": ["Grooming"],
                        "formats": ["presentasi"],
                        "co_facilitators": ["kompak-jakarta"],
                    },
                ],
                "follow_up": {"city": nxt, "province": nprov, "date": f"{year + 1}-{month:02d}"},
            }
        )
    return events


def write_events(project: Path, count: int, module_ids: list[str]) -> None:
    data = {"events": synthetic_events(count, module_ids)}
    (project / "data/events.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def write_modules(project: Path, count: int) -> list[str]:
    """Add modules up to `count` in all, cloned from the real ones under new ids; return every module id."""
    real = sorted((project / "curriculum").glob("*/*.md"))
    ids = [p.stem for p in real]
    for i in range(max(0, count - len(real))):
        template = real[i % len(real)]
        track = template.parent.name
        new_id = f"modul-{i:05d}"
        text = template.read_text("utf-8")
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
        text = re.sub(r"^order: .*$", f"order: {100 + i}", text, count=1, flags=re.M)
        text = re.sub(r'^title: "?(.*?)"?$', rf'title: "\g<1> ({i})"', text, count=1, flags=re.M)
        text = re.sub(r"^related: .*$", "related: []", text, count=1, flags=re.M)
        (project / "curriculum" / track / f"{new_id}.md").write_text(text, "utf-8")
        ids.append(new_id)
    return ids


def make_project(dest: Path, events: int, modules: int) -> Path:
    copy_project(dest)
    module_ids = write_modules(dest, modules)
    write_events(dest, events, module_ids)
    return dest
