"""Three-party conversations: free slots checked before they are stored, bookings that never give a
slot twice nor put anyone in two conversations at once (a property test), the proposal nearest the
closing day, marking held, the booking list as .xlsx and .ics, and the booking editor (slot ids,
the rows that changed, a value that names no time refused)."""

import datetime as dt
import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from openpyxl import load_workbook

from core import services
from core.calendar.files import appointments_to_ics
from core.calendar.programme import Cohort
from core.followup.meetings import Pairs
from core.followup.three_party import (
    NO_SLOT,
    Booking,
    Slot,
    add_slots,
    appointments,
    booking_calendar,
    booking_changes,
    booking_editor_frame,
    booking_list,
    booking_table,
    booking_workbook,
    bookings_from_frame,
    overlapping,
    propose,
    save_bookings,
    series,
    slot_labels,
    slots_from_frame,
)
from core.platform.files import to_xlsx
from core.platform.i18n import MentorplanError
from tests.followup_pairs import matched_cohort, pair_of

AUTUMN = Cohort(2026, "autumn")
CLOSING = dt.date(2027, 5, 27)
WINDOW = (dt.date(2027, 4, 26), dt.date(2027, 6, 10))
TODAY = dt.date(2027, 5, 3)


@pytest.fixture
def programme(store):
    return services.programme(store)


@pytest.fixture
def ids(store):
    return matched_cohort(store)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def stored_slots(store) -> dict[str, int]:
    """The cohort's slots by "MM-DD HH:MM"."""
    return {f"{s.starts_at:%m-%d %H:%M}": s.id for s in slots_from_frame(store.three_party_slots(AUTUMN.id))}


# -- Slots --------------------------------------------------------------------------------------

def test_a_series_of_slots_is_stored_and_a_bad_one_stores_nothing(store, programme, ids):
    wanted = series(dt.date(2027, 5, 28), dt.time(9, 0), 3, 60, 15, "  Rum  Ljuset ", AUTUMN.id)
    assert [f"{s.starts_at:%H:%M}" for s in wanted] == ["09:00", "10:15", "11:30"]
    assert len(add_slots(store, programme, AUTUMN, wanted)) == 3
    assert set(store.three_party_slots(AUTUMN.id)["place"]) == {"Rum Ljuset"}
    cases = [
        (series(dt.date(2027, 6, 20), dt.time(9), 1, 60, 0, "Rum", AUTUMN.id), "followup.three_party.error.outside"),
        (series(dt.date(2027, 5, 31), dt.time(9), 1, 600, 0, "Rum", AUTUMN.id), "followup.three_party.error.minutes"),
        (series(dt.date(2027, 5, 31), dt.time(9), 1, 60, 0, " ", AUTUMN.id), "followup.three_party.error.no_place"),
        (series(dt.date(2027, 5, 28), dt.time(10, 15), 1, 60, 0, "rum ljuset", AUTUMN.id),
         "followup.three_party.error.duplicate"),
        ([*series(dt.date(2027, 5, 31), dt.time(9), 1, 60, 0, "Rum", AUTUMN.id),
          *series(dt.date(2027, 6, 30), dt.time(9), 1, 60, 0, "Rum", AUTUMN.id)], "followup.three_party.error.outside"),
        ([], "followup.three_party.error.no_slots_given"),
    ]
    for wanted, key in cases:
        with pytest.raises(MentorplanError) as raised:
            add_slots(store, programme, AUTUMN, wanted)
        assert raised.value.key == key
    assert len(store.three_party_slots(AUTUMN.id)) == 3


def test_overlapping_slots_are_found():
    slots = [Slot(1, "c", at(CLOSING, 9), 60, "A"), Slot(2, "c", at(CLOSING, 9, 30), 60, "B"),
             Slot(3, "c", at(CLOSING, 10, 15), 60, "A"), Slot(4, "c", at(CLOSING, 11, 15), 30, "A")]
    assert overlapping(slots) == {1: [2], 2: [1, 3], 3: [2]}


# -- Bookings -----------------------------------------------------------------------------------

@pytest.fixture
def slots(store, programme, ids):
    add_slots(store, programme, AUTUMN, [*series(dt.date(2027, 4, 28), dt.time(9), 2, 60, 0, "Rum", AUTUMN.id),
                                         *series(dt.date(2027, 5, 28), dt.time(9), 3, 60, 0, "Rum", AUTUMN.id),
                                         *series(dt.date(2027, 5, 28), dt.time(9, 30), 1, 60, 0, "Teams", AUTUMN.id)])
    return stored_slots(store)


def test_a_slot_booked_twice_is_refused_and_nothing_stored(store, ids, slots):
    anna_elin, bo = pair_of(ids, "Anna Berg", "Elin Gran"), pair_of(ids, "Bo Ek", "Gustav Holm")
    with pytest.raises(MentorplanError) as raised:
        save_bookings(store, AUTUMN, {anna_elin: (slots["05-28 09:00"], False), bo: (slots["05-28 09:00"], False)},
                      TODAY)
    assert raised.value.key == "followup.three_party.error.slot_twice"
    assert "Anna Berg – Elin Gran / Bo Ek – Gustav Holm" in raised.value.shown("en")
    assert store.three_party_bookings().empty
    save_bookings(store, AUTUMN, {anna_elin: (slots["05-28 09:00"], False)}, TODAY)
    with pytest.raises(MentorplanError) as raised:  # taken by a pair that is left as it is
        save_bookings(store, AUTUMN, {bo: (slots["05-28 09:00"], False)}, TODAY)
    assert raised.value.key == "followup.three_party.error.slot_twice"
    assert len(store.three_party_bookings()) == 1


def test_a_mentor_cannot_be_in_two_conversations_at_once(store, ids, slots):
    anna_elin, anna_farah = pair_of(ids, "Anna Berg", "Elin Gran"), pair_of(ids, "Anna Berg", "Farah Haddad")
    with pytest.raises(MentorplanError) as raised:
        save_bookings(store, AUTUMN, {anna_elin: (slots["05-28 09:00"], False),
                                      anna_farah: (slots["05-28 09:30"], False)}, TODAY)
    assert raised.value.key == "followup.three_party.error.person_clash"
    assert raised.value.shown("sv").startswith("Anna Berg skulle vara i två samtal samtidigt")
    save_bookings(store, AUTUMN, {anna_elin: (slots["05-28 09:00"], False),
                                  anna_farah: (slots["05-28 10:00"], False)}, TODAY)
    assert len(store.three_party_bookings(AUTUMN.id)) == 2


def test_moving_cancelling_and_marking_held(store, ids, slots):
    bo = pair_of(ids, "Bo Ek", "Gustav Holm")
    save_bookings(store, AUTUMN, {bo: (slots["05-28 09:00"], False)}, TODAY)
    save_bookings(store, AUTUMN, {bo: (slots["04-28 10:00"], False)}, TODAY)  # moved: one booking, the new slot
    assert list(store.three_party_bookings(AUTUMN.id)["slot_id"]) == [slots["04-28 10:00"]]
    with pytest.raises(MentorplanError) as raised:
        save_bookings(store, AUTUMN, {bo: (slots["05-28 09:00"], True)}, TODAY)  # held on a day to come
    assert raised.value.key == "followup.three_party.error.held_future"
    save_bookings(store, AUTUMN, {bo: (slots["04-28 10:00"], True)}, TODAY)
    assert list(store.three_party_bookings(AUTUMN.id)["held"]) == [True]
    save_bookings(store, AUTUMN, {bo: (None, False)}, TODAY)
    assert store.three_party_bookings().empty
    with pytest.raises(MentorplanError) as raised:  # a booked slot is not removed under a pair
        save_bookings(store, AUTUMN, {bo: (slots["05-28 09:00"], False)}, TODAY)
        store.delete_three_party_slot(AUTUMN.id, slots["05-28 09:00"])
    assert raised.value.key == "followup.three_party.error.slot_booked"
    store.delete_three_party_slot(AUTUMN.id, slots["05-28 11:00"])
    assert "05-28 11:00" not in stored_slots(store)


def test_a_pair_that_no_longer_exists_or_a_slot_of_another_cohort_is_refused(store, programme, ids, slots):
    gone = pair_of(ids, "Bo Ek", "Hanna Ilves")
    with pytest.raises(MentorplanError) as raised:
        save_bookings(store, AUTUMN, {gone: (slots["05-28 09:00"], False)}, TODAY)
    assert raised.value.key == "followup.error.no_pair"
    spring = Cohort(2027, "spring")
    matched_cohort(store, spring.id, (("Dan Vår", "Eva Vår"),))
    [other] = add_slots(store, programme, spring, series(dt.date(2027, 5, 28), dt.time(13), 1, 60, 0, "Rum", spring.id))
    with pytest.raises(MentorplanError) as raised:
        save_bookings(store, AUTUMN, {pair_of(ids, "Bo Ek", "Gustav Holm"): (other, False)}, TODAY)
    assert raised.value.key == "followup.three_party.error.no_slot"
    assert store.three_party_bookings().empty


def test_the_proposal_books_nearest_the_closing_day_without_clashes(store, ids, slots):
    pairs = Pairs(store.accepted_pairs(AUTUMN.id))
    proposed, left = propose(AUTUMN.id, pairs, slots_from_frame(store.three_party_slots()),
                             bookings_from_frame(store.three_party_bookings()), WINDOW, CLOSING, TODAY)
    by_pair = {b.pair: b.slot_id for b in proposed}
    assert left == [] and len(proposed) == 4
    # The 28 May slots come first (a day from the closing day); 28 April is in the past on 3 May.
    assert set(by_pair.values()) == {slots["05-28 09:00"], slots["05-28 10:00"], slots["05-28 11:00"],
                                     slots["05-28 09:30"]}
    anna = {by_pair[pair_of(ids, "Anna Berg", "Elin Gran")], by_pair[pair_of(ids, "Anna Berg", "Farah Haddad")]}
    assert slots["05-28 09:30"] not in anna or not anna & {slots["05-28 09:00"], slots["05-28 10:00"]}
    save_bookings(store, AUTUMN, {b.pair: (b.slot_id, False) for b in proposed}, TODAY)
    again, left = propose(AUTUMN.id, pairs, slots_from_frame(store.three_party_slots()),
                          bookings_from_frame(store.three_party_bookings()), WINDOW, CLOSING, TODAY)
    assert again == [] and left == []


# -- The property: never a slot twice, never a person twice at once ------------------------------

@st.composite
def booking_problems(draw):
    mentors = draw(st.integers(1, 4))
    pairs = [(draw(st.integers(1, mentors)), 100 + mentee) for mentee in range(draw(st.integers(1, 8)))]
    frame = pd.DataFrame({"mentor_person_id": [p[0] for p in pairs], "mentee_person_id": [p[1] for p in pairs],
                          "mentor_name": [f"M{p[0]}" for p in pairs], "mentee_name": [f"A{p[1]}" for p in pairs],
                          "mentor_email": "", "mentee_email": ""})
    slots = []
    for slot_id in range(1, draw(st.integers(0, 10)) + 1):
        day = WINDOW[0] + dt.timedelta(days=draw(st.integers(-5, 50)))
        starts = dt.datetime.combine(day, dt.time(draw(st.integers(8, 15)), draw(st.sampled_from([0, 30]))))
        cohort = draw(st.sampled_from(["c", "c", "c", "other"]))
        slots.append(Slot(slot_id, cohort, starts, draw(st.sampled_from([30, 60, 90])), "Rum"))
    existing, taken = [], set()
    for pair in draw(st.lists(st.sampled_from(pairs + [(1, 999)]), unique=True, max_size=3)):
        free = [s.id for s in slots if s.id not in taken]
        if free:
            slot_id = draw(st.sampled_from(free))
            taken.add(slot_id)
            existing.append(Booking(slot_id, *pair))
    today = WINDOW[0] + dt.timedelta(days=draw(st.integers(0, 30)))
    return Pairs(frame.drop_duplicates(["mentor_person_id", "mentee_person_id"])), slots, existing, today


@settings(max_examples=300, deadline=None)
@given(booking_problems())
def test_a_proposal_never_double_books_a_slot_or_a_person(problem):
    pairs, slots, existing, today = problem
    proposed, left = propose("c", pairs, slots, existing, WINDOW, CLOSING, today)
    by_id = {s.id: s for s in slots}
    # Only free slots of the cohort, inside the window, from today; each once.
    assert len({b.slot_id for b in proposed}) == len(proposed)
    assert not {b.slot_id for b in proposed} & {b.slot_id for b in existing}
    for booking in proposed:
        slot = by_id[booking.slot_id]
        assert slot.cohort_id == "c" and WINDOW[0] <= slot.day <= WINDOW[1] and slot.day >= today
    # Every pair of the cohort at most once, and never one already booked in the cohort.
    booked_before = {b.pair for b in existing if by_id[b.slot_id].cohort_id == "c"}
    assert len({b.pair for b in proposed}) == len(proposed) and not {b.pair for b in proposed} & booked_before
    assert {b.pair for b in proposed} | set(left) == pairs.keys - booked_before
    # Nobody in two overlapping conversations through the proposal.
    every = [*existing, *proposed]
    for new in proposed:
        for other in every:
            if other is not new and set(other.pair) & set(new.pair):
                assert not by_id[new.slot_id].overlaps(by_id[other.slot_id])
    # A pair is left out only when no free slot it could take remains.
    used = {b.slot_id for b in every}
    for pair in left:
        for slot in slots:
            if (slot.id not in used and slot.cohort_id == "c" and WINDOW[0] <= slot.day <= WINDOW[1]
                    and slot.day >= today):
                assert any(slot.overlaps(by_id[b.slot_id]) for b in every if set(b.pair) & set(pair))


# -- Lists and calendar ---------------------------------------------------------------------------

def test_the_booking_list_and_calendar_file(store, ids, slots):
    save_bookings(store, AUTUMN, {pair_of(ids, "Bo Ek", "Gustav Holm"): (slots["05-28 10:00"], False)}, TODAY)
    table = booking_table(store.accepted_pairs(AUTUMN.id), store.three_party_bookings(AUTUMN.id))
    listed = booking_list(table, "sv")
    assert list(listed.columns) == ["Dag", "Tid", "Plats", "Mentor", "Mentorns e-post", "Adept", "Adeptens e-post",
                                    "Hållet"]
    assert listed.iloc[0].tolist()[:4] == [dt.date(2027, 5, 28), "10:00–11:00", "Rum", "Bo Ek"]
    assert (listed["Plats"] == "ingen tid bokad").sum() == 3
    sheet = load_workbook(io.BytesIO(to_xlsx({"Bokningar": listed}))).active
    assert sheet["B2"].value == "10:00–11:00" and sheet.max_row == 5
    ics = appointments_to_ics(appointments(table, AUTUMN, "en"), "Three-party autumn-2026")
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["uid"]) == f"three-party-autumn-2026-slot-{slots['05-28 10:00']}@mentorplan"
    assert event.decoded("dtstart") == dt.datetime(2027, 5, 28, 10, 0, tzinfo=event.decoded("dtstart").tzinfo)
    assert str(event.decoded("dtstart").tzinfo) == "Europe/Stockholm"
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(hours=1)
    assert "Bo Ek – Gustav Holm" in str(event["summary"]) and "gustav.holm@example.se" in str(event["description"])
    assert b"BEGIN:VTIMEZONE" in ics and b"TZID:Europe/Stockholm" in ics


def test_the_booking_list_and_calendar_as_files(store, ids, slots):
    save_bookings(store, AUTUMN, {pair_of(ids, "Bo Ek", "Gustav Holm"): (slots["05-28 10:00"], False)}, TODAY)
    table = booking_table(store.accepted_pairs(AUTUMN.id), store.three_party_bookings(AUTUMN.id))
    workbook = load_workbook(io.BytesIO(booking_workbook(table, "en")))
    assert workbook.sheetnames == ["Three-party conversations"]
    assert workbook.active["D2"].value == "Bo Ek" and workbook.active.max_row == 5
    calendar = Calendar.from_ical(booking_calendar(table, AUTUMN, "sv"))
    [event] = calendar.walk("VEVENT")
    assert str(event["uid"]) == f"three-party-autumn-2026-slot-{slots['05-28 10:00']}@mentorplan"  # ids for machines
    assert str(calendar["X-WR-CALNAME"]).endswith("· Höststart 2026")  # words for people
    assert "Höststart 2026" in str(event["description"]) and "autumn-2026" not in str(event["description"])


# -- The booking editor: ids in the widget, the changes worked out here --------------------------

@pytest.fixture
def editor(store, ids, slots):
    """The booking editor's rows with Bo's pair booked at 05-28 10:00."""
    save_bookings(store, AUTUMN, {pair_of(ids, "Bo Ek", "Gustav Holm"): (slots["05-28 10:00"], False)}, TODAY)
    table = booking_table(store.accepted_pairs(AUTUMN.id), store.three_party_bookings(AUTUMN.id))
    return booking_editor_frame(table, Pairs(store.accepted_pairs(AUTUMN.id)).labels())


def row_of(frame: pd.DataFrame, pair: tuple[int, int]) -> int:
    return int(frame.index[(frame["mentor_person_id"] == pair[0]) & (frame["mentee_person_id"] == pair[1])][0])


def test_the_editor_holds_slot_ids_not_words(store, ids, slots, editor):
    assert list(editor.columns) == ["mentor_person_id", "mentee_person_id", "pair", "slot", "held"]
    assert editor["slot"].dtype == "int64" and editor["held"].dtype == bool
    bo = pair_of(ids, "Bo Ek", "Gustav Holm")
    assert editor.loc[row_of(editor, bo), "slot"] == slots["05-28 10:00"]
    assert editor.loc[row_of(editor, bo), "pair"] == "Bo Ek – Gustav Holm"
    assert (editor["slot"] == NO_SLOT).sum() == 3
    words = {lang: slot_labels(slots_from_frame(store.three_party_slots(AUTUMN.id)), lang) for lang in ("sv", "en")}
    assert words["sv"][slots["05-28 10:00"]] == f"fre 28 maj 2027 10:00–11:00 · Rum (#{slots['05-28 10:00']})"
    assert words["en"][slots["05-28 10:00"]].startswith("Fri 28 May 2027 10:00–11:00")


def test_the_changes_are_the_rows_whose_slot_or_held_mark_changed(ids, slots, editor):
    known = set(slots.values())
    assert booking_changes(editor, editor.copy(), known) == {}
    bo, anna_elin = pair_of(ids, "Bo Ek", "Gustav Holm"), pair_of(ids, "Anna Berg", "Elin Gran")
    after = editor.copy()
    after.loc[row_of(after, anna_elin), "slot"] = slots["05-28 11:00"]   # booked
    after.loc[row_of(after, bo), "slot"] = NO_SLOT                        # cancelled
    assert booking_changes(editor, after, known) == {anna_elin: (slots["05-28 11:00"], False), bo: (None, False)}
    after = editor.copy()
    after.loc[row_of(after, bo), "held"] = True
    assert booking_changes(editor, after, known) == {bo: (slots["05-28 10:00"], True)}
    # What the editor may hand back for an id column: a float after a missing value, or text.
    after = editor.astype({"slot": object})
    after.loc[row_of(after, anna_elin), "slot"] = f" {slots['04-28 09:00']} "
    after.loc[row_of(after, bo), "slot"] = float(slots["05-28 10:00"])
    assert booking_changes(editor, after, known) == {anna_elin: (slots["04-28 09:00"], False)}


@pytest.mark.parametrize("value", [999, None, float("nan"), "fre 28 maj 2027 09:00–10:00 · Rum (#1)", "Fri", 2.5,
                                   True, -1])
def test_a_slot_value_that_names_no_time_is_an_error_not_a_cancellation(ids, slots, editor, value):
    """A value the editor holds that is no slot of the cohort — a time deleted meanwhile, words
    of another language, nothing — is refused with the pair named; never taken for "no time"."""
    anna_elin = pair_of(ids, "Anna Berg", "Elin Gran")
    after = editor.astype({"slot": object})
    after.loc[row_of(after, anna_elin), "slot"] = value
    with pytest.raises(MentorplanError) as raised:
        booking_changes(editor, after, set(slots.values()))
    assert raised.value.key == "followup.three_party.error.unknown_slot"
    message = raised.value.shown("en")
    assert message.startswith("Anna Berg – Elin Gran: '") and message.endswith("Nothing was saved.")


def test_a_held_mark_that_is_not_true_is_not_held(ids, slots, editor):
    bo = pair_of(ids, "Bo Ek", "Gustav Holm")
    after = editor.astype({"held": object})
    after.loc[row_of(after, bo), "held"] = float("nan")  # bool(nan) is True
    assert booking_changes(editor, after, set(slots.values())) == {}
