"""The rule words of data/rules.toml: each form parses, computes the manual's day, and reads
back in Swedish and English; words it does not know are refused with the words quoted."""

import datetime as dt

import pytest

from core.calendar.rules import (
    EdgeOf,
    FixedDate,
    NthWeekday,
    Offset,
    RuleError,
    WeekdayAfter,
    WeekOfMonth,
    WholeMonth,
    Window,
    nth_weekday,
    parse_rule,
    week_of_month,
)


def no_refs(event_id):
    raise AssertionError(f"unexpected reference to {event_id}")


def names(event_id):
    return event_id.replace("_", " ")


@pytest.mark.parametrize("words, expected", [
    ("3 September", FixedDate(3, 9)),
    ("4th Thursday of September", NthWeekday(4, 3, 9)),
    ("last Thursday of May", NthWeekday(-1, 3, 5)),
    ("  2nd   thursday OF september ", NthWeekday(2, 3, 9)),
    ("Thursday after training_mentees", WeekdayAfter(3, "training_mentees")),
    ("same day as matching_deadline", EdgeOf("matching_deadline", "same")),
    ("start of pair_meeting_6", EdgeOf("pair_meeting_6", "start")),
    ("2 weeks after closing", Offset(14, "closing", "weeks")),
    ("3 days before kickoff", Offset(-3, "kickoff", "days")),
    ("first week of October", WeekOfMonth("first", 10)),
    ("December", WholeMonth(12)),
    ("from mentor_mingle to matching_deadline",
     Window(EdgeOf("mentor_mingle", "start", bare=True), EdgeOf("matching_deadline", "end", bare=True))),
])
def test_each_form_parses(words, expected):
    assert parse_rule(words) == expected


@pytest.mark.parametrize("words", ["", "the 3rd of Septembre", "5th Thursday of May", "31 April",
                                   "from 3 September", "from nowhere! to closing", "fortnight after kickoff"])
def test_unknown_words_are_refused_and_quoted(words):
    with pytest.raises(RuleError) as error:
        parse_rule(words)
    assert str(error.value).startswith(repr(words))


def test_the_manuals_2026_days():
    def day(words, year=2026):
        return parse_rule(words).resolve(year, no_refs, "iso")[0]

    assert day("2nd Thursday of September") == dt.date(2026, 9, 10)
    assert day("3rd Wednesday of September") == dt.date(2026, 9, 16)
    assert day("4th Thursday of September") == dt.date(2026, 9, 24)
    assert day("last Thursday of January", 2027) == dt.date(2027, 1, 28)
    assert day("last Thursday of May", 2027) == dt.date(2027, 5, 27)
    assert day("1st Thursday of September") == dt.date(2026, 9, 3)


def test_references_follow_the_other_event():
    spans = {"training_mentees": (dt.date(2026, 9, 16),) * 2, "closing": (dt.date(2027, 5, 27),) * 2}
    assert parse_rule("Thursday after training_mentees").resolve(2026, spans.__getitem__, "iso")[0] \
        == dt.date(2026, 9, 17)
    assert parse_rule("2 weeks after closing").resolve(2027, spans.__getitem__, "iso")[0] \
        == dt.date(2027, 6, 10)


def test_weekday_after_is_strictly_after():
    spans = {"x": (dt.date(2026, 9, 17),) * 2}  # a Thursday
    assert parse_rule("Thursday after x").resolve(2026, spans.__getitem__, "iso")[0] == dt.date(2026, 9, 24)


def test_iso_weeks_hold_the_months_thursday():
    # October 2026 starts on a Thursday: the first week is 28 Sep – 4 Oct (v. 40).
    assert week_of_month(2026, 10, "first", "iso") == (dt.date(2026, 9, 28), dt.date(2026, 10, 4))
    # The last week of April 2027 holds Thursday 29 April and runs into May.
    assert week_of_month(2027, 4, "last", "iso") == (dt.date(2027, 4, 26), dt.date(2027, 5, 2))


def test_full_weeks_lie_inside_the_month():
    assert week_of_month(2026, 10, "first", "full") == (dt.date(2026, 10, 5), dt.date(2026, 10, 11))
    assert week_of_month(2027, 4, "last", "full") == (dt.date(2027, 4, 19), dt.date(2027, 4, 25))


def test_nth_weekday_refuses_a_missing_fifth():
    with pytest.raises(RuleError):
        nth_weekday(2026, 2, 3, 5)


def test_29_february_in_a_common_year_is_an_error_not_a_crash():
    with pytest.raises(RuleError):
        parse_rule("29 February").resolve(2027, no_refs, "iso")


@pytest.mark.parametrize("words, sv, en", [
    ("4th Thursday of September", "fjärde torsdagen i september", "4th Thursday of September"),
    ("last Thursday of May", "sista torsdagen i maj", "last Thursday of May"),
    ("first week of October", "första veckan i oktober", "first week of October"),
    ("Thursday after training_mentees", "torsdagen efter training mentees",
     "Thursday after training mentees"),
    ("2 weeks after closing", "2 veckor efter closing", "2 weeks after closing"),
    ("1 week before closing", "1 vecka före closing", "1 week before closing"),
    ("December", "under december", "during December"),
    ("3 September", "3 september", "3 September"),
])
def test_rules_describe_themselves_in_both_languages(words, sv, en):
    rule = parse_rule(words)
    assert rule.describe("sv", names) == sv
    assert rule.describe("en", names) == en
