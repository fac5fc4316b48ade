"""The programme year computed from data/rules.toml: the manual's own dates, the rules' shape
over a century, the warnings PRODUCT.md names, overrides, and who is invited."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.calendar.programme import (
    Cohort,
    Override,
    Programme,
    Settings,
    check_override,
    cohorts_of_programme_year,
    load_rulebook,
)
from core.platform.i18n import MentorplanError

D = dt.date


@pytest.fixture(scope="module")
def programme():
    return Programme(load_rulebook())


def dates(programme, cohort_id):
    return {o.id: (o.start, o.end) for o in programme.cohort(Cohort.parse(cohort_id))}


def test_the_manuals_autumn_2026_dates(programme):
    autumn = dates(programme, "autumn-2026")
    assert autumn["mentor_mingle"] == (D(2026, 9, 3),) * 2
    assert autumn["matching_deadline"] == (D(2026, 9, 10),) * 2
    assert autumn["decisions_sent"] == (D(2026, 9, 10),) * 2
    assert autumn["matching_window"] == (D(2026, 9, 3), D(2026, 9, 10))
    assert autumn["training_mentees"] == (D(2026, 9, 16),) * 2
    assert autumn["training_mentors"] == (D(2026, 9, 17),) * 2
    assert autumn["kickoff"] == (D(2026, 9, 24),) * 2
    assert autumn["pair_meeting_1"] == (D(2026, 9, 28), D(2026, 10, 4))  # v. 40
    assert autumn["pair_meeting_2"] == (D(2026, 11, 2), D(2026, 11, 8))
    assert autumn["pair_meeting_3"] == (D(2026, 11, 30), D(2026, 12, 6))
    assert autumn["mid_meeting"] == (D(2027, 1, 28),) * 2
    assert autumn["pair_meeting_4"] == (D(2027, 2, 22), D(2027, 2, 28))
    assert autumn["pair_meeting_5"] == (D(2027, 3, 22), D(2027, 3, 28))
    assert autumn["pair_meeting_6"] == (D(2027, 4, 26), D(2027, 5, 2))
    assert autumn["closing"] == (D(2027, 5, 27),) * 2
    assert autumn["three_party_window"] == (D(2027, 4, 26), D(2027, 6, 10))


def test_the_spring_2027_dates(programme):
    spring = dates(programme, "spring-2027")
    assert spring["mentor_mingle"] == (D(2026, 9, 3),) * 2
    assert spring["matching_window"] == (D(2026, 12, 1), D(2026, 12, 31))
    assert spring["matching_deadline"] == (D(2026, 12, 30),) * 2  # "klar i december": its last working day
    assert spring["decisions_sent"] == (D(2027, 1, 1),) * 2
    assert spring["training_mentees"] == (D(2027, 1, 27),) * 2
    assert spring["training_mentors"] == (D(2027, 1, 28),) * 2
    assert spring["kickoff"] == (D(2027, 2, 11),) * 2
    assert spring["pair_meeting_1"] == (D(2027, 3, 1), D(2027, 3, 7))
    assert spring["mid_meeting"] == (D(2027, 6, 10),) * 2
    assert spring["pair_meeting_4"] == (D(2027, 8, 23), D(2027, 8, 29))
    assert spring["pair_meeting_6"] == (D(2027, 10, 25), D(2027, 10, 31))
    assert spring["closing"] == (D(2027, 11, 11),) * 2


def test_a_programme_year_is_the_autumn_start_and_the_next_spring():
    assert [c.id for c in cohorts_of_programme_year(2026)] == ["autumn-2026", "spring-2027"]


WEEKDAY_RULES = {  # event -> (weekday, month offset from the start year, month)
    "autumn": {"matching_deadline": (3, 0, 9), "training_mentees": (2, 0, 9), "kickoff": (3, 0, 9),
               "mid_meeting": (3, 1, 1), "closing": (3, 1, 5), "mentor_mingle": (3, 0, 9)},
    "spring": {"decisions_sent": (4, 0, 1), "training_mentees": (2, 0, 1), "kickoff": (3, 0, 2),
               "mid_meeting": (3, 0, 6), "closing": (3, 0, 11), "mentor_mingle": (3, -1, 9)},
}


@settings(max_examples=60, deadline=None)
@given(year=st.integers(2000, 2100), track=st.sampled_from(["autumn", "spring"]),
       weeks=st.sampled_from(["iso", "full"]))
def test_every_event_keeps_its_weekday_month_and_order(year, track, weeks):
    programme = Programme(load_rulebook(), Settings(week_convention=weeks))
    occurrences = programme.cohort(Cohort(year, track))
    by_id = {o.id: o for o in occurrences}
    for event_id, (weekday, offset, month) in WEEKDAY_RULES[track].items():
        day = by_id[event_id].start
        assert (day.weekday(), day.year, day.month) == (weekday, year + offset, month), event_id
    assert by_id["training_mentors"].start.weekday() == 3
    assert 1 <= (by_id["training_mentors"].start - by_id["training_mentees"].start).days <= 7
    for o in occurrences:
        assert o.start <= o.end
        if o.event.kind == "pair_meeting":
            assert o.start.weekday() == 0 and (o.end - o.start).days == 6
            thursday = o.start + dt.timedelta(days=3)
            month = o.event.rule(programme.settings).month
            if weeks == "iso":
                assert thursday.month == month
            else:
                assert o.start.month == o.end.month == month
    starts = [o.start for o in occurrences]
    assert starts == sorted(starts), "events in the manual's order"


@pytest.mark.parametrize("year, closing", [(2024, D(2025, 5, 29)), (2027, D(2028, 5, 25)),
                                           (2029, D(2030, 5, 30)), (2032, D(2033, 5, 26))])
def test_ascension_day_closings_are_flagged_with_the_wednesday_before(programme, year, closing):
    occurrence = programme.occurrence(Cohort(year, "autumn"), "closing")
    assert occurrence.start == closing
    [warning] = [w for w in occurrence.warnings if w.code == "holiday"]
    assert warning.suggestion == closing - dt.timedelta(days=1)


def test_an_ordinary_closing_has_no_warning(programme):
    assert programme.occurrence(Cohort(2026, "autumn"), "closing").warnings == ()


def test_new_years_day_decisions_in_2027_are_flagged(programme):
    occurrence = programme.occurrence(Cohort(2027, "spring"), "decisions_sent")
    [warning] = occurrence.warnings
    assert (warning.code, warning.day, warning.suggestion) == ("holiday", D(2027, 1, 1), D(2026, 12, 30))


def test_2029_mid_meeting_and_spring_training_no_longer_coincide(programme):
    mid = programme.occurrence(Cohort(2028, "autumn"), "mid_meeting")
    training = programme.occurrence(Cohort(2029, "spring"), "training_mentors")
    assert (mid.start, training.start) == (D(2029, 1, 25), D(2029, 2, 1))
    [warning] = [w for w in mid.warnings if w.code == "not_coinciding"]
    assert (warning.other_cohort, warning.other_event, warning.other_day) == \
        ("spring-2029", "training_mentors", D(2029, 2, 1))
    [back] = [w for w in training.warnings if w.code == "not_coinciding"]
    assert (back.other_cohort, back.other_event) == ("autumn-2028", "mid_meeting")


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2029])
def test_in_other_years_they_coincide(programme, year):
    mid = programme.occurrence(Cohort(year, "autumn"), "mid_meeting")
    assert not [w for w in mid.warnings if w.code == "not_coinciding"]


def test_training_on_the_kickoff_day_is_flagged(programme):
    # 1 September 2033 is a Thursday: the mentors' training falls on the 4th Thursday.
    kickoff = programme.occurrence(Cohort(2033, "autumn"), "kickoff")
    assert [w.other_event for w in kickoff.warnings if w.code == "same_day"] == ["training_mentors"]


def test_a_meant_coincidence_is_not_flagged(programme):
    decisions = programme.occurrence(Cohort(2026, "autumn"), "decisions_sent")
    assert not [w for w in decisions.warnings if w.code == "same_day"]


def test_pair_meeting_weeks_name_their_days_off(programme):
    week = programme.occurrence(Cohort(2026, "autumn"), "pair_meeting_5")  # v. 12 2027, Good Friday 26 March
    assert [w.day for w in week.warnings if w.code == "holiday_in_week"] == [D(2027, 3, 26)]


def test_date_convention_keeps_3_september_and_flags_a_sunday():
    programme = Programme(load_rulebook(), Settings(mingle_convention="date"))
    mingle = programme.occurrence(Cohort(2028, "autumn"), "mentor_mingle")
    assert mingle.start == D(2028, 9, 3)
    assert [w.code for w in mingle.warnings] == ["weekend"]
    assert mingle.warnings[0].suggestion == D(2028, 9, 4)


def test_who_is_invited_across_tracks(programme):
    kickoff = programme.occurrence(Cohort(2026, "autumn"), "kickoff")
    assert [(i.who, c.id if c else None, i.reason) for i, c in kickoff.guests()] == \
        [("pairs", "autumn-2026", None), ("mentors", "spring-2026", "running")]
    mid = programme.occurrence(Cohort(2026, "autumn"), "mid_meeting")
    assert ("mentors", "spring-2027", "newly_started") in [(i.who, c.id, i.reason) for i, c in mid.guests()]
    closing = programme.occurrence(Cohort(2027, "spring"), "closing")
    assert [(i.who, c and c.id, i.reason) for i, c in closing.guests()] == [("pairs", "spring-2027", None)]
    mingle = programme.occurrence(Cohort(2027, "spring"), "closing_mingle")  # the other track's pairs: the evening
    assert ("pairs", "autumn-2027", "running") in [(i.who, c and c.id, i.reason) for i, c in mingle.guests()]
    training = programme.occurrence(Cohort(2026, "autumn"), "training_mentees")
    assert [(i.who, c) for i, c in training.guests()][1] == ("former_pairs", None)


def test_an_override_moves_one_occurrence_and_what_counts_from_it():
    book = load_rulebook()
    moved = Override("autumn-2027", "closing", D(2028, 5, 24), D(2028, 5, 24), "Kristi himmelsfärd")
    programme = Programme(book, overrides=[moved])
    closing = programme.occurrence(Cohort(2027, "autumn"), "closing")
    assert (closing.start, closing.rule_start, closing.moved) == (D(2028, 5, 24), D(2028, 5, 25), True)
    assert closing.warnings == ()
    window = programme.occurrence(Cohort(2027, "autumn"), "three_party_window")
    assert window.end == D(2028, 6, 7)  # two weeks after the moved closing
    other_year = Programme(book, overrides=[moved]).occurrence(Cohort(2028, "autumn"), "closing")
    assert not other_year.moved


@pytest.mark.parametrize("override, key", [
    (Override("autumn-2027", "closing", D(2035, 1, 1), D(2035, 1, 1)), "error.override_outside"),
    (Override("autumn-2027", "closing", D(2028, 5, 24), D(2028, 5, 26)), "error.override_one_day"),
    (Override("autumn-2027", "pair_meeting_1", D(2027, 10, 8), D(2027, 10, 4)),
     "error.override_end_before_start"),
    (Override("autumn-2027", "no_such_event", D(2028, 5, 24), D(2028, 5, 24)), "error.unknown_event"),
    (Override("winter-2027", "closing", D(2028, 5, 24), D(2028, 5, 24)), "error.unknown_track"),
    (Override("autumn-1999", "closing", D(2000, 5, 24), D(2000, 5, 24)), "error.year_range"),
])
def test_impossible_overrides_are_refused(override, key):
    with pytest.raises(MentorplanError) as error:
        check_override(Programme(load_rulebook()), override)
    assert error.value.key == key
    assert error.value.shown("sv") and error.value.shown("en")


@pytest.mark.parametrize("text", ["autumn2026", "höst-2026", "autumn-26", ""])
def test_cohort_ids_are_checked(text):
    with pytest.raises(MentorplanError):
        Cohort.parse(text)


def test_unknown_settings_are_refused():
    with pytest.raises(MentorplanError):
        Settings(week_convention="sunday")


@pytest.mark.parametrize("text, ok", [("autumn-2000", True), ("autumn-2100", True), ("spring-2101", True),
                                      ("autumn-2101", False), ("spring-2102", False), ("autumn-1999", False)])
def test_cohorts_in_the_calendar(text, ok):
    if ok:
        assert Cohort.parse(text).in_calendar
    else:
        with pytest.raises(MentorplanError):
            Cohort.parse(text)


def test_the_next_start_follows_the_kickoffs_and_none_after_the_calendars_last_is_a_message(programme):
    assert programme.next_start(Cohort(2026, "autumn")).id == "spring-2027"
    assert programme.next_start(Cohort(2027, "spring")).id == "autumn-2027"
    assert programme.first_start_after(D(2026, 8, 1)).id == "autumn-2026"
    assert programme.first_start_after(D(2026, 9, 24)).id == "spring-2027"  # the kick-off day is past
    assert programme.first_start_after(D(2027, 3, 1)).id == "autumn-2027"
    assert programme.next_start(Cohort(2100, "autumn")).id == "spring-2101"
    with pytest.raises(MentorplanError) as error:
        programme.next_start(Cohort(2101, "spring"))
    assert error.value.key == "error.year_range"


@settings(max_examples=40, deadline=None)
@given(year=st.integers(2000, 2100), track=st.sampled_from(["autumn", "spring"]), moved_by=st.integers(-3, 3))
def test_an_events_days_are_its_occurrences_without_working_out_warnings(year, track, moved_by):
    """Programme.days (what the guest lists ask of every cohort) says what occurrence() says,
    for every event — a shared one (the 3 September mingle) and a moved one included."""
    book = load_rulebook()
    cohort = Cohort(year, track)
    closing = Programme(book).occurrence(cohort, "closing")
    moved = Override(cohort.id, "closing", closing.start + dt.timedelta(days=moved_by),
                     closing.start + dt.timedelta(days=moved_by))
    programme = Programme(book, overrides=[moved])
    for occurrence in Programme(book, overrides=[moved]).cohort(cohort):
        assert programme.days(cohort, occurrence.id) == (occurrence.start, occurrence.end)
    with pytest.raises(MentorplanError):
        programme.days(cohort, "no_such_event")
