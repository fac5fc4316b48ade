"""Files that leave Mentorplan: formatted Excel workbooks and CSV (calendar files are made by
core/calendar/files.py). Every text cell is
made safe for a spreadsheet first: a value that a spreadsheet would run as a formula (starting
with = + - @, a tab or a carriage return) is written with a leading apostrophe."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens å, ä and ö right on a double-click."""
    return safe_frame(frame).to_csv(index=False).encode("utf-8-sig")


def to_xlsx(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """A workbook with one formatted sheet per frame: bold header on a tint, header row frozen,
    columns as wide as their contents, a filter on the header."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, frame in sheets.items():
        sheet = workbook.create_sheet(_sheet_title(title))
        safe = safe_frame(frame)
        sheet.append(list(safe.columns))
        for row in safe.itertuples(index=False):
            sheet.append([_excel_value(v) for v in row])
        header_fill = PatternFill("solid", fgColor="DCE6F1")
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="center")
        sheet.freeze_panes = "A2"
        if len(safe.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(safe.columns))}{max(1, len(safe) + 1)}"
        for index, column in enumerate(safe.columns, start=1):
            values = [str(column)] + [_cell_text(v) for v in safe.iloc[:, index - 1]]
            width = min(60, max(len(v) for v in values) + 2)
            sheet.column_dimensions[get_column_letter(index)].width = width
            if safe.iloc[:, index - 1].map(lambda v: isinstance(v, dt.date)).any():
                for cell in sheet[get_column_letter(index)][1:]:
                    cell.number_format = "yyyy-mm-dd"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    # Excel forbids []:*?/\ in sheet names and allows 31 characters.
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31] or "Sheet"


def _excel_value(value: object) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _cell_text(value: object) -> str:
    value = _excel_value(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)
