"""Find what a module body may not contain, with its place and what to write instead.

The rendered page passes the allowlist sanitiser in any case (`smartschool.content_boundary`); this check tells
the author, at validation time and with line and column, which of their constructs the boundary would drop:
raw HTML other than a few bare inline tags, HTML comments, link or image addresses with a scheme other than
http(s), mailto and tel (images: relative addresses only, no request to another site), and attribute lists
(`{: … }`, Python-Markdown's attr_list) that set anything but an id, a class or a `data-` attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .content_boundary import AUTHOR_TAGS, THEME_ID_PREFIX, URL_SCHEMES, is_local, url_scheme
from .messages import say

# A line holds something to check only if it has one of these: raw HTML or an autolink, a link, a reference
# definition, an attribute list.
TRIGGERS = ("<", "](", "]:", "{")
# Python-Markdown does not treat a backslash before `<` as an escape, so `\<img …>` is raw HTML too.
FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])([^>]*)>?")
COMMENT = re.compile(r"<!--|<[!?][A-Za-z]")
INLINE_LINK = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)")  # one level of (…) inside, as CommonMark
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}")
ATTR_TOKEN = re.compile(r"""([#.][^\s#.=]+)|([^\s=]+)(?:=("[^"]*"|'[^']*'|\S*))?""")

TAG_LIST = ", ".join(f"<{tag}>" for tag in sorted(AUTHOR_TAGS))


@dataclass(frozen=True)
class Finding:
    """One refused construct: 1-based line within the text, 1-based column, and the message."""

    line: int
    column: int
    message: str


def _visible_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) outside fenced code, with inline code spans blanked out (columns kept)."""
    fenced = None
    for number, line in enumerate(text.splitlines(), start=1):
        fence = FENCE.match(line)
        if fence:
            fenced = None if fenced == fence.group(1) else (fenced or fence.group(1))
            continue
        if fenced is None and any(mark in line for mark in TRIGGERS):  # most lines hold nothing to check
            yield number, CODE_SPAN.sub(lambda m: " " * len(m.group()), line) if "`" in line else line


def _raw_html(number: int, line: str) -> Iterator[Finding]:
    for found in COMMENT.finditer(line):
        yield Finding(number, found.start() + 1, say("body.html_comment"))
    for found in TAG.finditer(line):
        closing, name, attributes = found.group(1), found.group(2).lower(), found.group(3).strip(" /")
        if closing:
            continue  # the opening tag is reported
        if name not in AUTHOR_TAGS:
            yield Finding(number, found.start() + 1, say("body.raw_html", name=name, tags=TAG_LIST))
        elif attributes:
            yield Finding(number, found.start() + 1, say("body.html_attributes", name=name, attributes=attributes[:40]))


def _links(number: int, line: str) -> Iterator[Finding]:
    for pattern in (INLINE_LINK, AUTOLINK, REFERENCE):
        for found in pattern.finditer(line):
            address = found.group(1)
            scheme = url_scheme(address)
            if scheme is not None and scheme not in URL_SCHEMES:
                yield Finding(
                    number, found.start(1) + 1, say("body.link_scheme", address=repr(address[:60]), scheme=scheme)
                )
    for found in IMAGE.finditer(line):
        address = found.group(1)
        if not is_local(address):
            yield Finding(number, found.start(1) + 1, say("body.image_remote", address=repr(address[:60])))


def _attribute_lists(number: int, line: str) -> Iterator[Finding]:
    for found in ATTR_LIST.finditer(line):
        tokens = list(ATTR_TOKEN.finditer(found.group(1)))
        if not tokens or not any(t.group(1) or t.group(3) is not None for t in tokens):
            continue  # braces in text, such as "{nama}", not an attribute list
        for token in tokens:
            shorthand, name = token.group(1), (token.group(2) or "").lower()
            column = found.start(1) + token.start() + 1
            if shorthand and shorthand.startswith("#") and shorthand[1:].startswith(THEME_ID_PREFIX):
                yield Finding(number, column, say("body.theme_id", value=repr(shorthand), prefix=THEME_ID_PREFIX))
            elif not shorthand and not name.startswith("data-"):
                yield Finding(number, column, say("body.attribute_list", written=found.group()[:60], name=repr(name)))


def unsafe_constructs(text: str) -> list[Finding]:
    """Every refused construct in the Markdown `text`, in reading order. Fenced and inline code is skipped."""
    findings: list[Finding] = []
    if not any(mark in text for mark in TRIGGERS):
        return findings
    for number, line in _visible_lines(text):
        if "<" in line:
            findings.extend(_raw_html(number, line))
        if "](" in line or "]:" in line or "<" in line:
            findings.extend(_links(number, line))
        if "{" in line:
            findings.extend(_attribute_lists(number, line))
    return sorted(findings, key=lambda f: (f.line, f.column))
