"""The store's part of logging in: failed password attempts per source, counted and checked in one
transaction that holds the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so
that guesses made at the same moment are counted one after the other and no more than
core.platform.auth.FREE_ATTEMPTS of them from one source (nor OVERALL_FREE_ATTEMPTS from all sources
that are not a known browser) reach the password check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, text

from core.platform.auth import (
    FAILURE_WINDOW,
    MAX_DELAY,
    OVERALL_FREE_ATTEMPTS,
    SOURCE_MAX_DELAY,
    login_wait,
    source_key,
)
from core.store import schema
from core.store.base import StoreBase

_POSTGRESQL_LOCK = 2026_12_16  # pg_advisory_xact_lock key of the login count
LOGINS = "logins"  # the change log's name for a successful login (failed ones are login_failures)
KNOWN_BROWSERS = "access.known_browsers"  # settings key: digests of browsers logged in with
_KEEP_BROWSERS = 20


@dataclass(frozen=True)
class LoginAttempt:
    """The outcome of asking to check a password: `attempt` (a row id) when it may be checked
    now, else `wait_until` — `overall` when it is the budget shared by all unknown sources that says wait."""
    attempt: int | None
    wait_until: dt.datetime | None = None
    overall: bool = False


class AccessStore(StoreBase):
    def _lock_logins(self, connection: Connection) -> None:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _POSTGRESQL_LOCK})

    @staticmethod
    def _known_sources(connection: Connection) -> set[str]:
        """The sources of the browsers the coordinator has logged in with (see ui.auth.login_source)."""
        settings = schema.settings
        known = connection.execute(select(settings.c.value).where(settings.c.key == KNOWN_BROWSERS)).scalar()
        return {source_key("browser", browser) for browser in known or []}

    def begin_login_attempt(self, source: str, now: dt.datetime) -> LoginAttempt:
        """Count the source's failures — and, unless it is a known browser, the failures of all
        unknown sources together — and, if it may try now, write the attempt down as a failure
        before the password is checked, all in one transaction under the write lock. The check's
        outcome is then login_failed or login_succeeded."""
        table = schema.login_failures
        with self.transaction() as connection:
            self._lock_logins(connection)
            connection.execute(delete(table).where(table.c.at < now - FAILURE_WINDOW - dt.timedelta(days=1)))
            known = self._known_sources(connection)
            failures = list(connection.execute(
                select(table.c.at).where(table.c.source == source, table.c.at >= now - FAILURE_WINDOW)).scalars())
            until = login_wait(failures, now, most=MAX_DELAY if source in known else SOURCE_MAX_DELAY)
            overall = None
            if source not in known:
                everyone = list(connection.execute(select(table.c.at).where(
                    table.c.source.not_in(known), table.c.at >= now - FAILURE_WINDOW)).scalars())
                overall = login_wait(everyone, now, free=OVERALL_FREE_ATTEMPTS, most=MAX_DELAY)
            if until is not None or overall is not None:
                latest = max(u for u in (until, overall) if u is not None)
                return LoginAttempt(None, latest, overall=until is None or (overall is not None and overall > until))
            result = connection.execute(insert(table).values(at=now, source=source))
            key = result.inserted_primary_key
            return LoginAttempt(int(key[0]) if key else 0)

    def login_failed(self, attempt: int, now: dt.datetime) -> None:
        """The password was wrong: its row stays, and the change log says when (nothing else)."""
        with self.transaction() as connection:
            connection.execute(insert(schema.change_log).values(
                at=now, table_name=schema.login_failures.name, action="insert", rows=1))

    def login_succeeded(self, attempt: int, source: str, now: dt.datetime,
                        browser: str | None = None) -> list[dt.datetime]:
        """The password was right: the attempt's own row goes; the source's failures are forgiven
        only when it is a known browser's (an address may be shared with a guesser — behind one
        NAT, in one /64 — whose failures must stay); the login goes into the change log, the
        browser is remembered (its own source from now on), and the times of the failed logins
        since the previous login are returned, to be shown to the coordinator."""
        table, log, settings = schema.login_failures, schema.change_log, schema.settings
        with self.transaction() as connection:
            self._lock_logins(connection)
            if source in self._known_sources(connection):
                connection.execute(delete(table).where(table.c.source == source))
            connection.execute(delete(table).where(table.c.id == attempt))
            since = connection.execute(select(func.max(log.c.at)).where(log.c.table_name == LOGINS)).scalar()
            failed = list(connection.execute(
                select(log.c.at).where(log.c.table_name == table.name, log.c.action == "insert",
                                       log.c.at > (since or dt.datetime.min)).order_by(log.c.at)).scalars())
            connection.execute(insert(log).values(at=now, table_name=LOGINS, action="insert", rows=1))
            known = connection.execute(select(settings.c.value).where(settings.c.key == KNOWN_BROWSERS)).scalar()
            if browser and browser not in (known or []):
                connection.execute(delete(settings).where(settings.c.key == KNOWN_BROWSERS))
                connection.execute(insert(settings).values(
                    key=KNOWN_BROWSERS, value=[*(known or []), browser][-_KEEP_BROWSERS:]))
        return failed

    def known_browser(self, browser: str) -> bool:
        settings = schema.settings
        with self.reading() as connection:
            known = connection.execute(select(settings.c.value).where(settings.c.key == KNOWN_BROWSERS)).scalar()
        return browser in (known or [])

    def login_failures(self, since: dt.datetime) -> list[dt.datetime]:
        table = schema.login_failures
        with self.reading() as connection:
            return list(connection.execute(select(table.c.at).where(table.c.at >= since)).scalars())

    def record_login_failure(self, at: dt.datetime, source: str = "") -> None:
        with self.transaction() as connection:
            connection.execute(insert(schema.login_failures).values(at=at, source=source))

    def clear_login_failures(self) -> None:
        with self.transaction() as connection:
            connection.execute(delete(schema.login_failures))
