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

from .problems import Problem, shown
from .sourcefiles import read_source
from .yamlplaces import HiddenComment, Path_, Places, find, first_too_deep, hidden_comments, index_places
from .yamlplaces import paths_of_scalars

# What YAML does not allow in a stream (PyYAML's rule; yaml-rs lets some control characters through).
_NON_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
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
_COMPACT_NESTING = (re.compile(r"-[ \t]+[-?&!]"), re.compile(r":[ \t]+[-?&!]"), re.compile(r"\n[ \t]*\?[ \t]"),
                    re.compile(r"\[[ \t]*[\[{]"), re.compile(r"\{[ \t]*[\[{]"))
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
        return [(paths[(hidden.value_line, hidden.value_column)], hidden)
                for hidden in hidden_comments(self.text, lines)
                if (hidden.value_line, hidden.value_column) in paths]


def parse_yaml(text: str, name: str, line_offset: int = 0) -> tuple[YamlSource | None, list[Problem]]:
    """Parse one YAML document; on a syntax error return the problem with its line and column.

    `line_offset` is the number of lines in the file before `text`, so positions are the file's own.
    """
    bad = _first_non_printable(text)
    if bad:
        line, column = _line_and_column(text, bad.start())
        return None, [Problem(name, line + line_offset, column, "", "", f"YAML syntax error: control character "
                              f"U+{ord(bad.group()):04X} is not allowed; expected printable text")]
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
        problem = _syntax_problem(err, name, line_offset)
        return None, [problem, *_comment_hints(text, name, line_offset, problem.line - line_offset)]
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
    return {text.count("\n", 0, found.start()) for sign in _HIDDEN_COMMENT for found in sign.finditer(text)
            if text[text.rfind("\n", 0, found.start()) + 1:found.start()].strip()}


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
        problems.append(Problem(name, hidden.line + 1 + line_offset, hidden.column + 1, "", "",
                                f"the text after '#' is read as a comment and dropped, with the rest of the line, "
                                f"expected the text in quotes: {double_quoted(f'{hidden.value} {meant}')}"))
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
    return Problem(name, where[0] + 1 + line_offset, where[1] + 1, "", "",
                   f"YAML nested too deeply: more than {MAX_YAML_DEPTH} lists and mappings inside each other here, "
                   f"expected at most {MAX_YAML_DEPTH} levels (the data needs fewer than 10: check the indentation "
                   "and the '-', '[' and '{' marks)")


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
    before = text[:first.start()].splitlines()
    if any(line.strip() and not line.lstrip().startswith(("#", "%")) for line in before):
        return True
    return _DOCUMENT_MARKER.search(text, first.end()) is not None


def _syntax_problem(err: yaml.MarkedYAMLError, name: str, line_offset: int) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
    what = " ".join(str(part) for part in (err.context, err.problem) if part)
    return Problem(name, line, column, "", "", f"YAML syntax error: {shown(what, 120)}; expected valid YAML")


def _refusal_problem(err: yaml_rs.YAMLDecodeError, name: str, line_offset: int) -> Problem:
    """A text PyYAML reads but yaml-rs refuses (YAML 1.2 is stricter in places): its own message and place."""
    message = str(err)
    found = _FAST_ERROR_PLACE.search(message)
    line, column = (int(found.group(1)) + line_offset, int(found.group(2))) if found else (1 + line_offset, 1)
    reason = message.strip().splitlines()[-1].strip() if message.strip() else "not valid YAML 1.2"
    return Problem(name, line, column, "", "", f"YAML syntax error: {shown(reason, 120)}; expected valid YAML 1.2")


def read_yaml(path: Path, name: str, root: Path | None = None) -> tuple[YamlSource | None, list[Problem]]:
    """Read and parse a YAML file of the project in `root` (by default the file's folder); an unreadable file, or
    one outside the project, is a problem, not a traceback. One leading byte-order mark is dropped."""
    text, problems = read_source(root if root is not None else path.parent, path, name)
    if text is None:
        return None, problems
    return parse_yaml(text, name)


def dotted(path: Path_) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out
