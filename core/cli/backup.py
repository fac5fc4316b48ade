"""`python -m core backup --out FILE.zip`: the whole store as one backup file, as the Backups page
downloads it (signed with the installation's key, core/platform/backup.py). Exit code 0; a file
that cannot be written is one line on stderr and exit code 2."""

from __future__ import annotations

import argparse

from core import services
from core.cli.common import write_output
from core.platform import backup
from core.platform.i18n import t


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    parser = subparsers.add_parser("backup", parents=[common], help="write a backup of everything as a .zip")
    parser.add_argument("--out", required=True, help="the .zip file to write")
    return "backup"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    store = services.open_store()
    data = store.backup()
    write_output(data, args.out, lang, binary=True)
    tables = backup.unpack(data)
    print(t("backup.cli.written", lang, path=args.out, rows=sum(len(table["rows"]) for table in tables.values()),
            tables=sum(1 for table in tables.values() if table["rows"])))
    return 0
