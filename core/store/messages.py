"""The messages' stored part: the coordinator's own template texts, the details filled in for an
event's invitation, and the send log — who was given which message, when, and how it went."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update

from core.messages.records import CHANNELS, STATUSES, Guest, LogEntry
from core.messages.templates import EventDetails, Template
from core.store import schema
from core.store.base import StoreBase, frame
from core.store.guests import keep_guest_list
from core.store.schema import timestamp

if TYPE_CHECKING:
    import pandas as pd

# The messages' settings, kept in the settings table (JSON values; no table of their own).
MESSAGE_SETTINGS = ("message_sender", "call_channel")

LOG_COLUMNS = ("id", "at", "person_id", "name", "email", "cohort_id", "kind", "event_id", "template", "subject",
               "channel", "status", "error")



class MessageStore(StoreBase):
    # -- templates --

    def stored_templates(self) -> dict[tuple[str, str], Template]:
        table = schema.message_templates
        with self.reading() as connection:
            rows = connection.execute(select(table.c.kind, table.c.lang, table.c.subject, table.c.body)).all()
        return {(kind, lang): Template(kind, lang, subject, body, edited=True) for kind, lang, subject, body in rows}

    def save_template(self, template: Template) -> None:
        """Keep the coordinator's text of a template (checked by core.messages.check_template)."""
        table = schema.message_templates
        with self.transaction() as connection:
            connection.execute(delete(table).where(table.c.kind == template.kind, table.c.lang == template.lang))
            connection.execute(insert(table).values(kind=template.kind, lang=template.lang, subject=template.subject,
                                                    body=template.body, updated_at=timestamp()))

    def reset_template(self, kind: str, lang: str) -> bool:
        """Go back to the shipped text; True when there was an edited one."""
        table = schema.message_templates
        with self.transaction() as connection:
            result = connection.execute(delete(table).where(table.c.kind == kind, table.c.lang == lang))
        return result.rowcount > 0

    # -- event details --

    def event_details(self, cohort_id: str, event_id: str) -> EventDetails:
        table = schema.event_details
        with self.reading() as connection:
            row = connection.execute(select(table.c.place, table.c.time, table.c.note).where(
                table.c.cohort_id == cohort_id, table.c.event_id == event_id)).first()
        return EventDetails(*row) if row else EventDetails()

    def save_event_details(self, cohort_id: str, event_id: str, details: EventDetails) -> None:
        table = schema.event_details
        with self.transaction() as connection:
            connection.execute(delete(table).where(table.c.cohort_id == cohort_id, table.c.event_id == event_id))
            connection.execute(insert(table).values(
                cohort_id=cohort_id, event_id=event_id, place=details.place.strip(), time=details.time.strip(),
                note=details.note.strip(), updated_at=timestamp()))

    # -- the send log --

    def log_messages(self, entries: Sequence[LogEntry], guests: Sequence[Guest] = ()) -> int:
        """Write lines of the send log, all in one transaction. Returns how many. `guests`: the
        guest list an invitation batch was made from, kept as the event's list as sent the first
        time its invitations are sent or prepared (core/store/guests.py, keep_guest_list)."""
        rows = []
        now = timestamp()
        for entry in entries:
            if entry.channel not in CHANNELS or entry.status not in STATUSES:
                raise ValueError(f"not a channel and status of the send log: {entry.channel}, {entry.status}")
            rows.append({"person_id": entry.person_id, "email": entry.email, "cohort_id": entry.cohort_id,
                         "kind": entry.kind, "event_id": entry.event_id, "template": entry.template,
                         "subject": entry.subject, "channel": entry.channel, "status": entry.status,
                         "error": entry.error[:2000], "at": entry.at or now})
        if rows:
            with self.transaction() as connection:
                connection.execute(insert(schema.message_log), rows)
                if guests:  # issue 12: what was sent stays what was sent
                    keep_guest_list(connection, entries, guests)
        return len(rows)

    def message_log(self, cohort_id: str | None = None, kind: str | None = None,
                    event_id: str | None = None) -> pd.DataFrame:
        """The send log, newest first, with each person's name as the register has it now."""
        log, people = schema.message_log, schema.people
        query = (select(log.c.id, log.c.at, log.c.person_id, people.c.name, log.c.email, log.c.cohort_id, log.c.kind,
                        log.c.event_id, log.c.template, log.c.subject, log.c.channel, log.c.status, log.c.error)
                 .join(people, people.c.id == log.c.person_id).order_by(log.c.id.desc()))
        for column, value in (("cohort_id", cohort_id), ("kind", kind), ("event_id", event_id)):
            if value is not None:
                query = query.where(log.c[column] == value)
        with self.reading() as connection:
            rows = connection.execute(query).all()
        return frame(rows, LOG_COLUMNS)

    def sent_to(self, cohort_id: str, kind: str, event_id: str) -> set[int]:
        """The people with a line "sent" for this step."""
        log = schema.message_log
        with self.reading() as connection:
            return set(connection.execute(select(log.c.person_id).where(
                log.c.cohort_id == cohort_id, log.c.kind == kind, log.c.event_id == event_id,
                log.c.status == "sent")).scalars())

    def mark_sent(self, cohort_id: str, kind: str, event_id: str, person_ids: Iterable[int]) -> int:
        """The coordinator sent the prepared messages (.eml drafts, mail merge) to these people
        themselves: their lines "prepared" for this step become "sent", in one transaction.
        Returns the number of people marked."""
        log = schema.message_log
        wanted = sorted({int(p) for p in person_ids})
        if not wanted:
            return 0
        with self.transaction() as connection:
            marked = set(connection.execute(select(log.c.person_id).where(
                log.c.cohort_id == cohort_id, log.c.kind == kind, log.c.event_id == event_id,
                log.c.status == "prepared", log.c.person_id.in_(wanted))).scalars())
            if marked:
                connection.execute(update(log).where(
                    log.c.cohort_id == cohort_id, log.c.kind == kind, log.c.event_id == event_id,
                    log.c.status == "prepared", log.c.person_id.in_(sorted(marked))).values(status="sent"))
        return len(marked)

    # -- settings: the sender and the organisation's own channel --

    def message_settings(self) -> dict[str, str]:
        """The sender address ("message_sender") and the call's channel ("call_channel"), "" when
        never set (checked by core.messages.delivery.check_message_settings before saving)."""
        table = schema.settings
        with self.reading() as connection:
            stored = dict(connection.execute(select(table.c.key, table.c.value).where(
                table.c.key.in_(MESSAGE_SETTINGS))).all())
        return {key: str(stored.get(key) or "") for key in MESSAGE_SETTINGS}

    def save_message_settings(self, values: dict[str, str]) -> None:
        table = schema.settings
        with self.transaction() as connection:
            for key, value in values.items():
                if key not in MESSAGE_SETTINGS:
                    raise ValueError(f"not a message setting: {key}")
                connection.execute(delete(table).where(table.c.key == key))
                connection.execute(insert(table).values(key=key, value=str(value).strip()))

    # -- calendar requests given --

    def calendar_requests(self, cohort_id: str) -> list[tuple[Any, ...]]:
        """What each person of a cohort's events was given, oldest first: (person_id, event_id,
        method, sequence, start, end, time, place)."""
        table = schema.calendar_requests
        with self.reading() as connection:
            rows = connection.execute(select(
                table.c.person_id, table.c.event_id, table.c.method, table.c.sequence, table.c.start,
                table.c.end, table.c.time, table.c.place).where(table.c.cohort_id == cohort_id)
                .order_by(table.c.id)).all()
        return [tuple(row) for row in rows]

    def record_requests(self, rows: Sequence[tuple[int, str, str, str, int, dt.date, dt.date, str, str]]) -> int:
        """Keep the calendar requests given: (person_id, cohort_id, event_id, method, sequence,
        start, end, time, place), in one transaction."""
        table = schema.calendar_requests
        now = timestamp()
        values = [{"person_id": p, "cohort_id": c, "event_id": e, "method": m, "sequence": n, "start": a, "end": b,
                   "time": time, "place": place, "at": now} for p, c, e, m, n, a, b, time, place in rows]
        if values:
            with self.transaction() as connection:
                connection.execute(insert(table), values)
        return len(values)
