"""Material's stylesheets, purged by usage (smartschool/theme_css.py), keep every rule a built page needs.

In Chromium, every page of the real build is loaded (after its scripts ran) and each selector of Material's own,
unpurged stylesheets is tried on it with `querySelector` (pseudo-elements and user-action pseudo-classes taken
off, since they match no element at rest). Every selector that matches an element on some page must still be in
the site's stylesheets, compared as the browser's CSSOM writes them. And Chromium reads every rule of the site's
own stylesheets (docs/assets/*.css): none is lost to a syntax slip.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import material
import pytest
import tinycss2
from playwright.sync_api import Browser

from sitebuild import ROOT
from sitepages import html_pages
from smartschool.theme_css import GROUPING_AT_RULES

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


# How many style rules Chromium keeps of `css`, counted as tinycss2 counts them (at the top level and inside
# grouping at-rules); a rule whose selector Chromium cannot read is dropped, and so missing from the count.
RULES_KEPT = """css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const grouping = rule => ["CSSMediaRule", "CSSSupportsRule", "CSSContainerRule", "CSSLayerBlockRule"]
    .some(kind => window[kind] && rule instanceof window[kind]);
  const count = rules => [...rules].reduce((n, rule) => n + (grouping(rule) ? count(rule.cssRules) : 1), 0);
  return count(sheet.cssRules);
}"""


def _rules_written(css: str) -> int:
    def count(nodes: list[Any]) -> int:
        total = 0
        for node in nodes:
            if node.type == "qualified-rule":
                total += 1
            elif node.type == "at-rule" and node.lower_at_keyword in GROUPING_AT_RULES and node.content is not None:
                total += count(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))
            elif node.type == "at-rule":
                total += 1
        return total

    return count(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


@pytest.mark.parametrize("name", ["site.css", "planner.css"])
def test_chromium_reads_every_rule_of_the_sites_own_stylesheets(name: str, browser: Browser) -> None:
    # A comment in planner.css held "formulir-evaluasi-*/", which ended it early: the rest of the comment became
    # the start of the next selector, and Chromium dropped the planner's first rule.
    css = (ROOT / "docs" / "assets" / name).read_text("utf-8")
    page = browser.new_page()
    try:
        assert page.evaluate(RULES_KEPT, css) == _rules_written(css) > 10
    finally:
        page.close()
