"""The calendar's stored part: the coordinator's settings and the occurrences they moved."""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from core.calendar.programme import Override, Settings
from core.store import schema
from core.store.base import StoreBase


class CalendarStore(StoreBase):
    def settings(self, defaults: Settings) -> Settings:
        """The stored settings, with the rulebook's defaults for what was never set."""
        with self.reading() as connection:
            stored = dict(connection.execute(select(schema.settings.c.key, schema.settings.c.value)).all())
        known = {k: v for k, v in stored.items() if k in Settings.__dataclass_fields__}
        return Settings(**{**defaults.__dict__, **known})

    def save_settings(self, settings: Settings) -> None:
        with self.transaction() as connection:
            for key, value in settings.__dict__.items():
                connection.execute(delete(schema.settings).where(schema.settings.c.key == key))
                connection.execute(insert(schema.settings).values(key=key, value=value))

    def overrides(self) -> list[Override]:
        table = schema.overrides
        with self.reading() as connection:
            rows = connection.execute(
                select(table.c.cohort_id, table.c.event_id, table.c.start, table.c.end, table.c.note)
                .order_by(table.c.cohort_id, table.c.start)).all()
        return [Override(*row) for row in rows]

    def save_override(self, override: Override) -> None:
        """Store a checked override (core.programme.check_override), replacing an earlier one."""
        table = schema.overrides
        with self.transaction() as connection:
            connection.execute(delete(table).where(table.c.cohort_id == override.cohort_id,
                                                   table.c.event_id == override.event_id))
            connection.execute(insert(table).values(
                cohort_id=override.cohort_id, event_id=override.event_id,
                start=override.start, end=override.end, note=override.note))

    def delete_override(self, cohort_id: str, event_id: str) -> bool:
        """Undo a move; True when there was one."""
        table = schema.overrides
        with self.transaction() as connection:
            result = connection.execute(delete(table).where(table.c.cohort_id == cohort_id,
                                                            table.c.event_id == event_id))
        return result.rowcount > 0
