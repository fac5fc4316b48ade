"""Which field each column of a sign-up sheet fills, known by its header and its values together.

The header gives a guess (core.people.columns: whole-header aliases, the metadata columns of the
form tools, word patterns); the column's values confirm it, veto it or name a column whose header
says nothing. docs/participants.md explains the scoring; in short, for a column:

1. A choice the coordinator made for the same header (remembered from the page, or `--map`)
   wins.
2. A whole-header alias is taken unless the values veto it; then the word patterns, most
   specific field first, each field the first column it fits.
3. A value veto: at least ACCEPT of the column's non-empty values (a sample of SAMPLE) must be
   values the field can take, or fewer than MISFITS not — a date-time is no programme start and no number of years, a
   list of choices ("A;B;", "A, B") is no number, an address is nobody's name, "anonymous" is
   nobody's name or address. A vetoed field is not taken; the next guess is tried.
4. Values alone name a column whose header says nothing: STRONG of its values addresses → the
   e-mail, role words (mentor/adept/mentee) → the role.
5. What is left is kept as extra (its header, with the participation) or, if empty, ignored.

Each column's guess carries how sure it is (`Guess.basis`), for the page to show the unsure
ones open and the command line to tell every column's fate."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from dateutil.parser import parse as parse_date

from core.people import cleaning
from core.people.addresses import valid_email
from core.people.columns import (
    EXTRA,
    FIELDS,
    IGNORE,
    TARGETS,
    alias_of,
    header_key,
    is_form_tool_moment,
    normalise_header,
    pattern_matches,
)
from core.people.issues import Invalid
from core.people.reading import Cell

SAMPLE = 200     # values looked at per column
ACCEPT = 0.5     # share of values a field must be able to take to keep a header's guess…
MISFITS = 2      # …unless fewer values than this do not fit (one slip is a row to fix, not a veto)
STRONG = 0.9     # share of values that names a field on their own
IMPORTANT = 0.6  # share of numbers, yes/no words or lists that makes an unknown column worth a word

# How a column's target was found, surest first.
REMEMBERED, HEADER, PATTERN, VALUES, NONE = "remembered", "header", "pattern", "values", "none"
UNSURE = (PATTERN, VALUES, NONE)

_DATE_TIME = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[AP]M)?)?"
                        r"(?:\s*(?:Z|UTC|GMT|[A-Z]{2,5})?(?:[+-]\d{1,2}(?::?\d{2})?)?)?$", re.IGNORECASE)
_ANONYMOUS = {"anonymous", "anonym", "anonymt", "anonyma"}
_LIST_PARTS = re.compile(r"\s*;\s*|,\s+|\n")


@dataclass(frozen=True)
class Guess:
    """The target of one column and how it was found (REMEMBERED, HEADER, PATTERN, VALUES or
    NONE); `vetoed` is a field the header named but the values could not be."""
    target: str
    basis: str
    vetoed: str | None = None

    @property
    def unsure(self) -> bool:
        return self.basis in UNSURE


# -- What a value is ---------------------------------------------------------------------------

def _filled(value: Cell) -> bool:
    return value is not None and not (isinstance(value, float) and value != value) and str(value).strip() != ""


def is_date_time(value: Cell) -> bool:
    """A date or a moment: a date cell, or text such as "2026-09-03 14:22:05", "9/3/2026 2:22:05 PM"."""
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    return isinstance(value, str) and bool(_DATE_TIME.match(value.strip()))


def is_email(value: Cell) -> bool:
    return isinstance(value, str) and "@" in value and valid_email(cleaning.clean_email(value))


def is_list(value: Cell) -> bool:
    """Several choices in one cell: "A;B;" (Microsoft Forms), "A, B" (Google Forms), one a line."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return text.endswith(";") or len([p for p in _LIST_PARTS.split(text) if p.strip()]) >= 2


def is_number(value: Cell) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and bool(re.fullmatch(r"\s*\d+(?:[.,]\d+)?\s*", value))


def _cleans(clean: Callable[[Cell], object]) -> Callable[[Cell], bool]:
    def accepts(value: Cell) -> bool:
        if is_date_time(value) or is_email(value):
            return False
        try:
            clean(value)  # "Ingen preferens" is an answer too, if an empty one
            return True
        except Invalid:
            return False
    return accepts


def _text(value: Cell) -> bool:
    """Words: not a moment, an address or a bare number."""
    return not (is_date_time(value) or is_email(value) or is_number(value))


def _name(value: Cell) -> bool:
    return _text(value) and cleaning.text(value).casefold() not in _ANONYMOUS and len(str(value)) <= 200


def _phone(value: Cell) -> bool:
    return not is_date_time(value) and len(re.sub(r"\D", "", str(value))) >= 6


def _number_of(clean: Callable[[Cell], object]) -> Callable[[Cell], bool]:
    """A number field: no list of choices, no moment."""
    accepts = _cleans(clean)
    return lambda value: not is_list(value) and accepts(value)


# What a value of each field can be; a field not named here takes any value.
ACCEPTS: Mapping[str, Callable[[Cell], bool]] = {
    "email": is_email,
    "submitted_at": is_date_time,
    "name": _name, "first_name": _name, "last_name": _name,
    "phone": _phone,
    "organisation": _text, "department": _text, "title": _text, "town": _text, "sector": _text,
    "languages": _text, "competences": _text, "goals": _text,
    "experience_years": _number_of(cleaning.clean_experience),
    "capacity": _number_of(cleaning.clean_capacity),
    "gender": _cleans(cleaning.clean_gender),
    "gender_preference": _cleans(cleaning.clean_gender_preference),
    "start_preference": _cleans(cleaning.clean_start_preference),
    "sector_preference": _cleans(cleaning.clean_sector_preference),
    "same_org_allowed": _cleans(cleaning.clean_same_org_allowed),
    "consent": lambda value: not is_date_time(value) and _yes_or_no(value),
    "role": _cleans(cleaning.clean_role),
    "cohort": _cleans(cleaning.clean_cohort),
    "status": _cleans(cleaning.clean_status),
}


def _yes_or_no(value: Cell) -> bool:
    """Consent given or refused: both are answers to the consent question."""
    try:
        cleaning.clean_consent(value)
        return True
    except Invalid as problem:
        return problem.code == "validation.consent_refused"


def _sample(values: Sequence[Cell]) -> list[Cell]:
    filled = [v for v in values if _filled(v)]
    return filled[:SAMPLE]


def share(values: Sequence[Cell], test: Callable[[Cell], bool]) -> float:
    sample = _sample(values)
    return sum(1 for v in sample if test(v)) / len(sample) if sample else 0.0


def fits(field: str, values: Sequence[Cell]) -> bool:
    """Whether a column's values can be the field's: true for an empty column (the header
    decides) and for fields that take any text."""
    test = ACCEPTS.get(field)
    sample = _sample(values)
    if test is None or not sample:
        return True
    fitting = sum(1 for v in sample if test(v))
    return fitting >= ACCEPT * len(sample) or len(sample) - fitting < MISFITS


def important_kind(values: Sequence[Cell]) -> str | None:
    """What makes an unknown column worth a word, as a label key: mostly numbers, yes/no answers
    or lists of choices; None for names, free text and the like."""
    for kind, test in (("numbers", is_number), ("yes_no", _yes_no), ("lists", is_list)):
        if _sample(values) and share(values, test) >= IMPORTANT:
            return f"validation.kind_{kind}"
    return None


def moment(value: Cell) -> dt.datetime | None:
    """A form tool's time of sending as a moment (its time zone dropped), or None."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if not isinstance(value, str) or not is_date_time(value):
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)  # the usual case, and quick
    except ValueError:
        pass
    try:
        return parse_date(text, ignoretz=True)
    except (ValueError, OverflowError):
        return None


def _yes_no(value: Cell) -> bool:
    try:
        cleaning.clean_same_org_allowed(value)
        return True
    except Invalid:
        return False


# -- The mapping -------------------------------------------------------------------------------

def recognise_columns(headers: Sequence[str], columns: Sequence[Sequence[Cell]],
                      remembered: Mapping[str, str] | None = None) -> tuple[Guess, ...]:
    """A guess for each column (see the module's docstring); `columns` holds each column's
    values (may be shorter than `headers`; missing columns are empty). Each field takes one
    column; a second column of the same kind is kept as extra."""
    keys = [header_key(h) for h in headers]
    values = [list(columns[i]) if i < len(columns) else [] for i in range(len(headers))]
    guesses: list[Guess | None] = [None] * len(headers)
    vetoed: dict[int, str] = {}
    used: set[str] = set()

    def take(index: int, target: str, basis: str) -> None:
        guesses[index] = Guess(target, basis, vetoed.get(index))
        if target not in (EXTRA, IGNORE):
            used.add(target)

    def free(target: str) -> bool:
        return target in (EXTRA, IGNORE) or target not in used

    for index, key in enumerate(keys):
        choice = (remembered or {}).get(key)
        if choice in TARGETS and free(choice):
            take(index, choice, REMEMBERED)
    for index, header in enumerate(headers):
        if guesses[index] is None and is_form_tool_moment(header) and fits("submitted_at", values[index]):
            take(index, IGNORE, HEADER)  # when the form was opened or changed: not a preference
        alias = alias_of(header)
        if guesses[index] is not None or alias is None or not free(alias):
            continue
        if fits(alias, values[index]):
            take(index, alias, HEADER)
        else:
            vetoed[index] = alias
    for field in FIELDS:
        if field.id in used:
            continue
        for index, header in enumerate(headers):
            if guesses[index] is None and keys[index] and pattern_matches(field, normalise_header(header)):
                if fits(field.id, values[index]):
                    take(index, field.id, PATTERN)
                    break
                vetoed.setdefault(index, field.id)
    for named, test in (("email", is_email), ("role", ACCEPTS["role"])):
        for index in range(len(headers)):
            if guesses[index] is None and free(named) and share(values[index], test) >= STRONG:
                take(index, named, VALUES)
    for index, key in enumerate(keys):
        if guesses[index] is None:
            empty = not key and not _sample(values[index])
            take(index, IGNORE if empty else EXTRA, NONE)
    return tuple(g for g in guesses if g is not None)


def suggest_mapping(headers: Sequence[str], columns: Sequence[Sequence[Cell]] = (),
                    remembered: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Only the targets of recognise_columns."""
    return tuple(g.target for g in recognise_columns(headers, columns, remembered))
