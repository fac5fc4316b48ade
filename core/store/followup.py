"""Follow-up's stored part: pair meetings marked held, attendance at a cohort's events, and the
three-party conversations' free slots and bookings. Each write is one transaction; what it
writes is checked first by core.followup.meetings and core.three_party."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import and_, delete, insert, or_, select, update

from core.platform.i18n import MentorplanError
from core.store import schema
from core.store.base import StoreBase, frame, inserted_id
from core.store.schema import timestamp

if TYPE_CHECKING:
    import pandas as pd

MEETING_COLUMNS = ("mentor_person_id", "mentee_person_id", "number", "held_on", "note")
ATTENDANCE_COLUMNS = ("event_id", "person_id", "attended")
SLOT_COLUMNS = ("id", "cohort_id", "starts_at", "minutes", "place")
BOOKING_COLUMNS = ("slot_id", "cohort_id", "mentor_person_id", "mentee_person_id", "held", "starts_at", "minutes",
                   "place")



class FollowupStore(StoreBase):
    # -- pair meetings --

    def pair_meetings(self, cohort_id: str) -> pd.DataFrame:
        """The meetings marked held in a cohort, one row per pair and number."""
        table = schema.pair_meetings
        with self.reading() as connection:
            rows = connection.execute(
                select(*(table.c[name] for name in MEETING_COLUMNS)).where(table.c.cohort_id == cohort_id)
                .order_by(table.c.mentor_person_id, table.c.mentee_person_id, table.c.number)).all()
        return frame(rows, MEETING_COLUMNS)

    def save_pair_meetings(self, cohort_id: str, records: Sequence, removals: Sequence = ()) -> dict[str, int]:
        """Mark meetings held (core.followup.MeetingRecord: a meeting already marked gets the new
        day and note) and unmark others (MeetingRemoval), in one transaction."""
        table = schema.pair_meetings
        saved = removed = 0
        now = timestamp()
        with self.transaction() as connection:
            for record in records:
                where = (table.c.cohort_id == cohort_id, table.c.mentor_person_id == record.mentor_id,
                         table.c.mentee_person_id == record.mentee_id, table.c.number == record.number)
                result = connection.execute(update(table).where(*where).values(
                    held_on=record.held_on, note=record.note, recorded_at=now))
                if result.rowcount == 0:
                    connection.execute(insert(table).values(
                        cohort_id=cohort_id, mentor_person_id=record.mentor_id, mentee_person_id=record.mentee_id,
                        number=record.number, held_on=record.held_on, note=record.note, recorded_at=now))
                saved += 1
            for removal in removals:
                result = connection.execute(delete(table).where(
                    table.c.cohort_id == cohort_id, table.c.mentor_person_id == removal.mentor_id,
                    table.c.mentee_person_id == removal.mentee_id, table.c.number == removal.number))
                removed += result.rowcount
        return {"saved": saved, "removed": removed}

    def delete_pair_meetings(self, cohort_id: str, pairs: Iterable[tuple[int, int]]) -> int:
        """Delete every meeting logged for these pairs of the cohort (pairs no longer matched)."""
        table = schema.pair_meetings
        pairs = list(pairs)
        if not pairs:
            return 0
        with self.transaction() as connection:
            result = connection.execute(delete(table).where(table.c.cohort_id == cohort_id, or_(*(
                and_(table.c.mentor_person_id == mentor, table.c.mentee_person_id == mentee)
                for mentor, mentee in pairs))))
        return result.rowcount

    # -- attendance --

    def attendance(self, cohort_id: str, event_id: str | None = None) -> pd.DataFrame:
        table = schema.attendance
        query = select(*(table.c[name] for name in ATTENDANCE_COLUMNS)).where(table.c.cohort_id == cohort_id)
        if event_id is not None:
            query = query.where(table.c.event_id == event_id)
        with self.reading() as connection:
            rows = connection.execute(query.order_by(table.c.event_id, table.c.person_id)).all()
        return frame(rows, ATTENDANCE_COLUMNS)

    def save_attendance(self, cohort_id: str, event_id: str, marks: Mapping[int, bool]) -> int:
        """Who came to an event (person id → came or not), replacing what was recorded for them,
        in one transaction. Returns the number of people recorded."""
        table = schema.attendance
        now = timestamp()
        with self.transaction() as connection:
            if marks:
                connection.execute(delete(table).where(table.c.cohort_id == cohort_id, table.c.event_id == event_id,
                                                       table.c.person_id.in_([int(p) for p in marks])))
                connection.execute(insert(table), [
                    {"cohort_id": cohort_id, "event_id": event_id, "person_id": int(person), "attended": bool(came),
                     "recorded_at": now} for person, came in marks.items()])
        return len(marks)

    # -- three-party conversations --

    def three_party_slots(self, cohort_id: str | None = None) -> pd.DataFrame:
        """Free and booked slots, earliest first; of one cohort, or of all."""
        table = schema.three_party_slots
        query = select(*(table.c[name] for name in SLOT_COLUMNS)).order_by(table.c.starts_at, table.c.id)
        if cohort_id is not None:
            query = query.where(table.c.cohort_id == cohort_id)
        with self.reading() as connection:
            rows = connection.execute(query).all()
        return frame(rows, SLOT_COLUMNS)

    def add_three_party_slots(self, slots: Sequence) -> list[int]:
        """Store checked slots (core.three_party.Slot), all or none; returns their ids."""
        table = schema.three_party_slots
        ids = []
        with self.transaction() as connection:
            for slot in slots:
                ids.append(int(inserted_id(connection.execute(insert(table).values(
                    cohort_id=slot.cohort_id, starts_at=slot.starts_at, minutes=slot.minutes,
                    place=slot.place)))))
        return ids

    def delete_three_party_slot(self, cohort_id: str, slot_id: int) -> None:
        """Remove a free slot; a booked one is refused (release the booking first)."""
        slots, bookings = schema.three_party_slots, schema.three_party_bookings
        with self.transaction() as connection:
            if connection.execute(select(bookings.c.id).where(bookings.c.slot_id == slot_id)).first():
                raise MentorplanError("followup.three_party.error.slot_booked")
            result = connection.execute(delete(slots).where(slots.c.id == slot_id, slots.c.cohort_id == cohort_id))
            if result.rowcount == 0:
                raise MentorplanError("followup.three_party.error.no_slot", slot=slot_id)

    def three_party_bookings(self, cohort_id: str | None = None) -> pd.DataFrame:
        """The bookings with their slot's time and place; of one cohort, or of all."""
        bookings, slots = schema.three_party_bookings, schema.three_party_slots
        query = (select(bookings.c.slot_id, bookings.c.cohort_id, bookings.c.mentor_person_id,
                        bookings.c.mentee_person_id, bookings.c.held, slots.c.starts_at, slots.c.minutes,
                        slots.c.place)
                 .join(slots, slots.c.id == bookings.c.slot_id).order_by(slots.c.starts_at, slots.c.id))
        if cohort_id is not None:
            query = query.where(bookings.c.cohort_id == cohort_id)
        with self.reading() as connection:
            rows = connection.execute(query).all()
        return frame(rows, BOOKING_COLUMNS)

    def save_three_party_bookings(self, cohort_id: str, pairs: Iterable[tuple[int, int]], bookings: Sequence) -> int:
        """Replace the bookings of these pairs with `bookings` (core.three_party.Booking, checked),
        in one transaction: a pair left without a booking is released. Returns the bookings written."""
        table = schema.three_party_bookings
        pairs = list(pairs)
        with self.transaction() as connection:
            if pairs:
                connection.execute(delete(table).where(table.c.cohort_id == cohort_id, or_(*(
                    and_(table.c.mentor_person_id == mentor, table.c.mentee_person_id == mentee)
                    for mentor, mentee in pairs))))
            if bookings:
                connection.execute(insert(table), [
                    {"slot_id": b.slot_id, "cohort_id": cohort_id, "mentor_person_id": b.mentor_id,
                     "mentee_person_id": b.mentee_id, "held": bool(b.held)} for b in bookings])
        return len(bookings)
