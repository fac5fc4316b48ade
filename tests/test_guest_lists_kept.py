"""Issue 12, points 2–4, in core: the trainings invite recent former pairs (a setting widens it);
the coordinator adds a person to one event's list or leaves one out; once invitations are sent or
prepared, or the day has passed, an event's list stays as it was and later sign-ups show as not
invited; the 3 September mingle is one occurrence of both starts (one list, one log, one move, one
line on the overview and in the calendar file). On the register of tests/messages_history.py."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from sqlalchemy import update

from core import services
from core.calendar.agenda import upcoming
from core.calendar.files import schedule_to_ics
from core.calendar.programme import RULES_FILE, Cohort, Override, Programme, check_override, load_rulebook
from core.calendar.rules import RuleError
from core.calendar.schedule import cohort_label
from core.followup.examples import load_examples
from core.messages.guests import describe_reasons, event_guests, load_history
from core.messages.letters import invitation_messages
from core.messages.records import ADDED, EXCLUDED, LogEntry
from core.messages.sendlog import people_not_told, recipients
from core.messages.templates import EventDetails
from core.platform.i18n import MentorplanError
from core.store import schema
from tests.messages_history import history, take_part

BEFORE = dt.date(2026, 9, 1)  # before the autumn start's trainings and mingle: lists computed now
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def register(store):
    ids = history(store)
    return store, services.programme(store), ids


def occurrence(programme: Programme, cohort_id: str, event_id: str):
    return programme.occurrence(Cohort.parse(cohort_id), event_id)


def names(guests) -> list[str]:
    return [g.name for g in guests]


def stored_on(store, person_id: int, cohort_id: str, day: dt.date) -> None:
    """The participation was stored on that day (as a sign-up arriving then would be)."""
    table = schema.participations
    with store.transaction() as connection:
        connection.execute(update(table).where(table.c.person_id == person_id, table.c.cohort_id == cohort_id)
                           .values(created_at=dt.datetime.combine(day, dt.time(12))))


def log_invitations(store, guests, cohort_id: str, event_id: str, status: str = "prepared",
                    at: dt.datetime | None = None) -> None:
    """Invitations written out (as a download of .eml drafts logs them), with the list they came from."""
    store.log_messages([LogEntry(g.person_id, g.email, cohort_id, "invitation", event_id, "invitation", "Välkommen",
                                 "eml", status, at=at) for g in guests if g.has_address], guests=guests)


# -- 2. Former pairs, chosen ---------------------------------------------------------------------

def test_the_trainings_invite_the_latest_closed_cohort_of_each_track_and_a_setting_widens_it(register):
    store, programme, _ids = register
    training = occurrence(programme, "autumn-2026", "training_mentors")
    own = ["Anna Berg", "Bo Ek"]
    # autumn-2025 and spring-2025 closed last; autumn-2024 is an autumn start further back
    assert store.former_pair_cohorts() == 1
    assert names(event_guests(store, programme, training, today=BEFORE).invited) == [
        *own, "Maja Ek", "Nils Berg", "Pia Rask", "Karin Lund", "Leo Nyström"]
    store.save_former_pair_cohorts(2)
    assert store.former_pair_cohorts() == 2
    assert names(event_guests(store, programme, training, today=BEFORE).invited) == [
        *own, "Maja Ek", "Nils Berg", "Pia Rask", "Karin Lund", "Leo Nyström", "Åsa Öberg", "Björn Ång"]
    for wrong in (0, 31, "2"):
        with pytest.raises(MentorplanError) as refused:
            store.save_former_pair_cohorts(wrong)
        assert refused.value.key == "guests_page.bad_former_cohorts"
    assert store.former_pair_cohorts() == 2


def test_one_person_is_left_out_of_one_events_list_and_taken_back(register):
    store, programme, ids = register
    mentors = occurrence(programme, "autumn-2026", "training_mentors")
    mentees = occurrence(programme, "autumn-2026", "training_mentees")
    store.change_guest_list("autumn-2026", "training_mentors", ids["Maja Ek"], EXCLUDED)
    chosen = event_guests(store, programme, mentors, today=BEFORE)
    assert "Maja Ek" not in names(chosen.invited) and names(chosen.excluded) == ["Maja Ek"]
    assert "Maja Ek" in names(event_guests(store, programme, mentees, today=BEFORE).invited)  # that event only
    assert ids["Maja Ek"] not in set(recipients(store, programme, "autumn-2026", "invitation", "training_mentors")
                                     ["person_id"])
    store.change_guest_list("autumn-2026", "training_mentors", ids["Maja Ek"], None)
    chosen = event_guests(store, programme, mentors, today=BEFORE)
    assert "Maja Ek" in names(chosen.invited) and not chosen.excluded


def test_a_person_added_by_name_comes_last_with_the_reason(register):
    store, programme, ids = register
    kickoff = occurrence(programme, "autumn-2026", "kickoff")
    store.change_guest_list("autumn-2026", "kickoff", ids["Greta Fors"], ADDED, "mentor")
    guests = event_guests(store, programme, kickoff, today=BEFORE).invited
    assert guests[-1].name == "Greta Fors"
    assert describe_reasons(guests[-1], "sv") == "mentor, tillagd av samordnaren"
    assert describe_reasons(guests[-1], "en") == "mentor, added by the coordinator"


# -- 3. What was sent stays what was sent ---------------------------------------------------------

def test_the_list_is_kept_when_invitations_are_prepared_and_a_later_sign_up_is_not_invited(register):
    store, programme, ids = register
    mingle = occurrence(programme, "autumn-2027", "mentor_mingle")  # 2 Sep 2027, ahead of today
    before = event_guests(store, programme, mingle, today=TODAY)
    assert before.kept == "" and "Greta Fors" in names(before.invited)
    log_invitations(store, before.invited, "autumn-2027", "mentor_mingle")
    late = take_part(store, "Nora Sen", "autumn-2027", "mentor", "applied")
    after = event_guests(store, programme, mingle, today=TODAY)
    # Kept as it was sent: at the time it was sent (the machine's clock, whatever MENTORPLAN_TODAY says).
    kept_at = store.kept_guest_list("autumn-2027", "mentor_mingle")[0].kept_at
    assert abs(dt.datetime.now() - kept_at) < dt.timedelta(minutes=5)
    assert after.kept == "sent" and after.kept_on == kept_at.date()
    assert names(after.invited) == names(before.invited)  # the list as it went out, with its reasons
    assert [g.reasons for g in after.invited] == [g.reasons for g in before.invited]
    assert names(after.not_invited) == ["Nora Sen"]
    # Sending again (a second download) keeps the first list, not today's.
    log_invitations(store, event_guests(store, programme, mingle, today=TODAY).invited, "autumn-2027",
                    "mentor_mingle")
    assert names(event_guests(store, programme, mingle, today=TODAY).not_invited) == ["Nora Sen"]
    # Invited after all: on the list, and the only one not told yet.
    store.change_guest_list("autumn-2027", "mentor_mingle", late, ADDED, "mentor")
    after = event_guests(store, programme, mingle, today=TODAY)
    assert names(after.invited)[-1] == "Nora Sen" and not after.not_invited
    store.mark_sent("autumn-2027", "invitation", "mentor_mingle", [g.person_id for g in before.invited])
    assert list(people_not_told(store, programme, "autumn-2027", "invitation", "mentor_mingle")["person_id"]) == [late]


def test_a_past_event_with_nothing_sent_keeps_the_list_of_its_day(register):
    store, programme, ids = register
    mingle = occurrence(programme, "autumn-2026", "mentor_mingle")  # 3 Sep 2026, past on 1 Dec
    stored_on(store, ids["Maja Ek"], "spring-2027", dt.date(2026, 8, 20))  # before the mingle
    stored_on(store, ids["Greta Fors"], "autumn-2027", dt.date(2026, 10, 2))  # a month after it
    chosen = event_guests(store, programme, mingle, today=TODAY)
    assert chosen.kept == "day" and chosen.kept_on == dt.date(2026, 9, 3)
    assert "Maja Ek" in names(chosen.invited) and "Greta Fors" not in names(chosen.invited)
    assert "Greta Fors" in names(chosen.not_invited)
    # Before its day the same register invites her.
    assert "Greta Fors" in names(event_guests(store, programme, mingle, today=dt.date(2026, 9, 1)).invited)


def test_invitations_logged_before_lists_were_kept_keep_the_list_as_of_the_first_line(register):
    store, programme, ids = register
    mingle = occurrence(programme, "autumn-2027", "mentor_mingle")
    store.log_messages([LogEntry(ids["Greta Fors"], "greta.fors@example.se", "autumn-2027", "invitation",
                                 "mentor_mingle", "invitation", "", "eml", "sent",
                                 at=dt.datetime(2026, 11, 1, 9))])  # no guests: an older version's line
    stored_on(store, ids["Greta Fors"], "autumn-2027", dt.date(2026, 10, 1))
    late = take_part(store, "Nora Sen", "autumn-2027", "mentor", "applied")
    stored_on(store, late, "autumn-2027", dt.date(2026, 11, 20))
    chosen = event_guests(store, programme, mingle, today=TODAY)
    assert chosen.kept == "sent" and chosen.kept_on == dt.date(2026, 11, 1)
    assert "Greta Fors" in names(chosen.invited) and names(chosen.not_invited) == ["Nora Sen"]


def test_a_time_stamp_after_today_is_not_the_calendars_own(register):
    """With MENTORPLAN_TODAY set back (a demonstration), rows stored "later" still count."""
    store, programme, ids = register
    known = load_history(store)
    [greta] = known.participants.loc[known.participants["name"] == "Greta Fors", "participation_id"]
    stored_on(store, ids["Greta Fors"], "autumn-2027", dt.date(2026, 12, 1))
    known = load_history(store)
    closing = dt.date(2028, 5, 25)
    assert not known.as_of(dt.date(2026, 9, 3), dt.date(2026, 12, 1)).signed_up_by(greta, closing)
    assert known.as_of(dt.date(2026, 9, 3), dt.date(2026, 9, 5)).signed_up_by(greta, closing)
    assert known.signed_up_by(greta, closing)  # not reconstructing: everyone counts


def test_deleting_a_person_takes_them_off_the_kept_list_and_the_changes(register):
    store, programme, ids = register
    mingle = occurrence(programme, "autumn-2027", "mentor_mingle")
    log_invitations(store, event_guests(store, programme, mingle, today=TODAY).invited, "autumn-2027",
                    "mentor_mingle")
    store.change_guest_list("autumn-2026", "kickoff", ids["Greta Fors"], ADDED, "mentor")
    store.delete_person(ids["Greta Fors"])
    assert "Greta Fors" not in names(event_guests(store, programme, mingle, today=TODAY).invited)
    assert store.guest_list_changes("autumn-2026", "kickoff") == {}


# -- 4. One event, one occurrence --------------------------------------------------------------------

def test_the_mingle_is_one_occurrence_of_both_starts(register):
    store, programme, _ids = register
    autumn, spring = occurrence(programme, "autumn-2026", "mentor_mingle"), occurrence(programme, "spring-2027",
                                                                                       "mentor_mingle")
    assert autumn.key == spring.key == ("autumn-2026", "mentor_mingle")
    assert autumn.cohorts == spring.cohorts == (Cohort(2026, "autumn"), Cohort(2027, "spring"))
    assert (autumn.start, autumn.end) == (spring.start, spring.end) == (dt.date(2026, 9, 3),) * 2
    # a programme year, the overview and the calendar file list it once
    year = programme.programme_year(2026)
    assert [o.key for o in year if o.id == "mentor_mingle"] == [("autumn-2026", "mentor_mingle")]
    assert [o.id for o in programme.programme_year(2026, ("spring",))].count("mentor_mingle") == 1  # its own
    assert [o.id for o in upcoming(programme, dt.date(2026, 8, 28), 30)].count("mentor_mingle") == 1
    events = Calendar.from_ical(schedule_to_ics(programme.cohort(Cohort(2026, "autumn"))
                                                + programme.cohort(Cohort(2027, "spring")), "sv")).walk("VEVENT")
    mingles = [e for e in events if "mentor_mingle" in str(e["uid"])]
    assert [str(e["uid"]) for e in mingles] == ["autumn-2026-mentor_mingle@mentorplan"]
    assert all(cohort_label(c, "sv") in str(mingles[0]["summary"]) for c in autumn.cohorts)  # named with both
    # one guest list: prospective mentors for both starts
    assert names(event_guests(store, programme, spring, today=BEFORE).invited) == names(
        event_guests(store, programme, autumn, today=BEFORE).invited)
    assert {"Cecilia Dahl", "Maja Ek"} <= set(names(event_guests(store, programme, spring, today=BEFORE).invited))


def test_moving_the_mingle_from_either_cohort_moves_it_once_for_both(register):
    store, programme, _ids = register
    moved = check_override(programme, Override("spring-2027", "mentor_mingle", dt.date(2026, 9, 10),
                                               dt.date(2026, 9, 10), "En vecka senare"))
    assert (moved.cohort_id, moved.event_id) == ("autumn-2026", "mentor_mingle")  # kept under its owner
    store.save_override(moved)
    programme = services.programme(store)
    for cohort_id in ("autumn-2026", "spring-2027"):
        mingle = occurrence(programme, cohort_id, "mentor_mingle")
        assert mingle.start == dt.date(2026, 9, 10) and mingle.moved
    # the autumn window that starts at the mingle follows it
    assert occurrence(programme, "autumn-2026", "matching_window").start == dt.date(2026, 9, 10)
    assert [(o.cohort_id, o.event_id) for o in store.overrides()] == [("autumn-2026", "mentor_mingle")]
    assert store.delete_override(*occurrence(programme, "spring-2027", "mentor_mingle").key)
    assert occurrence(services.programme(store), "spring-2027", "mentor_mingle").start == dt.date(2026, 9, 3)


def test_the_mingles_invitations_are_logged_once_under_its_owner(register):
    store, programme, ids = register
    spring = occurrence(programme, "spring-2027", "mentor_mingle")
    guests = event_guests(store, programme, spring, today=BEFORE).invited
    log_invitations(store, guests, *spring.key, status="sent")
    assert people_not_told(store, programme, "spring-2027", "invitation", "mentor_mingle").empty
    assert people_not_told(store, programme, "autumn-2026", "invitation", "mentor_mingle").empty
    assert len(store.message_log(event_id="mentor_mingle")) == len([g for g in guests if g.has_address])
    assert {row.person_id for row in store.kept_guest_list("autumn-2026", "mentor_mingle")} == {
        g.person_id for g in guests}
    assert store.kept_guest_list("spring-2027", "mentor_mingle") == []


@pytest.mark.parametrize("shared", [
    'shared_with = { track = "autumn", offset = -1, event = "no_such_event" }',
    'shared_with = { track = "winter", offset = -1, event = "mentor_mingle" }',
    'shared_with = { track = "spring", offset = 0, event = "kickoff" }',  # its own track
])
def test_a_shared_event_must_name_another_tracks_own_event(tmp_path, shared):
    text = RULES_FILE.read_text(encoding="utf-8")
    line = 'shared_with = { track = "autumn", offset = -1, event = "mentor_mingle" }'
    assert text.count(line) == 1
    path = tmp_path / "rules.toml"
    path.write_text(text.replace(line, shared), encoding="utf-8")
    with pytest.raises(RuleError, match="shared_with"):
        load_rulebook(path)


def test_the_example_datas_time_stamps_do_not_make_later_sign_ups(store):
    """The example data is made all at once, today: its past mingle is not emptied of the
    mentors who applied, as if they had all signed up after it."""
    programme = services.programme(store)
    load_examples(store, programme, TODAY)
    mingle = occurrence(programme, "autumn-2026", "mentor_mingle")
    chosen = event_guests(store, programme, mingle, today=TODAY)
    assert chosen.kept == "day" and not chosen.not_invited
    assert any(r.why == "applied" for g in chosen.invited for r in g.reasons)


def test_the_mingles_invitation_from_either_cohort_is_one_batch_with_one_time_and_place(register):
    store, programme, _ids = register
    store.save_event_details("autumn-2026", "mentor_mingle", EventDetails("Stadshuset", "17.00–19.00", ""))
    batches = [invitation_messages(store, programme, Cohort.parse(cohort_id), "mentor_mingle", "sv")
               for cohort_id in ("autumn-2026", "spring-2027")]
    assert {(b.cohort_id, b.event_id) for b in batches} == {("autumn-2026", "mentor_mingle")}
    assert [m.person_id for m in batches[0].messages] == [m.person_id for m in batches[1].messages]
    assert batches[1].messages and all("Stadshuset" in m.body for m in batches[1].messages)
