"""The store's schema over time: Alembic revisions in versions/, one per change to
core/store/schema.py, applied when the store opens (docs/migrations.md says how to add one).

Opening a database (`prepare`):
- empty: every revision is applied, up to the newest (head);
- made by the release of 2026-12-01, before migrations (today's tables, no `alembic_version`):
  its tables are checked to be that release's, then it is stamped with the baseline revision;
- at an older revision: an automatic backup is written first, then it is upgraded;
- at a revision this code does not know (a newer Mentorplan made it): refused, in words.

Everything runs in one transaction that holds the write lock, so a second process opening the
database at the same time waits and then finds the work done; on SQLite, foreign keys are off
while the tables change (a table rebuilt by a batch migration must not take its children with
it) and checked whole before the commit.

The configuration is made here, in code: no alembic.ini is read at run time (the one at the
project root is for a developer's `alembic revision`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, MetaData, Table, create_engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from core.platform.i18n import MentorplanError
from core.store.base import WRITING, busy_in_words

if TYPE_CHECKING:  # Alembic is imported when a database is not already at head (a command starts faster)
    from alembic.config import Config
    from alembic.script import ScriptDirectory

LOCATION = Path(__file__).resolve().parent
# The schema as the release of 2026-12-01 made it with metadata.create_all, before migrations.
BASELINE = "0001"
VERSION_TABLE = "alembic_version"
# Any number, the same in every process: PostgreSQL's lock that lets one process migrate at a time.
_POSTGRESQL_LOCK = 2026_12_01


def config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, made in code; `connection` is the one the revisions run on."""
    from alembic.config import Config
    settings = Config()
    settings.set_main_option("script_location", str(LOCATION))
    if connection is not None:
        settings.attributes["connection"] = connection
    return settings


@lru_cache(maxsize=1)
def scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(config())


def head() -> str:
    """The newest revision this code knows: the schema of core/store/schema.py."""
    newest = scripts().get_current_head()
    if newest is None:  # a bug: versions/ is empty
        raise RuntimeError("no migration revisions in core/store/migrations/versions")
    return newest


@lru_cache(maxsize=1)
def revisions() -> tuple[str, ...]:
    """Every revision this code knows, oldest first."""
    return tuple(reversed([script.revision for script in scripts().walk_revisions()]))


def known(revision: str) -> bool:
    return revision in revisions()


def revision_of(connection: Connection) -> str | None:
    """The revision a database is at, or None when it has no `alembic_version` (empty, or made
    before migrations)."""
    from alembic.runtime.migration import MigrationContext
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head") -> None:
    from alembic import command
    command.upgrade(config(connection), target)


def stamp(connection: Connection, revision: str) -> None:
    from alembic import command
    command.stamp(config(connection), revision)


def refuse_newer(revision: str | None) -> None:
    if revision is not None and not known(revision):
        raise MentorplanError("database.newer", revision=revision)


@contextmanager
def migrating(engine: Engine) -> Iterator[Connection]:
    """A connection for changing the schema, in one transaction that holds the write lock from
    its start (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock). On SQLite, foreign keys
    are off while the tables change, as SQLite's own procedure for altering a table asks (else
    dropping a table rebuilt by a batch migration deletes the rows that refer to it), and every
    reference is checked before the commit."""
    with busy_in_words(), engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        # Outside any transaction, where SQLite honours the pragma (on the driver's connection,
        # so that SQLAlchemy does not begin one first).
        driver = connection.connection.driver_connection
        if sqlite and driver is not None:
            driver.execute("PRAGMA foreign_keys=OFF")
        try:
            connection.execution_options(**{WRITING: True})
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _POSTGRESQL_LOCK})
                yield connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:  # a revision's bug: nothing is committed
                        tables = sorted({str(row[0]) for row in broken})
                        raise RuntimeError(f"a migration broke references in {', '.join(tables)}")
        finally:
            if sqlite and driver is not None:
                driver.execute("PRAGMA foreign_keys=ON")


def prepare(engine: Engine, keep_backup: Callable[[], object]) -> None:
    """Bring a database to this code's schema as it opens (see the module's words);
    `keep_backup` writes the automatic backup taken before an upgrade, while nothing is
    changed yet."""
    if _at_head(engine):  # every opening but the first after an update, without Alembic
        return
    with busy_in_words(), engine.connect() as connection:
        revision = revision_of(connection)
    if revision == head():  # every opening but the first after an update
        return
    refuse_newer(revision)
    with migrating(engine) as connection:
        revision = revision_of(connection)  # again, now that no other process can change it
        if revision == head():
            return
        refuse_newer(revision)
        if revision is None:
            found = _our_tables(connection)
            if not found:  # empty: made here and now, nothing to keep
                upgrade(connection)
                return
            _check_release_tables(found)
        if (revision or BASELINE) != head():
            keep_backup()
        if revision is None:
            stamp(connection, BASELINE)
        upgrade(connection)


_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=]*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


@lru_cache(maxsize=1)
def quick_head() -> str | None:
    """The newest revision, read from the revision files' own `revision = …` and `down_revision
    = …` lines (the one no other revises) without importing Alembic; None if they do not make one
    chain's end, when head() decides."""
    revised, down = set(), set()
    for path in (LOCATION / "versions").glob("r*.py"):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" not in found:
            return None
        revised.add(found["revision"])
        if "down_revision" in found:
            down.add(found["down_revision"])
    ends = revised - down
    return ends.pop() if len(ends) == 1 else None


def _at_head(engine: Engine) -> bool:
    """Whether the database's `alembic_version` already names the newest revision (read with
    one plain query; a database without the table is not)."""
    newest = quick_head()
    if newest is None:
        return False
    try:
        with busy_in_words(), engine.connect() as connection:
            rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    except SQLAlchemyError:  # no such table: empty, or made before migrations
        return False
    return [tuple(row) for row in rows] == [(newest,)]


def _our_tables(connection: Connection) -> dict[str, set[str]]:
    """The database's tables that the baseline has, with their columns (another program's
    tables in the same database are not looked at)."""
    expected = tables_at(BASELINE)
    inspector = inspect(connection)
    return {name: {column["name"] for column in inspector.get_columns(name)}
            for name in inspector.get_table_names() if name in expected}


def _check_release_tables(found: dict[str, set[str]]) -> None:
    """A database without a revision must hold the tables of the release before migrations,
    each with its columns; else it was not made by Mentorplan, and nothing is changed."""
    expected = tables_at(BASELINE)
    differences = sorted(name for name in expected if found.get(name) != expected[name])
    if differences:
        raise MentorplanError("database.unknown", tables=", ".join(differences))


@lru_cache(maxsize=8)
def tables_at(revision: str) -> dict[str, set[str]]:
    """The tables and their columns as the revisions make them up to `revision`."""
    engine = scratch(revision)
    try:
        with engine.connect() as connection:
            inspector = inspect(connection)
            return {name: {column["name"] for column in inspector.get_columns(name)}
                    for name in inspector.get_table_names() if name != VERSION_TABLE}
    finally:
        engine.dispose()


def scratch(revision: str) -> Engine:
    """An empty in-memory SQLite database at `revision`, for reading what a revision's tables
    are and for bringing an older backup's rows up to date. One connection, kept for the
    engine's life (dispose() ends it)."""
    engine = create_engine("sqlite://", poolclass=StaticPool)
    with engine.begin() as connection:
        upgrade(connection, revision)
    return engine


def reflected(connection: Connection, revision: str) -> list[Table]:
    """A database's tables as they are at `revision` (not as core/store/schema.py says), the
    ones referred to first: for reading a database, or a backup's rows, at an older revision."""
    tables = MetaData()
    tables.reflect(connection, only=sorted(tables_at(revision)))
    return list(tables.sorted_tables)
