"""The calendar's stored part: settings and overrides survive a restart and can be undone."""

import datetime as dt

from core import services
from core.calendar.programme import Cohort, Override, Settings
from core.store import Store


def test_settings_default_to_the_rulebook_and_are_kept(store, rulebook, database_url):
    assert store.settings(rulebook.defaults) == Settings("iso", "weekday")
    store.save_settings(Settings("full", "date"))
    assert Store(database_url).settings(rulebook.defaults) == Settings("full", "date")


def test_an_override_is_kept_replaced_and_undone(store, database_url):
    day = dt.date(2028, 5, 24)
    first = Override("autumn-2027", "closing", day, day, "Kristi himmelsfärd")
    store.save_override(first)
    store.save_override(Override("autumn-2027", "closing", dt.date(2028, 5, 23), dt.date(2028, 5, 23)))
    restarted = Store(database_url)
    assert [(o.event_id, o.start) for o in restarted.overrides()] == [("closing", dt.date(2028, 5, 23))]
    programme = services.programme(restarted)
    assert programme.occurrence(Cohort(2027, "autumn"), "closing").start == dt.date(2028, 5, 23)
    assert restarted.delete_override("autumn-2027", "closing") is True
    assert restarted.delete_override("autumn-2027", "closing") is False
    closing = services.programme(restarted).occurrence(Cohort(2027, "autumn"), "closing")
    assert closing.start == dt.date(2028, 5, 25)


def test_the_database_runs_in_wal_mode(store):
    with store.reading() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
