"""The guest-list and messages pages as the coordinator sees them, rendered with Streamlit's AppTest
in both languages, on a register with a history of cohorts: the lists and their counts, the
deadline, previews, event details, template editing, sending through a real local SMTP server
after a dry run, and the send log."""

import datetime as dt

import pytest

from core import services
from core.calendar.programme import Cohort
from core.messages.delivery import log_prepared
from core.messages.letters import decision_messages
from core.messages.sendlog import people_not_told
from tests.messages_history import history
from tests.smtp_server import HOST, Inbox, running

TODAY = dt.date(2026, 9, 5)  # five days before the autumn start's decisions are due
TITLES = {"views/guests.py": {"sv": "Gästlistor · Höststart 2026 (autumn-2026)",
                              "en": "Guest lists · Autumn start 2026 (autumn-2026)"},
          "views/messages.py": {"sv": "Besked och inbjudningar · Höststart 2026 (autumn-2026)",
                                "en": "Decisions and invitations · Autumn start 2026 (autumn-2026)"}}


@pytest.fixture
def register(store):
    history(store)
    return store


def button(at, label):
    [found] = [b for b in at.button if b.label == label]
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", list(TITLES))
def test_the_pages_render_in_both_languages(app, register, page, lang):
    at = app(page, lang=lang, today=TODAY)
    assert not at.exception
    assert [title.value for title in at.title] == [TITLES[page][lang]]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_pages_render_on_an_empty_register(app, store, lang):
    for page in TITLES:
        at = app(page, lang=lang, today=TODAY)
        assert not at.exception, page
    assert any(("godkänd matchning" if lang == "sv" else "accepted matching") in e.value for e in at.error)


def test_the_guest_list_of_the_kickoff_with_counts_and_export(app, register):
    at = app("views/guests.py", lang="en", today=TODAY)
    summary = at.dataframe[0].value
    assert summary.loc[summary["Event"] == "Kick-off", "Invited"].iloc[0] == 8
    at.selectbox(key="guests_event").set_value("kickoff").run()
    table = at.dataframe[1].value
    assert list(table["Name"]) == ["Anna Berg", "Bo Ek", "Elin Gran", "Gustav Holm", "Hanna Ilves", "Ulla Utan",
                                   "Petra Holm", "Åsa Öberg"]
    assert table.iloc[-1]["Why invited"] == "mentor, spring-2026, running programme"
    assert [m.value for m in at.metric] == ["8", "4", "4", "1"]
    assert "Ulla Utan" in at.warning[0].value
    assert [b.proto.label for b in at.get("download_button")] == ["Excel (.xlsx)", "CSV"]


def test_the_guest_list_opens_the_invitation_on_the_messages_page(app, register):
    at = app("views/guests.py", lang="sv", today=TODAY)
    at.selectbox(key="guests_event").set_value("training_mentors").run()
    button(at, "Skriv inbjudningarna").click().run()
    assert not at.exception
    assert at.title[0].value == TITLES["views/messages.py"]["sv"]
    assert at.radio(key="messages_what").value == "invitation"
    assert at.selectbox(key="messages_event").value == "training_mentors"


def test_the_messages_page_shows_the_deadline_and_previews_the_decisions(app, register):
    at = app("views/messages.py", lang="sv", today=TODAY)
    deadline = at.warning[0].value
    assert "ska skickas senast **tors 10 sep. 2026** (om 5 dagar)" in deadline
    assert "8 av 8 har inte fått sitt besked ännu." in deadline
    assert "7 meddelanden klara att skicka." in [m.value for m in at.markdown]
    assert "Ulla Utan: saknar en användbar e-postadress" in at.warning[1].value
    assert at.code[0].value.startswith("Hej Anna!")
    at.selectbox(key="messages_preview_decisions-autumn-2026-sv").set_value(6).run()
    assert "Vårstart 2027" in at.code[0].value and at.code[0].value.startswith("Hej Farah!")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Utkast (.zip med .eml)", "Koppling (.csv)", "Koppling (.xlsx)"]
    assert "Ingen e-postserver är inställd" in at.info[0].value


def test_the_messages_can_be_written_in_the_other_language(app, register):
    at = app("views/messages.py", lang="sv", today=TODAY)
    at.radio(key="messages_lang").set_value("en").run()
    assert at.code[0].value.startswith("Dear Anna,")
    assert at.title[0].value.startswith("Besked och inbjudningar")  # the page stays in Swedish


def test_an_invitation_asks_for_its_place_and_time_first(app, register):
    at = app("views/messages.py", lang="en", today=TODAY)
    at.radio(key="messages_what").set_value("invitation").run()
    at.selectbox(key="messages_event").set_value("kickoff").run()
    assert at.error[0].value == "Fill in the place and the time for Kick-off: the template uses {place}, {time}."
    at.text_input(key="messages_place_autumn-2026_kickoff").input("Stadshuset, Umeå")
    at.text_input(key="messages_time_autumn-2026_kickoff").input("13.00–16.30")
    button(at, "Save").click().run()
    assert not at.error
    assert register.event_details("autumn-2026", "kickoff").place == "Stadshuset, Umeå"
    assert "Place: Stadshuset, Umeå" in at.code[0].value
    assert "Attachment: kickoff-autumn-2026.ics" in [t.value for t in at.text]


def test_a_template_with_an_unknown_placeholder_is_refused_and_a_good_one_kept(app, register):
    at = app("views/messages.py", lang="en", today=TODAY)
    at.selectbox(key="messages_template_kind").set_value("not_matched").run()
    at.radio(key="messages_template_lang").set_value("sv").run()
    body = at.text_area(key="messages_body_not_matched_sv")
    assert body.value.startswith("Hej {first_name}!")
    body.input("Hej {smeknamn}!")
    button(at, "Save the template").click().run()
    assert any("Unknown placeholder {smeknamn}" in e.value for e in at.error)
    assert not register.stored_templates()
    at.text_area(key="messages_body_not_matched_sv").input("Hej {first_name}! Välkommen till {next_cohort}.")
    button(at, "Save the template").click().run()
    assert register.stored_templates()[("not_matched", "sv")].body == "Hej {first_name}! Välkommen till {next_cohort}."
    assert "Template saved." in [s.value for s in at.success]
    button(at, "Restore Mentorplan's text").click().run()
    assert not register.stored_templates()
    assert at.text_area(key="messages_body_not_matched_sv").value.startswith("Hej {first_name}!\n\nTack")


def test_sending_through_the_mail_server_after_a_dry_run(app, register):
    inbox = Inbox()
    with running(inbox) as port:
        at = app("views/messages.py", lang="en", today=TODAY)
        at.secrets["smtp"] = {"host": HOST, "port": port, "starttls": False,
                              "sender": "Mentorskapsprogrammet <mentor@example.se>", "timeout": 5}
        at.run()
        assert "Server: 127.0.0.1" in at.caption[-1].value or any("Server: 127.0.0.1" in c.value for c in at.caption)
        assert not [b for b in at.button if b.label.startswith("Send 7")]  # a dry run first
        button(at, "Dry run").click().run()
        assert "Dry run: 7 would be sent, 0 skipped (sent before)." in [i.value for i in at.info]
        assert inbox.messages == []
        button(at, "Send 7 messages now").click().run()
    assert not at.exception
    assert "7 messages sent." in [s.value for s in at.success]
    assert len(inbox.messages) == 7
    assert "1 of 8 have not been sent their decision yet." in at.warning[0].value
    programme = services.programme(register)
    assert list(people_not_told(register, programme, "autumn-2026", "decision")["name"]) == ["Ulla Utan"]
    assert "No messages to send." in [m.value for m in at.markdown]


def test_a_mail_server_that_cannot_be_reached_is_a_clear_message(app, register):
    at = app("views/messages.py", lang="en", today=TODAY)
    at.secrets["smtp"] = {"host": HOST, "port": 9, "starttls": False, "sender": "mentor@example.se", "timeout": 2}
    at.run()
    button(at, "Test the connection").click().run()
    assert any(e.value.startswith("Could not reach the mail server 127.0.0.1:9") for e in at.error)
    at.secrets["smtp"] = {"host": HOST, "sender": "nobody"}
    at.run()
    assert any("is not a usable address" in e.value for e in at.error)


def test_the_send_log_marks_prepared_drafts_as_sent(app, register):
    programme = services.programme(register)
    log_prepared(register, decision_messages(register, programme, Cohort(2026, "autumn"), "sv"), "eml")
    at = app("views/messages.py", lang="sv", today=TODAY)
    assert len(at.dataframe[-1].value) == 7  # the whole log
    untold = at.dataframe[-2].value if len(at.dataframe) > 2 else None
    assert untold is not None and len(untold) == 8
    at.multiselect(key="messages_prepared_decision_decisions_sent").unselect(
        next(p for p in at.multiselect(key="messages_prepared_decision_decisions_sent").value))
    at.run()
    button(at, "Markera 6 som skickade").click().run()
    assert "6 markerade som skickade." in [s.value for s in at.success]
    assert len(people_not_told(register, programme, "autumn-2026", "decision")) == 2
    assert "2 av 8 har inte fått sitt besked ännu." in at.warning[0].value
