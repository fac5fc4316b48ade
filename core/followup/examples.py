"""Example follow-up, for the demo and the "load example data" offer on an empty dashboard: the
example participants (core.people.examples) of every cohort that is being prepared or followed on a
day, matched where the matching deadline has passed, the decisions sent once their day has come,
with pair meetings, attendance and three-party conversations up to that day — a few pairs gone
quiet and a few bookings missing, so that the to-do list has something to say. Everything goes
through the same checks and store calls as the pages. Deterministic for a seed and a day; loading
twice changes nothing."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from core.calendar.programme import FIRST_YEAR, LAST_YEAR, Cohort, Programme, programme_year_of
from core.followup.attendance import attendance_events, expected_attendees, record_attendance
from core.followup.meetings import MeetingRecord, Pairs, followup_span, meeting_windows, record_meetings
from core.followup.three_party import (
    DEFAULT_MINUTES,
    Slot,
    add_slots,
    bookings_from_frame,
    propose,
    save_bookings,
    series,
    slots_from_frame,
)
from core.matching import runs as matching
from core.messages.delivery import log_prepared
from core.messages.letters import decision_messages
from core.messages.templates import DECISIONS_EVENT
from core.people.examples import SEED, load_example_participants

if TYPE_CHECKING:
    from core.store import Store

EXAMPLE_PLACES = ("Samtalsrummet, Storgatan 12", "Teams: https://teams.example/mentorskap")
QUIET_PAIRS = 2  # pairs that stop meeting half-way, as some do
SLOTS_A_DAY = 5


def example_cohorts(programme: Programme, today: dt.date) -> list[Cohort]:
    """The cohorts that are being prepared (from their first event) or followed on the day."""
    found = []
    for year in range(today.year - 1, today.year + 2):
        for track in programme.rulebook.tracks:
            cohort = Cohort(year, track)
            first = min(o.start for o in programme.cohort(cohort))
            if first <= today <= followup_span(programme, cohort)[1]:
                found.append(cohort)
    return sorted(found, key=lambda c: followup_span(programme, c)[0])


def _programme_year(cohort: Cohort) -> int:
    """The programme year a cohort belongs to: autumn-2026 → 2026, spring-2027 → 2026."""
    return cohort.year if cohort.track == "autumn" else cohort.year - 1


def load_examples(store: Store, programme: Programme, today: dt.date, seed: int = SEED) -> dict:
    """The example participants of every programme year with a cohort current on the day, and
    their follow-up up to the day. Returns what was loaded, for the page to say."""
    cohorts = example_cohorts(programme, today)
    people = 0
    for year in sorted({_programme_year(c) for c in cohorts} | {programme_year_of(today)}):
        if FIRST_YEAR <= year <= LAST_YEAR:
            people += load_example_participants(store, programme, dt.date(year, 9, 1), seed)["count"]
    loaded = load_example_followup(store, programme, today, seed)
    return {"people": people, "cohorts": [c.id for c in cohorts], **loaded}


def clear_examples(store: Store) -> dict[str, int]:
    """Remove the example data (the people load_examples made, marked as examples, and what hangs
    on them, with the free three-party slots it added at its places), leaving the coordinator's own
    data untouched, in one transaction (core.store.people.PeopleStore.clear_examples). Returns rows
    deleted by table."""
    return store.clear_examples(slot_places=EXAMPLE_PLACES)


def load_example_followup(store: Store, programme: Programme, today: dt.date, seed: int = SEED) -> dict:
    """For each current cohort with participants: accept a matching once the deadline has passed,
    then log meetings, attendance and three-party conversations up to the day."""
    matched = meetings = 0
    for cohort in example_cohorts(programme, today):
        if store.participants(cohort.id).empty:
            continue
        rng = random.Random(f"{seed}-{cohort.id}")
        if _match(store, programme, cohort, today):
            matched += 1
        if store.accepted_pairs(cohort.id).empty:
            continue
        _decisions(store, programme, cohort, today)
        meetings += _meetings(store, programme, cohort, today, rng, seed)
        _attendance(store, programme, cohort, today, rng)
        _three_party(store, programme, cohort, today, rng)
    return {"matched": matched, "meetings": meetings}


def _match(store: Store, programme: Programme, cohort: Cohort, today: dt.date) -> bool:
    events = {o.id: o for o in programme.cohort(cohort)}
    deadline = (events.get("matching_deadline") or events["decisions_sent"]).start
    if today < deadline or store.accepted_run(cohort.id) is not None:
        return False
    result = matching.run(matching.problem_from_store(store, cohort.id))
    waiting = [int(p) for p in result.unmatched_mentees["person_id"]]
    store.save_run(result, accept=True, waiting=waiting,
                   next_cohort_id=programme.next_start(cohort).id)
    return True


def _decisions(store: Store, programme: Programme, cohort: Cohort, today: dt.date) -> None:
    """Once their day has come, the decisions went out as drafts and were marked sent, as the
    messages page records it."""
    if today < programme.occurrence(cohort, DECISIONS_EVENT).start or store.sent_to(cohort.id, "decision",
                                                                                   DECISIONS_EVENT):
        return
    batch = decision_messages(store, programme, cohort, "sv")
    log_prepared(store, batch, "eml")
    store.mark_sent(cohort.id, "decision", DECISIONS_EVENT, [m.person_id for m in batch.messages])


def _weekday_in(rng: random.Random, first: dt.date, last: dt.date) -> dt.date | None:
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    days = [d for d in days if d.weekday() < 5] or days
    return rng.choice(days) if days else None


def _meetings(store: Store, programme: Programme, cohort: Cohort, today: dt.date, rng: random.Random, seed: int) -> int:
    pairs = store.accepted_pairs(cohort.id)
    logged = {(int(r.mentor_person_id), int(r.mentee_person_id), int(r.number))
              for r in store.pair_meetings(cohort.id).itertuples(index=False)}
    first_day = followup_span(programme, cohort)[0]
    keys = sorted(Pairs(pairs).keys)
    quiet = set(rng.sample(keys, min(QUIET_PAIRS, len(keys))))
    records = []
    for window in meeting_windows(programme, cohort):
        if window.start > today:
            break
        for pair in keys:
            if (*pair, window.number) in logged or (pair in quiet and window.number >= 3):
                continue
            # Each pair's meeting is drawn on its own, so that loading again draws the same.
            draw = random.Random(f"{seed}-{cohort.id}-{pair}-{window.number}")
            if draw.random() > (0.97 if window.end < today else 0.4):
                continue
            day = _weekday_in(draw, max(window.start, first_day), min(window.end, today))
            if day is not None:
                records.append(MeetingRecord(*pair, window.number, day, ""))
    if records:
        record_meetings(store, programme, cohort, records, [], today)
    return len(records)


def _attendance(store: Store, programme: Programme, cohort: Cohort, today: dt.date, rng: random.Random) -> None:
    for occurrence in attendance_events(programme, cohort):
        if occurrence.start >= today or len(store.attendance(cohort.id, occurrence.id)):
            continue
        expected = expected_attendees(store, programme, occurrence)
        # The examples' own attendance only: a guest from the coordinator's own cohorts (a former
        # pair) is left unrecorded, so that clearing the examples leaves the own data as it was.
        expected = expected[expected["person_id"].isin(store.example_ids())]
        if expected.empty:
            continue
        marks = {int(p): rng.random() < (0.9 if own else 0.5) for p, own in zip(expected["person_id"],
                                                                                   expected["own"], strict=True)}
        record_attendance(store, programme, cohort, occurrence.id, marks, today)


def _three_party(store: Store, programme: Programme, cohort: Cohort, today: dt.date, rng: random.Random) -> None:
    events = {o.id: o for o in programme.cohort(cohort)}
    window, closing = events["three_party_window"], events["closing"].start
    if today < window.start - dt.timedelta(days=30):
        return
    pairs = Pairs(store.accepted_pairs(cohort.id))
    if not len(store.three_party_slots(cohort.id)):
        wanted: list[Slot] = []
        day, place = closing - dt.timedelta(days=9), 0
        while len(wanted) < len(pairs) + 4 and day <= window.end:
            if day.weekday() < 5 and day != closing and window.start <= day:
                wanted.extend(series(day, dt.time(9, 0), SLOTS_A_DAY, DEFAULT_MINUTES, 15,
                                     EXAMPLE_PLACES[place % 2], cohort.id))
                place += 1
            day += dt.timedelta(days=1)
        add_slots(store, programme, cohort, wanted)
    if today < window.start - dt.timedelta(days=14) or len(store.three_party_bookings(cohort.id)):
        return
    slots = slots_from_frame(store.three_party_slots())
    bookings = bookings_from_frame(store.three_party_bookings())
    proposed, _left = propose(cohort.id, pairs, slots, bookings, (window.start, window.end), closing,
                              window.start)
    share = 1.0 if today >= window.start else 0.6
    by_id = {s.id: s for s in slots}
    chosen = [b for b in proposed if rng.random() < share]
    booked = {b.pair: (b.slot_id, by_id[b.slot_id].day < today and rng.random() < 0.9) for b in chosen}
    if booked:
        save_bookings(store, cohort, booked, today)
