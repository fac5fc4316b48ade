"""What makes an e-mail address one a message can go to: the register's one rule, wherever an
address is checked — an import's cells and columns (core.people: cleaning, validation,
recognising), a check-in form's answers (core.followup.checkin), whom a letter can be written to
(core.messages.records). Kept apart, plain `re`, so that reading a stored address loads nothing of
the spreadsheet import."""

from __future__ import annotations

import re

# A dot-atom local part (RFC 5322, lowercase: addresses are stored lowercased) and a domain of
# labels, each letters, digits and inner hyphens (any script: internationalised domains as typed),
# ending in a top-level domain of letters or an IDNA xn-- label.
_EMAIL = re.compile(
    r"(?P<local>[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@(?P<domain>(?:[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59}))")


def valid_email(address: str) -> bool:
    """An address (already cleaned: trimmed, lowercased) of the form the register accepts, within
    the lengths mail servers take (254 characters, 64 before the @)."""
    match = _EMAIL.fullmatch(address)
    return match is not None and len(address) <= 254 and len(match["local"]) <= 64
