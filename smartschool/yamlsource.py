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

from .messages import field_path, say
from .problems import Problem, shown
from .sourcefiles import read_source
from .yamlplaces import (
    HiddenComment,
    Path_,
    Places,
    find,
    first_too_deep,
    hidden_comments,
    index_places,
    paths_of_scalars,
)

# What YAML does not allow in a stream (PyYAML's rule; yaml-rs lets some control characters through).
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PRINTABLE_ASCII = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])
_DOCUMENT_MARKER = re.compile(r"^(?:---|\.\.\.)(?=[ \t\r\n]|$)", re.M)
_FAST_ERROR_PLACE = re.compile(r"at line (\d+), column (\d+)")
MERGE_KEY = "<<"

# Lists and mappings nest at most this deep (real data needs fewer than 10 levels). yaml-rs recurses as it reads
# and crashes the whole process on some 20,000 levels written as `- - - …`, so deep text never reaches it. The
# exact depth comes from libyaml's events, which are slow on a large file: they are counted only when the text
# shows a sign of deep nesting (cheap searches at C speed), and without one it cannot nest past the limit:
# each level is indented further or opened on the same line after `-`, `?` or `:`.
MAX_YAML_DEPTH = 64
_DEEP_INDENT = "\n" + " " * 30
# Each search starts with a literal character, which `re` finds fast; an alternation of them would not be.
# (Brackets nested with text between them, `[a, [b, …`, are not a sign: yaml-rs refuses those itself past
# about 250 levels, without crashing, and then libyaml's events say where the limit was passed.)
_COMPACT_NESTING = (
    re.compile(r"-[ \t]+[-?&!]"),
    re.compile(r":[ \t]+[-?&!]"),
    re.compile(r"\n[ \t]*\?[ \t]"),
    re.compile(r"\[[ \t]*[\[{]"),
    re.compile(r"\{[ \t]*[\[{]"),
)
_NESTING_LIMITS = ("recursion limit", "maximum nesting depth")  # how yaml-rs and libyaml refuse deep text
_HIDDEN_COMMENT = (re.compile(r" #\S"), re.compile(r"\t#\S"))


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

    def may_hold_hidden_characters(self) -> bool:
        """False when no value can hold a control, format or bidirectional character: the text has none outside
        line breaks and tabs, and no backslash that could write one as an escape. Nearly all data is passed here
        at once, without a look at its values."""
        text = self.text
        return "\\" in text or not text.replace("\n", "").replace("\t", "").replace("\r", "").isprintable()

    def hidden_comments(self) -> list[tuple[Path_, HiddenComment]]:
        """Plain values cut short by a `#` read as a comment, each with its path; lines are the text's own.

        Only a line where a `#` follows a space and is followed by a character other than a space is looked at
        further, so data without such a line (nearly all) is not scanned.
        """
        lines = _comment_lines(self.text)
        if not lines:
            return []
        paths = paths_of_scalars(self.places())
        return [
            (paths[(hidden.value_line, hidden.value_column)], hidden)
            for hidden in hidden_comments(self.text, lines)
            if (hidden.value_line, hidden.value_column) in paths
        ]


def parse_yaml(text: str, name: str, line_offset: int = 0) -> tuple[YamlSource | None, list[Problem]]:
    """Parse one YAML document; on a syntax error return the problem with its line and column.

    `line_offset` is the number of lines in the file before `text`, so positions are the file's own.
    """
    bad = _first_non_printable(text)
    if bad:
        line, column = _line_and_column(text, bad.start())
        return None, [
            Problem(name, line + line_offset, column, "", "", say("yaml.control", code=f"{ord(bad.group()):04X}"))
        ]
    if _may_nest_deeply(text):
        deep = _nesting_problem(text, name, line_offset)
        if deep is not None:
            return None, [deep]
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
        deep = _nesting_problem(text, name, line_offset) if _is_nesting_limit(err) else None
        if deep is not None:
            return None, [deep]
        problem = _syntax_problem(err, name, line_offset, text)
        return None, [problem, *_comment_hints(text, name, line_offset, problem.line - line_offset)]
    except yaml.YAMLError:  # not located by PyYAML: yaml-rs says where, if it refused the text
        places = source._places = Places(None)
    if places.extra_document is not None:
        line = places.extra_document.line + 1 + line_offset
        return None, [Problem(name, line, 1, "", "", say("yaml.second_document"))]
    problems = [
        Problem(name, k.line + 1 + line_offset, k.column + 1, "", field_path(p), say("key.duplicate"))
        for p, k in places.duplicates
    ]
    if refusal is None:
        return source, problems
    if not problems:
        if _is_nesting_limit(refusal):
            deep = _nesting_problem(text, name, line_offset)
            if deep is not None:
                return None, [deep]
        problem = _refusal_problem(refusal, name, line_offset)
        return None, [problem, *_comment_hints(text, name, line_offset, problem.line - line_offset)]
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


def _comment_lines(text: str) -> set[int]:
    """0-based lines where ` #` and a character other than a space follow something else on the line."""
    return {
        text.count("\n", 0, found.start())
        for sign in _HIDDEN_COMMENT
        for found in sign.finditer(text)
        if text[text.rfind("\n", 0, found.start()) + 1 : found.start()].strip()
    }


def double_quoted(text: str) -> str:
    """`text` as a YAML double-quoted string, cut to a readable length (to show the fix in a message)."""
    return '"' + shown(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _comment_hints(text: str, name: str, line_offset: int, last_line: int) -> list[Problem]:
    """For text that does not parse: a plain value on a line up to `last_line` (1-based) cut short by ` #…`, where
    the comment also took the `]` or `}` the value was followed by (`topics: [Strategi #StopESA]`)."""
    lines = {line for line in _comment_lines(text) if line < last_line}
    problems = []
    for hidden in hidden_comments(text, lines) if lines else []:
        meant = re.split(r"[,\]}]", hidden.dropped, maxsplit=1)[0].rstrip()
        problems.append(
            Problem(
                name,
                hidden.line + 1 + line_offset,
                hidden.column + 1,
                "",
                "",
                say("hidden_comment.syntax", written=double_quoted(f"{hidden.value} {meant}")),
            )
        )
    return problems


def _may_nest_deeply(text: str) -> bool:
    """True when the text shows a sign of nesting deeper than MAX_YAML_DEPTH: a deeply indented line, or a list
    or mapping opened on the same line as its parent. Without one, the depth cannot exceed the limit."""
    return _DEEP_INDENT in text or any(sign.search(text) for sign in _COMPACT_NESTING)


def _is_nesting_limit(err: Exception) -> bool:
    message = str(err)
    return any(limit in message for limit in _NESTING_LIMITS)


def _nesting_problem(text: str, name: str, line_offset: int) -> Problem | None:
    """The problem at the first list or mapping nested deeper than MAX_YAML_DEPTH, if any."""
    try:
        mark = first_too_deep(text, MAX_YAML_DEPTH)
        where = (mark.line, mark.column) if mark is not None else None
    except yaml.MarkedYAMLError as err:
        if _is_nesting_limit(err):  # libyaml refused it before saying where the limit was passed
            fallback = err.problem_mark or err.context_mark
            where = _bracket_past(text, MAX_YAML_DEPTH) or ((fallback.line, fallback.column) if fallback else (0, 0))
        else:  # a syntax error first: the parsers report it, unless the text is too deep to hand to yaml-rs
            where = _far_too_deep(text)
    if where is None:
        return None
    return Problem(name, where[0] + 1 + line_offset, where[1] + 1, "", "", say("yaml.too_deep", limit=MAX_YAML_DEPTH))


def _far_too_deep(text: str) -> tuple[int, int] | None:
    """0-based line and column of a line that may nest past what yaml-rs survives, judged from its text alone
    (for text libyaml cannot read to the end): 1,000 columns of indentation, or 1,000 block indicators."""
    for number, line in enumerate(text.splitlines()):
        indent = len(line) - len(line.lstrip(" "))
        if indent >= 1000 or line.count("- ") + line.count("? ") + line.count(": ") >= 1000:
            return number, indent
    return None


def _bracket_past(text: str, limit: int) -> tuple[int, int] | None:
    """0-based line and column of the first `[` or `{` opened inside `limit` others (quotes are not told apart:
    this only places a problem libyaml has already found)."""
    depth = 0
    for found in re.finditer(r"[\[{\]}]", text):
        depth = depth + 1 if found.group() in "[{" else max(0, depth - 1)
        if depth > limit:
            line, column = _line_and_column(text, found.start())
            return line - 1, column - 1
    return None


def _may_hold_several_documents(text: str) -> bool:
    """True when a document marker follows content or another marker (a leading `---` alone is fine)."""
    if "---" not in text and "..." not in text:  # the common case, found without a regular expression
        return False
    first = _DOCUMENT_MARKER.search(text)
    if first is None:
        return False
    before = text[: first.start()].splitlines()
    if any(line.strip() and not line.lstrip().startswith(("#", "%")) for line in before):
        return True
    return _DOCUMENT_MARKER.search(text, first.end()) is not None


def _syntax_problem(err: yaml.MarkedYAMLError, name: str, line_offset: int, text: str = "") -> Problem:
    """The syntax error as what to do: PyYAML's problem is matched to advice (an indentation, a tab, an unclosed
    quote or bracket, a `:` inside a value …); its own words are kept for the English form only."""
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
    what = " ".join(str(part) for part in (err.context, err.problem) if part)
    key, values, place = _syntax_advice(err, text.splitlines())
    if place is not None:
        line, column = place[0] + 1 + line_offset, place[1] + 1
    for name_of_line in ("line",):
        if name_of_line in values:
            values[name_of_line] += 1 + line_offset  # 0-based in the text, 1-based in the file
    return Problem(name, line, column, "", "", say(key, en_reason=shown(what, 120), **values))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _levels(lines: list[str], before: int) -> tuple[list[int], list[int]]:
    """The key columns and the `- ` columns still open at 0-based line `before`, innermost first: walking up from
    it, each line that starts left of every line seen so far opens a level."""
    keys: list[int] = []
    dashes: list[int] = []
    leftmost = 1 << 30
    for text in reversed(lines[:before]):
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        column = _indent(text)
        if stripped.startswith("- ") or stripped == "-":
            content = column + 1 + (len(stripped[1:]) - len(stripped[1:].lstrip(" ")))
            if content < leftmost and stripped != "-":
                keys.append(content)
            if column < leftmost:
                dashes.append(column)
            leftmost = min(leftmost, column)
        elif column < leftmost:
            keys.append(column)
            leftmost = column
        if leftmost == 0:
            break
    return keys, dashes


def _closest(actual: int, levels: list[int]) -> int | None:
    """The level nearest to `actual` (the deeper one on a tie), or None when there is none."""
    return min(levels, key=lambda level: (abs(level - actual), -level)) if levels else None


def _indent_advice(lines: list[str], number: int) -> tuple[str, dict[str, Any]]:
    """`baris 14 menjorok 4 spasi, seharusnya 6`: the line's indentation and the level of its siblings above."""
    text = lines[number] if number < len(lines) else ""
    actual = _indent(text)
    keys, dashes = _levels(lines, number)
    is_item = text.lstrip(" ").startswith("-")
    expected = _closest(actual, dashes if is_item else keys)
    values: dict[str, Any] = {"line": number, "actual": actual}
    if expected is None or expected == actual:
        return "yaml.indent_unknown", values
    key = "yaml.list_level" if is_item else ("yaml.indent" if expected else "yaml.indent_left")
    return key, {**values, "expected": expected}


def _written_quoted(line: str) -> str:
    """A line `key: value` (or `- value`) as it should be written, with the value in double quotes."""
    stripped = line.strip()
    lead = ""
    if stripped.startswith("- "):
        lead, stripped = "- ", stripped[2:].lstrip()
    key, colon, value = stripped.partition(": ")
    if not colon:
        return lead + double_quoted(stripped)
    return f"{lead}{key}: {double_quoted(value.strip())}"


def _syntax_advice(err: yaml.MarkedYAMLError, lines: list[str]) -> tuple[str, dict[str, Any], tuple[int, int] | None]:
    """The catalogue key for a PyYAML error, its values, and a better place to report it (0-based), if any."""
    problem, context = str(err.problem or ""), str(err.context or "")
    at, opened = err.problem_mark, err.context_mark
    number = at.line if at is not None else 0
    text = lines[number] if number < len(lines) else ""
    if "tab" in problem or "'\\t'" in problem:
        return "yaml.tab", {"line": number}, None
    if "quoted scalar" in context and opened is not None:
        quote = lines[opened.line][opened.column : opened.column + 1] if opened.line < len(lines) else '"'
        return "yaml.unclosed_quote", {"line": opened.line, "quote": quote or '"'}, (opened.line, opened.column)
    if "flow sequence" in context or "flow mapping" in context:
        sequence = "flow sequence" in context
        line = opened.line if opened is not None else number
        return (
            "yaml.unclosed_bracket",
            {"line": line, "bracket": "[" if sequence else "{", "closing": "]" if sequence else "}"},
            None,
        )
    if "could not find expected ':'" in problem and opened is not None:
        return "yaml.missing_colon", {"line": opened.line}, (opened.line, opened.column)
    if "cannot start any token" in problem and at is not None:
        return (
            "yaml.reserved_start",
            {"line": number, "char": repr(text[at.column : at.column + 1]), "written": _written_quoted(text)},
            None,
        )
    if "mapping values are not allowed" in problem and at is not None:
        body = text.lstrip(" ")
        body = body[2:].lstrip(" ") if body.startswith("- ") else body
        first = text.find(": ", len(text) - len(body))
        if 0 <= first < at.column:
            return "yaml.colon_in_value", {"line": number, "written": _written_quoted(text)}, None
        key, values = _indent_advice(lines, number)
        return key, values, (number, _indent(text))
    expects_entry = "expected '-' indicator" in problem or "expected key" in problem
    if expects_entry and at is not None and at.column == _indent(text):
        key, values = _indent_advice(lines, number)
        return key, values, None
    return "yaml.syntax", {"line": number}, None


def _refusal_problem(err: yaml_rs.YAMLDecodeError, name: str, line_offset: int) -> Problem:
    """A text PyYAML reads but yaml-rs refuses (YAML 1.2 is stricter in places): its own message and place."""
    message = str(err)
    found = _FAST_ERROR_PLACE.search(message)
    line, column = (int(found.group(1)) + line_offset, int(found.group(2))) if found else (1 + line_offset, 1)
    reason = message.strip().splitlines()[-1].strip() if message.strip() else "not valid YAML 1.2"
    return Problem(name, line, column, "", "", say("yaml.refused", en_reason=shown(reason, 120), line=line))


def read_yaml(path: Path, name: str, root: Path | None = None) -> tuple[YamlSource | None, list[Problem]]:
    """Read and parse a YAML file of the project in `root` (by default the file's folder); an unreadable file, or
    one outside the project, is a problem, not a traceback. One leading byte-order mark is dropped."""
    text, problems = read_source(root if root is not None else path.parent, path, name)
    if text is None:
        return None, problems
    return parse_yaml(text, name)


def dotted(path: Path_) -> str:
    """A field's path as problems name it (`days[0].date` in English; see smartschool.messages)."""
    return field_path(path)
