"""Validate YAML data against the models and turn pydantic's errors into precise, located problems."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .models import SLUG_PATTERN
from .problems import Problem
from .yamlsource import YamlSource, dotted

M = TypeVar("M", bound=BaseModel)


def check_items(source: YamlSource, key: str, model: type[M], kind: str) -> tuple[list[tuple[int, M]], list[Problem]]:
    """Validate every item of the list under `key`; return the valid items (with their index) and all problems."""
    data = source.data
    if not isinstance(data, dict):
        return [], [source.problem((), "", "", f"the file holds {_kind_of(data)}, expected a mapping with a '{key}' list")]
    problems = [
        source.problem((extra,), "", str(extra), _unknown_key(str(extra), [key]), key=True)
        for extra in data if extra != key and not str(extra).startswith("$")
    ]
    items = data.get(key)
    if not isinstance(items, list):
        return [], [*problems, source.problem((key,), "", key, f"{_kind_of(items)}, expected a list of {kind}s")]
    valid: list[tuple[int, M]] = []
    for index, raw in enumerate(items):
        subject = subject_of(kind, raw, index)
        if not isinstance(raw, dict):
            problems.append(source.problem((key, index), subject, "", f"{_kind_of(raw)}, expected a mapping"))
            continue
        try:
            valid.append((index, model.model_validate(raw)))
        except ValidationError as err:
            problems.extend(_located(source, (key, index), subject, model, e) for e in err.errors())
    return valid, problems


def check_document(source: YamlSource, model: type[M], subject: str) -> tuple[M | None, list[Problem]]:
    """Validate a whole document (such as front matter) against one model."""
    if not isinstance(source.data, dict):
        return None, [source.problem((), subject, "", f"{_kind_of(source.data)}, expected a mapping")]
    try:
        return model.model_validate(source.data), []
    except ValidationError as err:
        return None, [_located(source, (), subject, model, e) for e in err.errors()]


def subject_of(kind: str, raw: Any, index: int) -> str:
    """How a problem names its item: by id where it has a usable one, else by position."""
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"{kind} '{ident}'" if isinstance(ident, str) and ident else f"{kind} #{index + 1}"


def _located(source: YamlSource, base: tuple, subject: str, model: type[BaseModel], error: ErrorDetails) -> Problem:
    loc = tuple(error["loc"])
    is_extra = error["type"] == "extra_forbidden"
    message = _describe(error, model, loc)
    return source.problem((*base, *loc), subject, dotted(loc), message, key=is_extra)


def _describe(error: ErrorDetails, model: type[BaseModel], loc: tuple) -> str:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"missing, expected {_expected(model, loc)}"
    if kind == "extra_forbidden":
        return _unknown_key(str(loc[-1]), _allowed_keys(model, loc[:-1]))
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern == SLUG_PATTERN:
            return f"{value!r} is not a lowercase slug, expected letters a-z, digits and single hyphens (like 'kupang-2018')"
        if pattern.startswith("^https?"):
            return f"{value!r} is not a web address, expected a URL starting with https:// or http://"
        if "\\d{4}" in pattern:
            return f"{value!r} is not a month or date, expected YYYY-MM or YYYY-MM-DD"
        return f"{value!r} does not match {pattern}"
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_from_datetime_inexact", "date_type"}:
        return f"{value!r} is not a real date, expected YYYY-MM-DD"
    if kind == "literal_error":
        return f"{value!r} is not allowed, expected one of: {ctx.get('expected', '')}"
    if kind == "too_short":
        return f"is empty, expected at least {ctx.get('min_length', 1)} item(s)"
    if kind == "string_too_short":
        return "is empty, expected text"
    if kind == "value_error":
        return f"{value!r} is not valid ({ctx.get('error', error['msg'])}), expected {_expected(model, loc)}"
    if kind in {"string_type", "list_type", "model_type", "model_attributes_type", "dict_type", "int_type",
                "int_parsing", "bool_type", "int_from_float", "greater_than", "less_than_equal", "greater_than_equal"}:
        return f"{_kind_of(value)} is not accepted ({error['msg'].lower()}), expected {_expected(model, loc)}"
    return f"{error['msg']}, expected {_expected(model, loc)}"


def _unknown_key(name: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key '{name}'{hint}, expected one of: {', '.join(allowed)}"


def _kind_of(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {value!r}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    return f"the text {value!r}"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that holds the field at `loc` (walking through lists and optionals)."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None or step not in fields:
            return None
        current = _unwrap(fields[step].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, tuple, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else (args[0] if args else annotation)
            if annotation is not None and typing.get_origin(annotation) is None:
                return annotation
        else:
            return annotation


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    holder = _model_at(model, loc)
    return list(holder.model_fields) if holder else []


def _expected(model: type[BaseModel], loc: tuple) -> str:
    holder = _model_at(model, tuple(step for step in loc[:-1]))
    name = next((step for step in reversed(loc) if isinstance(step, str)), None)
    if holder and name in holder.model_fields and holder.model_fields[name].description:
        description = holder.model_fields[name].description or ""
        return description[0].lower() + description[1:].rstrip(".")
    return "a valid value"
