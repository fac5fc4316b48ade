"""What reading a workbook would cost, for the other formats: .ods (content.xml and its
repeated cells), .xlsb (binary records in a zip) and .xls (BIFF records in an OLE2 file)."""

from __future__ import annotations

import html
import io
import struct
import zipfile
from array import array
from collections.abc import Iterator
from xml.parsers import expat as xml_parser

import olefile

from core.people.sizing import (
    MAX_RECORDS,
    MAX_TEXT,
    Cost,
    Tokens,
    count_occurrences,
    local_attribute,
    measure_xlsx,
    read_xml,
    sheet_parts,
    small_part,
    xml_number,
    zip_parts,
)
from core.platform.i18n import MentorplanError

# -- .ods: content.xml

_ODS_TOKENS = Tokens(rb"table-row|table-cell|covered-table-cell|table|s")


def _measure_ods(data: bytes, cost: Cost) -> None:
    """The tables of an OpenDocument spreadsheet as calamine reads them, all at once: a cell with
    a value type (or a formula) makes a value, repeated as often as number-columns-repeated
    says and its row as often as number-rows-repeated says; empty cells at the end of a row, and
    empty rows at the end of a table, make nothing (LibreOffice writes them to the sheet's edge).
    The text counted is what the file does not spell out: a cell's copies, <text:s text:c="…"/>'s
    spaces."""
    cost.add_records(count_occurrences(b"table:table-cell", data, MAX_RECORDS)
                     + count_occurrences(b"table:covered-table-cell", data, MAX_RECORDS))
    depth, name = 0, ""
    rows = width = row_index = 0      # the table: last row with a value, widest row, rows so far
    row_repeat = row_end = row_text = row_size = 0  # the row: repeats, end of its last value, text, in the file
    column = 0
    cell: list | None = None          # [start, repeat, has a value, spaces]

    def end_row() -> None:
        nonlocal rows, width, row_index, row_end, row_text, row_size, column
        if row_end:
            rows, width = row_index + row_repeat, max(width, row_end)
            cost.check_sheet(name, rows, width)
            cost.add_text(row_text * row_repeat - row_size)
        row_index += row_repeat
        row_end = row_text = row_size = column = 0

    def end_table() -> None:
        nonlocal rows, width, row_index
        if rows and width:
            cost.sheet(name, rows, width)
        rows = width = row_index = 0

    for closing, element, attributes, empty, begin, end in _ODS_TOKENS(data):
        if element == b"table":
            if closing:
                depth = max(depth - 1, 0)
                if depth == 0:
                    end_table()
            elif not empty:
                depth += 1
                if depth == 1:
                    name = (local_attribute(attributes, b"name") or b"").decode("utf-8", "replace")
                    name = html.unescape(name)
        elif element == b"table-row":
            if not closing:
                row_repeat = xml_number(local_attribute(attributes, b"number-rows-repeated"), 1) \
                    if b"rows-repeated" in attributes else 1
                row_end = row_text = row_size = column = 0
            if closing or empty:
                end_row()
        elif element in (b"table-cell", b"covered-table-cell"):
            if not closing:
                repeat = xml_number(local_attribute(attributes, b"number-columns-repeated"), 1) \
                    if b"columns-repeated" in attributes else 1
                cell = [begin, repeat, b"value-type" in attributes or b"formula" in attributes, 0]
            if cell is not None and (closing or empty):
                start, repeat, valued, spaces = cell
                if valued:
                    row_end = column + repeat
                    row_text += (end - start + spaces) * repeat
                    row_size += end - start
                    if row_text > MAX_TEXT:  # one row too long already: refused now
                        cost.add_text(row_text)
                column, cell = column + repeat, None
        elif cell is not None and cell[2] and not closing:  # <text:s/>: spaces
            cell[3] += xml_number(local_attribute(attributes, b"c"), 1)
    if depth:
        end_table()


# -- .xlsb: binary records in a zip

def _biff12(data: bytes) -> Iterator[tuple[int, int, int]]:
    """The records of an .xlsb part: (type, start, end) of each one's data."""
    position, size = 0, len(data)
    while position < size:
        byte = data[position]
        kind, position = byte & 0x7F, position + 1
        if byte & 0x80 and position < size:
            kind, position = kind | (data[position] & 0x7F) << 7, position + 1
        length = shift = 0
        for _ in range(4):
            if position >= size:
                return
            byte, position = data[position], position + 1
            length, shift = length | (byte & 0x7F) << shift, shift + 7
            if not byte & 0x80:
                break
        yield kind, position, min(position + length, size)
        position += length


_XLSB_CELLS = frozenset(range(2, 12)) | {62}  # BrtCellRk … BrtFmlaError, BrtCellRString (blank: 1)
_XLSB_STRINGS = frozenset({6, 8, 62})        # BrtCellSt, BrtFmlaString, BrtCellRString


def _measure_xlsb(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], cost: Cost) -> None:
    for name in ("[content_types].xml", "_rels/.rels"):
        small_part(archive, parts.get(name))
    small_part(archive, parts.get("xl/styles.bin"), xml=False)
    lengths = array("q")
    strings = parts.get("xl/sharedstrings.bin")
    if strings is not None:
        data = archive.read(strings)
        for kind, start, end in _biff12(data):
            if kind == 159 and end - start >= 8:  # BrtBeginSst: how many texts it says it holds
                if max(struct.unpack_from("<II", data, start)) > MAX_RECORDS:
                    raise MentorplanError("import.workbook_structure")
            elif kind == 19 and end - start >= 5:  # BrtSSTItem: flags, then the text's length
                lengths.append(min(struct.unpack_from("<I", data, start + 1)[0], end - start))
                if len(lengths) > MAX_RECORDS:
                    raise MentorplanError("import.workbook_structure")
        cost.add_records(len(lengths))
    longest = max(lengths, default=0)
    listed = []
    workbook = small_part(archive, parts.get("xl/workbook.bin"), xml=False)
    for kind, start, end in _biff12(workbook):
        if kind == 156:  # BrtBundleSh: state, tab, relationship id, name (each text: length, UTF-16)
            key, position = _wide_text(workbook, start + 8, end)
            name, _ = _wide_text(workbook, position, end)
            listed.append((name, key.encode("utf-8")))
    for name, info in sheet_parts(archive, parts, listed, "xl/_rels/workbook.bin.rels", ".bin"):
        _measure_xlsb_sheet(archive.read(info), name, lengths, longest, cost)


def _wide_text(data: bytes, position: int, end: int) -> tuple[str, int]:
    """An .xlsb text at `position` (its length in characters, then UTF-16), and where it ends."""
    if position + 4 > end:
        return "", end
    length = struct.unpack_from("<I", data, position)[0]
    if length == 0xFFFFFFFF:  # no text
        return "", position + 4
    stop = min(position + 4 + 2 * length, end)
    return data[position + 4:stop].decode("utf-16-le", "replace"), stop


def _measure_xlsb_sheet(data: bytes, name: str, lengths: array, longest: int, cost: Cost) -> None:
    row = rows = columns = text = records = merged = 0
    for kind, start, end in _biff12(data):
        records += 1
        if records & 0xFFFF == 0:
            cost.add_records(0x10000)
        if kind == 0 and end - start >= 4:  # BrtRowHdr
            row = struct.unpack_from("<I", data, start)[0]
        elif kind in _XLSB_CELLS and end - start >= 4:
            rows, columns = max(rows, row + 1), max(columns, struct.unpack_from("<I", data, start)[0] + 1)
            if kind == 7 and end - start >= 12:  # BrtCellIsst: a shared text
                index = struct.unpack_from("<I", data, start + 8)[0]
                text += lengths[index] if index < len(lengths) else longest
            elif kind in _XLSB_STRINGS:
                text += end - start
        elif kind == 176:  # BrtMergeCell
            merged += 1
    cost.add_records(records & 0xFFFF)
    cost.add_merged(merged)
    cost.add_text(text)
    if rows and columns:
        cost.sheet(name, rows, columns)


# -- .xls: BIFF records in an OLE2 file

_XLS_CELLS = frozenset({0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0203, 0x0204, 0x0205, 0x0206, 0x0406, 0x027E,
                        0x00FD, 0x00D6})  # INTEGER … FORMULA, NUMBER, LABEL, BOOLERR, RK, LABELSST, RSTRING
_XLS_STRINGS = frozenset({0x0004, 0x0204, 0x00D6, 0x0207})  # LABEL, RSTRING, STRING (a formula's text)


def _measure_xls(data: bytes, cost: Cost) -> None:
    """A legacy workbook, which calamine reads whole when it opens it: the workbook's records
    from the start to its EOF (the sheets it lists, its shared texts), then each sheet's from
    where the workbook says it starts, as calamine walks them."""
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
        if name is None:
            raise MentorplanError("import.damaged")
        stream = ole.openstream(name).read()
    walked = [0]
    sheets: list[tuple[int, str]] = []
    sst: list[bytes] = []
    in_sst = False
    for kind, start, end in _xls_records(stream, 0, walked, cost):
        if kind == 0x0085 and end - start >= 8:  # BOUNDSHEET: where a sheet starts, its name
            sheets.append((struct.unpack_from("<I", stream, start)[0], _xls_sheet_name(stream[start + 6:end])))
        if kind == 0x00FC or (in_sst and kind == 0x003C):  # SST and its CONTINUE records
            sst.append(stream[start:end])
            in_sst = True
        else:
            in_sst = False
    lengths = _xls_shared_strings(sst, cost)
    longest = max(lengths, default=0)
    for offset, sheet in sheets:
        rows = columns = text = merged = packed = 0
        for kind, start, end in _xls_records(stream, offset, walked, cost):
            if kind == 0x0200 and end - start >= 8:  # DIMENSIONS: calamine sets room aside for what it claims
                first_row, last_row, first_column, last_column = struct.unpack_from(
                    "<IIHH" if end - start >= 14 else "<HHHH", stream, start)
                if last_row < first_row or last_column < first_column:
                    raise MentorplanError("import.damaged")
                cost.check_sheet(sheet, last_row, last_column)
            elif kind == 0x00E5 and end - start >= 2:  # MERGECELLS
                merged += struct.unpack_from("<H", stream, start)[0]
            elif kind == 0x00BD and end - start >= 6:  # MULRK: a row of numbers
                row, first = struct.unpack_from("<HH", stream, start)
                last = max(struct.unpack_from("<H", stream, end - 2)[0], first + (end - start - 6) // 6 - 1)
                rows, columns = max(rows, row + 1), max(columns, last + 1)
                packed += max(last - first, 0)  # cells beyond the one record, counted as records too
            elif kind in _XLS_CELLS and end - start >= 4:
                row, col = struct.unpack_from("<HH", stream, start)
                rows, columns = max(rows, row + 1), max(columns, col + 1)
                if kind == 0x00FD and end - start >= 10:
                    index = struct.unpack_from("<I", stream, start + 6)[0]
                    text += lengths[index] if index < len(lengths) else longest
            if kind in _XLS_STRINGS:
                text += end - start
        cost.add_records(packed)
        cost.add_merged(merged)
        cost.add_text(text)
        if rows and columns:
            cost.sheet(sheet, rows, columns)


def _xls_records(stream: bytes, position: int, walked: list[int], cost: Cost) -> Iterator[tuple[int, int, int]]:
    """The records from `position` to the next EOF: (type, start, end) of each one's data.
    `walked` counts every record walked, for the limit."""
    size = len(stream)
    while position + 4 <= size:
        kind, length = struct.unpack_from("<HH", stream, position)
        walked[0] += 1
        if walked[0] & 0xFFFF == 0:
            cost.add_records(0x10000)
        start = position + 4
        yield kind, start, min(start + length, size)
        if kind == 0x000A:  # EOF
            return
        position = start + length


def _xls_sheet_name(data: bytes) -> str:
    """A BOUNDSHEET's name: its length, then (BIFF8) a byte saying whether it is in UTF-16."""
    if len(data) < 2:
        return "?"
    length, wide = data[0], data[1] & 1
    text = data[2:2 + length * 2].decode("utf-16-le", "replace") if wide \
        else data[2:2 + length].decode("latin-1")
    return text or "?"


def _xls_shared_strings(parts: list[bytes], cost: Cost) -> array:
    """The length of each text of an SST record and its CONTINUE records (a text may go on in
    the next record, which then starts with a byte saying how its characters are stored)."""
    lengths = array("q")
    if not parts or len(parts[0]) < 8:
        return lengths
    unique = struct.unpack_from("<I", parts[0], 4)[0]
    if unique > MAX_RECORDS:
        raise MentorplanError("import.workbook_structure")
    part, position = 0, 8
    while len(lengths) < unique:
        if position >= len(parts[part]):
            part, position = part + 1, 0
            if part >= len(parts):
                break
            continue
        if position + 3 > len(parts[part]):
            break
        characters, flags = struct.unpack_from("<HB", parts[part], position)
        position += 3
        wide, runs, extra = flags & 1, 0, 0
        if flags & 8 and position + 2 <= len(parts[part]):
            runs = struct.unpack_from("<H", parts[part], position)[0]
            position += 2
        if flags & 4 and position + 4 <= len(parts[part]):
            extra = struct.unpack_from("<I", parts[part], position)[0]
            position += 4
        left = characters
        while left:
            taken = min(left, (len(parts[part]) - position) >> wide)
            left, position = left - taken, position + (taken << wide)
            if left:
                part += 1
                if part >= len(parts) or not parts[part]:
                    break
                wide, position = parts[part][0] & 1, 1
        lengths.append(characters)
        skip = 4 * runs + extra
        while skip and part < len(parts):
            taken = min(skip, len(parts[part]) - position)
            skip, position = skip - taken, position + taken
            if skip:
                part, position = part + 1, 0
        if part >= len(parts):
            break
    cost.add_records(len(lengths))
    return lengths


def measure(data: bytes, kind: str) -> Cost:
    """What reading the workbook (of the kind sniff() found) would cost, or MentorplanError when
    it would cost too much. Reads only the file's bytes, at most MAX_UNCOMPRESSED of them."""
    cost = Cost()
    if kind == "xls":
        _measure_xls(data, cost)
        return cost
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = zip_parts(archive)
        if kind == "xlsx":
            measure_xlsx(archive, parts, cost)
        elif kind == "xlsb":
            _measure_xlsb(archive, parts, cost)
        elif kind == "ods":
            content = parts.get("content.xml")
            if content is None:
                raise MentorplanError("import.damaged")
            xml = read_xml(archive, content)
            # calamine loops for ever on an OpenDocument sheet whose XML breaks off (a row that
            # never ends): only well-formed XML is given to it (expat reads ~100 MB a second).
            xml_parser.ParserCreate().Parse(xml, True)
            _measure_ods(xml, cost)
    return cost
