"""The follow-up pages as the coordinator sees them, with AppTest in both languages: the home page's
to-do list (appearing and clearing) and its offer on an empty dashboard, the meeting log with its
quick editor, check-in sheet and attendance, three-party conversations, and the report."""

import datetime as dt
import json

import pandas as pd
import pytest

from core import services
from core.calendar.programme import Cohort
from core.followup.meetings import MeetingRecord
from core.followup.three_party import add_slots, series, slots_from_frame
from core.platform.files import to_xlsx
from core.platform.i18n import t
from core.store import Store
from tests.followup_pairs import PAIRS, matched_cohort, pair_of
from tests.pages import around, clean, cohort_title, downloads, headers, labels, links, metrics, values, widget

AUTUMN = Cohort(2026, "autumn")
PAGES = ["views/followup.py", "views/three_party.py", "views/report.py"]


@pytest.fixture
def ids(store):
    return matched_cohort(store)


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def ready(button) -> bool:
    """A download button whose file is made and waiting (its address is on the page). Files are
    made with the page, not on click: Streamlit's made-on-click downloads sometimes never came
    in a real browser (seen in the browser tests)."""
    return bool(button.proto.url)


# -- The home page ----------------------------------------------------------------------------

def test_an_empty_dashboard_offers_example_data_and_a_tour(app, database_url):
    at = app(lang="en", today=dt.date(2027, 3, 1))
    assert [h.value for h in at.subheader][:1] == ["Welcome to Mentorplan"]
    assert "**Follow-up** — tick off pair meetings 1–6" in markdown(at)
    at.button(key="load_examples").click().run()
    assert not at.exception
    [loaded] = [s.value for s in at.success]
    assert loaded.startswith("Example data loaded:") and "Autumn start 2026, Spring start 2027" in loaded
    assert "Welcome to Mentorplan" not in [h.value for h in at.subheader]
    store = Store(database_url)
    assert len(store.accepted_pairs("autumn-2026")) > 15 and len(store.pair_meetings("autumn-2026")) > 40
    assert "pairs have no pair meeting logged" in markdown(at)


def test_the_home_pages_to_dos_appear_and_clear(app, store, ids):
    at = app(lang="sv", today=dt.date(2026, 10, 5))
    assert "4 av 4 par saknar en registrerad parträff" in markdown(at)
    assert t("todo.action.pairs_overdue", "sv") in links(at)
    store.save_pair_meetings(AUTUMN.id, [MeetingRecord(*pair_of(ids, m, e), 1, dt.date(2026, 10, 1))
                                         for m, e in PAIRS])
    at.run()
    assert "saknar en registrerad parträff" not in markdown(at)
    assert t("todo.action.pairs_overdue", "sv") not in links(at)


def test_a_day_with_nothing_to_do_says_so(app, ids):
    at = app(lang="en", today=dt.date(2026, 7, 15))
    assert [s.value for s in at.success] == [
        "Nothing to do right now: no overdue pair meetings, unbooked conversations or warnings ahead."]


# -- Every page, both languages -----------------------------------------------------------------

# What each page shows on Monday 3 May 2027 for the four pairs, none of whose meetings is logged:
# meeting 6's week has begun, the mid-programme meeting is the last event passed, and the closing day
# and its three-party conversations are ahead.

def shows_the_follow_up(at, lang):
    assert values(at.title) == [cohort_title("followup.title", lang)]
    assert labels(at.tabs) == [t(f"followup.tab_{tab}", lang) for tab in ("meetings", "checkin", "attendance")]
    assert t("followup.intro", lang) in values(at.caption)
    assert values(at.subheader) == [t("followup.quick_title", lang), t("followup.overview_title", lang),
                                    t("followup.attendance.summary", lang)]
    assert metrics(at) == {t("followup.metric_pairs", lang): "4", t("followup.metric_held", lang): "0 / 24",
                           t("followup.metric_overdue", lang): "4"}
    assert labels(at.expander) == [f"{t('followup.overdue_title', lang)} (4)"]
    assert widget(at.selectbox, t("followup.meeting", lang)).value == 6
    assert widget(at.selectbox, t("followup.attendance.event", lang)).value == "mid_meeting"
    meetings, attendance = at.data_editor
    assert headers(meetings) == [t(f"followup.col.{c}", lang) for c in ("mentor", "mentee", "held", "held_on", "note",
                                                                        "status")]
    assert len(meetings.value) == 4
    assert headers(attendance) == [t(f"followup.col.{c}", lang) for c in ("name", "role", "why", "attended")]
    overview, summary = [d for d in at.dataframe if d.editing_mode == "read_only"]
    assert headers(overview) == [t("followup.col.pair", lang)] + [
        t("followup.col.meeting_n", lang, number=n) for n in range(1, 7)] + [t("followup.col.held_count", lang)]
    assert len(overview.value) == 4
    assert headers(summary)[:2] == [t("followup.attendance.col_event", lang), t("followup.attendance.col_day", lang)]
    assert labels(at.main.button) == [t("followup.save_meetings", lang), t("followup.attendance.save", lang)]
    assert downloads(at) == [t("followup.checkin.template", lang)]
    assert labels(at.file_uploader) == [t("followup.checkin.upload", lang)]


def shows_the_three_party_conversations(at, lang):
    assert values(at.title) == [cohort_title("followup.three_party.title", lang)]
    assert metrics(at) == {t("followup.three_party.metric_booked", lang): "0 / 4",
                           t("followup.three_party.metric_held", lang): "0",
                           t("followup.three_party.metric_unbooked", lang): "4",
                           t("followup.three_party.metric_free", lang): "0"}
    assert values(at.subheader) == [t(f"followup.three_party.{key}", lang) for key in (
        "slots_title", "propose_title", "bookings_title", "export")]
    assert {t("followup.three_party.no_slots_yet", lang), t("followup.three_party.proposal_no_slots", lang)} <= set(
        values(at.caption))
    [bookings] = at.data_editor
    assert headers(bookings) == [t("followup.col.pair", lang), t("followup.three_party.col.slot", lang),
                                 t("followup.three_party.col.held", lang)]
    assert len(bookings.value) == 4
    assert labels(at.main.button) == [t("followup.three_party.add_slots", lang),
                                      t("followup.three_party.save_bookings", lang)]
    assert labels(at.expander) == [f"{t('followup.three_party.unbooked_title', lang)} (4)"]
    assert downloads(at) == [t("followup.three_party.export_xlsx", lang), t("followup.three_party.export_ics", lang)]


def shows_the_report(at, lang):
    assert values(at.title) == [cohort_title("report.title", lang)]
    before, after = around("report.intro", lang, "day")
    assert at.caption[0].value.startswith(before) and at.caption[0].value.endswith(after)
    assert metrics(at) == {t("report.metric_pairs", lang): "4", t("report.metric_meetings", lang): "0 / 24",
                           t("report.metric_attendance", lang): "–", t("report.metric_three_party", lang): "0 / 4"}
    assert downloads(at) == [t("report.download", lang), t("document.report_pdf", lang)]
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert [c["layout"]["title"]["text"] for c in charts] == [t(f"report.{key}", lang) for key in (
        "rounds_title", "pairs_title", "attendance_title", "three_party_title")]
    rounds, attendance, pairs = at.dataframe
    assert headers(rounds)[0] == t("report.col_round", lang) and len(rounds.value) == 6
    assert headers(attendance)[0] == t("followup.attendance.col_event", lang)
    assert values(at.subheader) == [t("report.pairs_title", lang)]
    assert headers(pairs)[:3] == [t("followup.col.mentor", lang), t("followup.col.mentee", lang),
                                  t("report.col_held", lang)]
    assert len(pairs.value) == 4


SHOWS = dict(zip(PAGES, (shows_the_follow_up, shows_the_three_party_conversations, shows_the_report), strict=True))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_follow_up_page_renders_in_both_languages(app, ids, lang, page):
    at = clean(app(page, lang=lang, today=dt.date(2027, 5, 3)))
    SHOWS[page](at, lang)


@pytest.mark.parametrize("page", PAGES)
def test_without_an_accepted_matching_the_pages_say_so(app, page):
    at = app(page, lang="en", today=dt.date(2026, 10, 5))
    assert not at.exception
    assert at.info[0].value.startswith("autumn-2026 has no accepted matching yet")
    assert links(at) == [t("followup.go_matching", "en")]


# -- Follow-up -----------------------------------------------------------------------------------

def test_ticking_every_pair_marks_the_meeting_held(app, database_url, ids):
    at = app("views/followup.py", lang="sv", today=dt.date(2026, 11, 10))
    assert widget(at.selectbox, t("followup.meeting", "sv")).value == 2
    assert [m.value for m in at.metric][:3] == ["4", "0 / 8", "4"]
    at.toggle(key="followup_tick_all_autumn-2026_2").set_value(True).run()
    at.button(key="followup_save_meetings").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Sparat. Markerade som hållna: 4; avmarkerade: 0."]
    stored = Store(database_url).pair_meetings(AUTUMN.id)
    assert len(stored) == 4 and set(stored["held_on"]) == {dt.date(2026, 11, 6)}  # the week's Friday
    assert [m.value for m in at.metric][1] == "4 / 8"


def test_a_date_outside_the_programme_in_the_editor_is_refused(app, database_url, ids):
    at = app("views/followup.py", lang="en", today=dt.date(2026, 10, 20))
    widget(at.selectbox, t("followup.meeting", "en")).set_value(1).run()
    at.session_state["followup_editor_autumn-2026_1_False_0"] = {
        "edited_rows": {0: {"held": True}, 1: {"held": True, "held_on": "2026-09-20"}},
        "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="followup_save_meetings").click().run()
    [error] = [e.value for e in at.error]
    assert "2026-09-20 is outside the programme, which runs 2026-09-24 – 2027-06-10" in error
    assert "Nothing was saved" in error
    assert Store(database_url).pair_meetings(AUTUMN.id).empty


def test_a_check_in_sheet_is_previewed_then_saved(app, database_url, ids):
    good = pd.DataFrame({"Mentor e-post": ["bo.ek@example.se", "cecilia.dahl@example.se"], "Parträff": [1, 1],
                         "Datum": [dt.date(2026, 10, 1), dt.date(2026, 10, 2)]})
    at = app("views/followup.py", lang="sv", today=dt.date(2026, 10, 20))
    [template] = at.download_button
    assert template.label == t("followup.checkin.template", "sv") and ready(template)
    at.file_uploader(key="followup_checkin_autumn-2026_0").set_value(
        ("avstamning.xlsx", to_xlsx({"Blad1": good}), "application/octet-stream")).run()
    assert not at.exception
    assert "Nya träffar: 2" in " ".join(s.value for s in at.success)
    at.button(key="followup_checkin_save").click().run()
    assert "Avstämningslistan sparad (träffar: 2)." in [s.value for s in at.success]
    assert len(Store(database_url).pair_meetings(AUTUMN.id)) == 2


def test_a_check_in_sheet_with_problems_lists_them_and_stores_nothing(app, database_url, ids):
    sheet = "Mentor e-post;Parträff;Datum\nanna.berg@example.se;1;2026-10-01\nbo.ek@example.se;1;2026-10-01\n"
    at = app("views/followup.py", lang="en", today=dt.date(2026, 10, 20))
    at.file_uploader(key="followup_checkin_autumn-2026_0").set_value(
        ("checkin.csv", sheet.encode(), "text/csv")).run()
    assert [e.value for e in at.error] == [
        "Problems in the sheet: 1. Nothing was stored; correct the rows and upload the sheet again:"]
    assert "Row 2, Mentor e-post: the mentor anna.berg@example.se has 2 mentees" in markdown(at)
    assert not [b for b in at.button if b.key == "followup_checkin_save"]
    assert Store(database_url).pair_meetings(AUTUMN.id).empty


def test_attendance_saved_after_a_language_switch_is_the_chosen_events(app, database_url, ids):
    """The coordinator chooses the mentors' training (not the default, the kick-off), switches
    to English and saves: the training's attendance is recorded, the kick-off's is left alone."""
    at = app("views/followup.py", lang="sv", today=dt.date(2026, 10, 20))
    event = widget(at.selectbox, t("followup.attendance.event", "sv"))
    assert event.value == "kickoff"
    event.set_value("training_mentors").run()
    held = shown_words(at)
    switch_language(at, "en")
    event = widget(at.selectbox, t("followup.attendance.event", "en"))
    assert event.value == "training_mentors"
    click_as_a_browser(at, "followup_attendance_save", held)
    assert [s.value for s in at.success if s.value.startswith("Attendance saved")] == [
        "Attendance saved for Training, mentors: 0 of 3 came."]
    stored = Store(database_url)
    assert stored.attendance(AUTUMN.id, "kickoff").empty
    assert len(stored.attendance(AUTUMN.id, "training_mentors")) == 3


def test_attendance_at_the_kickoff_is_recorded(app, database_url, ids):
    at = app("views/followup.py", lang="en", today=dt.date(2026, 9, 30))
    assert widget(at.selectbox, t("followup.attendance.event", "en")).value == "kickoff"
    at.toggle(key="followup_all_came_autumn-2026_kickoff").set_value(True).run()
    at.button(key="followup_attendance_save").click().run()
    assert "Attendance saved for Kick-off: 7 of 7 came." in [s.value for s in at.success]
    assert Store(database_url).attendance(AUTUMN.id, "kickoff")["attended"].all()


# -- Three-party conversations --------------------------------------------------------------------

def test_times_are_added_proposed_and_booked(app, database_url, ids):
    at = app("views/three_party.py", lang="en", today=dt.date(2027, 5, 3))
    at.date_input(key="three_party_day").set_value(dt.date(2027, 5, 28))
    at.number_input(key="three_party_count").set_value(5)
    at.text_input(key="three_party_place").set_value("Room Ljuset")
    at.button[0].click().run()  # the form's submit button comes first in the form
    assert "Times added: 5." in [s.value for s in at.success]
    at.button(key="three_party_propose").click().run()
    assert "Proposal: a time for 4 of the pairs without one." in [i.value for i in at.info]
    at.button(key="three_party_book_proposal").click().run()
    assert "Pairs booked: 4." in [s.value for s in at.success]
    assert "Every pair has a booked conversation." in [s.value for s in at.success]
    bookings = Store(database_url).three_party_bookings(AUTUMN.id)
    assert len(bookings) == 4 and bookings["slot_id"].is_unique
    assert downloads(at) == [t("followup.three_party.export_xlsx", "en"), t("followup.three_party.export_ics", "en"),
                             t("messages.booking_download", "en", count=8)]  # a confirmation to each of 4 pairs
    assert all(ready(b) for b in at.download_button)


def editor_option(at, key: str, column: str, words: str):
    """The value the browser stores when the coordinator picks, in the editor's selectbox column,
    the option whose words hold `words` (the option itself, or its value when it has a label)."""
    [editor] = [e for e in at.data_editor if e.key == key]
    for option in json.loads(editor.proto.columns)[column]["type_config"]["options"]:
        value, label = (option["value"], option["label"]) if isinstance(option, dict) else (option, option)
        if words in label:
            return value
    raise AssertionError(f"no option with {words!r}")


def switch_language(at, lang: str) -> None:
    """The sidebar's language switch, as the coordinator clicks it."""
    at.sidebar.button_group[0].set_value(lang).run()
    assert not at.exception


def shown_words(at) -> dict[str, str]:
    """What the browser holds for each selectbox on the page: the words of its choice."""
    return {box.id: box.options[box.index] for box in at.selectbox}


def click_as_a_browser(at, button_key: str, held: dict[str, str]) -> None:
    """Click a button as a browser would after a language switch. The browser keeps the words it
    holds (`held`, from shown_words) for a selectbox it already shows until the page sets a value,
    and sends them back even when the options' words have changed since: the page would get words
    that are none of its options, or another option's. AppTest words each selectbox anew and its
    public API sends no other words, so this fails first if any selectbox is in that position (a
    choice kept across languages needs a widget of its own per language, ui.context.kept, which
    the browser has not shown before), then clicks; a new selectbox starts on the page's default."""
    stale = {box.label: (held[box.id], box.options[box.index]) for box in at.selectbox
             if box.id in held and box.index is not None and not box.proto.set_value
             and held[box.id] != box.options[box.index]}
    assert not stale, f"the browser would send the words it holds, not the ones shown: {stale}"
    at.button(key=button_key).click().run()
    assert not at.exception


@pytest.fixture
def three_slots(store, ids):
    """Three free times on 2027-05-28 (09, 10 and 11 o'clock), as stored."""
    programme = services.programme(store)
    add_slots(store, programme, AUTUMN, series(dt.date(2027, 5, 28), dt.time(9), 3, 60, 0, "Rum", AUTUMN.id))
    return slots_from_frame(store.three_party_slots(AUTUMN.id))


def test_a_slot_given_to_two_pairs_in_the_table_is_refused(app, database_url, three_slots):
    first = three_slots[0]
    at = app("views/three_party.py", lang="sv", today=dt.date(2027, 5, 3))
    key = "three_party_bookings_autumn-2026_0"
    chosen = editor_option(at, key, "slot", first.shown("sv"))
    at.session_state[key] = {"edited_rows": {0: {"slot": chosen}, 1: {"slot": chosen}}, "added_rows": [],
                             "deleted_rows": []}
    at.run()
    at.button(key="three_party_save").click().run()
    [error] = [e.value for e in at.error]
    assert error.startswith("Tiden 2027-05-28 09:00 (Rum) är bokad två gånger:") and "Ingenting sparades" in error
    assert Store(database_url).three_party_bookings().empty


def test_a_booking_edited_before_a_language_switch_is_saved_as_chosen(app, database_url, ids, three_slots):
    """The editor keeps its edits across reruns: after a switch to English the time chosen in
    Swedish is still the time that is booked, not silently released."""
    second = three_slots[1]
    at = app("views/three_party.py", lang="sv", today=dt.date(2027, 5, 3))
    key = "three_party_bookings_autumn-2026_0"
    [editor] = [e for e in at.data_editor if e.key == key]
    first_row = editor.value.iloc[0]
    pair = (int(first_row["mentor_person_id"]), int(first_row["mentee_person_id"]))
    at.session_state[key] = {"edited_rows": {0: {"slot": editor_option(at, key, "slot", second.shown("sv"))}},
                             "added_rows": [], "deleted_rows": []}
    at.run()
    switch_language(at, "en")
    assert [title.value for title in at.title][0].startswith("Three-party conversations")
    at.button(key="three_party_save").click().run()
    assert not at.error, [e.value for e in at.error]
    assert "Bookings saved." in [s.value for s in at.success]
    bookings = Store(database_url).three_party_bookings(AUTUMN.id)
    assert [(int(r.mentor_person_id), int(r.mentee_person_id), int(r.slot_id)) for r in bookings.itertuples()] == [
        (*pair, second.id)]


def test_an_unknown_time_in_the_booking_table_is_an_error_and_nothing_is_stored(app, database_url, three_slots):
    at = app("views/three_party.py", lang="en", today=dt.date(2027, 5, 3))
    key = "three_party_bookings_autumn-2026_0"
    at.session_state[key] = {"edited_rows": {0: {"slot": 999_999}, 1: {"slot": three_slots[0].id}},
                             "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="three_party_save").click().run()
    [error] = [e.value for e in at.error]
    assert "999999" in error and "Nothing was saved" in error
    assert not [s.value for s in at.success]
    assert Store(database_url).three_party_bookings().empty


def test_delete_after_a_language_switch_deletes_the_chosen_time(app, database_url, three_slots):
    first, second, third = three_slots
    at = app("views/three_party.py", lang="sv", today=dt.date(2027, 5, 3))
    [choice] = [s for s in at.selectbox if s.label == t("followup.three_party.delete_slot", "sv")]
    choice.select_index(next(i for i, o in enumerate(choice.options) if second.shown("sv") in o)).run()
    held = shown_words(at)
    switch_language(at, "en")
    [choice] = [s for s in at.selectbox if s.label == t("followup.three_party.delete_slot", "en")]
    assert second.shown("en") in choice.options[choice.index]
    click_as_a_browser(at, "three_party_delete_button", held)
    assert not at.error, [e.value for e in at.error]
    remaining = {s.id for s in slots_from_frame(Store(database_url).three_party_slots(AUTUMN.id))}
    assert remaining == {first.id, third.id}


# -- The report -------------------------------------------------------------------------------

def test_the_report_draws_four_charts_and_offers_the_workbook(app, store, ids):
    store.save_pair_meetings(AUTUMN.id, [MeetingRecord(*pair_of(ids, m, e), 1, dt.date(2026, 10, 1))
                                         for m, e in PAIRS[:3]])
    at = app("views/report.py", lang="sv", today=dt.date(2026, 11, 10))
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert [c["layout"]["title"]["text"] for c in charts] == [
        "Parträffar per omgång", "Parträffar per par", "Närvaro vid kohortens händelser", "Trepartssamtal"]
    held = next(trace for trace in charts[0]["data"] if trace["name"] == "hållen")
    assert held["y"][:2] == [3, 0]
    assert [m.value for m in at.metric] == ["4", "3 / 8", "–", "0 / 4"]
    assert downloads(at) == [t("report.download", "sv"), t("document.report_pdf", "sv")]
    assert ready(at.download_button[0])


def test_the_reports_tables_show_a_dash_not_none_for_what_has_no_value(app, store, ids):
    """The share held of a round not begun, the last meeting of a pair that has held none and
    the unrecorded places of an event to come have no value: the tables show "–", not "None"."""
    at = app("views/report.py", lang="en", today=dt.date(2026, 11, 10))
    rounds = next(d for d in at.dataframe if "Share held (%)" in d.value.columns)
    assert rounds.value["Share held (%)"].isna().sum() == 4  # rounds 3–6 have not begun
    assert [d.proto.placeholder for d in at.dataframe] == ["–"] * len(at.dataframe)


# -- People who share a name ------------------------------------------------------------------------

def two_anders(store) -> dict[str, int]:
    """Two mentors called Anders Eriksson, of two organisations, each with a mentee, accepted."""

    from tests.followup_pairs import accept_pairs, add_people
    people = add_people(store, AUTUMN.id, (
        ("kommun", "mentor", "Anders Eriksson", "Kommun A"),
        ("region", "mentor", "Anders Eriksson", "Region Syd"),
        ("elin", "mentee", "Elin Gran", "Kommun B"),
        ("farah", "mentee", "Farah Haddad", "Region Norr")))
    accept_pairs(store, AUTUMN.id, ((people["kommun"], people["elin"]), (people["region"], people["farah"])))
    return people


def test_two_people_of_one_name_are_told_apart_on_the_follow_up_pages(app, store):
    """Each Anders Eriksson is named by his organisation in the overdue list, the quick editor,
    the overview, the attendance list and the three-party bookings; other names stay as they are."""
    two_anders(store)
    kommun, region = "Anders Eriksson (Kommun A)", "Anders Eriksson (Region Syd)"
    at = clean(app("views/followup.py", lang="en", today=dt.date(2026, 11, 25)))
    pairs = {f"{kommun} – Elin Gran", f"{region} – Farah Haddad"}
    assert all(pair in markdown(at) for pair in pairs)  # the overdue pairs
    meetings, attendance = at.data_editor
    assert set(zip(meetings.value["mentor_label"], meetings.value["mentee_label"], strict=True)) == {
        (kommun, "Elin Gran"), (region, "Farah Haddad")}
    assert headers(meetings)[:2] == [t("followup.col.mentor", "en"), t("followup.col.mentee", "en")]
    overview = next(d for d in at.dataframe if t("followup.col.pair", "en") in d.value.columns)
    assert set(overview.value[t("followup.col.pair", "en")]) == pairs
    assert {kommun, region, "Elin Gran", "Farah Haddad"} <= set(attendance.value["name"])
    at = clean(app("views/three_party.py", lang="en", today=dt.date(2026, 11, 25)))
    [bookings] = at.data_editor
    assert set(bookings.value["pair"]) == pairs
