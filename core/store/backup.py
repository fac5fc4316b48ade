"""The store's side of backups: every table read out, or every table replaced in one
transaction, each value typed for its column (core/platform/backup.py packs, checks and unpacks
the file)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Integer,
    Table,
    create_engine,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from core.platform import backup
from core.platform.backup import Contents
from core.platform.i18n import MentorplanError
from core.store import migrations
from core.store.base import StoreBase
from core.store.people import people_erased_in
from core.store.schema import metadata, timestamp


@dataclass(frozen=True)
class Restored:
    rows: dict[str, int]  # by table
    erased_again: int  # people deleted everywhere after the backup was made, left out again


@dataclass(frozen=True)
class RestorePreview:
    """What a restore would change, before it does."""

    now: dict[str, int]  # rows by table, as the store has them
    backup: dict[str, int]  # rows by table, as the backup has them
    erased_again: int  # people in the backup deleted everywhere after it was made: left out again
    created_at: dt.datetime | None
    verified: bool  # False: a backup without a MAC, read because the caller accepted that


class BackupStore(StoreBase):
    def backup(self) -> bytes:
        """The whole store as one backup file. Its time is taken before the data is read, to the
        microsecond: a deletion it does not hold is later than it (core/store/people.py)."""
        made_at = dt.datetime.now()
        with self.reading() as connection:
            # At today's revision once opened; at an older one only for the automatic backup taken
            # before the upgrade, read as its tables are (core/store/migrations).
            revision = migrations.revision_of(connection) or migrations.BASELINE
            older = revision != migrations.head()
            tables = _dump(connection, migrations.reflected(connection, revision) if older else None)
        return backup.pack(tables, made_at, revision=revision)

    def automatic_backup(self, reason: str) -> Path:
        """Keep a backup on disk before a change the coordinator may want to undo."""
        return backup.write_automatic(self.backup(), timestamp(), reason)

    def restore(self, data: bytes, unverified_ok: bool = False) -> Restored:
        """Replace all data with a backup's: checked first, an automatic backup of the current
        data kept, then everything in one transaction. People deleted everywhere after the backup
        was made are deleted again (core/store/people.py keeps their digests and times); someone
        who signed up again after their deletion, and is in a backup made after that, stays.
        A backup without a MAC is restored only with `unverified_ok` (the coordinator confirmed
        it), and as its stated time vouches for nothing, everyone ever deleted everywhere is left
        out of it. Returns the rows restored per table and how many people were deleted again."""
        contents = backup.read(data, unverified_ok)
        tables = _up_to_date(contents)
        self.automatic_backup("before-restore")
        counts = {}
        with self.reading() as connection:
            erased = self.erased_digests(connection)
        try:
            with self.transaction() as connection:
                for table in reversed(metadata.sorted_tables):
                    connection.execute(delete(table))
                for table in metadata.sorted_tables:
                    content = tables.get(table.name)
                    if not content or not content["rows"]:
                        continue
                    rows = [dict(zip(content["columns"], row, strict=True)) for row in content["rows"]]
                    connection.execute(insert(table), rows)
                    counts[table.name] = len(rows)
                    if connection.dialect.name == "postgresql":  # before the change log's next line takes an id
                        _reset_sequences(connection, [table])
                if connection.dialect.name == "postgresql":
                    _reset_sequences(connection)
                erased_again = self.erase_again(connection, erased, contents.erasures_since)
        except SQLAlchemyError as error:  # rows that break the schema's rules: nothing was changed
            raise MentorplanError("backup.damaged") from error
        with contextlib.suppress(MentorplanError):  # restored all the same; the next deletion tries again
            self.scrub_automatic_backups()
        return Restored(counts, erased_again)

    def restore_preview(self, data: bytes, unverified_ok: bool = False) -> RestorePreview:
        """What restoring `data` would do, checked as restore checks it, nothing changed: rows by
        table now and in the backup, and how many people in it would be deleted again."""
        contents = backup.read(data, unverified_ok)
        _up_to_date(contents)
        with self.reading() as connection:
            now = {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                   for table in metadata.sorted_tables}
            erasures = self.erased_digests(connection)
        in_backup = {name: len(table["rows"]) for name, table in contents.tables.items()}
        again = people_erased_in(contents.tables, erasures, contents.erasures_since)
        return RestorePreview(now, in_backup, len(again), contents.created_at, contents.verified)

    def scrub_automatic_backups(self) -> tuple[int, int]:
        """After a deletion everywhere (or a restore): rewrite each automatic backup on disk that
        holds someone deleted after it was made, without them — as a restore of it would leave
        them out, partners back to applied — keeping its time and file name; one that cannot be
        read (damaged, made with another key) or rewritten is removed, as it may hold them.
        Copies downloaded and kept elsewhere are out of reach. Returns (rewritten, removed)."""
        with self.reading() as connection:
            erasures = self.erased_digests(connection)
        rewritten = removed = 0
        failed: list[OSError] = []
        for path in backup.automatic_backups():
            try:
                data: bytes | None = path.read_bytes()
                contents = backup.read(data or b"", unverified_ok=True)
                if not people_erased_in(contents.tables, erasures, contents.erasures_since):
                    continue
                made_at = contents.created_at or dt.datetime.fromtimestamp(path.stat().st_mtime)
                data = self._without_erased(contents, erasures, made_at)
            except (MentorplanError, SQLAlchemyError):
                data = None
            except OSError as error:
                failed.append(error)
                continue
            try:
                backup.rewrite_automatic(path, data)
            except OSError as error:
                failed.append(error)
                continue
            rewritten, removed = (rewritten + 1, removed) if data else (rewritten, removed + 1)
        if failed:
            raise MentorplanError("backup.cannot_scrub", folder=backup.backup_dir(),
                                  detail=failed[0].strerror or failed[0])
        return rewritten, removed

    def _without_erased(self, contents: Contents, erasures: dict[str, dt.datetime],
                        made_at: dt.datetime) -> bytes:
        """A backup's content with the people deleted after it was made deleted, re-packed with its
        own time (and a MAC only if it had one), worked out in a database in memory."""
        tables = _up_to_date(contents)
        engine = create_engine("sqlite://")
        try:
            metadata.create_all(engine)
            with engine.begin() as connection:
                for table in metadata.sorted_tables:
                    content = tables.get(table.name)
                    if content and content["rows"]:
                        connection.execute(insert(table), [dict(zip(content["columns"], row, strict=True))
                                                           for row in content["rows"]])
                self.erase_again(connection, erasures, contents.erasures_since)
                kept = _dump(connection)
        finally:
            engine.dispose()
        return backup.pack(kept, made_at, signed=contents.verified, revision=migrations.head())


def _dump(connection: Connection, tables_then: Sequence[Table] | None = None) -> dict[str, dict[str, list[Any]]]:
    """Every table's columns and rows, in the order of its primary key: the tables of
    core/store/schema.py, or `tables_then` (a database at an older revision, reflected)."""
    tables: dict[str, dict[str, list[Any]]] = {}
    for table in metadata.sorted_tables if tables_then is None else tables_then:
        columns = [c.name for c in table.columns]
        rows = connection.execute(select(table).order_by(*table.primary_key.columns)).all()
        tables[table.name] = {"columns": columns, "rows": [list(row) for row in rows]}
    return tables


def _up_to_date(contents: Contents) -> dict[str, dict[str, list]]:
    """A backup's tables, typed for today's schema. A backup at today's revision is typed as it is;
    one at an older revision (none recorded: the baseline) is restored into a scratch database in
    memory at its revision, upgraded by the same revisions as a database, and read out, so that
    every revision's changes to tables and data apply to it too; one at a revision this code does
    not know (a newer Mentorplan made it) is refused. Nothing of the store is touched."""
    revision = contents.revision or migrations.BASELINE
    if revision == migrations.head():
        return {name: _typed(name, table) for name, table in contents.tables.items()}
    if not migrations.known(revision):
        raise MentorplanError("database.newer_backup", revision=revision)
    engine = migrations.scratch(revision)
    try:
        with engine.begin() as connection:
            then = {table.name: table for table in migrations.reflected(connection, revision)}
            typed = {name: _typed(name, table, then) for name, table in contents.tables.items()}
            for table in then.values():  # the ones referred to first
                content = typed.get(table.name)
                if content and content["rows"]:
                    connection.execute(insert(table), [dict(zip(content["columns"], row, strict=True))
                                                       for row in content["rows"]])
            migrations.upgrade(connection)
            return _dump(connection)
    except SQLAlchemyError:  # rows that break that revision's rules, or its upgrade's
        raise MentorplanError("backup.damaged") from None
    finally:
        engine.dispose()


def _typed(name: str, table: dict[str, list], schema_tables: Mapping[str, Table] | None = None
           ) -> dict[str, list]:
    """A backup's table with each value typed for its column: in core/store/schema.py, or in
    `schema_tables` (the tables at the backup's revision)."""
    schema_tables = metadata.tables if schema_tables is None else schema_tables
    if name not in schema_tables:
        raise MentorplanError("backup.unknown_table", table=name)
    schema_table = schema_tables[name]
    columns = table["columns"]
    unknown = [c for c in columns if c not in schema_table.c]
    if unknown:
        raise MentorplanError("backup.unknown_column", table=name, column=", ".join(map(str, unknown)))
    rows = []
    for row in table["rows"]:
        if not isinstance(row, list) or len(row) != len(columns):
            raise MentorplanError("backup.damaged")
        rows.append([_typed_value(schema_table.c[c].type, v) for c, v in zip(columns, row, strict=True)])
    return {"columns": columns, "rows": rows}


def _typed_value(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    try:
        if isinstance(column_type, DateTime):
            return dt.datetime.fromisoformat(value)
        if isinstance(column_type, Date):
            return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise MentorplanError("backup.damaged") from None
    return value


def _reset_sequences(connection: Connection, tables: Sequence[Table] | None = None) -> None:
    """After rows are inserted with their ids, PostgreSQL's counters must continue after them."""
    for table in metadata.sorted_tables if tables is None else tables:
        for column in table.primary_key.columns:
            if isinstance(column.type, Integer) and column.autoincrement in (True, "auto"):
                connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"))
