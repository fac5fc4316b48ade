"""The store's side of backups: every table read out, or every table replaced in one
transaction, each value typed for its column (core/platform/backup.py packs, checks and unpacks
the file)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Integer, delete, insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from core.platform import backup
from core.platform.i18n import MentorplanError
from core.store.schema import metadata, timestamp


@dataclass(frozen=True)
class Restored:
    rows: dict[str, int]  # by table
    erased_again: int  # people deleted everywhere after the backup was made, left out again


class BackupStore:
    def backup(self) -> bytes:
        """The whole store as one backup file."""
        tables = {}
        with self.reading() as connection:
            for table in metadata.sorted_tables:
                columns = [c.name for c in table.columns]
                rows = connection.execute(select(table).order_by(*table.primary_key.columns)).all()
                tables[table.name] = {"columns": columns, "rows": [list(row) for row in rows]}
        return backup.pack(tables, timestamp())

    def automatic_backup(self, reason: str) -> Path:
        """Keep a backup on disk before a change the coordinator may want to undo."""
        return backup.write_automatic(self.backup(), timestamp(), reason)

    def restore(self, data: bytes) -> Restored:
        """Replace all data with a backup's: checked first, an automatic backup of the current
        data kept, then everything in one transaction. People deleted everywhere since the backup
        was made are deleted again (core/store/people.py keeps their digests). Returns the rows
        restored per table and how many people were deleted again."""
        tables = {name: _typed(name, table) for name, table in backup.unpack(data).items()}
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
                if connection.dialect.name == "postgresql":
                    _reset_sequences(connection)
                erased_again = self.erase_again(connection, erased)
        except SQLAlchemyError as error:  # rows that break the schema's rules: nothing was changed
            raise MentorplanError("backup.damaged") from error
        return Restored(counts, erased_again)


def _typed(name: str, table: dict[str, list]) -> dict[str, list]:
    if name not in metadata.tables:
        raise MentorplanError("backup.unknown_table", table=name)
    schema_table = metadata.tables[name]
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


def _reset_sequences(connection) -> None:
    """After rows are inserted with their ids, PostgreSQL's counters must continue after them."""
    for table in metadata.sorted_tables:
        for column in table.primary_key.columns:
            if isinstance(column.type, Integer) and column.autoincrement in (True, "auto"):
                connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"))
