"""`python -m core erase --email ADDRESS [--yes]`: delete a person everywhere, as the register's
"Delete everywhere" does: the person, every participation and everything that hangs on them, in
one transaction; their partners in accepted pairs become applied again; every address they had
is remembered as a digest, so that an older backup restored later leaves them out; the automatic
backups on disk are rewritten without them (copies kept elsewhere still hold them). What would be
deleted is shown and the question asked on the terminal (y/n); --yes answers it for a script, and
without a terminal and without --yes the command stops (exit code 2). An unknown address is one
line on stderr and exit code 2. Exit code 0 when deleted, 1 when the answer was no."""

from __future__ import annotations

import argparse

from core import services
from core.cli.common import EXIT_DECLINED, confirm, fail
from core.people.cleaning import clean_email
from core.people.register import delete_consequences, delete_person
from core.platform import backup
from core.platform.i18n import t

# What the summary counts, by table: participations, pairs, messages, three-party bookings.
COUNTED = ("participations", "match_pairs", "message_log", "three_party_bookings")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    parser = subparsers.add_parser("erase", parents=[common],
                                   help="delete a person everywhere (shows what goes, then asks)")
    parser.add_argument("--email", required=True, help="the person's e-mail address")
    parser.add_argument("--yes", action="store_true", help="do not ask: delete")
    return "erase"


def _counts(rows: dict[str, int], lang: str) -> str:
    return t("erase.counts", lang, **{table: rows.get(table, 0) for table in COUNTED},
             total=sum(rows.values()))


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    email = clean_email(args.email)
    store = services.open_store()
    person = store.known([email]).get(email)
    if person is None:
        fail(t("erase.unknown_address", lang, email=args.email.strip()), lang)
    held = {table: len(rows) for table, rows in store.person_data(person["id"]).items()}
    print(t("erase.would_delete", lang, name=person["name"], email=email, counts=_counts(held, lang)))
    for line in delete_consequences(store, person["id"], lang):
        print(line)
    print(t("erase.backups", lang, folder=backup.backup_dir()))
    if not confirm(t("erase.question", lang, name=person["name"]), args.yes, lang):
        print(t("erase.declined", lang))
        return EXIT_DECLINED
    deleted = delete_person(store, person["id"], email)
    print(t("erase.deleted", lang, name=person["name"], counts=_counts(deleted, lang)))
    return 0
