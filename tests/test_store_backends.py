"""The store works unchanged on SQLite and on PostgreSQL: each test here runs on both (the
PostgreSQL server is started by the tests, see tests/postgres.py)."""

import datetime as dt

import pytest
from sqlalchemy import insert

from core import services
from core.calendar.programme import Cohort, Override, Settings
from core.platform.i18n import MentorplanError
from core.store import schema


def add_person(store, email, name, cohort_id="autumn-2026", role="mentee"):
    with store.transaction() as connection:
        person = connection.execute(insert(schema.people).values(
            email=email, name=name, languages=["sv"], organisation="Region Norr")).inserted_primary_key[0]
        connection.execute(insert(schema.participations).values(
            person_id=person, cohort_id=cohort_id, role=role, goals=["ledarskap", "kommunikation"],
            experience_years=4, consent=True, extra={"Favoritfärg": "grön"}))
    return person


def test_settings_and_overrides(any_store, rulebook):
    any_store.save_settings(Settings("full", "date"))
    assert any_store.settings(rulebook.defaults) == Settings("full", "date")
    any_store.save_override(Override("autumn-2027", "closing", dt.date(2028, 5, 24), dt.date(2028, 5, 24), "Ö"))
    programme = services.programme(any_store)
    assert programme.occurrence(Cohort(2027, "autumn"), "closing").start == dt.date(2028, 5, 24)
    assert any_store.delete_override("autumn-2027", "closing")


def test_people_with_lists_and_unicode(any_store):
    add_person(any_store, "åsa.öberg@example.se", "Åsa Öberg")
    frame = any_store.participants("autumn-2026", "mentee")
    row = frame.iloc[0]
    assert (row["name"], row["languages"], row["goals"], row["extra"]) == \
        ("Åsa Öberg", ["sv"], ["ledarskap", "kommunikation"], {"Favoritfärg": "grön"})


def test_deleting_a_person_reaches_everything_that_hangs_on_them(any_store):
    person = add_person(any_store, "anna@example.se", "Anna")
    with any_store.transaction() as connection:
        connection.execute(schema.people.delete().where(schema.people.c.id == person))
    assert any_store.participants().empty


def test_backup_and_restore_round_trip(any_store):
    add_person(any_store, "åsa.öberg@example.se", "Åsa Öberg")
    any_store.save_override(Override("autumn-2026", "kickoff", dt.date(2026, 9, 23), dt.date(2026, 9, 23)))
    data = any_store.backup()
    with any_store.transaction() as connection:
        connection.execute(schema.participations.delete())
        connection.execute(schema.people.delete())
    any_store.restore(data)
    assert any_store.participants().iloc[0]["email"] == "åsa.öberg@example.se"
    # ids continue after the restored ones (PostgreSQL's sequences are reset)
    later = add_person(any_store, "bo@example.se", "Bo", role="mentor")
    assert later > int(any_store.participants("autumn-2026", "mentee").iloc[0]["person_id"])


def test_a_damaged_restore_changes_nothing(any_store):
    add_person(any_store, "anna@example.se", "Anna")
    with pytest.raises(MentorplanError):
        any_store.restore(b"not a backup")
    assert len(any_store.participants()) == 1


def test_login_failures_are_counted(any_store):
    now = dt.datetime(2026, 11, 28, 9, 0)
    any_store.record_login_failure(now)
    assert any_store.login_failures(now - dt.timedelta(minutes=1)) == [now]
    any_store.clear_login_failures()
    assert any_store.login_failures(now - dt.timedelta(days=1)) == []
