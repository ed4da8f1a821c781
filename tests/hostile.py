"""Hostile copies of the project: every free-text field of the modules and every glossary definition and alias
hold strings that would run script if any output treated them as markup.

The text fields are found from the models (msgspec type info: a `str` with the text pattern), so a new field is
covered the day it is added."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec.inspect as mi
import yaml

from smartschool.models import TEXT_PATTERN, EventsFile, GlossaryFile, HelpFile, Module, OrganizationsFile

DATA_FILES = {
    "events.yaml": EventsFile,
    "organizations.yaml": OrganizationsFile,
    "help.yaml": HelpFile,
    "glossary.yaml": GlossaryFile,
}

# Each sets `window.__pwned` or opens a dialog if it ever becomes markup.
PAYLOADS = (
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    '&lt;img src=x onerror="window.__pwned=2;alert(2)"&gt;',
    '<svg onload="window.__pwned=3;alert(3)"></svg>',
    '"><script>window.__pwned=4;alert(4)</script>',
)


# Text fields that rules across fields constrain further, so no hostile value can pass validation there: a module
# source's `file` (an existing file of the project) and a help contact's `value` (a number or address, by kind).
NOT_FREE_TEXT = {("file",), ("value",)}


def _unwrap(t: mi.Type) -> list[mi.Type]:
    if isinstance(t, mi.Metadata):
        return _unwrap(t.type)
    if isinstance(t, mi.UnionType):
        return [x for member in t.types for x in _unwrap(member)]
    return [t]


def text_paths(t: mi.Type, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Paths of free-text fields under type `t`; `*` stands for every item of a list."""
    found: list[tuple[str, ...]] = []
    for inner in _unwrap(t):
        if isinstance(inner, mi.StrType) and inner.pattern == TEXT_PATTERN:
            if path[-1:] not in NOT_FREE_TEXT:
                found.append(path)
        elif isinstance(inner, mi.ListType):
            found += text_paths(inner.item_type, (*path, "*"))
        elif isinstance(inner, mi.StructType):
            for field in inner.fields:
                found += text_paths(field.type, (*path, field.name))
    return found


def _set(data: Any, path: tuple[str, ...], value: Any) -> None:
    head, rest = path[0], path[1:]
    if head == "*":
        for index, item in enumerate(data):
            if rest:
                _set(item, rest, value)
            else:
                data[index] = value(data[index])
    elif isinstance(data, dict) and head in data and data[head] is not None:
        if rest:
            _set(data[head], rest, value)
        else:
            data[head] = value(data[head])


def _hostile_values() -> Any:
    counter = iter(range(10**6))

    def hostile(old: str) -> str:
        payload = PAYLOADS[next(counter) % len(PAYLOADS)]
        return f"Peserta mampu {payload}" if old.startswith("Peserta mampu ") else f"{payload} {old[:20].strip()}"

    return hostile


def make_data_hostile(project: Path) -> None:
    """Rewrite every free-text field of every data file of the copy at `project` (found from each file's model)."""
    hostile = _hostile_values()
    for name, model in DATA_FILES.items():
        path = project / "data" / name
        data = yaml.safe_load(path.read_text("utf-8"))
        for field_path in text_paths(mi.type_info(model)):
            _set(data, field_path, hostile)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def make_hostile(project: Path) -> None:
    """Rewrite the modules' front matter and the glossary of the copy at `project` in place."""
    hostile = _hostile_values()

    paths = text_paths(mi.type_info(Module))
    for module in sorted((project / "curriculum").glob("*/*.md")):
        _, front, body = module.read_text("utf-8").split("---\n", 2)
        data = yaml.safe_load(front)
        quiz = data.get("quiz") or []
        answers = [item["options"].index(item["answer"]) for item in quiz]  # an answer must stay one of the options
        for path in paths:
            _set(data, path, hostile)
        for item, answer in zip(quiz, answers, strict=True):
            item["answer"] = item["options"][answer]
        module.write_text(f"---\n{yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}---\n{body}", "utf-8")
    glossary = project / "data/glossary.yaml"
    terms = yaml.safe_load(glossary.read_text("utf-8"))
    for index, term in enumerate(terms["terms"]):
        term["definition"] = PAYLOADS[index % len(PAYLOADS)]
        # An alias starts and ends with a letter or digit (help_rules.aliases_are_words): the payload sits inside.
        term["aliases"] = [*term.get("aliases", []), "x" + PAYLOADS[(index + 1) % len(PAYLOADS)] + f" {index}"]
    glossary.write_text(yaml.safe_dump(terms, allow_unicode=True, sort_keys=False), "utf-8")
