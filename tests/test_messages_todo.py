"""The home page's to-do for decisions not yet sent (core.todo.decisions_not_sent), read from the
send log, on a register with a history of cohorts."""

import datetime as dt

import pytest

from core import services
from core.calendar.programme import Cohort
from core.followup.todo import decisions_not_sent, todo_list
from core.messages.delivery import log_prepared
from core.messages.letters import decision_messages
from tests.messages_history import history


@pytest.fixture
def register(store):
    history(store)
    return store, services.programme(store)


def test_untold_people_are_a_todo_before_the_decisions_are_due(register):
    store, programme = register
    [todo] = decisions_not_sent(store, programme, dt.date(2026, 9, 1))
    assert todo.cohort_id == "autumn-2026" and todo.due == dt.date(2026, 9, 10)
    assert todo.severity == "warning" and todo.page == "views/messages.py"
    assert todo.shown("sv") == ("Höststart 2026: 8 av 8 har inte fått sitt besked; beskeden ska "
                               "skickas senast tors 10 sep. 2026.")
    assert todo.action("en") == "Send the decisions"
    assert todo in todo_list(store, programme, dt.date(2026, 9, 1))


def test_the_todo_counts_only_messages_sent_and_turns_urgent(register):
    store, programme = register
    batch = decision_messages(store, programme, Cohort(2026, "autumn"), "sv")
    log_prepared(store, batch, "eml")
    [todo] = decisions_not_sent(store, programme, dt.date(2026, 9, 8))
    assert (todo.params["count"], todo.severity) == (8, "urgent")  # prepared is not sent
    store.mark_sent("autumn-2026", "decision", "decisions_sent", [m.person_id for m in batch.messages])
    [todo] = decisions_not_sent(store, programme, dt.date(2026, 9, 12))  # after the deadline, before the kick-off
    assert todo.params["count"] == 1 and todo.severity == "urgent"  # Ulla Utan, who has no address


@pytest.mark.parametrize("day", [dt.date(2026, 8, 20), dt.date(2026, 9, 24), dt.date(2027, 8, 30)])
def test_no_todo_too_early_after_the_kickoff_or_without_an_accepted_matching(register, day):
    store, programme = register
    assert decisions_not_sent(store, programme, day) == []
