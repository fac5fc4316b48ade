"""What a page keeps between reruns (ui.context.memo) lasts only while nothing is written: the
store's version changes with every change — this store's, and another process's (a command, a
second app) through the change log — and a page rerun after a change shows it, while a rerun
without one works nothing out again."""

from __future__ import annotations

import datetime as dt

from core.calendar.programme import Override
from core.followup.meetings import MeetingRecord
from core.platform.i18n import t
from core.store import Store
from tests.followup_pairs import matched_cohort, pair_of
from tests.pages import clean, metrics

DAY = dt.date(2026, 11, 25)


def test_the_version_changes_with_every_write_here_or_elsewhere(store, database_url):
    before = store.version()
    assert store.version() == before  # reading changes nothing
    other = Store(database_url)  # another process's store on the same database
    try:
        other.save_override(Override("autumn-2027", "closing", dt.date(2028, 5, 24), dt.date(2028, 5, 24)))
    finally:
        other.close()
    after_other = store.version()
    assert after_other != before
    store.delete_override("autumn-2027", "closing")
    assert store.version() not in (before, after_other)


def test_a_rerun_shows_a_change_made_elsewhere_and_reuses_what_it_kept_otherwise(app, store, monkeypatch):
    ids = matched_cohort(store)
    at = clean(app("views/report.py", lang="en", today=DAY))
    held, begun = metrics(at)[t("report.metric_meetings", "en")].split(" / ")
    assert held == "0" and int(begun) > 0

    import core.followup.report as report
    calls = []
    real = report.cohort_report
    monkeypatch.setattr(report, "cohort_report", lambda *a, **k: calls.append(1) or real(*a, **k))
    at.run()  # nothing written: the report is not worked out again
    assert not calls and metrics(at)[t("report.metric_meetings", "en")] == f"0 / {begun}"

    store.save_pair_meetings("autumn-2026", [MeetingRecord(*pair_of(ids, "Bo Ek", "Gustav Holm"), 1,
                                                           dt.date(2026, 10, 2), "")])
    at.run()
    clean(at)
    assert calls and metrics(at)[t("report.metric_meetings", "en")] == f"1 / {begun}"
