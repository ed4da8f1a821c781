"""MkDocs hook: under `mkdocs serve`, every rebuild is staged as `make site` stages a build (smartschool.publish).

MkDocs 1.6 serves from one folder and rebuilds into it: a rebuild that fails after cleaning it leaves it empty, a
failed rebuild makes every request wait until a later one succeeds, and a macro error (mkdocs-macros stops the
process with SystemExit, which the server does not catch) ends the server. Here a rebuild goes to a new folder
that replaces the served one only when the build succeeds; a failure is logged as located problems and the server
goes on serving the last good site, answering at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from smartschool.publish import BuildAborted, build_staged

if TYPE_CHECKING:  # the server module is loaded by `mkdocs serve` only
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.hooks.publish")

_staging: Path | None = None  # where the rebuild under way writes, set only while a staged rebuild runs


@event_priority(-100)  # after every other handler: the build writes to the staging folder whatever they set
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _staging is not None:
        config["site_dir"] = str(_staging)
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    """Stage every rebuild (the first build, before this hook runs, is not a rebuild: if it fails, serve stops)."""
    server.builder = _staged(server.builder, server, Path(config.config_file_path).parent)
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
        try:
            problems = build_staged(lambda staging: build_into(staging, config), Path(server.root), root)
        except OSError as err:
            problems = [f"{server.root}: cannot stage the rebuild next to the served folder or swap it in ({err})"]
        if problems:
            for problem in problems:
                log.error(problem)
            log.error("The rebuild failed: still serving the last good site. Fix the problem and save again.")
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
