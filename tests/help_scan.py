"""Scan built pages for help contacts and verification dates written by hand (issue #18, "Help contacts from one
place"). Used by tests/test_help_contacts.py; run on any built site: `python tests/help_scan.py <site>`.

What counts, in the text a reader sees (script, style and attribute values are not text; <code> and <pre> show
syntax to maintainers, not a number to call, and are skipped):

1. A phone-number-like digit run outside a link: five or more digits, optionally starting with `+`, where single
   spaces or hyphens may stand between digits (`08111-129-129`, `+62 811 1129 129`, `1500771`). A date written
   as `2026-11-28` is a date, not a run.
2. A help channel's telephone or WhatsApp number from data/help.yaml outside a link, as a whole number (`129`,
   `110`), unless it is part of the channel's name (`SAPA 129`, `Polri 110`, `(SEJIWA) 119`: the word before the
   number in the channel's name or short name comes right before it), or a quantity (`110 menit`, or a
   generated table's cell labelled "Menit").
3. A help channel's web address (its host, `aduankonten.id`) outside a link.
4. A verification date or year written by hand: a year within 60 characters after "diperiksa", "diverifikasi"
   or "dicek" in the same sentence, or "per" followed by a date or a year (`per 28 November 2026`), unless the
   date is a `<time datetime>` whose value is one channel's `verified` date from the data (the help box and
   /bantuan/ print them so).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from smartschool.models import HelpChannel

SKIPPED = {"script", "style", "template", "code", "pre", "svg", "head"}
INLINE = {"strong", "em", "b", "i", "span", "abbr", "mark", "small", "sub", "sup", "kbd", "q", "u", "s"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source", "area", "base", "embed", "track"}
LINK_MARK = "\ue000"  # stands for a link's text: keeps what is around a link apart
DATE_MARK = "\ue001"  # stands for a verification date printed from the data
DIGIT_RUN = re.compile(r"(?<![\w+])\+?\d(?:[ -]?\d){4,}(?!\w)")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
QUANTITY_LABELS = {"Menit", "Durasi"}  # table cells of generated tables that hold minutes
QUANTITY = re.compile(r"^\s*(menit|jam|hari|tahun|orang|peserta|%)", re.IGNORECASE)
VERIFY_WORD = re.compile(r"\b(diperiksa|diverifikasi|dicek)\b([^.\n]{0,60}?)\b((?:19|20)\d{2})\b", re.IGNORECASE)
PER_DATE = re.compile(r"\bper\s+(?:\d{1,2}\s+[A-Za-z]+\s+)?((?:19|20)\d{2})\b")


@dataclass(frozen=True)
class Finding:
    """One hand-written contact or date on one page."""

    page: str
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.page}: {self.kind}: {self.text!r}"


class _Text(HTMLParser):
    """The page's visible text twice: with link text replaced by LINK_MARK (for contacts) and with verification
    dates from the data replaced by DATE_MARK (for dates)."""

    def __init__(self, verified: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.verified = verified
        self.contacts: list[str] = []
        self.dates: list[str] = []
        self.stack: list[str] = []
        self.skip = 0
        self.link = 0
        self.date = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            if tag == "br":
                self._both("\n")
            return
        self.stack.append(tag)
        if tag in SKIPPED:
            self.skip += 1
        if tag == "a" or (tag == "td" and dict(attrs).get("data-label") in QUANTITY_LABELS):
            self.stack[-1] = "a"  # a quantity cell (a module's minutes) is no contact either: treated as a link
            self.link += 1
            if self.link == 1:
                self.contacts.append(LINK_MARK)
        if tag == "time" and dict(attrs).get("datetime") in self.verified:
            self.date += 1
            self.dates.append(DATE_MARK)
        if tag not in INLINE and tag not in ("a", "time"):
            self._both("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in SKIPPED:
                self.skip -= 1
            if open_tag == "a":
                self.link -= 1
            if open_tag == "time" and self.date:
                self.date -= 1
            if open_tag == tag:
                break
        if tag not in INLINE and tag not in ("a", "time"):
            self._both("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self.link:
            self.contacts.append(data)
        if not self.date:
            self.dates.append(data)

    def _both(self, text: str) -> None:
        self.contacts.append(text)
        self.dates.append(text)


def _name_words(channel: HelpChannel, digits: str) -> set[str]:
    """The words that come right before `digits` in the channel's names: `SAPA` for SAPA 129."""
    words = set()
    for name in filter(None, (channel.name, channel.short_name)):
        for found in re.finditer(rf"(\S+)\s+{re.escape(digits)}(?!\d)", name):
            words.add(found.group(1))
    return words


def scan_page(html: str, page: str, channels: list[HelpChannel]) -> list[Finding]:
    """Every hand-written contact or verification date on one page (see the module's docstring)."""
    parser = _Text({c.verified.isoformat() for c in channels})
    parser.feed(html)
    parser.close()
    contacts = re.sub(r"[ \t\r\f\v\u00a0]+", " ", "".join(parser.contacts))
    dates = re.sub(r"\s+", " ", "".join(parser.dates))
    findings = []
    for run in DIGIT_RUN.finditer(contacts):
        if not ISO_DATE.match(run.group()):
            findings.append(Finding(page, "digit run outside a link", run.group()))
    for channel in channels:
        for contact in channel.contacts:
            if contact.kind == "web":
                host = contact.value.split("/")[2].removeprefix("www.")
                for found in re.finditer(rf"(?<![\w.-]){re.escape(host)}(?![\w-])", contacts, re.IGNORECASE):
                    findings.append(Finding(page, f"web address of {channel.id} outside a link", found.group()))
                continue
            digits = re.sub(r"\D", "", contact.value)
            words = _name_words(channel, digits)
            for found in re.finditer(rf"(?<![\w.,+-]){re.escape(digits)}(?![\w-]|[.,]\d)", contacts):
                before = contacts[: found.start()].rstrip(" *")
                if any(before.endswith(word) for word in words) or QUANTITY.match(contacts[found.end() :]):
                    continue
                context = contacts[max(0, found.start() - 30) : found.end() + 10].replace(LINK_MARK, "[link]")
                findings.append(Finding(page, f"number of {channel.id} outside a link", context.strip()))
    for found in VERIFY_WORD.finditer(dates):
        findings.append(Finding(page, "verification year written by hand", found.group()))
    for found in PER_DATE.finditer(dates):
        findings.append(Finding(page, "'per' date written by hand", found.group()))
    return findings


def scan_site(site: Path, channels: list[HelpChannel]) -> list[Finding]:
    """Every finding on every HTML page of a built site (search data and the 404 page included)."""
    findings = []
    for path in sorted(site.rglob("*.html")):
        findings += scan_page(path.read_text("utf-8"), path.relative_to(site).as_posix(), channels)
    return findings


def published_channels(root: Path) -> list[HelpChannel]:
    """The verified channels of `root`'s data/help.yaml (read on its own: the rest of the data may be mid-edit)."""
    import msgspec
    import yaml

    from smartschool.models import HelpFile

    data = yaml.safe_load((root / "data/help.yaml").read_text("utf-8"))
    return [c for c in msgspec.convert(data, HelpFile).channels if c.status == "verified"]


if __name__ == "__main__":
    found = scan_site(Path(sys.argv[1]), published_channels(Path(__file__).resolve().parent.parent))
    print("\n".join(map(str, found)))
    print(f"{len(found)} findings")
