"""The overview and the to-do list on any day of the year: the suite takes a fixed day as today
(tests/conftest.py), and these tests move that day across the programme year — before the
mingle, in the matching, over Christmas and New Year, a leap day, the summer — with and without
data, through MENTORPLAN_TODAY as the app and the command line read it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from core import services
from core.followup.examples import load_examples
from core.followup.todo import todo_list
from core.platform import clock
from core.platform.i18n import MentorplanError, format_date, t
from tests.conftest import ROOT

DAYS = [dt.date(2026, 1, 2), dt.date(2026, 6, 20), dt.date(2026, 9, 8), dt.date(2026, 12, 1),
        dt.date(2027, 5, 31), dt.date(2028, 2, 29)]
PAGES = {"views/participants.py", "views/matching.py", "views/messages.py", "views/followup.py",
         "views/three_party.py", "views/schedule.py", "views/register.py", "views/guests.py", "views/report.py"}


def test_the_day_comes_from_the_environment_and_a_bad_one_is_named(monkeypatch):
    monkeypatch.setenv(clock.TODAY_VARIABLE, "2027-03-04")
    assert clock.today() == dt.date(2027, 3, 4)
    monkeypatch.setenv(clock.TODAY_VARIABLE, "")
    assert clock.today() == dt.date.today()
    monkeypatch.setenv(clock.TODAY_VARIABLE, "4/3 2027")
    with pytest.raises(MentorplanError) as raised:
        clock.today()
    assert raised.value.shown("sv") == ("MENTORPLAN_TODAY='4/3 2027' är inget datum; skriv ÅÅÅÅ-MM-DD eller ta "
                                          "bort variabeln.")


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_an_empty_overview_on_any_day(app, monkeypatch, day):
    monkeypatch.setenv(clock.TODAY_VARIABLE, day.isoformat())
    at = app(lang="sv")
    assert not at.exception and not at.error
    assert [title.value for title in at.title] == ["Mentorplan"]
    assert format_date(day, "sv") in at.caption[0].value
    assert t("home.load_examples", "sv") in [button.label for button in at.button]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_overview_and_the_todo_command_agree_on_any_day(app, store, monkeypatch, day):
    monkeypatch.setenv(clock.TODAY_VARIABLE, day.isoformat())
    load_examples(store, services.programme(store), day)
    todos = todo_list(store, services.programme(store), day)

    at = app(lang="en")
    assert not at.exception and not at.error
    shown = [m.value for m in at.markdown]
    for todo in todos:
        assert any(todo.shown("en") in line for line in shown), todo.shown("en")
        assert todo.page in PAGES
    links = [link.value for link in at.get("page_link")]
    assert links.count(t("home.import_first", "en")) == 0  # data loaded: no "import first" offer
    assert len(links) == len(todos)

    printed = subprocess.run([sys.executable, "-m", "core", "todo", "--lang", "en"], cwd=ROOT, capture_output=True,
                             text=True, timeout=60)
    assert printed.returncode == 0, printed.stderr
    expected = [todo.line("en") for todo in todos] or [t("todo.cli_nothing", "en", day=format_date(day, "en"))]
    assert printed.stdout.splitlines() == expected


def test_a_bad_day_in_the_environment_is_a_message_not_a_crash(app, monkeypatch):
    monkeypatch.setenv(clock.TODAY_VARIABLE, "tomorrow")
    at = app(lang="en")
    assert not at.exception
    assert [e.value for e in at.error] == ["MENTORPLAN_TODAY='tomorrow' is not a date; write YYYY-MM-DD or remove "
                                           "the variable."]
    printed = subprocess.run([sys.executable, "-m", "core", "todo", "--lang", "en"], cwd=ROOT, capture_output=True,
                             text=True, timeout=60)
    assert printed.returncode == 2
    assert "MENTORPLAN_TODAY='tomorrow' is not a date" in printed.stderr
