"""The workshop planner (/guru/perencana/) in Chromium: its times equal the Python day plan for the same modules and
start, a shared link restores the choice, print shows only the rundown, no-JS shows the ready-made day plans, and
the parent letter fills the chosen youth modules. At 360x640 and at desktop width."""

from __future__ import annotations

import html
import io
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from sitebuild import ROOT
from smartschool.clock import hhmm, parse_hhmm
from smartschool.curriculum_pages import core_clock, day_plan
from smartschool.project import load_project

PLANNER = "/guru/perencana/"
LETTER = "/guru/surat-orang-tua/"
VIEWPORTS = {"phone": {"width": 360, "height": 640}, "desktop": {"width": 1280, "height": 900}}
ROW = re.compile(
    r'<td data-label="Waktu">(?P<time>[^<]*)</td><td data-label="Kegiatan">(?P<what>.*?)</td>'
    r'<td data-label="Menit">(?P<minutes>\d+)</td>'
)
CAPTION = re.compile(r"<caption>(.*?)</caption>")
# The ready-made plans of docs/guru/perencana.md (and docs/guru/menjalankan-workshop.md).
ADULT_DAY = [
    "bentuk-esa-online",
    ["Istirahat", 15],
    "hukum-perlindungan-anak",
    ["Istirahat, salat, dan makan siang", 60],
    "pencegahan-bersama",
    ["Istirahat", 15],
    "bicara-dan-bertindak",
]
YOUTH_DAY = [
    "mengenal-esa-online",
    ["Istirahat", 15],
    "grooming",
    ["Istirahat, salat, dan makan siang", 60],
    "sexting-dan-sextortion",
    ["Istirahat", 15],
    "bersuara-dan-melapor",
]


def _text(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", markup))).strip()


def python_plan(start: str, items: list) -> tuple[str, list[tuple[str, str, str]]]:
    """The caption and (time, activity, minutes) rows of the `day_plan` macro for the same modules and start."""
    markup = day_plan(load_project(ROOT), start, items)
    rows = [(m["time"], _text(m["what"]), m["minutes"]) for m in ROW.finditer(markup)]
    return _text(CAPTION.search(markup).group(1)), rows


def browser_plan(page: Page, scope: Locator | None = None) -> tuple[str, list[tuple[str, str, str]]]:
    """The caption and rows of the planner's rundown (or of the table inside `scope`), as the reader sees them."""
    table = (scope or page.locator(".sso-rundown")).locator("table").first
    expect(table).to_be_visible()
    rows = table.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent.replace(/\\s+/g, ' ').trim()))"
    )
    caption = table.locator("caption").inner_text().strip()
    return re.sub(r"\s+", " ", caption), [tuple(r) for r in rows]


def _no_sideways_scroll(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


@pytest.fixture(params=list(VIEWPORTS))
def sized(request: pytest.FixtureRequest, page: Page) -> Page:
    page.set_viewport_size(VIEWPORTS[request.param])
    return page


def test_choosing_in_the_form_gives_the_python_day_plan(sized: Page, base_url: str) -> None:
    page = sized
    page.goto(base_url + PLANNER, wait_until="load")
    form = page.locator(".sso-planner__form")
    expect(form).to_be_visible()
    # The reader filter narrows the list: youth readers see no adult module.
    form.get_by_label("Pelajar SMP", exact=True).check()
    expect(page.locator('.sso-planner__modules li[data-module="bentuk-esa-online"]')).to_be_hidden()
    expect(page.locator('.sso-planner__modules li[data-module="grooming"]')).to_be_visible()
    project = load_project(ROOT)
    for module_id in ("grooming", "mengenal-esa-online"):
        page.locator(f"#sso-planner-m-{module_id}").check()
    # Keyboard-reachable reordering: move "mengenal-esa-online" up, before "grooming".
    page.get_by_role("button", name=f"Naikkan {project.lesson('mengenal-esa-online').module.title}").click()
    page.locator("#sso-planner-start").fill("09:30")
    page.locator("#sso-planner-after-mengenal-esa-online").select_option("i15")
    expected = python_plan("09:30", ["mengenal-esa-online", ["Istirahat", 15], "grooming"])
    assert browser_plan(page) == expected
    assert urlsplit(page.url).query == "", "the choice went into the query (sent to the server)"
    assert "p=mengenal-esa-online,_i15,grooming" in urlsplit(page.url).fragment
    _no_sideways_scroll(page)


@pytest.mark.parametrize(
    ("start", "items"),
    [
        ("08:00", ADULT_DAY),
        ("07:15", YOUTH_DAY),
        (
            "22:30",
            [
                "bentuk-esa-online",
                ["Istirahat", 30],
                "grooming",
                ["Istirahat, salat, dan makan siang", 90],
                "bicara-dan-bertindak",
            ],
        ),  # past midnight: the clock wraps as clock.py's does
    ],
)
def test_shared_link_restores_the_choice_and_the_python_times(
    browser: Browser, base_url: str, start: str, items: list
) -> None:
    tokens = [item if isinstance(item, str) else f"_{'m' if 'makan' in item[0] else 'i'}{item[1]}" for item in items]
    for size in VIEWPORTS.values():
        context = browser.new_context(locale="id-ID", viewport=size, service_workers="block")
        page = context.new_page()
        page.goto(f"{base_url}{PLANNER}#s={start}&d=2026-12-03&p={','.join(tokens)}", wait_until="load")
        assert browser_plan(page) == python_plan(start, items)
        expect(page.locator("#sso-planner-start")).to_have_value(start)
        expect(page.locator("#sso-planner-date")).to_have_value("2026-12-03")
        for item in items:
            if isinstance(item, str):
                expect(page.locator(f"#sso-planner-m-{item}")).to_be_checked()
        order = page.locator(".sso-planner__order li[data-id]").evaluate_all("els => els.map(e => e.dataset.id)")
        assert order == [item for item in items if isinstance(item, str)]
        _no_sideways_scroll(page)
        context.close()


def test_a_hostile_shared_link_restores_only_real_modules(page: Page, base_url: str) -> None:
    # Inherited object keys, markup and an unknown id in the fragment are not modules; the real one still loads.
    hostile = "__proto__,constructor,toString,%3Cimg%20src%3Dx%3E,tidak-ada,grooming,hasOwnProperty"
    page.goto(f"{base_url}{PLANNER}#s=25:99&d=<b>&p={hostile}", wait_until="load")
    expect(page.locator(".sso-planner__order li[data-id]")).to_have_count(1)  # modules.json arrives after load
    order = page.locator(".sso-planner__order li[data-id]").evaluate_all("els => els.map(e => e.dataset.id)")
    assert order == ["grooming"]
    assert browser_plan(page) == python_plan("08:00", ["grooming"])
    expect(page.locator("#sso-planner-start")).to_have_value("08:00")
    assert page.locator(".sso-planner img").count() == 0


def test_a_changed_choice_survives_a_reload(page: Page, base_url: str) -> None:
    page.goto(base_url + PLANNER, wait_until="load")
    page.locator("#sso-planner-m-pencegahan-bersama").check()
    page.locator("#sso-planner-m-hukum-perlindungan-anak").check()
    page.locator("#sso-planner-after-pencegahan-bersama").select_option("m60")
    page.locator("#sso-planner-start").fill("13:05")
    before = browser_plan(page)
    shared = page.url
    history = page.evaluate("history.length")
    page.goto("about:blank")
    page.goto(shared, wait_until="load")
    assert browser_plan(page) == before
    expect(page.locator("#sso-planner-after-pencegahan-bersama")).to_have_value("m60")
    assert history <= 2, "the planner added history entries instead of replacing the current one"


def _printed(page: Page) -> str:
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


def test_print_shows_only_the_rundown(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{PLANNER}#s=08:00&p=grooming,_i15,bersuara-dan-melapor", wait_until="load")
    caption, rows = browser_plan(page)
    printed = _printed(page)
    squeezed = printed.replace(" ", "")  # the PDF's text breaks lines inside a cell
    assert caption.replace(" ", "") in squeezed
    for time, what, _ in rows:
        assert time in squeezed and what.replace(" ", "") in squeezed
    for left_out in (
        "Pilih modul",
        "Untuk siapa",
        "Jadwal siap pakai",
        "Cetak susunan acara",
        "Salin tautan",
        "Perencana workshop",
        "Butuh bantuan",
        "Beranda",
    ):
        assert left_out not in printed, f"'{left_out}' was printed"


def test_without_javascript_the_ready_made_plans_show(browser: Browser, base_url: str) -> None:
    for size in VIEWPORTS.values():
        context = browser.new_context(java_script_enabled=False, viewport=size)
        page = context.new_page()
        page.goto(base_url + PLANNER, wait_until="load")
        expect(page.locator(".sso-planner__form")).to_have_count(0)
        plans = page.locator(".sso-ready-plan")
        expect(plans).to_have_count(2)
        assert browser_plan(page, plans.nth(0)) == python_plan("08:00", ADULT_DAY)
        assert browser_plan(page, plans.nth(1)) == python_plan("08:00", YOUTH_DAY)
        _no_sideways_scroll(page)
        context.close()


def test_a_ready_made_plan_loads_into_the_planner(page: Page, base_url: str) -> None:
    page.goto(base_url + PLANNER, wait_until="load")
    page.locator(".sso-ready-plan").nth(1).get_by_role("button", name="Pakai jadwal ini di perencana").click()
    assert browser_plan(page) == python_plan("08:00", YOUTH_DAY)


def test_the_letter_fills_the_chosen_youth_modules(sized: Page, base_url: str) -> None:
    page = sized
    project = load_project(ROOT)
    page.goto(
        f"{base_url}{PLANNER}#s=08:00&d=2026-12-03&p=bentuk-esa-online,_i15,grooming,_i15,bersuara-dan-melapor",
        wait_until="load",
    )
    letter = page.locator(".sso-rundown").get_by_role("link", name="Surat untuk orang tua")
    expect(letter).to_be_visible()
    rows = browser_plan(page)[1]
    letter.click()
    page.wait_for_url(re.compile(re.escape(LETTER)))
    expect(page.locator(".sso-letter.sso-letter--filled")).to_be_visible()
    listed = page.locator(".sso-letter-modules li").evaluate_all("els => els.map(e => e.dataset.module)")
    assert listed == ["grooming", "bersuara-dan-melapor"]
    items = page.locator(".sso-letter-modules li")
    for index, module_id in enumerate(listed):
        module = project.lesson(module_id).module
        expect(items.nth(index)).to_contain_text(module.title)
        expect(items.nth(index)).to_contain_text(re.sub(r"\s+", " ", module.summary))
    youth_time = f"{rows[2][0][:5]}–{rows[4][0][-5:]}"  # grooming's start to bersuara-dan-melapor's end
    expect(page.locator('.sso-letter [data-fill="time"]')).to_have_text(youth_time)
    expect(page.locator('.sso-letter [data-fill="date"]').first).to_have_text(re.compile(r"3 Desember 2026"))
    expect(page.locator('.sso-slip [data-fill="date"]')).to_have_text(re.compile(r"3 Desember 2026"))
    _no_sideways_scroll(page)


def test_the_letter_link_shows_only_with_youth_modules(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}{PLANNER}#p=bentuk-esa-online", wait_until="load")
    expect(page.locator(".sso-rundown table")).to_be_visible()
    expect(page.locator(".sso-rundown").get_by_role("link", name="Surat untuk orang tua")).to_be_hidden()


def test_without_javascript_the_letter_lists_every_youth_module_with_blanks(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + LETTER, wait_until="load")
    listed = page.locator(".sso-letter-modules li").evaluate_all("els => els.map(e => e.dataset.module)")
    project = load_project(ROOT)
    assert listed == [lesson.id for lesson in project.lessons_of_track("remaja")]
    expect(page.locator('.sso-letter [data-fill="date"]').first).to_have_text(re.compile(r"^\.+$"))
    slip = page.locator(".sso-slip")
    for part in ("Nama anak", "Kelas", "Saya tidak mengizinkan", "Tanda tangan", "Tanggal"):
        expect(slip).to_contain_text(part)
    context.close()


def test_forty_minute_version_when_the_data_has_core_steps(page: Page, base_url: str) -> None:
    project = load_project(ROOT)
    with_core = [
        lesson for lesson in project.lessons if any(getattr(step, "core", False) for step in lesson.module.agenda)
    ]
    if not with_core:
        pytest.skip("no module marks core agenda steps yet")
    for lesson in with_core:
        minutes = sum(slot.minutes for slot in core_clock(lesson))  # the lesson page's 40-minute plan
        page.goto(f"{base_url}{PLANNER}#s=23:50&p={lesson.id},_i15", wait_until="load")
        page.locator(f"#sso-planner-short-{lesson.id}").check()
        _, rows = browser_plan(page)
        end = hhmm(parse_hhmm("23:50") + minutes)
        assert rows[0] == (f"23:50–{end}", f"Modul: {lesson.module.title} (versi 40 menit)", str(minutes))
        assert rows[1] == (f"{end}–{hhmm(parse_hhmm(end) + 15)}", "Istirahat", "15")
        assert f"{lesson.id}~40" in urlsplit(page.url).fragment
    page.goto(f"{base_url}{PLANNER}#p={with_core[0].id}~40", wait_until="load")
    expect(page.locator(f"#sso-planner-short-{with_core[0].id}")).to_be_checked()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_running_planner_and_the_filled_letter_pass_axe(browser: Browser, base_url: str, scheme: str) -> None:
    """The per-page axe run (test_accessibility.py) may look before the planner has built its form: this one waits."""
    from test_accessibility import violations

    for size in VIEWPORTS.values():
        context = browser.new_context(locale="id-ID", viewport=size, color_scheme=scheme, service_workers="block")
        page = context.new_page()
        page.goto(f"{base_url}{PLANNER}#s=08:00&d=2026-12-03&p=bentuk-esa-online,_i15,grooming", wait_until="load")
        expect(page.locator(".sso-rundown table")).to_be_visible()
        assert violations(page, scheme) == []
        page.locator(".sso-rundown").get_by_role("link", name="Surat untuk orang tua").click()
        expect(page.locator(".sso-letter.sso-letter--filled")).to_be_visible()
        assert violations(page, scheme) == []
        context.close()


def test_the_planner_works_from_the_keyboard(page: Page, base_url: str) -> None:
    project = load_project(ROOT)
    page.goto(base_url + PLANNER, wait_until="load")
    page.locator("#sso-planner-m-grooming").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the next module's checkbox
    page.keyboard.press("Space")
    checked = page.locator(".sso-planner__modules input:checked").evaluate_all("els => els.map(e => e.value)")
    assert len(checked) == 2 and checked[0] == "grooming"
    second = checked[1]
    down = page.get_by_role("button", name=f"Turunkan {project.lesson('grooming').module.title}")
    down.focus()
    page.keyboard.press("Enter")
    order = page.locator(".sso-planner__order li[data-id]").evaluate_all("els => els.map(e => e.dataset.id)")
    assert order == [second, "grooming"]
    # Focus stays with the moved module (its "Turun" is now disabled, so its "Naik" takes it).
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == f"Naikkan {project.lesson('grooming').module.title}"
    assert browser_plan(page) == python_plan("08:00", [second, "grooming"])
