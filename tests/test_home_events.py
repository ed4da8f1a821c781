"""The home page keeps past and planned events apart: "Workshop terbaru" only shows an event that has taken place;
planned ones show under "Akan datang", compared with the build date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import VALID_EVENT, write_data
from smartschool.project import load_project
from smartschool.render import coming_events, latest_event_card


def _event(event_id: str, status: str, start: str, follow_up: str) -> str:
    """VALID_EVENT (held 10–11 May 2019) as another event with its own id, status and one-day date."""
    return (
        VALID_EVENT.replace("events:\n", "")
        .replace("contoh-2019", event_id)
        .replace("status: held", f"status: {status}")
        .replace("2019-05-10", start)
        .replace("2019-05-11", start)
        .replace("date: 2019-06", f"date: {follow_up}")
    )


def _project(tmp_path: Path):  # type: ignore[no-untyped-def]
    text = (
        "events:\n"
        + _event("lalu-2019", "held", "2019-05-10", "2019-06")
        + _event("rencana-2027", "planned", "2027-02-10", "2027-03")
        + _event("rencana-2026", "planned", "2026-12-05", "2027-01")
        + _event("basi-2020", "planned", "2020-02-10", "2020-03")
    )  # planned, but its date has passed
    return load_project(write_data(tmp_path, text))


def _card_links(html: str) -> list[str]:
    return [a["href"] for a in BeautifulSoup(html, "html.parser").select("article.sso-card a")]


def test_latest_workshop_is_one_that_took_place(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _card_links(latest_event_card(project, date(2026, 11, 28))) == ["acara/lalu-2019/"]
    assert latest_event_card(project, date(2019, 5, 9)) == ""  # before anything was held


def test_planned_events_come_under_akan_datang_nearest_first(tmp_path: Path) -> None:
    section = coming_events(_project(tmp_path), date(2026, 11, 28))
    assert section.startswith("## Akan datang\n")
    assert _card_links(section) == ["acara/rencana-2026/", "acara/rencana-2027/"]
    assert coming_events(_project(tmp_path / "later"), date(2027, 3, 1)) == ""  # nothing planned is still ahead


def test_the_real_home_page_shows_no_planned_event_as_past(built_site: Path) -> None:
    home = BeautifulSoup((built_site / "index.html").read_text("utf-8"), "html.parser")
    heading = home.find("h2", id="workshop-terbaru")
    card = heading.find_next("article", class_="sso-card")
    assert card.find("a")["href"] == "acara/kupang-2018/"  # held in March 2018
