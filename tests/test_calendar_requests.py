"""Letters that land in calendars, the call for mentors, and the letters polished (issue 15,
points 3–5): each letter naming an event carries its recipient's own calendar request (read back
with the e-mail parser and icalendar), timed or all-day; a moved event is offered as an update
with the same UID and a higher SEQUENCE, someone no longer invited as a cancellation; a booked
three-party conversation is confirmed; the call for mentors is written by the command line; the
sender comes from the settings; and the wording points of the issue hold."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import zipfile
from email import message_from_bytes, policy
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from sqlalchemy import select, update

from core import services
from core.calendar.files import schedule_to_ics
from core.calendar.programme import CalendarWarning, Cohort, Override
from core.calendar.schedule import describe_warning
from core.followup.todo import call_for_mentors
from core.messages.delivery import eml_zip, log_prepared, to_eml
from core.messages.letters import (
    Booked,
    booking_messages,
    calendar_changes,
    call_messages,
    change_messages,
    decision_messages,
    invitation_messages,
)
from core.messages.requests import CANCEL, REQUEST, parse_time_range, time_understood
from core.messages.templates import EventDetails
from core.store import Store, schema
from tests.conftest import ROOT
from tests.messages_history import history
from tests.release import release_database

AUTUMN = Cohort(2026, "autumn")
SENDER = "Mentorskapsprogrammet <mentor@example.se>"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
KICKOFF = EventDetails(place="Folkets hus, Umeå", time="17.00–19.00")


@pytest.fixture
def register(store):
    history(store)
    return store


def run(*args):
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True,
                          env={**os.environ, "MENTORPLAN_LANG": "sv"}, timeout=120)


def drafts(path) -> list:
    with zipfile.ZipFile(path) as archive:
        return [message_from_bytes(archive.read(name), policy=policy.default) for name in sorted(archive.namelist())]


def requests_in(email) -> list[Calendar]:
    """The calendar parts of an e-mail, parsed, checked to say their method in the MIME type too."""
    found = []
    for part in email.walk():
        if part.get_content_type() == "text/calendar":
            calendar = Calendar.from_ical(part.get_content())
            assert part.get_param("method") == str(calendar["method"])
            found.append(calendar)
    return found


def only_event(calendar: Calendar):
    [event] = calendar.walk("VEVENT")
    return event


def person_id(store: Store, name: str) -> int:
    with store.reading() as connection:
        return int(connection.execute(select(schema.people.c.id).where(schema.people.c.name == name)).scalar_one())


# -- Times in words ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "start", "minutes"), [
    ("17.00–19.00", dt.time(17), 120),
    ("17:00 - 19:00", dt.time(17), 120),
    ("kl. 17–19", dt.time(17), 120),
    ("klockan 13.15 till 16.30", dt.time(13, 15), 195),
    ("9–12", dt.time(9), 180),
    ("mellan 17 och 19", dt.time(17), 120),
    ("5–7 pm", dt.time(17), 120),
    ("5 pm to 7.30 pm", dt.time(17), 150),
    ("from 9.30 to 12", dt.time(9, 30), 150),
    ("17.00–19.00 (mingel från 18)", dt.time(17), 120),
    ("22–01", dt.time(22), 180),
    ("kl. 18", dt.time(18), 60),
])
def test_a_time_range_is_read_in_swedish_and_english(text, start, minutes):
    assert parse_time_range(text) == (start, minutes)


@pytest.mark.parametrize("text", ["", "efter lunch", "hela dagen", "25–27", "17.75–19", "13 pm"])
def test_what_is_no_time_leaves_the_event_all_day(text):
    assert parse_time_range(text) is None


@pytest.mark.parametrize(("text", "start", "minutes"), [
    ("2026-09-03 kl. 17–19", dt.time(17), 120),  # a date's digits are no time (was 09:00 for 18 h)
    ("Plan 2-3, kl 17-19", dt.time(17), 120),  # a range said to be a time wins over a label (was 02:00)
    ("torsdag 3 september, 17–19", dt.time(17), 120),
    ("3/9 17-19", dt.time(17), 120),
    ("03.09.2026 kl 9-12", dt.time(9), 180),
    ("den 3 sept 17.00-19.00", dt.time(17), 120),
    ("Sept 3rd, 5-7 pm", dt.time(17), 120),
    ("mån 3/9 kl 17:00-19:00", dt.time(17), 120),
    ("3–4 september kl 17", dt.time(17), 60),
    ("Sal 2-3, kl 18", dt.time(18), 60),
    ("Folkets hus kl. 18", dt.time(18), 60),
    ("Avgift 12.50 kr, kl 17-19", dt.time(17), 120),
    ("kl. 17–19 (alltså 17.00–19.00)", dt.time(17), 120),  # the same range twice is one
    ("kl 17–19 (samling 16.30)", dt.time(17), 120),
])
def test_a_time_is_read_past_dates_and_labels(text, start, minutes):
    assert parse_time_range(text) == (start, minutes)


@pytest.mark.parametrize("text", [
    "2026-09-03", "3/9", "3 september", "September 3-4", "Plan 2-3",  # a date or a label, no time
    "Kickoff 17–19",  # a bare range after a word could be a room or a page: not sure, all day
    "Plan 2-3, 17-19", "17–19 (ändrat från 18–20)", "17.00–19.00, ny tid 18.00–20.00",  # two ranges
    "kl 17–19 eller 18–20", "kl. 17 eller kl. 18", "kl. 17 (kl. 18 för mentorer)",
    "17-17", "0-24", "kl 25-27", "kl. 17.75–19", "kl. 17.00–19.00, 17.61-18",
])
def test_a_doubtful_time_leaves_the_event_all_day(text):
    assert parse_time_range(text) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 .:-–/kl pmaoch") + [
    "kl. ", "klockan ", "från ", "mellan ", " och ", " till ", "from ", " to ", "at ", " pm", " am",
    "september", " 2026-09-03 ", "3/9", "Plan ", " eller ", "24", "12", "00"]), max_size=16).map("".join)
       | st.text(max_size=40))
def test_reading_a_time_never_fails_and_gives_a_real_time(text):
    found = parse_time_range(text)
    if found is not None:
        start, minutes = found
        assert isinstance(start, dt.time) and 0 < minutes < 24 * 60


@pytest.mark.parametrize(("text", "one_day", "shown"), [
    ("kl. 17–19", True, "17.00–19.00"),
    ("2026-09-03 kl. 9.30 till 12", True, "09.30–12.00"),
    ("22–01", True, "22.00–01.00"),
    ("kl. 18", True, "18.00–19.00"),
    ("kl. 17–19", False, None),  # over several days a request is all-day whatever the time says
    ("Plan 2-3", True, None),
])
def test_the_page_shows_the_time_the_requests_will_carry(text, one_day, shown):
    assert time_understood(text, one_day=one_day) == shown


def test_the_messages_page_says_under_the_time_what_the_calendar_request_will_be(app, register):
    at = app("views/messages.py", lang="sv", today=dt.date(2026, 9, 5))
    at.radio(key="messages_what").set_value("invitation").run()
    at.selectbox(key="messages_event").set_value("kickoff").run()
    assert "Kalenderinbjudan: heldag" in [c.value for c in at.caption]
    register.save_event_details("autumn-2026", "kickoff", EventDetails(time="2026-09-03 kl. 17–19"))
    at.run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert "Kalenderinbjudan: 17.00–19.00" in captions and "Kalenderinbjudan: heldag" not in captions


# -- Calendar requests in the letters -------------------------------------------------------------

def test_every_kickoff_invitation_carries_a_request_for_its_own_recipient(register, tmp_path):
    register.save_event_details("autumn-2026", "kickoff", KICKOFF)
    out = tmp_path / "kickoff.zip"
    result = run("messages", "--cohort", "autumn-2026", "--kind", "invitation", "--event", "kickoff",
                 "--out", str(out), "--from", SENDER)
    assert result.returncode == 1, result.stderr  # Ulla Utan has no address
    schedule_uid = str(only_event(Calendar.from_ical(schedule_to_ics(
        [services.programme(register).occurrence(AUTUMN, "kickoff")], "sv")))["uid"])
    messages = drafts(out)
    assert len(messages) == 7
    for email in messages:
        [calendar] = requests_in(email)
        assert str(calendar["method"]) == "REQUEST"
        event = only_event(calendar)
        recipient = email["To"].addresses[0]
        assert str(event["attendee"]) == f"mailto:{recipient.addr_spec}"
        assert event["attendee"].params["CN"] == recipient.display_name
        assert event["attendee"].params["RSVP"] == "TRUE"
        assert str(event["organizer"]) == "mailto:mentor@example.se"
        assert str(event["uid"]) == schedule_uid == "autumn-2026-kickoff@mentorplan"
        assert int(event["sequence"]) == 0
        assert str(event["summary"]) == "Kick-off – Höststart 2026"
        assert str(event["location"]) == "Folkets hus, Umeå"
        assert event.decoded("dtstart") == dt.datetime(2026, 9, 24, 17, 0, tzinfo=STOCKHOLM)
        assert event.decoded("dtend") == dt.datetime(2026, 9, 24, 19, 0, tzinfo=STOCKHOLM)
    assert calendar.walk("VTIMEZONE")  # the zone's rules travel with a timed entry


def test_an_event_without_a_readable_time_is_all_day(register):
    programme = services.programme(register)
    batch = invitation_messages(register, programme, AUTUMN, "kickoff", "en",
                                details=EventDetails(place="Stadshuset", time="after lunch"))
    email = message_from_bytes(to_eml(batch.messages[0], batch, SENDER), policy=policy.default)
    event = only_event(requests_in(email)[0])
    assert event.decoded("dtstart") == dt.date(2026, 9, 24)
    assert event.decoded("dtend") == dt.date(2026, 9, 25)  # exclusive


def test_a_decision_carries_the_training_and_the_kickoff(register):
    programme = services.programme(register)
    batch = decision_messages(register, programme, AUTUMN, "sv")
    anna = next(m for m in batch.messages if m.name == "Anna Berg")
    email = message_from_bytes(to_eml(anna, batch, SENDER), policy=policy.default)
    calendars = requests_in(email)
    assert [str(only_event(c)["uid"]) for c in calendars] == ["autumn-2026-training_mentors@mentorplan",
                                                               "autumn-2026-kickoff@mentorplan"]
    assert [str(only_event(c)["summary"]) for c in calendars] == ["Utbildning, mentorer – Höststart 2026",
                                                                   "Kick-off – Höststart 2026"]
    elin = next(m for m in batch.messages if m.name == "Elin Gran")
    assert [r.event_id for r in elin.calendars] == ["training_mentees", "kickoff"]
    farah = next(m for m in batch.messages if m.name == "Farah Haddad")
    assert not farah.calendars  # not matched: invited to nothing yet


def test_the_sender_comes_from_the_settings_and_from_overrides_it(register, tmp_path):
    register.save_event_details("autumn-2026", "kickoff", KICKOFF)
    register.save_message_settings({"message_sender": "Mentorskap Umeå <mentorskap@umea.example.se>"})
    out = tmp_path / "a.zip"
    assert run("messages", "--cohort", "autumn-2026", "--kind", "decisions", "--out", str(out)).returncode == 1
    first = drafts(out)[0]
    assert first["From"].addresses[0].addr_spec == "mentorskap@umea.example.se"
    assert str(only_event(requests_in(first)[0])["organizer"]) == "mailto:mentorskap@umea.example.se"
    again = tmp_path / "b.zip"
    assert run("messages", "--cohort", "autumn-2026", "--kind", "decisions", "--out", str(again),
               "--from", SENDER).returncode == 1
    assert drafts(again)[0]["From"].addresses[0].addr_spec == "mentor@example.se"


def test_no_sender_means_no_organiser_and_a_published_file(register):
    programme = services.programme(register)
    batch = invitation_messages(register, programme, AUTUMN, "kickoff", "sv", details=KICKOFF)
    email = message_from_bytes(to_eml(batch.messages[0], batch), policy=policy.default)
    [calendar] = requests_in(email)
    assert str(calendar["method"]) == "PUBLISH" and "organizer" not in only_event(calendar)


# -- A moved event, someone no longer invited -----------------------------------------------------

def invite_to_kickoff(store: Store) -> None:
    store.save_event_details("autumn-2026", "kickoff", KICKOFF)
    batch = invitation_messages(store, services.programme(store), AUTUMN, "kickoff", "sv")
    assert log_prepared(store, batch, "eml") == 7


def test_a_moved_event_is_offered_as_an_update_with_the_same_uid_and_a_higher_sequence(register):
    invite_to_kickoff(register)
    programme = services.programme(register)
    assert [c for c in calendar_changes(register, programme, AUTUMN) if c.update or c.cancel] == []
    again = invitation_messages(register, programme, AUTUMN, "kickoff", "sv")
    assert {r.sequence for m in again.messages for r in m.calendars} == {0}  # nothing changed: the same
    register.save_override(Override("autumn-2026", "kickoff", dt.date(2026, 10, 1), dt.date(2026, 10, 1)))
    programme = services.programme(register)
    [change] = [c for c in calendar_changes(register, programme, AUTUMN) if c.event_id == "kickoff"]
    assert len(change.update) == 7 and not change.cancel
    updates = change_messages(register, programme, AUTUMN, "kickoff", REQUEST, "sv", change.update)
    assert len(updates.messages) == 7 and updates.kind == "update"
    petra = next(m for m in updates.messages if m.name == "Petra Holm")
    assert petra.subject == "Ändrat: Kick-off, Höststart 2026"
    assert "Dag: torsdag 1 oktober 2026 (v. 40)\nTid: 17.00–19.00\nPlats: Folkets hus, Umeå" in petra.body
    event = only_event(requests_in(message_from_bytes(to_eml(petra, updates, SENDER), policy=policy.default))[0])
    assert str(event["uid"]) == "autumn-2026-kickoff@mentorplan" and int(event["sequence"]) == 1
    assert event.decoded("dtstart") == dt.datetime(2026, 10, 1, 17, 0, tzinfo=STOCKHOLM)
    log_prepared(register, updates, "eml")
    assert not calendar_changes(register, programme, AUTUMN)[0].update  # everyone holds the new version
    register.delete_override("autumn-2026", "kickoff")  # moved back: another update, sequence 2
    programme = services.programme(register)
    [change] = [c for c in calendar_changes(register, programme, AUTUMN) if c.event_id == "kickoff"]
    back = change_messages(register, programme, AUTUMN, "kickoff", REQUEST, "sv", change.update)
    assert {r.sequence for m in back.messages for r in m.calendars} == {2}


def test_someone_no_longer_invited_is_offered_a_cancellation(register):
    invite_to_kickoff(register)
    elin = person_id(register, "Elin Gran")
    with register.transaction() as connection:
        connection.execute(update(schema.participations).where(schema.participations.c.person_id == elin)
                           .values(status="withdrawn"))
    programme = services.programme(register)
    [change] = [c for c in calendar_changes(register, programme, AUTUMN) if c.event_id == "kickoff"]
    assert change.cancel == (elin,) and not change.update
    batch = change_messages(register, programme, AUTUMN, "kickoff", CANCEL, "en", change.cancel)
    [message] = batch.messages
    assert message.subject == "Removed from your calendar: Kick-off, Thursday 24 September 2026"
    assert "The invitation to kick-off of the mentorship programme, Autumn start 2026" in message.body
    calendar = requests_in(message_from_bytes(to_eml(message, batch, SENDER), policy=policy.default))[0]
    assert str(calendar["method"]) == "CANCEL"
    event = only_event(calendar)
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 1
    assert str(event["uid"]) == "autumn-2026-kickoff@mentorplan"
    log_prepared(register, batch, "eml")
    [change] = [c for c in calendar_changes(register, programme, AUTUMN) if c.event_id == "kickoff"]
    assert elin not in change.holders and not change.cancel


def test_cancelling_the_whole_event_reaches_everyone_who_holds_it(register):
    invite_to_kickoff(register)
    programme = services.programme(register)
    [change] = [c for c in calendar_changes(register, programme, AUTUMN) if c.event_id == "kickoff"]
    batch = change_messages(register, programme, AUTUMN, "kickoff", CANCEL, "sv", change.holders)
    assert len(batch.messages) == 7
    assert all(m.calendars[0].method == CANCEL for m in batch.messages)


# -- A booked three-party conversation ------------------------------------------------------------

def test_a_booked_three_party_conversation_is_confirmed_with_a_calendar_request(register):
    booked = Booked(5, dt.datetime(2027, 5, 31, 14, 0), 45, "Rum Ljuset", person_id(register, "Anna Berg"),
                    "Anna Berg", "anna.berg@example.se", person_id(register, "Elin Gran"), "Elin Gran",
                    "elin.gran@example.se")
    batch = booking_messages(register, AUTUMN, "sv", [booked])
    anna, elin = batch.messages
    assert anna.subject == "Bokat: trepartssamtal måndag 31 maj 2027 kl. 14.00–14.45"
    assert "du, Elin Gran och programmets samordnare" in anna.body
    assert "Dag: måndag 31 maj 2027 (v. 22)\nTid: 14.00–14.45\nPlats: Rum Ljuset" in elin.body
    with zipfile.ZipFile(io.BytesIO(eml_zip(batch, SENDER))) as archive:
        first = message_from_bytes(archive.read(sorted(archive.namelist())[0]), policy=policy.default)
    event = only_event(requests_in(first)[0])
    assert str(event["uid"]) == "three-party-autumn-2026-slot-5@mentorplan"  # the booking list's .ics UID
    assert event.decoded("dtstart") == dt.datetime(2027, 5, 31, 14, 0, tzinfo=STOCKHOLM)
    assert event.decoded("dtend") == dt.datetime(2027, 5, 31, 14, 45, tzinfo=STOCKHOLM)
    assert str(event["location"]) == "Rum Ljuset" and str(event["attendee"]) == "mailto:anna.berg@example.se"


# -- The call for mentors --------------------------------------------------------------------------

FORMER = ["Björn Ång", "Karin Lund", "Leo Nyström", "Nils Berg", "Petra Holm", "Pia Rask", "Rut Svensson",
          "Sara Ek", "Åsa Öberg"]


def test_the_call_for_mentors_as_drafts(register, tmp_path):
    register.save_message_settings({"call_channel": "Intranätet <nyheter@example.se>", "message_sender": SENDER})
    register.save_event_details("spring-2027", "mid_meeting_mingle", EventDetails(place="Stadshuset", time="18–20"))
    register.save_event_details("autumn-2027", "call",
                                EventDetails(note="Anmäl dig på example.se/mentor senast 30 juni."))
    karin = person_id(register, "Karin Lund")
    with register.transaction() as connection:
        connection.execute(update(schema.people).where(schema.people.c.id == karin).values(languages=["en", "fi"]))
    out = tmp_path / "call.zip"
    result = run("messages", "--cohort", "autumn-2027", "--kind", "call", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == f"11 meddelanden skrivna till {out}"
    messages = drafts(out)
    channel = [m for m in messages if m["To"].addresses[0].addr_spec == "nyheter@example.se"]
    assert [m["Subject"] for m in channel] == ["Bli mentor i mentorskapsprogrammet – Höststart 2027",
                                               "Become a mentor in the mentorship programme – Autumn start 2027"]
    swedish = channel[0].get_body(("plain",)).get_content()
    assert "torsdag 10 juni 2027, kl. 18–20, Stadshuset" in swedish  # the June mingle, where the manual recruits
    assert "Anmäl dig på example.se/mentor senast 30 juni." in swedish
    personal = {m["To"].addresses[0].display_name: m for m in messages if m not in channel}
    assert sorted(personal) == sorted(FORMER)
    # Not asked: Maja Ek applied for spring-2027, Olle Sund withdrew, the running and coming cohorts' people.
    assert not {"Maja Ek", "Olle Sund", "Anna Berg", "Greta Fors", "Dag Ström"} & set(personal)
    assert personal["Karin Lund"]["Subject"] == "Be a mentor in the mentorship programme, Autumn start 2027"
    assert "as a mentor – thank you!" in personal["Karin Lund"].get_body(("plain",)).get_content()
    assert personal["Nils Berg"]["Subject"] == "Bli mentor i mentorskapsprogrammet, Höststart 2027"
    assert "som adept – tack för det!" in personal["Nils Berg"].get_body(("plain",)).get_content()
    assert all(m["From"].addresses[0].addr_spec == "mentor@example.se" for m in messages)
    log = register.message_log("autumn-2027")
    assert len(log) == 9 and set(log["kind"]) == {"call"}  # the channel's drafts are nobody's


def test_the_call_needs_the_mingles_time_and_how_to_sign_up(register, tmp_path):
    out = tmp_path / "call.zip"
    result = run("messages", "--cohort", "autumn-2027", "--kind", "call", "--out", str(out), "--lang", "en",
                 "--place", "Stadshuset")
    assert result.returncode == 2 and not out.exists()
    assert result.stderr.decode().strip() == ("mentorplan: error: Fill in the time and how to sign up for the call: "
                                              "the template uses {mingle_time}, {signup}.")
    result = run("messages", "--cohort", "autumn-2027", "--kind", "call", "--out", str(out), "--place", "Stadshuset",
                 "--time", "18–20", "--signup", "Svara på det här mejlet.")
    assert result.returncode == 0, result.stderr
    assert len(drafts(out)) == 9  # no channel set: the personal drafts only


# -- Wording ------------------------------------------------------------------------------------------

def test_a_pair_meeting_is_not_capitalised_mid_sentence(register):
    batch = invitation_messages(register, services.programme(register), AUTUMN, "pair_meeting_1", "sv",
                                details=EventDetails())
    assert "Det är dags för parträff 1 i mentorskapsprogrammet" in batch.messages[0].body
    assert batch.messages[0].subject.startswith("Påminnelse: Parträff 1,")  # a subject begins with a capital


def test_former_pairs_at_a_training_are_asked_to_share_their_experience(register):
    batch = invitation_messages(register, services.programme(register), AUTUMN, "training_mentors", "sv",
                                details=EventDetails(place="Stadshuset", time="9–12"))
    nils = next(m for m in batch.messages if m.name == "Nils Berg")  # a mentee of autumn-2025's pairs
    anna = next(m for m in batch.messages if m.name == "Anna Berg")
    assert nils.template == "invitation_training_former_pair"
    assert "berättar om dina erfarenheter" in nils.body and "Välkommen till utbildningen" not in nils.body
    assert anna.template == "invitation_training" and "Välkommen till utbildningen" in anna.body


def test_who_has_applied_is_not_told_at_the_mingle_that_they_can_apply(register):
    batch = invitation_messages(register, services.programme(register), Cohort(2027, "autumn"), "mentor_mingle",
                                "sv", details=EventDetails(place="Stadshuset", time="17–19"))
    greta = next(m for m in batch.messages if m.name == "Greta Fors")  # applied for autumn-2027
    assert greta.template == "invitation_recruiting_applied"
    assert "anmäla dig" not in greta.body and "Tack för att du har anmält dig som mentor!" in greta.body
    others = [m for m in batch.messages if m.name != "Greta Fors"]
    assert others and all("du kan anmäla dig som mentor" in m.body for m in others)


def test_the_evening_mingles_letters_speak_of_the_mingle(register):
    programme = services.programme(register)
    closing = invitation_messages(register, programme, AUTUMN, "closing_mingle", "sv",
                                  details=EventDetails(place="Stadshuset", time="18–21"))
    assert closing.messages and all(m.template.startswith("invitation_closing_mingle") for m in closing.messages)
    first = closing.messages[0]
    assert first.subject == "Inbjudan: mingel på kvällen torsdag 27 maj 2027"
    assert "Tid: 18–21 (på kvällen)" in first.body and "mentorer" in first.body
    june = invitation_messages(register, programme, Cohort(2027, "spring"), "mid_meeting_mingle", "en",
                               details=EventDetails(place="City hall", time="6–8 pm"))
    for message in june.messages:
        assert message.template.startswith("invitation_mid_meeting_mingle")
        assert "mingle" in message.subject and "mid-programme meeting" in message.body


def test_a_saturday_is_a_weekend_day_not_a_holiday():
    words = describe_warning(CalendarWarning("weekend", day=dt.date(2027, 5, 29), suggestion=dt.date(2027, 5, 28)),
                             "sv")
    assert "helgdag" not in words and "infaller en helg" in words and words.startswith("lör 29 maj 2027")


# -- The table of requests given: revision 0005 ----------------------------------------------------

def test_a_database_made_by_the_release_gets_the_table_of_requests_given(tmp_path):
    copy = tmp_path / "mentorplan.db"
    shutil.copyfile(release_database(), copy)
    store = Store(f"sqlite:///{copy}")
    with store.reading() as connection:
        assert connection.execute(select(schema.calendar_requests)).all() == []
        someone = connection.execute(select(schema.people.c.id)).scalars().first()
    store.record_requests([(someone, "autumn-2026", "kickoff", "REQUEST", 3, dt.date(2026, 9, 24),
                            dt.date(2026, 9, 24), "17–19", "Stadshuset")])
    assert store.calendar_requests("autumn-2026") == [
        (someone, "kickoff", "REQUEST", 3, dt.date(2026, 9, 24), dt.date(2026, 9, 24), "17–19", "Stadshuset")]
    with store.transaction() as connection:  # deleting a person everywhere takes their rows along
        connection.execute(schema.people.delete().where(schema.people.c.id == someone))
    assert store.calendar_requests("autumn-2026") == []
    store.close()


def test_nothing_is_recorded_for_a_mail_merge(register):
    register.save_event_details("autumn-2026", "kickoff", KICKOFF)
    batch = invitation_messages(register, services.programme(register), AUTUMN, "kickoff", "sv")
    log_prepared(register, batch, "merge")  # a sheet carries no calendar
    assert register.calendar_requests("autumn-2026") == []


# -- The messages page -----------------------------------------------------------------------------

def test_the_messages_page_keeps_the_settings_and_writes_the_call(app, register):
    at = app("views/messages.py", lang="en", today=dt.date(2026, 12, 1))
    assert not at.exception
    at.text_input(key="messages_settings_sender").input("nobody")
    [save] = [b for b in at.button if b.label == "Save the settings"]
    save.click().run()
    assert any("is not a usable address" in e.value for e in at.error)
    assert register.message_settings() == {"message_sender": "", "call_channel": ""}
    at.text_input(key="messages_settings_sender").input(SENDER)
    at.text_input(key="messages_settings_channel").input("nyheter@example.se")
    [save] = [b for b in at.button if b.label == "Save the settings"]
    save.click().run()
    assert register.message_settings() == {"message_sender": SENDER, "call_channel": "nyheter@example.se"}
    assert at.text_input(key="messages_sender").value == SENDER  # the drafts' From follows the setting

    at.radio(key="messages_what").set_value("call").run()
    assert at.markdown[0].value.startswith("The call goes out before the **mentor mingle** on Thu 3 Sep 2026, "
                                           "where the manual recruits mentors for Autumn start 2026")
    assert at.error[0].value.startswith("Fill in the time, the place and how to sign up for the call")
    [place] = [w for w in at.text_input if w.label == "Place"]
    [time] = [w for w in at.text_input if w.label == "Time"]
    place.input("Stadshuset")
    time.input("17–19")
    at.text_area(key=next(w.key for w in at.text_area if w.label == "How to sign up")).input("Reply to this e-mail.")
    [save] = [b for b in at.button if b.label == "Save"]
    save.click().run()
    assert not at.error
    assert "11 messages ready to send." in [m.value for m in at.markdown]  # the channel's two and 9 people
    assert [x.value for x in at.text] == ["To: Organisationens kanal <nyheter@example.se>",
                                          "Subject: Bli mentor i mentorskapsprogrammet – Höststart 2026"]
    assert "Reply to this e-mail." in at.code[0].value

    at.radio(key="messages_what").set_value("changes").run()
    assert not at.exception
    assert "No calendar entry needs an update." in [i.value for i in at.info]


def test_the_messages_page_offers_updates_after_a_move(app, register):
    invite_to_kickoff(register)
    register.save_override(Override("autumn-2026", "kickoff", dt.date(2026, 10, 1), dt.date(2026, 10, 1)))
    at = app("views/messages.py", lang="en", today=dt.date(2026, 9, 5))
    assert ("7 hold an older version in their calendar of: Kick-off. Send the update under **Changes to calendars**."
            in [w.value for w in at.warning])
    at.radio(key="messages_what").set_value("changes").run()
    assert not at.exception
    event = at.selectbox(key="messages_change_event")
    assert event.value == "kickoff"
    assert at.radio(key="messages_change_kind").value == "update"
    assert "7 messages ready to send." in [m.value for m in at.markdown]
    assert "Kick-off of the mentorship programme, Autumn start 2026, has changed." in at.code[0].value
    assert "Day: Thursday 1 October 2026 (week 40)" in at.code[0].value
    at.radio(key="messages_change_kind").set_value("cancel_all").run()
    assert at.code[0].value.startswith("Dear Anna,") and "no longer holds for you" in at.code[0].value


@pytest.mark.parametrize(("args", "words"), [
    (("--kind", "call", "--event", "kickoff"), "--event"),
    (("--kind", "call", "--from", "nobody"), "sender"),
])
def test_a_bad_call_argument_is_one_line_and_exit_code_2(register, tmp_path, args, words):
    out = tmp_path / "x.zip"
    result = run("messages", "--cohort", "autumn-2027", *args, "--out", str(out), "--lang", "en")
    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) == 1 and words in result.stderr.decode()
    assert not out.exists()


def test_the_to_do_asks_for_the_call_before_the_mingle_until_it_is_sent(register):
    programme = services.programme(register)
    assert call_for_mentors(register, programme, dt.date(2027, 4, 28)) == []  # more than six weeks before
    [todo] = call_for_mentors(register, programme, dt.date(2027, 5, 20))
    assert todo.cohort_id == "autumn-2027" and todo.page == "views/messages.py" and todo.severity == "warning"
    assert todo.shown("sv") == ("Höststart 2027: utlysningen av mentorer har inte skickats; den ska ut "
                                "före mentorsmingel på kvällen (mitträff) tors 10 juni 2027, där manualen rekryterar "
                                "mentorer.")
    assert call_for_mentors(register, programme, dt.date(2027, 6, 8))[0].severity == "urgent"
    batch = call_messages(register, programme, Cohort(2027, "autumn"), "", signup="Svara på mejlet.",
                          details=EventDetails(place="Stadshuset", time="18–20"), day=dt.date(2027, 5, 20))
    log_prepared(register, batch, "eml")
    assert call_for_mentors(register, programme, dt.date(2027, 5, 20))  # prepared is not sent
    register.mark_sent("autumn-2027", "call", "call", [m.person_id for m in batch.messages])
    assert call_for_mentors(register, programme, dt.date(2027, 5, 20)) == []
