"""Mentorplan's command line, for scripts and scheduled jobs: `python -m core COMMAND …`.

Each command is a module here with `add_parser(subparsers, common)` and `run(args) -> int`.
A problem the user can fix ends the program with exit code 2 (1 where a command says so) and one
line on stderr in the user's language (--lang, else MENTORPLAN_LANG, else Swedish); nothing is
stored. The store is the one MENTORPLAN_DATABASE_URL names, as for the app."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from core.cli import backup, erase, guests, imports, match, messages, password, restore, schedule, timeline, todo
from core.cli.common import EXIT_USAGE, Parser, choice, fail, language, secrets_backup_key
from core.platform import backup as backup_file
from core.platform.i18n import LANGUAGES, MentorplanError

COMMANDS = (schedule, match, timeline, imports, password, guests, messages, todo, backup, restore, erase)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language(argv)
    Parser.lang = lang
    parser = Parser(prog="python -m core", description="Mentorplan")
    common = Parser(add_help=False)
    common.add_argument("--lang", default=lang, help="sv | en")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    runners = {}
    for command in COMMANDS:
        name = command.add_parser(subparsers, common)
        runners[name] = command.run
    args = parser.parse_args(argv)
    args.lang = choice(args.lang, LANGUAGES, "--lang", lang)
    backup_file.use_key_source(secrets_backup_key)  # the app's backup key, read when a backup needs it
    try:
        return runners[args.command](args)
    except MentorplanError as error:
        fail(error.shown(args.lang), args.lang)
    except BrokenPipeError:  # the reader (`| head`) stopped listening: finish quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return EXIT_USAGE  # not reached: fail() exits
