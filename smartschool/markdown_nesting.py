"""Bound what makes Python-Markdown slow or crash, before it ever reads a text: deep nesting and open brackets.

Python-Markdown parses nested blocks recursively: some 300 nested list items raise RecursionError and 2,000 take
minutes and gigabytes. No lesson needs more than a few levels, so a line that nests deeper than MAX_NESTING is
refused with its place, and the text never reaches Markdown.

Its link patterns are quadratic in a paragraph's brackets: for every `[` it searches the rest of the paragraph
for the `]` that closes it (`LinkInlineProcessor.getText`, and the same for images and references), and after a
`](` for the `)` that closes the address (`getLink`). A paragraph of 20,000 `[` made one module page take 110 s
to build. `costly_brackets` bounds, per paragraph, the `[` never closed (MAX_OPEN_BRACKETS), the link addresses
never closed (MAX_OPEN_BRACKETS) and how deep brackets nest (MAX_BRACKET_DEPTH): within these, Markdown's search
costs at most about (2 * MAX_OPEN_BRACKETS + MAX_BRACKET_DEPTH) times the paragraph's length, not its square.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

MAX_NESTING = 8
# Per paragraph: `[` (and link addresses `](`) that are never closed, and brackets inside brackets. Running text
# needs none of the first and two or three levels of the second (`[see [1]](…)`).
MAX_OPEN_BRACKETS = 20
MAX_BRACKET_DEPTH = 8
TAB_WIDTH = 4  # Python-Markdown's: four columns of indentation make one level
FENCE = re.compile(r"^\s*(```|~~~)")
# A line that could nest past the limit starts with at least MAX_NESTING + 1 characters of indentation, `>`
# and list markers; every other line is passed over by this one search (it starts with a line break, which `re`
# finds fast, so the text is searched with one in front).
_MAYBE_DEEP = re.compile(rf"\n[ \t>*+\-\d.)]{{{MAX_NESTING + 1}}}")
_SPACE = re.compile(r"[ \t]+")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_RULE = re.compile(r"^[ \t>]*(?:[-*_][ \t]*){3,}$")  # a horizontal rule such as `* * * *`, not nested lists


@dataclass(frozen=True)
class TooDeep:
    """The first line nesting past the limit: 1-based line and column (where the limit is passed), and the depth."""

    line: int
    column: int
    depth: int


def too_deep(text: str, limit: int = MAX_NESTING) -> TooDeep | None:
    """The first line of `text` (outside fenced code) that nests lists and quotes more than `limit` levels deep.

    A line's depth counts each `>`, each list marker and each four columns of indentation before its text, so it
    is never less than the depth Python-Markdown would build (and only a little more for indented continuations).
    """
    if _MAYBE_DEEP.search(text) is None and _MAYBE_DEEP.match("\n" + text[: MAX_NESTING + 1]) is None:
        return None
    fenced: str | None = None
    opened = 0  # the index of the line that opened the fence still open
    lines = text.splitlines()
    for index, line in enumerate(lines):
        fence = FENCE.match(line)
        if fence:
            if fenced is None:
                opened = index
            fenced = None if fenced == fence.group(1) else (fenced or fence.group(1))
            continue
        if fenced is None and not _RULE.match(line):
            found = _line_depth(line, limit)
            if found is not None:
                return TooDeep(index + 1, *found)
    if fenced is not None:  # never closed: no fence to Markdown, which reads what follows as Markdown
        rest = too_deep("\n".join(lines[opened + 1 :]), limit)
        if rest is not None:
            return TooDeep(rest.line + opened + 1, rest.column, rest.depth)
    return None


def _line_depth(line: str, limit: int) -> tuple[int, int] | None:
    """(column where the depth first passes `limit`, the line's whole depth), or None if it stays within it.

    Each `>` and each list marker is a level, and so are each four columns of indentation; the space that
    follows a `>` or a marker belongs to it and is not indentation."""
    depth = 0
    passed_at: int | None = None
    index = 0
    after_mark = False
    while index < len(line):
        space = _SPACE.match(line, index)
        if space:
            columns = sum(TAB_WIDTH if char == "\t" else 1 for char in space.group())
            depth += max(0, columns - after_mark) // TAB_WIDTH
            index = space.end()
            if passed_at is None and depth > limit:
                passed_at = index + 1  # the indentation passed it: point at what it indents
            continue
        marker = _LIST_MARKER.match(line, index)
        if line[index] != ">" and marker is None:
            break
        depth += 1
        if passed_at is None and depth > limit:
            passed_at = index + 1  # this `>` or list marker passed it
        index = index + 1 if marker is None else marker.end()
        after_mark = True
    return (passed_at, depth) if passed_at is not None else None


# --- Brackets -----------------------------------------------------------------------------------------------------

BracketKind = Literal["open", "address", "deep"]
_FENCE_LINE = re.compile(r"^[ \t>]*(```|~~~)", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?=\n|$)")  # a blank line (Markdown's paragraphs end there)
# Python-Markdown reads backslash escapes (its ESCAPED_CHARS) and code spans before links, so the brackets in
# them are text; the rest are the brackets and parentheses its link patterns pair.
_SIMPLE_PAIR = re.compile(r"\[[^\[\]\n`\\]*\]")
_SIMPLE_ADDRESS = re.compile(r"\]\([^()\n`\\]*\)")
_MARK = re.compile(r"(?P<escape>\\[\\`*_{}\[\]()>#+\-.!|])|(?P<ticks>`+)|(?P<char>[\[\]()])")


@dataclass(frozen=True)
class CostlyBrackets:
    """A paragraph whose brackets would make Markdown slow: where (1-based line and column of the first `[` never
    closed, of the first `](` never closed, or of the first `[` nested too deep), the kind, and how many (open
    ones) or how deep."""

    line: int
    column: int
    kind: BracketKind
    count: int


def costly_brackets(
    text: str, open_limit: int = MAX_OPEN_BRACKETS, depth_limit: int = MAX_BRACKET_DEPTH
) -> list[CostlyBrackets]:
    """Each paragraph of `text` (outside fenced code; blank lines separate paragraphs) with more than `open_limit`
    `[` never closed by `]`, more than `open_limit` link addresses `](` never closed by `)`, or closed brackets
    nested more than `depth_limit` deep; at most one finding of each kind per paragraph, in text order.

    Brackets pair as Python-Markdown pairs them (each `]` closes the innermost open `[`); escaped brackets (`\\[`)
    and brackets in code spans are text. A text, or a paragraph, with too few brackets to pass a limit is passed
    over after a few fast searches, so real texts cost about 4 ns a character.
    """
    if _cannot_pass(text, open_limit, depth_limit):
        return []
    return _read_brackets(text, open_limit, depth_limit)


def _read_brackets(text: str, open_limit: int, depth_limit: int) -> list[CostlyBrackets]:
    """`costly_brackets` without its shortcut: every paragraph that has enough brackets is read in full."""
    few = min(open_limit, depth_limit)
    line_starts: list[int] = []

    def place(offset: int) -> tuple[int, int]:
        if not line_starts:
            line_starts.extend([0, *(match.end() for match in re.finditer("\n", text))])
        line = bisect_right(line_starts, offset)
        return line, offset - line_starts[line - 1] + 1

    found: list[CostlyBrackets] = []
    for start, end in _paragraphs(text):
        if text.count("[", start, end) <= few and text.count("](", start, end) <= open_limit:
            continue
        tokens = list(_MARK.finditer(text, start, end))
        found += _paragraph_brackets(tokens, place, open_limit, depth_limit)
    return found


def _cannot_pass(text: str, open_limit: int, depth_limit: int) -> bool:
    """True when no paragraph of `text` can pass a limit, found in a few fast searches.

    Every innermost pair `[…]` on one line is removed, twice (a pair without a backtick or backslash in it, which
    code spans and escapes could change): each `[` left is never closed or holds pairs two deep, so their count
    bounds the `[` never closed, and the depth less two. The addresses `](…)` closed on their line are removed
    the same way, once: those left bound the addresses never closed."""
    left = _SIMPLE_PAIR.sub("", _SIMPLE_PAIR.sub("", text)).count("[")
    addresses = _SIMPLE_ADDRESS.sub("", text).count("](")
    return left <= min(open_limit, depth_limit - 2) and addresses <= open_limit


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of each paragraph of `text`: the stretches between blank lines, outside fenced code
    (a fence opens with ``` or ~~~ at the start of a line, after any indentation or `>`, and closes with the same)."""
    for stretch_start, end in _unfenced(text):
        start = stretch_start
        for blank in _PARAGRAPH_BREAK.finditer(text, stretch_start, end):
            yield start, blank.start()
            start = blank.end()
        yield start, end


def _unfenced(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each stretch of `text` outside fenced code blocks (the fence lines are left out). A fence
    that is never closed is no fence to Markdown: the text after it is read as Markdown, and so it is here."""
    start = 0
    if "```" in text or "~~~" in text:
        fenced: str | None = None
        for fence in _FENCE_LINE.finditer(text):
            if fenced is None:
                yield start, fence.start()
                fenced, start = fence.group(1), fence.start()
            elif fence.group(1) == fenced:
                fenced = None
                line_end = text.find("\n", fence.end())
                start = len(text) if line_end < 0 else line_end
    yield start, len(text)


def _paragraph_brackets(
    tokens: list[re.Match[str]], place: Callable[[int], tuple[int, int]], open_limit: int, depth_limit: int
) -> list[CostlyBrackets]:
    """The findings of one paragraph, from its tokens (escapes, backtick runs, brackets and parentheses);
    `place` turns an offset in the text into (line, column)."""
    if not tokens:
        return []
    marks = list(_marks(tokens))
    brackets: list[int] = []  # offsets of the `[` still open
    parens: list[int | None] = []  # for each `(` still open: the offset of its `](` when it opens a link address
    deepest = 0
    closed_at = -2  # the offset of the last `]` that closed a `[` (none yet: no `(` can follow it)
    for char, offset in marks:
        if char == "[":
            brackets.append(offset)
            deepest = max(deepest, len(brackets))
        elif char == "]" and brackets:
            brackets.pop()
            closed_at = offset
        elif char == "(":
            parens.append(closed_at if offset == closed_at + 1 else None)
        elif char == ")" and parens:
            parens.pop()
    addresses = [start for start in parens if start is not None]
    findings = []
    if len(brackets) > open_limit:
        findings.append(CostlyBrackets(*place(brackets[0]), "open", len(brackets)))
    if len(addresses) > open_limit:
        findings.append(CostlyBrackets(*place(addresses[0]), "address", len(addresses)))
    if deepest > depth_limit:  # the `[` never closed are bounded above; only closed ones count here
        deep = _too_deep_closed(marks, set(brackets), depth_limit)
        if deep is not None:
            findings.append(CostlyBrackets(*place(deep[0]), "deep", deep[1]))
    return sorted(findings, key=lambda finding: (finding.line, finding.column))


def _marks(tokens: list[re.Match[str]]) -> Iterator[tuple[str, int]]:
    """(bracket or parenthesis, its offset) for each one outside code spans, in order (escapes are skipped)."""
    spans = _code_spans(tokens)
    index = 0
    while index < len(tokens):
        if index in spans:
            index = spans[index] + 1  # a code span: its brackets are text
            continue
        char = tokens[index]["char"]
        if char:
            yield char, tokens[index].start()
        index += 1


def _too_deep_closed(marks: list[tuple[str, int]], never_closed: set[int], limit: int) -> tuple[int, int] | None:
    """(offset of the first `[` that is closed and nested more than `limit` deep among closed brackets, the
    deepest such nesting), or None. The `[` never closed are always the bottom of the stack (nothing under one
    can be closed), so the closed depth is the stack's height less those."""
    stack: list[int] = []
    bottom = 0
    first, deepest = None, 0
    for char, offset in marks:
        if char == "[":
            stack.append(offset)
            if offset in never_closed:
                bottom += 1
                continue
            depth = len(stack) - bottom
            if depth > limit:
                first = offset if first is None else first
                deepest = max(deepest, depth)
        elif char == "]" and stack:
            stack.pop()
    return (first, deepest) if first is not None else None


def _code_spans(tokens: list[re.Match[str]]) -> dict[int, int]:
    """{index of a backtick run that opens a code span: index of the run that closes it}: the next run of the
    same length, read left to right as Python-Markdown's BacktickInlineProcessor does (an escaped backtick is an
    escape token, not a run; a run with no partner is text)."""
    runs: dict[int, list[int]] = {}  # run length -> indexes of the runs of that length, in order
    for index, token in enumerate(tokens):
        if token["ticks"]:
            runs.setdefault(len(token["ticks"]), []).append(index)
    spans: dict[int, int] = {}
    after = -1  # the index of the last closing run: runs before it are inside a span
    for index, token in enumerate(tokens):
        if not token["ticks"] or index <= after:
            continue
        same = runs[len(token["ticks"])]
        following = bisect_right(same, index)
        if following < len(same):
            spans[index] = after = same[following]
    return spans


def bracket_message(found: CostlyBrackets) -> str:
    """The maintainer's message for a finding of `costly_brackets` (Indonesian, or English with SSO_LANG=en)."""
    from .messages import say

    if found.kind == "deep":
        return say("markdown.deep_brackets", depth=found.count, limit=MAX_BRACKET_DEPTH)
    key = "markdown.open_brackets" if found.kind == "open" else "markdown.open_addresses"
    return say(key, count=found.count, limit=MAX_OPEN_BRACKETS)


# --- Unclosed HTML tags ----------------------------------------------------------------------------------------

# Python-Markdown reads raw HTML with Python's html.parser, which takes `<a ` for the start of a tag and reads on
# to the next `>`; with none after it, it gives up, takes the `<` as text and starts again one character on. Each
# tag opener with no `>` anywhere after it so costs a read to the end of the text: 20,000 `<a ` took 1 min 45 s to
# build. Writing HTML needs no such tag (every tag ends with `>`), so a few are allowed, as slips.
MAX_UNCLOSED_TAGS = 20
_TAG_OPENER = re.compile(r"<[A-Za-z][^\s/>]*[\s/]")


@dataclass(frozen=True)
class UnclosedTags:
    """Tag openers (`<a `) with no `>` after them in a page: where the first is (1-based line and column) and how
    many there are."""

    line: int
    column: int
    count: int


def unclosed_tags(text: str, limit: int = MAX_UNCLOSED_TAGS) -> UnclosedTags | None:
    """The tag openers of `text` (outside fenced code, which Markdown sets aside before it reads HTML) that no `>`
    follows, when there are more than `limit`; else None. One search from the end of the text, so linear."""
    stretches = list(_unfenced(text))
    after: list[int] = []
    for start, end in reversed(stretches):
        last = text.rfind(">", start, end)
        after = [match.start() for match in _TAG_OPENER.finditer(text, max(start, last + 1), end)] + after
        if last >= 0:
            break
    if len(after) <= limit:
        return None
    first = after[0]
    line = text.count("\n", 0, first) + 1
    return UnclosedTags(line, first - (text.rfind("\n", 0, first) + 1) + 1, len(after))


# --- Admonition bodies --------------------------------------------------------------------------------------------

_ADMONITION = re.compile(r"^(?P<indent>[ ]*)(?P<mark>!!!|\?\?\?\+?)[ \t]+\S")
BODY_INDENT = 4  # Python-Markdown's admonition and pymdownx.details read the body from four more spaces


@dataclass(frozen=True)
class AdmonitionBody:
    """An admonition (`!!! type "title"`) or details block (`??? type`) whose body Markdown would not read as its
    body: `line` and `column` of the offending line (1-based), the opener's `mark` and line, the body line's
    indentation and the one expected; `indent` == -1 when the text right under the opener is not indented at all
    (the block is then empty and the text an ordinary paragraph)."""

    line: int
    column: int
    mark: str
    opener: int
    indent: int
    expected: int


def misindented_bodies(text: str) -> list[AdmonitionBody]:
    """Each block opener (outside fenced code) whose first body line is indented by 1 to 3 spaces more than the
    opener (Markdown ends the block and shows the text as a paragraph), or that is followed directly, with no
    blank line, by a line not indented more than the opener (the block is empty)."""
    if "!!!" not in text and "???" not in text:
        return []
    lines = text.splitlines()
    found: list[AdmonitionBody] = []
    fenced: str | None = None
    for index, line in enumerate(lines):
        fence = FENCE.match(line)
        if fence:
            fenced = None if fenced == fence.group(1) else (fenced or fence.group(1))
            continue
        opener = _ADMONITION.match(line) if fenced is None else None
        if opener is None:
            continue
        base = len(opener["indent"])
        following = index + 1
        while following < len(lines) and not lines[following].strip():
            following += 1
        if following >= len(lines):
            continue
        body = lines[following].expandtabs(TAB_WIDTH)
        indent = len(body) - len(body.lstrip(" "))
        mark = opener["mark"]
        if base < indent < base + BODY_INDENT:
            found.append(AdmonitionBody(following + 1, indent + 1, mark, index + 1, indent, base + BODY_INDENT))
        elif following == index + 1 and indent <= base and not _ADMONITION.match(body):
            found.append(AdmonitionBody(following + 1, 1, mark, index + 1, -1, base + BODY_INDENT))
    return found


def admonition_message(found: AdmonitionBody, line_offset: int = 0) -> str:
    """The maintainer's message for a finding of `misindented_bodies`; the opener's line is counted in the file
    (`line_offset`: the lines before the text that was checked, such as front matter)."""
    from .messages import say

    opener = found.opener + line_offset
    if found.indent < 0:
        return say("markdown.admonition_empty", mark=found.mark, opener=opener, expected=found.expected)
    return say(
        "markdown.admonition_indent", mark=found.mark, opener=opener, actual=found.indent, expected=found.expected
    )
