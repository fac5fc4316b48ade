"""Reading an uploaded sign-up file: telling by its content what it is, refusing what is not a
spreadsheet (or is too big, encrypted or a zip bomb) with a message the coordinator can act on,
and finding in each sheet the header row and the rows of people under it.

Workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods) are read by calamine, with openpyxl as the fallback
for an .xlsx calamine refuses; CSV by the standard csv module after its encoding and delimiter
have been found. Values come back as the spreadsheet holds them (text, numbers, dates).

Nothing hostile gets through to the readers. calamine builds a sheet as one block of cells from A1
to its last cell with a value, and opens .ods and .xls workbooks whole: a 5 KB file with one cell
at XFD1048576 would take 512 GB and end the server. So a workbook is measured from its own bytes
first (each sheet's XML, or its binary records), as calamine would read it: the cells it would
make, the text they would hold (a shared text once per cell showing it), the records it would
parse. Above the limits below, the file is refused with a message saying what to do. Every error
of the readers (calamine's, zip, zlib, XML, csv, decoding) becomes a one-line MentorplanError
naming the file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from xml.parsers import expat as xml_parser

import olefile
import python_calamine

from core.people.columns import ROLES, header_score, normalise_header
from core.people.sizing import MAX_CSV_FIELD
from core.people.sizing_formats import measure
from core.people.text_files import read_csv
from core.platform.i18n import MentorplanError

MAX_BYTES = 25 * 1024 * 1024          # the app's upload limit (.streamlit/config.toml) as well
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # what a workbook may unpack to: beyond it, a zip bomb
MAX_MEMBERS = 10_000
MAX_ROWS = 10_000                     # people in one file; a sign-up sheet holds a few dozen
HEADER_SCAN_ROWS = 30                 # the header is looked for this far down
MIN_HEADER_SCORE = 2                  # a header names at least two known fields


# The csv module's limit is one for the process; set here, on purpose, to the limit named above.
csv.field_size_limit(MAX_CSV_FIELD)

Cell = object  # str, float, int, bool, date, datetime, time or timedelta, as the sheet holds it


@dataclass(frozen=True)
class Sheet:
    """The part of one sheet that matters: its header and the non-empty rows below it. Row
    numbers are the ones the spreadsheet shows (1 is the first row)."""
    source: str
    name: str
    headers: tuple[str, ...]
    header_row: int
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]
    role: str | None = None  # from the sheet's name: "Mentorer", "Adepter", "Mentees"…
    # Cells below the header holding a formula whose result the file does not carry.
    formulas: Mapping[tuple[int, int], str] = field(default_factory=dict)

    def columns(self) -> tuple[tuple[Cell, ...], ...]:
        """Each column's values, top to bottom (a short row has no value in its last columns)."""
        return tuple(tuple(values[i] for _, values in self.rows if i < len(values)) for i in range(len(self.headers)))

    def has_data(self) -> tuple[bool, ...]:
        return tuple(any(_filled(values[i]) for _, values in self.rows if i < len(values))
                     for i in range(len(self.headers)))

    def duplicated_headers(self) -> list[tuple[str, tuple[int, ...]]]:
        """Headers standing over more than one column, each with its columns (counted from 0):
        the columns are told apart as "E-post", "E-post (2)"…"""
        columns: dict[str, list[int]] = {}
        for index, header in enumerate(self.headers):
            if header:
                columns.setdefault(header, []).append(index)
        return [(header, tuple(indexes)) for header, indexes in columns.items() if len(indexes) > 1]


@dataclass(frozen=True)
class Upload:
    filename: str
    kind: str  # xlsx | xlsb | xls | ods | csv
    sheets: tuple[Sheet, ...]
    skipped: tuple[str, ...] = ()  # sheets read but without a header (instructions, lists…)
    encoding: str | None = None    # CSV only
    delimiter: str | None = None   # CSV only


def role_of_name(name: str) -> str | None:
    """The role a sheet's (or a CSV file's) name stands for: "Mentorer 2026" → mentor,
    "Adepter" or "Mentees" → mentee; None when it names neither or both."""
    words = normalise_header(re.sub(r"[-‐‑–]", " ", name)).split()  # in a name a hyphen parts words
    mentor = any(w in ("mentor", "mentorer", "mentors", "mentorerna", "mentorn") for w in words)
    mentee = any(w.startswith("adept") or w in ("mentee", "mentees", "menteer") for w in words)
    if mentor == mentee:
        return None
    return "mentor" if mentor else "mentee"


# -- What the bytes are ------------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NOT_SPREADSHEETS = (  # (magic bytes, the format's name, which reads the same in every language)
    (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"), (b"BM", "BMP"), (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"), (b"RIFF", "RIFF"), (b"%PDF", "PDF"), (b"MZ", "EXE"), (b"\x7fELF", "ELF"),
    (b"\xca\xfe\xba\xbe", "Mach-O"), (b"\xcf\xfa\xed\xfe", "Mach-O"), (b"7z\xbc\xaf", "7-Zip"),
    (b"Rar!", "RAR"), (b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"{\\rtf", "RTF"),
)


def _refuse_size(data: bytes) -> None:
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise MentorplanError("import.empty")
    if len(data) > MAX_BYTES:
        raise MentorplanError("import.too_large", size=f"{len(data) / 1024 / 1024:.0f}",
                              limit=MAX_BYTES // 1024 // 1024)


def sniff(data: bytes) -> str:
    """The kind of spreadsheet the bytes hold (xlsx, xlsb, ods, xls, csv), or MentorplanError
    saying what they are instead. Decided by content, never by the file's name."""
    _refuse_size(data)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data)
    if data.startswith(_OLE2):
        return _sniff_ole(data)
    for magic, what in _NOT_SPREADSHEETS:
        if data.startswith(magic):
            raise MentorplanError("import.not_spreadsheet", what=what)
    return "csv"


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _sniff_members(archive)
    except (zipfile.BadZipFile, EOFError, ValueError, KeyError):
        raise MentorplanError("import.damaged") from None


def _sniff_members(archive: zipfile.ZipFile) -> str:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNCOMPRESSED:
        raise MentorplanError("import.zip_bomb", limit=MAX_UNCOMPRESSED // 1024 // 1024)
    names = {m.filename for m in members}
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "mimetype" in names:
        mimetype = archive.read("mimetype")[:100]
        if mimetype.strip() == b"application/vnd.oasis.opendocument.spreadsheet":
            if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read("META-INF/manifest.xml"):
                raise MentorplanError("import.password")
            return "ods"
        raise MentorplanError("import.not_spreadsheet", what="OpenDocument")
    if "word/document.xml" in names:
        raise MentorplanError("import.not_spreadsheet", what="Word")
    if "ppt/presentation.xml" in names:
        raise MentorplanError("import.not_spreadsheet", what="PowerPoint")
    raise MentorplanError("import.zip_not_workbook")


def _sniff_ole(data: bytes) -> str:
    """An OLE2 compound file is a legacy .xls, or a password-protected .xlsx (Office keeps the
    encrypted workbook in an EncryptedPackage stream), or another Office document."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(path).lower() for path in ole.listdir()}
    except OSError:
        raise MentorplanError("import.damaged") from None
    if "encryptedpackage" in streams:
        raise MentorplanError("import.password")
    if "workbook" in streams or "book" in streams:
        return "xls"
    raise MentorplanError("import.not_spreadsheet", what="Office")


# -- Reading -----------------------------------------------------------------------------------

# What the readers raise for a file they cannot read: calamine's errors, a broken zip or deflate
# stream, a missing part, bad XML or text, a number out of range. (A calamine panic is a
# BaseException, caught by name below.)
_READ_ERRORS = (python_calamine.CalamineError, python_calamine.XmlError, python_calamine.ZipError,
                python_calamine.WorksheetNotFound, zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error,
                EOFError, OSError, KeyError, IndexError, ValueError, OverflowError, struct.error, csv.Error,
                NotImplementedError, RuntimeError, MemoryError, xml_parser.ExpatError)
# The refusals whose words name the file (the `file` parameter is added where it is missing).
_NAMES_THE_FILE = frozenset({
    "import.damaged", "import.sheet_too_big", "import.workbook_too_big", "import.too_much_text",
    "import.workbook_structure", "import.csv_field_too_long", "import.nul_in_text"})


def read_upload(data: bytes, filename: str, known: Mapping[str, str] | None = None) -> Upload:
    """The sheets of an uploaded file, each with its header found and its rows. `known` holds
    headers the coordinator mapped before (header key → field), which count towards finding a
    header too. Raises MentorplanError when nothing can be read, and nothing else."""
    shown = PurePath(filename).name
    try:
        return _read_upload(data, filename, known)
    except MentorplanError as error:
        if error.key in _NAMES_THE_FILE:
            error.params.setdefault("file", shown)
        raise
    except _READ_ERRORS:
        raise MentorplanError("import.damaged", file=shown) from None
    except BaseException as error:
        if type(error).__name__ != "PanicException":  # pyo3's, when calamine's Rust code panics
            raise
        raise MentorplanError("import.damaged", file=shown) from None


def _read_upload(data: bytes, filename: str, known: Mapping[str, str] | None) -> Upload:
    kind = sniff(data)
    if kind == "csv":
        stem = PurePath(filename).stem
        grid, encoding, delimiter = read_csv(data, stem)
        # Excel names the one sheet of a CSV after the file: so do we ("mentorer.csv").
        sheet = _sheet(filename, stem, grid, {}, {}, known)
        if sheet is None:
            raise MentorplanError("import.no_header")
        return Upload(filename, kind, (sheet,), (), encoding, delimiter)
    cost = measure(data, kind)  # refuses what would cost too much before calamine sees it
    sheets, skipped = [], []
    for name, grid, merged, formulas in _read_workbook(data, kind, cost.small):
        sheet = _sheet(filename, name, grid, merged, formulas, known)
        if sheet is None:
            skipped.append(name)
        else:
            sheets.append(sheet)
    if not sheets:
        raise MentorplanError("import.no_header")
    return Upload(filename, kind, tuple(sheets), tuple(skipped))


def _read_workbook(data: bytes, kind: str, small: bool) -> Iterator[tuple[str, list, list, dict]]:
    """(name, grid, merged ranges, formulas without a value) for each visible worksheet. `small`:
    the workbook is small enough for openpyxl too (the fallback, and the look for formulas)."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise MentorplanError("import.password") from None
    except _READ_ERRORS:
        if kind != "xlsx" or not small:
            raise MentorplanError("import.damaged") from None
        yield from _read_with_openpyxl(data)
        return
    formulas = _unsaved_formulas(data) if kind == "xlsx" and small else {}
    for meta in workbook.sheets_metadata:
        if meta.typ != python_calamine.SheetTypeEnum.WorkSheet or \
                meta.visible != python_calamine.SheetVisibleEnum.Visible:
            continue
        try:
            sheet = workbook.get_sheet_by_name(meta.name)
            grid = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
        except python_calamine.PasswordError:
            raise MentorplanError("import.password") from None
        except _READ_ERRORS:
            raise MentorplanError("import.damaged") from None
        yield meta.name, grid, merged, formulas.get(meta.name, {})


def _read_with_openpyxl(data: bytes) -> Iterator[tuple[str, list, list, dict]]:
    import openpyxl  # the fallback: slower, but reads what calamine cannot

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file; all mean the same here
        raise MentorplanError("import.damaged") from None
    try:
        for sheet in workbook.worksheets:
            if sheet.sheet_state != "visible":
                continue
            try:
                sheet.reset_dimensions()  # else every row is padded to what <dimension> claims
                grid = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
            except Exception:
                raise MentorplanError("import.damaged") from None
            yield sheet.title, grid, [], {}
    finally:
        workbook.close()


def _unsaved_formulas(data: bytes) -> dict[str, dict[tuple[int, int], str]]:
    """Formulas whose result the file does not carry (a file written by a program and never
    opened in Excel): calamine reads those cells as empty, so we name them instead. Looked for
    only when a sheet holds formulas at all, because openpyxl is slow; a file openpyxl cannot
    read has no formulas named (calamine has read it)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        if not any(re.search(rb"<f[ >]", archive.read(n)) for n in sheets):
            return {}
    import openpyxl

    found: dict[str, dict[tuple[int, int], str]] = {}
    try:
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        return {}
    try:
        for sheet in formulas.worksheets:
            cached_sheet = values[sheet.title]
            sheet.reset_dimensions()  # rows as the file writes them, not as <dimension> claims
            cached_sheet.reset_dimensions()
            cached = cached_sheet.iter_rows(values_only=True)
            for r, (row, saved) in enumerate(zip(sheet.iter_rows(values_only=True), cached, strict=False)):
                for c, value in enumerate(row):
                    if isinstance(value, str) and value.startswith("=") and \
                            (c >= len(saved) or saved[c] is None):
                        found.setdefault(sheet.title, {})[(r, c)] = value
    except Exception:
        return {}
    finally:
        formulas.close()
        values.close()
    return found


# -- Header and rows ---------------------------------------------------------------------------

def _filled(value: Cell) -> bool:
    return not (value is None or (isinstance(value, str) and not value.strip(" \t\r\n\u00a0\u200b\ufeff")))


def _sheet(source: str, name: str, grid: Sequence[Sequence[Cell]], merged, formulas,
           known: Mapping[str, str] | None) -> Sheet | None:
    header_index, best = None, 0
    for index, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        score = header_score(row, known)
        if score > best:
            header_index, best = index, score
    if header_index is None or best < MIN_HEADER_SCORE:
        return None
    header_cells = list(grid[header_index])
    while header_cells and not _filled(header_cells[-1]):
        header_cells.pop()
    headers = tuple(str(h).strip() if _filled(h) else "" for h in header_cells)
    grid = _fill_merged(grid, merged, header_index)
    rows = []
    for index in range(header_index + 1, len(grid)):
        values = tuple(grid[index])
        if any(_filled(v) for v in values):
            rows.append((index + 1, values))
            if len(rows) > MAX_ROWS:
                raise MentorplanError("import.too_many_rows", limit=f"{MAX_ROWS:,}".replace(",", " "),
                                      sheet=name)
    below = {(r + 1, c): f for (r, c), f in formulas.items() if r > header_index}
    return Sheet(source, name, headers, header_index + 1, tuple(rows), role_of_name(name), below)


def _fill_merged(grid, merged, header_index: int):
    """A merged cell shows its value across its range, so below the header the value is given to
    every cell of the range, as the coordinator sees it."""
    below = [((r0, c0), (r1, c1)) for (r0, c0), (r1, c1) in merged if r0 > header_index]
    if not below:
        return grid
    grid = [list(row) for row in grid]
    for (r0, c0), (r1, c1) in below:
        value = grid[r0][c0] if r0 < len(grid) and c0 < len(grid[r0]) else ""
        for r in range(r0, min(r1 + 1, len(grid))):
            for c in range(c0, min(c1 + 1, len(grid[r]))):
                grid[r][c] = value
    return grid


def sheets_for_role(upload: Upload, role: str | None) -> tuple[list[Sheet], list[Sheet]]:
    """The sheets to import when the coordinator names a role, and those left out because
    their name says they hold the other role."""
    if role is None:
        return list(upload.sheets), []
    if role not in ROLES:
        raise ValueError(role)
    kept = [s for s in upload.sheets if s.role in (None, role)]
    return kept, [s for s in upload.sheets if s not in kept]


def excel_date(value: Cell) -> dt.date | None:
    """A date from a date cell, an ISO text, or an Excel serial number (days since 1899-12-30)
    within the years the programme can span."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if ((isinstance(value, (int, float)) and not isinstance(value, bool))
            or (isinstance(value, str) and re.fullmatch(r"\s*\d{5}(\.\d+)?\s*", value))):
        serial = float(value)
    elif isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", value)
        if not match:
            return None
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            return None
    else:
        return None
    if 36526 <= serial <= 73415:  # 2000-01-01 … 2100-12-31
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(serial))
    return None
