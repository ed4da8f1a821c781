"""The events listing at any scale: the latest events on `acara/`, older ones in one archive page per year.

`acara/` lists whole years, newest first, while they fit under LISTING_CAP rows (or, when the newest year alone
is larger, that year's newest LISTING_CAP events). Only when it cannot list every event does the archive exist:
one generated page per year at `acara/tahun/<YYYY>/`, nested so it never collides with an event page
`acara/<id>/`, and an "Arsip per tahun" section on `acara/` linking every year page.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from markupsafe import Markup

from .models import Event
from .paging import Run, cut
from .project import Project
from .render import page_front_matter, render

# At most this many rows in the table on `acara/`.
LISTING_CAP = 50
# At most this many rows on one page of a year; a busier year continues on `acara/tahun/<YYYY>-2/` and so on.
YEAR_PAGE_CAP = 100


@dataclass(frozen=True)
class Year:
    """The events of one calendar year (by start date), newest first."""

    year: int
    events: tuple[Event, ...]

    @property
    def url(self) -> str:
        """The site-relative URL of the year's (first) archive page."""
        return year_page_url(self.year, 1)

    def pages(self, cap: int = YEAR_PAGE_CAP) -> list[YearPage]:
        """The year's events cut into pages of at most `cap`, newest first."""
        return cut(self.events, cap, YearPage, year=self)


@dataclass(frozen=True)
class YearPage(Run[Event]):
    """One page of a year's archive."""

    year: Year

    @property
    def events(self) -> tuple[Event, ...]:
        return self.items

    @property
    def url(self) -> str:
        return year_page_url(self.year.year, self.number)


def year_page_url(year: int, number: int) -> str:
    """`acara/tahun/<YYYY>/`, then `acara/tahun/<YYYY>-2/` and so on for a year that needs several pages."""
    return f"acara/tahun/{year}/" if number == 1 else f"acara/tahun/{year}-{number}/"


def years(project: Project) -> list[Year]:
    """Every year that has events, newest first, each with its events newest first."""
    return [
        Year(year, tuple(events)) for year, events in groupby(project.events_newest_first(), key=lambda e: e.start.year)
    ]


def latest_events(project: Project, cap: int = LISTING_CAP) -> list[Event]:
    """What `acara/` lists: whole years, newest first, while they fit under `cap` rows.

    When even the newest year holds more than `cap` events, its newest `cap` events.
    """
    shown: list[Event] = []
    for year in years(project):
        if len(shown) + len(year.events) > cap:
            break
        shown += year.events
    return shown or project.events_newest_first()[:cap]


def archive_years(project: Project, cap: int = LISTING_CAP) -> list[Year]:
    """The years that get an archive page: all of them when `acara/` cannot list every event, else none."""
    return years(project) if len(latest_events(project, cap)) < len(project.events) else []


def events_table(project: Project, base: str = "", cap: int = LISTING_CAP) -> str:
    """The table on `acara/`: the latest events, with a pointer to the archive when older ones are left out."""
    shown = latest_events(project, cap)
    total = len(project.events)
    caption = "Semua acara, dari yang terbaru" if len(shown) == total else f"{len(shown)} acara terbaru dari {total}"
    table = render("events_table.html", project=project, events=shown, caption=caption, base=base)
    if len(shown) == total:
        return table
    return f'{table}\n<p>Acara yang lebih lama ada di <a href="#arsip-per-tahun">arsip per tahun</a>.</p>'


def events_archive(project: Project, base: str = "", cap: int = LISTING_CAP) -> str:
    """The "Arsip per tahun" section of `acara/` (Markdown), or nothing when `acara/` lists every event."""
    archive = archive_years(project, cap)
    if not archive:
        return ""
    intro = "Setiap tahun punya halaman sendiri yang memuat semua acaranya."
    return f"## Arsip per tahun\n\n<p>{intro}</p>\n{year_list(archive, base)}"


def year_list(archive: list[Year], base: str = "", current: int | None = None) -> str:
    """Links to the year pages with their event counts; the `current` year is marked, not linked."""
    return render("event_years.html", years=archive, current=current, base=base)


def year_page_markdown(project: Project, page: YearPage, archive: list[Year]) -> str:
    """The whole Markdown source of one page of a year's archive, front matter included.

    Like an event page, it has no heading of its own: the theme shows the (escaped) title as the page's heading.
    """
    year = page.year
    title = f"Acara tahun {year.year}" + (f" (halaman {page.number} dari {page.of})" if page.of > 1 else "")
    count = len(year.events)
    front = page_front_matter(title, f"{count} workshop Smart School Online yang tercatat pada tahun {year.year}.")
    base = "../../../"
    caption = f"Acara tahun {year.year}, dari yang terbaru" + (
        f" (nomor {page.first}–{page.last})" if page.of > 1 else ""
    )
    table = render("events_table.html", project=project, events=page.events, base=base, caption=caption)
    body = render(
        "event_year.md",
        year=year,
        page=page,
        pages=year.pages(),
        count=count,
        base=base,
        table=Markup(table),
        years=Markup(year_list(archive, base, current=year.year)),
    )
    return f"{front}{body}\n"
