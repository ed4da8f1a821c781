"""MkDocs hook: under `mkdocs serve`, every build, the first included, is staged as `make site` stages a build
(smartschool.publish).

MkDocs 1.6 serves from one folder and rebuilds into it: a rebuild that fails after cleaning it leaves it empty, a
failed rebuild makes every request wait until a later one succeeds, and a macro error (mkdocs-macros stops the
process with SystemExit, which the server does not catch) ends the server. Here a rebuild goes to a new folder
that replaces the served one only when the build succeeds; a failure is logged as located problems and the server
goes on serving the last good site, answering at once.

The first build is staged the same way. If it fails there is no good site yet: the server starts anyway, serves
a page listing the problems (it reloads when a build succeeds), and rebuilds on every save. `mkdocs serve` never
writes to site/: it builds into a temporary `mkdocs_*` folder that it deletes when it stops, so `make site`'s
output is never touched by a preview.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from smartschool.messages import language, say
from smartschool.project import project_root
from smartschool.publish import BuildAborted, build_staged

if TYPE_CHECKING:  # the server module is loaded by `mkdocs serve` only
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.hooks.publish")

_staging: Path | None = None  # where the rebuild under way writes, set only while a staged rebuild runs
_nothing_built = False  # the first build failed and none has succeeded since: the served folder holds the problems


@event_priority(-100)  # after every other handler: the build writes to the staging folder whatever they set
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _staging is not None:
        config["site_dir"] = str(_staging)
    return config


def on_startup(command: str, dirty: bool) -> None:
    """Under `mkdocs serve` (loaded: the command imports it), stage its first build as well.

    MkDocs calls this hook before the first build, which `mkdocs serve` runs itself, before any `on_serve`; its
    builder calls the module's `build`, which is wrapped here for that one call."""
    serving = sys.modules.get("mkdocs.commands.serve")
    if serving is not None and getattr(serving, "build", None) is not None:
        serving.build = _first_build_staged(serving.build, serving)


def _first_build_staged(real_build: Callable[..., None], serving: Any) -> Callable[..., None]:
    """`real_build`, once, writing to a new folder that becomes the served one on success. On failure the problems
    are logged, a page listing them is put in the served folder, and the server starts anyway (nothing raised but
    KeyboardInterrupt). Later builds call `real_build` again: `on_serve` stages them."""

    def first_build(config: MkDocsConfig, **options: Any) -> None:
        serving.build = real_build
        served, root = Path(config.site_dir), project_root(config.config_file_path)

        def build_into(staging: Path) -> None:
            global _staging
            _staging = staging
            try:
                real_build(config, **options)
            except Abort as err:
                raise BuildAborted(err.format_message()) from None
            finally:
                _staging = None

        with _Logged() as logged:
            try:
                problems = build_staged(build_into, served, root)
            except OSError as err:
                problems = [say("serve.cannot_stage", site=served, error=err)]
            finally:
                config["site_dir"] = str(served)  # the server, its error pages and later hooks use the served folder
        global _nothing_built
        _nothing_built = bool(problems)
        if problems:
            for problem in problems:
                log.error(problem)
            log.error(say("serve.first_failed"))
            _write_problems_page(served, [*logged.messages, *problems])

    return first_build


class _Logged(logging.Handler):
    """Within `with`: the text of every warning and error logged under `mkdocs` (data problems are logged before
    the build stops, so the problems page lists them too)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> Self:
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *_: object) -> None:
        logging.getLogger("mkdocs").removeHandler(self)


def _write_problems_page(served: Path, problems: list[str]) -> None:
    """A page in the served folder (its index.html and 404.html) listing `problems`: what a browser shows until a
    build succeeds. The server adds its live-reload script before `</body>`, so the page reloads by itself."""
    items = "\n".join(f"<li><code>{html.escape(problem)}</code></li>" for problem in dict.fromkeys(problems))
    page = (
        f'<!doctype html>\n<html lang="{language()}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(say('serve.placeholder_title'))}</title></head>\n"
        f"<body><h1>{html.escape(say('serve.placeholder_title'))}</h1>\n"
        f"<p>{html.escape(say('serve.placeholder_text'))}</p>\n<ul>\n{items}\n</ul>\n</body></html>\n"
    )
    try:
        served.mkdir(parents=True, exist_ok=True)
        for name in ("index.html", "404.html"):
            (served / name).write_text(page, encoding="utf-8")
    except OSError:
        pass  # the problems are in the log already; the page is a convenience


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    """Stage every rebuild (the first build was staged by `on_startup`'s wrapper)."""
    server.builder = _staged(server.builder, server, project_root(config.config_file_path))
    return server


def _staged(rebuild: Callable[..., None], server: LiveReloadServer, root: Path) -> Callable[..., None]:
    """`rebuild`, writing to a new folder that replaces the served one on success; a failure is logged, not raised
    (only KeyboardInterrupt goes through, to stop the server)."""

    def build_into(staging: Path, config: MkDocsConfig | None) -> None:
        global _staging
        _staging = staging
        try:
            rebuild(config)
        except Abort as err:
            raise BuildAborted(err.format_message()) from None
        finally:
            _staging = None

    def staged_rebuild(config: MkDocsConfig | None = None) -> None:
        global _nothing_built
        with _Logged() as logged:
            try:
                problems = build_staged(lambda staging: build_into(staging, config), Path(server.root), root)
            except OSError as err:
                problems = [say("serve.cannot_stage", site=server.root, error=err)]
        if not problems:
            _nothing_built = False
            return
        for problem in problems:
            log.error(problem)
        if _nothing_built:  # no good site yet: the browser shows the new problems
            log.error(say("serve.first_failed"))
            _write_problems_page(Path(server.root), [*logged.messages, *problems])
            return  # and reloads onto them
        log.error(say("serve.rebuild_failed"))
        _nothing_new(server)

    return staged_rebuild


def _nothing_new(server: LiveReloadServer) -> None:
    """Tell the server that the failed rebuild published nothing, so browsers are not reloaded onto the same site.

    MkDocs 1.6's LiveReloadServer marks the version it started building (`_wanted_epoch`) before calling the
    builder and publishes it (`_visible_epoch`) when the builder returns; requests wait while the two differ.
    """
    condition = getattr(server, "_epoch_cond", None)
    if condition is None or not hasattr(server, "_visible_epoch"):
        return  # another MkDocs: browsers reload onto the last good site, which is harmless
    with condition:
        server._wanted_epoch = server._visible_epoch
