"""Material's stylesheets, purged by usage (smartschool/theme_css.py), keep every rule a built page needs.

In Chromium, every page of the real build is loaded (after its scripts ran) and each selector of Material's own,
unpurged stylesheets is tried on it with `querySelector` (pseudo-elements and user-action pseudo-classes taken
off, since they match no element at rest). Every selector that matches an element on some page must still be in
the site's stylesheets, compared as the browser's CSSOM writes them.
"""

from __future__ import annotations

from pathlib import Path

import material
from playwright.sync_api import Browser

from sitepages import html_pages

MATERIAL_SHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"

# Every selector of the style rules in `css` (inside @media, @supports … too), as the browser's CSSOM writes it,
# a selector list split at its top-level commas.
SELECTORS = """css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const found = [];
  const walk = rules => {
    for (const rule of rules) {
      if (rule.selectorText !== undefined) found.push(...splitList(rule.selectorText));
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  const splitList = text => {
    const parts = []; let depth = 0, start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === "(" || c === "[") depth++;
      else if (c === ")" || c === "]") depth--;
      else if (c === "," && depth === 0) { parts.push(text.slice(start, i).trim()); start = i + 1; }
    }
    parts.push(text.slice(start).trim());
    return parts;
  };
  walk(sheet.cssRules);
  return [...new Set(found)];
}"""

# Of `selectors`, those that match an element of this page at rest.
MATCHING = """selectors => selectors.filter(selector => {
  const atRest = selector
    .replace(/::?(before|after|placeholder|marker|selection|first-line|first-letter|backdrop)\\b/g, "")
    .replace(/::-(webkit|moz|ms)-[\\w-]+(\\([^)]*\\))?/g, "")
    .replace(/:(hover|focus|focus-within|focus-visible|active|visited|target|checked|indeterminate)\\b/g, "")
    .replace(/:-(webkit|moz|ms)-[\\w-]+/g, "");
  try { return document.querySelector(atRest || "*") !== null; } catch { return false; }
})"""


def _sheet_text(folder: Path, name: str) -> str:
    (sheet,) = folder.glob(f"{name}.*.min.css")
    return sheet.read_text("utf-8")


def test_every_material_selector_a_page_matches_is_kept(built_site: Path, base_url: str, browser: Browser) -> None:
    original = _sheet_text(MATERIAL_SHEETS, "main") + _sheet_text(MATERIAL_SHEETS, "palette")
    built = built_site / "assets" / "stylesheets"
    purged = _sheet_text(built, "main") + _sheet_text(built, "palette")
    context = browser.new_context(viewport={"width": 360, "height": 640}, service_workers="block")
    page = context.new_page()
    page.goto(base_url + "/")
    every = page.evaluate(SELECTORS, original)
    kept = set(page.evaluate(SELECTORS, purged))
    assert len(kept) < 0.8 * len(every)  # the purge did remove something
    matched: dict[str, str] = {}
    for path in html_pages(built_site):
        page.goto(base_url + path, wait_until="load")
        for selector in page.evaluate(MATCHING, [s for s in every if s not in matched]):
            matched[selector] = path
    context.close()
    assert len(matched) > 300  # the pages match a real share of Material's rules
    lost = {selector: path for selector, path in matched.items() if selector not in kept}
    assert not lost, f"rules dropped although a page uses them (selector: page): {lost}"
