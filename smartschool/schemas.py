"""JSON Schemas for the data files, exported from the models so editors can autocomplete and underline mistakes."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from msgspec import Struct
from msgspec.json import schema, schema_components

from .models import EventsFile, GlossaryFile, HelpFile, Module, OrganizationsFile

SCHEMA_DIR = "data/schemas"
SCHEMAS: dict[str, type[Struct]] = {
    "events.schema.json": EventsFile,
    "organizations.schema.json": OrganizationsFile,
    "help.schema.json": HelpFile,
    "glossary.schema.json": GlossaryFile,
    "module.schema.json": Module,  # the front matter of curriculum/<track>/<id>.md
}


@cache
def model_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of every model, by model name (one pass over all the models)."""
    _, definitions = schema_components(SCHEMAS.values())
    return definitions


def file_schema(model: type[Struct]) -> dict[str, Any]:
    """A self-contained schema for one file: the model at the root, the models it uses under `$defs`."""
    definitions = dict(schema(model)["$defs"])
    root = {"$schema": "https://json-schema.org/draft/2020-12/schema", **definitions.pop(model.__name__)}
    return {**root, "$defs": definitions} if definitions else root


def schema_text(model: type[Struct]) -> str:
    """The schema of one file's model, as stable, pretty-printed JSON."""
    return json.dumps(file_schema(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(root: Path) -> list[Path]:
    """Write every schema under `data/schemas/`; return the paths written."""
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[str]:
    """Names of committed schemas that differ from what the models export now."""
    folder = root / SCHEMA_DIR
    return [
        name
        for name, model in SCHEMAS.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != schema_text(model)
    ]
