"""`mkdocs serve`, run as `make serve` runs it, shows data and module edits live and survives a bad edit: while a
rebuild fails, it answers every request at once with the last good site (hooks/publish.py stages each rebuild)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from sitebuild import copy_project

FIRST_BUILD_TIMEOUT = 90.0
CHANGE_TIMEOUT = 60.0
POLL_INTERVAL = 0.5
REQUEST_TIMEOUT = 10.0
# While a rebuild has failed, the last good site is served at once, not after the next good build.
QUICK_ANSWER = 3.0

EVENTS_PAGE = "acara/"
MODULE_PAGE = "kurikulum/dewasa/bentuk-esa-online/"
MODULE_FILE = "curriculum/dewasa/bentuk-esa-online.md"
# The Kupang event's own title (its report has the same title, so the anchor includes the next line).
EVENT_TITLE = "Workshop Smart School Online di Kupang"
EVENT_ANCHOR = f"    title: {EVENT_TITLE}\n    status: held\n"
MODULE_ANCHOR = 'title: "Mengenal Bentuk-Bentuk Eksploitasi Seksual Anak Online"\n'
# What hooks/publish.py logs when a staged rebuild fails (MkDocs' own "An error happened during the rebuild" means
# the builder raised, and that the server would make every request wait).
REBUILD_FAILED = "The rebuild failed: still serving the last good site."
HELP_PAGE = "bantuan/"
HELP_SOURCE = "    source: https://amp.kontan.co.id/"  # the first channel's source; the help page shows its host


@dataclass
class DevServer:
    """A running `mkdocs serve` and where its output and served site are."""

    process: subprocess.Popen[bytes]
    base_url: str
    log: Path
    tmp: Path  # the server's TMPDIR: `mkdocs serve` builds into a temporary `mkdocs_*` folder there

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    def fail(self, message: str) -> None:
        pytest.fail(f"{message}\n--- mkdocs serve output ---\n{self.output()}", pytrace=False)

    def assert_alive(self) -> None:
        if self.process.poll() is not None:
            self.fail(f"mkdocs serve exited with code {self.process.returncode}")

    def get(self, path: str, timeout: float = REQUEST_TIMEOUT) -> str | None:
        """The page's text, or None while the server is not answering it (within `timeout` seconds)."""
        try:
            with urllib.request.urlopen(self.base_url + path, timeout=timeout) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait_for_page(self, path: str, text: str, timeout: float) -> str:
        """Poll `path` until it contains `text`; the server must stay up meanwhile."""
        deadline = time.monotonic() + timeout
        while True:
            self.assert_alive()
            page = self.get(path)
            if page is not None and text in page:
                return page
            if time.monotonic() > deadline:
                self.fail(f"/{path} did not show {text!r} within {timeout:.0f} s")
            time.sleep(POLL_INTERVAL)

    def wait_for_output(self, text: str, count: int, timeout: float) -> None:
        """Poll the server's output until `text` appears `count` times."""
        deadline = time.monotonic() + timeout
        while self.output().count(text) < count:
            self.assert_alive()
            if time.monotonic() > deadline:
                self.fail(f"the output did not show {text!r} {count} time(s) within {timeout:.0f} s")
            time.sleep(POLL_INTERVAL)

    def epoch(self) -> int:
        """The version of the site the server currently serves (its live-reload endpoint never waits on a build)."""
        page = self.get("livereload/0/0")
        if page is None:
            self.fail("the live-reload endpoint did not answer")
        return int(page)

    def served_file(self, path: str) -> str:
        """The built page `mkdocs serve` holds on disk for `path`."""
        sites = list(self.tmp.glob("mkdocs_*"))
        assert len(sites) == 1, sites
        return (sites[0] / path / "index.html").read_text("utf-8")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the server's process group: Ctrl-C as a user would, then a kill if it lingers."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def dev_server(project: Path, tmp_path: Path) -> Iterator[DevServer]:
    """`mkdocs serve` on a copy of the project, with the options `make serve` uses, stopped after the test."""
    port = _free_port()
    host = f"127.0.0.1:{port}"
    tmp = tmp_path / "serve-tmp"
    tmp.mkdir()
    log = tmp_path / "serve.log"
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SSO_BUILD_DATE": "2026-11-28",
        "SITE_URL": f"http://{host}/",
        "TMPDIR": str(tmp),
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--strict",
        "--dev-addr",
        host,
        "--livereload",
        "-f",
        str(project / "mkdocs.yml"),
    ]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=project, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield DevServer(process, f"http://{host}/", log, tmp)
    finally:
        _stop(process)


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _kupang_title(project: Path) -> str:
    return yaml.safe_load((project / "data/events.yaml").read_text("utf-8"))["events"][0]["title"]


def test_serve_shows_edits_live_and_recovers_from_a_bad_edit(project: Path, dev_server: DevServer) -> None:
    events = project / "data/events.yaml"
    good_events = events.read_text("utf-8")
    pid = dev_server.process.pid

    dev_server.wait_for_page(EVENTS_PAGE, EVENT_TITLE, FIRST_BUILD_TIMEOUT)
    first_epoch = dev_server.epoch()

    # A data edit: the events table shows the new title of the Kupang event.
    _replace_once(events, EVENT_ANCHOR, EVENT_ANCHOR.replace(EVENT_TITLE, "Penanda Uji 123"))
    assert _kupang_title(project) == "Penanda Uji 123"
    page = dev_server.wait_for_page(EVENTS_PAGE, "Penanda Uji 123", CHANGE_TIMEOUT)
    assert EVENT_TITLE not in page

    # A curriculum edit: the lesson page shows the module's new title.
    _replace_once(project / MODULE_FILE, MODULE_ANCHOR, 'title: "Modul Penanda Uji 456"\n')
    dev_server.wait_for_page(MODULE_PAGE, "Modul Penanda Uji 456", CHANGE_TIMEOUT)
    good_epoch = dev_server.epoch()
    assert good_epoch > first_epoch

    # A bad edit (a second `title:` in the event): the rebuild fails, the server keeps the last good site.
    events.write_text(good_events.replace(EVENT_ANCHOR, f"{EVENT_ANCHOR}    title: Judul Kedua\n", 1), encoding="utf-8")
    dev_server.wait_for_output(REBUILD_FAILED, 1, CHANGE_TIMEOUT)
    assert "events[0].title: duplicate key" in dev_server.output()
    dev_server.assert_alive()
    assert dev_server.epoch() == good_epoch  # still answering, and nothing new was published
    assert "Penanda Uji 123" in dev_server.served_file(EVENTS_PAGE)

    # The fix shows up without a restart.
    events.write_text(
        good_events.replace(EVENT_ANCHOR, EVENT_ANCHOR.replace(EVENT_TITLE, "Penanda Uji 789")), encoding="utf-8"
    )
    assert _kupang_title(project) == "Penanda Uji 789"
    page = dev_server.wait_for_page(EVENTS_PAGE, "Penanda Uji 789", CHANGE_TIMEOUT)
    assert "Penanda Uji 123" not in page and "Judul Kedua" not in page
    assert dev_server.epoch() > good_epoch
    assert "Modul Penanda Uji 456" in (dev_server.get(MODULE_PAGE) or "")

    assert dev_server.process.pid == pid and dev_server.process.poll() is None
    assert dev_server.output().count("Serving on") == 1


def test_serve_keeps_serving_the_last_good_site_through_a_macro_crash_and_a_yaml_error(
    project: Path, dev_server: DevServer
) -> None:
    help_file, events = project / "data/help.yaml", project / "data/events.yaml"
    page = project / "docs/bantuan/index.md"
    good_help, good_events, good_page = (path.read_text("utf-8") for path in (help_file, events, page))
    pid = dev_server.process.pid
    dev_server.wait_for_page(HELP_PAGE, "amp.kontan.co.id", FIRST_BUILD_TIMEOUT)
    good_epoch = dev_server.epoch()

    # A source address without `//`: it used to crash the help page's macro, and mkdocs-macros then stops the
    # process (SystemExit), which ended the server. Validation may refuse it first; either way the server stays.
    _replace_once(help_file, HELP_SOURCE, "    source: https:kemenpppa.go.id\n    # was: https://amp.kontan.co.id/")
    dev_server.wait_for_output(REBUILD_FAILED, 1, CHANGE_TIMEOUT)
    assert "data/help.yaml:" in dev_server.output() or "docs/bantuan/index.md:" in dev_server.output()
    _assert_serves_the_last_good_site(dev_server, good_epoch, EVENT_TITLE)

    # A YAML syntax error as well: validation stops the rebuild, which used to leave every request waiting.
    events.write_text(good_events.replace(EVENT_ANCHOR, f"    title: [\n{EVENT_ANCHOR}", 1), encoding="utf-8")
    dev_server.wait_for_output(REBUILD_FAILED, 2, CHANGE_TIMEOUT)
    assert "data/events.yaml:" in dev_server.output() and "YAML syntax error" in dev_server.output()
    _assert_serves_the_last_good_site(dev_server, good_epoch, EVENT_TITLE)

    # Both fixed (with a visible edit): the next good rebuild is published without a restart.
    help_file.write_text(good_help, encoding="utf-8")
    events.write_text(
        good_events.replace(EVENT_ANCHOR, EVENT_ANCHOR.replace(EVENT_TITLE, "Penanda Uji 321")), encoding="utf-8"
    )
    dev_server.wait_for_page(EVENTS_PAGE, "Penanda Uji 321", CHANGE_TIMEOUT)
    assert "amp.kontan.co.id" in (dev_server.get(HELP_PAGE) or "")
    assert dev_server.get("pagefind/pagefind-entry.json") is not None  # written into the new build, not the old one
    fixed_epoch = dev_server.epoch()
    assert fixed_epoch > good_epoch

    # A macro expression that fails only when it runs (no validation can see it): mkdocs-macros stops the process.
    failures = dev_server.output().count(REBUILD_FAILED)
    _replace_once(page, "{{ help_channels() }}", '{{ help_channels() }}\n\n{{ organization_count() + "x" }}')
    dev_server.wait_for_output(REBUILD_FAILED, failures + 1, CHANGE_TIMEOUT)
    line = next(n for n, text in enumerate(page.read_text("utf-8").splitlines(), 1) if "organization_count" in text)
    assert f"docs/bantuan/index.md:{line}:1: macro 'organization_count': TypeError:" in dev_server.output()
    _assert_serves_the_last_good_site(dev_server, fixed_epoch, "Penanda Uji 321")

    page.write_text(good_page, encoding="utf-8")
    dev_server.wait_for_output(
        "Reloading browsers", dev_server.output().count("Reloading browsers") + 1, CHANGE_TIMEOUT
    )
    assert dev_server.epoch() > fixed_epoch
    assert dev_server.process.pid == pid and dev_server.process.poll() is None
    assert dev_server.output().count("Serving on") == 1
    assert "Traceback" not in dev_server.output()


def _assert_serves_the_last_good_site(dev_server: DevServer, good_epoch: int, event_title: str) -> None:
    """The server is up, answers at once with the last good pages, and has published nothing new."""
    dev_server.assert_alive()
    started = time.monotonic()
    page = dev_server.get(HELP_PAGE, timeout=QUICK_ANSWER)
    if page is None:
        dev_server.fail(f"/{HELP_PAGE} did not answer within {QUICK_ANSWER:.0f} s while the rebuild had failed")
    assert "amp.kontan.co.id" in page and "kemenpppa" not in page and "organization_count" not in page
    assert event_title in (dev_server.get(EVENTS_PAGE, timeout=QUICK_ANSWER) or "")
    assert time.monotonic() - started < 2 * QUICK_ANSWER
    assert dev_server.epoch() == good_epoch
    assert "amp.kontan.co.id" in dev_server.served_file(HELP_PAGE)
