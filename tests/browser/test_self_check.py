"""The self-check on youth lesson pages in Chromium, at 360x640 and on a desktop: without JavaScript the answers
open from details/summary; with it, a choice is marked right or wrong at once (live region, keyboard), and nothing
is stored or sent. The participant view hides it with the facilitator content."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

LESSON = "/kurikulum/remaja/grooming/"
GUIDANCE = "/remaja/tanda-grooming/"  # a youth guidance page: `{{ self_check("grooming") }}`
PAGES = [pytest.param(LESSON, id="lesson"), pytest.param(GUIDANCE, id="guidance")]
SIZES = [
    pytest.param({"width": 360, "height": 640}, id="360x640"),
    pytest.param({"width": 1280, "height": 800}, id="desktop"),
]


def _context_page(browser: Browser, size: dict[str, int], javascript: bool) -> Page:
    context = browser.new_context(
        viewport=size, java_script_enabled=javascript, locale="id-ID", service_workers="block"
    )
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("size", SIZES)
def test_without_javascript_each_answer_opens_from_its_summary(
    browser: Browser, base_url: str, size: dict, path: str
) -> None:
    page = _context_page(browser, size, javascript=False)
    page.goto(base_url + path, wait_until="load")
    items = page.locator(".sso-quiz__item")
    expect(items.first).to_be_visible()
    assert items.count() >= 3
    first = items.first
    expect(first.locator(".sso-quiz__options li").first).to_be_visible()  # the options, as a plain list
    expect(first.locator(".sso-quiz__choice")).to_have_count(0)
    answer = first.locator(".sso-quiz__answer p")
    expect(answer).to_be_hidden()
    first.locator("summary").click()
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("Jawaban:")
    box = first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"] + 1
    page.context.close()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("size", SIZES)
def test_with_javascript_a_choice_gets_instant_feedback_and_nothing_is_kept(
    browser: Browser, base_url: str, size: dict, path: str
) -> None:
    page = _context_page(browser, size, javascript=True)
    requests: list[str] = []
    page.goto(base_url + path, wait_until="networkidle")
    page.on("request", lambda request: requests.append(request.url))
    storage_before = page.evaluate("JSON.stringify(Object.assign({}, localStorage, sessionStorage))")
    cookies_before = page.context.cookies()
    item = page.locator(".sso-quiz__item").first
    right = int(item.get_attribute("data-sso-quiz-answer") or "0")
    choices = item.locator("button.sso-quiz__choice")
    expect(choices.first).to_be_visible()
    assert choices.count() >= 2
    feedback = item.locator(".sso-quiz__feedback")
    expect(feedback).to_have_attribute("aria-live", "polite")
    wrong = 1 if right == 0 else 0
    choices.nth(wrong).click()
    expect(feedback).to_contain_text("Belum tepat")
    expect(choices.nth(wrong)).to_have_attribute("aria-pressed", "true")
    choices.nth(right).focus()  # by keyboard
    page.keyboard.press("Enter")
    expect(feedback).to_contain_text("Benar.")
    expect(choices.nth(right)).to_have_attribute("aria-pressed", "true")
    expect(choices.nth(wrong)).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("JSON.stringify(Object.assign({}, localStorage, sessionStorage))") == storage_before
    assert page.context.cookies() == cookies_before
    assert requests == []
    page.context.close()


def test_the_participant_view_hides_the_self_check(page: Page, base_url: str) -> None:
    page.goto(base_url + LESSON, wait_until="load")
    check = page.locator(".sso-self-check")
    expect(check).to_be_visible()
    page.locator("#sso-participant-view").check()
    expect(check).to_be_hidden()
    expect(page.locator(".sso-answer-key")).to_be_hidden()
    expect(page.locator(".sso-core-plan")).to_be_visible()
    page.locator("#sso-participant-view").uncheck()
