"""Shared fixtures: every test gets its own empty database, named through
MENTORPLAN_DATABASE_URL exactly as the app and the command line read it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core import services
from core.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def database_url(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'mentorplan.db'}"
    monkeypatch.setenv("MENTORPLAN_DATABASE_URL", url)
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
