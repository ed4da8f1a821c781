"""Material's stylesheets without the rules this site never uses: a lighter first view (issue #18).

Material ships one stylesheet for every feature it has (about 23 KB gzip-compressed) and one with every colour
palette (2 KB). Everything in them blocks the first paint, and on a 400 kbit/s link each kilobyte costs 20 ms.
Two passes leave out what cannot apply here, both over CSS parsed with tinycss2 (the CSS Syntax Level 3 parser
WeasyPrint uses):

1. **Declared components** (`slim_stylesheet`): Material's own search, repository and version pickers, code-copy
   buttons, content tabs, tags … Their class names are in Material's script, so usage cannot rule them out;
   `UNUSED_COMPONENTS` names each with the reason it cannot appear, and `components_used` lets the build refuse a
   page that starts using one (hooks/slim_theme.py).
2. **Usage** (`purge_stylesheet`, after the whole site is built): a rule goes when each of its selectors needs a
   class that no built page has in a `class` attribute and no built script names anywhere (footnotes, task lists,
   admonition kinds never written, blog components …), or a palette attribute value
   (`[data-md-color-primary=red]`) no page sets. Then custom properties that nothing reads any more go
   (`--md-admonition-icon--bug`, an SVG in a data URL), repeatedly, since one may only have been read by another.

The site's own stylesheets (docs/assets/*.css) keep every rule; only their comments are left out
(`without_comments`), about a third of their compressed size.

A class that a script might add is kept as soon as its name appears in any script of the site, so the usage pass
can only keep too much, never too little.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tinycss2

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

# Scripts in the built site that no page runs: Material's own search (its worker and lunr's language files), which
# this site replaces with Pagefind. What they name says nothing about what pages use.
UNUSED_SCRIPTS = ("assets/javascripts/workers/", "assets/javascripts/lunr/")

# Attributes whose value selects a palette: Material's palette stylesheet has a rule per value of each
# (`[data-md-color-primary=indigo]`); a page sets the ones mkdocs.yml chooses, on <body> and on the palette toggle.
PALETTE_ATTRIBUTES = ("data-md-color-primary", "data-md-color-accent", "data-md-color-scheme")

CLASS_ATTRIBUTE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
PALETTE_ATTRIBUTE = re.compile(rf"""\b({"|".join(PALETTE_ATTRIBUTES)})\s*=\s*["']?([^"'\s>]+)""")
VARIABLE_READ = re.compile(r"var\(\s*(--[\w-]+)")
# At-rules whose block holds rules (slimmed inside); any other at-rule (@keyframes, @font-face …) is kept whole.
GROUPING_AT_RULES = frozenset({"media", "supports", "container", "layer"})

Node = Any  # a tinycss2 node: QualifiedRule, AtRule, Declaration, a token, whitespace or a comment
SelectorTest = Callable[[Sequence[Node]], bool]  # whether a selector (its tokens) can match nothing on the site


@dataclass(frozen=True)
class Usage:
    """What the built site uses, as far as its stylesheets can tell.

    `classes`: every class name in a `class` attribute of a built page. `scripts`: the text of every script the
    pages may run, in which a class or custom-property name counts as used wherever it appears as a whole name
    (`"md-tag"`, `".md-tag:hover"`; not inside `debug` or `md-tag-x`). `palette`: the (attribute, value)
    pairs of PALETTE_ATTRIBUTES set on a page. `reads`: custom properties read with `var(…)` in a page (inline
    styles).
    """

    classes: frozenset[str] = frozenset()
    scripts: str = ""
    palette: frozenset[tuple[str, str]] = frozenset()
    reads: frozenset[str] = frozenset()
    _known: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def has_class(self, name: str) -> bool:
        """Whether a page has the class `name` or a script names it."""
        if name not in self._known:
            self._known[name] = name in self.classes or self.script_names(name)
        return self._known[name]

    def script_names(self, name: str) -> bool:
        """Whether a script names `name` (a class or custom property) as a whole CSS name."""
        return re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", self.scripts) is not None


def usage_of_site(site: Path, unused_scripts: Iterable[str] = UNUSED_SCRIPTS) -> Usage:
    """The Usage of the built site in `site`: its `*.html` pages and `*.js` scripts (read as UTF-8), but for the
    scripts under the `unused_scripts` folders (paths relative to `site`, ending in `/`)."""
    classes: set[str] = set()
    palette: set[tuple[str, str]] = set()
    reads: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8", errors="replace")
        classes.update(class_names(html))
        palette.update((name, value.lower()) for name, value in PALETTE_ATTRIBUTE.findall(html))
        reads.update(VARIABLE_READ.findall(html))
    skipped = tuple(unused_scripts)
    scripts = "\n".join(
        path.read_text("utf-8", errors="replace")
        for path in sorted(site.rglob("*.js"))
        if not path.relative_to(site).as_posix().startswith(skipped)
    )
    return Usage(frozenset(classes), scripts, frozenset(palette), frozenset(reads))


def class_names(html: str) -> Iterator[str]:
    """Every class name in a `class` attribute of `html` (quoted or not), in order, with repeats."""
    for match in CLASS_ATTRIBUTE.finditer(html):
        yield from (match.group(1) or match.group(2) or match.group(3) or "").split()


def components_used(html: str, unused: Iterable[str] = UNUSED_COMPONENTS) -> list[str]:
    """The `unused` prefixes that a class name in `html` starts with, in order, each once."""
    prefixes = tuple(unused)
    found: dict[str, None] = {}
    for name in class_names(html):
        for prefix in prefixes:
            if name.startswith(prefix):
                found[prefix] = None
    return list(found)


# --- Selectors ---------------------------------------------------------------------------------------------------


def _selectors(prelude: Sequence[Node]) -> list[list[Node]]:
    """A rule's selector list, split at its top-level commas (a comma inside `:is(…)` is inside a function token)."""
    selectors: list[list[Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _required_classes(selector: Sequence[Node]) -> Iterator[str]:
    """The classes an element matched by `selector` (or one of its ancestors or siblings) must have: each `.name`
    at the top level. A class inside `:not(…)`, `:is(…)`, `:where(…)` or `:has(…)` is in a function token, so it
    is not required and such a selector is conservatively kept."""
    for before, token in itertools.pairwise(selector):
        if before.type == "literal" and before.value == "." and token.type == "ident":
            yield token.value


def _vendor_prefixed(selector: Sequence[Node]) -> bool:
    """Whether `selector` has a vendor-prefixed pseudo-class or pseudo-element (`::-moz-selection`). A browser drops
    a whole selector list for one selector it does not know, so such a selector stays in its list even when dead:
    taking it out could make the rule apply where it never did."""
    return ":-" in tinycss2.serialize(selector)


def _with_selectors(rule: Node, selectors: list[list[Node]]) -> Node:
    """A copy of the qualified rule `rule` whose selector list is `selectors` (each a list of tokens)."""
    prelude: list[Node] = []
    for index, selector in enumerate(selectors):
        if index:
            prelude.append(tinycss2.ast.LiteralToken(rule.source_line, rule.source_column, ","))
        prelude.extend(selector)
    return tinycss2.ast.QualifiedRule(rule.source_line, rule.source_column, prelude, rule.content)


def _required_palette(selector: Sequence[Node]) -> Iterator[tuple[str, str]]:
    """The (attribute, value) pairs of PALETTE_ATTRIBUTES that `selector` requires (`[data-md-color-accent=red]`)."""
    for token in selector:
        if token.type != "[] block":
            continue
        parts = [part for part in token.content if part.type != "whitespace"]
        if (
            len(parts) == 3
            and parts[0].type == "ident"
            and parts[0].value in PALETTE_ATTRIBUTES
            and parts[1].type == "literal"
            and parts[1].value == "="
            and parts[2].type in ("ident", "string")
        ):
            yield parts[0].value, parts[2].value.lower()


# --- Rules ---------------------------------------------------------------------------------------------------------


def _parse(css: str) -> list[Node]:
    return list(tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=False))


def _filter_rules(nodes: list[Node], dead: SelectorTest) -> list[Node]:
    """`nodes` without the qualified rules whose every selector is `dead`, and without the dead selectors of the
    others' selector lists (but for vendor-prefixed ones), looking inside grouping at-rules (one left empty goes
    too). Comments go (the source-map comment no longer matches the file), and so does text the parser cannot read
    as a rule, which a browser skips too."""
    kept: list[Node] = []
    for node in nodes:
        if node.type in ("comment", "error"):  # a browser skips what it cannot parse, and so does this
            continue
        if node.type == "qualified-rule":
            selectors = _selectors(node.prelude)
            alive = [not dead(selector) for selector in selectors]
            if not any(alive):
                continue
            if not all(alive):
                live = [
                    selector for selector, on in zip(selectors, alive, strict=True) if on or _vendor_prefixed(selector)
                ]
                kept.append(_with_selectors(node, live))
                continue
        if node.type == "at-rule" and node.lower_at_keyword in GROUPING_AT_RULES and node.content is not None:
            inner = _filter_rules(tinycss2.parse_rule_list(node.content, skip_comments=False), dead)
            if not any(part.type in ("qualified-rule", "at-rule") for part in inner):
                continue
            kept.append(_with_content(node, inner))
            continue
        kept.append(node)
    return kept


def _with_content(rule: Node, content: list[Node]) -> Node:
    """A copy of the at-rule or qualified rule `rule` whose block holds `content` (rules or declarations), kept as
    tokens as the parser gives them, so that the copy can be parsed again like the original."""
    tokens = tinycss2.parse_component_value_list(tinycss2.serialize(content))
    if rule.type == "at-rule":
        return tinycss2.ast.AtRule(
            rule.source_line, rule.source_column, rule.at_keyword, rule.lower_at_keyword, rule.prelude, tokens
        )
    return tinycss2.ast.QualifiedRule(rule.source_line, rule.source_column, rule.prelude, tokens)


def without_comments(css: str) -> str:
    """`css` without its comments (kept in the repository for the maintainers; a reader's phone needs none of
    them), rules and spacing as written."""
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=False)
    return str(tinycss2.serialize([node for node in nodes if node.type != "error"]))


def slim_stylesheet(css: str, unused: Iterable[str] = UNUSED_COMPONENTS) -> str:
    """`css` without the rules whose every selector requires a class starting with one of the `unused` prefixes,
    inside `@media`, `@supports`, `@container` and `@layer` too (one left empty goes as well). Other at-rules
    (`@keyframes`, `@font-face`, `@property`) are kept whole; comments go."""
    prefixes = tuple(unused)

    def dead(selector: Sequence[Node]) -> bool:
        return any(name.startswith(prefixes) for name in _required_classes(selector))

    return str(tinycss2.serialize(_filter_rules(_parse(css), dead)))


def purge_stylesheet(css: str, usage: Usage, also_read_by: str = "") -> str:
    """`css` without what `usage` shows the site never uses (see the module's docstring): rules whose every
    selector requires an unused class or palette value, then custom properties nothing reads. A property counts
    as read when `var(--name)` appears in the kept rules or in `also_read_by` (the site's other stylesheets), a
    page reads it, or a script names it."""

    def dead(selector: Sequence[Node]) -> bool:
        return any(not usage.has_class(name) for name in _required_classes(selector)) or any(
            pair not in usage.palette for pair in _required_palette(selector)
        )

    rules = _filter_rules(_parse(css), dead)
    text = str(tinycss2.serialize(rules))
    while True:
        read = set(VARIABLE_READ.findall(text)) | set(VARIABLE_READ.findall(also_read_by)) | usage.reads
        declared = set(_declared_properties(rules))
        unread = {name for name in declared - read if not usage.script_names(name)}
        if not unread:
            return text
        rules = _without_properties(rules, unread)
        shorter = str(tinycss2.serialize(rules))
        if shorter == text:  # nothing could go (a rule it cannot read is left whole): done
            return text
        text = shorter


def _declared_properties(nodes: Iterable[Node]) -> Iterator[str]:
    """Every custom property declared in `nodes`, inside grouping at-rules too (but in a rule that holds a
    declaration the parser cannot read, which is left whole)."""
    for node in nodes:
        if node.type == "qualified-rule":
            parts = tinycss2.parse_blocks_contents(node.content)
            if any(part.type == "error" for part in parts):
                continue
            for part in parts:
                if part.type == "declaration" and part.name.startswith("--"):
                    yield part.name
        elif node.type == "at-rule" and node.lower_at_keyword in GROUPING_AT_RULES and node.content is not None:
            yield from _declared_properties(tinycss2.parse_rule_list(node.content))


def _without_properties(nodes: list[Node], unread: set[str]) -> list[Node]:
    """`nodes` without the declarations of the custom properties `unread`; a rule left with no content goes."""
    kept: list[Node] = []
    for node in nodes:
        if node.type == "qualified-rule":
            parts = tinycss2.parse_blocks_contents(node.content)
            has_errors = any(part.type == "error" for part in parts)
            if not has_errors and any(part.type == "declaration" and part.name in unread for part in parts):
                remaining = [
                    part
                    for part in parts
                    if part.type not in ("whitespace", "comment")
                    and not (part.type == "declaration" and part.name in unread)
                ]
                if remaining:
                    kept.append(_with_content(node, remaining))
                continue
        elif node.type == "at-rule" and node.lower_at_keyword in GROUPING_AT_RULES and node.content is not None:
            inner = _without_properties(tinycss2.parse_rule_list(node.content), unread)
            if any(part.type in ("qualified-rule", "at-rule") for part in inner):
                kept.append(_with_content(node, inner))
            continue
        kept.append(node)
    return kept
