"""The check-in sheet: read by content (.csv and .xlsx), headers in Swedish or English, each row
checked with a message naming its row and column, and nothing stored while any row is wrong."""

import datetime as dt
import io

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from core import services
from core.calendar.programme import Cohort
from core.followup.checkin import check_checkin, checkin_template, checkin_workbook, import_checkin, read_checkin
from core.followup.meetings import Pairs, followup_span, meeting_windows
from core.platform.files import to_xlsx
from core.platform.i18n import MentorplanError
from tests.followup_pairs import matched_cohort

AUTUMN = Cohort(2026, "autumn")
TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def setting(store):
    ids = matched_cohort(store)
    programme = services.programme(store)
    return ids, programme


def check(store, programme, data: bytes, name: str = "avstamning.csv"):
    frame = read_checkin(data, name)
    return check_checkin(frame, Pairs(store.accepted_pairs(AUTUMN.id)), meeting_windows(programme, AUTUMN),
                         followup_span(programme, AUTUMN), TODAY, store.pair_meetings(AUTUMN.id))


def test_a_good_csv_is_read_and_stored(store, setting):
    _ids, programme = setting
    sheet = ("Mentor e-post;Adept e-post;Parträff;Datum;Anteckning\n"
             "anna.berg@example.se;elin.gran@example.se;1;2026-10-01;Bra start\n"
             "ANNA.BERG@example.se ;farah.haddad@example.se;Parträff 1;2026-10-02;\n"
             ";gustav.holm@example.se;2;2026-11-04;\n"
             "cecilia.dahl@example.se;;1;2026-10-05;sent\n\n")
    result = check(store, programme, sheet.encode("utf-8"))
    assert result.ok, [i.shown("en") for i in result.issues]
    assert (result.new, result.changed, result.unchanged) == (4, 0, 0)
    assert import_checkin(store, AUTUMN, result) == {"saved": 4, "removed": 0}
    stored = store.pair_meetings(AUTUMN.id)
    assert len(stored) == 4 and set(stored["number"]) == {1, 2}
    again = check(store, programme, sheet.encode("utf-8"))
    assert (again.new, again.changed, again.unchanged) == (0, 0, 4)


def test_an_xlsx_with_english_headers_and_date_cells(store, setting):
    _ids, programme = setting
    frame = pd.DataFrame({"Mentor email": ["bo.ek@example.se"], "Meeting": [2], "Date": [dt.date(2026, 11, 4)],
                          "Note": ["ok"]})
    result = check(store, programme, to_xlsx({"Check-in": frame}), "checkin.xlsx")
    assert result.ok and result.records[0].number == 2 and result.records[0].held_on == dt.date(2026, 11, 4)


def test_every_bad_row_is_named_by_row_and_column_and_nothing_is_stored(store, setting):
    _ids, programme = setting
    sheet = ("Mentor e-post;Adept e-post;Parträff;Datum\n"
             "anna.berg@example.se;;1;2026-10-01\n"                       # 2: Anna has two mentees
             "bo.ek@example.se;;9;2026-10-01\n"                           # 3: no meeting 9
             "bo.ek@example.se;;1;2026-09-01\n"                           # 4: before the kick-off
             "cecilia.dahl@example.se;;1;1 oktober\n"                     # 5: not a date
             "nobody@example.se;;1;2026-10-01\n"                          # 6: in no pair
             "bo.ek@;;1;2026-10-01\n"                                     # 7: not an address
             "cecilia.dahl@example.se;;2;2026-12-24\n"                    # 8: after today
             "bo.ek@example.se;;2;2026-11-03\n"                           # 9: fine …
             "bo.ek@example.se;;2;2026-11-04\n")                          # 10: … but twice
    result = check(store, programme, sheet.encode("utf-8"))
    messages = [i.shown("en") for i in result.issues]
    assert [i.row for i in result.issues] == [2, 3, 4, 5, 6, 7, 8, 10]
    assert messages[0] == ("Row 2, Mentor e-post: the mentor anna.berg@example.se has 2 mentees in the cohort; "
                           "give the mentee's e-mail too.")
    assert messages[1].startswith("Row 3, Parträff: '9' is not a pair meeting")
    assert "outside the programme" in messages[2] and "Datum" in messages[2]
    assert "'1 oktober' is not a date" in messages[3]
    assert "nobody@example.se is in no pair" in messages[4]
    assert "'bo.ek@' is not a valid e-mail address" in messages[5]
    assert "has not come yet" in messages[6]
    assert "already on row 9" in messages[7]
    assert result.issues[0].shown("sv").startswith("Rad 2, Mentor e-post: mentorn")
    with pytest.raises(MentorplanError):
        import_checkin(store, AUTUMN, result)
    assert store.pair_meetings(AUTUMN.id).empty


def test_a_sheet_without_the_needed_columns_or_not_a_sheet_is_refused(store, setting):
    with pytest.raises(MentorplanError) as raised:
        read_checkin(b"Namn;Telefon\nAnna;070\n", "x.csv")
    assert raised.value.key == "followup.checkin.missing_columns" and "Namn, Telefon" in raised.value.shown("sv")
    with pytest.raises(MentorplanError) as raised:
        read_checkin(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "bild.xlsx")
    assert raised.value.key == "followup.checkin.not_spreadsheet"
    with pytest.raises(MentorplanError) as raised:
        read_checkin(b"", "tom.csv")
    assert raised.value.key == "import.empty"
    with pytest.raises(MentorplanError) as raised:
        read_checkin("Mentor e-post;Parträff;Datum\n;;\n".encode(), "x.csv")
    assert raised.value.key == "followup.checkin.no_rows"


def test_the_template_reads_back_once_filled_in(store, setting):
    _ids, programme = setting
    template = checkin_template(store.accepted_pairs(AUTUMN.id), "sv")
    assert list(template.columns)[:5] == ["Mentor e-post", "Adept e-post", "Parträff", "Datum", "Anteckning"]
    template["Parträff"] = 1
    template["Datum"] = dt.date(2026, 10, 1)
    result = check(store, programme, to_xlsx({"Avstämning": template}), "mall.xlsx")
    assert result.ok and result.new == 4
    workbook = load_workbook(io.BytesIO(checkin_workbook(store.accepted_pairs(AUTUMN.id), "en")))
    assert workbook.active["A1"].value == "Mentor e-mail" and workbook.active.max_row == 5
    untouched = check(store, programme, checkin_workbook(store.accepted_pairs(AUTUMN.id), "en"), "template.xlsx")
    assert {(i.row, i.code) for i in untouched.issues} == {
        (row, key) for row in (2, 3, 4, 5) for key in ("followup.checkin.bad_number", "followup.checkin.bad_date")}


# -- Row numbers: the spreadsheet's own, blank rows counted -------------------------------------------

def test_a_csv_with_blank_lines_names_the_rows_as_the_file_numbers_them(store, setting):
    _ids, programme = setting
    sheet = ("Mentor e-post;Parträff;Datum\n"             # 1
             "bo.ek@example.se;1;2026-10-01\n"            # 2
             "\n"                                          # 3: blank
             ";;\n"                                        # 4: only delimiters
             "cecilia.dahl@example.se;1;1 oktober\n"       # 5: not a date
             "\r\n"                                        # 6: blank
             "cecilia.dahl@example.se;9;2026-10-02\n")     # 7: no meeting 9
    result = check(store, programme, sheet.encode("cp1252"))
    assert [(i.row, i.column, i.code) for i in result.issues] == [
        (5, "Datum", "followup.checkin.bad_date"), (7, "Parträff", "followup.checkin.bad_number")]
    assert result.issues[0].shown("en").startswith("Row 5, Datum: '1 oktober' is not a date")


def test_an_xlsx_with_a_blank_row_and_a_title_above_the_header_names_the_sheets_rows(store, setting):
    _ids, programme = setting
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Avstämning"
    sheet.append(["Avstämning hösten 2026"])                                         # 1: a title
    sheet.append(["Mentor e-post", "Parträff", "Datum"])                             # 2: the header
    sheet.append(["bo.ek@example.se", 1, dt.date(2026, 10, 1)])                      # 3
    sheet.append([])                                                                 # 4: blank
    sheet.append(["cecilia.dahl@example.se", 1, "första oktober"])                   # 5: not a date
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = check(store, programme, buffer.getvalue(), "avstamning.xlsx")
    assert [(i.row, i.column, i.code) for i in result.issues] == [(5, "Datum", "followup.checkin.bad_date")]
    assert [r.held_on for r in result.records] == [dt.date(2026, 10, 1)]


def test_a_sheet_without_a_header_row_says_which_columns_it_needs():
    with pytest.raises(MentorplanError) as raised:
        read_checkin(b"a;b;c\n1;2;3\n", "x.csv")
    assert raised.value.key == "followup.checkin.no_header"
    assert "Pair meeting, Date and Mentor e-mail or Mentee e-mail" in raised.value.shown("en")
