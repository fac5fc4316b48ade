"""A lockout that holds (issue 16): attempts are counted and written down in one transaction under
the write lock, so parallel guesses get no more than FREE_ATTEMPTS checks; each source waits a
growing, bounded delay; a browser the coordinator logged in with is a source of its own; all other
sources share one budget too; IPv6 addresses count by their /64; failed logins go to the change log
and are reported at the next login; revision 0003 keeps the release's rows."""

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
    OVERALL_FREE_ATTEMPTS,
    SOURCE_MAX_DELAY,
    address_group,
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


def _known_browser(store, browser: str, at: dt.datetime) -> str:
    """Log in once from a fresh address with `browser`, which makes it known; its source."""
    fresh = source_key("address", f"192.0.2.{len(browser)}")
    store.login_succeeded(store.begin_login_attempt(fresh, at).attempt, fresh, at, browser=browser)
    return source_key("browser", browser)


def _fail(store, source: str, times: int, start: dt.datetime = NOW) -> dt.datetime:
    """`times` wrong passwords from `source`, each as soon as it may; when the last was."""
    at = start
    for _ in range(times):
        attempt = store.begin_login_attempt(source, at)
        if attempt.attempt is None:
            at = attempt.wait_until
            attempt = store.begin_login_attempt(source, at)
        store.login_failed(attempt.attempt, at)
    return at


def test_the_right_password_forgives_a_known_browser_but_not_an_address(store):
    """(d) An address may be shared with a guesser (one NAT, one /64): a login from it deletes only
    its own row. A known browser is the coordinator's alone: a login from it forgives its source."""
    address = source_key("address", "192.0.2.1")
    last = _fail(store, address, FREE_ATTEMPTS + 1)
    waits = store.begin_login_attempt(address, last).wait_until
    assert waits == last + login_delay(FREE_ATTEMPTS + 1, most=SOURCE_MAX_DELAY)
    attempt = store.begin_login_attempt(address, waits)
    store.login_succeeded(attempt.attempt, address, waits, browser="b-coordinator")
    assert len(store.login_failures(NOW - dt.timedelta(days=1))) == FREE_ATTEMPTS + 1  # its own row gone
    store.login_failed(store.begin_login_attempt(address, waits).attempt, waits)  # the guesser there again
    assert store.begin_login_attempt(address, waits).wait_until == waits + login_delay(
        FREE_ATTEMPTS + 2, most=SOURCE_MAX_DELAY)  # still slowed down: nothing of its was forgiven
    browser = source_key("browser", "b-coordinator")
    typo = _fail(store, browser, FREE_ATTEMPTS, waits)
    assert store.begin_login_attempt(browser, typo).attempt is None
    late = typo + FIRST_DELAY
    store.login_succeeded(store.begin_login_attempt(browser, late).attempt, browser, late)
    assert len(store.login_failures(NOW - dt.timedelta(days=1))) == FREE_ATTEMPTS + 2  # the browser's forgiven
    assert store.begin_login_attempt(browser, late).attempt is not None
    assert store.begin_login_attempt(address, late).attempt is None


def test_a_failing_source_waits_longer_than_a_minute_up_to_its_bound_and_is_remembered_a_day():
    """(c) An unknown source's delay grows past MAX_DELAY to SOURCE_MAX_DELAY; failures count for
    FAILURE_WINDOW (a day)."""
    assert dt.timedelta(hours=24) == FAILURE_WINDOW and dt.timedelta(minutes=15) == SOURCE_MAX_DELAY
    delays = [login_delay(n, most=SOURCE_MAX_DELAY) for n in range(FREE_ATTEMPTS, FREE_ATTEMPTS + 12)]
    assert delays[5] == 32 * FIRST_DELAY > MAX_DELAY
    assert delays == sorted(delays) and delays[-1] == SOURCE_MAX_DELAY > delays[8] == 256 * FIRST_DELAY
    assert login_delay(10_000, most=SOURCE_MAX_DELAY) == SOURCE_MAX_DELAY  # no overflow after many
    failures = [NOW - dt.timedelta(hours=23, minutes=59)] * (FREE_ATTEMPTS + 20)
    failures.append(NOW)
    assert login_wait(failures, NOW, most=SOURCE_MAX_DELAY) == NOW + SOURCE_MAX_DELAY
    assert login_wait(failures, NOW, most=MAX_DELAY) == NOW + MAX_DELAY
    assert login_wait(failures, NOW + FAILURE_WINDOW + dt.timedelta(seconds=1)) is None


def test_a_known_browser_waits_at_most_a_minute_however_often_it_failed(store):
    """(c) The coordinator's bound: a known browser's own delay stops at MAX_DELAY, and the
    budget the unknown sources share never holds it up."""
    browser = _known_browser(store, "b-coordinator", NOW)
    last = _fail(store, browser, FREE_ATTEMPTS + 12)
    assert store.begin_login_attempt(browser, last).wait_until == last + MAX_DELAY
    address = source_key("address", "198.51.100.7")
    last = _fail(store, address, FREE_ATTEMPTS + 12)
    assert store.begin_login_attempt(address, last).wait_until == last + SOURCE_MAX_DELAY


def test_all_unknown_sources_share_a_budget_and_a_known_browser_is_exempt(store):
    """(a) Rotating addresses: OVERALL_FREE_ATTEMPTS failures from as many sources, then any
    unknown source — a new one too — waits a growing delay (at most MAX_DELAY); a known browser
    does not."""
    browser = _known_browser(store, "b-coordinator", NOW)
    _fail(store, browser, 3)  # the coordinator's own typos are not the strangers' budget
    for number in range(OVERALL_FREE_ATTEMPTS):
        _fail(store, source_key("address", f"2001:db8:{number:x}::1"), 1)
    fresh = source_key("address", "203.0.113.99")
    first = store.begin_login_attempt(fresh, NOW)
    assert first.attempt is None and first.overall and first.wait_until == NOW + FIRST_DELAY
    assert store.begin_login_attempt(browser, NOW).attempt is not None
    at = NOW
    waits = []
    for number in range(8):
        attempt = store.begin_login_attempt(source_key("address", f"203.0.113.{number}"), at)
        waits.append(attempt.wait_until - at)
        at = attempt.wait_until
        store.login_failed(store.begin_login_attempt(source_key("address", f"203.0.113.{number}"), at).attempt, at)
    assert waits == [login_delay(OVERALL_FREE_ATTEMPTS + n, free=OVERALL_FREE_ATTEMPTS) for n in range(8)]
    assert waits[4] == 16 * FIRST_DELAY and waits[-1] == MAX_DELAY
    # a source's own delay, when longer, is the one said
    slow = source_key("address", "198.51.100.7")
    store.clear_login_failures()
    last = _fail(store, slow, FREE_ATTEMPTS + 3)
    said = store.begin_login_attempt(slow, last)
    assert not said.overall and said.wait_until == last + login_delay(FREE_ATTEMPTS + 3, most=SOURCE_MAX_DELAY)


def test_parallel_guesses_from_many_sources_get_no_more_than_the_overall_budget(any_store):
    """(a) Counted in the same transaction under the same lock: twenty-four sources guessing at
    once, with OVERALL_FREE_ATTEMPTS - 4 failures already written down, get four checks."""
    store = any_store
    for number in range(OVERALL_FREE_ATTEMPTS - 4):
        store.record_login_failure(NOW - dt.timedelta(minutes=5), source_key("address", f"198.51.100.{number}"))
    barrier = threading.Barrier(24)
    outcomes: list = []
    stores = [Store(store.url) for _ in range(24)]

    def guess(own: Store, number: int) -> None:
        barrier.wait()
        outcomes.append(own.begin_login_attempt(source_key("address", f"2001:db8:{number:x}::1"), NOW))

    threads = [threading.Thread(target=guess, args=(own, n)) for n, own in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for own in stores:
        own.close()
    assert len(outcomes) == 24 and len([o for o in outcomes if o.attempt is not None]) == 4
    assert {(o.wait_until, o.overall) for o in outcomes if o.attempt is None} == {(NOW + FIRST_DELAY, True)}
    assert len(store.login_failures(NOW - dt.timedelta(days=1))) == OVERALL_FREE_ATTEMPTS


def test_ipv6_addresses_count_by_their_64():
    """(b) One line gets a /64 to pick addresses from: all of them are one source."""
    assert address_group("2001:db8:1:2:aaaa::1") == address_group("2001:db8:1:2:ffff:1:2:3") == "2001:db8:1:2::/64"
    assert address_group("2001:db8:1:3::1") != address_group("2001:db8:1:2::1")
    assert address_group("[2001:db8:1:2::5]") == address_group("2001:db8:1:2::5%eth0") == "2001:db8:1:2::/64"
    assert address_group("::ffff:198.51.100.7") == address_group("198.51.100.7") == "198.51.100.7"
    assert address_group("198.51.100.7") != address_group("198.51.100.8")  # IPv4 stays per address
    assert address_group("local") == "local" and address_group("not an address") == "not an address"


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
