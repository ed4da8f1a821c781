"""MkDocs hook: every page declares its Content-Security-Policy and referrer policy (see smartschool.page_policy)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from smartschool.page_policy import with_policies

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    """`mkdocs serve` injects an inline live-reload script after this hook has run; only the preview allows it."""
    global _serving
    _serving = command == "serve"


@event_priority(-100)  # after every other hook and plugin has changed the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_policies(output, page.content or "", live_reload=_serving)


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Pages rendered from a theme template alone (404.html) have no content: every inline script is the theme's."""
    if template_name.endswith(".html"):
        return with_policies(output_content, "", live_reload=_serving)
    return output_content
