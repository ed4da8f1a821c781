"""MkDocs hook: Material's stylesheets without the rules the site never uses (smartschool.theme_css).

Every page is checked first: a page that uses one of the declared unused components stops the build with a message
that says which and what to do, so no page ever lacks a rule it needs. After the build, Material's two stylesheets
in the site (main and palette) are rewritten in place: the declared components go, then whatever no built page
or script uses. Their hashed names stay; only this site's copies change. The site's own stylesheets lose their
comments only.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from smartschool.messages import say
from smartschool.theme_css import (
    UNUSED_COMPONENTS,
    components_used,
    purge_stylesheet,
    slim_stylesheet,
    usage_of_site,
    without_comments,
)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    used = components_used(output)
    if used:
        raise PluginError(say("theme.component_used", page=page.file.src_uri, components=", ".join(used)))
    return output


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    sheets = [_material_sheet(site, name) for name in ("main", "palette")]
    usage = usage_of_site(site)
    for sheet in sheets:
        # From the theme's own copy: after `mkdocs build --dirty` the site holds last build's purged one, which
        # lacks what a page may have started to use since.
        css = slim_stylesheet(_theme_original(config, sheet).read_text(encoding="utf-8"), UNUSED_COMPONENTS)
        # A custom property this sheet declares may be read by any other stylesheet of the site.
        others = "\n".join(other.read_text("utf-8") for other in sorted(site.rglob("*.css")) if other != sheet)
        sheet.write_text(purge_stylesheet(css, usage, also_read_by=others), encoding="utf-8")
    for own in sorted((site / "assets").glob("*.css")):  # the site's own: docs/assets/site.css, planner.css
        own.write_text(without_comments(own.read_text(encoding="utf-8")), encoding="utf-8")


def _theme_original(config: MkDocsConfig, built: Path) -> Path:
    """The theme's own file that `built` (assets/stylesheets/<name>) was copied from; `built` itself if no theme
    folder has it."""
    for folder in config.theme.dirs:
        original = Path(folder) / "assets" / "stylesheets" / built.name
        if original.is_file():
            return original
    return built


def _material_sheet(site: Path, name: str) -> Path:
    """Material's stylesheet `name` (`main`, `palette`) in the built site; the build stops if it is not there once."""
    found = sorted((site / "assets" / "stylesheets").glob(f"{name}.*.min.css"))
    if len(found) != 1:
        raise PluginError(say("theme.stylesheet_missing", name=name, found=len(found)))
    return found[0]
