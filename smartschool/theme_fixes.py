"""Small repairs of the theme's markup that an override could only make by copying a whole template."""

from __future__ import annotations

import re

# Material 9's partials/nav-item.html writes `tabindex="{{ tabindex }}"` with an empty value for the active
# top-level section when `navigation.tabs` is on; an empty tabindex is invalid HTML (the Nu checker: "The empty
# string is not a valid integer") and browsers ignore it, so dropping it changes nothing for a reader.
EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')


def drop_empty_tabindex(html: str) -> str:
    """`html` without `tabindex=""` attributes."""
    return EMPTY_TABINDEX.sub("", html)
