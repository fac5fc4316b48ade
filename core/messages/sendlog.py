"""Who has been told: the send log's lines (kept by core/store/messages.py), the day decisions
are due, and the people of a cohort who have not yet had their decision or invitation."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pandas as pd

from core.calendar.programme import Cohort, Programme
from core.messages.guests import History, invitees
from core.messages.letters import Batch, Message, left_unmatched, pairs_standing
from core.messages.records import LogEntry
from core.messages.templates import DECISIONS_EVENT, KINDS, NOT_TOLD_COLUMNS
from core.platform.i18n import MentorplanError

if TYPE_CHECKING:
    from core.store import Store

# -- Who has been told ---------------------------------------------------------------------------

def log_entry(batch: Batch, message: Message, channel: str, status: str, error: str = "") -> LogEntry:
    return LogEntry(message.person_id, message.email, batch.cohort_id, batch.kind, batch.event_id,
                    message.template, message.subject, channel, status, error)




def decisions_deadline(programme: Programme, cohort: Cohort) -> dt.date:
    """The day the decisions are to be sent by (the cohort's decisions_sent event)."""
    return programme.occurrence(cohort, DECISIONS_EVENT).start


def recipients(store: Store, programme: Programme, cohort_id: str, kind: str, event_id: str | None = None,
               history: History | None = None) -> pd.DataFrame:
    """Who a step's message is for (person_id, email, name, role). Decisions: the people of the
    accepted pairs and everyone else taking part, none who has withdrawn; before a matching is
    accepted, everyone taking part. Invitations: the event's guests."""
    cohort = Cohort.parse(cohort_id, programme.rulebook)
    if kind == "decision":
        taking_part = store.participants(cohort.id)
        pairs = pairs_standing(store.accepted_pairs(cohort.id), taking_part)
        rows = [(int(pid), email, name, role) for role in ("mentor", "mentee")
                for pid, email, name in zip(pairs[f"{role}_person_id"], pairs[f"{role}_email"],
                                            pairs[f"{role}_name"], strict=True)]
        rows += [(int(r.person_id), r.email, r.name, r.role)
                 for r in left_unmatched(taking_part, pairs).itertuples()]
        found = pd.DataFrame(rows, columns=list(NOT_TOLD_COLUMNS))
        return found.drop_duplicates("person_id").reset_index(drop=True)
    if kind == "invitation":
        if not event_id:
            raise MentorplanError("messages.event_needed")
        occurrence = programme.occurrence(cohort, event_id)
        guests = invitees(store, programme, occurrence, history)  # the event's list as the coordinator has it
        return pd.DataFrame([(g.person_id, g.email, g.name, g.role) for g in guests], columns=list(NOT_TOLD_COLUMNS))
    raise MentorplanError("messages.unknown_kind", kind=kind, allowed=", ".join(KINDS))


def people_not_told(store: Store, programme: Programme, cohort_id: str, kind: str = "decision",
                    event_id: str | None = None) -> pd.DataFrame:
    """Who of a step's recipients has no line "sent" in the send log yet (person_id, email, name,
    role). `kind` is decision (the cohort's decisions) or invitation (to `event_id`)."""
    wanted = recipients(store, programme, cohort_id, kind, event_id)
    if kind == "decision":
        event_id = DECISIONS_EVENT
    elif not event_id:  # refused by recipients() already; said again for the type checker
        raise MentorplanError("messages.event_needed")
    else:  # a shared occurrence's invitations are logged once, under its owner
        cohort_id, event_id = programme.occurrence(Cohort.parse(cohort_id, programme.rulebook), event_id).key
    told = store.sent_to(cohort_id, kind, event_id)
    return wanted[~wanted["person_id"].isin(told)].reset_index(drop=True)
