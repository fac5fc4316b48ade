"""The coordinator's year in a real browser: log in, import the sign-up sheets (fixing a bad
row), run and accept the matching, look at the timeline and the year wheel, and download the
pair list and the schedule — each file opened to see it is what it says."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.browser.conftest import PASSWORD, screenshot

pytestmark = pytest.mark.browser


def log_in(page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("link", name="Tidslinje").wait_for()


def go_to(page, name: str) -> None:
    page.get_by_role("link", name=name).click()
    page.wait_for_load_state("networkidle")


def download(page, button_name: str, folder) -> bytes:
    with page.expect_download() as event:
        page.get_by_role("button", name=button_name).click()
    path = folder / event.value.suggested_filename
    event.value.save_as(path)
    return path.read_bytes()


def test_a_wrong_password_keeps_the_door_shut(server, page):
    page.goto(server["url"])
    page.get_by_label("Lösenord").fill("inte rätt lösenord")
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Fel lösenord.").wait_for()
    assert page.get_by_role("link", name="Tidslinje").count() == 0


def test_the_calendar_in_a_browser(server, page, tmp_path):
    log_in(page, server["url"])
    screenshot(page, "home", tmp_path)

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
    header = [cell.value for cell in workbook.active[1]]
    assert "Händelse" in header and workbook.active.max_row > 10
    calendar = download(page, "Kalender (.ics)", tmp_path).decode()
    assert calendar.startswith("BEGIN:VCALENDAR") and "UID:" in calendar
