"""`python -m core timeline [--from DATE] [--to DATE] --out FILE [--paper a4|a3]`: both tracks'
timeline as a picture to print or show, its kind by the file's extension (.pdf, .png or .svg),
on landscape A4 (or A3), titled and dated. The span is by default the twelve months around today,
as on the Timeline page."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from dateutil.relativedelta import relativedelta

from core import services
from core.calendar.programme import FIRST_YEAR, LAST_YEAR
from core.cli.common import choice, fail, write_output
from core.documents import PAPERS, PICTURE_FORMATS
from core.platform import clock
from core.platform.i18n import t

LONGEST = relativedelta(years=3)  # a longer span would print too small to read


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    parser = subparsers.add_parser(
        "timeline", parents=[common],
        help="both tracks' timeline as .pdf, .png or .svg (by the file's extension)")
    parser.add_argument("--from", dest="first", help="first day, YYYY-MM-DD (default: six months before today)")
    parser.add_argument("--to", dest="last", help="last day, YYYY-MM-DD (default: six months after today)")
    parser.add_argument("--out", required=True, help="the file to write: .pdf, .png or .svg")
    parser.add_argument("--paper", default="a4", help="a4 | a3 (landscape)")
    return "timeline"


def _day(value: str, option: str, lang: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        fail(t("document.bad_date", lang, option=option, value=value), lang)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        fail(t("document.date_outside", lang, option=option, value=value, first=FIRST_YEAR, last=LAST_YEAR), lang)
    return day


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    today = clock.today()
    first = _day(args.first, "--from", lang) if args.first else today - relativedelta(months=6)
    last = _day(args.last, "--to", lang) if args.last else today + relativedelta(months=6)
    if last < first:
        fail(t("document.span_backwards", lang, first=first.isoformat(), last=last.isoformat()), lang)
    if last > first + LONGEST:
        fail(t("document.span_too_long", lang, first=first.isoformat(), last=last.isoformat()), lang)
    fmt = Path(args.out).suffix.lower().lstrip(".")
    if fmt not in PICTURE_FORMATS:
        fail(t("document.bad_extension", lang, path=args.out, allowed=", ".join(f".{f}" for f in PICTURE_FORMATS)),
             lang)
    paper = choice(args.paper, PAPERS, "--paper", lang)
    occurrences = services.programme(services.open_store()).between(first, last)
    if not occurrences:
        fail(t("timeline.empty", lang), lang)
    from core.documents.pictures import timeline_picture  # matplotlib, loaded only to draw

    write_output(timeline_picture(occurrences, first, last, lang, today, today, fmt, paper), args.out, lang)
    print(t("document.written", lang, path=args.out))
    return 0
