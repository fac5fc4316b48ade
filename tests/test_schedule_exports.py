"""Schedules leave as CSV, Excel and iCalendar: read each back and check what a coordinator's
spreadsheet or calendar would show."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from icalendar import Calendar

from core.calendar.files import schedule_to_ics
from core.calendar.programme import Programme, load_rulebook
from core.calendar.schedule import SCHEDULE_COLUMNS, display_frame, schedule_frame
from core.platform.files import safe_cell, to_csv, to_xlsx


@pytest.fixture(scope="module")
def year_2026():
    return Programme(load_rulebook()).programme_year(2026)


def test_csv_has_the_contract_columns_and_iso_dates(year_2026):
    rows = list(csv.DictReader(io.StringIO(to_csv(schedule_frame(year_2026, "en"), "en").decode("utf-8-sig"))))
    assert tuple(rows[0]) == SCHEDULE_COLUMNS
    kickoff = next(r for r in rows if r["cohort"] == "autumn-2026" and r["event"] == "kickoff")
    assert (kickoff["start"], kickoff["end"], kickoff["iso_week"]) == ("2026-09-24", "2026-09-24", "39")
    assert kickoff["rule"] == "4th Thursday of September"
    assert "mentors Spring start 2026 (running programme)" in kickoff["invited"]  # cohorts by name
    decisions = next(r for r in rows if r["cohort"] == "spring-2027" and r["event"] == "decisions_sent")
    assert "New Year's Day" in decisions["warnings"]


def test_swedish_words_in_the_schedule(year_2026):
    frame = schedule_frame(year_2026, "sv")
    kickoff = frame[(frame.cohort == "autumn-2026") & (frame.event == "kickoff")].iloc[0]
    assert kickoff.rule == "fjärde torsdagen i september"
    shown = display_frame(year_2026[:7], "sv")
    assert "tors 24 sep. 2026" in set(shown["Datum"])
    assert set(shown["Veckodag"]) >= {"torsdag", "onsdag"}


def test_xlsx_has_a_formatted_sheet_per_cohort(year_2026):
    sheets = {cid: display_frame([o for o in year_2026 if o.cohort.id == cid], "sv")
              for cid in ("autumn-2026", "spring-2027")}
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx(sheets)))
    assert workbook.sheetnames == ["autumn-2026", "spring-2027"]
    sheet = workbook["autumn-2026"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "Kohort" and sheet["A1"].font.bold
    header = [c.value for c in sheet[1]]
    kickoff = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[1] == "Kick-off")
    assert kickoff[header.index("Start")] == dt.datetime(2026, 9, 24)
    assert sheet.column_dimensions["B"].width > 10
    assert sheet.max_row == 18  # a heading and the autumn start's 17 events (its evening mingle included)


def test_ics_is_all_day_with_week_long_pair_meetings_and_stable_uids(year_2026):
    calendar = Calendar.from_ical(schedule_to_ics(year_2026, "sv"))
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == len(year_2026)
    kickoff = events["autumn-2026-kickoff@mentorplan"]
    assert kickoff.decoded("DTSTART") == dt.date(2026, 9, 24)
    assert kickoff.decoded("DTEND") == dt.date(2026, 9, 25)
    meeting = events["autumn-2026-pair_meeting_1@mentorplan"]
    week = (meeting.decoded("DTSTART"), meeting.decoded("DTEND"))
    assert week == (dt.date(2026, 9, 28), dt.date(2026, 10, 5))
    assert str(kickoff["SUMMARY"]) == "Kick-off – Höststart 2026"  # the cohort in words; its id in the UID
    assert calendar["X-WR-TIMEZONE"] == "Europe/Stockholm"
    again = Calendar.from_ical(schedule_to_ics(year_2026, "sv"))
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == set(events)


def test_ics_escapes_what_it_must(year_2026):
    text = schedule_to_ics(year_2026, "sv").decode()
    assert "torsdagen efter utbildning\\, adepter" in text  # RFC 5545 escapes commas in text


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(value):
    assert safe_cell(value) == "'" + value
    frame = schedule_frame([], "sv")
    frame.loc[0] = [value] * len(frame.columns)
    assert to_csv(frame, "sv").decode("utf-8-sig").splitlines()[1].startswith(("'", "\"'"))
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx({"x": frame}))).active
    assert sheet["A2"].value.startswith("'") and sheet["A2"].data_type == "s"  # XML keeps no lone CR


def test_ordinary_text_is_left_alone():
    assert safe_cell("Anna Svensson") == "Anna Svensson"
    assert safe_cell(3) == 3


@pytest.mark.parametrize("cell", [["=2+3"], ("ledarskap", "=HYPERLINK(1)"), {"=x": "y"}, {"a": "b"}])
def test_list_and_mapping_cells_are_written_as_safe_text(cell):
    import pandas as pd
    frame = pd.DataFrame({"Kompetenser": [cell]})
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx({"x": frame}))).active
    assert sheet["A2"].data_type == "s"
    assert not str(sheet["A2"].value).startswith("=")
    line = to_csv(frame, "sv").decode("utf-8-sig").splitlines()[1]
    assert not line.lstrip('"').startswith(("=", "+", "-", "@"))


def test_a_list_cell_keeps_its_words():
    import pandas as pd
    frame = pd.DataFrame({"Språk": [["sv", "en"]]})
    assert openpyxl.load_workbook(io.BytesIO(to_xlsx({"x": frame}))).active["A2"].value == "sv, en"
