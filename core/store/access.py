"""The store's part of logging in: failed password attempts, for the lock-out."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, insert, select

from core.store import schema
from core.store.base import StoreBase


class AccessStore(StoreBase):
    def record_login_failure(self, at: dt.datetime) -> None:
        with self.transaction() as connection:
            connection.execute(insert(schema.login_failures).values(at=at))

    def login_failures(self, since: dt.datetime) -> list[dt.datetime]:
        table = schema.login_failures
        with self.reading() as connection:
            return list(connection.execute(select(table.c.at).where(table.c.at >= since)).scalars())

    def clear_login_failures(self) -> None:
        with self.transaction() as connection:
            connection.execute(delete(schema.login_failures))
