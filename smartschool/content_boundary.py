"""The trust boundary for content: what of a page's rendered HTML may stay markup.

Every page's content HTML (hand-written pages, lesson pages built from module bodies, pages built from the data)
passes `clean_content` once, in the `on_page_content` hook, before the theme wraps it. It is an allowlist
sanitiser (nh3, the Python binding of the Rust crate ammonia): only the elements and attributes below survive,
links only with the URL schemes below, no script, style, event handler or comment.

The same allowlist drives the friendlier check of module bodies in validation (`smartschool.markdown_safety`),
which says where a refused construct is and what to write instead.
"""

from __future__ import annotations

import html
import re

import nh3

# Link and image addresses: these schemes, or a relative address (no scheme).
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Raw HTML an author may write in a module body: inline text markup with no attributes.
AUTHOR_TAGS = frozenset({"br", "kbd", "mark", "small", "sub", "sup"})

# Elements Markdown, its extensions and the project's templates produce in page content.
CONTENT_TAGS = AUTHOR_TAGS | frozenset(
    {
        "a",
        "abbr",
        "article",
        "aside",
        "b",
        "blockquote",
        "button",
        "caption",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "input",
        "ins",
        "label",
        "li",
        "nav",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "section",
        "span",
        "strong",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    }
)

# Attributes on any element (plus every `aria-*` and `data-*`), and per element.
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role", "tabindex"})
ELEMENT_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "rel", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "td": frozenset({"colspan", "rowspan", "headers", "align"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "align", "abbr"}),
    "ol": frozenset({"start", "reversed"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
    "label": frozenset({"for"}),
    "input": frozenset({"checked", "disabled"}),
    "time": frozenset({"datetime"}),
}
# Attributes allowed with these values only: no text field, no submit button.
ELEMENT_ATTRIBUTE_VALUES = {"input": {"type": {"checkbox"}}, "button": {"type": {"button"}}}

# Ids the theme uses for itself (`__config`, `__search`, …): content must not clobber them (DOM clobbering).
THEME_ID_PREFIX = "__"


SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
INVISIBLE = re.compile(r"[\x00-\x20\x7f]")


def url_scheme(address: str) -> str | None:
    """The scheme of an address as a browser reads it (entities decoded, ASCII whitespace and controls dropped,
    as the WHATWG URL parser does), lower-cased; None for a relative address."""
    found = SCHEME.match(INVISIBLE.sub("", html.unescape(address)))
    return found.group(1).lower() if found else None


def is_local(address: str) -> bool:
    """A relative address of the site itself: no scheme and not protocol-relative (`//host/…`; browsers read a
    backslash as a slash there)."""
    return url_scheme(address) is None and not INVISIBLE.sub("", address).replace("\\", "/").startswith("//")


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """Per-attribute rule on top of the allowlist.

    - `title`: Material's `content.tooltips` shows every `title` in the content as a tooltip by assigning it to
      `innerHTML` (`mountInlineTooltip2` → `h()`, mkdocs-material 9.x), so the value is HTML-escaped once more
      here: whatever it holds, entity-encoded markup included, the tooltip shows it as text.
    - `id` and `for`: none may start with the theme's `__` prefix.
    - `img src`: an image of the site itself only; the site makes no request to another host.
    """
    if attribute == "title":
        return html.escape(value, quote=False)
    if element == "img" and attribute == "src" and not is_local(value):
        return None
    if attribute in ("id", "for") and value.startswith(THEME_ID_PREFIX):
        return None
    return value


def clean_content(fragment: str) -> str:
    """The HTML fragment with everything outside the allowlist removed (text kept, markup dropped).

    Input and output are HTML fragment strings; raises nothing on malformed HTML (it is parsed as a browser would,
    by html5ever). Idempotent except for `title`, which is escaped on every pass: run it once per page.
    """
    return nh3.clean(
        fragment,
        tags=set(CONTENT_TAGS),
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math"},
        attributes={"*": set(GLOBAL_ATTRIBUTES), **{tag: set(names) for tag, names in ELEMENT_ATTRIBUTES.items()}},
        generic_attribute_prefixes={"aria-", "data-"},
        tag_attribute_values={
            tag: {name: set(values) for name, values in rules.items()}
            for tag, rules in ELEMENT_ATTRIBUTE_VALUES.items()
        },
        attribute_filter=_filter_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
