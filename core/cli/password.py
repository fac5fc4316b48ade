"""`python -m core hash-password`: make the line for .streamlit/secrets.toml that lets a server's
coordinator log in with a password. The password is read without echo (or from stdin, one line,
when piped) and only its scrypt hash is printed."""

from __future__ import annotations

import argparse
import getpass
import sys

from core.cli.common import fail
from core.platform.auth import hash_password
from core.platform.i18n import t


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> str:
    subparsers.add_parser("hash-password", parents=[common],
                          help="print a password hash for .streamlit/secrets.toml ([mentorplan] password_hash)")
    return "hash-password"


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    if sys.stdin.isatty():
        password = getpass.getpass(t("auth.password", lang) + ": ")
        if getpass.getpass(t("auth.password", lang) + " (2): ") != password:
            fail(t("auth.passwords_differ", lang), lang)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    line = f'password_hash = "{hash_password(password)}"'
    print("[mentorplan]")
    print(line)
    return 0
