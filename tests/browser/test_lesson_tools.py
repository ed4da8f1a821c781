"""Lesson tools in Chromium: the participant view hides facilitator notes and is remembered; packs print cleanly."""

from __future__ import annotations

import io
import re

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from sitebuild import ROOT
from smartschool.curriculum_pages import pack_volumes
from smartschool.project import load_project

LESSON = "/kurikulum/remaja/grooming/"


def test_participant_view_hides_notes_and_is_remembered(page: Page, base_url: str) -> None:
    page.goto(base_url + LESSON, wait_until="load")
    notes = page.locator(".admonition.fasilitator").first
    safeguarding = page.locator(".admonition.perlindungan").first
    expect(notes).to_be_visible()
    page.locator("#sso-participant-view").check()
    expect(notes).to_be_hidden()
    expect(safeguarding).to_be_hidden()
    page.reload(wait_until="load")
    expect(page.locator("#sso-participant-view")).to_be_checked()
    expect(page.locator(".admonition.fasilitator").first).to_be_hidden()
    page.locator("#sso-participant-view").uncheck()
    page.goto(base_url + "/kurikulum/dewasa/bentuk-esa-online/", wait_until="load")
    expect(page.locator(".admonition.fasilitator").first).to_be_visible()


def test_participant_view_works_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + LESSON, wait_until="load")
    notes = page.locator(".admonition.fasilitator").first
    expect(notes).to_be_visible()
    page.locator("label[for='sso-participant-view']").click()
    expect(notes).to_be_hidden()
    expect(page.locator(".sso-print")).to_have_count(0)  # lesson pages have no print button
    context.close()


def _pdf_pages(page: Page) -> list[str]:
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return [re.sub(r"\s+", " ", p.extract_text() or "").strip() for p in reader.pages]


@pytest.mark.parametrize("track", ["dewasa", "remaja"])
def test_facilitator_pack_prints_each_module_on_new_page_without_navigation(
    page: Page, base_url: str, track: str
) -> None:
    project = load_project(ROOT)
    for volume in pack_volumes(project, track):
        page.emulate_media(media="screen")  # the previous volume was printed
        page.goto(f"{base_url}/{volume.url}", wait_until="load")
        expect(page.locator("button.sso-print")).to_be_visible()
        pages = _pdf_pages(page)
        first_pages = []
        for lesson in volume.lessons:
            title = re.sub(r"\s+", " ", lesson.module.title)
            starts = [i for i, text in enumerate(pages) if text.startswith(title)]
            assert starts, f"no printed page of {volume.url} starts with '{title}'"
            first_pages.append(starts[0])
        assert first_pages == sorted(first_pages) and len(set(first_pages)) == len(volume.lessons)
        printed = " ".join(pages)
        for chrome in ("Beranda", "Lewati ke isi", "Daftar isi", "Tampilan peserta", "Ganti ke mode", "Semua jilid"):
            assert chrome not in printed, f"'{chrome}' was printed"
        assert not printed.startswith("Smart School Online"), "the site header was printed"
        assert "Catatan fasilitator" in printed


def test_participant_view_also_applies_to_print(page: Page, base_url: str) -> None:
    page.goto(base_url + LESSON, wait_until="load")
    assert "Catatan fasilitator" in " ".join(_pdf_pages(page))
    page.emulate_media(media="screen")
    page.locator("#sso-participant-view").check()
    assert "Catatan fasilitator" not in " ".join(_pdf_pages(page))
