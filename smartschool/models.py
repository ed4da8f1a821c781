"""Data models, declared once: they validate the YAML, give typed access and export JSON Schemas."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache
from typing import Annotated, Literal, TypedDict, Unpack

from msgspec import Meta, Struct

from .vocabulary import Audience, EventStatus, Method, Track

# Patterns end in `$(?!\n)`: Python's `$` also matches before a final line break, JSON Schema's does not.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$(?!\n)"
TEXT_PATTERN = r"^\S(?:[\s\S]*\S)?$(?!\n)"  # not blank, no spaces or line breaks around it
URL_PATTERN = r"^https?://[^\s/$.?#][^\s]*$(?!\n)"
# What starts like a web address: `http`, `www.`, or a scheme such as `https:` with no space after its colon.
LOOKS_LIKE_ADDRESS = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:\S|[Hh][Tt][Tt][Pp]|[Ww][Ww][Ww]\.)")
CLOCK_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$(?!\n)"
MONTH_OR_DATE_PATTERN = r"^\d{4}-\d{2}(-\d{2})?$(?!\n)"
ALIAS_PATTERN = r"^[^\[\]\n]+$(?!\n)"

Slug = Annotated[str, Meta(pattern=SLUG_PATTERN)]
Text = Annotated[str, Meta(pattern=TEXT_PATTERN)]
Url = Annotated[str, Meta(pattern=URL_PATTERN)]
# A web address, or a citation in words; a value that starts like an address must be a whole URL (the model that
# uses it calls `url_or_citation_fault`: `https:kemenpppa.go.id` is neither, and would break the page).
UrlOrCitation = Text
ClockTime = Annotated[str, Meta(pattern=CLOCK_PATTERN)]
MonthOrDate = Annotated[str, Meta(pattern=MONTH_OR_DATE_PATTERN)]  # a real month or day: FollowUp checks it
PositiveInt = Annotated[int, Meta(gt=0)]


class Lengths(TypedDict, total=False):
    """The constraints `doc()` takes: the length of a text or a list (a number's bounds are given with `Meta`)."""

    min_length: int
    max_length: int


def doc(description: str, **constraints: Unpack[Lengths]) -> Meta:
    """A field's description (shown in the data reference, the JSON Schemas and error messages) and constraints."""
    return Meta(description=description, **constraints)


def url_or_citation_fault(value: str) -> str | None:
    """Why `value` is neither a web address nor a citation in words, or None if it is one of them."""
    if LOOKS_LIKE_ADDRESS.match(value) and not re.search(URL_PATTERN, value):
        return "it starts like a web address but is not a whole one, such as 'https://kemenpppa.go.id'"
    return None


class FieldError(ValueError):
    """A check across a model's fields failed; `field` names the field the problem is reported at."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


@cache
def month_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day that a `YYYY-MM` or `YYYY-MM-DD` value can mean (remembered: events share months)."""
    if len(value) > 7:
        day = dt.date.fromisoformat(value)  # ValueError for a 30 February
        return day, day
    year, month = int(value[:4]), int(value[5:7])
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} does not exist")
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


class Model(Struct, forbid_unknown_fields=True, frozen=True):
    """Base for every model: unknown keys are errors, values are not silently coerced between types.
    Each model is declared `kw_only=True`, so a required field may follow one with a default, and `frozen=True`
    again: msgspec inherits it, but type checkers follow PEP 681, where a subclass does not (msgspec issue #657)."""


class Organization(Model, kw_only=True, frozen=True):
    """A partner organisation of the program."""

    id: Annotated[Slug, doc("Short lowercase id used to refer to the organisation, e.g. `ecpat-indonesia`.")]
    name: Annotated[Text, doc("Full name as the organisation writes it.")]
    description: Annotated[Text, doc("One or two sentences on what the organisation does (from the sources).")]
    website: Annotated[Url, doc("The organisation's website.")]


class OrganizationsFile(Model, kw_only=True, frozen=True):
    """`data/organizations.yaml`."""

    organizations: Annotated[list[Organization], doc("Every organisation the data refers to.", min_length=1)]


class PartnerClass(Model, kw_only=True, frozen=True):
    """A class (parallel track) that one partner organisation ran at an event."""

    organization: Annotated[Slug, doc("Id of the organisation running the class (from organizations.yaml).")]
    topic: Annotated[Text | None, doc("The class's topic as the source states it; `null` where it does not.")]


class ScheduleItem(Model, kw_only=True, frozen=True):
    """One block of a day's programme: a curriculum module, or another activity such as a break."""

    module: Annotated[Slug | None, doc("Id of a curriculum module; its duration is used.")] = None
    title: Annotated[Text | None, doc("Title of an activity that is not a module (a break …).")] = None
    minutes: Annotated[PositiveInt | None, doc("Length of a non-module activity in minutes.")] = None

    def __post_init__(self) -> None:
        if self.module is None and (self.title is None or self.minutes is None):
            raise ValueError("give either `module`, or `title` and `minutes`")
        if self.module is not None and (self.title is not None or self.minutes is not None):
            raise ValueError("a module block takes its title and minutes from the module; give only `module`")


class DaySchedule(Model, kw_only=True, frozen=True):
    """A day's timed programme; clock times are computed from the start and each block's length."""

    start: Annotated[ClockTime, doc("When the first block starts, `HH:MM`.")]
    items: Annotated[list[ScheduleItem], doc("The blocks in order.", min_length=1)]


class Day(Model, kw_only=True, frozen=True):
    """One day of an event."""

    date: Annotated[dt.date, doc("The day, `YYYY-MM-DD`; must fall inside the event.")]
    audiences: Annotated[list[Audience], doc("Who the day was for.", min_length=1)]
    participants_mostly: Annotated[list[Audience], doc("Who most participants were, where the source says so.")] = []
    topics: Annotated[list[Text], doc("Topics the day covered.", min_length=1)]
    formats: Annotated[list[Method], doc("How the day was run (presentation, group discussion …).", min_length=1)]
    co_facilitators: Annotated[list[Slug], doc("Organisations that co-facilitated the day (ids).")] = []
    questions_raised: Annotated[list[Text], doc("Questions and responses participants brought up.")] = []
    issues_raised: Annotated[list[Text], doc("Issues participants raised, such as grooming or sexting.")] = []
    modules: Annotated[list[Slug], doc("Curriculum modules that cover the day's topics (ids).")] = []
    schedule: Annotated[DaySchedule | None, doc("The day's timed programme, where it is known.")] = None


class FollowUp(Model, kw_only=True, frozen=True):
    """Where the program goes next after an event."""

    city: Annotated[Text, doc("City of the next stop, official spelling (e.g. Parepare).")]
    province: Annotated[Text, doc("Province of the next stop.")]
    date: Annotated[MonthOrDate | None, doc("When, as `YYYY-MM` or `YYYY-MM-DD`; must be after the event ends.")] = None
    event: Annotated[Slug | None, doc("Id of the follow-up event, once it is in the data.")] = None

    def __post_init__(self) -> None:
        if self.date is not None:
            try:
                month_bounds(self.date)
            except ValueError as err:  # a month 13 or a 30 February
                raise FieldError("date", str(err)) from None


class Report(Model, kw_only=True, frozen=True):
    """The published report an event's data comes from."""

    title: Annotated[Text, doc("Title of the report.")]
    author: Annotated[Text, doc("Who wrote it.")]
    author_role: Annotated[Text | None, doc("The author's role, or `null` if the report does not say.")]
    publisher: Annotated[Slug, doc("Id of the organisation that published it.")]
    url: Annotated[Url, doc("Where the report is published.")]


class Event(Model, kw_only=True, frozen=True):
    """One workshop of the program."""

    id: Annotated[Slug, doc("Lowercase slug, unique; becomes the page address `/acara/<id>/`.")]
    program: Annotated[Text, doc("The program the event belongs to, e.g. Smart School Online.")]
    title: Annotated[Text, doc("Title of the event.")]
    status: Annotated[EventStatus, doc("planned, held or cancelled.")]
    start: Annotated[dt.date, doc("First day, `YYYY-MM-DD`.")]
    end: Annotated[dt.date, doc("Last day, `YYYY-MM-DD`; not before `start`.")]
    city: Annotated[Text, doc("City where the event took place.")]
    province: Annotated[Text, doc("Province of that city.")]
    organizer: Annotated[Slug, doc("Id of the organising organisation.")]
    partner_classes: Annotated[list[PartnerClass], doc("One entry per organisation that ran a class.", min_length=1)]
    days: Annotated[list[Day], doc("The event day by day.", min_length=1)]
    follow_up: Annotated[FollowUp, doc("Where the program goes next.")]
    report: Annotated[Report | None, doc("The source report of the event.")] = None


class EventsFile(Model, kw_only=True, frozen=True):
    """`data/events.yaml`."""

    events: Annotated[list[Event], doc("Every event of the program.")]


class AgeBand(Model, kw_only=True, frozen=True):
    """Ages a youth module is written for."""

    min: Annotated[int, Meta(description="Youngest age.", ge=6, le=18)]
    max: Annotated[int, Meta(description="Oldest age.", ge=6, le=18)]


class AgendaStep(Model, kw_only=True, frozen=True):
    """One step of a lesson."""

    title: Annotated[Text, doc("What happens in this step.")]
    minutes: Annotated[PositiveInt, doc("How long it takes; steps add up to the module's duration.")]
    method: Annotated[Method, doc("How it is run: presentasi, diskusi-kelompok, studi-kasus …")]
    core: Annotated[
        bool,
        doc(
            "Part of the 40-minute plan (one school period). The first step (opening, group agreement, "
            "safeguarding) and the last (closing: who to talk to) must be core; core steps add up to 30-40 minutes."
        ),
    ] = False
    core_minutes: Annotated[
        PositiveInt | None,
        doc("A shorter length for this step in the 40-minute plan; not more than `minutes`. Only on core steps."),
    ] = None


class QuizQuestion(Model, kw_only=True, frozen=True):
    """A quiz question without its answer, as public exports carry it (participants could read them there)."""

    question: Annotated[Text, doc("The statement or question, in plain words.")]
    options: Annotated[
        list[Text],
        doc('2-4 distinct choices; a true/false question has `["Benar", "Salah"]`.', min_length=2, max_length=4),
    ]


class QuizItem(QuizQuestion, kw_only=True, frozen=True):
    """One question of a module's check of learning: true/false or multiple choice, with one right answer."""

    answer: Annotated[Text, doc("The right choice: exactly one of `options`, written the same way.")]
    explanation: Annotated[Text, doc("One line on why the answer is right (facilitator key and self-check only).")]


class AgeNotes(Model, kw_only=True, frozen=True):
    """What a facilitator changes for each school level of a youth module (SMP 12-14, SMA 15-18)."""

    smp: Annotated[Text, doc("For SMP (12-14 years): language, examples, which activities to use or shorten.")]
    sma: Annotated[Text, doc("For SMA (15-18 years): language, examples, which activities to use or shorten.")]


class Source(Model, kw_only=True, frozen=True):
    """A source a module cites: a web page, or a file in this project."""

    title: Annotated[Text, doc("Title of the source.")]
    url: Annotated[Url | None, doc("Address of a web source.")] = None
    file: Annotated[Text | None, doc("Path of a file in this project, from its root.")] = None

    def __post_init__(self) -> None:
        if (self.url is None) == (self.file is None):
            raise ValueError("give exactly one of `url` and `file`")


class Module(Model, kw_only=True, frozen=True):
    """A curriculum module: the front matter of `curriculum/<track>/<id>.md`."""

    id: Annotated[Slug, doc("Lowercase slug, equal to the file name; page address `/kurikulum/<track>/<id>/`.")]
    title: Annotated[Text, doc("Title of the lesson.")]
    track: Annotated[Track, doc("dewasa (adults) or remaja (young people); equal to the folder.")]
    order: Annotated[PositiveInt, doc("Position within the track (facilitator pack, navigation).")]
    audiences: Annotated[list[Audience], doc("Who the lesson is for.", min_length=1)]
    age_band: Annotated[AgeBand | None, doc("Ages, for youth modules only.")] = None
    duration_minutes: Annotated[PositiveInt, doc("Length of the session; equals the sum of agenda minutes.")]
    summary: Annotated[Text, doc("One or two sentences on what the session is about.")]
    objectives: Annotated[list[Text], doc("What participants can do afterwards (Peserta mampu …).", min_length=2)]
    key_messages: Annotated[list[Text], doc("Sentences participants should remember.", min_length=1)]
    agenda: Annotated[list[AgendaStep], doc("The steps, in order.", min_length=1)]
    materials: Annotated[list[Text], doc("What the facilitator needs.")] = []
    discussion_questions: Annotated[list[Text], doc("Questions for discussion.", min_length=1)]
    take_home: Annotated[list[Text], doc("Points for participants to take home to families.", min_length=1)]
    quiz: Annotated[
        list[QuizItem],
        doc(
            "Check of learning: 3-6 questions (self-check, before/after sheet, answer key). Answers stay out of "
            "participant views and public data exports.",
            min_length=3,
            max_length=6,
        ),
    ]
    age_notes: Annotated[
        AgeNotes | None, doc("What changes for SMP and SMA: required on youth modules, forbidden on adult ones.")
    ] = None
    related: Annotated[list[Slug], doc("Ids of related modules.")] = []
    reviewed: Annotated[dt.date | None, doc("When the content (legal content above all) was last reviewed.")] = None
    sources: Annotated[list[Source], doc("Sources of the facts the module states.", min_length=1)]


class Contact(Model, kw_only=True, frozen=True):
    """One way to reach a help channel."""

    kind: Annotated[Literal["telepon", "whatsapp", "web"], doc("telepon, whatsapp or web.")]
    value: Annotated[
        Text, doc("Number as it is dialled (digits and hyphens, e.g. a mobile number `0811-…`) or the web address.")
    ]
    extension: Annotated[
        Annotated[str, Meta(pattern=r"^\d{1,6}$(?!\n)")] | None,
        doc("Digits dialled after the call is answered (`8` for a line written `… ext. 8`); telephone only."),
    ] = None


class HelpChannel(Model, kw_only=True, frozen=True):
    """A help or reporting channel (from ../shared/sources/facts.md)."""

    id: Annotated[Slug, doc("Lowercase slug, unique.")]
    name: Annotated[Text, doc("Name of the channel, e.g. SAPA 129.")]
    operator: Annotated[Text | None, doc("Who runs it, e.g. Kementerian PPPA.")] = None
    purpose: Annotated[Text, doc("What it is for, in plain words.")]
    contacts: Annotated[list[Contact], doc("Telephone, WhatsApp and web contacts.")] = []
    note: Annotated[
        Text | None, doc("How to reach it where it has no direct contact, or what it must not be mistaken for.")
    ] = None
    short_name: Annotated[Text | None, doc("Name in running text, e.g. `Polri 110`; `name` when not given.")] = None
    urgent: Annotated[bool, doc("Shown first and in the short help box.")] = False
    crisis: Annotated[bool, doc("A crisis line for someone in distress: shown in the short help box too.")] = False
    status: Annotated[Literal["verified", "unverified"], doc("Only verified channels are published.")]
    verified: Annotated[dt.date, doc("When the details were last checked against the source.")]
    source: Annotated[
        UrlOrCitation, doc("Public source that confirms the details: a web address (https://…) or a citation in words.")
    ]

    def __post_init__(self) -> None:
        fault = url_or_citation_fault(self.source)
        if fault is not None:
            raise FieldError("source", fault)


class HelpFile(Model, kw_only=True, frozen=True):
    """`data/help.yaml`."""

    channels: Annotated[list[HelpChannel], doc("Every help and reporting channel.", min_length=1)]


class GlossaryTerm(Model, kw_only=True, frozen=True):
    """A term explained in the glossary and shown as a tooltip where it appears."""

    id: Annotated[Slug, doc("Lowercase slug; the glossary anchor `/glosarium/#<id>`.")]
    term: Annotated[Text, doc("The term as it is headed, with its Indonesian gloss.")]
    aliases: Annotated[
        list[Annotated[str, Meta(pattern=ALIAS_PATTERN)]],
        doc("Words in running text that show the definition on hover."),
    ] = []
    definition: Annotated[Text, doc("A plain definition in the site's own words.")]
    source: Annotated[Url | None, doc("Source of the definition, where there is one.")] = None


class GlossaryFile(Model, kw_only=True, frozen=True):
    """`data/glossary.yaml`."""

    terms: Annotated[list[GlossaryTerm], doc("Every glossary term.", min_length=1)]
