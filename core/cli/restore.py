"""`python -m core restore FILE.zip [--yes]`: replace all data with a backup's, as the Backups page
does. The file is checked first (a wrong, damaged or altered file, or one signed with another key,
is refused: one line on stderr, exit code 2, nothing changed). Then what would change is shown —
rows per table now and in the backup, and how many people deleted everywhere after the backup was
made are left out again — and the question asked on the terminal (y/n); --yes answers it for a
script, and without a terminal and without --yes the command stops (exit code 2). A backup made
before backups were signed cannot be verified: it is restored only once confirmed (the question,
or --yes), and says so. Exit code 0 when restored, 1 when the answer was no."""

from __future__ import annotations

import argparse
from pathlib import Path

from core import services
from core.cli.common import EXIT_DECLINED, confirm, fail
from core.platform import backup
from core.platform.i18n import format_date, t


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    parser = subparsers.add_parser("restore", parents=[common],
                                   help="replace all data with a backup's (shows what changes, then asks)")
    parser.add_argument("file", help="the backup .zip")
    parser.add_argument("--yes", action="store_true",
                        help="do not ask: restore (also a backup that cannot be verified)")
    return "restore"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        fail(t("backup.cli.cannot_read", lang, path=args.file, detail=error.strerror or error), lang)
    if len(data) > backup.MAX_BACKUP_BYTES:
        fail(t("backup.too_large", lang, mb=backup.MAX_BACKUP_BYTES // (1024 * 1024)), lang)
    store = services.open_store()
    preview = store.restore_preview(data, unverified_ok=True)
    made = (f"{format_date(preview.created_at.date(), lang)} {preview.created_at:%H:%M}"
            if preview.created_at else "?")
    print(t("backup.cli.preview", lang, path=args.file, created=made))
    for name in sorted(set(preview.now) | set(preview.backup), key=lambda n: t(f"table.{n}", lang)):
        now, then = preview.now.get(name, 0), preview.backup.get(name, 0)
        if now or then:
            print(t("backup.cli.table_line", lang, table=t(f"table.{name}", lang), now=now, backup=then))
    if preview.erased_again:
        print(t("backup.will_erase_again", lang, count=preview.erased_again))
    if not preview.verified:
        print(t("backup.unverified_warning", lang))
    if not confirm(t("backup.cli.question", lang), args.yes, lang):
        print(t("backup.cli.declined", lang))
        return EXIT_DECLINED
    restored = store.restore(data, unverified_ok=not preview.verified)
    print(t("backup.restored", lang, rows=sum(restored.rows.values()), tables=len(restored.rows)))
    if restored.erased_again:
        print(t("backup.erased_again", lang, count=restored.erased_again))
    return 0
