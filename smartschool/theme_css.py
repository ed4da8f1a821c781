"""Material's stylesheet without the components this site never shows: a lighter first view (issue #18).

Material ships one stylesheet for every feature it has (about 23 KB gzip-compressed). Several of its components
cannot appear on this site: its own search (the site searches with Pagefind in its own dialog), repository and
version pickers, code-copy buttons and annotations, content tabs, diagrams, tags, cookie consent, feedback and
social links. Their rules are about a quarter of the file. `slim_stylesheet` drops every rule whose selectors all
name such a component; `components_used` lets the build refuse a page that starts using one, so a dropped rule is
never needed (hooks/slim_theme.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Class-name prefixes of the components the site does not use, and why each cannot appear.
UNUSED_COMPONENTS: dict[str, str] = {
    "md-search": "Material's own search: the site uses Pagefind in its own dialog (.sso-search)",
    "md-source": "the repository link: mkdocs.yml sets no repo_url",
    "md-version": "the version picker: the site has one version",
    "md-select": "the language and version menus: not configured",
    "md-annotation": "code annotations: content.code.annotate is off",
    "md-clipboard": "copy buttons: content.code.copy is off",
    "md-code__": "code block buttons: content.code.copy and content.code.select are off",
    "tabbed-": "content tabs: pymdownx.tabbed is not enabled",
    "mermaid": "diagrams: not used",
    "md-tag": "tags: the tags plugin is not used",
    "md-status": "page status badges: not used",
    "md-consent": "cookie consent: the site sets no cookies",
    "md-feedback": "the feedback widget: the site collects nothing",
    "md-social": "social links: not configured",
}

CLASS_ATTRIBUTE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
SOURCE_MAP = re.compile(r"/\*#\s*sourceMappingURL=[^*]*\*/\s*$")


def _blocks(css: str) -> tuple[list[str], str]:
    """The top-level rules of `css` (each `selector{…}` or `@rule …{…}`, nested braces kept) and what follows the
    last one (a trailing comment). Assumes no brace inside a string, which holds for Material's minified CSS."""
    blocks, depth, start = [], 0, 0
    for index, char in enumerate(css):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append(css[start : index + 1])
                start = index + 1
    return blocks, css[start:]


def _selectors(head: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside `:is(…)`, `:not(…)` …)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(head):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(head[start:index])
            start = index + 1
    parts.append(head[start:])
    return parts


def _requires(selector: str, prefixes: tuple[str, ...]) -> bool:
    """Whether `selector` matches only inside an element whose class starts with one of `prefixes`: such a class
    appears in it outside any parentheses (a class inside `:not(…)`, `:is(…)`, `:where(…)` or `:has(…)` is not
    required, so those are conservatively kept)."""
    outside, depth = [], 0
    for char in selector:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            outside.append(char)
    classes = re.findall(r"\.(-?[A-Za-z_][\w-]*)", "".join(outside))
    return any(name.startswith(prefixes) for name in classes)


def slim_stylesheet(css: str, unused: Iterable[str] = UNUSED_COMPONENTS) -> str:
    """`css` without the rules whose every selector requires a class starting with one of the `unused` prefixes,
    inside `@media`, `@supports` and `@container` too (an at-rule left empty goes as well). Other at-rules
    (`@keyframes`, `@font-face`, `@property`) are kept whole. The source-map comment goes: the map no longer
    matches."""
    prefixes = tuple(unused)

    def slim(text: str) -> str:
        blocks, tail = _blocks(text)
        kept = []
        for block in blocks:
            head = block[: block.index("{")]
            if head.lstrip().startswith(("@media", "@supports", "@container")):
                inner = slim(block[block.index("{") + 1 : -1])
                if inner.strip():
                    kept.append(f"{head}{{{inner}}}")
            elif head.lstrip().startswith("@") or not all(
                _requires(selector, prefixes) for selector in _selectors(head)
            ):
                kept.append(block)
        return "".join(kept) + tail

    return SOURCE_MAP.sub("", slim(css))


def components_used(html: str, unused: Iterable[str] = UNUSED_COMPONENTS) -> list[str]:
    """The `unused` prefixes that a class name in `html` starts with, in order, each once."""
    prefixes = tuple(unused)
    found: dict[str, None] = {}
    for match in CLASS_ATTRIBUTE.finditer(html):
        for name in (match.group(1) or match.group(2) or match.group(3) or "").split():
            for prefix in prefixes:
                if name.startswith(prefix):
                    found[prefix] = None
    return list(found)
