"""Shared fixtures: every test gets its own empty database, named through
MENTORPLAN_DATABASE_URL exactly as the app and the command line read it."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from streamlit.testing.v1 import AppTest

from core import services
from core.store import Store

ROOT = Path(__file__).resolve().parent.parent
# The day the whole suite takes as today (core.platform.clock), so that no test depends on the day it runs;
# tests about other days set their own (tests/test_any_day.py runs the overview over the year).
TODAY = dt.date(2026, 12, 1)

# Property tests are judged on what they find, not on how fast a shared machine runs them: no
# per-example deadline and no complaint about slow generation, which a busy minute would turn
# into a failure that says nothing about the code.
settings.register_profile("mentorplan", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("mentorplan")


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory):
    """Derived data (core/platform/cache.py) kept in the test run's own folder, not in the
    checkout's data/cache: what a test finds there is what this run built."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MENTORPLAN_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def database_url(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'mentorplan.db'}"
    monkeypatch.setenv("MENTORPLAN_TODAY", TODAY.isoformat())
    monkeypatch.setenv("MENTORPLAN_DATABASE_URL", url)
    monkeypatch.setenv("MENTORPLAN_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setenv("MENTORPLAN_BACKUP_KEY_FILE", str(tmp_path / "backup.key"))
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


@pytest.fixture
def database_refuses():
    """Make the database refuse a write, as a locked file, a full disk or a lost connection does:
    `database_refuses("people", error, after=n)` raises `error` at the (n+1)-th INSERT into the
    table, on every engine (the app's own too) until the test ends, and returns the list of those
    INSERTs as they come. It works below the store, through SQLAlchemy's public event API, so the
    store's own code runs unchanged up to the refusal."""
    from sqlalchemy import Engine, event

    listeners = []

    def refuse(table: str, error: BaseException, after: int = 0) -> list[str]:
        seen: list[str] = []

        def before_cursor_execute(connection, cursor, statement, parameters, context, executemany):
            if statement.lstrip().upper().startswith(f"INSERT INTO {table.upper()} "):
                seen.append(statement)
                if len(seen) > after:
                    raise error

        event.listen(Engine, "before_cursor_execute", before_cursor_execute)
        listeners.append(before_cursor_execute)
        return seen

    yield refuse
    for listener in listeners:
        event.remove(Engine, "before_cursor_execute", listener)


# The fast tier (`make check`) leaves out what starts the app, a process, a browser or a server.
_SLOW_FIXTURES = {"app", "postgres_server", "server"}
_SLOW_MODULES = ("test_cli_", "test_crash_safety", "test_any_day", "test_delivery")  # processes, SMTP servers


def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1]
        if (_SLOW_FIXTURES & set(item.fixturenames) or module.startswith(_SLOW_MODULES)
                or item.get_closest_marker("browser") or item.get_closest_marker("postgres")):
            item.add_marker(pytest.mark.slow)
