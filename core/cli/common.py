"""What every command shares: the language of messages, one-line errors, and output."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from core.platform.i18n import DEFAULT_LANGUAGE, LANGUAGES, MentorplanError, t
from core.platform.paths import ROOT

if TYPE_CHECKING:
    import pandas as pd

EXIT_USAGE = 2


def language(argv: Sequence[str]) -> str:
    """The language for messages, read before parsing so that parse errors use it too."""
    for index, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else (
            argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None)
        if value in LANGUAGES:
            return value
    env = os.environ.get("MENTORPLAN_LANG", "")
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr in the user's language."""

    lang = DEFAULT_LANGUAGE

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)  # --yea is a typo, not --year
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        fail(t("error.bad_arguments", self.lang, detail=argparse_words(message, self.lang)), self.lang)


# argparse's own phrases (it speaks English only), in the user's language.
_ARGPARSE_PHRASES = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "error.args_required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "error.args_unrecognized"),
    (re.compile(r"argument (?P<names>\S+): expected one argument"), "error.args_expected_one"),
    (re.compile(r"argument (?P<names>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<allowed>.+)\)"),
     "error.args_invalid_choice"),
)


def argparse_words(message: str, lang: str) -> str:
    for pattern, key in _ARGPARSE_PHRASES:
        match = pattern.fullmatch(message.strip())
        if match:
            return t(key, lang, **match.groupdict())
    return message


def fail(message: str, lang: str, code: int = EXIT_USAGE) -> NoReturn:
    print(f"mentorplan: {t('error.prefix', lang).lower()}: {message}", file=sys.stderr)
    raise SystemExit(code)


def choice(value: str, allowed: Sequence[str], option: str, lang: str) -> str:
    if value not in allowed:
        fail(t("error.bad_choice", lang, option=option, value=value, allowed=", ".join(allowed)), lang)
    return value


def write_output(data: bytes, out: str | None, lang: str, binary: bool = False) -> None:
    """Write to --out, or to stdout; a binary file is not sent to a terminal."""
    if out:
        try:
            Path(out).write_bytes(data)
        except OSError as exc:
            fail(t("error.cannot_write", lang, path=out, detail=exc.strerror or exc), lang)
        return
    if binary and sys.stdout.isatty():
        fail(t("error.binary_to_terminal", lang), lang)
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def write_csv(table: pd.DataFrame | tuple[Sequence[str], Sequence[Sequence[object]]], out: str | None, lang: str,
              trailer: str = "") -> None:
    """A table as CSV: to --out with a byte-order mark (for Excel), or to stdout without one (for
    scripts), followed there by `trailer` (a summary line). The table is a frame, or columns and
    plain rows (a command that makes no frame starts without pandas)."""
    from core.platform.files import script_csv, to_script_csv

    data = script_csv(*table) if isinstance(table, tuple) else to_script_csv(table)
    if not out:
        data = data.removeprefix("\ufeff".encode("utf-8")) + trailer.encode("utf-8")
    write_output(data, out, lang)


EXIT_DECLINED = 1
_YES = {"sv": ("j", "ja", "y", "yes"), "en": ("y", "yes")}


def confirm(question: str, yes: bool, lang: str) -> bool:
    """Whether to go on with a change that cannot be undone: --yes says so; else the question is
    asked on the terminal (y/n). Without a terminal to ask on, and without --yes, the command
    stops and says to add --yes: a script must say it means it."""
    if yes:
        return True
    if not (sys.stdin and sys.stdin.isatty()):
        fail(t("error.needs_yes", lang), lang)
    try:
        answer = input(f"{question} [{t('error.yes_no', lang)}] ")
    except (EOFError, KeyboardInterrupt):
        print()
        return False
    return answer.strip().lower() in _YES[lang]


# Where Streamlit reads the app's secrets: the user's, then the project's (which wins).
SECRETS_FILES = (Path.home() / ".streamlit" / "secrets.toml", ROOT / ".streamlit" / "secrets.toml")


def secrets_backup_key() -> str | None:
    """`[mentorplan] backup_key` from the secrets files the app reads, for the commands to sign
    and check backups with the app's key (core.platform.backup asks for it when it needs it)."""
    key = None
    for path in SECRETS_FILES:
        try:
            with path.open("rb") as handle:
                secrets = tomllib.load(handle)
        except FileNotFoundError:
            continue
        except (OSError, tomllib.TOMLDecodeError):
            raise MentorplanError("backup.bad_secrets", path=path) from None
        own = secrets.get("mentorplan")
        if isinstance(own, dict) and isinstance(own.get("backup_key"), str):
            key = own["backup_key"]
    return key
