"""The guest-list page's choices (issue 12), rendered with Streamlit's AppTest: a past event's list
stays as it was and a later sign-up shows as not invited, with an invite that adds them and opens
the messages page for just them; one person left out of one event's list and taken back; the
number of past cohorts whose pairs the trainings invite."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from core import services
from core.calendar.programme import Cohort
from core.messages.guests import guest_list, load_history
from core.messages.records import LogEntry
from core.platform.i18n import format_date, t
from core.store import schema
from tests.messages_history import history
from tests.pages import clean, cohort_name, cohort_title, labels, values, widget

TODAY = dt.date(2026, 9, 5)  # two days after the 3 September mingle, before the trainings
GUESTS = "views/guests.py"


@pytest.fixture
def register(store):
    ids = history(store)
    # Greta Fors signed up for autumn-2027 the day after the mingle: she was not on its list.
    table = schema.participations
    with store.transaction() as connection:
        connection.execute(update(table).where(table.c.person_id == ids["Greta Fors"])
                           .values(created_at=dt.datetime(2026, 9, 4, 10)))
    return store, ids


def button(at, label):
    [found] = [b for b in at.button if b.label == label]
    return found


def names_in(frame, lang: str) -> list[str]:
    return list(frame.value[t("guests_page.col_name", lang)])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_later_sign_up_to_a_past_event_shows_as_not_invited_with_nothing_to_write(app, register, lang):
    store, ids = register
    at = clean(app(GUESTS, lang=lang, today=TODAY))
    assert widget(at.selectbox, t("guests_page.event", lang)).value == "mentor_mingle"
    assert t("guests_page.kept_day", lang, day=format_date(dt.date(2026, 9, 3), lang)) in values(at.info)
    listed, late = at.dataframe[1:]
    assert names_in(listed, lang) == ["Cecilia Dahl", "Maja Ek", "Karin Lund"]
    assert names_in(late, lang) == ["Greta Fors"]
    assert t("guests_page.not_invited_past", lang) in values(at.caption)
    assert t("guests_page.invite_who", lang) not in labels(at.selectbox)  # no invitation to a day gone by


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_later_sign_up_shows_as_not_invited_and_is_invited_for_just_them(app, register, lang):
    store, ids = register
    programme = services.programme(store)
    mingle = programme.occurrence(Cohort.parse("autumn-2026"), "mentor_mingle")
    sent = [g for g in guest_list(load_history(store), programme, mingle) if g.person_id != ids["Greta Fors"]]
    store.log_messages([LogEntry(g.person_id, g.email, "autumn-2026", "invitation", "mentor_mingle",
                                 "invitation_recruiting", "Välkommen", "eml", "prepared")
                        for g in sent if g.has_address], guests=sent)
    at = clean(app(GUESTS, lang=lang, today=dt.date(2026, 9, 2)))  # the mingle is tomorrow; she signed up later
    assert widget(at.selectbox, t("guests_page.event", lang)).value == "mentor_mingle"
    listed, late = at.dataframe[1:]
    assert "Greta Fors" not in names_in(listed, lang)
    assert t("guests_page.not_invited_title", lang) in values(at.subheader)
    assert names_in(late, lang) == ["Greta Fors"]
    assert list(late.value[t("guests_page.col_status", lang)]) == [t("guests_page.not_invited", lang)]
    assert widget(at.selectbox, t("guests_page.invite_who", lang)).value == ids["Greta Fors"]

    button(at, t("guests_page.invite", lang)).click().run()
    assert not at.exception
    assert store.guest_list_changes("autumn-2026", "mentor_mingle") == {ids["Greta Fors"]: ("added", "mentor")}
    assert at.session_state["messages_only_people"] == {"cohort": "autumn-2026", "event": "mentor_mingle",
                                                        "people": [ids["Greta Fors"]]}
    assert values(at.title) == [cohort_title("messages.title", lang)]
    assert at.radio(key="messages_what").value == "invitation"
    assert at.selectbox(key="messages_event").value == "mentor_mingle"
    assert t("messages.only_people", lang, count=1) in values(at.info)

    at.switch_page(GUESTS).run()  # back on the guest list: she is invited now, added by the coordinator
    clean(at)
    [listed] = at.dataframe[1:]
    assert names_in(listed, lang)[-1] == "Greta Fors"
    assert listed.value[t("guests_page.col_reason", lang)].iloc[-1] == t(
        "guests_page.why_added", lang, role=t("guests_page.role_mentor", lang))
    assert t("guests_page.not_invited_title", lang) not in values(at.subheader)


def test_one_person_is_left_out_of_one_events_list_and_taken_back(app, register):
    store, ids = register
    at = clean(app(GUESTS, lang="sv", today=TODAY))
    at.selectbox(key="guests_event").set_value("training_mentors").run()
    assert "Maja Ek" in names_in(at.dataframe[1], "sv")
    at.selectbox(key="guests_exclude_training_mentors").set_value(ids["Maja Ek"]).run()
    button(at, t("guests_page.exclude", "sv")).click().run()
    clean(at)
    assert "Maja Ek" not in names_in(at.dataframe[1], "sv")
    assert t("guests_page.excluded_saved", "sv", name="Maja Ek") in values(at.success)
    assert "Maja Ek" in values(at.markdown) and t("guests_page.include_again", "sv") in labels(at.button)
    assert store.guest_list_changes("autumn-2026", "training_mentors") == {ids["Maja Ek"]: ("excluded", "")}
    # only this event: the mentees' training still invites her as a former pair
    at.selectbox(key="guests_event").set_value("training_mentees").run()
    assert "Maja Ek" in names_in(at.dataframe[1], "sv")
    at.selectbox(key="guests_event").set_value("training_mentors").run()
    button(at, t("guests_page.include_again", "sv")).click().run()
    clean(at)
    assert "Maja Ek" in names_in(at.dataframe[1], "sv")
    assert store.guest_list_changes("autumn-2026", "training_mentors") == {}


def test_the_trainings_former_pairs_are_widened_on_the_page(app, register):
    store, _ids = register
    at = clean(app(GUESTS, lang="en", today=TODAY))
    at.selectbox(key="guests_event").set_value("training_mentors").run()
    assert "Åsa Öberg" not in names_in(at.dataframe[1], "en")  # autumn-2024: two autumn starts ago
    widget(at.number_input, t("guests_page.former_cohorts", "en")).set_value(2).run()
    clean(at)
    assert store.former_pair_cohorts() == 2
    assert {"Åsa Öberg", "Björn Ång"} <= set(names_in(at.dataframe[1], "en"))


def test_the_settings_page_shows_and_saves_the_former_pairs_setting(app, store):
    at = clean(app("views/settings.py", lang="sv"))
    assert t("settings.guests", "sv") in values(at.subheader)
    field = widget(at.number_input, t("guests_page.former_cohorts", "sv"))
    assert field.value == 1
    field.set_value(3)
    at.button[1].click().run()  # the guest lists' own form, below the calendar's
    clean(at)
    assert store.former_pair_cohorts() == 3
    assert widget(at.number_input, t("guests_page.former_cohorts", "sv")).value == 3


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_overview_lists_the_shared_mingle_once_with_both_cohorts(app, store, lang):
    at = app(lang=lang, today=dt.date(2026, 8, 27))  # the 3 September mingle is a week ahead
    assert not at.exception
    mingle = [line for line in values(at.markdown) if line.startswith(f"**{t('event.mentor_mingle', lang)}**")]
    assert len(mingle) == 1
    assert cohort_name("autumn-2026", lang) in mingle[0] and cohort_name("spring-2027", lang) in mingle[0]
