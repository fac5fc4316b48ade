"""Write made-up sign-up files for a programme year into a folder, to try the import with:

    python scripts/make_example_data.py out/exempel [--year 2026] [--seed 2026]

- anmalningar-autumn-YEAR.xlsx and anmalningar-spring-YEAR+1.xlsx: both cohorts, sheets Mentorer
  and Adepter, as the sign-up form delivers them; they import without a complaint;
- anmalningar-autumn-YEAR-rorig.xlsx: the autumn cohort as it might really arrive, a title above
  the header and rows with mistakes to fix (docs/participants.md lists them);
- adepter-spring-YEAR+1.csv: the spring mentees as a Swedish Excel saves "CSV": semicolons,
  Windows-1252.

Everyone is fictional (addresses end in .example). The files are not committed: make them."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.calendar.programme import programme_year_of  # noqa: E402
from core.people.examples import MENTEE_HEADERS, SEED, example_sheets, example_workbook, messy_workbook  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--year", type=int, default=programme_year_of(dt.date.today()),
                        help="programme year (the autumn start's year); default: today's")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    autumn, spring = example_sheets(args.year, args.seed)
    files = {
        f"anmalningar-{autumn.cohort.id}.xlsx": example_workbook(autumn),
        f"anmalningar-{spring.cohort.id}.xlsx": example_workbook(spring),
        f"anmalningar-{autumn.cohort.id}-rorig.xlsx": messy_workbook(autumn),
        f"adepter-{spring.cohort.id}.csv": _swedish_excel_csv(MENTEE_HEADERS, spring.rows["mentee"]),
    }
    for name, data in files.items():
        (args.folder / name).write_bytes(data)
        print(args.folder / name)
    return 0


def _swedish_excel_csv(headers, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("cp1252")


if __name__ == "__main__":
    sys.exit(main())
