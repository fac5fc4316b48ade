"""Hostile sign-up files are refused before they cost memory (issue 11, item 6): a cell far out
(XFD1048576) that would make the reader build a 512 GB sheet, a <dimension> that lies, repeated
cells of an OpenDocument sheet, a shared text shown in many cells, a damaged workbook, a CSV field
too long, a NUL deep in a CSV file; UTF-16 without a byte-order mark is read; headers standing
twice get a warning. Each refusal is one message in Swedish and English naming the file, never
another exception, and nothing is stored. Every file is made here, in the test."""

from __future__ import annotations

import io
import re
import struct
import subprocess
import sys
import time
import zipfile
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from participant_files import csv_text, mentor, ods_package, signup_workbook

from core.cli import main
from core.people import sizing
from core.people.reading import read_upload
from core.people.register import check, mapped_sheets
from core.platform.i18n import MentorplanError
from core.store import Store
from tests.conftest import ROOT

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GB = 1024 ** 3
HEADERS = ("Namn", "E-post", "Samtycke")


def refused(data: bytes, name: str) -> MentorplanError:
    with pytest.raises(MentorplanError) as caught:
        read_upload(data, name)
    return caught.value


def import_here(capsys, path, *args: str) -> tuple[int, str, str]:
    """`python -m core import` in this process: (exit code, stdout, stderr)."""
    try:
        code = main(["import", str(path), "--cohort", "autumn-2026", *args])
    except SystemExit as exit:
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


def stored(database_url) -> list[str]:
    store = Store(database_url)
    try:
        return sorted(store.participants()["email"])
    finally:
        store.close()


def assert_refused_everywhere(tmp_path, capsys, database_url, data: bytes, name: str, key: str, *words: str):
    """Refused by the reader with `key`, in both languages naming the file (and `words`), and by
    the command line with exit 2 and that message as its one line on stderr; nothing stored."""
    error = refused(data, name)
    assert error.key == key, error
    for lang in ("sv", "en"):
        message = error.shown(lang)
        assert "\n" not in message and name in message, message
        assert all(word in message for word in words), message
    path = tmp_path / name
    path.write_bytes(data)
    for lang, prefix in (("sv", "mentorplan: fel: "), ("en", "mentorplan: error: ")):
        code, out, err = import_here(capsys, path, "--role", "mentor", "--lang", lang)
        assert (code, out, err) == (2, "", f"{prefix}{error.shown(lang)}\n")
    assert stored(database_url) == []
    return error


# -- Workbooks made from their XML -------------------------------------------------------------

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def cell(reference: str, value: object) -> str:
    if isinstance(value, str):
        return f'<c r="{reference}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{reference}"><v>{value}</v></c>'


def signup_rows() -> str:
    """A header and one mentor, as rows of a sheet's XML."""
    return "".join(f'<row r="{r}">' + "".join(cell(f"{c}{r}", v) for c, v in zip("ABC", values, strict=True))
                   + "</row>" for r, values in ((1, HEADERS), (2, ("Anna Ek", "anna@x.example", "ja"))))


def xlsx(sheet_data: str, dimension: str = "A1:C2", shared: list[str] | None = None, tail: str = "") -> bytes:
    """A workbook with one sheet, Mentorer, whose <sheetData> is `sheet_data`."""
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><dimension ref="{dimension}"/>'
             f"<sheetData>{sheet_data}</sheetData>{tail}</worksheet>")
    relationships = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       f'relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                       'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {NS} xmlns:r="{REL}"><sheets>'
                           '<sheet name="Mentorer" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    if shared is not None:
        relationships += f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        parts["xl/sharedStrings.xml"] = f'<sst {NS}>' + "".join(f"<si><t>{escape(s)}</t></si>" for s in shared) \
            + "</sst>"
    parts["xl/_rels/workbook.xml.rels"] = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.'
                                           f'org/package/2006/relationships">{relationships}</Relationships>')
    return zipped(parts)


def zipped(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


BOMB = xlsx(signup_rows() + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', dimension="A1:XFD1048576")


# -- The cell at XFD1048576 --------------------------------------------------------------------

def test_the_bomb_is_a_small_file_that_reads_fine_without_its_far_cell():
    assert len(BOMB) < 5_000
    assert len(read_upload(xlsx(signup_rows()), "anmalan.xlsx").sheets[0].rows) == 1


def test_a_cell_at_xfd1048576_is_refused_in_both_languages_and_nothing_is_stored(tmp_path, capsys, database_url):
    error = assert_refused_everywhere(tmp_path, capsys, database_url, BOMB, "bomb.xlsx", "import.sheet_too_big",
                                      "XFD1048576", "Mentorer", "Ctrl+End")
    assert error.shown("sv").startswith("Bladet 'Mentorer' i bomb.xlsx når ända till cell XFD1048576 (1 048 576 rader")
    assert error.shown("en").startswith("The sheet 'Mentorer' of bomb.xlsx reaches cell XFD1048576 (1 048 576 rows")


MEASURED = """
import resource, subprocess, sys, time
start = time.monotonic()
done = subprocess.run([sys.executable, "-m", "core", "import", *sys.argv[1:]], capture_output=True, text=True,
                      timeout=60)
print(done.returncode, time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
sys.stderr.write(done.stderr)
"""


@pytest.mark.slow
def test_the_command_refuses_the_bomb_in_a_process_under_1_gb_and_10_seconds(tmp_path, database_url):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(BOMB)
    # A process between measures the command's own peak memory (a child's maximum resident size).
    result = subprocess.run([sys.executable, "-c", MEASURED, str(path), "--lang", "en"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    code, seconds, peak = result.stdout.split()
    assert int(code) == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("mentorplan: error: The sheet 'Mentorer' of bomb.xlsx reaches cell XFD1048576")
    assert int(peak) < GB, f"{int(peak) / 2**20:.0f} MB"
    assert float(seconds) < 10
    assert stored(database_url) == []


def test_the_import_page_shows_the_refusal_and_goes_on(app):
    for lang in ("sv", "en"):
        at = app("views/participants.py", lang=lang)
        at.file_uploader[0].set_value(("bomb.xlsx", BOMB, XLSX))
        at.run()
        assert not at.exception
        assert [e.value for e in at.error] == [refused(BOMB, "bomb.xlsx").shown(lang)]
        # The page (the server) lives on: the next file is read.
        at.file_uploader[0].set_value(("mentorer.xlsx", signup_workbook([mentor(1)]), XLSX))
        at.run()
        assert not at.exception and not at.error
        assert at.metric  # the report of the next file


# -- Workbooks that lie or multiply ------------------------------------------------------------

def test_a_lying_dimension_does_not_hide_cells_far_away(tmp_path, capsys, database_url):
    data = xlsx(signup_rows() + '<row r="250000"><c r="AB250000"><v>7</v></c></row>', dimension="A1:C2")
    assert_refused_everywhere(tmp_path, capsys, database_url, data, "ljuger.xlsx", "import.sheet_too_big",
                              "AB250000")


@pytest.mark.parametrize("far", [
    '<row r="1048576"><c r="XFD1048576" s="3"/></row>',  # a formatted cell with no value: calamine makes none
    '<row r="1048576"/>',
])
def test_a_sheet_with_a_dimension_to_the_edge_but_no_value_out_there_is_read(far):
    upload = read_upload(xlsx(signup_rows() + far, dimension="A1:XFD1048576"), "formaterad.xlsx")
    assert [(s.name, len(s.rows)) for s in upload.sheets] == [("Mentorer", 1)]


def test_cells_without_references_are_counted_as_the_reader_places_them(tmp_path, capsys, database_url):
    # No r attributes: a row follows the last, a cell the last of its row.
    wide = "<row>" + "".join(cell("", v).replace(' r=""', "") for v in HEADERS) + "<c/>" * 1500 \
           + "<c><v>1</v></c></row>"
    assert_refused_everywhere(tmp_path, capsys, database_url, xlsx(wide), "bred.xlsx", "import.sheet_too_big",
                              "1 504")


def test_a_shared_text_shown_in_many_cells_is_counted_once_per_cell(tmp_path, capsys, database_url):
    cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>3</v></c>' for c in "DEFGHIJ") + "</row>"
                    for r in range(3, 3000))
    data = xlsx(signup_rows() + cells, shared=[*HEADERS, "x" * 10_000])
    assert len(data) < 100_000
    assert_refused_everywhere(tmp_path, capsys, database_url, data, "upprepad.xlsx", "import.too_much_text", "100")


def test_tags_made_to_trip_a_pattern_are_measured_in_no_time():
    # Found by fuzzing: a tag whose quotes do not pair up, and long runs of name characters, once
    # took a time growing exponentially (or with the square of their length) to look at.
    tricks = ('<c ' + "a" * 60 + '/x">' + '<row ' + "r" * 300_000 + ">" + '<c "' + "b" * 60 + "/y>"
              + "<" + "x" * 300_000 + ":c >")
    started = time.monotonic()
    for data in (xlsx(signup_rows() + tricks), xlsx(signup_rows(), tail=tricks)):
        read_or_refuse(data, "knepig.xlsx")
    read_or_refuse(ods(SIGNUP_ODS_ROWS.replace("<table:table-row>", '<table:table-row "' + "c" * 60 + "/z>", 1)),
                   "knepig.ods")
    csv_data = 'Namn;E-post;Samtycke\r\nAnna;"a@b.c\r\nx@' + "a." * 60_000 + '@;y;z";ja\r\n'
    read_or_refuse(csv_data.encode(), "knepig.csv")
    assert time.monotonic() - started < 3


def test_a_shared_string_table_claiming_billions_of_texts_is_refused():
    data = members(xlsx(signup_rows(), shared=["a"]))
    data["xl/sharedStrings.xml"] = f'<sst {NS} count="4000000000" uniqueCount="4000000000"><si><t>a</t></si></sst>'
    assert refused(zipped(data), "anmalan.xlsx").key == "import.workbook_structure"


def test_a_million_merged_ranges_are_refused():
    merges = "<mergeCells>" + '<mergeCell ref="A3:B3"/>' * 100_001 + "</mergeCells>"
    error = refused(xlsx(signup_rows(), tail=merges), "sammanfogad.xlsx")
    assert error.key == "import.workbook_structure" and "sammanfogad.xlsx" in error.shown("en")


def ods(rows: str) -> bytes:
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Mentorer">{rows}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    return ods_package(content)


def text_cell(value: str, repeated: int = 1) -> str:
    repeat = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    return f'<table:table-cell office:value-type="string"{repeat}><text:p>{value}</text:p></table:table-cell>'


def empty_cells(repeated: int) -> str:
    return f'<table:table-cell table:number-columns-repeated="{repeated}"/>'


def ods_row(cells: str, repeated: int = 1) -> str:
    repeat = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{repeat}>{cells}</table:table-row>"


SIGNUP_ODS_ROWS = (ods_row("".join(text_cell(h) for h in HEADERS) + empty_cells(16381))
                   + ods_row(text_cell("Åsa Öhrn") + text_cell("asa@x.example") + text_cell("ja") + empty_cells(16381)))


def test_an_opendocument_sheet_as_libreoffice_saves_it_empty_to_its_edges_is_read():
    # LibreOffice repeats an empty cell to the end of each row and an empty row to the end of the sheet.
    data = ods(SIGNUP_ODS_ROWS + ods_row(empty_cells(16384), 1048574))
    [sheet] = read_upload(data, "mentorer.ods").sheets
    assert (sheet.headers, [values[:3] for _, values in sheet.rows]) == (HEADERS, [("Åsa Öhrn", "asa@x.example", "ja")])


@pytest.mark.parametrize(("rows", "key", "words"), [
    (ods_row(text_cell("x", 16384), 1048576), "import.sheet_too_big", ("XFD1048578",)),  # repeated values
    (ods_row(empty_cells(5000) + text_cell("x")), "import.sheet_too_big", ("5 001",)),  # empty cells before a value
    (ods_row(text_cell("x")) * 2 + ods_row(empty_cells(3), 300000) + ods_row(text_cell("x")), "import.sheet_too_big",
     ("300 005",)),  # empty rows before a value
    (ods_row(text_cell("x" * 1000, 1000), 150), "import.too_much_text", ("100",)),
    (ods_row(text_cell('a<text:s text:c="300000000"/>b')), "import.too_much_text", ("100",)),  # 300 M spaces
])
def test_an_opendocument_sheet_that_multiplies_is_refused(tmp_path, capsys, database_url, rows, key, words):
    data = ods(SIGNUP_ODS_ROWS + rows)
    assert len(data) < 20_000
    assert_refused_everywhere(tmp_path, capsys, database_url, data, "mentorer.ods", key, *words)


# -- Legacy .xls and binary .xlsb --------------------------------------------------------------

def record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def label(row: int, column: int, text: str) -> bytes:
    return record(0x0204, struct.pack("<HHHHB", row, column, 15, len(text), 0) + text.encode("latin-1"))


def ole2(stream: bytes) -> bytes:
    """A compound file (as Excel 97-2003 saves a workbook) holding one stream, Workbook."""
    stream = stream.ljust(4096, b"\0")  # 4 KB at least: kept in ordinary sectors, not the mini stream
    sectors = -(-len(stream) // 512)
    assert sectors + 2 <= 128  # one FAT sector

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, 0xFFFFFFFF, 0xFFFFFFFF, child)
                + bytes(36) + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, 0xFFFFFFFE, 0) + entry("Workbook", 2, 0xFFFFFFFF, 0, len(stream))
                 + entry("", 0, 0xFFFFFFFF, 0, 0) * 2)
    fat = [*range(1, sectors), 0xFFFFFFFE, 0xFFFFFFFE, 0xFFFFFFFD]
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<9I", 0, 1, sectors, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", sectors + 1) + b"\xff" * 432)
    return (header + stream.ljust(sectors * 512, b"\0") + directory
            + struct.pack("<128I", *fat, *[0xFFFFFFFF] * (128 - len(fat))))


def xls(cells: bytes, dimensions: tuple[int, int, int, int] = (0, 2, 0, 3)) -> bytes:
    """A BIFF8 workbook with one sheet, Mentorer, holding `cells` (cell records) within
    `dimensions` (first row, last row + 1, first column, last column + 1)."""
    def globals_(offset: int) -> bytes:
        return (record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x0600))
                + record(0x0042, struct.pack("<H", 1200))
                + record(0x0085, struct.pack("<IBBBB", offset, 0, 0, 8, 0) + b"Mentorer") + record(0x000A))
    sheet = (record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x0600))
             + record(0x0200, struct.pack("<IIHHH", *dimensions, 0)) + cells + record(0x000A))
    return ole2(globals_(len(globals_(0))) + sheet)


XLS_SIGNUP = b"".join(label(r, c, v) for r, values in enumerate((HEADERS, ("Anna Ek", "anna@x.example", "ja")))
                      for c, v in enumerate(values))


def test_a_legacy_workbook_is_read_and_one_with_a_far_cell_refused(tmp_path, capsys, database_url):
    [sheet] = read_upload(xls(XLS_SIGNUP), "mentorer.xls").sheets
    assert (sheet.headers, len(sheet.rows)) == (HEADERS, 1)
    far = XLS_SIGNUP + record(0x0203, struct.pack("<HHHd", 65535, 65535, 15, 1.0))  # NUMBER at the edge
    assert_refused_everywhere(tmp_path, capsys, database_url, xls(far), "gammal.xls", "import.sheet_too_big",
                              "65 536")


def test_a_legacy_workbook_claiming_a_huge_or_inverted_block_is_refused():
    # calamine sets room aside for the block DIMENSIONS claims: 2³² rows would end the process.
    huge = refused(xls(XLS_SIGNUP, (0, 0xFFFFFFFF, 0, 0xFFFF)), "stor.xls")
    assert huge.key == "import.sheet_too_big" and "stor.xls" in huge.shown("en")
    assert refused(xls(XLS_SIGNUP, (141, 2, 0, 3)), "vand.xls").key == "import.damaged"  # found by fuzzing
    assert len(read_upload(xls(XLS_SIGNUP, (0, 65536, 0, 3)), "lang.xls").sheets[0].rows) == 1


def test_a_damaged_legacy_workbook_gets_a_message():
    data = bytearray(xls(XLS_SIGNUP))
    data[512:520] = b"\xff" * 8  # the first record of the Workbook stream
    assert refused(bytes(data), "gammal.xls").key == "import.damaged"


def xlsb_record(kind: int, body: bytes = b"") -> bytes:
    def varint(number: int) -> bytes:
        out = bytearray()
        while True:
            out.append(number & 0x7F | (0x80 if number > 0x7F else 0))
            number >>= 7
            if not number:
                return bytes(out)
    return varint(kind) + varint(len(body)) + body


def wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def xlsb(cells: bytes) -> bytes:
    """A binary workbook with one sheet, Mentorer: BrtBundleSh in workbook.bin, records in the sheet."""
    bundle = xlsb_record(156, struct.pack("<II", 0, 1) + wide("rId1") + wide("Mentorer"))  # BrtBundleSh
    workbook = xlsb_record(131) + xlsb_record(143) + bundle + xlsb_record(144) + xlsb_record(132)
    sheet = (xlsb_record(129) + xlsb_record(148, struct.pack("<IIII", 0, 1, 0, 2)) + xlsb_record(145) + cells
             + xlsb_record(146) + xlsb_record(130))
    binary = "application/vnd.ms-excel.sheet.binary.macroEnabled.main"
    return zipped({
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               f'<Default Extension="bin" ContentType="{binary}"/>'
                               f'<Override PartName="/xl/workbook.bin" ContentType="{binary}"/></Types>',
        "_rels/.rels": f'<Relationships><Relationship Id="rId1" Type="{REL}/officeDocument" '
                       'Target="xl/workbook.bin"/></Relationships>',
        "xl/workbook.bin": workbook,
        "xl/_rels/workbook.bin.rels": f'<Relationships><Relationship Id="rId1" Type="{REL}/worksheet" '
                                      'Target="worksheets/sheet1.bin"/></Relationships>',
        "xl/worksheets/sheet1.bin": sheet,
    })


def xlsb_row(row: int, values) -> bytes:
    return xlsb_record(0, struct.pack("<I", row) + bytes(13)) + b"".join(
        xlsb_record(6, struct.pack("<II", column, 0) + wide(value)) for column, value in enumerate(values))


def test_a_binary_workbook_is_read_and_one_with_a_far_cell_refused(tmp_path, capsys, database_url):
    signup = xlsb_row(0, HEADERS) + xlsb_row(1, ("Anna Ek", "anna@x.example", "ja"))
    [sheet] = read_upload(xlsb(signup), "mentorer.xlsb").sheets
    assert (sheet.name, sheet.headers, len(sheet.rows)) == ("Mentorer", HEADERS, 1)
    far = signup + xlsb_record(0, struct.pack("<I", 1048575) + bytes(13)) \
        + xlsb_record(5, struct.pack("<IId", 16383, 0, 1.0))
    assert_refused_everywhere(tmp_path, capsys, database_url, xlsb(far), "binar.xlsb", "import.sheet_too_big",
                              "XFD1048576", "Mentorer")


# -- Damaged workbooks -------------------------------------------------------------------------

def flipped(data: bytes, member: str, offset: int) -> bytes:
    """The workbook with a few bytes of one member's compressed data flipped."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    header = info.header_offset
    name_length, extra_length = struct.unpack_from("<HH", data, header + 26)
    start = header + 30 + name_length + extra_length + min(offset, info.compress_size - 4)
    damaged = bytearray(data)
    for index in range(start, start + 4):
        damaged[index] ^= 0xA5
    return bytes(damaged)


@pytest.mark.parametrize(("member", "offset"), [
    ("xl/worksheets/sheet1.xml", 0), ("xl/worksheets/sheet1.xml", 100), ("xl/worksheets/sheet2.xml", 40),
    ("xl/_rels/workbook.xml.rels", 10), ("xl/workbook.xml", 20), ("xl/styles.xml", 30), ("[Content_Types].xml", 5),
])
def test_a_workbook_with_flipped_bytes_gets_a_message_naming_it(member, offset):
    data = flipped(signup_workbook([mentor(1), mentor(2)], [["Adept", "adept@x.example"]]), member, offset)
    error = refused(data, "trasig.xlsx")
    assert error.key == "import.damaged"
    assert error.shown("sv") == "trasig.xlsx går inte att läsa; filen kan vara skadad. Öppna den i Excel och spara " \
                                "den igen som .xlsx."
    assert error.shown("en").startswith("trasig.xlsx cannot be read;")


def test_a_damaged_workbook_stores_nothing_through_the_command(tmp_path, capsys, database_url):
    data = flipped(signup_workbook([mentor(1)]), "xl/worksheets/sheet1.xml", 50)
    assert_refused_everywhere(tmp_path, capsys, database_url, data, "trasig.xlsx", "import.damaged", "Excel")


def test_a_truncated_workbook_names_the_file():
    data = signup_workbook([mentor(1)])
    assert refused(data[:len(data) // 2], "halv.xlsx").shown("en").startswith("halv.xlsx cannot be read;")


# -- CSV -----------------------------------------------------------------------------------------

def test_a_csv_field_over_128_kb_gets_a_message(tmp_path, capsys, database_url):
    data = ("Namn;E-post;Samtycke;Motivering\r\nAnna Ek;anna@x.example;ja;kort\r\n"
            'Bo Ek;bo@x.example;ja;"' + "lång " * 30_000 + '"\r\n').encode()
    assert_refused_everywhere(tmp_path, capsys, database_url, data, "mentorer.csv", "import.csv_field_too_long",
                              "131 072", "3")


def test_a_quote_never_closed_before_a_field_over_the_limit_is_named_as_such():
    data = ('Namn;E-post;Samtycke\r\nAnna Ek;anna@x.example;ja\r\nBo Ek;"bo@x.example;ja\r\n'
            + "Cia Ek;cia@x.example;ja\r\n" * 6_000).encode()
    error = refused(data, "mentorer.csv")
    assert (error.key, error.params) == ("import.unclosed_quote", {"line": 3})


def test_a_nul_after_the_first_8_kb_is_refused_with_its_line(tmp_path, capsys, database_url):
    rows = [[f"Person {n}", f"person{n}@x.example", "ja"] for n in range(400)]
    text = csv_text(HEADERS, rows).encode()
    assert len(text) > 8192
    at = text.index(b"person300@")
    data = text[:at] + b"\x00" + text[at:]
    error = assert_refused_everywhere(tmp_path, capsys, database_url, data, "mentorer.csv", "import.nul_in_text",
                                      "NUL")
    assert error.params["line"] == 302


def test_a_nul_at_the_start_is_still_no_spreadsheet():
    assert refused(b"Namn;E-post\x00\x00\x01", "x.csv").key == "import.not_spreadsheet"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_with_a_a_o_intact(tmp_path, capsys, database_url, encoding):
    rows = [["Åsa Öhrn", "asa@x.example", "ja"], ["Märta Ängström", "marta@x.example", "ja"]]
    data = csv_text(HEADERS, rows, "\t").encode(encoding)
    assert not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    upload = read_upload(data, "mentorer.csv")
    assert (upload.encoding, upload.delimiter) == (encoding, "\t")
    assert [values for _, values in upload.sheets[0].rows] == [tuple(row) for row in rows]
    tiny = read_upload("Namn;E-post\nÅ;å@x.se\n".encode(encoding), "mentorer.csv")
    assert tiny.sheets[0].rows == ((2, ("Å", "å@x.se")),)
    path = tmp_path / "mentorer.csv"
    path.write_bytes(data)
    code, out, err = import_here(capsys, path)
    assert (code, err) == (0, "")
    store = Store(database_url)
    try:
        assert sorted(store.participants()["name"]) == ["Märta Ängström", "Åsa Öhrn"]
    finally:
        store.close()


def test_utf16_without_a_mark_with_a_nul_inside_is_refused():
    text = csv_text(HEADERS, [["Anna Ek", "anna@x.example", "ja"]]).encode("utf-16-le")
    error = refused(text[:40] + b"\x00\x00" + text[40:], "mentorer.csv")
    assert (error.key, error.params["line"]) == ("import.nul_in_text", 1)


def test_a_csv_of_empty_lines_or_delimiters_is_refused_before_it_is_split():
    assert refused(b"Namn;E-post;Samtycke\n" + b"\n" * 300_000, "tom.csv").key == "import.too_many_rows"
    wide = b"Namn;E-post;Samtycke" + b";" * 2_000 + b"\nAnna;a@x.example;ja\n"
    error = refused(wide, "bred.csv")
    assert error.key == "import.sheet_too_big" and "bred.csv" in error.shown("sv")
    many = b"Namn;E-post;Samtycke;a;b;c;d;e\n" + b"x;y@z.se;ja;1;2;3;4;5\n" * 150_000  # 1.2 million cells
    assert refused(many, "manga.csv").key == "import.workbook_structure"


# -- Headers standing twice ------------------------------------------------------------------

def test_a_header_over_two_columns_gets_a_warning_naming_the_columns(tmp_path, capsys, store):
    headers = ("Namn", "E-post", "Kommentar", "Samtycke", "Kommentar")
    data = csv_text(headers, [["Anna Ek", "anna@x.example", "första", "ja", "andra"]]).encode()
    report = check(store, mapped_sheets(store, read_upload(data, "mentorer.csv").sheets), "autumn-2026")
    [warning] = [i for i in report.warnings if i.code == "validation.duplicate_header"]
    assert warning.shown("sv") == ("rubriken 'Kommentar' står över flera kolumner (C, E); de hålls isär som "
                                   "'Kommentar', 'Kommentar (2)'. Ge kolumnerna olika rubriker om de betyder "
                                   "olika saker")
    assert warning.shown("en").startswith("the header 'Kommentar' stands over several columns (C, E); they are kept "
                                          "apart as 'Kommentar', 'Kommentar (2)'.")
    assert report.summary() == "1 valid, 0 invalid"  # a warning: the row is imported
    path = tmp_path / "mentorer.csv"
    path.write_bytes(data)
    code, out, err = import_here(capsys, path, "--dry-run", "--lang", "en")
    assert (code, err) == (0, "")
    assert "note: the header 'Kommentar' stands over several columns (C, E)" in out


# -- Nothing but MentorplanError, whatever the bytes -------------------------------------------

SMALL_XLSX = signup_workbook([mentor(1)])
SMALL_XLSX_PARTS = members(SMALL_XLSX)
SMALL_CSV = csv_text(HEADERS, [["Åsa Öhrn", "asa@x.example", "ja"], ["Bo Ek", "bo@x.example", "nej"]]).encode()
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_or_refuse(data: bytes, name: str) -> None:
    try:
        read_upload(data, name)
    except MentorplanError as error:
        assert error.shown("sv") and error.shown("en")


def mutated(data: bytes, changes: list[tuple[int, int]], cut: int | None) -> bytes:
    changed = bytearray(data)
    for position, value in changes:
        changed[position % len(changed)] = value
    return bytes(changed[:cut] if cut else changed)


CHANGES = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1, max_size=8)


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["a.xlsx", "a.csv", "a.ods", "a.xls"]))
def test_random_bytes_raise_nothing_but_a_message(data, name):
    read_or_refuse(data, name)
    read_or_refuse(b"PK\x03\x04" + data, name)
    read_or_refuse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + data, name)


@FAST
@given(CHANGES, st.one_of(st.none(), st.integers(1, len(SMALL_XLSX))))
def test_a_mutated_workbook_raises_nothing_but_a_message(changes, cut):
    read_or_refuse(mutated(SMALL_XLSX, changes, cut), "a.xlsx")


XML_NOISE = st.sampled_from([b"<", b">", b'"', b"'", b"/", b"r=", b"9", b"Z", b"<c>", b"</c>", b"<v>7</v>", b"&#0;",
                             b"\x00", b"\xff", b"XFD", b"<row>", b"</row>", b' r="A99999999"', b"<is>", b"]]>"])


@FAST
@given(st.sampled_from(sorted(SMALL_XLSX_PARTS)), st.lists(st.tuples(st.integers(0, 1 << 16), XML_NOISE),
                                                           min_size=1, max_size=6))
def test_a_workbook_with_mutated_xml_raises_nothing_but_a_message(part, insertions):
    parts = dict(SMALL_XLSX_PARTS)
    content = parts[part]
    for position, noise in insertions:
        position %= len(content) + 1
        content = content[:position] + noise + content[position:]
    parts[part] = content
    read_or_refuse(zipped(parts), "a.xlsx")


@FAST
@given(CHANGES, st.one_of(st.none(), st.integers(1, len(SMALL_CSV))))
def test_a_mutated_csv_raises_nothing_but_a_message(changes, cut):
    read_or_refuse(mutated(SMALL_CSV, changes, cut), "a.csv")
    read_or_refuse(mutated(SMALL_CSV.decode().encode("utf-16-le"), changes, cut), "a.csv")


def test_the_limits_are_what_the_messages_say():
    error = refused(BOMB, "bomb.xlsx")
    assert error.params["max_rows"] == "200 000" == f"{sizing.MAX_SHEET_ROWS:,}".replace(",", " ")
    assert error.params["max_columns"] == "1 000" and error.params["max_cells"] == "5 000 000"
    assert re.search(r"\b131 072\b", refused(b"Namn;E-post\n" + b"x" * 140_000 + b";y\n", "x.csv").shown("sv"))
    started = time.monotonic()
    refused(BOMB, "bomb.xlsx")
    assert time.monotonic() - started < 1
