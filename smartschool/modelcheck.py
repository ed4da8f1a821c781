"""Validate YAML data against the models; when an item fails, find every fault in it, each located and explained.

msgspec converts a valid item in one fast step but stops at an item's first fault. Only a failing item is walked
again here, field by field against the model's declared types, so that all its faults are reported at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

import msgspec
from msgspec import inspect as typeinfo

from .models import ALIAS_PATTERN, CLOCK_PATTERN, MONTH_OR_DATE_PATTERN, SLUG_PATTERN, TEXT_PATTERN, URL_PATTERN
from .models import FieldError
from .problems import Problem, quoted
from .text_rules import text_fault, text_faults
from .yamlsource import YamlSource, dotted, double_quoted

M = TypeVar("M", bound=msgspec.Struct)
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Fault:
    """One thing wrong in an item: where (a path of keys and list positions) and what was expected."""

    loc: Loc
    message: str
    key: bool = False  # the fault is the key itself (an unknown key), not its value


def check_items(source: YamlSource, key: str, model: type[M], kind: str) -> tuple[list[tuple[int, M]], list[Problem]]:
    """Validate every item of the list under `key`; return the valid items (with their index) and all problems."""
    data = source.data
    if not isinstance(data, dict):
        message = f"the file holds {_kind_of(data)}, expected a mapping with a '{key}' list"
        return [], [source.problem((), "", "", message)]
    problems = [
        source.problem((extra,), "", str(extra), _unknown_key(str(extra), [key]), key=True)
        for extra in data if extra != key and not str(extra).startswith("$")
    ]
    items = data.get(key)
    if not isinstance(items, list):
        return [], [*problems, source.problem((key,), "", key, f"{_kind_of(items)}, expected a list of {kind}s")]
    valid: list[tuple[int, M]] = []
    convert = msgspec.convert
    check_text = source.may_hold_hidden_characters()
    for index, raw in enumerate(items):
        if not isinstance(raw, dict):
            problems.append(source.problem((key, index), subject_of(kind, raw, index), "",
                                           f"{_kind_of(raw)}, expected a mapping"))
            continue
        try:
            valid.append((index, convert(raw, model)))
        except msgspec.ValidationError as err:
            subject = subject_of(kind, raw, index)
            problems.extend(_located(source, (key, index), subject, fault) for fault in faults(raw, model, err))
        else:  # the types are right; the characters of the text are checked too (what no pattern can say)
            if check_text:
                problems.extend(_located(source, (key, index), subject_of(kind, raw, index), Fault(loc, message))
                                for loc, message in text_faults(raw))
    problems += _hidden_comments(source, lambda path: (subject_of(kind, items[path[1]], path[1]), path[2:])
                                 if len(path) >= 2 and path[0] == key and isinstance(path[1], int)
                                 and path[1] < len(items) else ("", path))
    return valid, problems


def check_document(source: YamlSource, model: type[M], subject: str) -> tuple[M | None, list[Problem]]:
    """Validate a whole document (such as front matter) against one model."""
    if not isinstance(source.data, dict):
        return None, [source.problem((), subject, "", f"{_kind_of(source.data)}, expected a mapping")]
    hidden = _hidden_comments(source, lambda path: (subject, path))
    try:
        document = msgspec.convert(source.data, model)
    except msgspec.ValidationError as err:
        return None, [*(_located(source, (), subject, fault) for fault in faults(source.data, model, err)), *hidden]
    text_problems = [_located(source, (), subject, Fault(loc, message)) for loc, message in
                     (text_faults(source.data) if source.may_hold_hidden_characters() else ())]
    return document, [*text_problems, *hidden]


def subject_of(kind: str, raw: Any, index: int) -> str:
    """How a problem names its item: by id where it has a usable one, else by position."""
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"{kind} {quoted(ident)}" if isinstance(ident, str) and ident else f"{kind} #{index + 1}"


def _hidden_comments(source: YamlSource, name: Callable[[Loc], tuple[str, Loc]]) -> list[Problem]:
    """A plain value cut short by `#` read as a comment: at the `#`, with the quoted text to write instead.

    `name` turns a value's path into the problem's subject and the path of its field within that subject.
    """
    problems = []
    for path, hidden in source.hidden_comments():
        subject, loc = name(path)
        lead = f"{path[-1]}:" if path and isinstance(path[-1], str) else "-"  # `title:`, or `-` for a list item
        written = double_quoted(f"{hidden.value} {hidden.dropped}")
        problems.append(Problem(source.name, hidden.line + 1 + source.line_offset, hidden.column + 1, subject,
                                dotted(loc), f"the text after '#' is read as a comment and dropped, expected the "
                                             f"whole text in quotes: {lead} {written}"))
    return problems


def faults(raw: dict, model: type[msgspec.Struct], error: msgspec.ValidationError) -> list[Fault]:
    """Every fault of an item that msgspec refused; never empty."""
    found = _struct_faults(raw, _info(model), ())
    return found or [Fault((), _plain(str(error)))]  # a fault the walk does not know: msgspec's own words


def _located(source: YamlSource, base: tuple, subject: str, fault: Fault) -> Problem:
    return source.problem((*base, *fault.loc), subject, dotted(fault.loc), fault.message, key=fault.key)


@cache
def _info(model: type[msgspec.Struct]) -> typeinfo.StructType:
    return typeinfo.type_info(model)  # type: ignore[return-value]


def _struct_faults(raw: Any, info: typeinfo.StructType, loc: Loc) -> list[Fault]:
    if not isinstance(raw, dict):
        return [Fault(loc, f"{_kind_of(raw)}, expected a mapping")]
    fields = {f.encode_name: f for f in info.fields}
    found = [Fault((*loc, name), _unknown_key(str(name), list(fields)), key=True) for name in raw if name not in fields]
    for name, spec in fields.items():
        if name in raw:
            found += _value_faults(raw[name], spec.type, (*loc, name), _expected_of(spec.type))
        elif spec.required:
            found.append(Fault((*loc, name), f"missing, expected {_expected_of(spec.type)}"))
    if found:
        return found
    try:  # the fields are sound: what is left is a check across them (a model's __post_init__)
        msgspec.convert(raw, info.cls)
    except msgspec.ValidationError as err:
        cause = err.__cause__
        if isinstance(cause, FieldError) and cause.field in fields:
            spec = fields[cause.field]
            return [Fault((*loc, cause.field),
                          f"{quoted(raw.get(cause.field))} is not valid ({cause}), expected {_expected_of(spec.type)}")]
        return [Fault(loc, _plain(str(err)))]
    return []


def _bare(kind: typeinfo.Type) -> typeinfo.Type:
    """The type without its metadata (description, constraints stay on the inner type)."""
    while isinstance(kind, typeinfo.Metadata):
        kind = kind.type
    return kind


def _value_faults(value: Any, kind: typeinfo.Type, loc: Loc, expected: str) -> list[Fault]:
    """Faults of one value against its declared type."""
    kind = _bare(kind)
    if isinstance(kind, typeinfo.UnionType):  # the models' unions are `X | None`
        if value is None and any(isinstance(t, typeinfo.NoneType) for t in kind.types):
            return []
        kind = _bare(next(t for t in kind.types if not isinstance(t, typeinfo.NoneType)))
    if isinstance(kind, typeinfo.StructType):
        return _struct_faults(value, kind, loc)
    if isinstance(kind, typeinfo.ListType):
        if not isinstance(value, list):
            return [Fault(loc, f"{_kind_of(value)} is not accepted, expected {expected}")]
        if kind.min_length and len(value) < kind.min_length:
            have = "is empty" if not value else f"has {len(value)} item(s)"
            return [Fault(loc, f"{have}, expected at least {kind.min_length} item(s)")]
        return [fault for index, item in enumerate(value)
                for fault in _value_faults(item, kind.item_type, (*loc, index), expected)]
    message = _leaf_fault(value, kind, expected)
    return [Fault(loc, message)] if message else []


def _leaf_fault(value: Any, kind: typeinfo.Type, expected: str) -> str | None:
    """What is wrong with a single value, or None if nothing is."""
    if isinstance(kind, typeinfo.LiteralType):
        if value in kind.values and type(value) is type(kind.values[0]):
            return None
        return f"{quoted(value)} is not allowed, expected one of: {', '.join(repr(v) for v in kind.values)}"
    if isinstance(kind, typeinfo.DateType):
        try:
            msgspec.convert(value, dt.date)
        except msgspec.ValidationError:
            return f"{quoted(value)} is not a real date, expected YYYY-MM-DD"
        return None
    if isinstance(kind, typeinfo.StrType):
        if not isinstance(value, str):
            return f"{_kind_of(value)} is not accepted, expected {expected}"
        if kind.pattern and not re.search(kind.pattern, value):
            return _pattern_fault(value, kind.pattern, expected)
        return text_fault(value)
    if isinstance(kind, typeinfo.IntType):
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{_kind_of(value)} is not accepted, expected {expected}"
        if kind.gt is not None and value <= kind.gt:
            return f"{_kind_of(value)} is not accepted (it must be more than {kind.gt}), expected {expected}"
        if kind.ge is not None and value < kind.ge:
            return f"{_kind_of(value)} is not accepted (it must be at least {kind.ge}), expected {expected}"
        if kind.le is not None and value > kind.le:
            return f"{_kind_of(value)} is not accepted (it must be at most {kind.le}), expected {expected}"
        return None
    if isinstance(kind, typeinfo.BoolType):
        return None if isinstance(value, bool) else f"{_kind_of(value)} is not accepted, expected true or false"
    return None  # a type the models do not use: if msgspec refused it, `faults` reports msgspec's own words


def _pattern_fault(value: str, pattern: str, expected: str) -> str:
    shown_value = quoted(value)
    if pattern == SLUG_PATTERN:
        return (f"{shown_value} is not a lowercase slug, "
                "expected letters a-z, digits and single hyphens (like 'kupang-2018')")
    if pattern == URL_PATTERN:
        return f"{shown_value} is not a web address, expected a URL starting with https:// or http://"
    if pattern == MONTH_OR_DATE_PATTERN:
        return f"{shown_value} is not a month or date, expected YYYY-MM or YYYY-MM-DD"
    if pattern == CLOCK_PATTERN:
        return f"{shown_value} is not a time of day, expected HH:MM (like '08:30')"
    if pattern == TEXT_PATTERN:
        if not value.strip():
            return f"is empty, expected {expected}"
        return (f"{shown_value} starts or ends with spaces or a line break, expected the text without them "
                "(a folded block is written '>-', not '>')")
    if pattern == ALIAS_PATTERN:
        return (f"{shown_value} holds a bracket or a line break, expected a word or phrase as it appears in "
                "running text")
    return f"{shown_value} does not match {pattern}, expected {expected}"


def _expected_of(kind: typeinfo.Type) -> str:
    """A field's description, as the end of a sentence: 'expected <description>'."""
    description = ""
    while isinstance(kind, typeinfo.Metadata):
        description = (kind.extra_json_schema or {}).get("description") or description
        kind = kind.type
    if not description:
        return "a valid value"
    return description[0].lower() + description[1:].rstrip(".")


def _plain(message: str) -> str:
    """msgspec's message without its `- at $…` path (problems name the field themselves)."""
    return re.sub(r" - at `\$[^`]*`$", "", message)


def _unknown_key(name: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(name, allowed, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key {quoted(name)}{hint}, expected one of: {', '.join(allowed)}"


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
        return f"the number {quoted(value)}"
    return f"the text {quoted(value)}"
