"""The compiled-template cache never serves code compiled under other settings (autoescaping above all)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from smartschool.render import compile_key, environment

HOSTILE = "<img src=x onerror=alert(1)>"
TERMS = [SimpleNamespace(id="x", term=HOSTILE, definition="d", source=None)]


def _glossary(cache: Path, **overrides: object) -> str:
    """Render a package template in a fresh environment, as a new build process would, sharing the disk cache."""
    return environment(str(cache), **overrides).get_template("glossary.html").render(terms=TERMS)


def test_a_warm_cache_does_not_hide_a_change_of_autoescaping(tmp_path: Path) -> None:
    assert "&lt;img" in _glossary(tmp_path)  # compiled with autoescaping, now in the cache
    assert HOSTILE in _glossary(tmp_path, autoescape=False)  # compiled afresh, not the cached escaping code
    # The dangerous way round: code compiled without escaping is never reused once escaping is on.
    assert HOSTILE not in _glossary(tmp_path) and "&lt;img" in _glossary(tmp_path)


def test_the_cache_is_used_when_nothing_changed(tmp_path: Path) -> None:
    first = environment(str(tmp_path))
    first.get_template("glossary.html")
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == [f"__sso_{compile_key(first)}_" + files[0].split("_")[-1]]
    environment(str(tmp_path)).get_template("glossary.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # same key: the compiled code was reused
    assert compile_key(first) != compile_key(environment(str(tmp_path), autoescape=False))
