"""The to-do list: each check's to-dos appear when there is something to do and clear when it is
done, the most pressing first, in both languages."""

import datetime as dt

import pytest

from core import services
from core.calendar.programme import Cohort
from core.followup.attendance import attendance_events, expected_attendees, own_people_expected, record_attendance
from core.followup.examples import load_examples
from core.followup.meetings import MeetingRecord
from core.followup.three_party import add_slots, save_bookings, series, slots_from_frame
from core.followup.todo import CHECKS, PAGES, Todo, todo_list
from tests.followup_pairs import PAIRS, accept_pairs, add_person, matched_cohort, pair_of

AUTUMN = Cohort(2026, "autumn")


@pytest.fixture
def programme(store):
    return services.programme(store)


def kinds(store, programme, day, cohort_id=AUTUMN.id) -> dict[str, Todo]:
    return {todo.kind: todo for todo in todo_list(store, programme, day) if todo.cohort_id == cohort_id}


def test_an_empty_register_in_the_matching_window_asks_for_mentees(store, programme):
    todos = todo_list(store, programme, dt.date(2026, 9, 8))
    first = todos[0]
    assert (first.kind, first.severity, first.page) == ("no_mentees", "urgent", PAGES["participants"])
    assert first.shown("sv") == ("Höststart 2026: inga adepter i registret ännu; matchningen ska vara "
                                "klar tors 10 sep. 2026.")
    assert first.line("en") == ("Urgent: Autumn start 2026: no mentees in the register yet; the matching "
                                "is due Thu 10 Sep 2026. → Import participants")
    assert [t.kind for t in todos] == ["no_mentees", "decisions_due", "calendar_warning"]
    assert (todos[1].page, todos[1].action("sv")) == (PAGES["messages"], "Skicka besked")
    assert "New Year's Day" in todos[2].shown("en") and todos[2].cohort_id == "spring-2027"
    assert [t.severity for t in todos] == sorted((t.severity for t in todos), key=("urgent", "warning", "info").index)


def test_unmatched_mentees_appear_and_clear_with_the_accepted_matching(store, programme):
    day = dt.date(2026, 9, 4)
    ids = {name: add_person(store, name, role, AUTUMN.id, status="applied")
           for name, role in (("Anna Berg", "mentor"), ("Bo Ek", "mentor"), ("Elin Gran", "mentee"),
                              ("Gustav Holm", "mentee"), ("Hanna Ilves", "mentee"))}
    todo = kinds(store, programme, day)["not_matched"]
    assert (todo.severity, todo.page) == ("warning", PAGES["matching"])
    assert "(mentees: 3, mentors: 2)" in todo.shown("en")
    assert kinds(store, programme, day)["decisions_due"].page == PAGES["messages"]
    accept_pairs(store, AUTUMN.id, ((ids["Anna Berg"], ids["Elin Gran"]), (ids["Bo Ek"], ids["Gustav Holm"])))
    found = kinds(store, programme, day)
    assert "not_matched" not in found
    assert found["unmatched_mentees"].shown("sv").startswith("Höststart 2026: 1 av 3 adepter utan mentor")
    assert kinds(store, programme, dt.date(2026, 9, 9))["unmatched_mentees"].severity == "urgent"
    accept_pairs(store, AUTUMN.id, ((ids["Anna Berg"], ids["Elin Gran"]), (ids["Bo Ek"], ids["Gustav Holm"]),
                                    (ids["Anna Berg"], ids["Hanna Ilves"])))
    assert "unmatched_mentees" not in kinds(store, programme, day)
    # With an accepted matching, who is still to be told is the messages' to-do, not a reminder of the day.
    assert "decisions_due" not in kinds(store, programme, day)
    assert "unmatched_mentees" not in kinds(store, programme, dt.date(2026, 9, 24))  # from the kick-off: no longer


def test_overdue_pairs_appear_the_day_after_the_week_and_clear_when_logged(store, programme):
    ids = matched_cohort(store)
    assert "pairs_overdue" not in kinds(store, programme, dt.date(2026, 10, 4))
    todo = kinds(store, programme, dt.date(2026, 10, 5))["pairs_overdue"]
    assert (todo.severity, todo.page) == ("warning", PAGES["followup"])
    assert todo.shown("en") == ("Autumn start 2026: 4 of 4 pairs have no pair meeting logged for a week "
                               "that has passed (meeting 1: 4).")
    store.save_pair_meetings(AUTUMN.id, [MeetingRecord(*pair_of(ids, m, e), 1, dt.date(2026, 10, 1))
                                         for m, e in PAIRS[:3]])
    assert "1 of 4 pairs" in kinds(store, programme, dt.date(2026, 10, 5))["pairs_overdue"].shown("en")
    store.save_pair_meetings(AUTUMN.id, [MeetingRecord(*pair_of(ids, *PAIRS[3]), 1, dt.date(2026, 10, 9))])
    assert "pairs_overdue" not in kinds(store, programme, dt.date(2026, 10, 12))


def test_three_party_conversations_to_book_and_to_mark(store, programme):
    ids = matched_cohort(store)
    assert "three_party_unbooked" not in kinds(store, programme, dt.date(2027, 3, 26))
    todo = kinds(store, programme, dt.date(2027, 3, 27))["three_party_unbooked"]  # a month before the window
    assert (todo.text_key, todo.severity, todo.due) == ("todo.three_party_no_slots", "info", dt.date(2027, 6, 10))
    add_slots(store, programme, AUTUMN, series(dt.date(2027, 5, 26), dt.time(9), 5, 60, 0, "Rum", AUTUMN.id))
    todo = kinds(store, programme, dt.date(2027, 5, 3))["three_party_unbooked"]
    assert (todo.text_key, todo.severity) == ("todo.three_party_unbooked", "warning")
    assert "4 of 4 pairs" in todo.shown("en")
    assert kinds(store, programme, dt.date(2027, 5, 28))["three_party_unbooked"].severity == "urgent"
    slots = [s.id for s in slots_from_frame(store.three_party_slots(AUTUMN.id))]
    save_bookings(store, AUTUMN, {pair_of(ids, *pair): (slot, False) for pair, slot in zip(PAIRS, slots, strict=False)},
                  dt.date(2027, 5, 3))
    assert "three_party_unbooked" not in kinds(store, programme, dt.date(2027, 5, 3))
    assert "three_party_unmarked" not in kinds(store, programme, dt.date(2027, 5, 26))
    todo = kinds(store, programme, dt.date(2027, 5, 27))["three_party_unmarked"]
    assert todo.shown("en").endswith("passed without being marked held: 4.")
    save_bookings(store, AUTUMN, {pair_of(ids, *PAIRS[0]): (slots[0], True)}, dt.date(2027, 5, 27))
    assert kinds(store, programme, dt.date(2027, 5, 27))["three_party_unmarked"].params["count"] == 3
    save_bookings(store, AUTUMN, {pair_of(ids, *pair): (slot, True) for pair, slot in zip(PAIRS, slots, strict=False)},
                  dt.date(2027, 5, 27))
    assert "three_party_unmarked" not in kinds(store, programme, dt.date(2027, 5, 27))
    assert "three_party_unbooked" not in kinds(store, programme, dt.date(2027, 6, 11))  # the window is over


def test_attendance_to_record_after_an_event(store, programme):
    ids = matched_cohort(store)
    found = [t for t in todo_list(store, programme, dt.date(2026, 9, 25)) if t.kind == "attendance_unrecorded"]
    assert [t.params["event"].event_id for t in found] == ["training_mentees", "training_mentors", "kickoff"]
    assert found[2].shown("sv") == ("Höststart 2026: närvaron vid Kick-off (tors 24 sep. 2026) är inte "
                                   "registrerad.")
    record_attendance(store, programme, AUTUMN, "kickoff", {i: True for i in ids.values()}, dt.date(2026, 9, 25))
    found = [t for t in todo_list(store, programme, dt.date(2026, 9, 25)) if t.kind == "attendance_unrecorded"]
    assert [t.params["event"].event_id for t in found] == ["training_mentees", "training_mentors"]
    assert not [t for t in todo_list(store, programme, dt.date(2026, 10, 26)) if t.kind == "attendance_unrecorded"]


@pytest.mark.parametrize("day", [dt.date(2026, 9, 25), dt.date(2026, 12, 1), dt.date(2027, 6, 1)])
def test_own_people_are_expected_exactly_when_the_attendance_list_has_them(store, programme, day):
    """The to-do list asks whether a cohort's own people are expected without making its lists
    (own_people_expected); the answer is the attendance list's, for every cohort and event."""
    load_examples(store, programme, day)
    answers = set()
    for year in (2025, 2026, 2027):
        for track in ("autumn", "spring"):
            cohort = Cohort(year, track)
            for occurrence in attendance_events(programme, cohort):
                listed = bool(expected_attendees(store, programme, occurrence)["own"].any())
                assert own_people_expected(store, cohort) == listed, (cohort.id, occurrence.id)
                answers.add(listed)
    assert answers == {True, False}  # cohorts with their people and cohorts without


def test_calendar_warnings_lead_to_the_schedule(store, programme):
    warned = [t for t in todo_list(store, programme, dt.date(2027, 3, 1)) if t.kind == "calendar_warning"]
    assert {t.page for t in warned} == {PAGES["schedule"]}
    assert "Långfredagen" in " ".join(t.shown("sv") for t in warned)


def test_the_list_takes_any_checks_and_sorts_them(store, programme):
    def later(store, programme, today):
        return [Todo("a", "info", "todo.cli_nothing", {"day": today}, due=today)]

    def sooner(store, programme, today):
        return [Todo("b", "urgent", "todo.cli_nothing", {"day": today}, due=today + dt.timedelta(days=3))]

    assert [t.kind for t in todo_list(store, programme, dt.date(2026, 1, 1), (later, sooner))] == ["b", "a"]
    assert {check.__name__ for check in CHECKS} >= {
        "unmatched_mentees", "decisions_approaching", "pairs_overdue", "three_party_unbooked", "three_party_unmarked",
        "attendance_unrecorded", "holiday_warnings"}
