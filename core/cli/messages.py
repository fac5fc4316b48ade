"""`python -m core messages --cohort autumn-2026 --kind decisions|invitation|call [--event kickoff]
[--lang sv|en] --out FILE.zip [--from SENDER] [--unsent] [--place P] [--time T] [--signup TEXT]`:
the messages of one step as a .zip of .eml drafts, one per person, from the stored register and
templates.

decisions: every mentor and mentee of the cohort's accepted matching, and a "not matched this
time" to everyone else taking part. invitation: every guest of --event, with the event's .ics
attached; the time and place are those saved on the page, or --time and --place. call: the call
for mentors before the mingle that recruits for the cohort: a draft for the organisation's own
channel (set on the messages page) in Swedish and in English, and one to each former participant
in no running or coming cohort, in their language; the mingle's time and place as saved (or
--time, --place), the sign-up instructions as saved (or --signup).
Without --from the sender set on the messages page is the From, and the organiser of each
letter's calendar request (none set: no From, and an invitation carries a plain .ics).
--unsent leaves out the people the send log says were sent this message already. The messages
written are logged as prepared (channel eml), as a download from the page is.

Exit code 0 when everyone got a message; 1 when some did not (no usable e-mail address, or a
value their message needs is missing): the others are written and the missing are named on
stderr. A bad argument, an unknown placeholder in a template or a missing time or place is one
line on stderr and exit code 2, and nothing is written."""

from __future__ import annotations

import argparse
import dataclasses
import sys

from core import services
from core.calendar.programme import Cohort
from core.cli.common import choice, fail, write_output
from core.messages.delivery import default_sender, eml_zip, log_prepared, plan, sender_header
from core.messages.letters import call_messages, call_mingle, decision_messages, invitation_messages
from core.messages.templates import EventDetails
from core.platform.i18n import t

KINDS = ("decisions", "invitation", "call")
EXIT_SOME_MISSING = 1


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    parser = subparsers.add_parser(
        "messages", parents=[common],
        help="the decisions, an event's invitations or the call for mentors as a .zip of .eml drafts")
    parser.add_argument("--cohort", required=True, help="the cohort, e.g. autumn-2026")
    parser.add_argument("--kind", required=True, help="decisions | invitation | call")
    parser.add_argument("--event", help="for an invitation: the event, e.g. kickoff")
    parser.add_argument("--out", required=True, help="the .zip file to write")
    parser.add_argument("--from", dest="sender", default="",
                        help='the sender, e.g. "Mentorskapsprogrammet <mentor@example.se>"')
    parser.add_argument("--unsent", action="store_true", help="only people not yet sent this message")
    parser.add_argument("--place", help="an invitation's place (instead of the one saved)")
    parser.add_argument("--time", help="an invitation's time, e.g. 13.00-16.30 (instead of the one saved)")
    parser.add_argument("--signup", help="the call's sign-up instructions (instead of the ones saved)")
    return "messages"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    rulebook = services.rulebook()
    cohort = Cohort.parse(args.cohort, rulebook)
    kind = choice(args.kind, KINDS, "--kind", lang)
    if not args.out.lower().endswith(".zip"):
        fail(t("messages.cli.zip_needed", lang), lang)
    if args.sender:
        sender_header(args.sender)
    store = services.open_store()
    programme = services.programme(store)
    sender = args.sender or default_sender(store)
    if kind == "call":
        if args.event:
            fail(t("messages.cli.event_not_for_call", lang), lang)
        mingle = call_mingle(programme, cohort)
        saved = store.event_details(*mingle.key)  # a shared mingle's details are kept once
        details = EventDetails(place=saved.place if args.place is None else args.place,
                               time=saved.time if args.time is None else args.time, note=saved.note)
        batch = call_messages(store, programme, cohort, store.message_settings()["call_channel"], details=details,
                              signup=args.signup, lang=lang)
    elif kind == "decisions":
        if args.event:
            fail(t("messages.cli.event_not_for_decisions", lang), lang)
        batch = decision_messages(store, programme, cohort, lang)
    else:
        if not args.event:
            fail(t("messages.cli.event_needed", lang), lang)
        event_id = choice(args.event, [e.id for e in rulebook.track(cohort.track).events], "--event", lang)
        saved = store.event_details(*programme.occurrence(cohort, event_id).key)  # a shared one's once
        details = EventDetails(place=saved.place if args.place is None else args.place,
                               time=saved.time if args.time is None else args.time, note=saved.note)
        batch = invitation_messages(store, programme, cohort, event_id, lang, details=details)
    if args.unsent:
        batch = dataclasses.replace(batch, messages=plan(store, batch).to_send)
    write_output(eml_zip(batch, sender), args.out, lang, binary=True)
    log_prepared(store, batch, "eml")
    print(t("messages.cli.written", lang, count=len(batch.messages), path=args.out))
    for problem in batch.problems:
        print(t("messages.cli.problem", lang, text=problem.shown(lang)), file=sys.stderr)
    return EXIT_SOME_MISSING if batch.problems else 0
