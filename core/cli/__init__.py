"""Mentorplan's command line, for scripts and scheduled jobs: `python -m core COMMAND …`.

Each command is a module here with `add_parser(subparsers, common)` and `run(args) -> int`.
A problem the user can fix ends the program with exit code 2 (1 where a command says so) and one
line on stderr in the user's language (--lang, else MENTORPLAN_LANG, else Swedish); nothing is
stored. The store is the one MENTORPLAN_DATABASE_URL names, as for the app."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from core.cli.common import EXIT_USAGE, Parser, choice, fail, language, secrets_backup_key
from core.platform import backup as backup_file
from core.platform.i18n import LANGUAGES, MentorplanError

# Each command's name and module, in the order `--help` lists them. A command's module is imported
# only when that command runs (or when the command line names none, or an unknown one, and every
# command is listed), so that `todo` does not wait for what `match` or `timeline` import.
COMMANDS = {"schedule": "schedule", "match": "match", "timeline": "timeline", "import": "imports",
            "hash-password": "password", "guests": "guests", "messages": "messages", "todo": "todo",
            "backup": "backup", "restore": "restore", "erase": "erase"}


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"core.cli.{COMMANDS[name]}")


def _named_command(argv: Sequence[str]) -> str | None:
    """The command the arguments name (the first that is no option, nor --lang's value), if known."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def loaded() -> None:
    """The command's modules are loaded. When the process began with the garbage collector held
    (core/__main__.py), what they made is frozen — it lives as long as the process, and is never
    looked over again — and collecting resumes for what the command makes. Called in-process (a
    test), with the collector running, it does nothing."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language(argv)
    Parser.lang = lang
    parser = Parser(prog="python -m core", description="Mentorplan")
    common = Parser(add_help=False)
    common.add_argument("--lang", default=lang, help="sv | en")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    runners = {}
    named = _named_command(argv)
    for command in [named] if named else list(COMMANDS):
        module = command_module(command)
        name = module.add_parser(subparsers, common)
        runners[name] = module.run
    args = parser.parse_args(argv)
    args.lang = choice(args.lang, LANGUAGES, "--lang", lang)
    backup_file.use_key_source(secrets_backup_key)  # the app's backup key, read when a backup needs it
    loaded()
    try:
        return runners[args.command](args)
    except MentorplanError as error:
        fail(error.shown(args.lang), args.lang)
    except BrokenPipeError:  # the reader (`| head`) stopped listening: finish quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return EXIT_USAGE  # not reached: fail() exits
