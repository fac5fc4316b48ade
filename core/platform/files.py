"""Files that leave Mentorplan: formatted Excel workbooks and CSV (calendar files are made by
core/calendar/files.py). Every text cell is made safe for a spreadsheet first: a value that a
spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is written
with a leading apostrophe. In a CSV file that holds for every piece of a field a spreadsheet might
split off, whatever separator it splits on (`,` `;` tab, line breaks): `Anna;=2+5;x` is written
`Anna;'=2+5;x`, so that opened with the "wrong" separator no piece becomes a formula either.

CSV comes in two kinds: `to_csv(frame, lang)` for people, in the dialect of the language's Excel
(Swedish: `;` between fields and a decimal comma; English: `,` and a point), and
`to_script_csv(frame)` for the command line, whose `,`-separated contract stays as it is
(`script_csv(columns, rows)` writes the same from plain rows, for a command that makes no frame)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from core.platform.i18n import check_language

if TYPE_CHECKING:  # openpyxl is imported when a workbook is written (a command that writes none starts faster)
    import pandas as pd
    from openpyxl.worksheet.worksheet import Worksheet

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
# The separator and decimal sign each language's Excel reads a CSV file with (Excel in Swedish
# splits on the list separator of Windows' Swedish settings, `;`, since `,` is the decimal sign).
CSV_DIALECTS = {"sv": (";", ","), "en": (",", ".")}
# Where a spreadsheet may start a new cell: any separator a CSV reader might choose, and line
# breaks; a piece that starts there (after quotes and blanks) with a formula sign gets an apostrophe.
_PIECE_FORMULA = re.compile(r'(^|[,;\t\n])([" ]*)(?=[=+\-@])')
_GUARDED_PIECE = re.compile(r'(^|[,;\t\n])([" ]*)\'(?=[=+\-@])')
_FORMULA_SIGNS = frozenset("=+-@")
COLUMN_WIDTH_LIMIT = 60
DATE_FORMAT = "yyyy-mm-dd"  # the Swedish way (SS-ISO 8601), read as a date by Excel in either language


def safe_cell(value: object) -> object:
    """A cell value that no spreadsheet runs as a formula (OWASP's CSV-injection advice). Lists
    and mappings are written as text first, so that what they hold is checked too."""
    if isinstance(value, (list, tuple, set)):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell and every heading through safe_cell, whatever the column's type."""
    safe = frame.map(safe_cell) if len(frame.columns) else frame.copy()
    safe.columns = [safe_cell(c) for c in safe.columns]
    return safe


def csv_cell(value: object) -> object:
    """A CSV field that no spreadsheet runs as a formula however it splits the line: lists and
    mappings as text (safe_cell), carriage returns as line feeds (a lone CR is a line break to
    Excel but not to every CSV writer's quoting), and an apostrophe before every piece that a
    separator or a line break could turn into a cell starting with = + - @."""
    value = safe_cell(value)
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    if not _FORMULA_SIGNS.intersection(text):  # most text: nothing to guard
        return text
    return _PIECE_FORMULA.sub(lambda m: f"{m.group(1)}{m.group(2)}'", text)


def unguarded(text: str) -> str:
    """A text as it was before csv_cell guarded it: the apostrophes it put before = + - @ at the
    start and after a separator or a line break taken away (for files of ours that come back)."""
    return _GUARDED_PIECE.sub(lambda m: f"{m.group(1)}{m.group(2)}", text)


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell and every heading through csv_cell, whatever the column's type."""
    safe = frame.map(csv_cell) if len(frame.columns) else frame.copy()
    safe.columns = [csv_cell(c) for c in safe.columns]
    return safe


def to_csv(frame: pd.DataFrame, lang: str) -> bytes:
    """A CSV file for people, that opens in columns on a double-click in the language's Excel:
    UTF-8 with a byte-order mark (for å, ä and ö), `;` and a decimal comma in Swedish, `,` in
    English; CRLF between rows, and every field quoted that holds the separator, a quote or a line
    break (csv.QUOTE_MINIMAL)."""
    separator, decimal = CSV_DIALECTS[check_language(lang)]
    text = csv_frame(frame).to_csv(index=False, sep=separator, decimal=decimal, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def to_script_csv(frame: pd.DataFrame) -> bytes:
    """The command line's CSV, a contract with scripts: `,`-separated, a decimal point, LF
    between rows, UTF-8 with a byte-order mark (the command leaves it out on stdout); a field that
    starts with a formula sign gets an apostrophe (safe_cell), and nothing else in a field changes:
    a script reads back what is stored."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def script_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """to_script_csv's file from plain rows of text and numbers, written by the csv module as
    pandas writes it (`,`, QUOTE_MINIMAL, LF), for a command that makes no frame and so starts
    without pandas (`schedule`, issue 12)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([safe_cell(c) for c in columns])
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return text.getvalue().encode("utf-8-sig")


def to_xlsx(sheets: Mapping[str, pd.DataFrame], title: str | None = None) -> bytes:
    """A workbook with one formatted sheet per frame (named in words by its key: "Höststart
    2026"): bold header on a tint, header row frozen, columns as wide as their contents (long
    text wrapped), dates as dates, a filter on the header; printed landscape on A4, fit to the
    page's width, the header row repeated on every page. With a `title`, the sheet's first row
    holds it (large, bold) and the header is the second row; without, the header is the first row
    (for sheets that are filled in and read back)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    header_fill = PatternFill("solid", fgColor="DCE6F1")
    for name, frame in sheets.items():
        sheet = workbook.create_sheet(_sheet_title(name))
        safe = safe_frame(frame)
        header_row = 1
        if title:
            sheet.append([safe_cell(title)])
            sheet["A1"].font = Font(bold=True, size=14)
            sheet.row_dimensions[1].height = 24
            header_row = 2
        sheet.append(list(safe.columns))
        for row in safe.itertuples(index=False):
            sheet.append([_excel_value(v) for v in row])
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.freeze_panes = f"A{header_row + 1}"
        last_row = max(header_row, len(safe) + header_row)
        if len(safe.columns):
            sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(safe.columns))}{last_row}"
            sheet.print_title_rows = f"{header_row}:{header_row}"
        for index, column in enumerate(safe.columns, start=1):
            letter = get_column_letter(index)
            values = [str(column)] + [_cell_text(v) for v in safe.iloc[:, index - 1]]
            longest = max(len(line) for v in values for line in (v.splitlines() or [""]))
            sheet.column_dimensions[letter].width = min(COLUMN_WIDTH_LIMIT, longest + 2)
            is_date = safe.iloc[:, index - 1].map(lambda v: isinstance(v, dt.date)).any()
            wrap = longest + 2 > COLUMN_WIDTH_LIMIT or any("\n" in v for v in values)
            for cell in sheet[letter][header_row:]:
                if is_date:
                    cell.number_format = DATE_FORMAT
                if wrap:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        _print_setup(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _print_setup(sheet: Worksheet) -> None:
    """Landscape A4, as wide as one page and as many pages long as it takes, centred."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = "&P / &N"


def file_stem(*words: object) -> str:
    """A file name (without extension) from words, safe on every file system and in a mail
    attachment: letters and digits, the rest as single hyphens, å ä ö as a o o ("Schema",
    "Höststart 2026" → "schema-hoststart-2026")."""
    text = " ".join(str(w) for w in words)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:80] or "mentorplan"


def _sheet_title(title: str) -> str:
    # Excel forbids []:*?/\ in sheet names and allows 31 characters.
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31] or "Sheet"


def _excel_value(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _cell_text(value: object) -> str:
    value = _excel_value(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)
