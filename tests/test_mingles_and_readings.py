"""Issue 15, points 1–2: the manual's evening mingles as events of their own (dates, guests,
recruiting, to-dos, letters), and the readings the coordinator chooses — who the June
mid-programme meeting invites, and the spring start's matching deadline ("klar i december")."""

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from core import services
from core.calendar.agenda import phases
from core.calendar.files import schedule_to_ics
from core.calendar.programme import (
    SPRING_MATCHING_DEADLINES,
    SPRING_MID_MEETING_GUESTS,
    Cohort,
    Programme,
    Settings,
    load_rulebook,
)
from core.calendar.rules import RuleError, WorkingDayOfMonth, parse_rule
from core.calendar.schedule import describe_rule, schedule_frame
from core.calendar.workdays import is_working_day, working_day_of_month
from core.followup.todo import mingle_invitations, unmatched_mentees
from core.messages.delivery import log_prepared
from core.messages.guests import describe_reasons, guest_list, load_history
from core.messages.letters import invitation_messages
from core.messages.templates import EventDetails
from core.platform.i18n import MentorplanError, t
from core.store import Store
from tests.conftest import ROOT
from tests.messages_history import history
from tests.pages import widget

D = dt.date
RULEBOOK = load_rulebook()
PROGRAMME = Programme(RULEBOOK)


def day_of(programme: Programme, cohort_id: str, event_id: str) -> tuple[dt.date, dt.date]:
    occurrence = programme.occurrence(Cohort.parse(cohort_id), event_id)
    return occurrence.start, occurrence.end


# -- The rule word "last working day of December" ---------------------------------------------

def test_the_working_day_rule_parses_and_reads_in_both_languages():
    rule = parse_rule("Last working day of  December")
    assert rule == WorkingDayOfMonth("last", 12)
    assert rule.describe("sv", str) == "sista arbetsdagen i december"
    assert rule.describe("en", str) == "last working day of December"
    assert parse_rule("first working day of January") == WorkingDayOfMonth("first", 1)
    with pytest.raises(RuleError, match="2nd working day"):
        parse_rule("2nd working day of December")


@pytest.mark.parametrize("year, last", [
    (2026, D(2026, 12, 30)),  # Thursday 31st is nyårsafton
    (2027, D(2027, 12, 30)),
    (2028, D(2028, 12, 29)),  # the 30th and 31st are a weekend
    (2029, D(2029, 12, 28)),  # Monday 31st is nyårsafton, then a weekend
    (2030, D(2030, 12, 30)),
])
def test_the_last_working_day_of_december(year, last):
    assert working_day_of_month(year, 12, "last") == last
    assert parse_rule("last working day of December").resolve(year, None, "iso") == (last, last)
    assert is_working_day(last)
    assert not any(is_working_day(last + dt.timedelta(days=n)) for n in range(1, (D(year, 12, 31) - last).days + 1))


def test_the_first_working_day_of_january_2027_skips_new_years_day_and_the_weekend():
    assert working_day_of_month(2027, 1, "first") == D(2027, 1, 4)


# -- The evening mingles: their days ------------------------------------------------------------

@pytest.mark.parametrize("year", range(2026, 2031))
def test_the_mingles_fall_on_their_day_events_every_year(year):
    for track in ("autumn", "spring"):
        cohort = Cohort(year, track)
        assert day_of(PROGRAMME, cohort.id, "closing_mingle") == day_of(PROGRAMME, cohort.id, "closing")
        assert PROGRAMME.occurrence(cohort, "closing_mingle").warnings == \
            PROGRAMME.occurrence(cohort, "closing").warnings  # a holiday is flagged on both; no "same day" warning
    spring = Cohort(year, "spring")
    mid = day_of(PROGRAMME, spring.id, "mid_meeting")
    assert day_of(PROGRAMME, spring.id, "mid_meeting_mingle") == mid
    assert mid[0].month == 6 and mid[0].weekday() == 3
    with pytest.raises(MentorplanError):
        PROGRAMME.occurrence(Cohort(year, "autumn"), "mid_meeting_mingle")  # the January meeting has none


def test_the_manuals_2026_mingle_days():
    assert day_of(PROGRAMME, "autumn-2026", "closing_mingle") == (D(2027, 5, 27),) * 2
    assert day_of(PROGRAMME, "spring-2027", "mid_meeting_mingle") == (D(2027, 6, 10),) * 2
    assert day_of(PROGRAMME, "spring-2027", "closing_mingle") == (D(2027, 11, 11),) * 2


def test_a_moved_closing_day_takes_its_mingle_along():
    from core.calendar.programme import Override
    moved = Programme(RULEBOOK, overrides=[Override("autumn-2027", "closing", D(2028, 5, 24), D(2028, 5, 24))])
    assert day_of(moved, "autumn-2027", "closing_mingle") == (D(2028, 5, 24),) * 2


def test_the_mingles_are_in_the_schedule_calendar_file_and_rule_text():
    occurrences = PROGRAMME.programme_year(2026)
    frame = schedule_frame(occurrences, "en")
    assert {"closing_mingle", "mid_meeting_mingle"} <= set(frame["event"])
    mingle = PROGRAMME.occurrence(Cohort(2027, "spring"), "mid_meeting_mingle")
    assert describe_rule(mingle, "sv") == ("samma dag som mitträff — Kvällens mentorsmingel rekryterar till "
                                           "augusti/septemberstarten.")
    assert describe_rule(mingle, "en").endswith("recruits for the August/September start.")
    ics = schedule_to_ics(occurrences, "sv").decode()
    assert "UID:autumn-2026-closing_mingle@mentorplan" in ics
    assert "UID:spring-2027-mid_meeting_mingle@mentorplan" in ics
    assert "UID:spring-2027-closing_mingle@mentorplan" in ics


def test_the_mingles_have_names_and_a_kind_in_both_languages():
    for lang in ("sv", "en"):
        for event_id in ("closing_mingle", "mid_meeting_mingle"):
            assert t(f"event.{event_id}", lang) and t(f"event.{event_id}", lang) != f"event.{event_id}"
        assert t("kind.mingle", lang) != "kind.mingle"


# -- The mingles as recruiting events of the cohort they recruit for -----------------------------

def test_the_spring_mingles_recruit_for_the_next_starts():
    autumn_2027 = [(o.cohort.id, o.id) for o in PROGRAMME.recruiting_events(Cohort(2027, "autumn"))]
    assert autumn_2027 == [("spring-2027", "mid_meeting_mingle"), ("autumn-2027", "mentor_mingle")]
    spring_2028 = [(o.cohort.id, o.id) for o in PROGRAMME.recruiting_events(Cohort(2028, "spring"))]
    assert ("spring-2027", "closing_mingle") in spring_2028
    assert PROGRAMME.recruits_for(PROGRAMME.occurrence(Cohort(2026, "autumn"), "closing_mingle")) == []
    assert PROGRAMME.recruits_for(PROGRAMME.occurrence(Cohort(2027, "spring"), "closing_mingle")) == \
        [Cohort(2028, "spring")]


def test_the_autumn_start_is_being_prepared_from_the_june_mingle():
    def preparing(day):
        return [p.cohort.id for p in phases(PROGRAMME, day) if p.phase == "preparing"]
    assert "autumn-2027" not in preparing(D(2027, 6, 9))
    assert "autumn-2027" in preparing(D(2027, 6, 10))


# -- Guest lists --------------------------------------------------------------------------------

@pytest.fixture
def register(store):
    history(store)
    return store, services.programme(store), load_history(store)


def guests_of(register, cohort_id, event_id, programme=None):
    _store, default, known = register
    programme = programme or default
    return guest_list(known, programme, programme.occurrence(Cohort.parse(cohort_id), event_id))


def test_the_autumn_closing_mingle_invites_the_spring_pairs(register):
    guests = guests_of(register, "autumn-2026", "closing_mingle")
    assert [(g.name, g.role, g.cohort_id) for g in guests] == [("Dag Ström", "mentor", "spring-2027"),
                                                               ("Stina Ås", "mentee", "spring-2027")]
    assert describe_reasons(guests[0], "sv") == "mentor, Vårstart 2027, pågående program"
    # the closing day itself is the cohort's own
    assert {g.cohort_id for g in guests_of(register, "autumn-2026", "closing")} == {"autumn-2026"}


def test_the_spring_closing_mingle_invites_the_autumn_pairs_and_mentors_for_january(register):
    guests = guests_of(register, "spring-2026", "closing_mingle")
    groups: dict[str, list[str]] = {}
    for guest in guests:
        groups.setdefault(guest.reasons[0].why, []).append(guest.name)
    assert groups["running"] == ["Anna Berg", "Bo Ek", "Elin Gran", "Gustav Holm", "Hanna Ilves", "Ulla Utan"]
    # applied for the January start it recruits for (spring-2027); Greta Fors applied for
    # autumn-2027, whose recruiting is the June mingle's
    assert groups["applied"] == ["Maja Ek"]
    assert groups["former_mentor"] == ["Karin Lund"]
    assert "own" not in groups
    day = {g.reasons[0].why for g in guests_of(register, "spring-2026", "closing")}
    assert day == {"own"}


def test_the_june_mingle_invites_mentors_for_the_autumn_start(register):
    guests = guests_of(register, "spring-2026", "mid_meeting_mingle")
    assert {g.reasons[0].group for g in guests} == {"prospective_mentors"}
    applied = [(g.name, g.cohort_id) for g in guests if g.reasons[0].why == "applied"]
    assert applied == [("Cecilia Dahl", "autumn-2026")]


def test_the_june_meeting_invites_the_autumn_cohort_just_closed_as_former_mentors(register):
    guests = guests_of(register, "spring-2026", "mid_meeting")
    assert [g.name for g in guests] == ["Petra Holm", "Åsa Öberg", "Rut Svensson", "Sara Ek", "Maja Ek"]
    maja = guests[-1]
    assert [r.why for r in maja.reasons] == ["just_closed"]  # one reason, never "newly started" as well
    assert describe_reasons(maja, "en") == "mentor, Autumn start 2025, programme just closed"
    assert not any(r.why in ("newly_started", "applied", "former_mentor") for g in guests for r in g.reasons)
    # The January meeting keeps the manual's newly started spring cohort.
    january = guests_of(register, "autumn-2026", "mid_meeting")
    assert describe_reasons(january[-1], "en") == "mentor, Spring start 2027, newly started programme"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_june_meeting_letter_never_calls_a_finished_programme_newly_started(register, lang):
    store, programme, _known = register
    batch = invitation_messages(store, programme, Cohort(2026, "spring"), "mid_meeting", lang,
                                details=EventDetails(place="Aulan", time="kl. 13–16"))
    [maja] = [m for m in batch.messages if m.name == "Maja Ek"]
    started = {"sv": "nystart", "en": "newly started"}[lang]
    assert started not in maja.body.lower() and started not in maja.subject.lower()
    assert {"sv": "nyss avslutades", "en": "has just closed"}[lang] in maja.body


def test_the_june_meeting_can_invite_its_pairs_only(register):
    store, _programme, _known = register
    store.save_settings(replace(store.settings(RULEBOOK.defaults), spring_mid_meeting_guests="none"))
    programme = services.programme(store)
    guests = guests_of(register, "spring-2026", "mid_meeting", programme)
    assert [g.name for g in guests] == ["Petra Holm", "Åsa Öberg", "Rut Svensson", "Sara Ek"]
    assert {r.why for g in guests for r in g.reasons} == {"own"}
    occurrence = programme.occurrence(Cohort(2026, "spring"), "mid_meeting")
    assert [(i.who, c.id if c else None) for i, c in occurrence.guests()] == [("pairs", "spring-2026")]


def test_the_mingle_letters_speak_of_the_mingle(register):
    store, programme, _known = register
    details = EventDetails(place="Stadshuset", time="18.00–20.00")
    for lang, word in (("sv", "mingel"), ("en", "mingle")):
        batch = invitation_messages(store, programme, Cohort(2026, "autumn"), "closing_mingle", lang, details=details)
        assert [m.name for m in batch.messages] == ["Dag Ström", "Stina Ås"]
        assert all(word in (m.subject + m.body).lower() for m in batch.messages)
        assert all("{" not in m.subject + m.body for m in batch.messages)


# -- To-dos ---------------------------------------------------------------------------------------

def of(todos, cohort_id):
    return [todo for todo in todos if todo.cohort_id == cohort_id]


def test_a_mingles_unsent_invitations_are_a_todo_four_weeks_ahead(register):
    store, programme, _known = register
    assert of(mingle_invitations(store, programme, D(2027, 4, 28)), "autumn-2026") == []  # 29 days ahead: not yet
    [todo] = of(mingle_invitations(store, programme, D(2027, 4, 29)), "autumn-2026")
    assert (todo.kind, todo.severity, todo.due, todo.params["count"], todo.params["total"]) == \
        ("mingle_invitations", "warning", D(2027, 5, 27), 2, 2)
    assert todo.page == "views/messages.py"
    assert "Mingel på kvällen (avslutning)" in todo.shown("sv") and "2 av 2" in todo.shown("sv")
    [urgent] = of(mingle_invitations(store, programme, D(2027, 5, 20)), "autumn-2026")
    assert urgent.severity == "urgent"
    batch = invitation_messages(store, programme, Cohort(2026, "autumn"), "closing_mingle", "sv",
                                details=EventDetails(place="Stadshuset", time="18.00"))
    log_prepared(store, batch, "eml")
    told = [m.person_id for m in batch.messages]
    [todo] = of(mingle_invitations(store, programme, D(2027, 5, 20)), "autumn-2026")
    assert todo.params["count"] == 2  # prepared is not sent
    store.mark_sent("autumn-2026", "invitation", "closing_mingle", told[:1])
    [todo] = of(mingle_invitations(store, programme, D(2027, 5, 20)), "autumn-2026")
    assert (todo.params["count"], todo.params["total"]) == (1, 2)
    store.mark_sent("autumn-2026", "invitation", "closing_mingle", told[1:])
    assert of(mingle_invitations(store, programme, D(2027, 5, 20)), "autumn-2026") == []
    assert of(mingle_invitations(store, programme, D(2027, 5, 28)), "autumn-2026") == []  # the day after


def test_the_spring_matching_todo_follows_the_spring_deadline(store):
    programme = services.programme(store)
    [todo] = of(unmatched_mentees(store, programme, D(2026, 12, 1)), "spring-2027")
    assert (todo.kind, todo.due) == ("no_mentees", D(2026, 12, 30))
    assert "30 dec. 2026" in todo.shown("sv")
    [urgent] = of(unmatched_mentees(store, programme, D(2026, 12, 28)), "spring-2027")
    assert urgent.severity == "urgent"
    store.save_settings(replace(store.settings(RULEBOOK.defaults), spring_matching_deadline="decisions"))
    programme = services.programme(store)
    [todo] = of(unmatched_mentees(store, programme, D(2026, 12, 28)), "spring-2027")
    assert (todo.due, todo.severity) == (D(2027, 1, 1), "warning")


# -- The readings as settings ---------------------------------------------------------------------

@pytest.mark.parametrize("year", range(2026, 2031))
def test_the_spring_deadline_by_either_reading(year):
    cohort = Cohort(year + 1, "spring")
    deadline = PROGRAMME.occurrence(cohort, "matching_deadline")
    assert deadline.start == working_day_of_month(year, 12, "last") and deadline.warnings == ()
    window = PROGRAMME.occurrence(cohort, "matching_window")
    assert window.start <= deadline.start <= window.end
    decisions = Programme(RULEBOOK, Settings(spring_matching_deadline="decisions"))
    assert decisions.occurrence(cohort, "matching_deadline").start == \
        decisions.occurrence(cohort, "decisions_sent").start


def test_the_defaults_and_refused_values():
    assert (RULEBOOK.defaults.spring_mid_meeting_guests, RULEBOOK.defaults.spring_matching_deadline) == \
        ("former", "last_working_day")
    assert SPRING_MID_MEETING_GUESTS == ("former", "none")
    assert SPRING_MATCHING_DEADLINES == ("last_working_day", "decisions")
    with pytest.raises(MentorplanError):
        Settings(spring_mid_meeting_guests="newly_started")
    with pytest.raises(MentorplanError):
        Settings(spring_matching_deadline="january")


def test_a_when_naming_no_setting_is_refused(tmp_path):
    from core.calendar.programme import RULES_FILE
    text = RULES_FILE.read_text(encoding="utf-8").replace(
        'when = { spring_mid_meeting_guests = "former" }', 'when = { spring_mid_meeting_guests = "sometimes" }')
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match="sometimes"):
        load_rulebook(path)


def test_the_settings_are_stored(store, database_url):
    chosen = replace(store.settings(RULEBOOK.defaults), spring_mid_meeting_guests="none",
                     spring_matching_deadline="decisions")
    store.save_settings(chosen)
    assert Store(database_url).settings(RULEBOOK.defaults) == chosen


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_settings_page_shows_and_saves_both_readings(app, database_url, rulebook, lang):
    at = app("views/settings.py", lang=lang)
    june = widget(at.main.radio, t("settings.spring_mid_meeting_guests", lang))
    assert june.options == [t("settings.june_former", lang), t("settings.june_none", lang)]
    assert june.value == "former"
    deadline = widget(at.main.radio, t("settings.spring_matching_deadline", lang))
    assert deadline.options == [t("settings.deadline_last_working_day", lang), t("settings.deadline_decisions", lang)]
    assert deadline.value == "last_working_day"
    at.radio(key="spring_mid_meeting_guests").set_value("none")
    at.radio(key="spring_matching_deadline").set_value("decisions")
    at.button[0].click().run()
    assert [s.value for s in at.success] == [t("common.saved", lang)]
    saved = Store(database_url).settings(rulebook.defaults)
    assert (saved.spring_mid_meeting_guests, saved.spring_matching_deadline, saved.week_convention) == \
        ("none", "decisions", "iso")


def test_the_schedule_page_says_which_readings_are_in_force(app, database_url, rulebook):
    Store(database_url).save_settings(replace(rulebook.defaults, spring_matching_deadline="decisions"))
    at = app("views/schedule.py", lang="en")
    caption = " ".join(c.value for c in at.caption)
    assert t("settings.short_june_former", "en") in caption
    assert t("settings.short_deadline_decisions", "en") in caption


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_guest_page_lists_the_evening_mingle_with_its_note(app, store, lang):
    history(store)
    at = app("views/guests.py", lang=lang)
    at.selectbox(key="guests_event").set_value("closing_mingle").run()
    assert not at.exception
    note = PROGRAMME.occurrence(Cohort(2026, "autumn"), "closing_mingle").event.note[lang]
    assert note in [c.value for c in at.caption]
    [table] = [frame for frame in at.dataframe if t("guests_page.col_name", lang) in frame.value.columns]
    assert list(table.value[t("guests_page.col_name", lang)]) == ["Dag Ström", "Stina Ås"]


def test_the_guests_command_lists_the_spring_pairs_for_the_autumn_closing_mingle(store):
    """The contract of issue 15: `guests` for the autumn closing mingle holds the spring pairs."""
    history(store)
    env = {**os.environ, "MENTORPLAN_LANG": "en"}
    result = subprocess.run([sys.executable, "-m", "core", "guests", "--cohort", "autumn-2026", "--event",
                             "closing_mingle"], cwd=ROOT, capture_output=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    assert [(r["email"], r["role"], r["cohort"], r["reason"]) for r in rows] == [
        ("dag.strom@example.se", "mentor", "spring-2027", "mentor, Spring start 2027, running programme"),
        ("stina.as@example.se", "mentee", "spring-2027", "mentee, Spring start 2027, running programme")]


def test_the_timeline_draws_the_mingles_in_a_colour_of_their_own():
    from core.calendar.charts import KIND_COLOURS, occurrence_frame, timeline_figure
    occurrences = PROGRAMME.between(D(2027, 5, 1), D(2027, 11, 30))
    frame = occurrence_frame(occurrences, "sv")
    mingles = frame[frame["kind"] == "mingle"]
    assert sorted(zip(mingles["cohort"], mingles["event"], strict=True)) == [
        ("autumn-2026", "closing_mingle"), ("spring-2027", "closing_mingle"), ("spring-2027", "mid_meeting_mingle")]
    assert set(mingles["kind_name"]) == {"Kvällsmingel"}
    assert KIND_COLOURS["mingle"] not in {colour for kind, colour in KIND_COLOURS.items() if kind != "mingle"}
    figure = timeline_figure(occurrences, "sv", D(2027, 6, 1))
    assert any(trace.name == "Kvällsmingel" for trace in figure.data)
