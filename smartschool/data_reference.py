"""The data reference for maintainers, generated from the models so it cannot drift from the code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from msgspec import Struct

from . import models
from .render import render
from .schemas import model_schemas

# The files maintainers edit, and the models of their items, in the order a maintainer meets them.
SECTIONS: tuple[tuple[str, tuple[type[Struct], ...]], ...] = (
    (
        "data/events.yaml",
        (
            models.Event,
            models.PartnerClass,
            models.Day,
            models.DaySchedule,
            models.ScheduleItem,
            models.FollowUp,
            models.Report,
        ),
    ),
    ("data/organizations.yaml", (models.Organization,)),
    ("curriculum/<track>/<id>.md (front matter)", (models.Module, models.AgendaStep, models.AgeBand, models.Source)),
    ("data/help.yaml", (models.HelpChannel, models.Contact)),
    ("data/glossary.yaml", (models.GlossaryTerm,)),
)


PATTERNS = {
    models.SLUG_PATTERN: "id (a-z, 0-9, single hyphens)",
    models.TEXT_PATTERN: "text",
    models.MONTH_OR_DATE_PATTERN: "month or date (YYYY-MM or YYYY-MM-DD)",
    models.CLOCK_PATTERN: "time (HH:MM)",
    models.URL_PATTERN: "web address (https://…)",
    models.ALIAS_PATTERN: "text without brackets",
}


@dataclass(frozen=True)
class FieldRow:
    name: str
    type: str
    required: bool
    description: str


def _type_of(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return "one of: " + ", ".join(str(v) for v in schema["enum"])
    if "const" in schema:
        return f"exactly {schema['const']}"
    if "anyOf" in schema:
        options = [_type_of(option) for option in schema["anyOf"]]
        return " or ".join(options)
    kind = str(schema.get("type", "any"))
    if kind == "array":
        return f"list of {_type_of(schema.get('items', {}))}"
    if kind == "string" and schema.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if kind == "string" and "pattern" in schema:
        return PATTERNS.get(schema["pattern"], f"text matching {schema['pattern']}")
    if kind == "integer":
        return "whole number" + _range_of(schema)
    return {"string": "text", "integer": "whole number", "boolean": "true or false", "null": "null"}.get(kind, kind)


def _range_of(schema: dict[str, Any]) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    if "exclusiveMinimum" in schema:
        low = schema["exclusiveMinimum"] + 1  # whole numbers
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" from {low}"
    return f" up to {high}" if high is not None else ""


def field_rows(model: type[Struct]) -> list[FieldRow]:
    """One row per field of `model`: name, type, whether it is required, and its description."""
    schema = model_schemas()[model.__name__]
    required = set(schema.get("required", []))
    return [
        FieldRow(name, _type_of(prop), name in required, prop.get("description", ""))
        for name, prop in schema["properties"].items()
    ]


def data_reference() -> str:
    """HTML tables for every model, grouped by the file it describes."""
    sections = [
        (file, [(model.__name__, (model.__doc__ or "").strip(), field_rows(model)) for model in group])
        for file, group in SECTIONS
    ]
    return render("data_reference.html", sections=sections)
