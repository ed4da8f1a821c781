"""JSON Schemas for the data files, exported from the models so editors can autocomplete and underline mistakes."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import EventsFile, GlossaryFile, HelpFile, Module, OrganizationsFile

SCHEMA_DIR = "data/schemas"
SCHEMAS: dict[str, type[BaseModel]] = {
    "events.schema.json": EventsFile,
    "organizations.schema.json": OrganizationsFile,
    "help.schema.json": HelpFile,
    "glossary.schema.json": GlossaryFile,
    "module.schema.json": Module,  # the front matter of curriculum/<track>/<id>.md
}


def schema_text(model: type[BaseModel]) -> str:
    """The schema of one file's model, as stable, pretty-printed JSON."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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
        name for name, model in SCHEMAS.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != schema_text(model)
    ]
