"""Alembic's environment for the store's revisions (core/store/migrations/versions/).

Run two ways:
- by the store as it opens (core/store/migrations/__init__.py): the connection, inside the
  transaction that holds the write lock, comes in `config.attributes["connection"]`;
- by a developer's `alembic` command (alembic.ini at the project root, docs/migrations.md): on
  the database `-x url=…` names, else on a scratch SQLite file in the system's temporary folder,
  never on the coordinator's data by accident (the app upgrades that itself, after a backup).

`render_as_batch` makes `alembic revision --autogenerate` write changes to a table as batch
operations, which SQLite needs to alter one (it copies the table); PostgreSQL alters in place."""

from __future__ import annotations

import logging.config
import tempfile
from pathlib import Path

from alembic import context
from sqlalchemy import Connection

from core.store import make_engine
from core.store.migrations import migrating
from core.store.schema import metadata

SCRATCH_URL = f"sqlite:///{Path(tempfile.gettempdir()) / 'mentorplan-migrations.db'}"


def run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():  # inside the caller's transaction: committed by it, whole
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    if context.config.config_file_name is not None:  # alembic.ini's logging: what runs, on stderr
        logging.config.fileConfig(context.config.config_file_name, disable_existing_loggers=False)
    url = context.get_x_argument(as_dictionary=True).get("url") or SCRATCH_URL
    if context.is_offline_mode():  # `alembic upgrade --sql`: the SQL, written out, not run
        context.configure(url=url, target_metadata=metadata, literal_binds=True, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(url)
    try:
        with migrating(engine) as connection:
            run(connection)
    finally:
        engine.dispose()


main()
