"""The calendar pages as the coordinator sees them, rendered with Streamlit's AppTest in both
languages: the overview, the timeline, the year wheel, the schedule (with moves) and settings."""

import datetime as dt
import html
import json

import pytest

from core import services
from core.calendar.programme import Cohort
from core.platform.i18n import format_week, month_name, t
from core.store import Store
from tests.pages import clean, cohort_name, cohort_title, downloads, headers, labels, links, values, widget

# What each page shows on Saturday 28 November 2026, on an empty register: the autumn start 2026 is
# running, the spring start 2027 is being matched, and pair meeting 3 is next week.

def shows_the_overview(at, lang):
    assert values(at.title) == [t("app.title", lang)]
    assert at.caption[0].value.startswith(f"{t('app.tagline', lang)} · ")
    assert values(at.subheader) == [t("home.empty_title", lang), t("home.todo", lang), t("home.this_week", lang),
                                    t("home.next_30_days", lang)]
    assert labels(at.main.button) == [t("home.load_examples", lang)]
    assert labels(at.expander) == [t("home.tour", lang)]
    lines = values(at.markdown)
    running = t("home.phase_running", lang, cohort=cohort_name("autumn-2026", lang), id="autumn-2026", closing="")
    preparing = t("home.phase_preparing", lang, cohort=cohort_name("spring-2027", lang), id="spring-2027", kickoff="")
    assert any(line.startswith(f"- {running.rstrip('.')}") for line in lines)
    assert any(line.startswith(f"- {preparing.rstrip('.')}") for line in lines)
    # Two holiday warnings ahead, each a to-do with a link to the schedule; nothing this week, pair
    # meeting 3 the next.
    warned = [line for line in lines if line.startswith(":orange[:material/warning:]")]
    assert len(warned) == 2 and {"sv": "Nyårsdagen", "en": "New Year's Day"}[lang] in warned[0]
    assert links(at) == [t("home.import_first", lang)] + [t("todo.action.calendar_warning", lang)] * 2
    assert t("home.nothing_this_week", lang) in values(at.caption)
    assert any(line.startswith(f"**{t('event.pair_meeting_3', lang)}** · {cohort_name('autumn-2026', lang)} — ")
               for line in lines)
    assert f":material/lock: {t('home.local_only', lang)}" in values(at.caption)


def shows_the_timeline(at, lang):
    assert values(at.title) == [t("timeline.title", lang)]
    assert t("timeline.intro", lang) in values(at.caption)
    assert widget(at.date_input, t("timeline.span", lang)).value == (dt.date(2026, 5, 28), dt.date(2027, 5, 28))
    assert widget(at.toggle, t("timeline.presentation", lang)).value is False
    spec = chart(at)
    lanes = spec["layout"]["yaxis"]["ticktext"]
    assert [cohort_name(c, lang) for c in ("autumn-2025", "spring-2026", "autumn-2026", "spring-2027")] == lanes
    hovers = html.unescape(" ".join(h for trace in spec["data"] for h in trace.get("hovertext") or []))
    kickoff_rule = {"sv": "fjärde torsdagen i september", "en": "4th Thursday of September"}[lang]
    assert f"{t('timeline.rule', lang)}: {kickoff_rule}" in hovers
    assert {"sv": "Nyårsdagen", "en": "New Year's Day"}[lang] in hovers
    # Every event is named on the chart with its date; the red outline is in the legend.
    names = [text for trace in spec["data"] if trace.get("mode") == "text" for text in trace["text"]]
    meeting_3 = f"{t('chart.short.pair_meeting_3', lang)} {format_week(dt.date(2026, 11, 30), lang)}"
    assert "Kick-off 24/9" in names and meeting_3 in names
    assert t("chart.warning", lang) in [trace.get("name") for trace in spec["data"]]
    assert f"⚠ {t('timeline.warnings_ahead', lang, count=4)}" in values(at.caption)
    asks_before_drawing_the_pictures(at, lang)


def shows_the_year_wheel(at, lang):
    assert values(at.title) == [t("wheel.title", lang)]
    assert t("wheel.intro", lang) in values(at.caption)
    assert not at.main.number_input  # the year is the sidebar's programme year's
    year = widget(at.main.button_group, t("chart.calendar_year", lang))
    assert (year.options, year.value) == (["2026", "2027"], 2026)
    assert widget(at.toggle, t("timeline.presentation", lang)).value is False
    spec = chart(at)
    texts = [text for trace in spec["data"] if trace.get("mode") == "text" for text in trace["text"]]
    assert texts[:12] == [month_name(m, lang).rstrip(".").capitalize() for m in range(1, 13)]
    assert "Kick-off 24/9" in texts and "Kick-off 12/2" in texts  # both tracks' events, named
    asks_before_drawing_the_pictures(at, lang)


def asks_before_drawing_the_pictures(at, lang):
    """The pictures (a second or so each, matplotlib) are drawn when asked for, then offered."""
    assert downloads(at) == []
    widget(at.button, t("chart.make_pictures", lang)).click().run()
    assert downloads(at) == [t(f"chart.download_{fmt}", lang) for fmt in ("pdf", "png", "svg")]
    assert t("chart.make_pictures", lang) not in [button.label for button in at.button]


def shows_the_schedule(at, lang):
    assert values(at.title) == [cohort_title("schedule.title", lang)]
    assert at.caption[0].value.startswith(t("schedule.intro", lang))
    assert values(at.subheader) == [t("schedule.export", lang), t("schedule.move_title", lang)]
    [table] = at.dataframe
    assert headers(table) == [t(f"schedule.{column}", lang) for column in (
        "event", "weekday", "date", "week", "rule", "warnings", "invited", "moved")]
    assert len(table.value) == 17 and t("event.kickoff", lang) in set(table.value[t("schedule.event", lang)])
    assert {"sv": "tors 24 sep. 2026", "en": "Thu 24 Sep 2026"}[lang] in set(table.value[t("schedule.date", lang)])
    assert widget(at.main.radio, t("schedule.export_scope", lang)).options == [
        t("schedule.export_cohort", lang), t("schedule.export_year", lang)]
    assert downloads(at) == [t("schedule.xlsx", lang), t("schedule.csv", lang), t("schedule.ics", lang),
                             t("document.schedule_pdf", lang)]
    assert widget(at.selectbox, t("schedule.move_event", lang)).value == "mentor_mingle"
    assert labels(at.main.button) == [t("schedule.move_save", lang)]


def shows_the_settings(at, lang):
    assert values(at.title) == [t("settings.title", lang)]
    assert t("settings.intro", lang) in values(at.caption)
    week = widget(at.main.radio, t("settings.week_convention", lang))
    assert (week.options, week.value) == ([t("settings.week_iso", lang), t("settings.week_full", lang)], "iso")
    mingle = widget(at.main.radio, t("settings.mingle_convention", lang))
    assert mingle.options == [t("settings.mingle_weekday", lang), t("settings.mingle_date", lang)]
    june = widget(at.main.radio, t("settings.spring_mid_meeting_guests", lang))
    assert (june.options, june.value) == ([t("settings.june_former", lang), t("settings.june_none", lang)], "former")
    # the conventions, and the trainings' former pairs (issue 12), each saved by its own button
    assert labels(at.main.button) == [t("common.save", lang)] * 2


PAGES = {None: shows_the_overview, "views/timeline.py": shows_the_timeline, "views/year_wheel.py": shows_the_year_wheel,
         "views/schedule.py": shows_the_schedule, "views/settings.py": shows_the_settings}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_in_both_languages(app, lang, page):
    at = clean(app(page, lang=lang, today=dt.date(2026, 11, 28)))
    PAGES[page](at, lang)
    assert widget(at.sidebar.number_input, t("sidebar.programme_year", lang)).value == 2026
    assert widget(at.sidebar.radio, t("sidebar.cohort", lang)).value == "autumn-2026"


def test_the_overview_says_what_is_next(app):
    at = app(lang="sv", today=dt.date(2026, 9, 8))
    text = " ".join(m.value for m in at.markdown)
    assert "**Höststart 2026** förbereds: kick-off tors 24 sep. 2026." in text
    assert "**Besked skickas** · Höststart 2026 — tors 10 sep. 2026" in text
    assert "**Kick-off** · Höststart 2026 — tors 24 sep. 2026" in text


def chart(at) -> dict:
    [element] = at.get("plotly_chart")
    return json.loads(element.proto.spec)


def test_the_timeline_refuses_a_half_span(app):
    at = app("views/timeline.py", lang="en", today=dt.date(2026, 11, 28))
    at.date_input(key="timeline_span").set_value((dt.date(2026, 1, 1),)).run()
    assert [i.value for i in at.info] == ["Choose a span with a start and an end date."]
    assert not at.get("plotly_chart")


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
    widget(at.sidebar.radio, t("sidebar.cohort", "sv")).set_value("spring-2027").run()
    [switch] = at.sidebar.button_group
    assert (switch.label, switch.value) == (t("sidebar.language", "sv"), "sv")
    switch.set_value("en").run()
    clean(at)
    assert values(at.subheader) == [t("home.empty_title", "en"), t("home.todo", "en"), t("home.this_week", "en"),
                                    t("home.next_30_days", "en")]
    assert labels(at.main.button) == [t("home.load_examples", "en")]
    assert at.sidebar.button_group[0].label == t("sidebar.language", "en")
    assert widget(at.sidebar.radio, t("sidebar.cohort", "en")).value == "spring-2027"  # the choice is kept
