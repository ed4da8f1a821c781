"""Tables and code blocks that may scroll sideways become named, keyboard-reachable scroll regions, at build time.

A table wider than the screen scrolls inside a box; a keyboard (or switch) user can only scroll that box if it takes
focus. WCAG 2.1.1 (Keyboard) and axe-core's `scrollable-region-focusable` rule ask for it; WCAG 4.1.2 asks that the
focused box has a name. Material for MkDocs wraps each `table:not([class])` in an unfocusable
`div.md-typeset__scrollwrap` at run time; here, at build time, every table is wrapped instead in
`<div class="sso-scroll" tabindex="0" role="region" aria-label="Tabel: …">`, and `docs/assets/site.css` makes that
box the only scroller (neither Material's wrapper inside it nor the table scrolls). It works without JavaScript.

A code block (`<pre>`) gets the same box, named "Kode" (Material makes a wide `pre > code` focusable only with
JavaScript and on devices that hover, so not on a touch phone).

Our stacking data tables (`table.sso-table`, one block per row on phones) never scroll and are left alone; a table
or code block inside a box that already scrolls (an earlier `.sso-scroll`, or an outer wrapped table) is not
wrapped again.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

STACKING_CLASS = "sso-table"
SCROLL_CLASS = "sso-scroll"
CODE_LABEL = "Kode"  # a code block's region name
MAX_HEADERS = 3  # a name lists at most this many column headings, then "…"


def region_label(caption: str, headers: list[str]) -> str:
    """The region's accessible name: `Tabel: <caption>`, else `Tabel: <first headings>, …`, else `Tabel`.

    `caption` and `headers` (the heading cells of the first row) are plain text, entities already decoded; runs of
    white space become one space.
    """
    caption = " ".join(caption.split())
    if caption:
        return f"Tabel: {caption}"
    names = [name for name in (" ".join(h.split()) for h in headers) if name]
    if not names:
        return "Tabel"
    more = ", …" if len(names) > MAX_HEADERS else ""
    return "Tabel: " + ", ".join(names[:MAX_HEADERS]) + more


def scroll_region_open(label: str) -> str:
    """The opening tag of the wrapper, with `label` escaped for an attribute value (a code block's box gets the
    modifier class `sso-scroll--code`)."""
    classes = f"{SCROLL_CLASS} {SCROLL_CLASS}--code" if label == CODE_LABEL else SCROLL_CLASS
    return f'<div class="{classes}" tabindex="0" role="region" aria-label="{html.escape(label, quote=True)}">'


def wrap_scrolling_tables(content: str) -> str:
    """`content` (a page's HTML) with each table that may scroll sideways wrapped in a focusable, named region.

    Wrapped: every `<table>` that is not a `table.sso-table` and is not already inside an `.sso-scroll` box or
    another wrapped table. The text between the tags is kept byte for byte, so wrapping twice changes nothing.
    Markup the parser cannot pair up (a `<table>` never closed) is left as it is; nothing is raised.
    """
    finder = _TableFinder(content)
    finder.feed(content)
    finder.close()
    out, done = [], 0
    for start, end, label in sorted(finder.wraps):
        out += [content[done:start], scroll_region_open(label), content[start:end], "</div>"]
        done = end
    out.append(content[done:])
    return "".join(out)


@dataclass
class _Table:
    """A table open while parsing: where it starts, whether it gets wrapped, and the text that names it."""

    start: int
    wrap: bool
    caption: str = ""
    headers: list[str] = field(default_factory=list)
    first_row_done: bool = False
    text: list[str] | None = None  # the caption or heading cell being read, if any


class _TableFinder(HTMLParser):
    """Finds the tables to wrap: `wraps` holds (start offset, end offset, label) in document order."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.tables: list[_Table] = []
        self.divs: list[bool] = []  # for each open <div>: is it an .sso-scroll box?
        self.pres: list[int | None] = []  # for each open <pre>: its start offset if it gets wrapped
        self.wraps: list[tuple[int, int, str]] = []

    def tag_offset(self) -> int:
        """Offset in the source of the tag being handled."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def scrolled(self) -> bool:
        """Is the current position already inside a box that scrolls sideways?"""
        return any(self.divs) or any(table.wrap for table in self.tables) or any(p is not None for p in self.pres)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = " ".join(value or "" for name, value in attrs if name == "class").split()
        if tag == "div":
            self.divs.append(SCROLL_CLASS in classes)
        elif tag == "table":
            self.tables.append(_Table(self.tag_offset(), wrap=STACKING_CLASS not in classes and not self.scrolled()))
        elif tag == "pre":
            self.pres.append(None if self.scrolled() else self.tag_offset())
        elif self.tables:
            table = self.tables[-1]
            if tag == "caption" or (tag == "th" and not table.first_row_done):
                table.text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.divs:
            self.divs.pop()
        elif tag == "pre" and self.pres:
            start = self.pres.pop()
            if start is not None:
                self.wraps.append((start, self.source.find(">", self.tag_offset()) + 1, CODE_LABEL))
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            if table.wrap:
                end = self.source.find(">", self.tag_offset()) + 1
                self.wraps.append((table.start, end, region_label(table.caption, table.headers)))
        elif self.tables:
            table = self.tables[-1]
            if tag in ("caption", "th") and table.text is not None:
                text, table.text = "".join(table.text), None
                if tag == "caption":
                    table.caption = text
                else:
                    table.headers.append(text)
            elif tag == "tr":
                table.first_row_done = True  # column headings are the heading cells of the first row only

    def handle_data(self, data: str) -> None:
        if self.tables and self.tables[-1].text is not None:
            self.tables[-1].text.append(data)
