"""A busy database: a change that meets another's lock waits MENTORPLAN_BUSY_TIMEOUT seconds at
most, taking the lock at its start (SQLite: BEGIN IMMEDIATE), then stops with words in the user's
language — never a traceback, never the database's SQL or its parameters (personal data)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from core.calendar.programme import Override
from core.platform.i18n import MentorplanError
from core.store import BUSY_TIMEOUT_VARIABLE, Store, busy_timeout
from tests.conftest import ROOT
from tests.release import release_database

RELEASE_DATABASE = release_database()
OVERRIDE = Override("autumn-2027", "closing", dt.date(2028, 5, 24), dt.date(2028, 5, 24), "Kristi himmelsfärd")


@contextmanager
def held_write_lock(path: Path):
    """Another program in the middle of a change: the SQLite file's write lock held."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def sqlite_path(url: str) -> Path:
    return Path(make_url(url).database)


def test_a_change_that_meets_a_lock_waits_then_stops_in_words(database_url, monkeypatch):
    monkeypatch.setenv(BUSY_TIMEOUT_VARIABLE, "0.4")
    store = Store(database_url)
    ran = []
    with held_write_lock(sqlite_path(database_url)):
        assert store.participants().empty  # reading goes on (WAL)
        started = time.monotonic()
        with pytest.raises(MentorplanError) as error, store.transaction():
            ran.append("the change")  # not reached: the lock is met at the start
        waited = time.monotonic() - started
    assert ran == [] and 0.3 < waited < 5
    assert error.value.key == "database.busy"
    assert error.value.shown("sv") == ("Databasen är upptagen med en annan ändring. Försök igen om en stund; "
                                       "inget har ändrats.")
    assert error.value.__cause__ is None and error.value.__suppress_context__  # the SQL is not carried along
    store.save_override(OVERRIDE)  # once the other change is done, it goes through
    assert [o.event_id for o in store.overrides()] == ["closing"]
    store.close()


def test_a_store_call_says_busy_not_sql(database_url, monkeypatch):
    monkeypatch.setenv(BUSY_TIMEOUT_VARIABLE, "0.2")
    store = Store(database_url)
    with held_write_lock(sqlite_path(database_url)), pytest.raises(MentorplanError) as error:
        store.save_override(OVERRIDE)
    assert error.value.key == "database.busy" and "INSERT" not in str(error.value)
    assert store.overrides() == []
    store.close()


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "601"])
def test_a_busy_timeout_that_is_not_a_number_of_seconds_is_refused_in_words(value, monkeypatch):
    monkeypatch.setenv(BUSY_TIMEOUT_VARIABLE, value)
    with pytest.raises(MentorplanError) as error:
        busy_timeout()
    assert error.value.key == "database.bad_busy_timeout" and value in error.value.shown("en")


def test_the_busy_timeout_is_five_seconds_unless_set(monkeypatch):
    monkeypatch.delenv(BUSY_TIMEOUT_VARIABLE, raising=False)
    assert busy_timeout() == 5
    monkeypatch.setenv(BUSY_TIMEOUT_VARIABLE, "0.5")
    assert busy_timeout() == 0.5


def _sheet(path: Path) -> Path:
    path.write_text("Namn;E-post;Organisation;Språk;Utvecklingsområden;Samtycke\n"
                    "Åsa Öberg;asa.oberg@example.se;Region Norr;svenska;ledarskap;Ja\n", encoding="utf-8-sig")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("command", ["match", "import"])
def test_a_command_that_meets_a_busy_database_says_so_in_one_line(command, tmp_path):
    database = tmp_path / "mentorplan.db"
    shutil.copyfile(RELEASE_DATABASE, database)  # a register to match
    url = f"sqlite:///{database}"
    store = Store(url)  # brought up to date first: the command only meets the lock
    store.set_constraints("spring-2027", [])  # the example pin breaks the same-organisation rule
    store.close()
    arguments = {"match": ["match", "--cohort", "spring-2027", "--accept"],
                 "import": ["import", str(_sheet(tmp_path / "adepter.csv")), "--role", "mentee",
                            "--cohort", "autumn-2027"]}[command]
    env = {**os.environ, "MENTORPLAN_DATABASE_URL": url, BUSY_TIMEOUT_VARIABLE: "0.5", "MENTORPLAN_LANG": "sv"}
    with held_write_lock(database):
        result = subprocess.run([sys.executable, "-m", "core", *arguments], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr == "mentorplan: fel: Databasen är upptagen med en annan ändring. Försök igen om en stund; " \
                            "inget har ändrats.\n"
    for never in ("Traceback", "SELECT", "INSERT", "UPDATE", "asa.oberg", "sqlite"):
        assert never not in result.stderr + result.stdout
    # and once the lock is gone, the same command does it
    again = subprocess.run([sys.executable, "-m", "core", *arguments], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=120)
    assert again.returncode == 0, again.stderr


@pytest.mark.postgres
def test_a_change_that_meets_a_lock_on_postgresql_waits_then_stops_in_words(any_store, postgres_server, monkeypatch):
    monkeypatch.setenv(BUSY_TIMEOUT_VARIABLE, "0.3")
    store = Store(postgres_server)  # its connections wait 0.3 s for a lock (lock_timeout)
    other = create_engine(postgres_server)
    try:
        with other.begin() as connection:
            connection.exec_driver_sql("LOCK TABLE overrides IN ACCESS EXCLUSIVE MODE")
            started = time.monotonic()
            with pytest.raises(MentorplanError) as error:
                store.save_override(OVERRIDE)
            assert time.monotonic() - started < 5
        assert error.value.key == "database.busy" and error.value.__cause__ is None
        store.save_override(OVERRIDE)
        assert [o.event_id for o in store.overrides()] == ["closing"]
    finally:
        store.close()
        other.dispose()
