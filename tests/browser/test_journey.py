"""The coordinator's year in a real browser: log in, import the sign-up sheets (fixing a bad
row), run and accept the matching, look at the timeline and the year wheel, and download the
pair list and the schedule — each file opened to see it is what it says."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from core.people.examples import example_sheets, example_workbook
from core.platform.i18n import t
from tests.browser.conftest import PASSWORD, screenshot

pytestmark = pytest.mark.browser


def nav_link(page, name: str):
    return page.get_by_test_id("stSidebarNav").get_by_role("link", name=name, exact=True)


def log_in(page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    nav_link(page, "Tidslinje").wait_for()


def go_to(page, name: str) -> None:
    """Open a page from the sidebar's navigation: the overview's to-do links can carry the same
    name ("Importera deltagare"), and "Se över schemat" contains "Schema"."""
    nav_link(page, name).click()
    page.wait_for_load_state("networkidle")


def download(page, button_name: str, folder, tries: int = 3) -> bytes:
    """Click a download button and return the file. A click that lands while the page is still
    rerunning can be lost, as a hurried person's would be: then click again."""
    button = page.get_by_role("button", name=button_name, exact=True)
    for attempt in range(tries):
        try:
            with page.expect_download(timeout=20_000) as event:
                button.click()
            break
        except PlaywrightTimeout:
            if attempt == tries - 1:
                raise
            page.wait_for_timeout(1000)
    path = folder / event.value.suggested_filename
    event.value.save_as(path)
    return path.read_bytes()


@pytest.mark.parametrize("path", ["", "/timeline", "/register", "/backup"])
def test_every_page_asks_for_the_login_first(server, page, path):
    page.goto(server["url"] + path)
    page.get_by_label("Lösenord").wait_for()
    assert page.get_by_role("link", name="Tidslinje", exact=True).count() == 0
    assert page.locator(".js-plotly-plot").count() == 0


def test_a_wrong_password_keeps_the_door_shut(server, page):
    page.goto(server["url"])
    page.get_by_label("Lösenord").fill("inte rätt lösenord")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Fel lösenord.").wait_for()
    assert page.get_by_role("link", name="Tidslinje", exact=True).count() == 0


def test_the_calendar_in_a_browser(server, page, tmp_path):
    log_in(page, server["url"])
    screenshot(page, "welcome", tmp_path)

    go_to(page, "Tidslinje")
    page.locator(".js-plotly-plot").first.wait_for()
    assert page.locator(".js-plotly-plot").get_by_text("Höststart 2026").count() >= 1
    screenshot(page, "timeline", tmp_path)

    go_to(page, "Årshjul")
    page.locator(".js-plotly-plot").first.wait_for()
    screenshot(page, "year_wheel", tmp_path)

    go_to(page, "Schema")
    page.get_by_role("heading", name="Exportera").wait_for()
    screenshot(page, "schedule", tmp_path)
    workbook = openpyxl.load_workbook(io.BytesIO(download(page, "Excel (.xlsx)", tmp_path)))
    header = [cell.value for cell in workbook.active[2]]  # under the title row
    assert workbook.active["A1"].value == "Schema · Höststart 2026"
    assert "Händelse" in header and workbook.active.max_row > 10
    calendar = download(page, "Kalender (.ics)", tmp_path).decode()
    assert calendar.startswith("BEGIN:VCALENDAR") and "UID:" in calendar


def with_a_bad_address(workbook: bytes) -> bytes:
    """The same sign-up workbook with one mentor's e-mail address cut off."""
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    sheet = book["Mentorer"]
    header = next(row for row in sheet.iter_rows(values_only=True) if row and "E-post" in row)
    column = header.index("E-post") + 1
    first = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, column).value == "E-post") + 1
    sheet.cell(first, column).value = "anna.svensson@"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def metric(page, label: str) -> str:
    return page.locator('[data-testid="stMetric"]').filter(has_text=label).locator(
        '[data-testid="stMetricValue"]').inner_text()


def test_the_coordinators_year_in_a_browser(server, page, tmp_path):
    autumn, _spring = example_sheets(2026)
    good = tmp_path / "anmalningar-autumn-2026.xlsx"
    good.write_bytes(example_workbook(autumn))
    bad = tmp_path / "anmalningar-autumn-2026-rattas.xlsx"
    bad.write_bytes(with_a_bad_address(good.read_bytes()))

    log_in(page, server["url"])
    go_to(page, t("participants.nav", "sv"))
    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    uploader.set_input_files(str(bad))
    page.get_by_role("heading", name=t("participants.report", "sv")).wait_for()
    assert metric(page, t("participants.invalid_rows", "sv")) == "1"
    screenshot(page, "participants", tmp_path)

    # Fixed: the corrected sheet replaces the one with the mistake.
    page.locator('[data-testid="stFileChipDeleteBtn"]').first.click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(good))
    page.get_by_text(t("participants.all_valid", "sv")).wait_for()
    assert metric(page, t("participants.invalid_rows", "sv")) == "0"
    page.get_by_role("button", name=re.compile(r"^Importera \d+ giltiga rader")).click()
    page.get_by_text(re.compile(r"^Importerat: \d+ nya")).wait_for()

    go_to(page, t("register.nav", "sv"))
    page.get_by_role("heading", name=t("register.title", "sv")).wait_for()
    screenshot(page, "register", tmp_path)

    go_to(page, t("matching.title", "sv"))
    page.get_by_role("button", name=t("matching.run_button", "sv")).click()
    page.get_by_role("button", name=t("matching.accept_button", "sv")).wait_for()
    screenshot(page, "matching", tmp_path)
    page.get_by_role("button", name=t("matching.accept_button", "sv")).click()
    page.get_by_text(re.compile(r"^Godkänt: \d+ par")).wait_for()

    pair_list = openpyxl.load_workbook(io.BytesIO(download(page, t("matching.download_xlsx", "sv"), tmp_path)))
    sheet = pair_list.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    addresses = [cell for row in rows for cell in row if isinstance(cell, str) and cell.endswith(".example")]
    assert len(addresses) >= 40  # mentor and mentee e-mail of every pair

    go_to(page, t("nav.timeline", "sv"))
    page.locator(".js-plotly-plot").first.wait_for()
    go_to(page, t("nav.year_wheel", "sv"))
    page.locator(".js-plotly-plot").first.wait_for()
    go_to(page, t("nav.schedule", "sv"))
    schedule = openpyxl.load_workbook(io.BytesIO(download(page, "Excel (.xlsx)", tmp_path)))
    assert schedule.sheetnames == ["Höststart 2026"]  # in words

    go_to(page, t("followup.nav", "sv"))
    page.wait_for_timeout(1000)
    screenshot(page, "followup", tmp_path)
    go_to(page, t("nav.home", "sv"))
    page.get_by_role("heading", name="Mentorplan").wait_for()
    screenshot(page, "home", tmp_path)


def test_the_sidebar_choices_survive_a_language_switch_and_page_changes(server, page):
    log_in(page, server["url"])
    go_to(page, "Schema")
    page.get_by_role("heading", name="Schema · Höststart 2026").wait_for()
    page.get_by_test_id("stRadioGroup").get_by_text("Vårstart 2027").click()
    page.get_by_role("heading", name="Schema · Vårstart 2027").wait_for()
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Schedule · Spring start 2027").wait_for()
    go_to(page, "Timeline")
    go_to(page, "Schedule")
    page.get_by_role("heading", name="Schedule · Spring start 2027").wait_for()
    page.get_by_text("Svenska", exact=True).click()
    page.get_by_role("heading", name="Schema · Vårstart 2027").wait_for()
