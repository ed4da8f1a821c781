"""The participant view: what a lesson shows when "Tampilan peserta" is ticked, on screen and in print.

Facilitator-only content carries `data-sso-facilitator` (the script, `fasilitator` and `perlindungan` blocks,
materials, discussion questions, SMP/SMA notes, the answer key); the self-check carries `data-sso-answers` (its
answers would spoil the before/after sheet). docs/assets/site.css hides both when the box is ticked; the tests
remove both to get what a participant sees (`participant_html`).
"""

from __future__ import annotations

import re

FACILITATOR_ATTRIBUTE = "data-sso-facilitator"
ANSWERS_ATTRIBUTE = "data-sso-answers"
HIDDEN_SELECTOR = f"[{FACILITATOR_ATTRIBUTE}], [{ANSWERS_ATTRIBUTE}]"
# The opening tag of a facilitator-only admonition as Python-Markdown and pymdownx.details write it.
_BLOCK = re.compile(
    r'<(div|details)\b([^>]*?\bclass="(?:admonition )?(?:fasilitator|perlindungan)(?=[ "])[^"]*"[^>]*?)(/?)>'
)


def mark_facilitator_blocks(html: str) -> str:
    """`html` with `data-sso-facilitator="note"` on every `fasilitator` and `perlindungan` admonition."""
    return _BLOCK.sub(rf'<\1\2 {FACILITATOR_ATTRIBUTE}="note"\3>', html)


def participant_html(html: str) -> str:
    """The page as a participant sees it: every element the participant view hides removed (BeautifulSoup, tests
    and checks only)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(HIDDEN_SELECTOR):
        element.decompose()
    return str(soup)
