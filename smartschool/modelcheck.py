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

from .messages import english, field_path, item_subject, kind_name, kind_of, say
from .models import (
    ALIAS_PATTERN,
    CLOCK_PATTERN,
    MONTH_OR_DATE_PATTERN,
    SLUG_PATTERN,
    TEXT_PATTERN,
    URL_PATTERN,
    FieldError,
)
from .problems import Problem, quoted
from .text_rules import text_fault, text_faults
from .yamlsource import YamlSource, double_quoted

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
        message = say("file.not_mapping", found=_kind_of(data), key=key)
        return [], [source.problem((), "", "", message)]
    problems = [
        source.problem((extra,), "", str(extra), _unknown_key(str(extra), [key]), key=True)
        for extra in data
        if extra != key and not str(extra).startswith("$")
    ]
    items = data.get(key)
    if not isinstance(items, list):
        return [], [
            *problems,
            source.problem((key,), "", key, say("file.not_list", found=_kind_of(items), kind=kind_name(kind))),
        ]
    valid: list[tuple[int, M]] = []
    convert = msgspec.convert
    check_text = source.may_hold_hidden_characters()
    for index, raw in enumerate(items):
        if not isinstance(raw, dict):
            problems.append(
                source.problem(
                    (key, index), subject_of(kind, raw, index), "", say("item.not_mapping", found=_kind_of(raw))
                )
            )
            continue
        try:
            valid.append((index, convert(raw, model)))
        except msgspec.ValidationError as err:
            subject = subject_of(kind, raw, index)
            problems.extend(_located(source, (key, index), subject, fault) for fault in faults(raw, model, err))
        else:  # the types are right; the characters of the text are checked too (what no pattern can say)
            if check_text:
                problems.extend(
                    _located(source, (key, index), subject_of(kind, raw, index), Fault(loc, message))
                    for loc, message in text_faults(raw)
                )
    problems += _hidden_comments(
        source,
        lambda path: (
            (subject_of(kind, items[path[1]], path[1]), path[2:])
            if len(path) >= 2 and path[0] == key and isinstance(path[1], int) and path[1] < len(items)
            else ("", path)
        ),
    )
    return valid, problems


def check_document(source: YamlSource, model: type[M], subject: str) -> tuple[M | None, list[Problem]]:
    """Validate a whole document (such as front matter) against one model."""
    if not isinstance(source.data, dict):
        return None, [source.problem((), subject, "", say("item.not_mapping", found=_kind_of(source.data)))]
    hidden = _hidden_comments(source, lambda path: (subject, path))
    try:
        document = msgspec.convert(source.data, model)
    except msgspec.ValidationError as err:
        return None, [*(_located(source, (), subject, fault) for fault in faults(source.data, model, err)), *hidden]
    text_problems = [
        _located(source, (), subject, Fault(loc, message))
        for loc, message in (text_faults(source.data) if source.may_hold_hidden_characters() else ())
    ]
    return document, [*text_problems, *hidden]


def subject_of(kind: str, raw: Any, index: int) -> str:
    """How a problem names its item: by id where it has a usable one, else by position."""
    return item_subject(kind, index, raw.get("id") if isinstance(raw, dict) else None)


def _hidden_comments(source: YamlSource, name: Callable[[Loc], tuple[str, Loc]]) -> list[Problem]:
    """A plain value cut short by `#` read as a comment: at the `#`, with the quoted text to write instead.

    `name` turns a value's path into the problem's subject and the path of its field within that subject.
    """
    problems = []
    for path, hidden in source.hidden_comments():
        subject, loc = name(path)
        lead = f"{path[-1]}:" if path and isinstance(path[-1], str) else "-"  # `title:`, or `-` for a list item
        written = double_quoted(f"{hidden.value} {hidden.dropped}")
        problems.append(
            Problem(
                source.name,
                hidden.line + 1 + source.line_offset,
                hidden.column + 1,
                subject,
                field_path(loc),
                say("hidden_comment.item", written=f"{lead} {written}"),
            )
        )
    return problems


def faults(raw: dict[str, Any], model: type[msgspec.Struct], error: msgspec.ValidationError) -> list[Fault]:
    """Every fault of an item that msgspec refused; never empty."""
    found = _struct_faults(raw, _info(model), ())
    return found or [Fault((), _plain(str(error)))]  # a fault the walk does not know: msgspec's own words


def _located(source: YamlSource, base: Loc, subject: str, fault: Fault) -> Problem:
    return source.problem((*base, *fault.loc), subject, field_path(fault.loc), fault.message, key=fault.key)


@cache
def _info(model: type[msgspec.Struct]) -> typeinfo.StructType:
    return typeinfo.type_info(model)  # type: ignore[return-value]


def _struct_faults(raw: Any, info: typeinfo.StructType, loc: Loc) -> list[Fault]:
    if not isinstance(raw, dict):
        return [Fault(loc, say("item.not_mapping", found=_kind_of(raw)))]
    fields = {f.encode_name: f for f in info.fields}
    found = [Fault((*loc, name), _unknown_key(str(name), list(fields)), key=True) for name in raw if name not in fields]
    # A misspelled key is one mistake: the required field it was meant to be is not reported as missing too.
    meant = {
        close for name in raw if name not in fields for close in difflib.get_close_matches(str(name), list(fields), n=1)
    }
    for name, spec in fields.items():
        if name in raw:
            found += _value_faults(raw[name], spec.type, (*loc, name), _expected_of(spec.type))
        elif spec.required and name not in meant:
            found.append(Fault((*loc, name), say("field.missing", expected=_expected_of(spec.type), id_name=name)))
    if found:
        return found
    try:  # the fields are sound: what is left is a check across them (a model's __post_init__)
        msgspec.convert(raw, info.cls)
    except msgspec.ValidationError as err:
        cause = err.__cause__
        if isinstance(cause, FieldError) and cause.field in fields:
            spec = fields[cause.field]
            return [
                Fault(
                    (*loc, cause.field),
                    say(
                        "field.invalid",
                        value=quoted(raw.get(cause.field)),
                        reason=_reason(str(cause), True),
                        expected=_expected_of(spec.type),
                    ),
                )
            ]
        return [Fault(loc, _reason(_plain(str(err))))]
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
            return [Fault(loc, say("field.not_accepted", found=_kind_of(value), expected=expected))]
        if kind.min_length and len(value) < kind.min_length:
            if not value:
                return [Fault(loc, say("field.list_empty", minimum=kind.min_length))]
            return [Fault(loc, say("field.list_short", count=len(value), minimum=kind.min_length))]
        if kind.max_length is not None and len(value) > kind.max_length:
            return [Fault(loc, say("field.list_long", count=len(value), maximum=kind.max_length))]
        return [
            fault
            for index, item in enumerate(value)
            for fault in _value_faults(item, kind.item_type, (*loc, index), expected)
        ]
    if isinstance(kind, typeinfo.StrType) and isinstance(value, (bool, int, float)):
        return [Fault(loc, _needs_quotes(value, loc, expected))]
    message = _leaf_fault(value, kind, expected)
    return [Fault(loc, message)] if message else []


def _needs_quotes(value: bool | int | float, loc: Loc, expected: str) -> str:
    """A number or true/false where text is expected (`value: 129`): YAML read it so because it has no quotes."""
    written = str(value).lower() if isinstance(value, bool) else repr(value)
    lead = f"{loc[-1]}:" if loc and isinstance(loc[-1], str) else "-"  # `value:`, or `-` for a list item
    return say(
        "field.needs_quotes",
        value=written,
        expected=expected,
        written=f'{lead} "{written}"',
        read_as=say("read_as.boolean" if isinstance(value, bool) else "read_as.number"),
    )


def _leaf_fault(value: Any, kind: typeinfo.Type, expected: str) -> str | None:
    """What is wrong with a single value, or None if nothing is."""
    if isinstance(kind, typeinfo.LiteralType):
        if value in kind.values and type(value) is type(kind.values[0]):
            return None
        return say("field.not_allowed", value=quoted(value), allowed=", ".join(repr(v) for v in kind.values))
    if isinstance(kind, typeinfo.DateType):
        try:
            msgspec.convert(value, dt.date)
        except msgspec.ValidationError:
            return say("field.not_a_date", value=quoted(value))
        return None
    if isinstance(kind, typeinfo.StrType):
        if not isinstance(value, str):
            return say("field.not_accepted", found=_kind_of(value), expected=expected)
        if kind.pattern and not re.search(kind.pattern, value):
            return _pattern_fault(value, kind.pattern, expected)
        return text_fault(value)
    if isinstance(kind, typeinfo.IntType):
        if isinstance(value, bool) or not isinstance(value, int):
            return say("field.not_accepted", found=_kind_of(value), expected=expected)
        if kind.gt is not None and value <= kind.gt:
            return say("field.more_than", found=_kind_of(value), limit=kind.gt, en_expected=expected)
        if kind.ge is not None and value < kind.ge:
            return say("field.at_least", found=_kind_of(value), limit=kind.ge, en_expected=expected)
        if kind.le is not None and value > kind.le:
            return say("field.at_most", found=_kind_of(value), limit=kind.le, en_expected=expected)
        return None
    if isinstance(kind, typeinfo.BoolType):
        return None if isinstance(value, bool) else say("field.not_boolean", found=_kind_of(value))
    return None  # a type the models do not use: if msgspec refused it, `faults` reports msgspec's own words


def _pattern_fault(value: str, pattern: str, expected: str) -> str:
    shown_value = quoted(value)
    if pattern == SLUG_PATTERN:
        return say("field.not_slug", value=shown_value)
    if pattern == URL_PATTERN:
        return say("field.not_url", value=shown_value)
    if pattern == MONTH_OR_DATE_PATTERN:
        return say("field.not_month", value=shown_value)
    if pattern == CLOCK_PATTERN:
        return say("field.not_clock", value=shown_value)
    if pattern == TEXT_PATTERN:
        if not value.strip():
            return say("field.empty_text", en_expected=expected)
        return say("field.spaces", value=shown_value)
    if pattern == ALIAS_PATTERN:
        return say("field.alias_bracket", value=shown_value)
    return say("field.no_match", value=shown_value, pattern=pattern, expected=expected)


def _expected_of(kind: typeinfo.Type) -> str:
    """A field's description, as the end of a sentence: 'expected <description>'. In Indonesian, what kind of value
    it is (the descriptions of the models are English: they are also the JSON Schemas' and the data reference's)."""
    if not english():
        return _expected_in_indonesian(kind)
    description = ""
    while isinstance(kind, typeinfo.Metadata):
        description = (kind.extra_json_schema or {}).get("description") or description
        kind = kind.type
    if not description:
        return say("field.valid_value")
    return description[0].lower() + description[1:].rstrip(".")


def _plain(message: str) -> str:
    """msgspec's message without its `- at $…` path (problems name the field themselves)."""
    return re.sub(r" - at `\$[^`]*`$", "", message)


def _unknown_key(name: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(name, allowed, n=1)
    if close:
        return say("key.unknown_close", name=quoted(name), close=close[0], allowed=", ".join(allowed))
    return say("key.unknown", name=quoted(name), allowed=", ".join(allowed))


_kind_of = kind_of

# The checks across fields in smartschool/models.py raise English sentences; each has its place in the catalogue.
_MODEL_REASONS = {
    "give either `module`, or `title` and `minutes`": "model.schedule_either",
    "a module block takes its title and minutes from the module; give only `module`": "model.schedule_module_only",
    "give exactly one of `url` and `file`": "model.source_one",
    "it starts like a web address but is not a whole one, such as 'https://kemenpppa.go.id'": "model.not_whole_address",
}


def _reason(text: str, date_field: bool = False) -> str:
    """A model's own reason in the current language (msgspec's words are kept where there is no translation)."""
    key = _MODEL_REASONS.get(text)
    if key is not None:
        return say(key)
    if date_field and not english() and ("month" in text or "day" in text):
        return say("model.no_such_month", en_reason=text)
    return text


def _expected_in_indonesian(kind: typeinfo.Type) -> str:
    """What a value of `kind` is, in Indonesian: `teks`, `tanggal TTTT-BB-HH` …"""
    kind = _bare(kind)
    if isinstance(kind, typeinfo.UnionType):
        kind = _bare(next(t for t in kind.types if not isinstance(t, typeinfo.NoneType)))
    if isinstance(kind, typeinfo.StrType):
        return say(
            {
                SLUG_PATTERN: "expect.slug",
                URL_PATTERN: "expect.url",
                MONTH_OR_DATE_PATTERN: "expect.month",
                CLOCK_PATTERN: "expect.clock",
            }.get(kind.pattern or "", "expect.text")
        )
    if isinstance(kind, typeinfo.DateType):
        return say("expect.date")
    if isinstance(kind, typeinfo.IntType):
        return say("expect.number")
    if isinstance(kind, typeinfo.BoolType):
        return say("expect.boolean")
    if isinstance(kind, typeinfo.ListType):
        return say("expect.list")
    if isinstance(kind, typeinfo.StructType):
        return say("expect.mapping")
    if isinstance(kind, typeinfo.LiteralType):
        return say("expect.choice", allowed=", ".join(str(v) for v in kind.values))
    return say("expect.value")
