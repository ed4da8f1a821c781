"""Quick exit ("Keluar cepat") for the sections listed in mkdocs.yml: which pages get it, and its markup."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .render import render

BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def needs_quick_exit(page_url: str, sections: Iterable[str]) -> bool:
    """A page gets the exit when its URL (such as `remaja/`, `bantuan/aman-membaca/`) is in a listed section."""
    return any(page_url.startswith(section) for section in sections)


def unmatched_sections(sections: Iterable[str], page_urls: Iterable[str]) -> list[str]:
    """The listed sections (in their order) that no page URL starts with: a typo, or a section since moved."""
    urls = list(page_urls)
    return [section for section in sections if not any(needs_quick_exit(url, [section]) for url in urls)]


def quick_exit_markup(exit_url: str) -> str:
    """The exit: a skip link (the page's first focusable element), the sticky button and a live region."""
    return render("quick_exit.html", url=exit_url)


def insert_after_body_open(html: str, markup: str) -> str:
    """Put `markup` right after the `<body>` tag, so it comes before anything else that takes focus."""
    match = BODY_OPEN.search(html)
    if match is None:
        raise ValueError("the page has no <body> tag")
    return html[: match.end()] + markup + html[match.end() :]
