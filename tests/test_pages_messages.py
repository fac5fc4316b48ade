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
from core.platform.i18n import t
from tests.messages_history import history
from tests.pages import around, clean, cohort_name, cohort_title, downloads, headers, labels, metrics, values, widget
from tests.smtp_server import HOST, Inbox, running

TODAY = dt.date(2026, 9, 5)  # five days before the autumn start's decisions are due
GUESTS, MESSAGES = "views/guests.py", "views/messages.py"


@pytest.fixture
def register(store):
    history(store)
    return store


def button(at, label):
    [found] = [b for b in at.button if b.label == label]
    return found


def autumn(lang: str) -> str:
    return cohort_name('autumn-2026', lang)  # the cohort in words, no id


def due_in_five_days(lang: str) -> tuple[str, str]:
    """The words of the decisions' deadline around its day."""
    return around("messages.deadline", lang, "day", cohort=autumn(lang), when=t("messages.deadline_in", lang, days=5))


# What each page shows five days before the autumn start's decisions are due, on the register's
# history: four mentors are invited to the mentor mingle (the first event with guests), eight people
# await their decision, seven of whom have an address.

def shows_the_guest_lists(at, lang):
    assert values(at.title) == [cohort_title("guests_page.title", lang)]
    assert values(at.caption)[:2] == [t("guests_page.intro", lang, cohort=autumn(lang)),
                                      t("guests_page.as_of_now", lang)]
    overview, heading = values(at.subheader)
    assert overview == t("guests_page.overview", lang)
    assert heading.startswith(around("guests_page.list_title", lang, "when", event=t("event.mentor_mingle", lang))[0])
    assert widget(at.selectbox, t("guests_page.event", lang)).value == "mentor_mingle"
    assert metrics(at) == {t("guests_page.invited", lang): "4", t("guests_page.mentors", lang): "4",
                           t("guests_page.mentees", lang): "0", t("guests_page.no_address_count", lang): "0"}
    summary, guests = at.dataframe
    assert headers(summary) == [t(f"guests_page.col_{column}", lang) for column in (
        "event", "when", "groups", "invited", "mentors", "mentees", "no_address")]
    assert headers(guests) == [t(f"guests_page.col_{column}", lang) for column in (
        "name", "email", "role", "cohort", "group", "reason")]
    assert len(guests.value) == 4
    assert t("guests_page.export", lang) in values(at.caption)
    assert downloads(at) == [t("guests_page.xlsx", lang), t("guests_page.csv", lang)]
    # and the coordinator's changes to the list: leave one out, add one from the register
    assert labels(at.main.button) == [t("guests_page.to_messages", lang), t("guests_page.exclude", lang),
                                      t("guests_page.add", lang)]


def shows_the_messages(at, lang):
    assert values(at.title) == [cohort_title("messages.title", lang)]
    assert t("messages.intro", lang) in values(at.caption)
    before, after = due_in_five_days(lang)
    deadline = at.warning[0].value  # a warning: the day is near and people wait for their decision
    assert deadline.startswith(before) and after in deadline
    assert deadline.endswith(t("messages.not_told", lang, count=8, total=8))
    assert labels(at.tabs) == [t(f"messages.tab_{tab}", lang) for tab in ("write", "templates", "log",
                                                                                   "settings")]
    assert labels(at.main.radio) == [t("messages.what", lang), t("messages.language", lang),
                                     t("messages.template_language", lang)]
    assert t("messages.summary", lang, count=7) in values(at.markdown)
    assert values(at.subheader) == [t("messages.preview", lang), t("messages.deliver", lang)]
    assert widget(at.selectbox, t("messages.preview_person", lang)).value == 0
    assert at.text[0].value == f"{t('messages.preview_to', lang)}: Anna Berg <anna.berg@example.se>"
    assert at.code[0].value.startswith({"sv": "Hej Anna!", "en": "Dear Anna,"}[lang])
    assert labels(at.expander) == [t("messages.all_messages", lang)]
    written, untold = at.dataframe
    assert headers(written) == [t(f"delivery.col_{column}", lang) for column in (
        "name", "email", "template", "subject")]
    assert len(written.value) == 7
    assert headers(untold) == [t(f"guests_page.col_{column}", lang) for column in ("name", "email", "role")]
    assert len(untold.value) == 8
    assert downloads(at) == [t("messages.download_eml", lang), t("messages.download_csv", lang),
                             t("messages.download_xlsx", lang)]
    assert t("messages.smtp_missing", lang) in values(at.info)
    assert {f"**{t('messages.not_told_title', lang)}**", f"**{t('messages.whole_log', lang)}**"} <= set(
        values(at.markdown))
    assert t("messages.log_empty", lang, cohort=autumn(lang)) in values(at.caption)
    assert labels(at.main.button) == [t("messages.template_save", lang), t("messages.settings_save", lang)]
    assert t("messages.no_sender", lang) in values(at.caption)  # no sender set: the drafts go without From


SHOWS = {GUESTS: shows_the_guest_lists, MESSAGES: shows_the_messages}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", list(SHOWS))
def test_the_pages_render_in_both_languages(app, register, page, lang):
    at = clean(app(page, lang=lang, today=TODAY))
    SHOWS[page](at, lang)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_pages_render_on_an_empty_register(app, store, lang):
    at = clean(app(GUESTS, lang=lang, today=TODAY))
    assert values(at.title) == [cohort_title("guests_page.title", lang)]
    assert set(metrics(at).values()) == {"0"} and len(at.metric) == 4
    assert values(at.info) == [t("guests_page.nobody", lang, groups=t("guests.prospective_mentors", lang))]
    assert len(at.dataframe) == 1 and not at.download_button and not at.main.button  # the overview only
    at = app(MESSAGES, lang=lang, today=TODAY)
    assert not at.exception
    assert values(at.title) == [cohort_title("messages.title", lang)]
    before, after = due_in_five_days(lang)
    assert at.info[0].value.startswith(before) and at.info[0].value.endswith(after)  # nobody waits: no warning
    assert labels(at.tabs) == [t(f"messages.tab_{tab}", lang) for tab in ("write", "templates", "log",
                                                                                   "settings")]
    # No decisions can be written before a matching is accepted: the page says so, once, and offers
    # nothing to preview or send.
    assert values(at.error) == [t("messages.no_accepted_pairs", lang, cohort=autumn(lang))]  # in words
    assert not at.code and not at.download_button


def test_the_guest_list_of_the_kickoff_with_counts_and_export(app, register):
    at = app("views/guests.py", lang="en", today=TODAY)
    summary = at.dataframe[0].value
    assert summary.loc[summary["Event"] == "Kick-off", "Invited"].iloc[0] == 8
    at.selectbox(key="guests_event").set_value("kickoff").run()
    table = at.dataframe[1].value
    assert list(table["Name"]) == ["Anna Berg", "Bo Ek", "Elin Gran", "Gustav Holm", "Hanna Ilves", "Ulla Utan",
                                   "Petra Holm", "Åsa Öberg"]
    assert table.iloc[-1]["Why invited"] == "mentor, Spring start 2026, running programme"
    assert [m.value for m in at.metric] == ["8", "4", "4", "1"]
    assert "Ulla Utan" in at.warning[0].value
    assert downloads(at) == [t("guests_page.xlsx", "en"), t("guests_page.csv", "en")]


def test_the_guest_list_opens_the_invitation_on_the_messages_page(app, register):
    at = app("views/guests.py", lang="sv", today=TODAY)
    at.selectbox(key="guests_event").set_value("training_mentors").run()
    button(at, "Skriv inbjudningarna").click().run()
    assert not at.exception
    assert values(at.title) == [cohort_title("messages.title", "sv")]
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
    widget(at.selectbox, t("messages.preview_person", "sv")).set_value(6).run()
    assert "Vårstart 2027" in at.code[0].value and at.code[0].value.startswith("Hej Farah!")
    assert downloads(at) == ["Utkast (.zip med .eml)", "Koppling (.csv)", "Koppling (.xlsx)"]
    assert "Ingen e-postserver är inställd" in at.info[0].value


def test_the_drafts_are_made_once_while_the_letters_are_unchanged(app, register):
    """The drafts (each with its own time and message id) and the merge files are not written
    again on every rerun: the same files until the letters change, here into English."""
    at = app("views/messages.py", lang="sv", today=TODAY)
    files = [button.proto.url for button in at.download_button]
    assert len(files) == 3 and all(files)
    at.run()
    assert [button.proto.url for button in at.download_button] == files
    at.radio(key="messages_lang").set_value("en").run()
    assert all(new != old for new, old in zip((b.proto.url for b in at.download_button), files, strict=True))


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
    assert "Attachment: kick-off-autumn-start-2026.ics" in [t.value for t in at.text]


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
