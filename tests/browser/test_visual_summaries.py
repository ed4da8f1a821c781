"""The six visual summaries (issue #15): hand-written SVG in docs/assets/visual/, each on its page with a text
alternative, shown at 360 px in the light and the dark scheme."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import Browser

VISUAL = Path(__file__).resolve().parents[2] / "docs" / "assets" / "visual"
SVG = "{http://www.w3.org/2000/svg}"
# Each summary and the page that shows it.
PLACES = {
    "tanda-peringatan.svg": "/orang-tua/tanda-peringatan/",
    "ancaman-foto.svg": "/remaja/sexting-dan-sextortion/",
    "siapa-bisa-membantu.svg": "/remaja/bicara-dengan-siapa/",
    "langkah-pengungkapan.svg": "/guru/protokol-pengungkapan/",
    "kesepakatan-keluarga.svg": "/orang-tua/kesepakatan-keluarga/",
    "hari-workshop.svg": "/guru/menjalankan-workshop/",
}


# The image as drawn in the page's scheme, read back through a canvas (same origin, so not tainted): the relative
# luminance (0 black, 1 white, sRGB weights, unlinearised) of its top edge's middle, a few pixels down, and the share
# of a 90-pixel-wide copy's pixels that differ from it by more than 0.4 (the text and the boxes' outlines).
READ_BACK = """img => {
  const canvas = document.createElement("canvas");
  canvas.width = img.clientWidth; canvas.height = img.clientHeight;
  const context = canvas.getContext("2d");
  context.drawImage(img, 0, 0, canvas.width, canvas.height);
  const lum = (d, i) => (0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]) / 255;
  const background = lum(context.getImageData(canvas.width / 2, 6, 1, 1).data, 0);
  const small = document.createElement("canvas");
  small.width = 90; small.height = Math.round(90 * canvas.height / canvas.width);
  small.getContext("2d").drawImage(canvas, 0, 0, small.width, small.height);
  const data = small.getContext("2d").getImageData(0, 0, small.width, small.height).data;
  let differing = 0;
  for (let i = 0; i < data.length; i += 4) if (Math.abs(lum(data, i) - background) > 0.4) differing++;
  return {background, differing};
}"""


@pytest.mark.parametrize("name", PLACES)
def test_svg_is_small_self_contained_real_text(name: str) -> None:
    file = VISUAL / name
    source = file.read_text("utf-8")
    assert file.stat().st_size < 15 * 1024
    root = ET.fromstring(source)
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert len(texts) >= 5 and root.find(f"{SVG}title") is not None
    assert not re.search(r"(?:xlink:)?href|@import|url\(|<image|<foreignObject", source), "no outside resource"
    assert "prefers-color-scheme:dark" in source.replace(" ", ""), "a dark-scheme palette"
    assert not re.search(r"\d{3}", " ".join(texts)), "no phone numbers, years or dates in an image"
    if name == "siapa-bisa-membantu.svg":
        assert not re.search(r"\d", " ".join(texts)), "help channels by name only: numbers come from the data"
    if name == "tanda-peringatan.svg":
        assert "chat pribadi" not in source.lower(), "not a verified warning sign (facts.md)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PLACES)
def test_visual_shows_on_its_page_at_phone_width(browser: Browser, base_url: str, name: str, scheme: str) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 640}, color_scheme=scheme, locale="id-ID", service_workers="block"
    )
    page = context.new_page()
    page.goto(base_url + PLACES[name])
    image = page.locator(f'figure.sso-visual img[src$="assets/visual/{name}"]')
    assert image.count() == 1
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    assert image.get_attribute("alt").strip()
    caption = image.locator("xpath=ancestor::figure[1]/figcaption").inner_text().strip()
    assert len(caption) > 80, "the caption says what the image says"
    box = image.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["width"] >= 280, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    drawn = image.evaluate(READ_BACK)
    background = drawn["background"]  # the image's own background: light in the light scheme, dark in the dark
    assert (background > 0.8) if scheme == "light" else (background < 0.25), (scheme, background)
    assert drawn["differing"] > 100, "text and outlines stand out from the background"
    context.close()
