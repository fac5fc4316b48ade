"""A lockout that holds (issue 16): attempts are counted and written down in one transaction under
the write lock, so parallel guesses get no more than FREE_ATTEMPTS checks; each source waits a
growing, bounded delay; a browser the coordinator logged in with is a source of its own; failed
logins go to the change log and are reported at the next login; revision 0003 keeps the release's rows."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import threading

from sqlalchemy import select

from core.platform.auth import (
    FAILURE_WINDOW,
    FIRST_DELAY,
    FREE_ATTEMPTS,
    MAX_DELAY,
    client_address,
    login_delay,
    login_wait,
    source_key,
)
from core.store import Store, migrations, schema
from tests.test_migrations import RELEASE_DATABASE, revision_in

NOW = dt.datetime(2026, 12, 1, 10, 0, 0)


def test_the_delay_grows_per_failure_and_stops_at_its_bound():
    assert [login_delay(n) for n in range(FREE_ATTEMPTS)] == [dt.timedelta(0)] * FREE_ATTEMPTS
    delays = [login_delay(n) for n in range(FREE_ATTEMPTS, FREE_ATTEMPTS + 12)]
    assert delays[:3] == [FIRST_DELAY, 2 * FIRST_DELAY, 4 * FIRST_DELAY]
    assert delays == sorted(delays) and max(delays) == MAX_DELAY == delays[-1]


def test_a_source_waits_after_its_free_attempts_and_old_failures_are_forgotten():
    failures = [NOW - dt.timedelta(seconds=s) for s in range(FREE_ATTEMPTS - 1)]
    assert login_wait(failures, NOW) is None
    failures.append(NOW)
    assert login_wait(failures, NOW) == NOW + FIRST_DELAY
    assert login_wait(failures, NOW + FIRST_DELAY) is None  # the delay served, one more try
    later = NOW + FAILURE_WINDOW + dt.timedelta(seconds=1)
    assert login_wait(failures, later) is None


def test_only_a_trusted_proxy_names_the_client():
    assert client_address("203.0.113.5", "198.51.100.7", ()) == "203.0.113.5"  # anyone can write the header
    assert client_address("10.0.0.2", "198.51.100.7, 10.0.0.9", ("10.0.0.2", "10.0.0.9")) == "198.51.100.7"
    assert client_address("10.0.0.2", "6.6.6.6, 198.51.100.7", ("10.0.0.2",)) == "198.51.100.7"  # right-most
    assert client_address(None, None, ()) == "local"
    assert source_key("address", "198.51.100.7") != source_key("address", "198.51.100.8")
    assert "198.51.100.7" not in source_key("address", "198.51.100.7")


def test_sixteen_parallel_guesses_get_no_more_than_the_free_attempts(any_store):
    """Sixteen sessions guessing at once, each with its own connection: the count and the row
    are one transaction under the write lock, so exactly FREE_ATTEMPTS pass and are written down."""
    source = source_key("address", "198.51.100.7")
    barrier = threading.Barrier(16)
    outcomes: list = []
    store = any_store
    stores = [Store(store.url) for _ in range(16)]

    def guess(own: Store) -> None:
        barrier.wait()
        outcomes.append(own.begin_login_attempt(source, NOW))

    threads = [threading.Thread(target=guess, args=(own,)) for own in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for own in stores:
        own.close()
    allowed = [o for o in outcomes if o.attempt is not None]
    assert len(outcomes) == 16 and len(allowed) == FREE_ATTEMPTS
    assert {o.wait_until for o in outcomes if o.attempt is None} == {NOW + FIRST_DELAY}
    assert len(store.login_failures(NOW - dt.timedelta(days=1))) == FREE_ATTEMPTS
    # another source (the coordinator's) is not slowed down by them
    assert store.begin_login_attempt(source_key("address", "192.0.2.1"), NOW).attempt is not None


def test_failed_logins_go_to_the_change_log_and_are_reported_once_at_the_next_login(store):
    source = source_key("address", "198.51.100.7")
    for second in range(3):
        attempt = store.begin_login_attempt(source, NOW + dt.timedelta(seconds=second))
        store.login_failed(attempt.attempt, NOW + dt.timedelta(seconds=second))
    log = store.change_log()
    assert (log["table_name"] == "login_failures").sum() == 3
    own = source_key("address", "192.0.2.1")
    attempt = store.begin_login_attempt(own, NOW + dt.timedelta(minutes=1))
    reported = store.login_succeeded(attempt.attempt, own, NOW + dt.timedelta(minutes=1), browser="b1")
    assert reported == [NOW + dt.timedelta(seconds=s) for s in range(3)]
    assert store.known_browser("b1") and not store.known_browser("b2")
    assert len(store.login_failures(NOW - dt.timedelta(days=1))) == 3  # the right password deleted its own row
    again = store.begin_login_attempt(own, NOW + dt.timedelta(minutes=2))
    assert store.login_succeeded(again.attempt, own, NOW + dt.timedelta(minutes=2)) == []  # reported once
    with store.reading() as connection:
        texts = [str(v) for row in connection.execute(select(schema.change_log)).all() for v in row]
    assert not any("198.51.100.7" in v for v in texts)


def test_the_right_password_forgives_its_source(store):
    source = source_key("address", "192.0.2.1")
    for second in range(FREE_ATTEMPTS):
        store.login_failed(store.begin_login_attempt(source, NOW + dt.timedelta(seconds=second)).attempt, NOW)
    late = NOW + dt.timedelta(seconds=FREE_ATTEMPTS - 1) + FIRST_DELAY
    attempt = store.begin_login_attempt(source, late)
    store.login_succeeded(attempt.attempt, source, late)
    assert store.begin_login_attempt(source, late).attempt is not None


def test_revision_0003_keeps_the_releases_failures(tmp_path):
    copy = tmp_path / "mentorplan.db"
    shutil.copyfile(RELEASE_DATABASE, copy)
    store = Store(f"sqlite:///{copy}")
    assert revision_in(f"sqlite:///{copy}") == migrations.head()
    with sqlite3.connect(copy) as connection:
        rows = connection.execute("SELECT at, source FROM login_failures").fetchall()
        indexes = {row[1] for row in connection.execute("PRAGMA index_list('login_failures')")}
    assert len(rows) == 1 and rows[0][1] == ""  # kept, from no source an attempt can have
    assert "ix_login_failures_source" in indexes
    attempt = store.begin_login_attempt(source_key("address", "192.0.2.1"), dt.datetime.now())
    assert attempt.attempt is not None
    store.close()
