"""The store: the one place that talks to the database. SQLite in data/ by default; any
SQLAlchemy URL through MENTORPLAN_DATABASE_URL (PostgreSQL on a shared server).

Each area of the programme keeps its queries in a module of its own (calendar, people, …),
mixed into Store over core/store/base.py; every change runs in one transaction, all of it or none.
The tables are made, and kept up to date with core/store/schema.py, by the Alembic revisions in
core/store/migrations/ as the store opens."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from core.platform.i18n import MentorplanError
from core.platform.paths import DATA_DIR
from core.store import audit, migrations
from core.store.access import AccessStore
from core.store.audit import AuditStore
from core.store.backup import BackupStore
from core.store.base import WRITING
from core.store.calendar import CalendarStore
from core.store.followup import FollowupStore
from core.store.guests import GuestStore
from core.store.matching import MatchingStore
from core.store.messages import MessageStore
from core.store.people import PeopleStore

DEFAULT_URL = f"sqlite:///{DATA_DIR / 'mentorplan.db'}"
URL_VARIABLE = "MENTORPLAN_DATABASE_URL"
BUSY_TIMEOUT_VARIABLE = "MENTORPLAN_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 5.0  # seconds a change waits for another to finish before it gives up
MAX_BUSY_TIMEOUT = 600.0


def database_url() -> str:
    """Where the data lives: MENTORPLAN_DATABASE_URL, else a SQLite file in data/."""
    return os.environ.get(URL_VARIABLE, "").strip() or DEFAULT_URL


def busy_timeout() -> float:
    """How long a change waits for another's lock, in seconds: MENTORPLAN_BUSY_TIMEOUT, else 5."""
    value = os.environ.get(BUSY_TIMEOUT_VARIABLE, "").strip()
    if not value:
        return DEFAULT_BUSY_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not 0 <= seconds <= MAX_BUSY_TIMEOUT:  # NaN too
        raise MentorplanError("database.bad_busy_timeout", value=value, maximum=int(MAX_BUSY_TIMEOUT))
    return seconds


def _sqlite_pragmas(busy_ms: int) -> Callable[[DBAPIConnection, ConnectionPoolEntry], None]:
    def on_connect(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        # The driver's own transaction handling off: _sqlite_begin begins every transaction, so
        # that a write takes its lock at the start and schema changes are transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL keeps readers and the writer apart and survives a crash mid-write; foreign keys make
        # deleting a person reach everything that hangs on them.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()
    return on_connect


def _sqlite_begin(connection: Connection) -> None:
    """A write (StoreBase.transaction) begins IMMEDIATE: it takes the write lock at once, waiting
    for another change at most the busy timeout, so that it never meets the lock half-way and
    fails with part of its work done in vain. A read begins DEFERRED: one consistent view."""
    writing = connection.get_execution_options().get(WRITING, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    timeout = busy_timeout()
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas(round(timeout * 1000)))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    arguments = {}
    if parsed.get_backend_name() == "postgresql" and "options" not in parsed.query:
        # A change waits this long for a row or table another change holds, then gives up.
        arguments["options"] = f"-c lock_timeout={max(1, round(timeout * 1000))}"  # 0 would be forever
    return create_engine(url, pool_pre_ping=True, connect_args=arguments)


class Store(CalendarStore, PeopleStore, MatchingStore, FollowupStore, MessageStore, GuestStore, AuditStore,
            BackupStore, AccessStore):
    """All of Mentorplan's data. Open with Store() for the configured database."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or database_url()
        self.engine = make_engine(self.url)
        try:
            migrations.prepare(self.engine, lambda: self.automatic_backup("before-upgrade"))
        except BaseException:
            self.engine.dispose()
            raise
        audit.watch(self.engine)  # after the upgrade: the change log records the coordinator's changes

    def close(self) -> None:
        self.engine.dispose()
