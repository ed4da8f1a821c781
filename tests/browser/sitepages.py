"""The built site as a browser sees it: its pages, discovered from the build, and a local server for them."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


def html_pages(site: Path) -> list[str]:
    """URL paths of every HTML page the build produced (`index.html` as its folder)."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        paths.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return paths


def chromium_problem() -> str | None:
    """Why Chromium cannot run here, or None."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (install Debian's `chromium` package)"
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # `format`: the base class's signature
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that closes a connection early is not an error of the site."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, path: str = "/") -> Iterator[str]:
    """Serve `site` on 127.0.0.1 on a free port under `path` (such as `/project/`); yield the base URL."""
    subpath = path.strip("/")
    mount = Path(tempfile.mkdtemp(prefix="sso-serve-")) if subpath else None
    if mount is not None:
        link = mount / subpath
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(site.resolve(), target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(mount or site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}" + (f"/{subpath}" if subpath else "")
    finally:
        server.shutdown()
        server.server_close()
        if mount is not None:
            shutil.rmtree(mount, ignore_errors=True)
