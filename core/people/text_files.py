"""Text files (.csv, .tsv, .txt as Excel and the form tools write them): the encoding (UTF-8,
UTF-16 with or without a byte-order mark, Windows-1252), the delimiter, and quotes that would
swallow rows."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections import Counter

from core.people.sizing import MAX_CSV_FIELD, MAX_RECORDS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, Cost, shown_count
from core.platform.i18n import MentorplanError

# -- CSV ---------------------------------------------------------------------------------------

_MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u0160\u0161\u0152\u0153]")
# A byte of another code page (Mac Roman, DOS 850…) read as Windows-1252 lands between letters.
_FOREIGN_CODEPAGE = re.compile("(?<=[A-Za-z])[\u0152\u0153\u0160\u0161\u017d\u017e\u2020\u2021\u2030"
                               "\u0192\u201e\u201d\u201c\u2022\u02dc\u2122\u203a\u2039\u02c6](?=[A-Za-z])")
DELIMITERS = (";", ",", "\t", "|")


def _utf16_without_mark(data: bytes) -> str | None:
    """utf-16-le or utf-16-be for UTF-16 text without a byte-order mark, told by its NUL bytes: a
    Latin letter (å, ä and ö too) is its code and a NUL, so in mostly-Latin text nearly every
    other byte is NUL, and (almost) never the bytes between them."""
    head = data[:4096]
    pairs = len(head) // 2
    if not pairs:
        return None
    first, second = head[0:2 * pairs:2].count(0), head[1:2 * pairs:2].count(0)
    if second >= pairs * 0.4 and first <= pairs * 0.02:
        return "utf-16-le"
    if first >= pairs * 0.4 and second <= pairs * 0.02:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in: UTF-8 (with or without a byte-order
    mark), UTF-16 (Excel's "Unicode text", with or without a byte-order mark), or Windows-1252 (a
    Swedish Excel's "CSV"). A NUL anywhere in the text refuses it: text has none."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif utf16 := _utf16_without_mark(data):
        candidates = [utf16]
    else:
        nul = data.find(b"\x00")
        if 0 <= nul < 8192:
            raise MentorplanError("import.not_spreadsheet", what="binary")
        if nul >= 0:
            raise MentorplanError("import.nul_in_text", line=data.count(b"\n", 0, nul) + 1)
        candidates = ["utf-8", "cp1252"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding.startswith("utf-16") and (nul := text.find("\x00")) >= 0:
            raise MentorplanError("import.nul_in_text", line=text.count("\n", 0, nul) + 1)
        if _MOJIBAKE.search(text):
            raise MentorplanError("import.encoding_twice")
        if encoding == "cp1252" and _FOREIGN_CODEPAGE.search(text):
            break
        if any(ch in text[:8192] for ch in "\x00\ufffd"):
            break
        return text, encoding
    raise MentorplanError("import.encoding")


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most columns most consistently."""
    sample = [line for line in text.splitlines()[:60] if line.strip()]
    best, best_score = None, 0.0
    for delimiter in DELIMITERS:
        counts: list[int] = []
        with contextlib.suppress(csv.Error):  # a field too long: the rows before it tell
            for row in csv.reader(sample, delimiter=delimiter):
                counts.append(len(row))
        if not counts:
            continue
        width, times = Counter(counts).most_common(1)[0]
        score = (width - 1) * times / len(counts)
        if width > 1 and score > best_score:
            best, best_score = delimiter, score
    if best is None:
        raise MentorplanError("import.delimiter")
    return best


def read_csv(data: bytes, name: str) -> tuple[list[list[str]], str, str]:
    text, encoding = decode_text(data)
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    if breaks > MAX_SHEET_ROWS:  # counted before the lines are split, each a Python string
        raise MentorplanError("import.too_many_rows", limit=shown_count(MAX_SHEET_ROWS), sheet=name)
    delimiter = _delimiter(text)
    lines = io.StringIO(text, newline="").readlines()  # split as the csv module splits: \r\n, \n, \r
    del text  # the lines hold it now: not twice in memory
    reader = csv.reader(lines, delimiter=delimiter)
    grid: list[list[str]] = []  # a CSV file holds only texts
    spans: list[tuple[int, int]] = []  # the lines of the file each record was read from (1-based)
    cells = 0
    try:
        for record in reader:
            spans.append((spans[-1][1] + 1 if spans else 1, reader.line_num))
            grid.append(record)
            cells += len(record)
            if len(record) > MAX_SHEET_COLUMNS:
                Cost.check_sheet(name, len(grid), len(record))
            if cells > MAX_RECORDS:  # the cells a file may write out, as for a workbook
                raise MentorplanError("import.workbook_structure")
    except csv.Error as error:
        first = spans[-1][1] + 1 if spans else 1  # the line where the record that failed starts
        if "field limit" not in str(error):
            raise MentorplanError("import.damaged") from None
        opened = _unclosed_quote("".join(lines[first - 1:]), delimiter)
        if opened is not None:  # the usual cause: a quote that opens a field and is never closed
            raise MentorplanError("import.unclosed_quote",
                                  line=first + _line_of(lines[first - 1:], opened)) from None
        raise MentorplanError("import.csv_field_too_long", line=first, limit=shown_count(MAX_CSV_FIELD)) from None
    _refuse_swallowing_quotes(grid, spans, lines, delimiter)
    return grid, encoding, delimiter


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Something that looks like an address, to tell rows swallowed by a quote from a quoted text.
_ADDRESS = re.compile(r"[^\s@;,\t|\"]+@[^\s@;,\t|\"]+\.[^\s@;,\t|\"]+")


def _refuse_swallowing_quotes(grid: list[list[str]], spans: list[tuple[int, int]], lines: list[str],
                              delimiter: str) -> None:
    """A quote (") that opens a field makes everything up to the next quote one cell, new lines
    included: that is how Excel saves a cell with several lines (a "Motivering" written in
    paragraphs), and such cells are read as they are. A quote that is never closed, though,
    would make the rest of the file one cell and lose every row after it without a word; and one
    closed only rows later would lose the rows between. Both are refused, naming the line where
    the quote opens."""
    if not grid:
        return
    first = spans[-1][0]  # the last record: is a quote still open at the end of the file?
    opened = _unclosed_quote("".join(lines[first - 1:]), delimiter)
    if opened is not None:
        raise MentorplanError("import.unclosed_quote", line=first + _line_of(lines[first - 1:], opened))
    width = Counter(len(record) for record in grid if record).most_common(1)[0][0]
    for record, (first, last) in zip(grid, spans, strict=True):
        if first == last:
            continue  # on one line: nothing swallowed
        line = first
        for value in record:
            inner = _LINE_BREAK.split(value)
            if any(len(row) >= max(2, width) and any(len(cell) <= 320 and _ADDRESS.fullmatch(cell.strip())
                                                     for cell in row)
                   for row in csv.reader(inner[1:], delimiter=delimiter)):
                raise MentorplanError("import.quote_spans_rows", line=line, end=line + len(inner) - 1)
            line += len(inner) - 1


def _unclosed_quote(text: str, delimiter: str) -> int | None:
    """Where a quote opening a field is never closed (an offset in `text`, which starts at the
    start of a record), read by the csv module's rules: a quote opens a field only as its first
    character; inside, "" is a quote and a single one closes the field."""
    position = 0
    while (start := text.find('"', position)) >= 0:
        if start and text[start - 1] not in (delimiter, "\n", "\r"):
            position = start + 1  # a quote inside a field is just a character
            continue
        end = start + 1
        while True:
            end = text.find('"', end)
            if end < 0:
                return start
            if text.startswith('""', end):
                end += 2
                continue
            break
        position = end + 1
    return None


def _line_of(lines: list[str], offset: int) -> int:
    """Which of `lines` (counted from 0) holds the character at `offset` of their joined text."""
    for index, line in enumerate(lines):
        if offset < len(line):
            return index
        offset -= len(line)
    return len(lines) - 1
