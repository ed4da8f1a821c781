"""Data models, declared once: they validate the YAML, give typed access and export JSON Schemas."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PositiveInt, StringConstraints, model_validator

from .vocabulary import AUDIENCES, EVENT_STATUSES, METHODS, TRACKS

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/$.?#][^\s]*$")]
Audience = Literal[tuple(AUDIENCES)]  # type: ignore[valid-type]
Method = Literal[tuple(METHODS)]  # type: ignore[valid-type]
EventStatus = Literal[tuple(EVENT_STATUSES)]  # type: ignore[valid-type]
Track = Literal[tuple(TRACKS)]  # type: ignore[valid-type]
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


def _real_month_or_date(value: str) -> str:
    month_bounds(value)  # raises ValueError for a month 13 or a 30 February
    return value


MonthOrDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
    AfterValidator(_real_month_or_date),
]


def month_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day that a `YYYY-MM` or `YYYY-MM-DD` value can mean."""
    if len(value) > 7:
        day = dt.date.fromisoformat(value)  # ValueError for a 30 February
        return day, day
    year, month = int(value[:4]), int(value[5:7])
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} does not exist")
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


class Model(BaseModel):
    """Base for every model: unknown keys are errors, values are not silently coerced between types."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Organization(Model):
    """A partner organisation of the program."""

    id: Slug = Field(description="Short lowercase id used to refer to the organisation, e.g. `ecpat-indonesia`.")
    name: Text = Field(description="Full name as the organisation writes it.")
    description: Text = Field(description="One or two sentences on what the organisation does (from the sources).")
    website: Url = Field(description="The organisation's website.")


class OrganizationsFile(Model):
    """`data/organizations.yaml`."""

    organizations: list[Organization] = Field(min_length=1, description="Every organisation the data refers to.")


class PartnerClass(Model):
    """A class (parallel track) that one partner organisation ran at an event."""

    organization: Slug = Field(description="Id of the organisation running the class (from organizations.yaml).")
    topic: Text | None = Field(description="The class's topic as the source states it; `null` where it does not.")


class ScheduleItem(Model):
    """One block of a day's programme: a curriculum module, or another activity such as a break."""

    module: Slug | None = Field(default=None, description="Id of a curriculum module; its duration is used.")
    title: Text | None = Field(default=None, description="Title of an activity that is not a module (a break …).")
    minutes: PositiveInt | None = Field(default=None, description="Length of a non-module activity in minutes.")

    @model_validator(mode="after")
    def _module_or_activity(self) -> ScheduleItem:
        if self.module is None and (self.title is None or self.minutes is None):
            raise ValueError("give either `module`, or `title` and `minutes`")
        if self.module is not None and (self.title is not None or self.minutes is not None):
            raise ValueError("a module block takes its title and minutes from the module; give only `module`")
        return self


class DaySchedule(Model):
    """A day's timed programme; clock times are computed from the start and each block's length."""

    start: ClockTime = Field(description="When the first block starts, `HH:MM`.")
    items: list[ScheduleItem] = Field(min_length=1, description="The blocks in order.")


class Day(Model):
    """One day of an event."""

    date: dt.date = Field(description="The day, `YYYY-MM-DD`; must fall inside the event.")
    audiences: list[Audience] = Field(min_length=1, description="Who the day was for.")
    participants_mostly: list[Audience] = Field(
        default_factory=list, description="Who most participants were, where the source says so.")
    topics: list[Text] = Field(min_length=1, description="Topics the day covered.")
    formats: list[Method] = Field(min_length=1, description="How the day was run (presentation, group discussion …).")
    co_facilitators: list[Slug] = Field(
        default_factory=list, description="Organisations that co-facilitated the day (ids).")
    questions_raised: list[Text] = Field(
        default_factory=list, description="Questions and responses participants brought up.")
    issues_raised: list[Text] = Field(
        default_factory=list, description="Issues participants raised, such as grooming or sexting.")
    modules: list[Slug] = Field(
        default_factory=list, description="Curriculum modules that cover the day's topics (ids).")
    schedule: DaySchedule | None = Field(
        default=None, description="The day's timed programme, where it is known.")


class FollowUp(Model):
    """Where the program goes next after an event."""

    city: Text = Field(description="City of the next stop, official spelling (e.g. Parepare).")
    province: Text = Field(description="Province of the next stop.")
    date: MonthOrDate | None = Field(
        default=None, description="When, as `YYYY-MM` or `YYYY-MM-DD`; must be after the event ends.")
    event: Slug | None = Field(default=None, description="Id of the follow-up event, once it is in the data.")


class Report(Model):
    """The published report an event's data comes from."""

    title: Text = Field(description="Title of the report.")
    author: Text = Field(description="Who wrote it.")
    author_role: Text | None = Field(description="The author's role, or `null` if the report does not say.")
    publisher: Slug = Field(description="Id of the organisation that published it.")
    url: Url = Field(description="Where the report is published.")


class Event(Model):
    """One workshop of the program."""

    id: Slug = Field(description="Lowercase slug, unique; becomes the page address `/acara/<id>/`.")
    program: Text = Field(description="The program the event belongs to, e.g. Smart School Online.")
    title: Text = Field(description="Title of the event.")
    status: EventStatus = Field(description="planned, held or cancelled.")
    start: dt.date = Field(description="First day, `YYYY-MM-DD`.")
    end: dt.date = Field(description="Last day, `YYYY-MM-DD`; not before `start`.")
    city: Text = Field(description="City where the event took place.")
    province: Text = Field(description="Province of that city.")
    organizer: Slug = Field(description="Id of the organising organisation.")
    partner_classes: list[PartnerClass] = Field(
        min_length=1, description="One entry per organisation that ran a class.")
    days: list[Day] = Field(min_length=1, description="The event day by day.")
    follow_up: FollowUp = Field(description="Where the program goes next.")
    report: Report | None = Field(default=None, description="The source report of the event.")


class EventsFile(Model):
    """`data/events.yaml`."""

    events: list[Event] = Field(description="Every event of the program.")


class AgeBand(Model):
    """Ages a youth module is written for."""

    min: int = Field(ge=6, le=18, description="Youngest age.")
    max: int = Field(ge=6, le=18, description="Oldest age.")


class AgendaStep(Model):
    """One step of a lesson."""

    title: Text = Field(description="What happens in this step.")
    minutes: PositiveInt = Field(description="How long it takes; steps add up to the module's duration.")
    method: Method = Field(description="How it is run: presentasi, diskusi-kelompok, studi-kasus …")


class Source(Model):
    """A source a module cites: a web page, or a file in this project."""

    title: Text = Field(description="Title of the source.")
    url: Url | None = Field(default=None, description="Address of a web source.")
    file: Text | None = Field(default=None, description="Path of a file in this project, from its root.")

    @model_validator(mode="after")
    def _url_or_file(self) -> Source:
        if (self.url is None) == (self.file is None):
            raise ValueError("give exactly one of `url` and `file`")
        return self


class Module(Model):
    """A curriculum module: the front matter of `curriculum/<track>/<id>.md`."""

    id: Slug = Field(description="Lowercase slug, equal to the file name; page address `/kurikulum/<track>/<id>/`.")
    title: Text = Field(description="Title of the lesson.")
    track: Track = Field(description="dewasa (adults) or remaja (young people); equal to the folder.")
    order: PositiveInt = Field(description="Position within the track (facilitator pack, navigation).")
    audiences: list[Audience] = Field(min_length=1, description="Who the lesson is for.")
    age_band: AgeBand | None = Field(default=None, description="Ages, for youth modules only.")
    duration_minutes: PositiveInt = Field(description="Length of the session; equals the sum of agenda minutes.")
    summary: Text = Field(description="One or two sentences on what the session is about.")
    objectives: list[Text] = Field(min_length=2, description="What participants can do afterwards (Peserta mampu …).")
    key_messages: list[Text] = Field(min_length=1, description="Sentences participants should remember.")
    agenda: list[AgendaStep] = Field(min_length=1, description="The steps, in order.")
    materials: list[Text] = Field(default_factory=list, description="What the facilitator needs.")
    discussion_questions: list[Text] = Field(min_length=1, description="Questions for discussion.")
    take_home: list[Text] = Field(min_length=1, description="Points for participants to take home to families.")
    related: list[Slug] = Field(default_factory=list, description="Ids of related modules.")
    reviewed: dt.date | None = Field(default=None, description="When the content (legal content above all) was last reviewed.")
    sources: list[Source] = Field(min_length=1, description="Sources of the facts the module states.")


class Contact(Model):
    """One way to reach a help channel."""

    kind: Literal["telepon", "whatsapp", "web"] = Field(description="telepon, whatsapp or web.")
    value: Text = Field(description="Number as it is dialled (`129`, `08111-129-129`) or the web address.")


class HelpChannel(Model):
    """A help or reporting channel (from ../shared/sources/facts.md)."""

    id: Slug = Field(description="Lowercase slug, unique.")
    name: Text = Field(description="Name of the channel, e.g. SAPA 129.")
    operator: Text | None = Field(default=None, description="Who runs it, e.g. Kementerian PPPA.")
    purpose: Text = Field(description="What it is for, in plain words.")
    contacts: list[Contact] = Field(default_factory=list, description="Telephone, WhatsApp and web contacts.")
    note: Text | None = Field(default=None, description="How to reach it where it has no direct contact.")
    urgent: bool = Field(default=False, description="Shown first and in the short help box.")
    status: Literal["verified", "unverified"] = Field(description="Only verified channels are published.")
    verified: dt.date = Field(description="When the details were last checked against the source.")
    source: Text = Field(description="Public source that confirms the details: a web address or a citation.")


class HelpFile(Model):
    """`data/help.yaml`."""

    channels: list[HelpChannel] = Field(min_length=1, description="Every help and reporting channel.")


class GlossaryTerm(Model):
    """A term explained in the glossary and shown as a tooltip where it appears."""

    id: Slug = Field(description="Lowercase slug; the glossary anchor `/glosarium/#<id>`.")
    term: Text = Field(description="The term as it is headed, with its Indonesian gloss.")
    aliases: list[Annotated[str, StringConstraints(pattern=r"^[^\[\]\n]+$")]] = Field(
        default_factory=list, description="Words in running text that show the definition on hover.")
    definition: Text = Field(description="A plain definition in the site's own words.")
    source: Url | None = Field(default=None, description="Source of the definition, where there is one.")


class GlossaryFile(Model):
    """`data/glossary.yaml`."""

    terms: list[GlossaryTerm] = Field(min_length=1, description="Every glossary term.")
