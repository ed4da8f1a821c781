"""Help contacts from one place (issue #18) and the crisis line (issue #15).

- `[[bantuan:<id>]]` in modules and docs/ pages becomes the channel's name and tappable contacts, escaped; an
  unknown id is a located validation error.
- Every built page is scanned for phone numbers, help websites and verification dates written by hand
  (tests/help_scan.py says precisely what counts).
- The crisis line (layanan Sehat Jiwa (SEJIWA) 119 ext. 8, dialled `tel:119,8`) is on the pages where a young
  reader may be in distress, and in the help box of youth pages and lessons.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from help_scan import published_channels, scan_page, scan_site
from helpers import VALID_EVENT, column_in, line_in, problems_for, real_module, write_data, write_file, write_module
from smartschool.dates import long_date
from smartschool.help_mentions import (
    contact_anchor,
    contact_link,
    mention_html,
    mentions,
    replace_mentions,
    running_text,
)
from smartschool.models import Contact, HelpChannel
from smartschool.reference_pages import verified_groups
from smartschool.render import render

ROOT = Path(__file__).resolve().parent.parent
CHANNELS = published_channels(ROOT)
BY_ID = {c.id: c for c in CHANNELS}
GROOMING = real_module("remaja", "grooming").replace(
    "related: [mengenal-esa-online, sexting-dan-sextortion, bersuara-dan-melapor]", "related: []"
)
FILE = "curriculum/remaja/grooming.md"


def _channel(**fields: object) -> HelpChannel:
    base: dict[str, object] = {
        "id": "x",
        "name": "X",
        "purpose": "P",
        "status": "verified",
        "verified": dt.date(2026, 11, 30),
        "source": "https://example.org/",
    }
    return HelpChannel(**{**base, **fields})  # type: ignore[arg-type]


def _mention_problems(root: Path) -> list[str]:
    """The problems about `[[bantuan:…]]` (other rules may report other things on a fixture)."""
    return [str(p) for p in problems_for(root) if "[[bantuan:" in p.message]


# --- Links ------------------------------------------------------------------------------------------------------


def test_an_extension_is_shown_as_ext_and_dialled_after_a_pause() -> None:
    link = contact_link(Contact(kind="telepon", value="119", extension="8"))
    assert (link.href, link.text) == ("tel:119,8", "119 ext. 8")


def test_the_crisis_line_in_the_data_is_sejiwa_119_extension_8() -> None:
    sejiwa = BY_ID["sejiwa-119"]
    assert sejiwa.name == "layanan Sehat Jiwa (SEJIWA) 119 ext. 8" and sejiwa.crisis
    assert [(c.kind, c.value, c.extension) for c in sejiwa.contacts] == [("telepon", "119", "8")]
    assert sejiwa.verified == dt.date(2026, 11, 30) and "Yayasan SEJIWA" in (sejiwa.note or "")
    take_it_down = BY_ID["take-it-down"]
    assert [c.value for c in take_it_down.contacts] == ["https://takeitdown.ncmec.org"]


def test_a_mention_is_the_name_with_tel_and_whatsapp_links() -> None:
    assert str(mention_html(BY_ID["sapa-129"])) == (
        'SAPA 129 (<a href="tel:129">telepon 129</a>, '
        '<a href="https://wa.me/628111129129" rel="external">WhatsApp 08111-129-129</a>)'
    )
    assert str(mention_html(BY_ID["polri-110"])) == 'Polri 110 (<a href="tel:110">telepon 110</a>)'
    assert 'href="tel:119,8">telepon 119 ext. 8</a>' in str(mention_html(BY_ID["sejiwa-119"]))
    assert '<a href="https://aduankonten.id" rel="external">aduankonten.id</a>' in str(
        mention_html(BY_ID["aduan-konten"])
    )


def test_every_contact_link_is_written_the_same_way_in_every_place(built_site: Path) -> None:
    # The help page's list, the help box of youth pages and [[bantuan:<id>]] mentions all write a contact's link
    # with smartschool.help_mentions.contact_anchor: the same address, and rel="external" exactly when it leaves.
    pages = {
        "help page": built_site / "bantuan" / "index.html",
        "help box": built_site / "remaja" / "index.html",
        "mention": built_site / "orang-tua" / "jika-terjadi-sesuatu" / "index.html",
    }
    expected = {str(contact_link(c).href): c.kind for channel in CHANNELS for c in channel.contacts}
    for place, page in pages.items():
        anchors = [
            a for a in BeautifulSoup(page.read_text("utf-8"), "html.parser").find_all("a") if a.get("href") in expected
        ]
        assert anchors, place
        for anchor in anchors:
            leaves = expected[anchor["href"]] != "telepon"
            assert (anchor.get("rel") == ["external"]) is leaves, (place, str(anchor))


def test_the_help_box_names_each_kind_of_contact() -> None:
    # The help box lists contacts as "telepon …", "WhatsApp …" and "situs web …" (no channel in the box has a web
    # address today, so a made-up one shows it).
    channel = _channel(
        urgent=True,
        contacts=[
            Contact(kind="telepon", value="129"),
            Contact(kind="whatsapp", value="08111-129-129"),
            Contact(kind="web", value="https://example.org/lapor"),
        ],
    )
    box = render(
        "help_box.html",
        channels=[channel],
        link=contact_link,
        anchor=contact_anchor,
        running_text=running_text,
        base="",
        groups=verified_groups([channel]),
        long_date=long_date,
    )
    assert (
        'X: <a href="tel:129">telepon 129</a> atau <a href="https://wa.me/628111129129" rel="external">WhatsApp '
        '08111-129-129</a> atau <a href="https://example.org/lapor" rel="external">situs web example.org/lapor</a>'
    ) in box


def test_hostile_channel_data_renders_as_text() -> None:
    hostile = _channel(
        name='<img src=x onerror="alert(1)"><b>X</b>',
        contacts=[Contact(kind="web", value='https://e.org/"><script>alert(1)</script>')],
    )
    html = replace_mentions("Hubungi [[bantuan:x]].", {"x": hostile})
    assert "<img" not in html and "<b>" not in html and "<script>" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;&lt;b&gt;X&lt;/b&gt;" in html
    assert 'href="https://e.org/&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_code_keeps_the_token_and_unknown_ids_are_left_for_validation() -> None:
    text = "Tulis `[[bantuan:sapa-129]]`.\n\n```\n[[bantuan:sapa-129]]\n```\n[[bantuan:sapa-129]] [[bantuan:nope]]\n"
    out = replace_mentions(text, BY_ID)
    assert out.count("[[bantuan:sapa-129]]") == 2 and out.count('href="tel:129"') == 1
    assert "[[bantuan:nope]]" in out
    assert [(m.ident, m.line, m.column) for m in mentions(text)] == [("sapa-129", 6, 1), ("nope", 6, 22)]


# --- Validation -------------------------------------------------------------------------------------------------


def test_an_unknown_id_in_a_module_body_is_reported_where_it_is(tmp_path: Path) -> None:
    text = GROOMING.replace("## Penutup", "Hubungi [[bantuan:sapa-192]] sekarang.\n\n## Penutup", 1)
    write_data(tmp_path, VALID_EVENT)
    write_module(tmp_path, "remaja", "grooming", text)
    line = line_in(text, "[[bantuan:sapa-192]]")
    assert _mention_problems(tmp_path) == [
        (
            f"{FILE}:{line}:9: module 'grooming': body: [[bantuan:…]] names the help channel 'sapa-192', which is not "
            "in data/help.yaml, expected one of: aduan-konten, kpai, patroli-siber, polri-110, sapa-129, sejiwa-119, "
            "take-it-down, uptd-ppa"
        )
    ]


def test_a_token_in_front_matter_is_reported_at_its_column_and_never_in_the_title(tmp_path: Path) -> None:
    text = GROOMING.replace("take_home:\n", 'take_home:\n  - "Simpan [[bantuan:kpia]] di ponselmu."\n', 1)
    text = text.replace('\ntitle: "', '\ntitle: "[[bantuan:sapa-129]] ', 1)
    write_data(tmp_path, VALID_EVENT)
    write_module(tmp_path, "remaja", "grooming", text)
    found = _mention_problems(tmp_path)
    assert len(found) == 2, found
    title_line, take_line = line_in(text, 'title: "[[bantuan'), line_in(text, "[[bantuan:kpia]]")
    assert found[0].startswith(f"{FILE}:{title_line}:9: module 'grooming': title: [[bantuan:…]] cannot stand in")
    take_column = column_in(text, "[[bantuan:kpia]]")
    assert found[1].startswith(f"{FILE}:{take_line}:{take_column}: module 'grooming': take_home[")
    assert "'kpia', which is not in data/help.yaml" in found[1]


def test_an_unknown_or_unpublished_id_on_a_docs_page_is_reported(tmp_path: Path) -> None:
    write_data(tmp_path, VALID_EVENT)
    help_text = (tmp_path / "data/help.yaml").read_text("utf-8")
    (tmp_path / "data/help.yaml").write_text(
        help_text.replace(
            "status: verified\n    verified: 2026-11-28\n    source: Perpres",
            "status: unverified\n    verified: 2026-11-28\n    source: Perpres",
        ),
        "utf-8",
    )
    write_file(
        tmp_path,
        "docs/x.md",
        "# X\n\nA `[[bantuan:nope]]` in code is fine.\n\nKe [[bantuan:nope]] atau [[bantuan:uptd-ppa]].\n",
    )
    found = _mention_problems(tmp_path)
    assert found[0] == (
        "docs/x.md:5:4: [[bantuan:…]] names the help channel 'nope', which is not in data/help.yaml, expected one of: "
        "aduan-konten, kpai, patroli-siber, polri-110, sapa-129, sejiwa-119, take-it-down"
    )
    assert found[1].startswith(
        "docs/x.md:5:26: [[bantuan:…]] names the help channel 'uptd-ppa', which is not published"
    )
    assert len(found) == 2


def test_an_extension_on_a_whatsapp_contact_is_refused(tmp_path: Path) -> None:
    write_data(tmp_path, VALID_EVENT)
    path = tmp_path / "data/help.yaml"
    wrong = '{kind: whatsapp, value: 08111-129-129, extension: "8"}'
    text = path.read_text("utf-8").replace("{kind: whatsapp, value: 08111-129-129}", wrong)
    path.write_text(text, "utf-8")
    found = [str(p) for p in problems_for(tmp_path) if "extension" in p.field]
    line = line_in(text, wrong)
    column = text.splitlines()[line - 1].index('"8"') + 1
    assert found == [
        f"data/help.yaml:{line}:{column}: channel 'sapa-129': contacts[1].extension: an extension belongs to a "
        "telephone contact only, expected 'kind: telepon' or no extension"
    ]


# --- The scan: what counts as written by hand --------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p>Hubungi SAPA 129 (telepon 129, WhatsApp 08111-129-129).</p>",  # today's module text
        "<table><tr><td>Polri</td><td>110</td></tr></table>",  # today's module tables
        "<p>Jika anak dalam bahaya, hubungi polisi di <strong>110</strong>.</p>",
        "<p>KPAI: hotline 08111-002-7727.</p>",
        "<p>Laporkan ke aduankonten.id.</p>",
        "<p>Nomor layanan di halaman ini terakhir diperiksa masih berlaku pada 2025.</p>",  # today's youth pages
        "<th>Sumber (diperiksa 2025)</th>",
        "<p>Nomor berlaku per 28 November 2026.</p>",
        "<p>Terakhir diverifikasi: 28 November 2026.</p>",  # a date not from the data
        "<p>Telepon 1500771.</p>",  # any five or more digits
        '<p>Telepon <a href="tel:119,8">119 ext. 8</a> atau 119.</p>',
    ],
)
def test_the_scan_finds_what_was_written_by_hand(html: str) -> None:
    assert scan_page(f"<html><body>{html}</body></html>", "p", CHANNELS) != []


@pytest.mark.parametrize(
    "html",
    [
        (
            '<p>Hubungi SAPA 129 (<a href="tel:129">telepon 129</a>, <a href="https://wa.me/628111129129">WhatsApp '
            "08111-129-129</a>).</p>"
        ),
        (
            "<p>Simpan nomor <strong>SAPA 129</strong> dan Polri 110 di ponsel; lihat layanan Sehat Jiwa (SEJIWA) "
            "119 ext. 8.</p>"
        ),
        '<p>Terakhir diverifikasi: <time datetime="2026-11-28">28 November 2026</time>.</p>',
        '<table><tr><td data-label="Menit">110</td></tr></table><p>Sesi ini 110 menit.</p>',
        "<p>Dibuat 2026-11-28.</p><pre>08111-129-129</pre><p><code>0811-1129-129</code></p>",
        '<p><a href="https://aduankonten.id">aduankonten.id</a></p>',
    ],
)
def test_the_scan_lets_names_links_data_dates_and_quantities_pass(html: str) -> None:
    assert scan_page(f"<html><body>{html}</body></html>", "p", CHANNELS) == []


# --- The built site ----------------------------------------------------------------------------------------------


def test_no_built_page_writes_a_contact_or_a_verification_date_by_hand(built_site: Path) -> None:
    found = scan_site(built_site, CHANNELS)
    assert found == [], "\n".join(map(str, found))


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")


@pytest.mark.parametrize(
    "path",
    ["remaja/bukan-salahmu", "remaja/sexting-dan-sextortion", "kurikulum/remaja/sexting-dan-sextortion", "bantuan"],
)
def test_the_crisis_line_is_on_the_pages_for_a_reader_in_distress(built_site: Path, path: str) -> None:
    page = _page(built_site, path)
    links = page.select('article a[href="tel:119,8"]')
    assert links and all("119 ext. 8" in a.get_text() for a in links)


def test_youth_help_boxes_carry_the_crisis_line_and_the_dates_from_the_data(built_site: Path) -> None:
    youth = [p.parent for p in (built_site / "remaja").rglob("index.html")]
    youth += [p.parent for p in (built_site / "kurikulum/remaja").glob("*/index.html") if "paket" not in p.parent.name]
    youth = [p for p in youth if (p / "index.html").read_text("utf-8").count("sso-help-box")]
    assert len(youth) >= 10
    for folder in youth:
        box = _page(folder, "").select_one("aside.sso-help-box")
        assert box.select_one('a[href="tel:119,8"]') is not None, folder
        dates = {t["datetime"] for t in box.select("p.sso-help-verified time")}
        assert dates == {"2026-11-28", "2026-11-30"}, folder


def test_help_numbers_are_links_on_the_parents_pages_and_the_disclosure_protocol(built_site: Path) -> None:
    for path in [
        "orang-tua",
        "orang-tua/jika-terjadi-sesuatu",
        "orang-tua/kesepakatan-keluarga",
        "guru/protokol-pengungkapan",
    ]:
        article = _page(built_site, path).select_one("article")
        assert article.select_one('a[href="tel:129"]') and article.select_one('a[href="tel:110"]'), path
