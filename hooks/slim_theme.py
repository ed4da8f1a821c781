"""MkDocs hook: Material's stylesheet without the components the site never shows (smartschool.theme_css).

Every page is checked first: a page that uses one of those components stops the build with a message that says
which and what to do, so no page ever lacks a rule it needs. After the build, the theme's stylesheet in the site
is rewritten in place (its hashed name stays; only this site's copy changes).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from smartschool.messages import say
from smartschool.theme_css import UNUSED_COMPONENTS, components_used, slim_stylesheet


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    used = components_used(output)
    if used:
        raise PluginError(say("theme.component_used", page=page.file.src_uri, components=", ".join(used)))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    sheets = sorted((Path(config.site_dir) / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(sheets) != 1:
        raise PluginError(say("theme.stylesheet_missing", found=len(sheets)))
    sheet = sheets[0]
    sheet.write_text(slim_stylesheet(sheet.read_text(encoding="utf-8"), UNUSED_COMPONENTS), encoding="utf-8")
