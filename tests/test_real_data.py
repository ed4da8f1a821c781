"""The real data: it validates, round-trips through the models, and says what the Kupang report says."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import msgspec

from smartschool.exports import events_json
from smartschool.models import Event, EventsFile
from smartschool.project import load_project
from smartschool.schemas import stale_schemas

ROOT = Path(__file__).resolve().parent.parent


def test_the_events_export_reads_back_as_the_validated_events() -> None:
    """`/data/events.json` (smartschool.exports) holds every field of every event: read back through the model,
    minus the page address it adds, it gives the validated events again."""
    project = load_project(ROOT)
    items = json.loads(events_json(project, "https://example.org/"))["items"]
    assert [item.pop("url") for item in items] == ["https://example.org/acara/kupang-2018/"]
    assert msgspec.convert({"events": items}, EventsFile).events == project.events_newest_first()


def test_kupang_event_matches_the_report() -> None:
    event: Event = load_project(ROOT).event("kupang-2018")
    assert (event.start, event.end, event.status) == (date(2018, 3, 16), date(2018, 3, 17), "held")
    assert (event.city, event.province, event.organizer) == ("Kupang", "Nusa Tenggara Timur", "ecpat-indonesia")
    assert [c.organization for c in event.partner_classes] == ["ecpat-indonesia", "yayasan-sejiwa", "ict-watch"]
    # The report states only ECPAT Indonesia's topic; the others are explicit nulls.
    assert [c.topic is None for c in event.partner_classes] == [False, True, True]
    day1, day2 = event.days
    assert day1.audiences == ["orang-tua", "guru", "komunitas"]
    assert "diskusi-kelompok" in day1.formats
    assert day2.co_facilitators == ["kompak-jakarta"]
    assert day2.participants_mostly == ["smp", "sma"]
    assert [i.split()[0] for i in day2.issues_raised] == ["Grooming", "Sexting", "Akses"]
    assert (event.follow_up.city, event.follow_up.province, event.follow_up.date) == (
        "Parepare",
        "Sulawesi Selatan",
        "2018-04",
    )
    assert event.report is not None and event.report.author == "Deden Ramadani"


def test_every_organisation_has_a_website_and_description() -> None:
    orgs = {o.id: o for o in load_project(ROOT).organizations}
    assert set(orgs) == {"ecpat-indonesia", "yayasan-sejiwa", "ict-watch", "kompak-jakarta"}
    assert all(o.website.startswith("https://") and o.description for o in orgs.values())


def test_committed_schemas_match_the_models() -> None:
    assert stale_schemas(ROOT) == [], "run `make schemas` and commit data/schemas/"


def test_data_files_point_editors_at_their_schema() -> None:
    for name in ("events", "organizations", "help", "glossary"):
        first = (ROOT / f"data/{name}.yaml").read_text("utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=./schemas/{name}.schema.json"
        assert (ROOT / f"data/schemas/{name}.schema.json").is_file()


def test_every_page_that_uses_macros_opts_in() -> None:
    """Macros render only where a page asks (`render_macros: true`); a page that forgot would show raw `{{ … }}`."""
    import yaml

    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text("utf-8")
        front = yaml.safe_load(text.split("---\n")[1]) if text.startswith("---\n") else {}
        uses_macros = "{{" in text or "{%" in text
        assert bool(front.get("render_macros")) == uses_macros, page.relative_to(ROOT)


def test_a_rebuild_lets_go_of_what_the_last_read_froze(tmp_path: Path) -> None:
    import gc
    import shutil
    import weakref

    from smartschool.project import collector_paused, load_project_cached

    class Node:
        pass

    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "curriculum", tmp_path / "curriculum")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")  # modules may link to hand-written pages (../../<folder>/…)
    load_project_cached(tmp_path)
    with collector_paused():
        garbage = Node()
        garbage.self = garbage  # a reference cycle: only the collector can free it
        watch = weakref.ref(garbage)
        del garbage
    gc.collect()
    assert watch() is not None  # frozen with the data: the collector does not look at it
    events = tmp_path / "data/events.yaml"
    events.write_text(events.read_text("utf-8") + "\n# changed\n", "utf-8")
    load_project_cached(tmp_path)  # the data changed: read again, as mkdocs serve does after an edit
    assert watch() is None


def test_data_reference_states_the_range_of_numbers() -> None:
    from smartschool.data_reference import field_rows
    from smartschool.models import AgeBand, AgendaStep

    assert {row.name: row.type for row in field_rows(AgeBand)} == {
        "min": "whole number from 6 to 18",
        "max": "whole number from 6 to 18",
    }
    assert {row.name: row.type for row in field_rows(AgendaStep)}["minutes"] == "whole number from 1"
