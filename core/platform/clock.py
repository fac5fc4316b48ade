"""Today, as Mentorplan sees it: the computer's date, or the day MENTORPLAN_TODAY names
(YYYY-MM-DD) — for the tests, which must not depend on the day they run, and for a demo of how
the overview looks on another day. The app and every command ask here, never the system clock."""

from __future__ import annotations

import datetime as dt
import os

from core.platform.i18n import MentorplanError

TODAY_VARIABLE = "MENTORPLAN_TODAY"


def today() -> dt.date:
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise MentorplanError("error.bad_today", variable=TODAY_VARIABLE, value=value) from None
