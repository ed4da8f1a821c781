"""`python -m smartschool build` (what `make site` and `make deploy` run) is staged: the site is built into a new
folder next to site/ and swapped in only when the whole build succeeds. On any failure, site/ stays byte-identical,
nothing is left behind, the exit status is non-zero and the problem is reported located, without a traceback."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from sitebuild import ROOT, copy_project, identical_tree
from smartschool.project import load_project_cached
from smartschool.publish import explain, lines_before_body, located_link_warnings, new_staging_dir, swap_into_place
from staged import build_good_site, copy_with_site, raised_on_page, render_like_macros, staged_build

MODULE = "curriculum/dewasa/bentuk-esa-online.md"
MODULE_HEADING = "\n## Pembukaan dan kesepakatan kelompok\n"
ABOUT = "docs/tentang/index.md"
ABOUT_HEADING = "\n## Programnya\n"
KEPT = "was left as it was"


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_good_site(tmp_path_factory)


@pytest.fixture
def project(good_site: Path, tmp_path: Path) -> Path:
    return copy_with_site(good_site, tmp_path)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def _assert_failed_and_kept(
    result: subprocess.CompletedProcess[str], project: Path, good_site: Path, located: str
) -> str:
    """Non-zero exit, no traceback, the located message, site/ byte-identical and no staging folder left."""
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    assert located in output, output
    assert f"Build failed: site/ {KEPT}." in output
    assert identical_tree(filecmp.dircmp(good_site, project / "site")), "site/ changed after a failed build"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == [], "a staging folder was left"
    return output


def test_a_help_source_without_slashes_keeps_the_site(project: Path, good_site: Path) -> None:
    # Once crashed the help page's macro, with a traceback, after emptying site/; validation may refuse it first.
    help_file = project / "data/help.yaml"
    _edit(
        help_file,
        "    source: https://amp.kontan.co.id/",
        "    source: https:kemenpppa.go.id\n    # was: https://amp.kontan.co.id/",
    )
    in_data = f"data/help.yaml:{_line_of(help_file, 'https:kemenpppa.go.id')}:"
    in_page = f"docs/bantuan/index.md:{_line_of(project / 'docs/bantuan/index.md', '{{ help_channels() }}')}:1: "
    output = _assert_failed_and_kept(staged_build(project), project, good_site, "")
    assert in_data in output or in_page + "macro 'help_channels': UndefinedError" in output, output


def test_a_macro_that_raises_keeps_the_site(project: Path, good_site: Path) -> None:
    # mkdocs-macros stops the process (SystemExit) on any macro error; here the macro's Python code raises.
    call = 'Jadwal: {{ day_plan("09:00", ["modul-tidak-ada"]) }}'
    _edit(project / ABOUT, ABOUT_HEADING, f"{ABOUT_HEADING}\n{call}\n")
    line = _line_of(project / ABOUT, call)
    column = call.index("modul-tidak-ada") + 1
    output = _assert_failed_and_kept(
        staged_build(project),
        project,
        good_site,
        f"{ABOUT}:{line}:{column}: macro 'day_plan': KeyError: 'modul-tidak-ada' (raised at smartschool/",
    )
    assert "[macros] - ERROR" not in output  # its report, with a traceback and the wrong line, is replaced


def test_a_page_saved_as_windows_1252_keeps_the_site(project: Path, good_site: Path) -> None:
    # Validation may find the byte first; either way it is named at its line and column (the build's own report is
    # checked in test_explain_locates_a_page_that_is_not_utf8).
    about = project / ABOUT
    raw = about.read_text("utf-8").replace(ABOUT_HEADING, "\n## Programnya café\n", 1).encode("cp1252")
    about.write_bytes(raw)
    offset = raw.index(b"\xe9")
    line, column = raw.count(b"\n", 0, offset) + 1, len("## Programnya caf") + 1
    output = _assert_failed_and_kept(staged_build(project), project, good_site, f"{ABOUT}:{line}:{column}: ")
    assert "save the file as UTF-8" in output


def test_a_broken_link_in_a_module_keeps_the_site(project: Path, good_site: Path) -> None:
    # Without validation of module links, MkDocs' strict warnings stop the build (see
    # test_link_warnings_are_located_where_the_link_is_written); with it, validation does. Same place either way.
    link_line = "Lihat juga [modul lain](../tidak-ada.md)."
    _edit(project / MODULE, MODULE_HEADING, f"{MODULE_HEADING}\n{link_line}\n")
    line, column = _line_of(project / MODULE, link_line), link_line.index("../") + 1
    output = _assert_failed_and_kept(staged_build(project), project, good_site, f"{MODULE}:{line}:{column}: ")
    assert "link '../tidak-ada.md'" in output


def _nested_list(levels: int) -> str:
    return "\n".join("    " * level + "- butir" for level in range(levels))


def test_too_deep_nesting_in_a_page_keeps_the_site(project: Path, good_site: Path) -> None:
    # The renderer's RecursionError, or validation's depth rule where it covers the page: located in the file.
    _edit(project / ABOUT, ABOUT_HEADING, f"{ABOUT_HEADING}\n{_nested_list(400)}\n")
    output = _assert_failed_and_kept(staged_build(project), project, good_site, f"{ABOUT}:")
    assert "nest" in output, output


def test_too_deep_nesting_in_a_module_keeps_the_site(project: Path, good_site: Path) -> None:
    _edit(project / MODULE, MODULE_HEADING, f"{MODULE_HEADING}\n{_nested_list(400)}\n")
    output = _assert_failed_and_kept(staged_build(project), project, good_site, f"{MODULE}:")
    assert "nest" in output, output


def test_a_macro_error_names_the_line_in_the_file(project: Path, good_site: Path) -> None:
    about = project / ABOUT
    _edit(about, ABOUT_HEADING, f"{ABOUT_HEADING}\nTeks {{{{ no_such_macro() }}}}\n")
    line = _line_of(about, "no_such_macro")
    body_line = line - lines_before_body(about.read_text("utf-8"))
    assert body_line < line  # the page has front matter: the two counts differ
    output = _assert_failed_and_kept(
        staged_build(project),
        project,
        good_site,
        f"{ABOUT}:{line}:9: macro 'no_such_macro': UndefinedError: 'no_such_macro' is undefined",
    )
    assert f"{ABOUT}:{body_line}:" not in output


def test_a_yaml_syntax_error_keeps_the_site(project: Path, good_site: Path) -> None:
    events = project / "data/events.yaml"
    _edit(
        events,
        "    title: Workshop Smart School Online di Kupang\n    status:",
        "    title: [Workshop Smart School Online di Kupang\n    status:",
    )
    output = _assert_failed_and_kept(staged_build(project), project, good_site, "data/events.yaml:")
    assert "YAML syntax error" in output and "Aborted: 1 data problem" in output


def test_a_successful_build_replaces_the_site_in_one_step(project: Path, good_site: Path) -> None:
    site = project / "site"
    (site / "stale.html").write_text("from an earlier build", encoding="utf-8")
    _edit(
        project / "data/events.yaml",
        "    title: Workshop Smart School Online di Kupang\n    status:",
        "    title: Workshop Penanda Uji 654\n    status:",
    )
    result = staged_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Built site/: the new build has replaced the old one." in result.stderr
    # The theme's end of life is stated once, pointing to the decision record, not hidden or repeated.
    assert result.stderr.count("Material for MkDocs reaches end of life") == 1
    assert "decisions/0001-material-for-mkdocs-end-of-life.md" in result.stderr
    assert (ROOT / "decisions/0001-material-for-mkdocs-end-of-life.md").is_file()
    assert not (site / "stale.html").exists()
    assert "Workshop Penanda Uji 654" in (site / "acara/kupang-2018/index.html").read_text("utf-8")
    assert sorted(p.name for p in project.iterdir() if p.name.startswith((".site", "site"))) == ["site"]
    umask = os.umask(0)
    os.umask(umask)
    assert site.stat().st_mode & 0o777 == 0o777 & ~umask  # as MkDocs would make it, not a private temp folder


# --- How a failure inside the build is explained, whatever validation already catches ---------------------------
# MkDocs holds the page it works on in a local named `page` (mkdocs.commands.build); these raise the same way.


def _page_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "docs/tentang/index.md"
    path.parent.mkdir(parents=True)
    path.write_text(f"---\nrender_macros: true\ntitle: Tentang\n---\n\n\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "call, located",
    [
        ("{{ no_such_macro() }}", "macro 'no_such_macro': UndefinedError: 'no_such_macro' is undefined"),
        ("{{ help_box( }}", "macro 'help_box': TemplateSyntaxError: unexpected '}'"),
    ],
)
def test_explain_counts_a_macro_error_line_in_the_file(tmp_path: Path, call: str, located: str) -> None:
    path = _page_file(tmp_path, f"# Tentang\n\nTeks {call}\n")
    markdown, _ = get_data(path.read_text("utf-8"))  # the page's Markdown as MkDocs hands it to the macros
    error = raised_on_page("tentang/index.md", path, lambda: render_like_macros(markdown))
    assert isinstance(error, SystemExit)
    line = _line_of(path, call)
    assert markdown.splitlines()[line - lines_before_body(path.read_text("utf-8")) - 1] == f"Teks {call}"
    (message,) = explain(error, tmp_path)
    assert message.startswith(f"docs/tentang/index.md:{line}:") and located in message, message


def test_explain_locates_a_page_that_is_not_utf8(tmp_path: Path) -> None:
    path = _page_file(tmp_path, "# Tentang\n\nKafe\n")
    raw = path.read_bytes().replace(b"Kafe", "Café ça".encode("cp1252"))
    path.write_bytes(raw)
    error = raised_on_page("tentang/index.md", path, lambda: path.read_text(encoding="utf-8-sig"))
    offset = raw.index(b"\xe9")
    line = raw.count(b"\n", 0, offset) + 1
    (message,) = explain(error, tmp_path)
    assert message.startswith(
        f"docs/tentang/index.md:{line}:4: encoding: byte 0xe9 at byte offset {offset} is not UTF-8"
    ), message
    assert message.endswith("save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)")


def test_explain_names_the_deepest_line_on_a_recursion_error(tmp_path: Path) -> None:
    path = _page_file(tmp_path, f"# Tentang\n\n{_nested_list(5)}\n\nAkhir\n")

    def render(depth: int = 0) -> int:
        return render(depth + 1) + 1

    error = raised_on_page("tentang/index.md", path, render)
    assert isinstance(error, RecursionError)
    (message,) = explain(error, tmp_path)
    deepest = _line_of(path, "                - butir")
    assert message.startswith(
        f"docs/tentang/index.md:{deepest}:1: page 'tentang/index.md': nesting is too deep to render"
    ), message


def test_explain_names_what_else_was_raised_and_where() -> None:
    def lookup() -> object:
        return {}["modul-tidak-ada"]

    error = raised_on_page("acara/index.md", None, lookup)
    here = Path(__file__).parent  # as the project's root: this file is then the project's own code
    line = lookup.__code__.co_firstlineno + 1
    assert explain(error, here) == [
        f"page 'acara/index.md': KeyError: 'modul-tidak-ada' (raised at "
        f"{Path(__file__).name}:{line}), expected the build to finish"
    ]


def test_link_warnings_are_located_where_the_link_is_written(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    load_project_cached(project, date(2026, 11, 28))  # what the build loaded: it maps module pages to their files
    link_line = "Lihat juga [modul lain](../tidak-ada.md#bagian)."
    _edit(project / MODULE, MODULE_HEADING, f"{MODULE_HEADING}\n{link_line}\n")
    about_text = "Lihat [halaman](/bantuan/)."
    _edit(project / ABOUT, ABOUT_HEADING, f"{ABOUT_HEADING}\n{about_text}\n")
    warnings = [
        f"Doc file '{page}' contains a link '../tidak-ada.md#bagian', but the target 'kurikulum/tidak-ada.md' is not "
        "found among documentation files."
        for page in ("kurikulum/dewasa/bentuk-esa-online.md", "kurikulum/dewasa/paket-fasilitator.md")
    ] + ["Doc file 'tentang/index.md' contains an absolute link '/bantuan/', it was left as is.", "Some other warning."]
    module_line, about_line = _line_of(project / MODULE, link_line), _line_of(project / ABOUT, about_text)
    assert located_link_warnings(warnings, project) == [
        f"{MODULE}:{module_line}:{link_line.index('../') + 1}: link '../tidak-ada.md#bagian': the target "
        "'kurikulum/tidak-ada.md' is not found among documentation files (on pages "
        "kurikulum/dewasa/bentuk-esa-online.md, kurikulum/dewasa/paket-fasilitator.md), expected the path of an "
        "existing page or file of the site, relative to the page",
        f"{ABOUT}:{about_line}:{about_text.index('/') + 1}: link '/bantuan/': it was left as is (on page "
        "tentang/index.md), expected a relative link (such as ../bantuan/index.md) or a full https:// address",
    ]


def test_lines_before_body_follow_mkdocs(tmp_path: Path) -> None:
    for text in (
        "---\ntitle: A\n---\n# A\n",
        "---\ntitle: A\n---\n\n\n# A\n",
        "# A\n\nno front matter\n",
        "---\ntitle: A\n...\n\n# A\n",
    ):
        markdown, _ = get_data(text)
        assert text.splitlines()[lines_before_body(text) :] == markdown.splitlines(), text


def test_swap_puts_the_new_folder_in_place_and_removes_the_old(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.txt").write_text("old", encoding="utf-8")
    new = new_staging_dir(target)
    (new / "new.txt").write_text("new", encoding="utf-8")
    assert new.parent == tmp_path and new.name.startswith(".site.staging-")
    swap_into_place(new, target)
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert [p.name for p in target.iterdir()] == ["new.txt"]


def test_swap_into_a_missing_target_and_a_failed_swap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out" / "site"
    first = new_staging_dir(target)  # makes the parent folder
    swap_into_place(first, target)
    assert target.is_dir() and [p.name for p in target.parent.iterdir()] == ["site"]
    (target / "kept.txt").write_text("kept", encoding="utf-8")

    second = new_staging_dir(target)
    real_rename = Path.rename

    def refuse_the_new_one(self: Path, destination: Path) -> Path:
        if self == second:
            raise OSError("refused")
        return real_rename(self, destination)

    monkeypatch.setattr(Path, "rename", refuse_the_new_one)
    with pytest.raises(OSError):
        swap_into_place(second, target)
    assert [p.name for p in target.iterdir()] == ["kept.txt"]  # the old site was put back


def _recipe(target: str, done: str) -> list[str]:
    """The commands `make <target>` runs, taking `done` (a prerequisite) as already made."""
    result = subprocess.run(
        ["make", "-s", "-n", "-o", done, target], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_site_and_make_deploy_use_the_staged_build() -> None:
    assert _recipe("site", "check") == [".venv/bin/python -m smartschool build --strict"]
    deploy = _recipe("deploy", "site")
    assert len(deploy) == 1 and deploy[0].startswith(".venv/bin/ghp-import --no-jekyll --push --force ")
    assert deploy[0].endswith(" site") and "gh-deploy" not in deploy[0]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_deploy_publishes_the_built_site_to_gh_pages(good_site: Path, tmp_path: Path) -> None:
    # `make deploy` after its `make site`: the recipe, run as make runs it, on a checkout whose site/ is built.
    checkout, remote = tmp_path / "checkout", tmp_path / "remote.git"
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "--bare", "-q", str(remote)], check=True)
    checkout.mkdir()
    (checkout / "README.md").write_text("test\n", encoding="utf-8")
    for command in (
        ["init", "-q"],
        ["add", "README.md"],
        ["commit", "-q", "-m", "source"],
        ["remote", "add", "origin", str(remote)],
    ):
        subprocess.run([*git, *command], cwd=checkout, check=True)
    shutil.copytree(good_site, checkout / "site")
    (deploy,) = _recipe("deploy", "site")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    subprocess.run(
        deploy.replace(".venv/bin/", f"{Path(sys.executable).parent}/", 1),
        shell=True,
        cwd=checkout,
        env=env,
        check=True,
        capture_output=True,
    )
    tree = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"], cwd=remote, capture_output=True, text=True, check=True
    ).stdout.split()
    for expected in (".nojekyll", "index.html", "acara/kupang-2018/index.html", "data/events.json"):
        assert expected in tree, expected
