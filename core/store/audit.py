"""The change log: every insert, update and delete on a table of the store leaves one line —
which table, what kind of change, how many rows, when — written on the same connection inside the
same transaction, so a change that is rolled back leaves no line. Nothing personal is logged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Alias,
    Connection,
    CursorResult,
    Delete,
    Engine,
    Executable,
    Insert,
    TableClause,
    Update,
    event,
    func,
    insert,
    select,
)

from core.store import schema
from core.store.base import StoreBase, frame
from core.store.schema import timestamp

if TYPE_CHECKING:
    import pandas as pd

_SKIPPED = {schema.change_log.name, schema.login_failures.name}


def _after_execute(connection: Connection, statement: Executable, multiparams: Sequence[Any],
                   params: Mapping[str, Any], execution_options: Mapping[str, Any],
                   result: CursorResult[Any]) -> None:
    if not isinstance(statement, (Insert, Update, Delete)):
        return
    target = statement.table  # a table, or (typed, never used here) an alias or a join
    table = target.name if isinstance(target, (TableClause, Alias)) else str(target)
    if table in _SKIPPED:
        return
    rows = result.rowcount if result.rowcount is not None and result.rowcount >= 0 else len(multiparams) or 1
    if rows == 0:
        return
    action = {Insert: "insert", Update: "update", Delete: "delete"}[type(statement)]
    connection.execute(insert(schema.change_log).values(
        at=timestamp(), table_name=table, action=action, rows=rows))


def watch(engine: Engine) -> None:
    event.listen(engine, "after_execute", _after_execute)


class AuditStore(StoreBase):
    def change_log(self, limit: int = 500) -> pd.DataFrame:
        """The latest changes first: at, table_name, action, rows."""
        log = schema.change_log
        with self.reading() as connection:
            rows = connection.execute(select(log.c.at, log.c.table_name, log.c.action, log.c.rows)
                                      .order_by(log.c.id.desc()).limit(limit)).mappings().all()
        return frame(rows, ["at", "table_name", "action", "rows"])

    def version(self) -> tuple[int, int]:
        """What a reader may cache its results by: it changes with every change to the data —
        this store's transactions (counted, so a restore that brings back an older change log is
        seen too) and any other process's (the change log's newest line)."""
        with self.reading() as connection:
            newest = connection.execute(select(func.max(schema.change_log.c.id))).scalar()
        return self.writes, int(newest or 0)

    def change_count(self) -> int:
        with self.reading() as connection:
            return connection.execute(select(func.count()).select_from(schema.change_log)).scalar_one()
