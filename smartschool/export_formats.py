"""The format of the JSON exports (`/data/<name>.json`): their items' models, version and JSON Schemas.

Each export is `{"$schema": <address of its schema>, "version": FORMAT_VERSION, "license": <content licence>,
"items": [...]}`; each item is a validated data item (the data model), with the address of its page where it has
one. The schema of each export is published next to it (`/data/<name>.schema.json`), generated from the same
models, so it cannot drift from what the build writes.

FORMAT_VERSION changes only when a change could break a reader: a field removed or renamed, or its meaning or
type changed. New optional fields do not change it.
"""

from __future__ import annotations

from typing import Annotated, Any

from msgspec import Meta, Struct
from msgspec.json import schema

from .licences import CONTENT_LICENSE_URL
from .models import Event, Module, Organization, QuizQuestion

FORMAT_VERSION = 1
JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"


class EventExport(Event, kw_only=True, frozen=True):
    """An event as exported: the data, and the address of its page."""

    url: Annotated[str, Meta(description="Address of the event's page on the site.")]


class ModuleExport(Module, kw_only=True, frozen=True):
    """A module as exported: its front matter, and the address of its lesson page. Its quiz has the questions and
    options only: answers and explanations stay out of public exports (participants could read them)."""

    # A deliberate narrowing of what is written, not a subtype: ModuleExport only describes the export's schema
    # and is never used where a Module is expected, so the quiz may hold the questions' base model.
    quiz: Annotated[  # type: ignore[assignment]
        list[QuizQuestion], Meta(description="The check of learning's questions, without answers.")
    ]

    url: Annotated[str, Meta(description="Address of the module's lesson page on the site.")]


# Export name (file `/data/<name>.json`) → the model of its items.
EXPORT_ITEMS: dict[str, type[Struct]] = {"events": EventExport, "modules": ModuleExport, "organizations": Organization}


def schema_address(site_url: str, name: str) -> str:
    """Where the schema of export `name` is published: `<site>/data/<name>.schema.json`."""
    return f"{site_url.rstrip('/')}/data/{name}.schema.json"


def envelope(site_url: str, name: str, items: list[Any]) -> dict[str, Any]:
    """The whole export document for `items` (plain JSON values)."""
    return {
        "$schema": schema_address(site_url, name),
        "version": FORMAT_VERSION,
        "license": CONTENT_LICENSE_URL,
        "items": items,
    }


def export_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of export `name`, from its item model. Raises KeyError for an unknown name."""
    model = EXPORT_ITEMS[name]
    definitions = schema(model)["$defs"]
    return {
        "$schema": JSON_SCHEMA_DRAFT,
        "title": f"Smart School Online: /data/{name}.json",
        "description": f"Format version {FORMAT_VERSION}. The content is licensed under {CONTENT_LICENSE_URL}.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string", "format": "uri"},
            "version": {"const": FORMAT_VERSION},
            "license": {"const": CONTENT_LICENSE_URL},
            "items": {"type": "array", "items": {"$ref": f"#/$defs/{model.__name__}"}},
        },
        "required": ["$schema", "version", "license", "items"],
        "additionalProperties": False,
        "$defs": definitions,
    }
