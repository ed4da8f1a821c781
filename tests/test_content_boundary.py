"""The trust boundary for content (nh3 allowlist), the page policies (CSP, referrer) and the module-body check.

Every input named in the reader-safety issue is here: a glossary definition with markup, raw HTML in a module
body, a `javascript:` link, an attr_list event handler."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from helpers import VALID_EVENT, line_in, problems_for, real_module, write_data, write_module
from smartschool.content_boundary import clean_content, is_local, url_scheme
from smartschool.markdown_safety import unsafe_constructs
from smartschool.page_policy import content_security_policy, inline_script_hashes, script_hash, with_policies

# --- the sanitiser -------------------------------------------------------------------------------------------

SCRIPT_CARRIERS = [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=window.__pwned=1>",
    "<svg onload=window.__pwned=1><circle r=1></circle></svg>",
    '<iframe src="javascript:window.__pwned=1"></iframe>',
    "<object data=x></object><embed src=x>",
    '<a href="javascript:window.__pwned=1">a</a>',
    '<a href="java\tscript:window.__pwned=1">a</a>',
    '<a href="JAVASCRIPT:window.__pwned=1">a</a>',
    '<a href="data:text/html,<script>window.__pwned=1</script>">a</a>',
    '<p onmouseover="window.__pwned=1">p</p>',
    '<p style="background:url(javascript:x)">p</p>',
    '<form action="javascript:x"><button formaction="javascript:x">b</button></form>',
    "<math><mtext><img src=x onerror=window.__pwned=1></mtext></math>",
    '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></noscript>',
]


@pytest.mark.parametrize("hostile", SCRIPT_CARRIERS)
def test_sanitiser_leaves_no_script_handler_or_dangerous_url(hostile: str) -> None:
    cleaned = clean_content(f"<p>awal</p>{hostile}<p>akhir</p>")
    assert not re.search(r"<(script|iframe|object|embed|svg|math|form|style|noscript)\b", cleaned, re.I), cleaned
    assert not re.search(r"\son\w+\s*=|\sstyle\s*=|\sformaction\s*=", cleaned, re.I), cleaned
    assert not re.search(r"(href|src)=\"\s*(javascript|data|vbscript):", cleaned, re.I), cleaned
    assert "<p>awal</p>" in cleaned and "<p>akhir</p>" in cleaned


def test_sanitiser_keeps_what_the_site_writes() -> None:
    page = (
        '<h2 id="agenda" data-search-exclude="">Agenda<a class="headerlink" href="#agenda" '
        'title="Tautan ke bagian ini">¶</a></h2><table class="sso-table"><caption>c</caption><thead><tr>'
        '<th scope="col">Waktu</th></tr></thead><tbody><tr><td data-label="Waktu">00:00</td></tr></tbody></table>'
        '<input type="checkbox" id="sso-participant-view"><label for="sso-participant-view">l</label>'
        '<a href="../../bantuan/" rel="external">b</a><a href="tel:129">129</a><a href="mailto:a@b.id">m</a>'
        '<time datetime="2018-03-16">16 Maret</time><ol start="3"><li>x</li></ol>'
        '<aside class="sso-help" aria-label="Bantuan"><p>p</p></aside>'
    )
    assert clean_content(page) == page


def test_tooltip_titles_are_escaped_once_more_for_materials_innerhtml() -> None:
    """Material's content.tooltips puts a title into innerHTML: the attribute must decode to escaped text."""
    for definition in [
        "<img src=x onerror=alert(1)>",
        "&lt;img src=x onerror=alert(1)&gt;",
        '"><script>x</script>',
        "Anak & remaja",
    ]:
        cleaned = clean_content(f'<abbr title="{html.escape(definition)}">ESA</abbr>')
        title = html.unescape(re.search(r'title="([^"]*)"', cleaned).group(1))  # what el.title holds in the DOM
        assert title == html.escape(definition, quote=False)  # so innerHTML shows `definition` as text


def test_theme_ids_cannot_be_clobbered_and_images_stay_on_the_site() -> None:
    cleaned = clean_content(
        '<div id="__config">{}</div><label for="__search">x</label>'
        '<img src="https://tracker.example/p.gif"><img src="//tracker.example/p.gif">'
        '<img src="/\\tracker.example/p.gif"><img src="../gambar/a.svg" alt="a">'
    )
    assert "__config" not in cleaned and "__search" not in cleaned and "tracker" not in cleaned
    assert '<img src="../gambar/a.svg" alt="a">' in cleaned


@pytest.mark.parametrize(
    ("address", "scheme", "local"),
    [
        ("https://a.id/", "https", False),
        ("../x/", None, True),
        ("#bagian", None, True),
        ("java\nscript:x", "javascript", False),
        ("&#106;avascript:x", "javascript", False),
        ("//host/x", None, False),
        ("/\\host/x", None, False),
        ("mailto:a@b.id", "mailto", False),
    ],
)
def test_url_scheme_reads_an_address_as_a_browser_does(address: str, scheme: str | None, local: bool) -> None:
    assert url_scheme(address) == scheme
    assert is_local(address) is local


# --- the page policies ----------------------------------------------------------------------------------------

PAGE = (
    '<!doctype html><html><head>\n<meta charset="utf-8">\n<script>var theme=1;</script>'
    '<script id="__config" type="application/json">{"a": 1}</script>'
    '<script type="application/ld+json">{"@type": "Event"}</script><script src="x.js"></script>'
    "</head><body>{content}<script>var theme=2;</script></body></html>"
)


def test_csp_hashes_the_themes_inline_scripts_and_never_the_contents() -> None:
    content = "<p>teks</p><script>window.__pwned=1</script>"
    out = with_policies(PAGE.replace("{content}", content), content)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', out).group(1)
    assert script_hash("var theme=1;") in policy and script_hash("var theme=2;") in policy
    assert script_hash("window.__pwned=1") not in policy
    assert script_hash('{"a": 1}') not in policy  # data blocks are not run, so they need no hash
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'none'"):
        assert directive in policy
    # Both policies come first in <head>, right after the charset, before any script.
    head = out[out.index("<head>") :]
    assert (
        head.index('name="referrer" content="no-referrer"')
        < head.index("Content-Security-Policy")
        < head.index("<script")
    )
    assert head.index('<meta charset="utf-8">') < head.index('name="referrer"')


def test_script_hash_is_the_csp_sha256_source_expression() -> None:
    # The example of CSP Level 3, section 8.3 ("alert('Hello, world.');").
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_inline_script_hashes_skip_external_and_data_scripts() -> None:
    assert inline_script_hashes(PAGE.replace("{content}", "")) == [
        script_hash("var theme=1;"),
        script_hash("var theme=2;"),
    ]


def test_only_the_preview_server_lets_inline_script_run() -> None:
    assert "'unsafe-inline'" in content_security_policy([], live_reload=True)
    assert "'unsafe-inline'" not in content_security_policy([script_hash("x")])


def test_a_page_without_head_is_an_error() -> None:
    with pytest.raises(ValueError, match="no <head>"):
        with_policies("<p>x</p>", "")


# --- the module-body check ------------------------------------------------------------------------------------


def _messages(text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in unsafe_constructs(text)]


@pytest.mark.parametrize(
    ("line", "column", "start"),
    [
        ("<script>alert(1)</script>", 1, "raw HTML <script> is not allowed in a module, expected Markdown"),
        ("Teks <img src=x onerror=alert(1)>", 6, "raw HTML <img> is not allowed"),
        ('<iframe src="javascript:alert(1)"></iframe>', 1, "raw HTML <iframe> is not allowed"),
        ("\\<img src=x onerror=alert(1)>", 2, "raw HTML <img> is not allowed"),  # no escape for < in Python-Markdown
        (
            "[Baca](javascript:alert(1))",
            8,
            "link address 'javascript:alert(1)' uses 'javascript:', expected an https://",
        ),
        ("<JavaScript:alert(1)>", 2, "link address 'JavaScript:alert(1)' uses 'javascript:'"),
        ("[r]: &#106;avascript:alert(1)", 6, "link address '&#106;avascript:alert(1)' uses 'javascript:'"),
        (
            "![foto](https://pelacak.example/a.png)",
            9,
            "image address 'https://pelacak.example/a.png' is not in the project",
        ),
        (
            '{: onmouseover="alert(1)" }',
            4,
            "attribute list '{: onmouseover=\"alert(1)\" }' sets 'onmouseover', expected "
            "only #id, .class and data- attributes",
        ),
        ('## Judul { style="color:red" }', 12, "attribute list '{ style=\"color:red\" }' sets 'style'"),
        ("## Judul {: #__config }", 13, "id '#__config' starts with '__', which the theme reserves"),
        ("<!-- catatan -->", 1, "an HTML comment or declaration is not allowed in a module"),
        ('<kbd class="x">K</kbd>', 1, 'raw HTML <kbd class="x"> has attributes, expected <kbd> without attributes'),
    ],
)
def test_each_refused_construct_is_named_where_it_is(line: str, column: int, start: str) -> None:
    found = _messages(f"Paragraf pertama.\n\n{line}\n")
    assert len(found) == 1, found
    assert found[0][:2] == (3, column)
    assert found[0][2].startswith(start), found[0][2]


def test_markdown_and_code_pass() -> None:
    text = (
        "Usia <12 tahun, {nama} dan a<b. Tekan <kbd>Shift</kbd>, H<sub>2</sub>O, baris<br>baru.\n"
        "[Situs](https://www.kpai.go.id/), [modul](../grooming/), [surel](mailto:a@b.id), [telepon](tel:129), "
        "<https://aduankonten.id/>\n"
        "## Judul {: #agenda-singkat .penting data-search-exclude }\n"
        "Kode: `<script>alert(1)</script>` dan ``[x](javascript:y)``\n"
        "```html\n<script>alert(1)</script>\n```\n"
        "~~~\n<iframe></iframe>\n~~~\n"
    )
    assert _messages(text) == []


def test_a_module_body_with_script_is_refused_at_its_line_and_column(tmp_path: Path) -> None:
    module = real_module("remaja", "grooming").replace(
        "related: [mengenal-esa-online, sexting-dan-sextortion, bersuara-dan-melapor]", "related: []"
    )
    text = (
        module
        + "\nTambahan <img src=x onerror=alert(1)> dan [Baca](javascript:alert(1)).\n\n"
        + 'Paragraf.\n{: onmouseover="alert(1)" }\n'
    )
    write_data(tmp_path, VALID_EVENT)
    write_module(tmp_path, "remaja", "grooming", text)
    problems = [str(p) for p in problems_for(tmp_path)]
    line = line_in(text, "Tambahan <img")
    where = "curriculum/remaja/grooming.md"
    assert problems == [
        f"{where}:{line}:10: module 'grooming': body: raw HTML <img> is not allowed in a module, expected Markdown "
        "(text, lists, tables, **bold**, admonitions such as !!! note); only <br>, <kbd>, <mark>, <small>, <sub>, "
        "<sup> may be written as HTML",
        f"{where}:{line}:50: module 'grooming': body: link address 'javascript:alert(1)' uses 'javascript:', "
        "expected an https://, http://, mailto: or tel: address, or a relative link to a file such as "
        "bersuara-dan-melapor.md",
        f"{where}:{line + 3}:4: module 'grooming': body: attribute list '{{: onmouseover=\"alert(1)\" }}' sets "
        "'onmouseover', expected only #id, .class and data- attributes (event handlers and style are not allowed)",
    ]
