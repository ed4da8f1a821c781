"""Sharing and identity (issue #18): Open Graph and Twitter tags on every built page, the project's own icons and
sharing card, and a web app manifest that works under the project's subpath."""

from __future__ import annotations

import json
import struct
from collections import defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from sitebuild import SITE_PATH, SITE_URL

REQUIRED = ("og:title", "og:description", "og:url", "og:image", "og:locale", "og:site_name")
IMAGES = Path(__file__).resolve().parent.parent / "docs" / "assets" / "images"


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag is not None else None


def _png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (PNG specification, 11.2.2)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_every_page_carries_all_sharing_tags_with_absolute_addresses(built_site: Path) -> None:
    pages = _pages(built_site)
    assert len(pages) > 30
    for file in pages:
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        name = file.relative_to(built_site).as_posix()
        for key in REQUIRED:
            assert (_meta(soup, key) or "").strip(), f"{name}: {key} missing or empty"
        assert _meta(soup, "og:locale") == "id_ID"
        assert _meta(soup, "twitter:card") == "summary_large_image", name
        assert _meta(soup, "og:image") == SITE_URL + "assets/images/kartu-berbagi.png", name
        url = _meta(soup, "og:url")
        assert url.startswith(SITE_URL), f"{name}: og:url {url!r} is not an absolute address of the site"
        if file.name == "index.html":
            expected = SITE_URL + file.parent.relative_to(built_site).as_posix() + "/"
            assert url == expected.replace(SITE_URL + "./", SITE_URL), (name, url)
        themes = {t.get("media"): t["content"] for t in soup.find_all("meta", attrs={"name": "theme-color"})}
        assert set(themes) == {"(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"}, name


def test_every_page_has_its_own_description(built_site: Path) -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    for file in _pages(built_site):
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        seen[_meta(soup, "og:description")].append(file.relative_to(built_site).as_posix())
    shared = {text[:60]: names for text, names in seen.items() if len(names) > 1}
    assert not shared, f"pages sharing one og:description: {shared}"


@pytest.mark.parametrize("section", ["orang-tua", "guru", "komunitas", "remaja", "kurikulum", "acara", "bantuan"])
def test_index_pages_describe_themselves(built_site: Path, section: str) -> None:
    home = BeautifulSoup((built_site / "index.html").read_text("utf-8"), "html.parser")
    page = BeautifulSoup((built_site / section / "index.html").read_text("utf-8"), "html.parser")
    described = page.find("meta", attrs={"name": "description"})["content"]
    assert described != home.find("meta", attrs={"name": "description"})["content"]
    assert described == _meta(page, "og:description")


def test_manifest_is_valid_and_relative_so_it_works_under_a_subpath(built_site: Path) -> None:
    manifest = json.loads((built_site / "manifest.webmanifest").read_text("utf-8"))
    assert manifest["name"] == "Smart School Online" and manifest["short_name"]
    assert manifest["lang"] == "id" and manifest["display"] in {"standalone", "minimal-ui"}
    assert manifest["start_url"] == "./" and manifest["scope"] == "./"
    assert manifest["background_color"].startswith("#") and manifest["theme_color"].startswith("#")
    sizes = set()
    for icon in manifest["icons"]:
        assert not urlsplit(icon["src"]).scheme and not icon["src"].startswith("/"), icon
        file = built_site / icon["src"]
        assert file.is_file(), f"manifest icon {icon['src']} is not in the build"
        if icon["type"] == "image/png":
            width, height = _png_size(file)
            assert icon["sizes"] == f"{width}x{height}"
            sizes.add(width)
    assert {192, 512} <= sizes
    # Resolved against the manifest's own address, every icon stays under the project's subpath.
    base = SITE_URL + "manifest.webmanifest"
    assert all(urlsplit(urljoin(base, i["src"])).path.startswith(SITE_PATH) for i in manifest["icons"])


def test_pages_link_the_manifest_favicon_and_touch_icon_that_exist(built_site: Path) -> None:
    for file in (built_site / "index.html", built_site / "remaja" / "tanda-grooming" / "index.html"):
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        for rel in ("manifest", "icon", "apple-touch-icon"):
            link = soup.find("link", rel=rel)
            assert link is not None, f"{file}: no <link rel={rel}>"
            assert (file.parent / link["href"]).resolve().is_file(), f"{file}: {rel} {link['href']} missing"
        assert soup.find("link", rel="icon")["href"].endswith("assets/images/favicon.svg")
        logo = soup.select_one(".md-header__button.md-logo img")
        assert logo is not None and logo["src"].endswith("assets/images/logo.svg")


def test_card_and_icons_are_the_right_size_and_small() -> None:
    assert _png_size(IMAGES / "kartu-berbagi.png") == (1200, 630)
    assert _png_size(IMAGES / "apple-touch-icon.png") == (180, 180)
    assert _png_size(IMAGES / "icon-192.png") == (192, 192)
    assert _png_size(IMAGES / "icon-512.png") == (512, 512)
    for png in IMAGES.glob("*.png"):
        assert png.stat().st_size < 60_000, f"{png.name}: {png.stat().st_size} bytes"
    for svg in ("logo.svg", "favicon.svg"):
        text = (IMAGES / svg).read_text("utf-8")
        assert text.lstrip().startswith("<svg") and "href=" not in text  # no outside resource


def test_policy_allows_the_manifest_from_the_site_only(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "index.html").read_text("utf-8"), "html.parser")
    policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "manifest-src 'self'" in policy
