"""`python -m core import FILE [--role mentor|mentee] [--cohort autumn-2026] [--map "HEADER=field"]…
[--dry-run]`: check a sign-up file, print which field each column fills (and every column that is
not used), every complaint, store the valid rows (not with --dry-run), and end with the line
`N valid, M invalid`. Exit code 0 when no row is invalid, 1 when some are, 2 when the file
cannot be read or the command is wrong. A file that is not a readable spreadsheet (empty, 0 bytes;
an image, an archive, a program; a password-protected or damaged workbook; no header row) cannot
be read; a sheet with a header and no rows under it is read: the report says it holds no
participants, and ends `0 valid, 0 invalid`, exit 0.

Without --cohort, a row's cohort comes from the sheet's cohort column, else it is the next cohort
to start after today (the first kick-off after today). Without --role, roles come from the sheet
names (Mentorer/Adepter, Mentors/Mentees; a CSV file's name counts as its sheet's, as in Excel)
or a role column; with --role, sheets named for the other role are left out.

Columns are recognised as on the import page (core.people.recognising), with the choices the
coordinator made there for a file with the same headers; `--map "Max mentees=capacity"`
(repeatable) chooses a column's field here, and wins over both."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from core import services
from core.calendar.programme import Cohort
from core.cli.common import choice, fail
from core.people.columns import ROLES, TARGETS, header_key
from core.people.reading import MAX_BYTES, Sheet, Upload, read_upload, sheets_for_role
from core.people.register import check, column_fates, commit, mapped_sheets
from core.people.validation import MappedSheet
from core.platform import clock
from core.platform.i18n import MentorplanError, format_date, t


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    parser = subparsers.add_parser(
        "import", parents=[common],
        help="check a sign-up file (.xlsx, .xls, .ods, .csv) and store its valid rows in the register")
    parser.add_argument("file", help="the sign-up file")
    parser.add_argument("--role", help="mentor | mentee: the role of every row (else from sheet names "
                                       "or a role column)")
    parser.add_argument("--cohort", help="for example autumn-2026 (else from a cohort column, else the "
                                         "next cohort to start)")
    parser.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                        help="the field a column fills, e.g. \"Max mentees=capacity\" (repeatable; "
                             "fields: " + ", ".join(TARGETS) + ")")
    parser.add_argument("--dry-run", action="store_true", help="check only; store nothing")
    return "import"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    role = choice(args.role, ROLES, "--role", lang) if args.role is not None else None
    cohort = Cohort.parse(args.cohort, services.rulebook()).id if args.cohort else None
    path = Path(args.file)
    if not path.is_file():
        fail(t("import.file_not_found", lang, path=args.file), lang)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # refused before it is read into memory
            raise MentorplanError("import.too_large", size=f"{size / 1024 / 1024:.0f}",
                                  limit=MAX_BYTES // 1024 // 1024)
        data = path.read_bytes()
    except OSError as exc:
        fail(t("import.cannot_read", lang, path=args.file, detail=exc.strerror or exc), lang)
    store = services.open_store()
    upload = read_upload(data, path.name, store.remembered_headers())
    sheets, left_out = sheets_for_role(upload, role)
    if left_out:
        print(t("import.other_role_sheets", lang, sheets=", ".join(f"'{s.name}'" for s in left_out), role=role))
    if not sheets:
        raise MentorplanError("import.no_sheet_for_role", role=role)
    mapped = mapped_sheets(store, sheets, role, chosen=_map_options(args.map, sheets, lang))
    empty = not any(s.rows for s in sheets)  # read, and no one in it: a report, not an error
    for sheet in mapped:
        if not empty and sheet.role is None and sheet.sheet.role is None and "role" not in sheet.mapping:
            raise MentorplanError("import.no_role", sheet=sheet.sheet.name)
    today = clock.today()
    default = services.programme(store).first_start_after(today).id
    report = check(store, mapped, default, cohort)

    _describe(mapped, upload, path, lang)
    if cohort:
        print(t("import.cohort_given", lang, cohort=cohort))
    elif any("cohort" in m.mapping for m in mapped):
        print(t("import.cohort_column", lang, cohort=default, today=format_date(today, lang)))
    else:
        print(t("import.cohort_default", lang, cohort=default, today=format_date(today, lang)))
    several = len(mapped) > 1
    for issue in report.issues:
        line = issue.shown(lang)
        if several and issue.sheet:
            line = t("import.sheet_prefix", lang, sheet=issue.sheet, text=line)
        if issue.severity in ("warning", "note"):
            line = t("import.warning_prefix", lang, text=line)
        print(line)
    if empty:
        print(t("import.no_rows", lang))
    if args.dry_run:
        print(t("import.dry_run", lang))
    elif report.valid:
        counts = commit(store, report.valid)
        print(t("import.stored", lang, **counts))
    else:
        print(t("import.nothing_stored", lang))
    print(report.summary())
    return 1 if report.invalid else 0


def _map_options(options: list[str], sheets: Sequence[Sheet], lang: str) -> dict[str, str]:
    """--map "HEADER=field" options as {header key: field}; a wrong one ends the command (exit 2)."""
    headers = {header_key(h): h for sheet in sheets for h in sheet.headers if header_key(h)}
    chosen = {}
    for option in options:
        header, sep, field = option.rpartition("=")
        if not sep or not header.strip() or not field.strip():
            fail(t("import.map_syntax", lang, value=option), lang)
        if field.strip() not in TARGETS:
            fail(t("import.map_field", lang, value=option, field=field.strip(), fields=", ".join(TARGETS)), lang)
        if header_key(header) not in headers:
            fail(t("import.map_header", lang, value=option, header=header.strip(),
                   headers=", ".join(f"'{h}'" for h in headers.values())), lang)
        chosen[header_key(header)] = field.strip()
    return chosen


def _describe(mapped: Sequence[MappedSheet], upload: Upload, path: Path, lang: str) -> None:
    described = ", ".join(t("participants.sheet_read", lang, sheet=m.sheet.name, header_row=m.sheet.header_row,
                            rows=len(m.sheet.rows), role=_role(m, lang)) for m in mapped)
    print(t("participants.file_read", lang, file=path.name, sheets=described))
    for name in upload.skipped:
        print(t("participants.sheet_skipped", lang, sheet=name))
    for sheet in mapped:
        print(t("import.columns_title", lang, sheet=sheet.sheet.name))
        for line in column_fates(sheet, lang):
            print(line)


def _role(mapped: MappedSheet, lang: str) -> str:
    role = mapped.role or mapped.sheet.role
    return t(f"participants.role.{role}s", lang) if role else t("participants.role_unknown", lang)
