"""Render the project's PNG icons and sharing card from their sources, once; the PNGs are kept in the repository.

Run `.venv/bin/python tools/render_identity.py` after changing `tools/identity/tile.svg` or `tools/identity/card.html`.
It drives Debian's Chromium through Playwright (both already used by the browser tests; no new dependency) and,
when Pillow happens to be installed, reduces each PNG to a 64-colour palette so it stays small.

Writes, under docs/assets/images/:
- apple-touch-icon.png (180×180), icon-192.png, icon-512.png: from tile.svg (full bleed, usable as "maskable");
- kartu-berbagi.png (1200×630): the Open Graph / Twitter card, from card.html.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "identity"
OUT = ROOT / "docs" / "assets" / "images"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ICONS = {"apple-touch-icon.png": 180, "icon-192.png": 192, "icon-512.png": 512}
CARD = ("kartu-berbagi.png", 1200, 630)


def shrink(png: bytes) -> bytes:
    """`png` as a 64-colour palette PNG if Pillow is available (flat artwork loses nothing visible), else as is."""
    try:
        from PIL import Image
    except ImportError:
        return png
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue() if len(out.getvalue()) < len(png) else png


def main() -> None:
    tile = (SOURCES / "tile.svg").read_text("utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, size in ICONS.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                "<!doctype html><style>html,body{margin:0}svg{display:block;width:100vw;height:100vh}</style>" + tile
            )
            (OUT / name).write_bytes(shrink(page.screenshot(type="png")))
            page.close()
        name, width, height = CARD
        page = browser.new_page(viewport={"width": width, "height": height})
        page.set_content((SOURCES / "card.html").read_text("utf-8"))
        (OUT / name).write_bytes(shrink(page.screenshot(type="png")))
        page.close()
        browser.close()
    for name in (*ICONS, CARD[0]):
        print(f"{name}: {(OUT / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
