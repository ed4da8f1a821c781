"""Parse YAML data fast, and trace any value back to its line and column when a problem needs it.

The data comes from yaml-rs (a YAML 1.2 parser in Rust): `10:00` and `no` stay text, dates stay text for the models
to check, and a repeated key is refused. Positions come from PyYAML's parse events (see yamlplaces), built only
when a problem has to be located or the fast parser refused the text, so valid data never pays for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml_rs

from .problems import Problem
from .yamlplaces import Path_, Places, find, index_places

# What YAML does not allow in a stream (PyYAML's rule; yaml-rs lets some control characters through).
_NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_PRINTABLE_ASCII = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])
_DOCUMENT_MARKER = re.compile(r"^(?:---|\.\.\.)(?=[ \t\r\n]|$)", re.M)
_FAST_ERROR_PLACE = re.compile(r"at line (\d+), column (\d+)")
MERGE_KEY = "<<"


@dataclass
class YamlSource:
    """A parsed YAML document: its data, and its text for locating values."""

    name: str
    data: Any
    text: str = ""
    line_offset: int = 0  # lines before the YAML text in its file (front matter starts on line 2)
    _places: Places | None = field(default=None, init=False, repr=False, compare=False)

    def places(self) -> Places:
        """The position tree, built on first use; empty (every place is line 1) if PyYAML cannot read the text."""
        if self._places is None:
            try:
                self._places = index_places(self.text)
            except yaml.YAMLError:
                self._places = Places(None)
        return self._places

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Return the 1-based (line, column) of the value at `path` (or of its key, with `key=True`).

        Walks as deep as the path exists, so a missing field points at its parent mapping.
        """
        place = find(self.places(), path, key=key)
        if place is None:
            return (1 + self.line_offset, 1)
        return (place.line + 1 + self.line_offset, place.column + 1)

    def problem(self, path: Path_, subject: str, field: str, message: str, *, key: bool = False) -> Problem:
        line, column = self.locate(path, key=key)
        return Problem(self.name, line, column, subject, field, message)


def parse_yaml(text: str, name: str, line_offset: int = 0) -> tuple[YamlSource | None, list[Problem]]:
    """Parse one YAML document; on a syntax error return the problem with its line and column.

    `line_offset` is the number of lines in the file before `text`, so positions are the file's own.
    """
    bad = _first_non_printable(text)
    if bad:
        line, column = _line_and_column(text, bad.start())
        return None, [Problem(name, line + line_offset, column, "", "", f"YAML syntax error: control character "
                              f"U+{ord(bad.group()):04X} is not allowed; expected printable text")]
    source = YamlSource(name, None, text, line_offset)
    refusal: yaml_rs.YAMLDecodeError | None = None
    try:
        source.data = _fast_load(text)
    except yaml_rs.YAMLDecodeError as err:
        refusal = err
    if refusal is None and not _may_hold_several_documents(text):
        return source, []

    # Slow path: the fast parser refused the text, or it may hold several documents. PyYAML says where.
    try:
        places = source._places = index_places(text)
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, name, line_offset)]
    except yaml.YAMLError:  # not located by PyYAML: yaml-rs says where, if it refused the text
        places = source._places = Places(None)
    if places.extra_document is not None:
        line = places.extra_document.line + 1 + line_offset
        return None, [Problem(name, line, 1, "", "", "a second YAML document starts here; expected one document "
                                                      "per file (remove the '---' line)")]
    problems = [Problem(name, k.line + 1 + line_offset, k.column + 1, "", dotted(p),
                        "duplicate key, expected each key once per mapping") for p, k in places.duplicates]
    if refusal is None:
        return source, problems
    if not problems:
        return None, [_refusal_problem(refusal, name, line_offset)]
    try:  # only duplicates: check the rest of the data too, reading it as PyYAML would (the last value wins)
        source.data = _fast_load(text, yaml_rs.DuplicateKeyPolicy.LastWins)
    except yaml_rs.YAMLDecodeError:
        return None, problems
    return source, problems


def _fast_load(text: str, duplicates: yaml_rs.DuplicateKeyPolicy = yaml_rs.DuplicateKeyPolicy.Error) -> Any:
    data = yaml_rs.loads(text, parse_datetime=False, duplicate_key_policy=duplicates)
    return merge_keys(data) if MERGE_KEY in text else data


def _first_non_printable(text: str) -> re.Match[str] | None:
    """The first character YAML does not allow; plain ASCII text (the usual case) is cleared in one fast pass."""
    if text.isascii() and not text.encode("ascii").translate(None, _PRINTABLE_ASCII):
        return None
    return _NON_PRINTABLE.search(text)


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def merge_keys(value: Any) -> Any:
    """Apply YAML merge keys (`<<: *defaults`), as YAML 1.1 defined them; keys written out win over merged ones.

    A `<<` whose value is not a mapping (or list of mappings) stays, so the models report it as an unknown key.
    """
    if isinstance(value, list):
        return [merge_keys(item) for item in value]
    if not isinstance(value, dict):
        return value
    merged = {key: merge_keys(item) for key, item in value.items() if key != MERGE_KEY}
    if MERGE_KEY in value:
        sources = value[MERGE_KEY] if isinstance(value[MERGE_KEY], list) else [value[MERGE_KEY]]
        if not all(isinstance(source, dict) for source in sources):
            return {MERGE_KEY: value[MERGE_KEY], **merged}
        for source in sources:
            for key, item in merge_keys(source).items():
                merged.setdefault(key, item)
    return merged


def _may_hold_several_documents(text: str) -> bool:
    """True when a document marker follows content or another marker (a leading `---` alone is fine)."""
    if "---" not in text and "..." not in text:  # the common case, found without a regular expression
        return False
    first = _DOCUMENT_MARKER.search(text)
    if first is None:
        return False
    before = text[:first.start()].splitlines()
    if any(line.strip() and not line.lstrip().startswith(("#", "%")) for line in before):
        return True
    return _DOCUMENT_MARKER.search(text, first.end()) is not None


def _syntax_problem(err: yaml.MarkedYAMLError, name: str, line_offset: int) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
    what = " ".join(str(part) for part in (err.context, err.problem) if part)
    return Problem(name, line, column, "", "", f"YAML syntax error: {what}; expected valid YAML")


def _refusal_problem(err: yaml_rs.YAMLDecodeError, name: str, line_offset: int) -> Problem:
    """A text PyYAML reads but yaml-rs refuses (YAML 1.2 is stricter in places): its own message and place."""
    message = str(err)
    found = _FAST_ERROR_PLACE.search(message)
    line, column = (int(found.group(1)) + line_offset, int(found.group(2))) if found else (1 + line_offset, 1)
    reason = message.strip().splitlines()[-1].strip() if message.strip() else "not valid YAML 1.2"
    return Problem(name, line, column, "", "", f"YAML syntax error: {reason}; expected valid YAML 1.2")


def read_yaml(path: Path, name: str) -> tuple[YamlSource | None, list[Problem]]:
    """Read and parse a YAML file; an unreadable file is a problem, not a traceback."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(name, 1, 1, "", "", "file not found, expected it to exist")]
    except (OSError, UnicodeDecodeError) as err:
        return None, [Problem(name, 1, 1, "", "", f"cannot read file ({err}), expected UTF-8 text")]
    return parse_yaml(text, name)


def dotted(path: Path_) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out
