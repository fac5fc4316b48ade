"""The store: the one place that talks to the database. SQLite in data/ by default; any
SQLAlchemy URL through MENTORPLAN_DATABASE_URL (PostgreSQL on a shared server).

Each area of the programme keeps its queries in a module of its own (calendar, people, …),
mixed into Store; every change runs in one transaction, all of it or none."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

from core.platform.paths import DATA_DIR
from core.store import audit
from core.store.access import AccessStore
from core.store.audit import AuditStore
from core.store.backup import BackupStore
from core.store.calendar import CalendarStore
from core.store.followup import FollowupStore
from core.store.matching import MatchingStore
from core.store.messages import MessageStore
from core.store.people import PeopleStore
from core.store.schema import metadata

DEFAULT_URL = f"sqlite:///{DATA_DIR / 'mentorplan.db'}"
URL_VARIABLE = "MENTORPLAN_DATABASE_URL"


def database_url() -> str:
    """Where the data lives: MENTORPLAN_DATABASE_URL, else a SQLite file in data/."""
    return os.environ.get(URL_VARIABLE, "").strip() or DEFAULT_URL


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL keeps readers and the writer apart and survives a crash mid-write; foreign keys make
    # deleting a person reach everything that hangs on them.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Store(CalendarStore, PeopleStore, MatchingStore, FollowupStore, MessageStore, AuditStore, BackupStore,
            AccessStore):
    """All of Mentorplan's data. Open with Store() for the configured database."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or database_url()
        self.engine = make_engine(self.url)
        metadata.create_all(self.engine)
        audit.watch(self.engine)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One unit of work: committed whole when the block ends, rolled back whole if it raises."""
        with self.engine.begin() as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()
