"""What the messages area keeps in the store: the send log's lines, the guests on a list kept as
it was sent and why each is invited, the coordinator's changes to a list, and the words these are
kept in. Plain values, without pandas, so that the store can name them without loading the area
(the command line's start, issue 12)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from core.people.addresses import valid_email

# -- The send log (core/store/messages.py) ------------------------------------------------------

CHANNELS = ("eml", "merge", "smtp")
STATUSES = ("sent", "failed", "prepared")


@dataclass(frozen=True)
class LogEntry:
    """One line of the send log: a message to a person, how it left and how it went."""
    person_id: int
    email: str
    cohort_id: str
    kind: str
    event_id: str
    template: str
    subject: str
    channel: str  # eml | merge | smtp
    status: str  # sent | failed | prepared
    error: str = ""
    at: dt.datetime | None = None


# -- Guests (core/messages/guests.py; kept lists in core/store/guests.py) -------------------------

# Former pairs: the pairs of this many most recently closed cohorts of each track (a setting).
FORMER_PAIR_COHORTS, MAX_FORMER_PAIR_COHORTS = 1, 30
# The coordinator's changes to one event's list (table guest_list_changes): a person added by
# name, or left out. ADDED is also the reason a person added by name is invited for.
ADDED, EXCLUDED = "added", "excluded"
CHANGES = (ADDED, EXCLUDED)


def usable_address(email: object) -> bool:
    """An address a message can go to, by the register's own rule (core.people.addresses)."""
    return isinstance(email, str) and valid_email(email.strip().lower())


@dataclass(frozen=True)
class Reason:
    """Why a person is invited: as one of `group` (the rulebook's guest group), in the role they
    had in `cohort_id`; `why` is own (the event's own cohort), running, newly_started,
    former_pair, applied (a prospective mentor who applied) or former_mentor."""
    group: str
    why: str
    role: str
    cohort_id: str


@dataclass(frozen=True)
class Guest:
    person_id: int
    email: str
    name: str
    reasons: tuple[Reason, ...]
    organisation: str = ""  # tells apart two guests of one name (core.platform.names)

    @property
    def role(self) -> str:
        return self.reasons[0].role

    @property
    def cohort_id(self) -> str:
        return self.reasons[0].cohort_id

    @property
    def has_address(self) -> bool:
        return usable_address(self.email)


def reasons_to_json(reasons: Iterable[Reason]) -> list[list[str]]:
    return [[r.group, r.why, r.role, r.cohort_id] for r in reasons]


def reasons_from_json(raw: Iterable[Iterable[str]]) -> tuple[Reason, ...]:
    return tuple(Reason(*map(str, r)) for r in raw)
