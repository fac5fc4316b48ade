"""How fast a sign-up file is read, mapped and validated: a 10,000-row workbook (the most one
file may hold) made in a temporary folder, timed through Mentorplan's import (calamine) and,
for comparison, through openpyxl alone reading the same cells.

    python scripts/bench_import.py [--rows 10000] [--repeat 3]

Prints the best of the repeats; the target is under 2 seconds for read + map + validate."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl  # noqa: E402

from core.people.examples import MENTOR_HEADERS, example_sheets  # noqa: E402
from core.people.reading import read_upload  # noqa: E402
from core.people.recognising import suggest_mapping  # noqa: E402
from core.people.validation import MappedSheet, validate  # noqa: E402


def make_workbook(path: Path, rows: int) -> None:
    """Realistic rows (the example mentors, repeated with addresses made unique), written the
    way Excel keeps them; a few rows carry mistakes, as real files do."""
    template = example_sheets(2026)[0].rows["mentor"]
    email = MENTOR_HEADERS.index("E-post")
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Mentorer")
    sheet.append(list(MENTOR_HEADERS))
    for n in range(rows):
        row = list(template[n % len(template)])
        local, domain = row[email].split("@")
        row[email] = f"{local}.{n}@{domain}" if n % 500 else f"{local}.{n}@"
        sheet.append(row)
    book.save(path)


def import_path(data: bytes) -> tuple[int, int]:
    upload = read_upload(data, "mentorer.xlsx")
    sheets = [MappedSheet(s, suggest_mapping(s.headers, s.columns())) for s in upload.sheets]
    report = validate(sheets, "autumn-2026")
    return len(report.valid), len(report.invalid)


def openpyxl_only(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = sum(len(row) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
    book.close()
    return cells


def best(repeat: int, work) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mentorer.xlsx"
        make_workbook(path, args.rows)
        data = path.read_bytes()
        ours, (valid, invalid) = best(args.repeat, lambda: import_path(path.read_bytes()))
        theirs, cells = best(args.repeat, lambda: openpyxl_only(path))
    print(f"workbook: {args.rows:,} rows × {len(MENTOR_HEADERS)} columns, {len(data) / 1024 / 1024:.1f} MB")
    print(f"read + map + validate (calamine): {ours:.2f} s  ({valid:,} valid, {invalid:,} invalid)"
          f"  {'within' if ours < 2 else 'OVER'} the 2 s target")
    print(f"read only (openpyxl, read-only mode): {theirs:.2f} s  ({cells:,} cells)")
    print(f"ratio openpyxl read / Mentorplan import: {theirs / ours:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
