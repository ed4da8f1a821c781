"""Text hygiene on parsed values: no control characters, no bidirectional overrides, no text that is all invisible.

The check runs on the values YAML produced, not on the file's text: an escape in a double-quoted string
("\\u0007", "\\u202E") passes every check of the raw text and only shows up here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from .messages import say

# Bidirectional embeddings, overrides and isolates: they reorder how the text around them is shown, so a text can
# display differently from what it holds (U+202A–U+202E, U+2066–U+2069).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Control characters a text may hold: a line break (a folded or literal block) and a tab, both shown as space.
ALLOWED_CONTROLS = frozenset("\t\n")

Loc = tuple[str | int, ...]


def text_fault(value: str) -> str | None:
    """What is wrong with the characters of one text value, or None. Printable text (nearly all) is passed at once."""
    if value.isprintable():
        return None
    for position, char in enumerate(value, start=1):
        code = f"U+{ord(char):04X}"
        if char in BIDI_CONTROLS:
            return say("text.bidi", code=code, position=position, hex=f"{ord(char):04X}")
        if unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROLS:
            return say("text.control", code=code, position=position, hex=f"{ord(char):04X}")
    invisible = [(position, char) for position, char in enumerate(value, start=1) if unicodedata.category(char) == "Cf"]
    if invisible and all(char.isspace() or unicodedata.category(char) == "Cf" for char in value):
        position, char = invisible[0]
        return say("text.invisible", code=f"U+{ord(char):04X}", position=position)
    return None


def text_faults(raw: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """(path, message) for every text value inside `raw` whose characters are refused, in document order.

    The walk keeps its own stack, so no nesting of lists and mappings can exhaust Python's recursion limit.
    """
    stack: list[tuple[Loc, Any]] = [(loc, raw)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, str):
            message = text_fault(value)
            if message is not None:
                yield here, message
        elif isinstance(value, dict):
            stack.extend(reversed([((*here, key), item) for key, item in value.items() if isinstance(key, str)]))
        elif isinstance(value, list):
            stack.extend(reversed([((*here, index), item) for index, item in enumerate(value)]))
