"""Pair meetings: their weeks, the overdue rule at the edges of a week, marking many held at once
(all or nothing), a pair that no longer exists, and attendance at a cohort's events."""

import datetime as dt

import pandas as pd
import pytest

from core import services
from core.calendar.programme import Cohort
from core.followup.attendance import expected_attendees, record_attendance
from core.followup.meetings import (
    MeetingRecord,
    MeetingRemoval,
    MeetingWindow,
    Pairs,
    default_meeting_date,
    editor_changes,
    editor_frame,
    followup_cohorts,
    followup_span,
    meeting_states,
    meeting_windows,
    overdue_by_pair,
    overview_frame,
    record_meetings,
    stale_meetings,
)
from core.platform.i18n import MentorplanError
from tests.followup_pairs import PAIRS, accept_pairs, add_person, matched_cohort, pair_of

AUTUMN = Cohort(2026, "autumn")
SPRING = Cohort(2027, "spring")


@pytest.fixture
def programme(store):
    return services.programme(store)


@pytest.fixture
def ids(store):
    return matched_cohort(store)


def test_the_six_meetings_are_the_manuals_weeks(programme):
    windows = meeting_windows(programme, AUTUMN)
    assert [w.number for w in windows] == [1, 2, 3, 4, 5, 6]
    assert (windows[0].start, windows[0].end) == (dt.date(2026, 9, 28), dt.date(2026, 10, 4))  # v. 40
    assert (windows[5].start, windows[5].end) == (dt.date(2027, 4, 26), dt.date(2027, 5, 2))
    assert all(w.start.weekday() == 0 and (w.end - w.start).days == 6 for w in windows)


@pytest.mark.parametrize(("today", "status"), [
    (dt.date(2026, 9, 27), "upcoming"),  # the Sunday before the week
    (dt.date(2026, 9, 28), "due"),       # its Monday
    (dt.date(2026, 10, 4), "due"),       # its Sunday: still its week
    (dt.date(2026, 10, 5), "overdue"),   # the day after the week's Sunday
    (dt.date(2027, 1, 1), "overdue"),
])
def test_a_meeting_is_overdue_from_the_day_after_its_week(today, status):
    window = MeetingWindow(1, "pair_meeting_1", dt.date(2026, 9, 28), dt.date(2026, 10, 4))
    assert window.status(None, today) == status
    assert window.status(dt.date(2026, 10, 20), today) == "held"  # late, but logged: not overdue


def test_states_flag_the_pairs_whose_week_passed_unlogged(store, programme, ids):
    pairs = store.accepted_pairs(AUTUMN.id)
    windows = meeting_windows(programme, AUTUMN)
    anna_elin = pair_of(ids, "Anna Berg", "Elin Gran")
    store.save_pair_meetings(AUTUMN.id, [MeetingRecord(*anna_elin, 1, dt.date(2026, 10, 1))])
    on_sunday = meeting_states(pairs, store.pair_meetings(AUTUMN.id), windows, dt.date(2026, 10, 4))
    assert overdue_by_pair(on_sunday).empty
    on_monday = meeting_states(pairs, store.pair_meetings(AUTUMN.id), windows, dt.date(2026, 10, 5))
    late = overdue_by_pair(on_monday)
    assert len(late) == 3 and anna_elin not in set(zip(late.mentor_person_id, late.mentee_person_id, strict=True))
    assert all(numbers == [1] for numbers in late["overdue"])
    assert len(on_monday) == 4 * 6
    assert set(on_monday.loc[on_monday.number == 2, "status"]) == {"upcoming"}


def test_many_meetings_are_marked_held_at_once_and_read_back(store, programme, ids):
    records = [MeetingRecord(*pair_of(ids, mentor, mentee), 1, dt.date(2026, 10, 1), "bra start")
               for mentor, mentee in PAIRS]
    assert record_meetings(store, programme, AUTUMN, records, [], dt.date(2026, 10, 5)) == {"saved": 4, "removed": 0}
    stored = store.pair_meetings(AUTUMN.id)
    assert len(stored) == 4 and set(stored["note"]) == {"bra start"}
    # Again with another day: the meeting is moved, not doubled.
    again = [MeetingRecord(*pair_of(ids, "Bo Ek", "Gustav Holm"), 1, dt.date(2026, 10, 2))]
    record_meetings(store, programme, AUTUMN, again, [], dt.date(2026, 10, 5))
    stored = store.pair_meetings(AUTUMN.id)
    assert len(stored) == 4 and dt.date(2026, 10, 2) in set(stored["held_on"])
    removal = MeetingRemoval(*pair_of(ids, "Bo Ek", "Gustav Holm"), 1)
    assert record_meetings(store, programme, AUTUMN, [], [removal], dt.date(2026, 10, 5))["removed"] == 1
    assert len(store.pair_meetings(AUTUMN.id)) == 3


@pytest.mark.parametrize(("day", "key"), [
    (dt.date(2026, 9, 20), "followup.error.date_outside"),   # before the kick-off
    (dt.date(2027, 6, 11), "followup.error.date_outside"),   # after the three-party window
    (dt.date(2026, 10, 6), "followup.error.date_future"),    # tomorrow
])
def test_a_meeting_day_outside_the_programme_stores_nothing(store, programme, ids, day, key):
    good = MeetingRecord(*pair_of(ids, "Anna Berg", "Elin Gran"), 1, dt.date(2026, 10, 1))
    bad = MeetingRecord(*pair_of(ids, "Bo Ek", "Gustav Holm"), 1, day)
    with pytest.raises(MentorplanError) as raised:
        record_meetings(store, programme, AUTUMN, [good, bad], [], dt.date(2026, 10, 5))
    assert raised.value.key == key
    assert "Bo Ek – Gustav Holm" in raised.value.shown("en") and "Nothing was saved" in raised.value.shown("en")
    assert store.pair_meetings(AUTUMN.id).empty


def test_a_pair_that_no_longer_exists_is_refused_with_a_message(store, programme, ids):
    # A new matching is accepted in which Bo's mentee is Hanna, and Cecilia has Gustav.
    accept_pairs(store, AUTUMN.id, (pair_of(ids, "Anna Berg", "Elin Gran"), pair_of(ids, "Bo Ek", "Hanna Ilves"),
                                    pair_of(ids, "Cecilia Dahl", "Gustav Holm")))
    gone = MeetingRecord(*pair_of(ids, "Bo Ek", "Gustav Holm"), 1, dt.date(2026, 10, 1), label="Bo Ek – Gustav Holm")
    with pytest.raises(MentorplanError) as raised:
        record_meetings(store, programme, AUTUMN, [gone], [], dt.date(2026, 10, 5))
    assert raised.value.key == "followup.error.no_pair"
    assert "Bo Ek – Gustav Holm" in raised.value.shown("sv")
    assert store.pair_meetings(AUTUMN.id).empty


def test_meetings_of_former_pairs_are_kept_apart_and_deleting_a_person_cascades(store, programme, ids):
    store.save_pair_meetings(AUTUMN.id, [MeetingRecord(*pair_of(ids, m, e), 1, dt.date(2026, 10, 1))
                                         for m, e in PAIRS])
    accept_pairs(store, AUTUMN.id, (pair_of(ids, "Anna Berg", "Elin Gran"),))
    pairs = store.accepted_pairs(AUTUMN.id)
    meetings = store.pair_meetings(AUTUMN.id)
    assert len(stale_meetings(meetings, pairs)) == 3
    states = meeting_states(pairs, meetings, meeting_windows(programme, AUTUMN), dt.date(2026, 10, 5))
    assert len(states) == 6 and (states["status"] == "held").sum() == 1
    store.delete_person(ids["Elin Gran"])
    assert ids["Elin Gran"] not in set(store.pair_meetings(AUTUMN.id)["mentee_person_id"])
    assert len(store.pair_meetings(AUTUMN.id)) == 3


def test_the_quick_editor_turns_ticks_into_records_and_removals(store, programme, ids):
    pairs = store.accepted_pairs(AUTUMN.id)
    store.save_pair_meetings(AUTUMN.id, [MeetingRecord(*pair_of(ids, "Bo Ek", "Gustav Holm"), 2,
                                                       dt.date(2026, 11, 3), "")])
    states = meeting_states(pairs, store.pair_meetings(AUTUMN.id), meeting_windows(programme, AUTUMN),
                            dt.date(2026, 11, 20))
    before = editor_frame(states, 2)
    after = before.copy()
    names = list(zip(before.mentor_name, before.mentee_name, strict=True))
    anna_elin = names.index(("Anna Berg", "Elin Gran"))
    anna_farah = names.index(("Anna Berg", "Farah Haddad"))
    bo = names.index(("Bo Ek", "Gustav Holm"))
    after.loc[anna_elin, "held"] = True                              # ticked, no day: the default day
    after.loc[anna_farah, "held_on"] = dt.date(2026, 11, 4)          # a day typed: held
    after.loc[bo, "held"] = False                                    # unticked: unmarked
    records, removals = editor_changes(before, after, 2, dt.date(2026, 11, 6))
    assert {(r.pair, r.held_on) for r in records} == {
        (pair_of(ids, "Anna Berg", "Elin Gran"), dt.date(2026, 11, 6)),
        (pair_of(ids, "Anna Berg", "Farah Haddad"), dt.date(2026, 11, 4))}
    assert [r.pair for r in removals] == [pair_of(ids, "Bo Ek", "Gustav Holm")]
    assert editor_changes(before, before.copy(), 2, dt.date(2026, 11, 6)) == ([], [])
    # A column without dates comes back from the editor as ISO text.
    typed = before.copy().astype({"held_on": object})
    typed.loc[anna_elin, "held_on"] = "2026-11-03"
    [record], [] = editor_changes(before, typed, 2, dt.date(2026, 11, 6))
    assert record.held_on == dt.date(2026, 11, 3)


def test_the_default_day_is_today_or_the_weeks_last_working_day():
    window = MeetingWindow(2, "pair_meeting_2", dt.date(2026, 11, 2), dt.date(2026, 11, 8))
    assert default_meeting_date(window, dt.date(2026, 11, 4)) == dt.date(2026, 11, 4)
    assert default_meeting_date(window, dt.date(2026, 11, 20)) == dt.date(2026, 11, 6)  # Friday


def test_the_overview_has_a_column_per_meeting_in_both_languages(store, programme, ids):
    pairs = store.accepted_pairs(AUTUMN.id)
    store.save_pair_meetings(AUTUMN.id, [MeetingRecord(*pair_of(ids, "Bo Ek", "Gustav Holm"), 1,
                                                       dt.date(2026, 10, 2))])
    states = meeting_states(pairs, store.pair_meetings(AUTUMN.id), meeting_windows(programme, AUTUMN),
                            dt.date(2026, 11, 3))
    table = overview_frame(states, "sv")
    assert list(table.columns) == ["Par"] + [f"Träff {n}" for n in range(1, 7)] + ["Hållna"]
    bo = table[table["Par"] == "Bo Ek – Gustav Holm"].iloc[0]
    assert bo["Träff 1"] == "✓ 2026-10-02" and bo["Träff 2"] == "… pågår" and bo["Hållna"] == 1
    assert "⚠ overdue" in set(overview_frame(states, "en")["Meeting 1"])


def test_the_followed_cohorts_are_those_between_kickoff_and_their_last_day(programme):
    assert followup_cohorts(programme, dt.date(2026, 9, 23)) == [Cohort(2026, "spring")]
    assert followup_cohorts(programme, dt.date(2026, 9, 24)) == [Cohort(2026, "spring"), AUTUMN]
    assert followup_cohorts(programme, dt.date(2027, 3, 1)) == [AUTUMN, SPRING]
    assert followup_span(programme, AUTUMN) == (dt.date(2026, 9, 24), dt.date(2027, 6, 10))


# -- Attendance ------------------------------------------------------------------------------------

def test_the_attendance_list_is_the_events_guest_list(store, programme, ids):
    mentors = expected_attendees(store, programme, programme.occurrence(AUTUMN, "training_mentors"))
    assert list(mentors["name"]) == ["Anna Berg", "Bo Ek", "Cecilia Dahl"]
    kickoff = expected_attendees(store, programme, programme.occurrence(AUTUMN, "kickoff"))
    assert len(kickoff) == 7 and kickoff["own"].all()
    # The running spring cohort's mentors are the kick-off's guests, after the cohort's own pairs.
    guest = add_person(store, "Sven Tall", "mentor", "spring-2026")
    mentee = add_person(store, "Tove Ung", "mentee", "spring-2026")
    accept_pairs(store, "spring-2026", ((guest, mentee),))
    kickoff = expected_attendees(store, programme, programme.occurrence(AUTUMN, "kickoff"))
    assert list(kickoff["name"])[-1] == "Sven Tall" and not kickoff["own"].iloc[-1]
    assert "Tove Ung" not in set(kickoff["name"])


def test_attendance_is_recorded_for_everyone_at_once_and_refused_before_the_event(store, programme, ids):
    marks = {ids[name]: name != "Bo Ek" for name in ("Anna Berg", "Bo Ek", "Cecilia Dahl")}
    with pytest.raises(MentorplanError) as raised:
        record_attendance(store, programme, AUTUMN, "training_mentors", marks, dt.date(2026, 9, 16))
    assert raised.value.key == "followup.attendance.future"
    assert store.attendance(AUTUMN.id).empty
    assert record_attendance(store, programme, AUTUMN, "training_mentors", marks, dt.date(2026, 9, 17)) == 3
    stored = store.attendance(AUTUMN.id, "training_mentors")
    assert dict(zip(stored.person_id, stored.attended, strict=True)) == marks
    with pytest.raises(MentorplanError) as raised:  # a mentee is not on the mentors' training's list
        record_attendance(store, programme, AUTUMN, "training_mentors", {ids["Elin Gran"]: True},
                          dt.date(2026, 9, 17))
    assert raised.value.key == "followup.attendance.not_expected"
    with pytest.raises(MentorplanError):
        record_attendance(store, programme, AUTUMN, "pair_meeting_1", {}, dt.date(2026, 10, 5))


def test_pairs_lookup_by_email():
    frame = pd.DataFrame({"mentor_person_id": [1, 1], "mentee_person_id": [2, 3], "mentor_email": ["a@x.se"] * 2,
                          "mentee_email": ["b@x.se", "c@x.se"], "mentor_name": ["A"] * 2, "mentee_name": ["B", "C"]})
    pairs = Pairs(frame)
    assert len(pairs.with_emails("a@x.se", "")) == 2
    assert len(pairs.with_emails("", "c@x.se")) == 1
    assert pairs.label((1, 3)) == "A – C" and (1, 2) in pairs and (2, 1) not in pairs
