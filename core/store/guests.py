"""Guest lists' stored part (issue 12): how many past cohorts' pairs the trainings invite (a
setting), the coordinator's changes to one event's list (a person added by name, a person left
out), and each event's list as it was when its invitations were first sent or prepared — kept in
the transaction that writes those lines of the send log (MessageStore.log_messages)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, text

from core.messages.records import (
    CHANGES,
    FORMER_PAIR_COHORTS,
    MAX_FORMER_PAIR_COHORTS,
    Guest,
    LogEntry,
    reasons_to_json,
)
from core.platform.i18n import MentorplanError
from core.store import schema
from core.store.base import StoreBase
from core.store.schema import timestamp

FORMER_PAIR_SETTING = "former_pair_cohorts"
KEPT_STATUSES = ("sent", "prepared")  # the send log's lines that keep an event's list as it was
_POSTGRESQL_LOCK = 2026_12_12  # pg_advisory_xact_lock key of keeping a list (SQLite's write lock does it there)


@dataclass(frozen=True)
class KeptGuest:
    """A guest on an event's list as it was sent (table guest_list_sent)."""
    person_id: int
    position: int
    email: str
    name: str
    reasons: list[Any]
    kept_at: dt.datetime


class GuestStore(StoreBase):
    # -- the setting: former pairs of how many past cohorts --

    def former_pair_cohorts(self) -> int:
        """How many of the most recently closed cohorts of each track the trainings invite as
        former pairs (1 unless the coordinator chose otherwise)."""
        table = schema.settings
        with self.reading() as connection:
            value = connection.execute(select(table.c.value).where(table.c.key == FORMER_PAIR_SETTING)).scalar()
        return value if isinstance(value, int) and 1 <= value <= MAX_FORMER_PAIR_COHORTS else FORMER_PAIR_COHORTS

    def save_former_pair_cohorts(self, count: int) -> None:
        if not isinstance(count, int) or not 1 <= count <= MAX_FORMER_PAIR_COHORTS:
            raise MentorplanError("guests_page.bad_former_cohorts", value=count, maximum=MAX_FORMER_PAIR_COHORTS)
        table = schema.settings
        with self.transaction() as connection:
            connection.execute(delete(table).where(table.c.key == FORMER_PAIR_SETTING))
            connection.execute(insert(table).values(key=FORMER_PAIR_SETTING, value=count))

    # -- the coordinator's changes to one event's list --

    def guest_list_changes(self, cohort_id: str, event_id: str) -> dict[int, tuple[str, str]]:
        """person_id → (added | excluded, role), in the order they were made."""
        table = schema.guest_list_changes
        with self.reading() as connection:
            rows = connection.execute(select(table.c.person_id, table.c.change, table.c.role).where(
                table.c.cohort_id == cohort_id, table.c.event_id == event_id).order_by(table.c.at)).all()
        return {int(person): (change, role) for person, change, role in rows}

    def change_guest_list(self, cohort_id: str, event_id: str, person_id: int, change: str | None,
                          role: str = "") -> None:
        """Add a person to one event's list (added, as `role`), leave them out (excluded), or undo
        either (None)."""
        if change is not None and change not in CHANGES:
            raise ValueError(f"not a change of a guest list: {change}")
        table = schema.guest_list_changes
        where = and_(table.c.cohort_id == cohort_id, table.c.event_id == event_id, table.c.person_id == person_id)
        with self.transaction() as connection:
            connection.execute(delete(table).where(where))
            if change is not None:
                connection.execute(insert(table).values(cohort_id=cohort_id, event_id=event_id, person_id=person_id,
                                                        change=change, role=role, at=timestamp()))

    # -- the list as sent --

    def kept_guest_list(self, cohort_id: str, event_id: str) -> list[KeptGuest]:
        """An event's list as it was when its invitations were first sent or prepared ([]: not kept)."""
        table = schema.guest_list_sent
        with self.reading() as connection:
            rows = connection.execute(select(
                table.c.person_id, table.c.position, table.c.email, table.c.name, table.c.reasons, table.c.kept_at)
                .where(table.c.cohort_id == cohort_id, table.c.event_id == event_id)
                .order_by(table.c.position)).all()
        return [KeptGuest(*row) for row in rows]

    def invitations_logged_since(self, keys: Iterable[tuple[str, str]]) -> dt.datetime | None:
        """The first time the send log has an invitation sent or prepared for any of these
        (cohort, event) keys (None: never)."""
        log = schema.message_log
        wanted = [and_(log.c.cohort_id == cohort_id, log.c.event_id == event_id) for cohort_id, event_id in set(keys)]
        if not wanted:
            return None
        with self.reading() as connection:
            first: dt.datetime | None = connection.execute(select(func.min(log.c.at)).where(
                log.c.kind == "invitation", log.c.status.in_(KEPT_STATUSES), or_(*wanted))).scalar()
        return first

    def participation_times(self) -> dict[int, dt.datetime]:
        """When each participation was stored (participation id → time). The example data's are
        left out: made all at once, their time stamps do not say when anyone signed up."""
        table, people = schema.participations, schema.people
        with self.reading() as connection:
            return {int(i): at for i, at in connection.execute(
                select(table.c.id, table.c.created_at).join(people, people.c.id == table.c.person_id)
                .where(people.c.example.is_(False)))}



def keep_guest_list(connection: Connection, entries: Sequence[LogEntry], guests: Sequence[Guest]) -> int:
    """The hook of the send log's writer (MessageStore.log_messages), in its transaction: when
    lines "sent" or "prepared" of an invitation are written, the event's list (`guests`, as the
    batch was made from it) is kept — once: a list kept already stays as it was. Returns the
    rows kept."""
    table = schema.guest_list_sent
    keys = {(e.cohort_id, e.event_id) for e in entries if e.kind == "invitation" and e.status in KEPT_STATUSES}
    kept = 0
    now = timestamp()
    if keys and connection.dialect.name == "postgresql":  # two sessions sending at once: one keeps the list
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _POSTGRESQL_LOCK})
    for cohort_id, event_id in sorted(keys):
        there = connection.execute(select(func.count()).select_from(table).where(
            table.c.cohort_id == cohort_id, table.c.event_id == event_id)).scalar_one()
        if there:
            continue
        rows = [{"cohort_id": cohort_id, "event_id": event_id, "person_id": g.person_id, "position": position,
                 "email": g.email[:254], "name": g.name[:200], "reasons": reasons_to_json(g.reasons),
                 "kept_at": now}
                for position, g in enumerate({g.person_id: g for g in guests}.values())]
        if rows:
            connection.execute(insert(table), rows)
            kept += len(rows)
    return kept
