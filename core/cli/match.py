"""`python -m core match --cohort autumn-2026 [--objective total|fairest] [--format csv|xlsx|pdf]
[--paper a4|a3] [--out FILE] [--accept]`: match a cohort of the stored register with its saved
weights and pins.

With --format pdf the pair list is a landscape document to print (names, organisations, e-mail,
phone, score, reasons; the unmatched and why). CSV (the default) has the columns mentor_email,
mentee_email, score (0–1, three decimals) and reasons (in --lang), one row per pair; the last
line on stdout is `N pairs, M unmatched`. Each unmatched person is one line on stderr with the
reason; that is no error (exit code 0). An empty or unknown cohort is (exit code 2). Without
--accept nothing is stored; with it the run is saved and accepted as the cohort's pairs, its
unmatched mentees put on the next start's waiting list, in one transaction — as the page's
accept button does."""

from __future__ import annotations

import argparse
import sys

from core import services
from core.calendar.programme import Cohort
from core.calendar.schedule import cohort_label
from core.cli.common import choice, write_csv, write_output
from core.documents import PAPERS
from core.matching import runs as matching
from core.matching.assignment import OBJECTIVES
from core.matching.report import command_line_frame, describe, pair_list_xlsx
from core.platform import clock
from core.platform.i18n import t

FORMATS = ("csv", "xlsx", "pdf")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    parser = subparsers.add_parser(
        "match", parents=[common],
        help="match a cohort's mentees to its mentors; the pairs as CSV (or .xlsx)")
    parser.add_argument("--cohort", required=True, help="the cohort, e.g. autumn-2026")
    parser.add_argument("--objective", help="total | fairest (default: the cohort's saved choice)")
    parser.add_argument("--format", default="csv", help="csv | xlsx | pdf")
    parser.add_argument("--paper", default="a4", help="a4 | a3 (landscape; for pdf)")
    parser.add_argument("--out", help="file to write; stdout when left out")
    parser.add_argument("--accept", action="store_true",
                        help="save the run as the cohort's accepted pairs")
    return "match"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    cohort = Cohort.parse(args.cohort, services.rulebook())
    fmt = choice(args.format, FORMATS, "--format", lang)
    paper = choice(args.paper, PAPERS, "--paper", lang)
    store = services.open_store()
    problem = matching.problem_from_store(store, cohort.id)
    objective = choice(args.objective, OBJECTIVES, "--objective", lang) if args.objective else None
    result = matching.run(problem, objective)
    if args.accept:
        waiting = [int(p) for p in result.unmatched_mentees["person_id"]]
        next_cohort = services.programme(store).next_start(cohort)
        result.id = store.save_run(result, accept=True, waiting=waiting, next_cohort_id=next_cohort.id)
        result.accepted = True
    for notice in result.notices:
        print(t("matching.cli.notice", lang, text=describe(notice, lang)), file=sys.stderr)
    for person in result.unmatched.itertuples(index=False):
        print(t("matching.cli.unmatched", lang, name=person.name, email=person.email,
                role=t(f"matching.words.{person.role}", lang), reason=describe(person.reason, lang)),
              file=sys.stderr)
    summary = f"{result.pair_count} pairs, {len(result.unmatched)} unmatched\n"
    if fmt == "csv":
        write_csv(command_line_frame(result, lang), args.out, lang, trailer=summary)  # the summary last
    elif fmt == "pdf":
        from core.documents.tables import pair_list_pdf  # fpdf2 and matplotlib, loaded only to print

        write_output(pair_list_pdf(result, cohort, lang, clock.today(), paper), args.out, lang, binary=True)
    else:
        write_output(pair_list_xlsx(result, cohort_label(cohort, lang), lang), args.out,
                     lang, binary=True)
    if args.out:
        sys.stdout.write(summary)
    else:  # the workbook or document is on stdout: the summary must not spoil it
        sys.stderr.write(summary)
    if args.accept:
        print(t("matching.cli.accepted", lang, run=result.id, waiting=len(result.unmatched_mentees),
                next=next_cohort.id), file=sys.stderr)
    return 0
