"""The calendar pages as the coordinator sees them, rendered with Streamlit's AppTest in both
languages: the overview, the timeline, the year wheel, the schedule (with moves) and settings."""

import datetime as dt
import json

import pytest

from core import services
from core.calendar.programme import Cohort
from core.store import Store

PAGES = [None, "views/timeline.py", "views/year_wheel.py", "views/schedule.py", "views/settings.py"]
TITLES = {
    "sv": ["Mentorplan", "Tidslinje", "Årshjul", "Schema · Höststart 2026 (autumn-2026)", "Inställningar"],
    "en": ["Mentorplan", "Timeline", "Year wheel", "Schedule · Autumn start 2026 (autumn-2026)", "Settings"],
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("index", range(len(PAGES)))
def test_every_page_renders_in_both_languages(app, lang, index):
    at = app(PAGES[index], lang=lang, today=dt.date(2026, 11, 28))
    assert not at.exception
    assert [title.value for title in at.title] == [TITLES[lang][index]]
    assert at.sidebar.number_input[0].value == 2026


def test_the_overview_says_what_is_next(app):
    at = app(lang="sv", today=dt.date(2026, 9, 8))
    text = " ".join(m.value for m in at.markdown)
    assert "**Höststart 2026** (autumn-2026) förbereds: kick-off tors 24 sep. 2026." in text
    assert "**Besked skickas** · Höststart 2026 — tors 10 sep. 2026" in text
    assert "**Kick-off** · Höststart 2026 — tors 24 sep. 2026" in text


def test_the_overview_warns_of_a_holiday_ahead(app):
    # The warnings ahead are items of the to-do list, each with a link to the schedule.
    at = app(lang="en", today=dt.date(2026, 11, 28))
    warned = [m.value for m in at.markdown if ":material/warning:" in m.value]
    assert any("New Year's Day" in w for w in warned)
    assert "Review the schedule" in [link.value for link in at.get("page_link")]


def chart(at) -> dict:
    [element] = at.get("plotly_chart")
    return json.loads(element.proto.spec)


def test_the_timeline_draws_both_tracks(app):
    spec = chart(app("views/timeline.py", lang="sv", today=dt.date(2026, 11, 28)))
    lanes = {lane for trace in spec["data"] for lane in trace.get("y", [])}
    assert {"Höststart 2026", "Vårstart 2027"} <= lanes
    hovers = " ".join(h for trace in spec["data"] for h in trace.get("hovertext", []))
    assert "Regel: fjärde torsdagen i september" in hovers and "Nyårsdagen" in hovers


def test_the_timeline_refuses_a_half_span(app):
    at = app("views/timeline.py", lang="en", today=dt.date(2026, 11, 28))
    at.date_input(key="timeline_span").set_value((dt.date(2026, 1, 1),)).run()
    assert [i.value for i in at.info] == ["Choose a span with a start and an end date."]
    assert not at.get("plotly_chart")


def test_the_year_wheel_draws_the_calendar_year(app):
    spec = chart(app("views/year_wheel.py", lang="sv", today=dt.date(2026, 11, 28)))
    assert spec["layout"]["polar"]["angularaxis"]["ticktext"][0] == "Januari"
    assert {trace["type"] for trace in spec["data"]} >= {"barpolar", "scatterpolar"}


def test_the_schedule_lists_the_cohort_and_offers_three_exports(app):
    at = app("views/schedule.py", lang="sv", today=dt.date(2026, 11, 28))
    table = at.dataframe[0].value
    assert len(table) == 16
    assert "tors 24 sep. 2026" in set(table["Datum"])
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Excel (.xlsx)", "CSV", "Kalender (.ics)"]


def test_moving_the_closing_day_is_stored_shown_and_undone(app, database_url):
    at = app(lang="sv", today=dt.date(2027, 11, 28))
    at.sidebar.number_input[0].set_value(2027).run()
    at.switch_page("views/schedule.py").run()
    at.selectbox(key="move_event_id").set_value("closing").run()
    at.date_input(key="move_start_closing").set_value(dt.date(2028, 5, 24))
    at.text_input(key="move_note_closing").set_value("Kristi himmelsfärdsdag")
    at.button[0].click().run()  # the form's submit button comes first in the form
    assert not at.exception
    assert any("flyttad till ons 24 maj 2028" in s.value for s in at.success)
    assert any("regelns datum: tors 25 maj 2028" in m.value for m in at.markdown)
    programme = services.programme(Store(database_url))
    assert programme.occurrence(Cohort(2027, "autumn"), "closing").start == dt.date(2028, 5, 24)
    at.button(key="undo_closing").click().run()
    assert any("tillbaka på regelns datum" in s.value for s in at.success)
    assert Store(database_url).overrides() == []


def test_an_impossible_move_is_refused_and_nothing_stored(app, database_url):
    at = app("views/schedule.py", lang="en", today=dt.date(2026, 11, 28))
    at.selectbox(key="move_event_id").set_value("kickoff").run()
    at.date_input(key="move_start_kickoff").set_value(dt.date(2029, 1, 1))
    at.button[0].click().run()
    assert [e.value for e in at.error] == [
        "The date is too far from the cohort's other events; choose a date from 2026-07-05 to 2027-08-09."]
    assert Store(database_url).overrides() == []


def test_settings_change_the_week_convention(app, database_url, rulebook):
    at = app("views/settings.py", lang="en")
    at.radio(key="week_convention").set_value("full")
    at.button[0].click().run()
    assert [s.value for s in at.success] == ["Saved."]
    assert Store(database_url).settings(rulebook.defaults).week_convention == "full"


def test_the_language_switch_renames_the_pages(app):
    at = app(lang="sv")
    at.sidebar.get("button_group")[0].set_value("en").run()
    assert [title.value for title in at.title] == ["Mentorplan"]
    assert any("This week" in h.value for h in at.subheader)
