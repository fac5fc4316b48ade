"""Shared fixtures: every test gets its own empty database, named through
MENTORPLAN_DATABASE_URL exactly as the app and the command line read it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core import services
from core.store import Store

ROOT = Path(__file__).resolve().parent.parent
# The day the whole suite takes as today (core.platform.clock), so that no test depends on the day it runs;
# tests about other days set their own (tests/test_any_day.py runs the overview over the year).
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def database_url(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'mentorplan.db'}"
    monkeypatch.setenv("MENTORPLAN_TODAY", TODAY.isoformat())
    monkeypatch.setenv("MENTORPLAN_DATABASE_URL", url)
    monkeypatch.setenv("MENTORPLAN_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setenv("MENTORPLAN_LANG", "sv")
    return url


@pytest.fixture
def store(database_url) -> Store:
    the_store = Store(database_url)
    yield the_store
    the_store.close()


@pytest.fixture
def rulebook():
    return services.rulebook()


@pytest.fixture
def app():
    """An AppTest of the whole dashboard, opened on `page` in `lang` on the day `today`."""

    def open_app(page: str | None = None, lang: str = "sv", today: dt.date | None = None) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.session_state["lang"] = lang
        if today:
            at.session_state["today"] = today
        at.run()
        if page:
            at.switch_page(page)
            at.run()
        return at

    return open_app


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server started for this test session (tests/postgres.py)."""
    from tests import postgres
    if postgres.bindir() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs it (scripts/install_test_tools.sh)")
        pytest.skip("PostgreSQL is not installed here; `apt-get install postgresql` to run these tests")
    with postgres.server() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request, database_url):
    """The store on each database it supports: SQLite (the default) and PostgreSQL (a server)."""
    if request.param == "sqlite":
        the_store = Store(database_url)
        yield the_store
        the_store.close()
        return
    url = request.getfixturevalue("postgres_server")
    the_store = Store(url)
    yield the_store
    from core.store.schema import metadata
    with the_store.transaction() as connection:  # leave the shared server empty for the next test
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())
    the_store.close()
