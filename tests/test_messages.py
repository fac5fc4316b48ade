"""Messages: templates and their placeholders, every template rendered in both languages, the
decisions and invitations of a cohort with their problems, and who has not been told."""

import datetime as dt

import pytest
from icalendar import Calendar
from sqlalchemy import update

from core import services
from core.calendar.programme import Cohort
from core.messages.delivery import log_prepared
from core.messages.letters import decision_messages, event_ics, invitation_messages
from core.messages.records import LogEntry
from core.messages.sendlog import decisions_deadline, people_not_told
from core.messages.templates import (
    DECISION_TEMPLATES,
    EventDetails,
    Template,
    all_templates,
    check_template,
    is_invitation,
    render,
    shipped_templates,
    template_kinds,
)
from core.platform.i18n import LANGUAGES, MentorplanError
from core.store import schema
from tests.messages_history import history

AUTUMN = Cohort(2026, "autumn")
DETAILS = EventDetails(place="Stadshuset, Umeå", time="13.00–16.30", note="Fika serveras.")


@pytest.fixture
def register(store):
    ids = history(store)
    return store, services.programme(store), ids


# -- Templates ---------------------------------------------------------------------------------

def test_every_kind_of_template_is_shipped_in_both_languages(rulebook):
    programme = services.programme(services.open_store())
    kinds = template_kinds(programme)
    assert kinds[:3] == list(DECISION_TEMPLATES)
    assert set(kinds) == {k for k, _ in shipped_templates()}
    assert {"invitation_kickoff", "invitation_training", "invitation_recruiting", "invitation_mid_meeting",
            "invitation_closing", "invitation_pair_meeting", "invitation_three_party"} <= set(kinds)
    for kind in kinds:
        for lang in LANGUAGES:
            assert check_template(shipped_templates()[(kind, lang)])


@pytest.mark.parametrize(("text", "named"), [
    ("Hej {mentee_shoe}!", "{mentee_shoe}"),
    ("Hej {first_name}, {Name}", "{Name}"),
])
def test_an_unknown_placeholder_is_an_error_naming_it(text, named):
    with pytest.raises(MentorplanError) as raised:
        check_template(Template("decision_mentor", "sv", "Besked", text))
    assert raised.value.key == "messages.unknown_placeholder"
    assert named in raised.value.shown("sv") and "{mentees}" in raised.value.shown("sv")
    # in the subject too
    with pytest.raises(MentorplanError, match="mentee_shoe"):
        check_template(Template("decision_mentor", "en", "About {mentee_shoe}", "Hello"))


@pytest.mark.parametrize("text", ["{0}", "{}", "{name.upper}", "{name[0]}", "{name!r}", "{name:>20}"])
def test_only_plain_names_are_placeholders(text):
    with pytest.raises(MentorplanError) as raised:
        check_template(Template("not_matched", "en", "Subject", f"Dear {text}"))
    assert raised.value.key == "messages.bad_placeholder"


def test_a_template_must_be_whole():
    for subject, body, key in [("Subject", "Dear {name", "messages.bad_braces"),
                               ("Subject", "Dear name}", "messages.bad_braces"),
                               ("", "Body", "messages.empty_template"),
                               ("Line one\nBcc: x@example.se", "Body", "messages.subject_one_line")]:
        with pytest.raises(MentorplanError) as raised:
            check_template(Template("not_matched", "en", subject, body))
        assert raised.value.key == key
    assert "{first_name}" in MentorplanError("messages.bad_braces", example="{first_name}", open="{{",
                                             close="}}").shown("en")
    check_template(Template("not_matched", "en", "Subject", "Braces of my own: {{like this}}"))


def test_a_missing_value_is_an_error_not_a_blank():
    template = Template("not_matched", "en", "For {name}", "Dear {first_name}, see {next_cohort}.")
    with pytest.raises(MentorplanError) as raised:
        render(template, {"name": "Anna", "first_name": "Anna", "next_cohort": "  "})
    assert raised.value.params == {"placeholder": "{next_cohort}"}
    subject, body = render(template, {"name": "Anna\r\nBcc: eve@example.se", "first_name": "Anna",
                                      "next_cohort": "Spring start 2027"})
    assert subject == "For Anna Bcc: eve@example.se"  # one line: no value can add a header
    assert body == "Dear Anna, see Spring start 2027."


def test_an_edited_template_replaces_the_shipped_one(register):
    store, programme, _ = register
    store.save_template(Template("decision_mentee", "sv", "Din mentor: {mentor_name}", "Hej {first_name}!"))
    templates = all_templates(store)
    assert templates[("decision_mentee", "sv")].edited
    assert not templates[("decision_mentee", "en")].edited
    batch = decision_messages(store, programme, AUTUMN, "sv")
    elin = next(m for m in batch.messages if m.name == "Elin Gran")
    assert (elin.subject, elin.body) == ("Din mentor: Anna Berg", "Hej Elin!")
    assert store.reset_template("decision_mentee", "sv")
    assert not all_templates(store)[("decision_mentee", "sv")].edited


# -- The decisions -----------------------------------------------------------------------------

def test_the_decisions_tell_each_mentor_each_mentee_and_the_unmatched(register):
    store, programme, _ = register
    batch = decision_messages(store, programme, AUTUMN, "sv")
    assert [(m.name, m.template) for m in batch.messages] == [
        ("Anna Berg", "decision_mentor"), ("Bo Ek", "decision_mentor"),
        ("Elin Gran", "decision_mentee"), ("Gustav Holm", "decision_mentee"), ("Hanna Ilves", "decision_mentee"),
        ("Cecilia Dahl", "not_matched"), ("Farah Haddad", "not_matched")]
    assert [(p.name, p.key) for p in batch.problems] == [("Ulla Utan", "messages.problem_no_address")]
    anna = batch.messages[0]
    assert anna.subject == "Besked: du är mentor i mentorskapsprogrammet, Höststart 2026"
    assert "– Elin Gran, Kommun B, elin.gran@example.se\n– Gustav Holm, Kommun B, gustav.holm@example.se" in anna.body
    assert "torsdag 17 september 2026 (v. 38)" in anna.body  # the mentors' training
    assert "kick-off torsdag 24 september 2026 (v. 39)" in anna.body
    elin = batch.messages[2]
    assert "Anna Berg, Region Norr\nanna.berg@example.se" in elin.body
    assert "onsdag 16 september 2026" in elin.body  # the mentees' training
    farah = batch.messages[-1]
    assert "nästa start, Vårstart 2027, som inleds med kick-off torsdag 11 februari 2027" in farah.body
    assert "Ivar Jonsson" not in {m.name for m in batch.messages}  # withdrew


def test_a_batch_is_known_by_what_it_says(register):
    """Batch.fingerprint: the same letters made again have the same one; another word in one
    letter, or the letters in another language, another."""
    import dataclasses

    store, programme, _ = register
    batch = decision_messages(store, programme, AUTUMN, "sv")
    assert decision_messages(store, programme, AUTUMN, "sv").fingerprint == batch.fingerprint
    edited = dataclasses.replace(batch.messages[0], body=batch.messages[0].body + " ")
    assert dataclasses.replace(batch, messages=(edited, *batch.messages[1:])).fingerprint != batch.fingerprint
    assert decision_messages(store, programme, AUTUMN, "en").fingerprint != batch.fingerprint


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_decision_template_renders_in_both_languages(register, lang):
    store, programme, _ = register
    batch = decision_messages(store, programme, AUTUMN, lang)
    assert {m.template for m in batch.messages} == set(DECISION_TEMPLATES)
    for message in batch.messages:
        assert "{" not in message.subject + message.body and "}" not in message.body
        assert message.body.startswith(("Hej ", "Dear "))
    english = lang == "en"
    assert ("17 September 2026" if english else "17 september 2026") in batch.messages[0].body
    assert batch.messages[-1].subject == ("A decision from the mentorship programme, Autumn start 2026" if english
                                          else "Besked från mentorskapsprogrammet, Höststart 2026")


def test_a_value_missing_for_one_person_stops_only_their_message(register):
    store, programme, ids = register
    with store.transaction() as connection:
        connection.execute(update(schema.people).where(schema.people.c.id == ids["Bo Ek"]).values(organisation=""))
    batch = decision_messages(store, programme, AUTUMN, "en")
    problems = {p.name: p.shown("en") for p in batch.problems}
    assert problems["Hanna Ilves"] == ("Hanna Ilves (hanna.ilves@example.se): {mentor_organisation} has no value for "
                                       "this person; complete the register or change the template.")
    assert "Bo Ek" in {m.name for m in batch.messages}  # his own message does not use it
    assert "Elin Gran" in {m.name for m in batch.messages}


def test_no_decisions_before_a_matching_is_accepted(register):
    store, programme, _ = register
    with pytest.raises(MentorplanError) as raised:
        decision_messages(store, programme, Cohort(2027, "autumn"), "en")
    assert raised.value.key == "messages.no_accepted_pairs"


def test_a_stored_template_with_an_unknown_placeholder_stops_the_batch(register):
    store, programme, _ = register
    store.save_template(Template("not_matched", "en", "Sorry", "Dear {nickname}"))
    with pytest.raises(MentorplanError, match="nickname"):
        decision_messages(store, programme, AUTUMN, "en")


def test_the_deadline_comes_from_the_calendar(register):
    _, programme, _ = register
    assert decisions_deadline(programme, AUTUMN) == dt.date(2026, 9, 10)  # 2nd Thursday of September
    assert decisions_deadline(programme, Cohort(2027, "spring")) == dt.date(2027, 1, 1)  # 1st Friday of January


# -- The invitations ---------------------------------------------------------------------------

def test_the_kickoff_invitation_says_when_where_and_why(register):
    store, programme, _ = register
    store.save_event_details("autumn-2026", "kickoff", DETAILS)
    batch = invitation_messages(store, programme, AUTUMN, "kickoff", "sv")
    assert len(batch.messages) == 7 and [p.name for p in batch.problems] == ["Ulla Utan"]
    petra = next(m for m in batch.messages if m.name == "Petra Holm")
    assert petra.subject == "Inbjudan: kick-off för mentorskapsprogrammet torsdag 24 september 2026"
    assert "Du är inbjuden som mentor i Vårstart 2026, det pågående programmet." in petra.body
    assert "Dag: torsdag 24 september 2026 (v. 39)\nTid: 13.00–16.30\nPlats: Stadshuset, Umeå" in petra.body
    assert batch.calendar_name == "kick-off-hoststart-2026.ics" and batch.name == "invitation-kickoff-autumn-2026-sv"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_invitation_template_renders_in_both_languages(register, lang):
    store, programme, _ = register
    seen, used = set(), set()
    for cohort in (AUTUMN, Cohort(2026, "spring")):
        for occurrence in programme.cohort(cohort):
            if not is_invitation(occurrence):
                continue
            batch = invitation_messages(store, programme, cohort, occurrence.id, lang, details=DETAILS)
            assert batch.calendar, occurrence.id
            if batch.messages:  # a mingle shared with the other track's may have had nobody to invite then
                seen.add(occurrence.event.kind)
            used.update(m.template for m in batch.messages)
            for message in batch.messages:
                assert "{" not in message.subject + message.body, (occurrence.id, message.body)
    assert seen == {"recruiting", "training", "kickoff", "pair_meeting", "mid_meeting", "closing", "three_party",
                    "mingle"}
    assert {"invitation_closing_mingle", "invitation_mid_meeting_mingle", "invitation_training_former_pair"} <= used


def test_a_pair_meeting_reminder_names_the_week_and_needs_no_place(register):
    store, programme, _ = register
    batch = invitation_messages(store, programme, AUTUMN, "pair_meeting_1", "en", details=EventDetails())
    assert batch.messages[0].subject == "Reminder: Pair meeting 1, week 40"
    assert "week 40 (28 September – 4 October 2026)" in batch.messages[0].body


def test_an_invitation_without_its_place_is_not_written(register):
    store, programme, _ = register
    with pytest.raises(MentorplanError) as raised:
        invitation_messages(store, programme, AUTUMN, "training_mentors", "en", details=EventDetails(time="9–12"))
    assert raised.value.shown("en") == "Fill in the place for Training, mentors: the template uses {place}."


def test_the_decisions_event_is_no_invitation(register):
    store, programme, _ = register
    with pytest.raises(MentorplanError) as raised:
        invitation_messages(store, programme, AUTUMN, "decisions_sent", "en")
    assert raised.value.key == "messages.not_an_invitation"


def test_the_events_calendar_file_is_published_with_its_place(register):
    _, programme, _ = register
    calendar = Calendar.from_ical(event_ics(programme.occurrence(AUTUMN, "kickoff"), "sv", DETAILS))
    assert str(calendar["method"]) == "PUBLISH"
    [event] = calendar.walk("VEVENT")
    assert str(event["location"]) == "Stadshuset, Umeå"
    assert event.decoded("dtstart") == dt.date(2026, 9, 24)
    assert str(event["description"]).startswith("13.00–16.30\nFika serveras.\n")
    assert str(event["uid"]) == "autumn-2026-kickoff@mentorplan"  # the same as the schedule's export


# -- Who has been told -------------------------------------------------------------------------

def test_who_has_not_been_told_follows_the_send_log(register):
    store, programme, ids = register
    everyone = people_not_told(store, programme, "autumn-2026", "decision")
    assert list(everyone.columns) == ["person_id", "email", "name", "role"]
    assert set(everyone["name"]) == {"Anna Berg", "Bo Ek", "Elin Gran", "Gustav Holm", "Hanna Ilves", "Ulla Utan",
                                     "Cecilia Dahl", "Farah Haddad"}
    batch = decision_messages(store, programme, AUTUMN, "sv")
    log_prepared(store, batch, "eml")  # prepared is not told
    assert len(people_not_told(store, programme, "autumn-2026", "decision")) == 8
    anna = batch.messages[0]
    store.log_messages([LogEntry(anna.person_id, anna.email, "autumn-2026", "decision", "decisions_sent",
                                 anna.template, anna.subject, "smtp", "failed", "550 no")])
    assert len(people_not_told(store, programme, "autumn-2026", "decision")) == 8
    assert store.mark_sent("autumn-2026", "decision", "decisions_sent", [ids["Anna Berg"], ids["Bo Ek"]]) == 2
    left = people_not_told(store, programme, "autumn-2026", "decision")
    assert set(left["name"]) == {"Elin Gran", "Gustav Holm", "Hanna Ilves", "Ulla Utan", "Cecilia Dahl",
                                 "Farah Haddad"}
    # An invitation's log is its own.
    assert len(people_not_told(store, programme, "autumn-2026", "invitation", "kickoff")) == 8


def test_before_a_matching_everyone_taking_part_is_not_yet_told(register):
    store, programme, _ = register
    waiting = people_not_told(store, programme, "autumn-2027", "decision")
    assert list(waiting["name"]) == ["Greta Fors"]


def test_the_send_log_names_people_as_the_register_does_now(register):
    store, programme, ids = register
    batch = decision_messages(store, programme, AUTUMN, "en")
    assert log_prepared(store, batch, "merge") == 7
    log = store.message_log("autumn-2026")
    assert len(log) == 7 and set(log["status"]) == {"prepared"} and set(log["channel"]) == {"merge"}
    store.delete_person(ids["Anna Berg"])  # deleting a person everywhere takes their log lines
    assert len(store.message_log("autumn-2026")) == 6
    with pytest.raises(ValueError):
        store.log_messages([LogEntry(1, "x@example.se", "autumn-2026", "decision", "decisions_sent", "t", "s",
                                     "pigeon", "sent")])


def test_a_cohort_nobody_has_joined_has_nobody_to_tell(store):
    programme = services.programme(store)
    assert people_not_told(store, programme, "autumn-2026", "decision").empty
    assert people_not_told(store, programme, "autumn-2026", "invitation", "kickoff").empty
    with pytest.raises(MentorplanError) as raised:
        people_not_told(store, programme, "autumn-2026", "invitation")
    assert raised.value.key == "messages.event_needed"


def test_someone_who_withdrew_after_the_matching_is_not_told_and_not_counted(register):
    store, programme, ids = register
    with store.transaction() as connection:
        connection.execute(update(schema.participations).where(
            schema.participations.c.person_id == ids["Hanna Ilves"],
            schema.participations.c.cohort_id == "autumn-2026").values(status="withdrawn"))
    batch = decision_messages(store, programme, AUTUMN, "en")
    assert "Hanna Ilves" not in {m.name for m in batch.messages}
    bo = next(m for m in batch.messages if m.name == "Bo Ek")
    assert "Hanna Ilves" not in bo.body and "– Ulla Utan, Kommun C" in bo.body
    assert "Hanna Ilves" not in set(people_not_told(store, programme, "autumn-2026", "decision")["name"])
