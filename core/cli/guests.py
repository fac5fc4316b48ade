"""`python -m core guests --cohort autumn-2026 --event kickoff [--out FILE]`: who is invited to one
event of a cohort, from the stored register, as CSV with the columns email,name,role,cohort,reason
(role mentor or mentee, cohort the one the person is invited as part of, reason in --lang).

A guest without a usable e-mail address is left out of the CSV and named on stderr, and the exit
code is 1; otherwise 0. A bad argument is one line on stderr and exit code 2."""

from __future__ import annotations

import argparse
import sys

from core import services
from core.calendar.programme import Cohort
from core.cli.common import choice, write_csv
from core.messages.guests import guest_frame, invitees, role_word
from core.platform.i18n import t

EXIT_SOME_MISSING = 1


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    parser = subparsers.add_parser(
        "guests", parents=[common],
        help="an event's guest list as CSV: email,name,role,cohort,reason")
    parser.add_argument("--cohort", required=True, help="the cohort, e.g. autumn-2026")
    parser.add_argument("--event", required=True, help="the event, e.g. kickoff, training_mentors, closing")
    parser.add_argument("--out", help="file to write; stdout when left out")
    return "guests"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    rulebook = services.rulebook()
    cohort = Cohort.parse(args.cohort, rulebook)
    event_id = choice(args.event, [e.id for e in rulebook.track(cohort.track).events], "--event", lang)
    store = services.open_store()
    programme = services.programme(store)
    guests = invitees(store, programme, programme.occurrence(cohort, event_id))  # as kept or chosen
    write_csv(guest_frame(guests, lang), args.out, lang)
    missing = [g for g in guests if not g.has_address]
    for guest in missing:
        print(t("messages.cli.missing", lang, name=guest.name, role=role_word(guest.role, lang),
                cohort=guest.cohort_id), file=sys.stderr)
    return EXIT_SOME_MISSING if missing else 0
