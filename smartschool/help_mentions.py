"""`[[bantuan:<id>]]`: a help channel named anywhere in content, with its contacts from `data/help.yaml`.

One syntax in module bodies, module front-matter text (take_home, key_messages, …) and the pages in docs/. The
build replaces each token with the channel's name and its tappable contacts, for example
`SAPA 129 (telepon 129, WhatsApp 08111-129-129)`, each contact a link (`tel:`, `https://wa.me/…`, the website).
So no page writes a number, a help website or a verification date by hand, and a changed number changes
everywhere at once.

Module text is untrusted: the replacement is done here, in our own code, never by a template engine, and every
piece of data in it is HTML-escaped (markupsafe). Code (fenced blocks and `inline code`) is left alone in
Markdown, so the maintainers' guide can show the token itself. Validation (`check_mentions`) reports an unknown
or unpublished id at its file, line and column before anything is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from .messages import field_path, module_subject, say
from .models import Contact, HelpChannel
from .problems import Problem, quoted

if TYPE_CHECKING:
    from .docs_pages import DocsPage

TOKEN = re.compile(r"\[\[bantuan:([^\[\]\n]*)\]\]")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
# Fields of a module whose text becomes the page's title or description (in <head>, where no link can be).
PLAIN_FIELDS = ("title", "summary")


@dataclass(frozen=True)
class Link:
    """A contact as a link: its address, its text and what kind of contact it is, in words."""

    href: str
    text: str
    label: str


@dataclass(frozen=True)
class Mention:
    """One `[[bantuan:<id>]]` in a text: the id as written, and where it starts (offset from 0; line and column
    from 1, within the text)."""

    ident: str
    offset: int
    line: int
    column: int


def international_number(number: str) -> str:
    """`08111-129-129` as `628111129129`; short numbers such as `129` stay as they are."""
    digits = re.sub(r"\D", "", number)
    if number.startswith("+"):
        return digits
    return "62" + digits[1:] if digits.startswith("0") else digits


def contact_link(contact: Contact) -> Link:
    """A `tel:` link, a `https://wa.me/…` link, or the web address itself.

    An extension (`119` then `8`) is shown as `119 ext. 8` and dialled as `tel:119,8`: the comma is the pause
    that the phone dialers in use (Android's, iOS's) wait through before sending the following digits as tones,
    which is what an extension behind a voice menu needs. RFC 3966's `;ext=8` parameter is the standard form, but
    dialers pass it on to the network or drop it instead of dialling it, so a caller would never reach the line.
    """
    if contact.kind == "telepon":
        digits = re.sub(r"\D", "", contact.value)
        href = f"tel:+{international_number(contact.value)}" if digits.startswith("0") else f"tel:{digits}"
        if contact.extension:
            return Link(f"{href},{contact.extension}", f"{contact.value} ext. {contact.extension}", "Telepon")
        return Link(href, contact.value, "Telepon")
    if contact.kind == "whatsapp":
        return Link(f"https://wa.me/{international_number(contact.value)}", contact.value, "WhatsApp")
    return Link(contact.value, contact.value.removeprefix("https://").removeprefix("http://"), "Situs web")


def contact_anchor(contact: Contact, text: str | None = None) -> Markup:
    """The contact as a link, the one way every page writes one: `<a href="tel:129">129</a>`. `text` is what the
    link says (default: the contact as written in the data, such as `129` or `aduankonten.id`); a link that leaves
    for another site (WhatsApp, the web) carries `rel="external"`, one that dials does not. Every data string is
    escaped."""
    link = contact_link(contact)
    external = Markup(' rel="external"') if contact.kind != "telepon" else Markup("")
    return Markup('<a href="{}"{}>{}</a>').format(link.href, external, link.text if text is None else text)


def running_text(contact: Contact) -> str:
    """How a contact is named in a sentence: `telepon 129`, `WhatsApp 08111-129-129`, `aduankonten.id`."""
    text = contact_link(contact).text
    return {"telepon": f"telepon {text}", "whatsapp": f"WhatsApp {text}"}.get(contact.kind, text)


def mention_html(channel: HelpChannel) -> Markup:
    """The channel's running-text name and its contacts as links, every data string escaped:
    `SAPA 129 (<a href="tel:129">telepon 129</a>, <a href="https://wa.me/…" rel="external">WhatsApp 08111-…</a>)`."""
    links = [contact_anchor(contact, running_text(contact)) for contact in channel.contacts]
    name = channel.short_name or channel.name
    if not links:
        return escape(name)
    return Markup("{} ({})").format(name, Markup(", ").join(links))


def mentions(text: str, *, markdown: bool = True) -> list[Mention]:
    """Every token in `text`, in order. In Markdown (`markdown=True`) tokens inside fenced code blocks and inline
    code spans are not mentions: they show the token itself."""
    found: list[Mention] = []
    fence: str | None = None
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        opening = FENCE.match(line) if markdown else None
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif opening:
            fence = opening.group(1)
        else:
            code = [m.span() for m in CODE_SPAN.finditer(line)] if markdown and "`" in line else []
            for match in TOKEN.finditer(line):
                if not any(start <= match.start() < end for start, end in code):
                    found.append(Mention(match.group(1), offset + match.start(), number, match.start() + 1))
        offset += len(line)
    return found


def replace_mentions(text: str, channels: Mapping[str, HelpChannel], *, markdown: bool = True) -> str:
    """`text` with every token of a known channel replaced by `mention_html`; code and unknown ids (which
    validation reports before a build) are left as written."""
    if "[[bantuan:" not in text:
        return text
    parts, last = [], 0
    for mention in mentions(text, markdown=markdown):
        channel = channels.get(mention.ident)
        if channel is None:
            continue
        end = mention.offset + len(f"[[bantuan:{mention.ident}]]")
        parts += [text[last : mention.offset], str(mention_html(channel))]
        last = end
    return "".join(parts) + text[last:]


# --- Validation ----------------------------------------------------------------------------------------------


def _fault(ident: str, published: set[str], known: set[str]) -> str | None:
    """Why `ident` cannot be shown (unknown, or known but not published), or None when it can."""
    if ident in published:
        return None
    if ident in known:
        return say("help.mention_unpublished", value=quoted(ident))
    return say("help.mention_unknown", value=quoted(ident), known=", ".join(sorted(published)))


def check_mentions(
    pages: Iterable[DocsPage], lessons: Iterable[Any], published: set[str], known: set[str]
) -> Iterator[Problem]:
    """Every token in module bodies, module front matter and docs/ pages names a published channel; none is in
    a module's `title` or `summary` (they become the page's title and description, which hold no links).

    `pages` are the docs/ pages (smartschool.docs_pages.read_docs_pages); `lessons` are `curriculum.LoadedLesson`s;
    `published` the ids of verified channels, `known` every id in the help file (valid or not, so a channel with
    its own problem is not reported again here).
    """
    for item in lessons:
        yield from _front_matter_mentions(item, published, known)
        body_line = item.source.body_line
        for mention in mentions(item.lesson.body):
            fault = _fault(mention.ident, published, known)
            if fault:
                yield Problem(
                    item.lesson.path,
                    body_line + mention.line - 1,
                    mention.column,
                    module_subject(item.lesson.id),
                    say("field.body"),
                    fault,
                )
    yield from _docs_mentions(pages, published, known)


def _front_matter_mentions(item: Any, published: set[str], known: set[str]) -> Iterator[Problem]:
    front = item.source.front
    lines = front.text.splitlines()
    for path, value in strings_in(front.data, ()):
        for mention in mentions(value, markdown=False):
            if path and path[0] in PLAIN_FIELDS:
                fault: str | None = say("help.mention_plain_field", field=path[0])
            else:
                fault = _fault(mention.ident, published, known)
            if not fault:
                continue
            line, column = front.locate(path)
            # The column of the token itself where the value and the token are on the value's first line.
            index = line - 1 - front.line_offset
            token = f"[[bantuan:{mention.ident}]]"
            if 0 <= index < len(lines) and mention.line == 1:
                found = lines[index].find(token, column - 1)
                if found >= 0:
                    column = found + 1
            yield Problem(item.lesson.path, line, column, module_subject(item.lesson.id), field_path(path), fault)


def strings_in(value: object, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every string in parsed YAML with its path: `(("objectives", 1), "Peserta mampu …")`."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from strings_in(inner, (*path, str(key)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from strings_in(inner, (*path, index))


def _docs_mentions(pages: Iterable[DocsPage], published: set[str], known: set[str]) -> Iterator[Problem]:
    for page in pages:
        if "[[bantuan:" not in page.text:
            continue
        for mention in mentions(page.text):
            fault = _fault(mention.ident, published, known)
            if fault:
                yield Problem(page.name, mention.line, mention.column, "", "", fault)
