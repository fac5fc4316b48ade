"""`python -m core schedule --year 2026 [--track autumn|spring|both] [--format csv|xlsx|ics|pdf]
[--paper a4|a3] [--out FILE]`: a programme year's schedule, as CSV on stdout by default; as a
landscape PDF to print with --format pdf."""

from __future__ import annotations

import argparse

from core import services
from core.calendar.programme import check_year
from core.calendar.schedule import SCHEDULE_COLUMNS, cohort_label, display_frame, schedule_rows
from core.cli.common import choice, fail, write_csv, write_output
from core.documents import PAPERS
from core.platform import clock
from core.platform.i18n import t

TRACKS = ("autumn", "spring", "both")
FORMATS = ("csv", "xlsx", "ics", "pdf")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    parser = subparsers.add_parser(
        "schedule", parents=[common],
        help="a programme year's schedule (autumn-YEAR and spring-YEAR+1)")
    parser.add_argument("--year", required=True, help="2000–2100: the autumn start's year")
    parser.add_argument("--track", default="both", help="autumn | spring | both")
    parser.add_argument("--format", default="csv", help="csv | xlsx | ics | pdf")
    parser.add_argument("--paper", default="a4", help="a4 | a3 (landscape; for pdf)")
    parser.add_argument("--out", help="file to write; stdout when left out")
    return "schedule"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        year = int(args.year)
    except ValueError:
        fail(t("error.not_a_year", lang, value=args.year), lang)
    check_year(year)
    track = choice(args.track, TRACKS, "--track", lang)
    fmt = choice(args.format, FORMATS, "--format", lang)
    paper = choice(args.paper, PAPERS, "--paper", lang)
    programme = services.programme(services.open_store())
    tracks = ("autumn", "spring") if track == "both" else (track,)
    occurrences = programme.programme_year(year, tracks)
    if fmt == "csv":
        write_csv((SCHEDULE_COLUMNS, schedule_rows(occurrences, lang)), args.out, lang)
    elif fmt == "pdf":
        from core.documents.tables import schedule_pdf  # fpdf2 and matplotlib, loaded only to print

        write_output(schedule_pdf(occurrences, lang, clock.today(), paper), args.out, lang, binary=True)
    elif fmt == "ics":
        from core.calendar.files import schedule_to_ics  # each format's writer loaded when chosen

        write_output(schedule_to_ics(occurrences, lang), args.out, lang)
    else:
        from core.platform.files import to_xlsx

        # A workbook is for people: sheets named and titled in words ("Höststart 2027"); the CSV keeps the ids.
        cohorts = {o.cohort.id: o.cohort for o in occurrences}
        sheets = {cohort_label(c, lang): display_frame([o for o in occurrences if o.cohort.id == cid], lang)
                  for cid, c in cohorts.items()}
        title = f"{t('schedule.title', lang)} · {t('schedule.year_heading', lang, year=year)}"
        write_output(to_xlsx(sheets, title), args.out, lang, binary=True)
    return 0

