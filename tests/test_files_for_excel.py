"""Files that open right in a Swedish Excel (issue 14, point 3): CSV in the language's dialect,
never a formula whatever separator a spreadsheet splits on, workbooks set up for printing."""

import csv
import datetime as dt
import io
import re

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.platform.files import csv_cell, script_csv, to_csv, to_script_csv, to_xlsx, unguarded

FORMULA_SIGNS = "=+-@"
# Where a spreadsheet may start a cell when it opens a CSV file: any separator it may choose
# (its language's, or one the user picks), and line breaks, quoted or not.
SPLITS = re.compile(r"[,;\t\r\n]")


def read(data: bytes, delimiter: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for å, ä, ö
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def no_piece_is_a_formula(text: str) -> bool:
    return all(not piece.lstrip('" ').startswith(tuple(FORMULA_SIGNS)) for piece in SPLITS.split(text))


def test_swedish_is_semicolon_separated_with_a_decimal_comma_and_english_comma_separated():
    frame = pd.DataFrame({"Namn": ["Anna Svensson", "Åsa Öberg"], "Poäng": [0.645, 0.5], "Antal": [3, 4]})
    assert read(to_csv(frame, "sv"), ";") == [["Namn", "Poäng", "Antal"], ["Anna Svensson", "0,645", "3"],
                                               ["Åsa Öberg", "0,5", "4"]]
    assert read(to_csv(frame, "en"), ",") == [["Namn", "Poäng", "Antal"], ["Anna Svensson", "0.645", "3"],
                                               ["Åsa Öberg", "0.5", "4"]]
    assert to_csv(frame, "sv").decode("utf-8-sig").splitlines()[0] == "Namn;Poäng;Antal"


def test_the_command_lines_csv_stays_comma_separated():
    frame = pd.DataFrame({"cohort": ["autumn-2026"], "score": [0.645]})
    assert to_script_csv(frame).decode("utf-8-sig") == "cohort,score\nautumn-2026,0.645\n"


def test_the_command_lines_csv_changes_a_field_only_where_it_starts_a_formula():
    frame = pd.DataFrame({"address": ["Kungsgatan 1, +46 8 123", "=HYPERLINK(1)"], "name": ["Lind, -Anna", "Åsa"]})
    assert list(csv.reader(io.StringIO(to_script_csv(frame).decode("utf-8-sig")))) == [
        ["address", "name"], ["Kungsgatan 1, +46 8 123", "Lind, -Anna"], ["'=HYPERLINK(1)", "Åsa"]]


def test_a_name_with_separators_and_a_formula_opens_as_one_safe_cell():
    frame = pd.DataFrame({"Namn": ["Anna;=2+5;x"], "E-post": ["anna@example.se"]})
    data = to_csv(frame, "sv")
    assert read(data, ";")[1] == ["Anna;'=2+5;x", "anna@example.se"]
    # Opened with the other separator, or split on ";" by hand: still no formula.
    for delimiter in (",", ";", "\t"):
        for row in read(data, delimiter):
            assert not any(cell.lstrip('" ').startswith(tuple(FORMULA_SIGNS)) for cell in row)


def test_a_bare_carriage_return_cannot_start_a_line_with_a_formula():
    # The "rows to fix" CSV wrote "x\r=2+5" unquoted: Excel broke the line and ran =2+5.
    frame = pd.DataFrame({"Fel": ["Rad 4: x\r=2+5"], "Namn": ["Nils"]})
    text = to_csv(frame, "sv").decode("utf-8-sig")
    assert "\r=" not in text and "\n=" not in text
    assert read(to_csv(frame, "sv"), ";")[1] == ["Rad 4: x\n'=2+5", "Nils"]
    assert all(not line.startswith(tuple(FORMULA_SIGNS)) for line in re.split(r"\r\n|\r|\n", text))


@pytest.mark.parametrize("value", ["=1+1", "+46 70 123 45 67", "-3", "@SUM(A1)", "\t=1", "\r=1", "a\n-1", "b, @x",
                                   '"=1', ' =1'])
def test_every_start_of_a_piece_is_guarded(value):
    assert no_piece_is_a_formula(csv_cell(value))
    assert unguarded(csv_cell(value)).lstrip("'") == lines_as_lf(value).lstrip("'")  # only apostrophes added


def lines_as_lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab =+-@;,\t\r\n\"'åÖ")), max_size=12), min_size=1, max_size=4),
       st.sampled_from(["sv", "en"]))
def test_no_field_of_hostile_text_can_become_a_formula(cells, lang):
    frame = pd.DataFrame({f"k{i}": [cell] for i, cell in enumerate(cells)})
    data = to_csv(frame, lang)
    delimiter = ";" if lang == "sv" else ","
    rows = read(data, delimiter)
    assert len(rows) == 2 and len(rows[1]) == len(cells)  # parses back, one field per cell
    for written, cell in zip(rows[1], cells, strict=True):
        assert no_piece_is_a_formula(written)
        assert written.replace("'", "") == lines_as_lf(cell).replace("'", "")  # nothing lost but apostrophes added
    # However a spreadsheet splits the raw text, no piece starts a formula.
    assert no_piece_is_a_formula(data.decode("utf-8-sig"))


def test_a_titled_workbook_is_set_up_for_printing():
    frame = pd.DataFrame({"Händelse": ["Kick-off", "Avslutning"], "Start": [dt.date(2026, 9, 24), dt.date(2027, 5, 20)],
                          "Regel": ["fjärde torsdagen i september " * 4, "x"]})
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx({"Höststart 2026": frame, "Vårstart 2027": frame},
                                                     title="Schema · Höststart 2026")))
    assert book.sheetnames == ["Höststart 2026", "Vårstart 2027"]
    sheet = book["Höststart 2026"]
    assert sheet["A1"].value == "Schema · Höststart 2026" and sheet["A1"].font.bold
    assert [c.value for c in sheet[2]] == ["Händelse", "Start", "Regel"]
    assert sheet.freeze_panes == "A3"
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet["B3"].value == dt.datetime(2026, 9, 24) and sheet["B3"].number_format == "yyyy-mm-dd"
    assert sheet.column_dimensions["A"].width >= len("Avslutning")
    assert sheet.column_dimensions["C"].width == 60 and sheet["C3"].alignment.wrap_text


def test_an_untitled_workbook_keeps_its_header_first_for_reading_back():
    frame = pd.DataFrame({"Namn": ["Anna"]})
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx({"Par": frame}))).active
    assert sheet["A1"].value == "Namn" and sheet.freeze_panes == "A2" and sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"


def test_numbers_the_swedish_way():
    from core.platform.i18n import format_number, format_share
    assert format_number(0.645, "sv") == "0,645" and format_number(0.645, "en") == "0.645"
    assert format_number(1234.5, "sv", 1) == "1\u00a0234,5" and format_number(1234.5, "en", 1) == "1,234.5"
    assert format_number(float("nan"), "sv") == "–"
    assert format_share(0.645, "sv", 1) == "64,5\u00a0%" and format_share(0.5, "en") == "50%"


@settings(max_examples=200, deadline=None)
@given(columns=st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=5, unique=True),
       data=st.data())
def test_the_command_lines_csv_from_plain_rows_is_the_same_file_as_from_a_frame(columns, data):
    """`schedule` writes its CSV without pandas (script_csv): byte for byte what to_script_csv
    writes from the frame, quotes, line breaks and formula signs included."""
    cell = st.one_of(st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
                     st.sampled_from(["=1+1", "-x", "@a", "a,b", 'say "hi"', "two\nlines", "cr\rhere", " lead", ""]),
                     st.integers(-10**6, 10**6))
    rows = data.draw(st.lists(st.tuples(*[cell for _ in columns]), max_size=6))
    assert script_csv(columns, rows) == to_script_csv(pd.DataFrame(rows, columns=columns))
