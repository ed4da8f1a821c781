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

ALLOWED_LINKS = ("an https://, http://, mailto: or tel: address, or a relative link to a file such as "
                 "bersuara-dan-melapor.md")
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
        if fenced is None:
            yield number, CODE_SPAN.sub(lambda m: " " * len(m.group()), line)


def _raw_html(number: int, line: str) -> Iterator[Finding]:
    for found in COMMENT.finditer(line):
        yield Finding(number, found.start() + 1, "an HTML comment or declaration is not allowed in a module (it "
                      "would be published in the page source), expected the note removed or written as text")
    for found in TAG.finditer(line):
        closing, name, attributes = found.group(1), found.group(2).lower(), found.group(3).strip(" /")
        if closing:
            continue  # the opening tag is reported
        if name not in AUTHOR_TAGS:
            yield Finding(number, found.start() + 1, f"raw HTML <{name}> is not allowed in a module, "
                          "expected Markdown (text, lists, tables, **bold**, admonitions such as !!! note); "
                          f"only {TAG_LIST} may be written as HTML")
        elif attributes:
            yield Finding(number, found.start() + 1, f"raw HTML <{name} {attributes[:40]}> has attributes, "
                          f"expected <{name}> without attributes")


def _links(number: int, line: str) -> Iterator[Finding]:
    for pattern in (INLINE_LINK, AUTOLINK, REFERENCE):
        for found in pattern.finditer(line):
            address = found.group(1)
            scheme = url_scheme(address)
            if scheme is not None and scheme not in URL_SCHEMES:
                yield Finding(number, found.start(1) + 1, f"link address {address[:60]!r} uses '{scheme}:', "
                              f"expected {ALLOWED_LINKS}")
    for found in IMAGE.finditer(line):
        address = found.group(1)
        if not is_local(address):
            yield Finding(number, found.start(1) + 1, f"image address {address[:60]!r} is not in the project, "
                          "expected a relative path to an image in the project (the site requests nothing from "
                          "other sites)")


def _attribute_lists(number: int, line: str) -> Iterator[Finding]:
    for found in ATTR_LIST.finditer(line):
        tokens = list(ATTR_TOKEN.finditer(found.group(1)))
        if not tokens or not any(t.group(1) or t.group(3) is not None for t in tokens):
            continue  # braces in text, such as "{nama}", not an attribute list
        for token in tokens:
            shorthand, name = token.group(1), (token.group(2) or "").lower()
            column = found.start(1) + token.start() + 1
            if shorthand and shorthand.startswith("#") and shorthand[1:].startswith(THEME_ID_PREFIX):
                yield Finding(number, column, f"id {shorthand!r} starts with '{THEME_ID_PREFIX}', which the theme "
                              "reserves for itself, expected another id")
            elif not shorthand and not name.startswith("data-"):
                yield Finding(number, column, f"attribute list '{found.group()[:60]}' sets {name!r}, expected only "
                              "#id, .class and data- attributes (event handlers and style are not allowed)")


def unsafe_constructs(text: str) -> list[Finding]:
    """Every refused construct in the Markdown `text`, in reading order. Fenced and inline code is skipped."""
    findings: list[Finding] = []
    for number, line in _visible_lines(text):
        for check in (_raw_html, _links, _attribute_lists):
            findings.extend(check(number, line))
    return sorted(findings, key=lambda f: (f.line, f.column))
