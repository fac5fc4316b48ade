"""What is happening around a day: the events of this week and the coming weeks, the cohorts
that are running or being prepared, and the warnings ahead — for the home page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from core.calendar.programme import Cohort, Occurrence, Programme, distinct


@dataclass(frozen=True)
class CohortPhase:
    cohort: Cohort
    phase: str  # "preparing" (recruiting to kick-off), "running" (kick-off to closing)
    kickoff: dt.date
    closing: dt.date


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def upcoming(programme: Programme, today: dt.date, days: int) -> list[Occurrence]:
    """Events going on today or starting within `days`; long windows that merely continue are
    left out, unless they end within the span (a deadline coming up). An occurrence shared
    between cohorts is listed once."""
    last = today + dt.timedelta(days=days)
    found = []
    for o in distinct(programme.between(today, last)):
        starts_soon = today <= o.start <= last
        ongoing_short = o.start < today <= o.end and (o.end - o.start).days <= 6
        ends_soon = o.start < today and today <= o.end <= last
        if starts_soon or ongoing_short or ends_soon:
            found.append(o)
    return found


def phases(programme: Programme, today: dt.date) -> list[CohortPhase]:
    """Every cohort that is being prepared (from its first recruiting event: its mentor mingle, or
    an evening mingle of the other track that recruits for it) or running (to its closing)."""
    found = []
    for year in range(today.year - 1, today.year + 2):
        for track in programme.rulebook.tracks:
            cohort = Cohort(year, track)
            events = {o.id: o for o in programme.cohort(cohort)}
            first = min([o.start for o in events.values()]
                        + [o.start for o in programme.recruiting_events(cohort)])
            kickoff, closing = events["kickoff"].start, events["closing"].end
            if first <= today < kickoff:
                found.append(CohortPhase(cohort, "preparing", kickoff, closing))
            elif kickoff <= today <= closing:
                found.append(CohortPhase(cohort, "running", kickoff, closing))
    return sorted(found, key=lambda p: p.kickoff)


def warnings_ahead(programme: Programme, today: dt.date, days: int) -> list[Occurrence]:
    return [o for o in distinct(programme.between(today, today + dt.timedelta(days=days)))
            if o.warnings and o.end >= today]
