"""`mkdocs serve`'s first build is staged like every rebuild (hooks/publish.py): when it fails, the server does not
stop with a traceback; it starts, shows the located problems in the log and on a page that reloads itself, and
serves the site as soon as a save fixes them. `mkdocs serve` never writes to site/ (it builds into a temporary
`mkdocs_*` folder), so the site/ of an earlier `make site` stays byte-identical throughout."""

from __future__ import annotations

import filecmp
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sitebuild import identical_tree
from test_live_reload import (  # noqa: F401 - the fixtures are used by name
    CHANGE_TIMEOUT,
    FIRST_BUILD_TIMEOUT,
    HELP_PAGE,
    DevServer,
    dev_server,
    project,
)

FIRST_FAILED = "The first build failed: nothing to serve yet, and site/ was not touched."
CALL = "{{ help_channels() }}"
BROKEN = "{{ no_such_macro() }}"


@pytest.fixture
def broken_first(project: Path, tmp_path: Path) -> tuple[Path, str, Path]:  # noqa: F811 - pytest's fixture
    """The project with a macro error on the help page (validation cannot see it: only the build does), and a
    site/ as an earlier `make site` left it, with a copy to compare with."""
    page = project / "docs/bantuan/index.md"
    good = page.read_text("utf-8")
    assert good.count(CALL) == 1
    page.write_text(good.replace(CALL, f"{CALL}\n\n{BROKEN}"), encoding="utf-8")
    site = project / "site"
    (site / "acara").mkdir(parents=True)
    (site / "index.html").write_text("<p>the last good site/</p>", encoding="utf-8")
    (site / "acara/index.html").write_text("<p>events</p>", encoding="utf-8")
    shutil.copytree(site, tmp_path / "site-before")
    return page, good, tmp_path / "site-before"


def test_a_failing_first_build_starts_the_server_shows_the_problems_and_recovers(
    broken_first: tuple[Path, str, Path],
    dev_server: DevServer,  # noqa: F811 - pytest's fixture
    project: Path,  # noqa: F811 - pytest's fixture
) -> None:
    page, good, site_before = broken_first
    line = next(n for n, text in enumerate(page.read_text("utf-8").splitlines(), 1) if BROKEN in text)
    located = f"docs/bantuan/index.md:{line}:4: macro 'no_such_macro': UndefinedError: 'no_such_macro' is undefined"

    dev_server.wait_for_output(FIRST_FAILED, 1, FIRST_BUILD_TIMEOUT)
    dev_server.wait_for_output("Serving on", 1, CHANGE_TIMEOUT)
    output = dev_server.output()
    assert located in output and "Traceback" not in output, output
    # Any address shows the problems (the page, and the 404 page elsewhere), escaped, with the live-reload script.
    shown = dev_server.wait_for_page("", "The site could not be built yet", CHANGE_TIMEOUT)
    assert located.replace("'", "&#x27;") in shown and "livereload" in shown, shown
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(dev_server.base_url + "acara/", timeout=10)
    assert missing.value.code == 404
    assert located.replace("'", "&#x27;") in missing.value.read().decode("utf-8")
    assert identical_tree(filecmp.dircmp(site_before, project / "site")), "site/ changed"

    page.write_text(good, encoding="utf-8")  # the fix
    dev_server.wait_for_page(HELP_PAGE, "amp.kontan.co.id", CHANGE_TIMEOUT)
    assert "The site could not be built yet" not in (dev_server.get("") or "")
    assert dev_server.output().count("Serving on") == 1
    assert "Traceback" not in dev_server.output()
    assert identical_tree(filecmp.dircmp(site_before, project / "site")), "site/ changed"
