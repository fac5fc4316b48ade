"""What every area's part of the store stands on: the engine, and the two ways to hold a
connection (one transaction, or a read). Store mixes the areas together; each area's mixin
inherits StoreBase so that it, and the type checker, know these are there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, CursorResult, Engine
from sqlalchemy.exc import OperationalError

from core.platform.i18n import MentorplanError

if TYPE_CHECKING:
    import pandas as pd

# The execution option that marks a connection's transaction as a write: on SQLite it begins with
# BEGIN IMMEDIATE (core/store/__init__.py), so that a lock held by another change is met, and
# waited for, at the start, never half-way through.
WRITING = "mentorplan_writing"
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
_POSTGRESQL_BUSY = {"55P03", "40P01"}  # lock_timeout ran out; a deadlock, one side given up


def is_busy(error: OperationalError) -> bool:
    """Whether the database refused because another change holds a lock (and the wait ran out),
    by the driver's error code: SQLite's BUSY or LOCKED, PostgreSQL's SQLSTATE."""
    code = getattr(error.orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return getattr(error.orig, "sqlstate", None) in _POSTGRESQL_BUSY


@contextmanager
def busy_in_words() -> Iterator[None]:
    """A lock that outlasted the wait becomes words in the user's language; the database's own
    error (its SQL text and parameters may hold personal data) is not shown, nor chained."""
    try:
        yield
    except OperationalError as error:
        if is_busy(error):
            raise MentorplanError("database.busy") from None
        raise


class StoreBase:
    engine: Engine
    writes: int = 0  # transactions begun through this store (see AuditStore.version)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One unit of work: committed whole when the block ends, rolled back whole if it raises.
        It takes the write lock first (waiting MENTORPLAN_BUSY_TIMEOUT seconds at most), so a
        busy database stops it before anything is done."""
        try:
            with busy_in_words(), self.engine.connect() as connection:
                connection.execution_options(**{WRITING: True})
                with connection.begin():
                    yield connection
        finally:  # committed or not: what was read before may be stale (AuditStore.version)
            self.writes += 1

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with busy_in_words(), self.engine.connect() as connection:
            yield connection

    if TYPE_CHECKING:
        # One area calls on another's: the backup before an import or an acceptance, and the
        # erasures a restore must repeat. Declared here for the type checker; Store has them all.
        def automatic_backup(self, reason: str) -> Path: ...  # core.store.backup

        # The automatic backups a deletion everywhere rewrites without the person.
        def scrub_automatic_backups(self) -> tuple[int, int]: ...  # core.store.backup

        def erased_digests(self, connection: Connection) -> dict[str, dt.datetime]: ...  # core.store.people

        def erase_again(self, connection: Connection, erasures: Mapping[str, dt.datetime],
                        made_at: dt.datetime | None) -> int: ...  # core.store.people


def inserted_id(result: CursorResult[Any]) -> int:
    """The primary key of the row a one-row insert made. SQLAlchemy types it optional: it is
    None only when the insert made no row, which here would be a bug."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the insert made no row")
    return key[0]


def frame(rows: Iterable[Any], columns: Sequence[str]) -> pd.DataFrame:
    """A query's rows as a table. pandas is loaded with the first table asked for, not with the
    store: a command that reads no table (`schedule`) starts without it (issue 12)."""
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))
