"""What reading a workbook would cost, known before it is read: every sheet's used range and cell
count from the file's own structure (an .xlsx's XML), so that a file whose cells would take
gigabytes (one cell at XFD1048576) is refused before a reader allocates them."""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from array import array
from collections.abc import Iterator

from core.people.columns import column_letter
from core.platform.i18n import MentorplanError

# -- What reading a workbook would cost --------------------------------------------------------

def shown_count(number: int) -> str:
    return f"{number:,}".replace(",", " ")


# What a workbook may cost once read (see the module's docstring). A sign-up sheet of a few dozen
# people takes a few thousand cells; these leave room for ten thousand people and a stray cell
# far down, and keep the largest file that passes well under 1 GB of memory and a few seconds.
MAX_SHEET_ROWS = 200_000        # a sheet's block of cells: from A1 down to its last row with a value,
MAX_SHEET_COLUMNS = 1_000       # to its last column with a value,
MAX_CELLS = 5_000_000           # and rows × columns, for all the sheets of a workbook together
MAX_TEXT = 100_000_000          # characters its cells hold that the file does not spell out: a
                                # shared text once per cell showing it, a repeated cell's copies
MAX_RECORDS = 1_000_000         # cells, shared texts and formats the file writes out, each parsed
MAX_MERGED = 100_000            # merged ranges
MAX_PART = 20 * 1024 * 1024     # a part read whole besides the sheets (workbook.xml, styles.xml…)
SLOW_CELLS = 200_000            # cells of a sheet written unlike Excel's, measured one by one,
MAX_TOKENS = 1_000_000          # and the tags looked at one by one (an .ods, such a sheet)
OPENPYXL_RECORDS = 200_000      # openpyxl (all Python, slow) reads only workbooks this small
MAX_CSV_FIELD = 131_072         # characters in one CSV field (an Excel cell holds 32 767)


class Cost:
    """What calamine would build from a workbook, counted from the file before it does: the
    block of cells of every sheet (rows × columns from A1 to its last cell with a value), the text
    those cells would hold, the records it would parse and the merged ranges. Each addition
    refuses the file as soon as a limit is passed, naming what to do."""

    def __init__(self) -> None:
        self.cells = 0
        self.text = 0
        self.records = 0
        self.merged = 0

    @property
    def small(self) -> bool:
        """Small enough for openpyxl, which holds every cell and style as a Python object."""
        return self.records <= OPENPYXL_RECORDS

    def sheet(self, name: str, rows: int, columns: int) -> None:
        """A sheet whose last cell with a value is in row `rows` and column `columns` (from 1)."""
        self.check_sheet(name, rows, columns)
        self.cells += rows * columns
        if self.cells > MAX_CELLS:
            raise MentorplanError("import.workbook_too_big", cells=shown_count(self.cells),
                                  limit=shown_count(MAX_CELLS))

    @staticmethod
    def check_sheet(name: str, rows: int, columns: int) -> None:
        """Refuses a sheet reaching beyond the limits (a sheet still being measured, too)."""
        if rows > MAX_SHEET_ROWS or columns > MAX_SHEET_COLUMNS or rows * columns > MAX_CELLS:
            raise MentorplanError(
                "import.sheet_too_big", sheet=name, cell=f"{column_letter(columns - 1)}{rows}",
                rows=shown_count(rows), columns=shown_count(columns), max_rows=shown_count(MAX_SHEET_ROWS),
                max_columns=shown_count(MAX_SHEET_COLUMNS), max_cells=shown_count(MAX_CELLS))

    def add_text(self, characters: int) -> None:
        self.text += characters
        if self.text > MAX_TEXT:
            raise MentorplanError("import.too_much_text", limit=shown_count(MAX_TEXT // 1_000_000))

    def add_records(self, count: int) -> None:
        self.records += count
        if self.records > MAX_RECORDS:
            raise MentorplanError("import.workbook_structure")

    def add_merged(self, count: int) -> None:
        self.merged += count
        if self.merged > MAX_MERGED:
            raise MentorplanError("import.workbook_structure")


def zip_parts(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The archive's members by the name calamine finds them under: without case, / for \\."""
    return {info.filename.replace("\\", "/").lower(): info for info in archive.infolist()}


def read_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A part's XML as bytes in an ASCII-compatible encoding, so that tags can be found in it (a
    part in UTF-16 is turned into UTF-8)."""
    data = archive.read(info)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else \
            ("utf-16-le" if data[:1] == b"<" else "utf-16-be")
        data = data.decode(encoding).encode("utf-8")
    return data


def small_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo | None, xml: bool = True) -> bytes:
    """A part read whole besides the sheets (workbook, styles, relationships), refused when big."""
    if info is None:
        return b""
    if info.file_size > MAX_PART:
        raise MentorplanError("import.workbook_structure")
    return read_xml(archive, info) if xml else archive.read(info)


# A tag of the XML: any namespace prefix, its attributes (quoted values may hold > and /).
_PREFIX = rb"(?:[A-Za-z_][\w.\-]*+:)?"
_ATTRIBUTES = rb"((?:[^>\"'/]++|\"[^\"]*+\"|'[^']*+')*+)"  # possessive: no backtracking on a tag that fails
# A name starts where no name character stands before it: a long run of them is tried once, not
# once per character (which would take the square of its length).
_ATTRIBUTE = re.compile(rb"(?<![\w:.\-])([A-Za-z_][\w:.\-]*+)\s*+=\s*+(?:\"([^\"]*+)\"|'([^']*+)')")


class Tokens:
    """The tags of some elements, in order: (closing?, element, attributes, empty?, start, end).
    Found by a fast pattern that ends a tag at its first >; a tag whose quotes do not pair up
    (an attribute's value holding a >) is found again by one that reads quoted values."""

    def __init__(self, elements: bytes) -> None:
        self.fast = re.compile(rb"<(/?)" + _PREFIX + rb"(" + elements + rb")(?=[\s/>])([^>]*)>")
        self.careful = re.compile(rb"<(/?)" + _PREFIX + rb"(" + elements + rb")(?=[\s/>])" + _ATTRIBUTES + rb"(/?)>")

    def __call__(self, data: bytes) -> Iterator[tuple[bytes, bytes, bytes, bool, int, int]]:
        position, count = 0, 0
        while position >= 0:
            start, position = position, -1
            for match in self.fast.finditer(data, start):
                count += 1
                if count > MAX_TOKENS:
                    raise MentorplanError("import.workbook_structure")
                closing, element, attributes = match.groups()
                if attributes.count(b'"') & 1 or (b"'" in attributes and attributes.count(b"'") & 1):
                    careful = self.careful.match(data, match.start())
                    if careful is not None:  # then go on after it
                        closing, element, attributes, _ = careful.groups()
                        yield closing, element, attributes, attributes.endswith(b"/"), careful.start(), careful.end()
                        position = careful.end()
                        break
                yield closing, element, attributes, attributes.endswith(b"/"), match.start(), match.end()


def _tags(name: bytes) -> re.Pattern[bytes]:
    """Start (or empty) tags of the element `name`, any prefix: (attributes, "/" if empty)."""
    return re.compile(rb"<" + _PREFIX + name + rb"(?=[\s/>])" + _ATTRIBUTES + rb"(/?)>")


def _attribute(attributes: bytes, name: bytes) -> bytes | None:
    """The value of an attribute (the last, should the tag repeat it), as written."""
    value = None
    for key, double, single in _ATTRIBUTE.findall(attributes):
        if key == name:
            value = double or single
    return value


def local_attribute(attributes: bytes, name: bytes) -> bytes | None:
    """The value of an attribute named `name` in any namespace (table:name, office:value-type)."""
    value = None
    for key, double, single in _ATTRIBUTE.findall(attributes):
        if key.rpartition(b":")[2] == name:
            value = double or single
    return value


def xml_number(value: bytes | None, default: int) -> int:
    """A whole number as a reader parses it (a + allowed), or `default`."""
    if value is not None and re.fullmatch(rb"\+?[0-9]+", value):
        return int(value)
    return default


def count_occurrences(name: bytes, data: bytes, limit: int) -> int:
    """How many start (or empty) tags of the element `name` `data` holds, any prefix: counted
    without a prefix first (fast), then, if there may be others, up to one past `limit`."""
    count = sum(data.count(b"<" + name + end) for end in (b" ", b">", b"/", b"\t", b"\n", b"\r"))
    if count <= limit and b":" + name in data:
        pattern = re.compile(rb"<[A-Za-z_][\w.\-]*+:" + re.escape(name) + rb"[\s/>]")
        for _ in pattern.finditer(data):
            count += 1
            if count > limit:
                break
    return count


# -- .xlsx: the sheets' XML

_CELL_START = re.compile(rb"<" + _PREFIX + rb"c[\s/>]")
# A cell as Excel (and LibreOffice, openpyxl, Google Sheets…) write it: r first, attributes in
# double quotes, a number value right after it: (column, row, other attributes, "/" if empty, value)
_EXCEL_CELL = re.compile(rb"<" + _PREFIX + rb"c r=\"([A-Z]{1,3})([1-9][0-9]{0,6})\""
                         rb"((?: [A-Za-z_][\w:.\-]*=\"[^\"<>]*\")*) ?(/?)>(?:<" + _PREFIX + rb"v>([0-9]{1,9})</)?")
_SHEET_TOKENS = Tokens(rb"row|c|v|is")
_REFERENCE = re.compile(rb"([A-Za-z]+)([0-9]+)")
_ROW_REFERENCE = re.compile(rb"[A-Za-z]*([0-9]+)")
_SHEET_TAG = _tags(b"sheet")
_RELATIONSHIP_TAG = _tags(b"Relationship")
_SST_TAG = _tags(b"sst")
_SI_START = re.compile(rb"<" + _PREFIX + rb"si[\s/>]")
_CHUNK = 4 * 1024 * 1024


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def measure_xlsx(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], cost: Cost) -> None:
    for name in ("[content_types].xml", "_rels/.rels"):
        small_part(archive, parts.get(name))
    cost.add_records(count_occurrences(b"xf", small_part(archive, parts.get("xl/styles.xml")), MAX_RECORDS))
    lengths = _shared_strings(archive, parts.get("xl/sharedstrings.xml"), cost)
    listed: list[tuple[str, bytes]] = []
    for attributes, _ in _SHEET_TAG.findall(small_part(archive, parts.get("xl/workbook.xml"))):
        name = html.unescape((_attribute(attributes, b"name") or b"").decode("utf-8", "replace"))
        listed.extend((name, double or single) for key, double, single in _ATTRIBUTE.findall(attributes)
                      if key.endswith(b":id"))
    for name, info in sheet_parts(archive, parts, listed, "xl/_rels/workbook.xml.rels", ".xml"):
        _measure_sheet_xml(read_xml(archive, info), name, lengths, cost)


def sheet_parts(archive: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo], listed: list[tuple[str, bytes]],
                relationships: str, extension: str) -> list[tuple[str, zipfile.ZipInfo]]:
    """Every part a reader could take for a worksheet, with the sheet's name: the sheets the
    workbook lists (name, relationship id), any other part its relationships name, and whatever
    else lies in xl/worksheets/."""
    targets: dict[bytes, str] = {}
    for attributes, _ in _RELATIONSHIP_TAG.findall(small_part(archive, parts.get(relationships))):
        identifier, written = _attribute(attributes, b"Id"), _attribute(attributes, b"Target")
        if identifier is not None and written is not None:
            targets[identifier] = html.unescape(written.decode("utf-8", "replace"))
    found: dict[str, tuple[str, zipfile.ZipInfo]] = {}
    for name, identifier in listed:
        if identifier in targets:
            _add_target(found, parts, name, targets[identifier])
    for target in targets.values():
        if "sheets/" in target.lower():
            _add_target(found, parts, target, target)
    for path, info in parts.items():
        if path.startswith("xl/worksheets/") and path.endswith(extension) and path not in found:
            found[path] = (info.filename, info)
    return list(found.values())


def _add_target(found: dict[str, tuple[str, zipfile.ZipInfo]], parts: dict[str, zipfile.ZipInfo], name: str,
                target: str) -> None:
    """The part a relationship's target names, as calamine resolves it ("/xl/…", "xl/…" or under
    xl/) and as openpyxl does (a path relative to xl/)."""
    target = target.replace("\\", "/")
    for path in (target[1:] if target.startswith("/xl/") else target if target.startswith("xl/")
                 else f"xl/{target}", posixpath.normpath(posixpath.join("xl", target)).lstrip("/")):
        info = parts.get(path.lower())
        if info is not None and path.lower() not in found:
            found[path.lower()] = (name, info)


def _shared_strings(archive: zipfile.ZipFile, info: zipfile.ZipInfo | None, cost: Cost) -> array:
    """The length of each shared text (an upper bound: its XML), refusing a table with more
    texts than a workbook may have records, or one that says so in its head."""
    lengths = array("q")
    if info is None:
        return lengths
    data = read_xml(archive, info)
    head = _SST_TAG.search(data, 0, 65536)
    if head is not None:
        for name in (b"count", b"uniqueCount"):
            if xml_number(_attribute(head.group(1), name), 0) > MAX_RECORDS:
                raise MentorplanError("import.workbook_structure")
    previous = None
    for match in _SI_START.finditer(data):
        if previous is not None:
            lengths.append(match.start() - previous)
            if len(lengths) > MAX_RECORDS:
                raise MentorplanError("import.workbook_structure")
        previous = match.start()
    if previous is not None:
        lengths.append(len(data) - previous)
    cost.add_records(len(lengths))
    return lengths


def _measure_sheet_xml(data: bytes, name: str, lengths: array, cost: Cost) -> None:
    """One sheet: where its last cell with a value lies, and the shared texts its cells show (each
    once per cell; a text written in the cell itself is no bigger than the file)."""
    cells = count_occurrences(b"c", data, MAX_RECORDS)
    cost.add_records(cells)
    cost.add_merged(count_occurrences(b"mergeCell", data, MAX_MERGED))
    longest = max(lengths, default=0)
    measured = _excel_cells(data, cells, lengths, longest)
    if measured is None:  # written unlike Excel: cell by cell, as calamine reads it
        if cells > SLOW_CELLS:
            raise MentorplanError("import.workbook_structure")
        measured = _any_cells(data, lengths, longest)
    rows, columns, text = measured
    cost.add_text(text)
    if rows and columns:
        cost.sheet(name, rows, columns)


def _excel_cells(data: bytes, cells: int, lengths: array, longest: int) -> tuple[int, int, int] | None:
    """(last row, last column, shared text) when every cell of the sheet is written as Excel
    writes it (a reference first): then the cells are read in bulk. None when one is not."""
    rows, text, found = 0, 0, 0
    letters: set[bytes] = set()
    start, size = 0, len(data)
    while start < size:
        end = start + _CHUNK
        if end < size:  # cut before a cell, never inside one
            following = _CELL_START.search(data, end)
            end = following.start() if following else size
        else:
            end = size
        matches = _EXCEL_CELL.findall(data, start, end)
        found += len(matches)
        filled = [match for match in matches if not match[3]]  # an empty tag makes no cell
        if any(b' r="' in match[2] for match in filled):
            return None  # r twice: left to the careful reading
        rows = max(rows, max(map(int, {match[1] for match in filled}), default=0))
        letters.update(match[0] for match in filled)
        for value in [match[4] for match in filled if b' t="s"' in match[2]]:
            index = int(value) if value else -1
            text += lengths[index] if 0 <= index < len(lengths) else longest
        start = end
    if found != cells:
        return None
    columns = max((_column_number(c) for c in letters), default=0)
    return rows, columns, text


def _any_cells(data: bytes, lengths: array, longest: int) -> tuple[int, int, int]:
    """(last row, last column, shared text) read as calamine reads a sheet: a row's r sets the
    row (else it follows the last), </row> moves to the next; a cell's r sets its place (else it
    follows the last cell of the row); a cell makes a value when it has a <v> with something in
    it, or an <is>. An empty tag counts as opened and closed at once."""
    row = column = rows = columns = text = 0
    cell: list | None = None  # [row, column, shared?, has a value]
    for closing, element, attributes, empty, _, end in _SHEET_TOKENS(data):
        if element == b"row":
            if not closing:
                reference = _attribute(attributes, b"r")
                found = _ROW_REFERENCE.fullmatch(reference) if reference is not None else None
                if found is not None:
                    row = max(int(found.group(1)) - 1, 0)
            if closing or empty:
                row, column = row + 1, 0
        elif element == b"c":
            if not closing:
                reference = _attribute(attributes, b"r")
                place = _REFERENCE.fullmatch(reference) if reference is not None else None
                if place is not None:
                    cell = [max(int(place.group(2)) - 1, 0), _column_number(place.group(1)) - 1,
                            _attribute(attributes, b"t") == b"s", False]
                else:
                    cell = [row, column, _attribute(attributes, b"t") == b"s", False]
            if cell is not None and (closing or empty):
                if cell[3]:
                    rows, columns = max(rows, cell[0] + 1), max(columns, cell[1] + 1)
                column, cell = cell[1] + 1, None
        elif cell is not None and not closing and not empty:
            if element == b"is":
                cell[3] = True
            else:  # <v>: its text up to the next tag, or a CDATA section
                after = data.find(b"<", end)
                value = data[end:after if after >= 0 else len(data)]
                if value or data.startswith(b"<![CDATA[", after):
                    cell[3] = True
                    if cell[2]:
                        index = int(value) if value.isdigit() else -1
                        text += lengths[index] if 0 <= index < len(lengths) else longest
    return rows, columns, text
