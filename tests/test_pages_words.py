"""Words for people on the pages (issue 14, points 4–5): the schedule's rules and warnings read
whole; Streamlit's own English replaced where Streamlit lets it be."""

import datetime as dt
import json

import pytest

from core import services
from core.calendar.programme import Cohort, Programme
from core.calendar.schedule import describe_rule, describe_warning
from core.platform.i18n import t
from tests.pages import clean

DAY = dt.date(2026, 11, 28)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_schedule_shows_rules_and_warnings_whole(app, lang):
    at = clean(app("views/schedule.py", lang=lang, today=DAY))
    programme = Programme(services.rulebook())
    occurrences = programme.cohort(Cohort(2026, "autumn"))
    warned = [o for o in occurrences if o.warnings]
    assert warned  # the autumn start of 2026 has holidays in its weeks
    shown = [w.value for w in at.warning]
    for o in warned:  # every warning in full, not "veckan inne…"
        for warning in o.warnings:
            assert describe_warning(warning, lang) in shown
    texts = [m.value for m in at.markdown]
    assert any(describe_rule(warned[0], lang) in text for text in texts)
    config = json.loads(at.dataframe[0].proto.columns)
    assert config[t("schedule.warnings", lang)]["width"] == "large"
    assert config[t("schedule.rule", lang)]["width"] == "large"
    assert t("schedule.detail_hint", lang) in [c.value for c in at.caption]
