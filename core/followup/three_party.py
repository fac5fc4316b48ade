"""Three-party conversations (trepartssamtal: mentor, mentee and the coordinator): the
coordinator's free slots, each pair given one, a proposal that books the pairs not yet booked,
the booking list, and which were held. Pure Python; the store keeps slots and bookings.

The proposal: the free slots inside the cohort's three-party window, not in the past, nearest
the closing day first; the pairs not yet booked, those whose people are in most pairs first (a
mentor with two mentees), then by name. Each pair takes the first slot that overlaps no other
slot where its mentor or mentee is booked (in any cohort). No slot is given twice; a pair for
which no slot is left is named."""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, SupportsFloat, SupportsIndex

import numpy as np
import pandas as pd

from core.calendar.files import Appointment, appointments_to_ics
from core.calendar.programme import Cohort, Programme
from core.calendar.schedule import cohort_label
from core.followup.meetings import Pairs, followup_span, pair_label
from core.platform.files import to_xlsx
from core.platform.i18n import MentorplanError, excerpt, format_date, t
from core.platform.names import with_person_labels

if TYPE_CHECKING:
    from core.store import Store

MIN_MINUTES, MAX_MINUTES = 15, 240
DEFAULT_MINUTES = 60
MAX_PLACE = 300
MAX_SLOTS_AT_ONCE = 60


@dataclass(frozen=True)
class Slot:
    """A time the coordinator keeps free for a three-party conversation (local time)."""
    id: int | None
    cohort_id: str
    starts_at: dt.datetime
    minutes: int
    place: str

    @property
    def stored_id(self) -> int:
        """The id of a slot read from the store (a slot not yet stored has none)."""
        if self.id is None:
            raise ValueError("the slot is not stored yet")
        return self.id

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.minutes)

    @property
    def day(self) -> dt.date:
        return self.starts_at.date()

    def overlaps(self, other: Slot) -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at

    def shown(self, lang: str) -> str:
        """ "tors 27 maj 2027 10:00–11:00 · Rum Ljuset" """
        return (f"{format_date(self.day, lang)} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"
                f" · {self.place}")


@dataclass(frozen=True)
class Booking:
    slot_id: int
    mentor_id: int
    mentee_id: int
    held: bool = False

    @property
    def pair(self) -> tuple[int, int]:
        return self.mentor_id, self.mentee_id


def slots_from_frame(frame: pd.DataFrame) -> list[Slot]:
    return [Slot(int(r.id), r.cohort_id, pd.Timestamp(r.starts_at).to_pydatetime(), int(r.minutes), r.place)
            for r in frame.itertuples(index=False)]


def bookings_from_frame(frame: pd.DataFrame) -> list[Booking]:
    return [Booking(int(r.slot_id), int(r.mentor_person_id), int(r.mentee_person_id), bool(r.held))
            for r in frame.itertuples(index=False)]


# -- Slots ------------------------------------------------------------------------------------

def check_slots(programme: Programme, cohort: Cohort, wanted: Sequence[Slot], existing: Sequence[Slot]) -> list[Slot]:
    """New slots, checked: a day of the programme (kick-off to the end of the three-party window),
    a length of 15–240 minutes, a place or link, and not the very slot the cohort already has
    (same start and place). MentorplanError for the first problem; the cleaned slots otherwise."""
    if not wanted:
        raise MentorplanError("followup.three_party.error.no_slots_given")
    if len(wanted) > MAX_SLOTS_AT_ONCE:
        raise MentorplanError("followup.three_party.error.too_many", limit=MAX_SLOTS_AT_ONCE)
    first, last = followup_span(programme, cohort)
    taken = {(s.starts_at, s.place.casefold()) for s in existing if s.cohort_id == cohort.id}
    cleaned = []
    for slot in wanted:
        place = " ".join(slot.place.split())
        if not place:
            raise MentorplanError("followup.three_party.error.no_place")
        if len(place) > MAX_PLACE:
            raise MentorplanError("followup.three_party.error.place_too_long", limit=MAX_PLACE)
        if not MIN_MINUTES <= slot.minutes <= MAX_MINUTES:
            raise MentorplanError("followup.three_party.error.minutes", minutes=slot.minutes, low=MIN_MINUTES,
                                  high=MAX_MINUTES)
        if not first <= slot.day <= last:
            raise MentorplanError("followup.three_party.error.outside", day=slot.day.isoformat(),
                                  first=first.isoformat(), last=last.isoformat())
        key = (slot.starts_at.replace(second=0, microsecond=0), place.casefold())
        if key in taken:
            raise MentorplanError("followup.three_party.error.duplicate", when=f"{slot.starts_at:%Y-%m-%d %H:%M}",
                                  place=place)
        taken.add(key)
        cleaned.append(Slot(None, cohort.id, key[0], int(slot.minutes), place))
    return cleaned


def series(day: dt.date, first: dt.time, count: int, minutes: int, pause: int, place: str, cohort_id: str
           ) -> list[Slot]:
    """`count` slots one after the other on a day, `pause` minutes apart: a morning of conversations."""
    start = dt.datetime.combine(day, first)
    return [Slot(None, cohort_id, start + dt.timedelta(minutes=i * (minutes + pause)), minutes, place)
            for i in range(count)]


def add_slots(store: Store, programme: Programme, cohort: Cohort, wanted: Sequence[Slot]) -> list[int]:
    existing = slots_from_frame(store.three_party_slots(cohort.id))
    return store.add_three_party_slots(check_slots(programme, cohort, wanted, existing))


def overlapping(slots: Sequence[Slot]) -> dict[int, list[int]]:
    """For each slot, the other slots at the same time (two coordinators, or a mistake)."""
    found: dict[int, list[int]] = defaultdict(list)
    ordered = sorted(slots, key=lambda s: s.starts_at)
    for i, slot in enumerate(ordered):
        for other in ordered[i + 1:]:
            if other.starts_at >= slot.ends_at:
                break
            found[slot.stored_id].append(other.stored_id)
            found[other.stored_id].append(slot.stored_id)
    return dict(found)


# -- Bookings ---------------------------------------------------------------------------------

def check_bookings(cohort_id: str, bookings: Sequence[Booking], pairs: Pairs, slots: Mapping[int, Slot],
                   others: Sequence[Booking], today: dt.date) -> None:
    """A cohort's bookings as they are to be: every pair exists and has at most one slot, every
    slot is the cohort's and is given once (also counting `others`, the bookings left as they
    are, of any cohort), nobody is in two slots at the same time, and only a conversation that
    has begun is held. `slots` holds every slot. MentorplanError for the first problem."""
    labels = pairs.labels()
    people = pairs.people()
    for booking in bookings:
        if booking.pair not in labels:
            raise MentorplanError("followup.error.no_pair", pair=pairs.label(booking.pair))
        slot = slots.get(booking.slot_id)
        if slot is None or slot.cohort_id != cohort_id:
            raise MentorplanError("followup.three_party.error.no_slot", slot=booking.slot_id)
    pair_count = Counter(b.pair for b in bookings)
    for pair, count in pair_count.items():
        if count > 1:
            raise MentorplanError("followup.three_party.error.pair_twice", pair=labels[pair])
    by_slot: dict[int, list[str]] = defaultdict(list)
    for booking in [*bookings, *others]:
        by_slot[booking.slot_id].append(labels.get(booking.pair) or pairs.label(booking.pair))
    for slot_id, booked in by_slot.items():
        if len(booked) > 1 and slot_id in slots:
            slot = slots[slot_id]
            raise MentorplanError("followup.three_party.error.slot_twice", when=f"{slot.starts_at:%Y-%m-%d %H:%M}",
                                  place=slot.place, pairs=" / ".join(booked))
    busy: dict[int, list[Slot]] = defaultdict(list)
    for booking in [*others, *bookings]:
        slot = slots.get(booking.slot_id)
        if slot is None:
            continue
        for person in booking.pair:
            for other in busy[person]:
                if other.overlaps(slot):
                    raise MentorplanError("followup.three_party.error.person_clash",
                                          name=people.get(person, f"#{person}"),
                                          first=f"{other.starts_at:%Y-%m-%d %H:%M}",
                                          second=f"{slot.starts_at:%Y-%m-%d %H:%M}")
            busy[person].append(slot)
    for booking in bookings:
        if booking.held and slots[booking.slot_id].day > today:
            raise MentorplanError("followup.three_party.error.held_future", pair=labels[booking.pair],
                                  day=slots[booking.slot_id].day.isoformat())


def save_bookings(store: Store, cohort: Cohort,
                  wanted: Mapping[tuple[int, int], tuple[int | None, bool]], today: dt.date) -> int:
    """Set the slot (None: no slot) and held mark of these pairs, checked against the cohort's
    other bookings and every cohort's bookings of the same people, in one transaction."""
    pairs = Pairs(store.accepted_pairs(cohort.id))
    slots = {s.stored_id: s for s in slots_from_frame(store.three_party_slots())}
    current = bookings_from_frame(store.three_party_bookings())
    touched = {(int(a), int(b)) for a, b in wanted}
    for pair in touched:
        if pair not in pairs:
            raise MentorplanError("followup.error.no_pair", pair=pairs.label(pair))
    bookings = [Booking(int(slot), int(pair[0]), int(pair[1]), bool(held))
                for pair, (slot, held) in wanted.items() if slot is not None]
    # What stays as it is: this cohort's other pairs, and every other cohort's bookings, whose
    # people may be the same (a mentor in two cohorts).
    others = [b for b in current if b.pair not in touched or slots[b.slot_id].cohort_id != cohort.id]
    check_bookings(cohort.id, bookings, pairs, slots, others, today)
    return store.save_three_party_bookings(cohort.id, touched, bookings)


def propose(cohort_id: str, pairs: Pairs, slots: Sequence[Slot], bookings: Sequence[Booking],
            window: tuple[dt.date, dt.date], closing: dt.date, today: dt.date
            ) -> tuple[list[Booking], list[tuple[int, int]]]:
    """Slots for the cohort's pairs not yet booked (see the module's words): the new bookings,
    and the pairs left without one. `slots` and `bookings` may hold every cohort's: only the
    cohort's free slots inside `window`, from today on, are given, and every booking of a
    person counts against a clash."""
    by_id = {s.id: s for s in slots}
    booked_pairs = {b.pair for b in bookings if b.slot_id in by_id and by_id[b.slot_id].cohort_id == cohort_id}
    booked_slots = {b.slot_id for b in bookings}
    first, last = window
    free = sorted((s for s in slots if s.cohort_id == cohort_id and s.id not in booked_slots
                   and first <= s.day <= last and s.day >= today),
                  key=lambda s: (abs((s.day - closing).days), s.starts_at, s.id))
    busy: dict[int, list[Slot]] = defaultdict(list)
    for booking in bookings:
        if booking.slot_id in by_id:
            for person in booking.pair:
                busy[person].append(by_id[booking.slot_id])
    labels = pairs.labels()
    waiting = [p for p in labels if p not in booked_pairs]
    load = Counter(person for pair in labels for person in pair)
    waiting.sort(key=lambda p: (-max(load[p[0]], load[p[1]]), labels[p].casefold()))
    proposed, left = [], []
    for pair in waiting:
        for slot in free:
            if not any(slot.overlaps(other) for person in pair for other in busy[person]):
                proposed.append(Booking(slot.stored_id, *pair))
                free.remove(slot)
                for person in pair:
                    busy[person].append(slot)
                break
        else:
            left.append(pair)
    return proposed, left


# -- Lists ------------------------------------------------------------------------------------

def booking_table(pairs: pd.DataFrame, bookings: pd.DataFrame) -> pd.DataFrame:
    """Every accepted pair with its booking, if any: ids, names, e-mails, labels (two people of one
    name read apart: core.platform.names), slot id, start, minutes, place, held."""
    columns = ["mentor_person_id", "mentee_person_id", "mentor_name", "mentor_email", "mentee_name", "mentee_email",
               "mentor_label", "mentee_label"]
    frame = with_person_labels(pairs)[columns].astype({"mentor_person_id": "int64", "mentee_person_id": "int64"})
    booked = bookings[["mentor_person_id", "mentee_person_id", "slot_id", "starts_at", "minutes", "place", "held"]]
    booked = booked.astype({"mentor_person_id": "int64", "mentee_person_id": "int64"})
    merged = frame.merge(booked, on=["mentor_person_id", "mentee_person_id"], how="left")
    merged["held"] = merged["held"].astype("boolean").fillna(False).astype(bool)
    return merged.sort_values(["starts_at", "mentor_label", "mentee_label"], na_position="last",
                              kind="stable").reset_index(drop=True)


def stale_bookings(bookings: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """Bookings of pairs that are no longer among the accepted pairs."""
    keys = set(zip(pairs["mentor_person_id"].astype(int), pairs["mentee_person_id"].astype(int), strict=True))
    mask = [(int(a), int(b)) not in keys for a, b in zip(bookings["mentor_person_id"], bookings["mentee_person_id"],
                                                        strict=True)]
    return bookings[mask]


def booking_list(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The booking list as the coordinator sends it on: day, time, place, mentor and mentee with
    their addresses, held; booked pairs first, then those without a slot."""
    rows = []
    for r in table.itertuples(index=False):
        booked = pd.notna(r.starts_at)
        start: dt.datetime | None = pd.Timestamp(r.starts_at).to_pydatetime() if booked else None
        rows.append({
            t("followup.three_party.col.day", lang): start.date() if start is not None else None,
            t("followup.three_party.col.time", lang): (
                f"{start:%H:%M}–{start + dt.timedelta(minutes=int(r.minutes)):%H:%M}" if start is not None else ""),
            t("followup.three_party.col.place", lang): r.place if booked else t("followup.three_party.unbooked",
                                                                                lang),
            t("followup.col.mentor", lang): r.mentor_label,
            t("followup.col.mentor_email", lang): r.mentor_email,
            t("followup.col.mentee", lang): r.mentee_label,
            t("followup.col.mentee_email", lang): r.mentee_email,
            t("followup.three_party.col.held", lang): t("followup.yes", lang) if r.held else "",
        })
    return pd.DataFrame(rows, columns=[
        t("followup.three_party.col.day", lang), t("followup.three_party.col.time", lang),
        t("followup.three_party.col.place", lang), t("followup.col.mentor", lang),
        t("followup.col.mentor_email", lang), t("followup.col.mentee", lang), t("followup.col.mentee_email", lang),
        t("followup.three_party.col.held", lang)])


def appointments(table: pd.DataFrame, cohort: Cohort, lang: str) -> list[Appointment]:
    """The booked conversations as calendar entries; the UID is the slot's, so that a new export
    updates the calendar (a moved pair changes the entry, not the number of entries)."""
    found = []
    for r in table.itertuples(index=False):
        if pd.isna(r.starts_at):
            continue
        pair = pair_label(r.mentor_label, r.mentee_label)
        found.append(Appointment(
            uid=f"three-party-{cohort.id}-slot-{int(r.slot_id)}",
            starts_at=pd.Timestamp(r.starts_at).to_pydatetime(), minutes=int(r.minutes),
            summary=t("followup.three_party.ics_summary", lang, pair=pair),
            location=r.place,
            description=t("followup.three_party.ics_description", lang, mentor=r.mentor_name,
                          mentor_email=r.mentor_email, mentee=r.mentee_name, mentee_email=r.mentee_email,
                          cohort=cohort_label(cohort, lang))))
    return found


def booking_workbook(table: pd.DataFrame, lang: str) -> bytes:
    """The booking list as an .xlsx of one sheet."""
    return to_xlsx({t("followup.three_party.nav", lang): booking_list(table, lang)})


def booking_calendar(table: pd.DataFrame, cohort: Cohort, lang: str) -> bytes:
    """The booked conversations as an .ics file."""
    name = f"{t('followup.three_party.nav', lang)} · {cohort_label(cohort, lang)}"  # the calendar's name in words
    return appointments_to_ics(appointments(table, cohort, lang), name)


def unbooked(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["slot_id"].isna()]


NO_SLOT = 0  # the booking table's "no time": slot ids start at 1


def slot_label(slot: Slot, lang: str) -> str:
    """A slot as the booking table and the delete choice show it; the slot's number ends it, so
    that two times with the same words still read apart."""
    return f"{slot.shown(lang)} (#{slot.id})"


def slot_labels(slots: Iterable[Slot], lang: str) -> dict[int, str]:
    """The slots' words by slot id."""
    return {slot.stored_id: slot_label(slot, lang) for slot in slots}


def booking_editor_frame(table: pd.DataFrame, labels: Mapping[tuple[int, int], str]) -> pd.DataFrame:
    """The rows of the booking editor: each pair's ids and words, its slot as an id (NO_SLOT
    when it has none) and whether it is held. The widget holds ids, never words, so that what a
    coordinator chose stays what is stored when the language changes between edit and save."""
    pairs = list(zip(table["mentor_person_id"].astype(int), table["mentee_person_id"].astype(int), strict=True))
    return pd.DataFrame({
        "mentor_person_id": pd.Series([a for a, _b in pairs], dtype="int64"),
        "mentee_person_id": pd.Series([b for _a, b in pairs], dtype="int64"),
        "pair": [labels[pair] for pair in pairs],
        "slot": pd.Series([NO_SLOT if pd.isna(s) else int(s) for s in table["slot_id"]], dtype="int64"),
        "held": table["held"].astype(bool).to_numpy(),
    })


def booking_changes(before: pd.DataFrame, after: pd.DataFrame, slot_ids: Iterable[int]
                   ) -> dict[tuple[int, int], tuple[int | None, bool]]:
    """What the coordinator changed in the booking editor, as save_bookings takes it: for each
    pair whose slot or held mark changed, its slot (None: no time) and held mark. A slot value
    that names none of `slot_ids` (a time deleted meanwhile, a value the table cannot hold) is a
    MentorplanError naming the pair: nothing is taken for "no time"."""
    known = {int(s) for s in slot_ids}
    wanted: dict[tuple[int, int], tuple[int | None, bool]] = {}
    for old, new in zip(before.itertuples(index=False), after.itertuples(index=False), strict=True):
        pair = (int(old.mentor_person_id), int(old.mentee_person_id))
        slot = _slot_id(new.slot, known)
        if slot is _UNKNOWN:
            raise MentorplanError("followup.three_party.error.unknown_slot", pair=old.pair,
                                  value=excerpt(new.slot, 60, "—"))
        held = _checked(new.held)
        if (slot, held) != (_slot_id(old.slot, known), _checked(old.held)):
            wanted[pair] = (slot, held)
    return wanted


class _Unknown(enum.Enum):
    SLOT = "unknown"  # an editor cell that names no slot


_UNKNOWN: Final = _Unknown.SLOT


def _slot_id(value: object, known: set[int]) -> int | None | Literal[_Unknown.SLOT]:
    """The slot id an editor cell holds: an id of `known`, None for NO_SLOT, or _UNKNOWN."""
    if isinstance(value, bool) or value is None:
        return _UNKNOWN
    if isinstance(value, str):
        value = value.strip()
        if not value.isdigit():
            return _UNKNOWN
    if not isinstance(value, (str, SupportsFloat, SupportsIndex)):
        return _UNKNOWN  # what float() refuses
    try:
        number = float(value)
    except (TypeError, ValueError):
        return _UNKNOWN
    if not number.is_integer():  # NaN too
        return _UNKNOWN
    if int(number) == NO_SLOT:
        return None
    return int(number) if int(number) in known else _UNKNOWN


def _checked(value: object) -> bool:
    """A checkbox cell: only a true value is ticked (bool(NaN) would be True)."""
    return value is True or (isinstance(value, np.bool_) and bool(value))
