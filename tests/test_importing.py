"""Reading sign-up files: every kind of spreadsheet the coordinator gets, found by content, and
every kind of bad input refused with a clear message instead of a crash."""

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from participant_files import MENTEE_HEADERS, MENTOR_HEADERS, csv_text, encrypted, mentee, mentor, ods, signup_workbook

from core.people import reading as importing
from core.people.reading import read_upload, role_of_name, sheets_for_role, sniff
from core.people.recognising import suggest_mapping
from core.people.validation import MappedSheet, validate
from core.platform.i18n import MentorplanError


def refused(data: bytes, name: str = "anmalan.xlsx") -> MentorplanError:
    with pytest.raises(MentorplanError) as caught:
        read_upload(data, name)
    return caught.value


def report_of(upload, cohort="autumn-2026", role=None):
    sheets = [MappedSheet(s, suggest_mapping(s.headers, s.columns()), role) for s in upload.sheets]
    return validate(sheets, cohort)


# -- What the file is --------------------------------------------------------------------------

def test_a_workbook_with_a_sheet_per_role_gives_each_sheet_its_role():
    upload = read_upload(signup_workbook([mentor(1), mentor(2)], [mentee(1)]), "anmalningar.xlsx")
    assert upload.kind == "xlsx"
    assert [(s.name, s.role, s.header_row, len(s.rows)) for s in upload.sheets] == [
        ("Mentorer", "mentor", 1, 2), ("Adepter", "mentee", 1, 1)]


@pytest.mark.parametrize(("name", "role"), [("Mentorer", "mentor"), ("Mentors 2026", "mentor"), ("Adepter", "mentee"),
                                            ("mentees", "mentee"), ("anmalan_adepter_vt27", "mentee"),
                                            ("Blad1", None), ("Mentorskap", None), ("Mentorer och adepter", None)])
def test_a_sheet_name_says_the_role(name, role):
    assert role_of_name(name) == role


def test_an_opendocument_sheet_is_read():
    upload = read_upload(ods(MENTEE_HEADERS, [mentee(1), mentee(2)]), "adepter.ods")
    assert upload.kind == "ods"
    assert report_of(upload).summary() == "2 valid, 0 invalid"


def test_the_header_is_found_on_row_4_below_a_merged_title():
    data = signup_workbook([mentor(1), mentor(2)], title_rows=("Anmälningar hösten 2026", "Exporterat 2026-08-30", ""))
    [sheet] = read_upload(data, "x.xlsx").sheets
    assert sheet.header_row == 4
    assert [number for number, _ in sheet.rows] == [5, 6]
    assert report_of(read_upload(data, "x.xlsx")).summary() == "2 valid, 0 invalid"


def test_a_merged_cell_below_the_header_fills_its_range():
    book = openpyxl.load_workbook(io.BytesIO(signup_workbook([mentor(1), mentor(2, Organisation=None)])))
    book["Mentorer"].merge_cells("C2:C3")
    buffer = io.BytesIO()
    book.save(buffer)
    report = report_of(read_upload(buffer.getvalue(), "x.xlsx"))
    assert [c.person["organisation"] for c in report.valid] == ["Region Norrland", "Region Norrland"]


def test_a_hidden_sheet_and_a_sheet_without_header_are_left_out():
    book = openpyxl.load_workbook(io.BytesIO(signup_workbook([mentor(1)])))
    book.create_sheet("Instruktioner").append(["Fyll i en rad per person."])
    hidden = book.create_sheet("Listor")
    hidden.append(["Namn", "E-post", "Samtycke"])
    hidden.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    upload = read_upload(buffer.getvalue(), "x.xlsx")
    assert [s.name for s in upload.sheets] == ["Mentorer"]
    assert upload.skipped == ("Instruktioner",)


def test_a_role_option_leaves_out_the_sheets_of_the_other_role():
    upload = read_upload(signup_workbook([mentor(1)], [mentee(1)]), "x.xlsx")
    kept, left_out = sheets_for_role(upload, "mentee")
    assert [s.name for s in kept] == ["Adepter"] and [s.name for s in left_out] == ["Mentorer"]


# -- CSV ---------------------------------------------------------------------------------------

def test_a_semicolon_csv_in_windows_1252_from_a_swedish_excel():
    text = csv_text(MENTOR_HEADERS, [mentor(1, Namn="Åsa Öberg", Ort="Örnsköldsvik"), mentor(2)])
    upload = read_upload(text.encode("cp1252"), "mentorer.csv")
    assert (upload.kind, upload.encoding, upload.delimiter) == ("csv", "cp1252", ";")
    assert upload.sheets[0].role == "mentor"  # the file's name is its sheet's, as in Excel
    report = report_of(upload)
    assert report.summary() == "2 valid, 0 invalid"
    assert report.valid[0].person["name"] == "Åsa Öberg" and report.valid[0].person["town"] == "Örnsköldsvik"


def test_a_semicolon_csv_in_utf8_with_a_byte_order_mark():
    text = csv_text(MENTEE_HEADERS, [mentee(1, Namn="Märta Ågren")])
    upload = read_upload(text.encode("utf-8-sig"), "adepter.csv")
    assert (upload.encoding, upload.delimiter) == ("utf-8-sig", ";")
    assert upload.sheets[0].headers[0] == "Namn"  # no byte-order mark stuck to the first header
    assert report_of(upload).valid[0].person["name"] == "Märta Ågren"


def test_a_comma_csv_and_excels_unicode_text_are_read_too():
    rows = [mentee(1, Språk="Svenska och engelska", Utvecklingsområden="ledarskap")]
    comma = read_upload(csv_text(MENTEE_HEADERS, rows, ",").encode("utf-8"), "adepter.csv")
    tabbed = read_upload(csv_text(MENTEE_HEADERS, rows, "\t").encode("utf-16"), "adepter.txt")
    assert (comma.delimiter, tabbed.delimiter, tabbed.encoding) == (",", "\t", "utf-16")
    languages = [report_of(upload).valid[0].person["languages"] for upload in (comma, tabbed)]
    assert languages == [["sv", "en"], ["sv", "en"]]


def test_a_csv_in_another_code_page_is_refused():
    text = csv_text(MENTOR_HEADERS, [mentor(1, Namn="Göran Sjöström")])
    assert refused(text.encode("mac_roman"), "mentorer.csv").key == "import.encoding"


def test_a_csv_whose_letters_were_converted_twice_is_refused():
    text = csv_text(MENTOR_HEADERS, [mentor(1, Namn="Åsa Öberg")])
    twice = text.encode("utf-8").decode("cp1252").encode("utf-8")
    assert refused(twice, "mentorer.csv").key == "import.encoding_twice"


def test_an_unclosed_quote_is_refused_naming_its_line_instead_of_swallowing_the_rows_after_it():
    error = refused(b'Namn;E-post\n"Anna;anna@x.se\nBo;bo@x.se', "mentorer.csv")
    assert (error.key, error.params) == ("import.unclosed_quote", {"line": 2})
    assert error.shown("sv").startswith('Rad 2 i filen börjar ett fält med ett citattecken (") som aldrig avslutas')
    assert "Remove the quote on line 2" in error.shown("en")
    later = csv_text(MENTOR_HEADERS, [mentor(1, Motivering="Två\nrader"), mentor(2)]) + '"Cy Ek;cy@x.example\r\n'
    assert refused(later.encode("utf-8"), "mentorer.csv").params == {"line": 5}  # lines, not rows: Anna's has two


def test_a_quote_closed_only_rows_later_is_refused_too():
    data = b'Namn;E-post;Samtycke\r\n"Anna;anna@x.se;ja\r\nBo;bo@x.se;ja\r\nCy";cy@x.se;ja\r\nDi;di@x.se;ja\r\n'
    error = refused(data, "mentorer.csv")
    assert (error.key, error.params) == ("import.quote_spans_rows", {"line": 2, "end": 4})


def test_a_cell_of_several_lines_as_excel_saves_it_is_read_whole():
    motivation = "Jag vill dela erfarenhet; och lära mig.\nMejla mig gärna: anna@privat.example\n\nHälsningar"
    text = csv_text(MENTOR_HEADERS, [mentor(1, Motivering=motivation), mentor(2)])
    assert f'"{motivation}"' in text  # quoted, the new lines (LF) inside, rows ending CRLF, as Excel writes it
    upload = read_upload(text.encode("utf-8"), "mentorer.csv")
    assert [number for number, _ in upload.sheets[0].rows] == [2, 3]
    report = report_of(upload)
    assert report.summary() == "2 valid, 0 invalid"
    assert report.valid[0].participation["motivation"] == motivation
    quoted_last = b'Namn;E-post;Samtycke;Motivering\r\nBo;bo@x.se;ja;"rad ett\nrad tv\xc3\xa5 med ""citat"""'
    [(_, values)] = read_upload(quoted_last, "mentorer.csv").sheets[0].rows  # closed at the very end
    assert values[3] == 'rad ett\nrad två med "citat"'


def test_a_text_file_without_columns_is_refused():
    assert refused(b"Anna Svensson\nBo Ek\n", "namn.csv").key == "import.delimiter"


# -- Bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \r\n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_refused(data):
    assert refused(data).key == "import.empty"


@pytest.mark.parametrize(("data", "what"), [
    (b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200), "EXE"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG"),
    (b"\xff\xd8\xff\xe0" + bytes(200), "JPEG"),
    (b"%PDF-1.7\n" + bytes(200), "PDF"),
    (b"\x7fELF\x02\x01\x01" + bytes(200), "ELF"),
])
def test_a_file_that_is_no_spreadsheet_is_refused_whatever_its_name(data, what):
    error = refused(data, "anmalan.xlsx")
    assert (error.key, error.params) == ("import.not_spreadsheet", {"what": what})
    assert error.shown("sv").startswith(f"Filen är inget kalkylark: innehållet är {what}.")


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_zip_that_is_not_a_workbook_is_refused():
    assert refused(zipped({"anmalningar/mentorer.xlsx": b"x", "readme.txt": b"hej"})).key == "import.zip_not_workbook"
    word = zipped({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"})
    assert refused(word).params == {"what": "Word"}


def test_a_damaged_workbook_is_refused():
    data = signup_workbook([mentor(1)])
    assert refused(data[: len(data) // 2]).key == "import.damaged"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch):
    monkeypatch.setattr(importing, "MAX_UNCOMPRESSED", 1024 * 1024)
    bomb = zipped({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>",
                   "xl/worksheets/sheet1.xml": bytes(2 << 20)})
    assert len(bomb) < 10_000
    assert refused(bomb).key == "import.zip_bomb"


def test_a_password_protected_workbook_asks_for_the_password_to_be_removed():
    error = refused(encrypted(signup_workbook([mentor(1)])))
    assert error.key == "import.password"
    assert "lösenordet" in error.shown("sv") and "remove the password" in error.shown("en")


def test_a_workbook_without_a_recognisable_header_is_refused():
    book = openpyxl.Workbook()
    book.active.append(["Kolumn1", "Kolumn2", "Kolumn3"])
    book.active.append([1, 2, 3])
    buffer = io.BytesIO()
    book.save(buffer)
    assert refused(buffer.getvalue()).key == "import.no_header"


def test_a_file_over_25_mb_is_refused_before_reading():
    error = refused(b"Namn;E-post\n" + b"x" * (30 * 1024 * 1024))
    assert (error.key, error.params["size"], error.params["limit"]) == ("import.too_large", "30", 25)


def test_20000_rows_are_refused_as_not_a_sign_up_file():
    rows = [mentor(n) for n in range(20_000)]
    error = refused(csv_text(MENTOR_HEADERS, rows).encode("utf-8"), "mentorer.csv")
    assert error.key == "import.too_many_rows"
    assert "10 000" in error.shown("sv")


def test_a_formula_without_a_saved_value_is_named_not_taken_as_empty():
    data = signup_workbook([mentor(1, **{"E-post": '=LOWER("ANNA@REGION.EXAMPLE")'}), mentor(2)])
    report = report_of(read_upload(data, "x.xlsx"))
    assert report.summary() == "1 valid, 1 invalid"
    [issue] = report.errors
    assert issue.shown("sv") == ('Rad 2, E-post: cellen har en formel (=LOWER("ANNA@REGION.EXAMPLE")) utan sparat '
                                   "värde; öppna filen i Excel och spara den igen")


def test_dates_typed_as_excel_serial_numbers_are_read_as_dates():
    assert importing.excel_date(46296) == dt.date(2026, 10, 1)
    assert importing.excel_date("46296") == dt.date(2026, 10, 1)
    assert importing.excel_date(12) is None  # a small number is a number
    data = signup_workbook([mentor(1, **{"Önskad start (höst/vår/valfri)": 46037.0})])  # 2026-01-15
    assert report_of(read_upload(data, "x.xlsx")).valid[0].participation["start_preference"] == "spring"


def test_spaces_and_non_breaking_spaces_around_an_address_are_removed():
    data = signup_workbook([mentor(1, **{"E-post": "\u00a0 Anna.Svensson@Region.EXAMPLE \u00a0"})])
    assert report_of(read_upload(data, "x.xlsx")).valid[0].email == "anna.svensson@region.example"


def test_text_in_a_number_column_is_a_complaint_not_a_crash():
    data = signup_workbook([mentor(1, **{"Antal adepter": "många", "Erfarenhet (år)": "lång"})])
    report = report_of(read_upload(data, "x.xlsx"))
    assert [i.shown("en") for i in report.errors] == [
        "Row 2, Erfarenhet (år): 'lång' is not a number of years; write a whole number, for example 12",
        "Row 2, Antal adepter: 'många' is not a number of mentees; write a whole number from 1, for example 2"]


def test_sniff_decides_by_content():
    assert sniff(signup_workbook([mentor(1)])) == "xlsx"
    assert sniff(ods(MENTEE_HEADERS, [mentee(1)])) == "ods"
    assert sniff(b"Namn;E-post\nA;a@b.se\n") == "csv"
