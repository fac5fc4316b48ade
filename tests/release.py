"""The release of 2026-12-01's database, built for the tests from its SQL text
(tests/data/release-2026-12-01.sql, `sqlite3 .dump` of what that release wrote: its tables, no
`alembic_version`, the fictional example programme of 1 December 2026). The repository holds no
database file; each test process builds this one once, and tests copy it before opening it."""

from __future__ import annotations

import sqlite3
import tempfile
from functools import cache
from pathlib import Path

SQL = Path(__file__).resolve().parent / "data" / "release-2026-12-01.sql"


@cache
def release_database() -> Path:
    """The database file, made once per process in a folder of its own (never written to by a test)."""
    path = Path(tempfile.mkdtemp(prefix="mentorplan-release-")) / "release-2026-12-01.db"
    connection = sqlite3.connect(path)
    try:
        connection.executescript(SQL.read_text(encoding="utf-8"))
        connection.commit()
    finally:
        connection.close()
    return path
