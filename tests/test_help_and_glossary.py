"""Help channels, glossary and quick-exit helpers: links, verification age, tooltips, validation."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import VALID_EVENT, line_in, only_problem, write_data
from smartschool.models import Contact
from smartschool.project import load_project, validate_project
from smartschool.quick_exit import insert_after_body_open, needs_quick_exit
from smartschool.reference_pages import abbreviations, contact_link, help_channels

ROOT = Path(__file__).resolve().parent.parent
HELP = (ROOT / "data/help.yaml").read_text("utf-8")
GLOSSARY = (ROOT / "data/glossary.yaml").read_text("utf-8")


def project_with(tmp_path: Path, help_text: str = HELP, glossary_text: str = GLOSSARY) -> Path:
    write_data(tmp_path, VALID_EVENT)
    (tmp_path / "data/help.yaml").write_text(help_text, "utf-8")
    (tmp_path / "data/glossary.yaml").write_text(glossary_text, "utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "kind,value,href",
    [
        ("telepon", "129", "tel:129"),
        ("telepon", "08111-002-7727", "tel:+6281110027727"),
        ("whatsapp", "08111-129-129", "https://wa.me/628111129129"),
        ("web", "https://aduankonten.id", "https://aduankonten.id"),
    ],
)
def test_contacts_become_tel_whatsapp_and_web_links(kind: str, value: str, href: str) -> None:
    assert contact_link(Contact(kind=kind, value=value)).href == href


def test_real_help_channels_match_the_sources() -> None:
    channels = {c.id: c for c in load_project(ROOT).published_channels()}
    assert [c.value for c in channels["sapa-129"].contacts] == ["129", "08111-129-129"]
    assert [c.value for c in channels["polri-110"].contacts] == ["110"]
    assert [c.value for c in channels["kpai"].contacts] == ["08111-002-7727"]
    assert "1500771" not in HELP and "TePSA" not in HELP
    assert all(c.verified and c.source for c in channels.values())


def test_stale_verification_warns_and_the_page_says_so(tmp_path: Path) -> None:
    root = project_with(tmp_path)
    fresh = load_project(root, today=date(2027, 11, 28))
    assert fresh.warnings == ()
    stale = load_project(root, today=date(2027, 11, 29))
    first = stale.warnings[0]
    assert (first.file, first.line, first.field) == (
        "data/help.yaml",
        line_in(HELP, "verified: 2026-11-28"),
        "verified",
    )
    assert "more than 12 months ago" in first.message
    page = BeautifulSoup(help_channels(stale, date(2027, 11, 29)), "html.parser")
    # Channels verified on 2026-11-28 are stale a year and a day later; those added on 2026-11-30 are not yet.
    due = [c for c in stale.published_channels() if c.verified == date(2026, 11, 28)]
    assert 0 < len(due) < len(stale.published_channels())
    assert len(page.select(".sso-stale")) == len(due)
    assert not BeautifulSoup(help_channels(fresh, date(2027, 11, 28)), "html.parser").select(".sso-stale")


def test_unverified_channels_are_not_published(tmp_path: Path) -> None:
    before, kpai = HELP.split("  - id: kpai\n", 1)
    text = before + "  - id: kpai\n" + kpai.replace("status: verified", "status: unverified", 1)
    project = load_project(project_with(tmp_path, text))
    published = [c.id for c in project.published_channels()]
    assert "kpai" in [c.id for c in project.channels] and "kpai" not in published
    assert "KPAI" not in help_channels(project, date(2026, 11, 28))


def test_channel_needs_verification_date_and_source(tmp_path: Path) -> None:
    text = HELP.replace("    verified: 2026-11-28\n", "", 1)
    problem = only_problem(project_with(tmp_path, text))
    assert (problem.file, problem.subject, problem.field) == ("data/help.yaml", "channel 'sapa-129'", "verified")
    assert problem.message.startswith("missing")


def test_phone_numbers_must_be_numbers(tmp_path: Path) -> None:
    problem = only_problem(project_with(tmp_path, HELP.replace('value: "110"', 'value: "seratus sepuluh"')))
    assert problem.field == "contacts[0].value" and "is not a phone number" in problem.message


def test_an_alias_belongs_to_one_term(tmp_path: Path) -> None:
    text = GLOSSARY.replace("aliases: [sexting, Sexting]", "aliases: [sexting, grooming]")
    problem = only_problem(project_with(tmp_path, glossary_text=text))
    assert problem.field == "aliases[1]" and "already an alias of 'grooming'" in problem.message


def test_abbreviations_define_every_alias_on_one_line() -> None:
    lines = abbreviations(load_project(ROOT).terms).splitlines()
    assert any(line.startswith("*[grooming]: Cara seseorang membangun hubungan") for line in lines)
    assert all(line.startswith("*[") and "]: " in line for line in lines)


def test_quick_exit_sections_and_insertion() -> None:
    sections = ["remaja/", "bantuan/", "kurikulum/remaja/"]
    assert needs_quick_exit("remaja/tanda-grooming/", sections)
    assert needs_quick_exit("kurikulum/remaja/grooming/", sections)
    assert not needs_quick_exit("kurikulum/dewasa/grooming/", sections) and not needs_quick_exit("", sections)
    html = insert_after_body_open('<html><body class="x"><a href="#">first</a></body></html>', "<i>exit</i>")
    assert html == '<html><body class="x"><i>exit</i><a href="#">first</a></body></html>'
    with pytest.raises(ValueError):
        insert_after_body_open("<p>no body</p>", "<i>exit</i>")


def test_validation_on_a_late_date_warns_for_every_published_channel(tmp_path: Path) -> None:
    project, problems = validate_project(project_with(tmp_path), date(2030, 1, 1))
    published = [line for line in HELP.splitlines() if line.strip() == "status: verified"]
    assert problems == [] and project is not None and len(project.warnings) == len(published) == 8


def test_check_command_with_frozen_date_prints_help_warnings(tmp_path: Path) -> None:
    """`python -m smartschool check` as a maintainer runs it: OK on stdout, one warning per stale channel."""
    root = project_with(tmp_path)
    env = {**os.environ, "SSO_BUILD_DATE": "2030-01-01"}
    result = subprocess.run(
        [sys.executable, "-m", "smartschool", "--root", str(root), "check"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")
    warnings = [line for line in result.stderr.splitlines() if "verified" in line or "diverifikasi" in line]
    assert len(warnings) == 8 and all("data/help.yaml:" in line for line in warnings), result.stderr
