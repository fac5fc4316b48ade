"""Guest lists: each rule of the rulebook's invitations, on a register with a history of several
cohorts (tests/messages_history.py)."""

import pytest

from core import services
from core.calendar.programme import Cohort
from core.messages.guests import (
    GUEST_COLUMNS,
    counts,
    describe_reasons,
    display_frame,
    guest_frame,
    guest_list,
    load_history,
    summary_frame,
)
from tests.messages_history import history


@pytest.fixture
def register(store):
    history(store)
    return store, services.programme(store), load_history(store)


def guests_of(register, cohort_id: str, event_id: str):
    store, programme, known = register
    return guest_list(known, programme, programme.occurrence(Cohort.parse(cohort_id), event_id))


def names(guests) -> list[str]:
    return [g.name for g in guests]


def test_the_kickoff_invites_the_pairs_and_the_running_cohorts_mentors(register):
    guests = guests_of(register, "autumn-2026", "kickoff")
    assert names(guests) == ["Anna Berg", "Bo Ek", "Elin Gran", "Gustav Holm", "Hanna Ilves", "Ulla Utan",
                             "Petra Holm", "Åsa Öberg"]
    running = guests[-1]
    assert (running.role, running.cohort_id, running.reasons[0].why) == ("mentor", "spring-2026", "running")
    assert describe_reasons(running, "en") == "mentor, Spring start 2026, running programme"
    assert describe_reasons(running, "sv") == "mentor, Vårstart 2026, pågående program"
    # The running cohort's mentees are not invited, nor the withdrawn or unmatched of the cohort itself.
    assert not {"Rut Svensson", "Sara Ek", "Ivar Jonsson", "Cecilia Dahl", "Farah Haddad"} & set(names(guests))


def test_the_trainings_invite_former_pairs_latest_cohort_first(register):
    store, programme, known = register
    training = programme.occurrence(Cohort.parse("autumn-2026"), "training_mentors")
    # By default the most recently closed cohort of each track: autumn-2025 (Olle Sund withdrew)
    # and spring-2025 (no matching stored: its participations marked matched); never a cohort
    # still running on the day (spring-2026). Not autumn-2024: two autumn starts ago (issue 12).
    recent = ["Anna Berg", "Bo Ek", "Maja Ek", "Nils Berg", "Pia Rask", "Karin Lund", "Leo Nyström"]
    assert names(guests_of(register, "autumn-2026", "training_mentors")) == recent
    # Widened by the coordinator to two past cohorts of each track: autumn-2024 too.
    mentors = guest_list(known, programme, training, former_cohorts=2)
    assert names(mentors) == [*recent, "Åsa Öberg", "Björn Ång"]
    assert describe_reasons(mentors[3], "en") == "mentee, Autumn start 2025, former mentor pair"
    mentees = guest_list(known, programme, programme.occurrence(Cohort.parse("autumn-2026"), "training_mentees"),
                         former_cohorts=2)
    assert names(mentees)[:4] == ["Elin Gran", "Gustav Holm", "Hanna Ilves", "Ulla Utan"]
    assert names(mentees)[4:] == names(mentors)[2:]


def test_former_pairs_are_those_whose_closing_day_is_before_the_event(register):
    # The spring-2026 training (28–29 Jan 2026): autumn-2025 is still running, so not "former".
    assert names(guests_of(register, "spring-2026", "training_mentors")) == [
        "Petra Holm", "Åsa Öberg", "Karin Lund", "Leo Nyström", "Björn Ång"]


def test_a_person_invited_for_two_reasons_is_listed_once_with_both(register):
    guests = guests_of(register, "spring-2026", "training_mentors")
    [asa] = [g for g in guests if g.name == "Åsa Öberg"]
    assert describe_reasons(asa, "en") == "mentor, Spring start 2026; mentor, Autumn start 2024, former mentor pair"


def test_the_mid_programme_meeting_invites_the_newly_started_cohorts_mentors(register):
    autumn = guests_of(register, "autumn-2026", "mid_meeting")
    assert names(autumn)[-1] == "Dag Ström"
    assert describe_reasons(autumn[-1], "en") == "mentor, Spring start 2027, newly started programme"
    # The spring start's June meeting: by default the autumn cohort that closed two weeks before,
    # as former mentors (issue 15; no cohort is newly started in June); prospective mentors are
    # the evening mingle's guests.
    spring = guests_of(register, "spring-2026", "mid_meeting")
    just_closed = [g for g in spring if g.reasons[0].why == "just_closed"]
    assert names(just_closed) == ["Maja Ek"]  # Olle Sund withdrew
    assert "prospective_mentors" not in {r.group for g in spring for r in g.reasons}


def test_the_closing_evening_invites_the_other_tracks_running_pairs(register):
    guests = guests_of(register, "autumn-2026", "closing_mingle")
    other = [g for g in guests if g.cohort_id == "spring-2027"]
    assert [(g.name, g.role) for g in other] == [("Dag Ström", "mentor"), ("Stina Ås", "mentee")]
    assert all(g.reasons[0].why == "running" for g in other)


def test_the_mentor_mingle_invites_prospective_mentors(register):
    guests = guests_of(register, "autumn-2026", "mentor_mingle")
    # Applied for a start not yet kicked off (in kick-off order), then former mentors who are in no
    # cohort running on 3 Sep 2026 and not yet decided for a coming one: Åsa Öberg mentors in
    # spring-2026, Dag Ström is matched for spring-2027, Olle Sund withdrew.
    assert names(guests) == ["Cecilia Dahl", "Maja Ek", "Greta Fors", "Karin Lund"]
    maja = guests[1]
    assert describe_reasons(maja, "en") == ("mentor, Spring start 2027, applied; "
                                            "mentor, Autumn start 2025, former mentor")
    assert describe_reasons(guests[-1], "sv") == "mentor, Vårstart 2025, tidigare mentor"
    assert {g.role for g in guests} == {"mentor"}


def test_the_spring_closing_day_and_evening_invite_pairs_of_both_tracks_and_prospective_mentors(register):
    groups = {}
    for event_id in ("closing", "closing_mingle"):
        for guest in guests_of(register, "spring-2026", event_id):
            groups.setdefault(guest.reasons[0].why, []).append(guest.name)
    assert groups["own"] == ["Petra Holm", "Åsa Öberg", "Rut Svensson", "Sara Ek"]
    assert groups["running"] == ["Anna Berg", "Bo Ek", "Elin Gran", "Gustav Holm", "Hanna Ilves", "Ulla Utan"]
    assert groups["applied"] == ["Maja Ek"]  # for the January start the evening recruits for, not Greta Fors's autumn
    assert groups["former_mentor"] == ["Karin Lund"]


def test_the_decisions_go_to_the_cohorts_pairs(register):
    guests = guests_of(register, "autumn-2026", "decisions_sent")
    assert {g.name for g in guests} == {"Anna Berg", "Bo Ek", "Elin Gran", "Gustav Holm", "Hanna Ilves", "Ulla Utan"}


def test_an_event_of_a_cohort_nobody_has_joined_yet_has_no_guests_of_its_own(register):
    guests = guests_of(register, "autumn-2030", "kickoff")
    assert guests == []  # no pairs of its own; the running spring-2030 cohort is empty too


def test_an_empty_register_gives_empty_lists(store):
    programme = services.programme(store)
    known = load_history(store)
    for occurrence in programme.cohort(Cohort(2026, "autumn")):
        assert guest_list(known, programme, occurrence) == []


def test_deleting_a_person_takes_them_off_every_list(register):
    store, programme, _ = register
    [anna] = [g for g in guests_of(register, "autumn-2026", "kickoff") if g.name == "Anna Berg"]
    store.delete_person(anna.person_id)
    after = guest_list(load_history(store), programme, programme.occurrence(Cohort(2026, "autumn"), "kickoff"))
    assert "Anna Berg" not in names(after)


def test_the_command_lines_frame_leaves_out_guests_without_an_address(register):
    guests = guests_of(register, "autumn-2026", "kickoff")
    frame = guest_frame(guests, "en")
    assert tuple(frame.columns) == GUEST_COLUMNS
    assert "Ulla Utan" not in set(frame["name"])
    assert frame.iloc[0].to_dict() == {"email": "anna.berg@example.se", "name": "Anna Berg", "role": "mentor",
                                       "cohort": "autumn-2026", "reason": "mentor, Autumn start 2026"}
    assert counts(guests) == {"total": 8, "mentor": 4, "mentee": 4, "no_address": 1}


def test_the_page_frames_are_in_the_coordinators_language(register):
    store, programme, known = register
    guests = guests_of(register, "autumn-2026", "kickoff")
    table = display_frame(guests, "sv")
    assert list(table.columns) == ["Namn", "E-post", "Roll", "Kohort", "Grupp", "Varför inbjuden"]
    assert table.iloc[5]["E-post"] == "(saknar e-post)"
    assert table.iloc[2]["Roll"] == "adept"
    summary = summary_frame(known, programme, Cohort(2026, "autumn"), "en")
    kickoff = summary[summary["Event"] == "Kick-off"].iloc[0]
    assert (kickoff["Invited"], kickoff["Mentors"], kickoff["Mentees"], kickoff["Without e-mail"]) == (8, 4, 4, 1)
    assert "matching" not in " ".join(summary["Event"]).lower()  # events that invite nobody are left out
