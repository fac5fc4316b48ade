"""`python -m core todo [--date 2026-09-08]`: what to do, as the home page lists it, one plain line
each, the most pressing first — for a scheduled morning e-mail. Prints one line saying there is
nothing to do when there is nothing; exit code 0 either way."""

from __future__ import annotations

import argparse
import datetime as dt

from core import services
from core.calendar.programme import check_year
from core.cli.common import fail
from core.followup.todo import todo_list
from core.platform import clock
from core.platform.i18n import format_date, t


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    parser = subparsers.add_parser(
        "todo", parents=[common],
        help="what to do next (as on the home page), one line each")
    parser.add_argument("--date", help="the day to look from, YYYY-MM-DD (default: today)")
    return "todo"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    day = clock.today()
    if args.date is not None:
        try:
            day = dt.date.fromisoformat(args.date.strip())
        except ValueError:
            fail(t("error.bad_date", lang, value=args.date), lang)
    check_year(day.year)
    store = services.open_store()
    todos = todo_list(store, services.programme(store), day)
    if not todos:
        print(t("todo.cli_nothing", lang, day=format_date(day, lang)))
    for todo in todos:
        print(todo.line(lang))
    return 0
