"""Policies every page declares in its `<head>`: a Content-Security-Policy and a referrer policy.

GitHub Pages sets no response headers, so both are `<meta>` elements (CSP Level 3, section 6.1: `frame-ancestors`,
`report-uri` and `sandbox` are ignored there, so the policy leaves them out). Scripts are allowed from the site
itself and, inline, only by the SHA-256 hash of each inline script the *theme* writes; a script inside the page's
content is never hashed, so it stays blocked even if it got past the content boundary. `'wasm-unsafe-eval'` lets
the site's search compile its WebAssembly module (from the site itself); it allows no JavaScript `eval`.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.IGNORECASE)
# Script types the browser runs (HTML Living Standard, "the script element": empty, a JavaScript MIME type, module).
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
HEAD_START = re.compile(r"<head\b[^>]*>\s*(<meta\s+charset=[^>]*>)?", re.IGNORECASE)

REFERRER_META = '<meta name="referrer" content="no-referrer">'
# Site search (Pagefind) runs a WebAssembly module from the site: compiling it needs this source, which allows
# WebAssembly only, not `eval` or `new Function` of JavaScript (CSP Level 3).
WASM = "'wasm-unsafe-eval'"


def script_hash(body: str) -> str:
    """The CSP source expression for an inline script: `'sha256-<base64 of the UTF-8 body's digest>'`."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(html: str) -> list[str]:
    """Hashes of the runnable inline scripts of `html` (no `src`; JSON and JSON-LD data blocks are not run), in
    document order, each once."""
    hashes: dict[str, None] = {}
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        kind = SCRIPT_TYPE.search(attrs)
        if (kind.group("type").lower() if kind else "") in RUNNABLE_TYPES:
            hashes[script_hash(match.group("body"))] = None
    return list(hashes)


def content_security_policy(script_hashes: list[str], *, live_reload: bool = False) -> str:
    """The page's policy: everything from the site itself only, no plugins, no forms, no `<base>` elsewhere.

    `live_reload` (only for `mkdocs serve`) lets the preview server's injected inline script run; the published
    site never gets it.
    """
    scripts = ["'self'", WASM, *script_hashes] if not live_reload else ["'self'", WASM, "'unsafe-inline'"]
    directives = {
        "default-src": ["'self'"],
        "script-src": scripts,
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # the theme's icons are data: URLs in its stylesheet
        "font-src": ["'self'"],
        "connect-src": ["'self'"] + (["ws:"] if live_reload else []),
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],  # the web app manifest (`default-src` covers it; said outright)
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def theme_part(html: str, content: str) -> str:
    """`html` without the page's content: what the theme's templates wrote around it."""
    return html.replace(content, "", 1) if content else html


def with_policies(html: str, content: str, *, live_reload: bool = False) -> str:
    """`html` with the referrer policy and the CSP right after `<meta charset>` (before any script or link).

    Raises ValueError if the page has no `<head>`.
    """
    match = HEAD_START.search(html)
    if match is None:
        raise ValueError("the page has no <head> element")
    policy = content_security_policy(inline_script_hashes(theme_part(html, content)), live_reload=live_reload)
    metas = f'{REFERRER_META}<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: match.end()] + metas + html[match.end() :]
