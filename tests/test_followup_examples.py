"""The example data behind "load example data": the cohorts current on the day, matched once their
deadline has passed, the decisions sent, follow-up up to the day and never after it; loading twice
changes nothing; the to-do list then has something to say."""

import datetime as dt

from core import services
from core.followup.examples import example_cohorts, load_examples
from core.followup.todo import todo_list


def test_example_data_on_a_day_in_the_matching_window(store):
    programme = services.programme(store)
    day = dt.date(2026, 9, 8)
    assert [c.id for c in example_cohorts(programme, day)] == ["spring-2026", "autumn-2026", "spring-2027"]
    loaded = load_examples(store, programme, day)
    assert loaded["matched"] == 1  # spring-2026 only: autumn-2026's deadline is the 10th
    assert store.accepted_pairs("autumn-2026").empty and len(store.accepted_pairs("spring-2026")) >= 20
    meetings = store.pair_meetings("spring-2026")
    assert len(meetings) > 60 and meetings["held_on"].max() <= day
    kinds = {(t.kind, t.cohort_id) for t in todo_list(store, programme, day)}
    assert ("not_matched", "autumn-2026") in kinds and ("pairs_overdue", "spring-2026") in kinds
    # Loading again changes nothing.
    again = load_examples(store, programme, day)
    assert (again["matched"], again["meetings"]) == (0, 0)
    assert len(store.pair_meetings("spring-2026")) == len(meetings)


def test_example_data_around_the_closing_day_books_and_records(store):
    programme = services.programme(store)
    day = dt.date(2027, 6, 1)
    load_examples(store, programme, day)
    bookings = store.three_party_bookings("autumn-2026")
    assert len(bookings) == len(store.accepted_pairs("autumn-2026"))
    past = bookings[bookings["starts_at"].dt.date < day]
    assert past["held"].mean() > 0.7 and not bookings[bookings["starts_at"].dt.date >= day]["held"].any()
    assert set(store.attendance("autumn-2026")["event_id"]) == {"training_mentees", "training_mentors", "kickoff",
                                                                "mid_meeting", "closing"}
    assert store.sent_to("autumn-2026", "decision", "decisions_sent")
