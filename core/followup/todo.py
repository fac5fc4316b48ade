"""What the coordinator should do next, as data: a tuple of small checks, each looking at the
store and the calendar on a day and returning to-dos. The home page draws them and the command
line (`python -m core todo`) prints them, one line each, from the same list.

A check is `(store, programme, today) -> list[Todo]`; add one by appending it to CHECKS."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.calendar.agenda import warnings_ahead
from core.calendar.programme import CalendarWarning, Cohort, Occurrence, Programme
from core.calendar.schedule import cohort_label, describe_warning, event_name
from core.followup.attendance import attendance_events, own_people_expected
from core.followup.meetings import Pairs, followup_cohorts, meeting_states, meeting_windows, overdue, overdue_by_pair
from core.followup.three_party import bookings_from_frame, slots_from_frame
from core.messages.letters import CALL_EVENT, in_sentence, recruiting_mingles
from core.messages.sendlog import people_not_told, recipients
from core.platform.i18n import Shown, format_date, t

if TYPE_CHECKING:
    from core.store import Store

SEVERITIES = ("urgent", "warning", "info")
# The pages a to-do leads to, and the words of its link.
PAGES = {
    "participants": "views/participants.py",
    "matching": "views/matching.py",
    "messages": "views/messages.py",
    "followup": "views/followup.py",
    "three_party": "views/three_party.py",
    "schedule": "views/schedule.py",
}
MATCHING_SOON = dt.timedelta(days=3)  # a matching deadline this near is urgent
DECISIONS_AHEAD = dt.timedelta(days=14)  # decisions to be sent are named this long before
THREE_PARTY_AHEAD = dt.timedelta(days=30)  # booking starts this long before the window opens
THREE_PARTY_URGENT = dt.timedelta(days=14)  # and is urgent this near its end
ATTENDANCE_BEHIND = dt.timedelta(days=30)  # an event this far back still asks for its attendance
WARNINGS_AHEAD_DAYS = 120
MINGLE_KIND = "mingle"  # the evening mingles (rules.toml kind)
MINGLE_AHEAD = dt.timedelta(days=28)  # a mingle's invitations are asked for this long before
MINGLE_URGENT = dt.timedelta(days=7)  # and are urgent this near it
CALL_AHEAD = dt.timedelta(days=42)  # the call for mentors is asked for this long before the mingle


# -- Words that are filled in the reader's language ------------------------------------------

@dataclass(frozen=True)
class EventName:
    event_id: str

    def shown(self, lang: str) -> str:
        return event_name(self.event_id, lang)


@dataclass(frozen=True)
class EventInSentence:
    """An event's name inside a sentence: "mentorsmingel", not "Mentorsmingel"."""
    event_id: str

    def shown(self, lang: str) -> str:
        return in_sentence(event_name(self.event_id, lang))


@dataclass(frozen=True)
class WarningWords:
    warning: CalendarWarning

    def shown(self, lang: str) -> str:
        return describe_warning(self.warning, lang)


@dataclass(frozen=True)
class MeetingCounts:
    """{meeting number: pairs} as "parträff 1: 3, parträff 2: 5"."""
    counts: tuple[tuple[int, int], ...]

    def shown(self, lang: str) -> str:
        return ", ".join(t("todo.meeting_count", lang, number=n, count=c) for n, c in self.counts)


def _words(value: object, lang: str) -> object:
    if isinstance(value, Cohort):
        return cohort_label(value, lang)  # in words; the id is for links and machines
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, Shown):
        return value.shown(lang)
    return value


@dataclass(frozen=True)
class Todo:
    """One thing to do: what kind, how pressing (urgent, warning, info), its words (a label and
    what fills it), the page where it is done, and by when."""
    kind: str
    severity: str
    text_key: str
    params: Mapping[str, object] = field(default_factory=dict)
    page: str = PAGES["schedule"]
    due: dt.date | None = None
    cohort_id: str | None = None

    def shown(self, lang: str) -> str:
        return t(self.text_key, lang, **{name: _words(value, lang) for name, value in self.params.items()})

    def action(self, lang: str) -> str:
        """The link's words: what to do on the page."""
        return t(f"todo.action.{self.kind}", lang)

    def line(self, lang: str) -> str:
        """One plain line, for the command line and e-mail: "Brådskande: … (Matcha)"."""
        return f"{t(f'todo.severity.{self.severity}', lang)}: {self.shown(lang)} → {self.action(lang)}"


Check = Callable[["Store", Programme, dt.date], list[Todo]]


def _cohorts(programme: Programme, today: dt.date) -> list[Cohort]:
    """Every cohort that could have something to do around the day (each check narrows them)."""
    return [cohort for year in range(today.year - 2, today.year + 2) for track in programme.rulebook.tracks
            if (cohort := Cohort(year, track)).in_calendar]


def _events(programme: Programme, cohort: Cohort) -> dict[str, Occurrence]:
    return {o.id: o for o in programme.cohort(cohort)}


# -- The checks ---------------------------------------------------------------------------------

def unmatched_mentees(store: Store, programme: Programme, today: dt.date) -> list[Todo]:
    """From the matching window's start to the kick-off: a cohort with no mentees yet, with no
    accepted matching, or with mentees left without a mentor by the accepted matching. The
    deadline is the matching deadline (autumn) or the day the decisions are sent (spring, whose
    matching the manual gives only a month)."""
    found = []
    for cohort in _cohorts(programme, today):
        events = _events(programme, cohort)
        window, kickoff = events.get("matching_window"), events["kickoff"]
        deadline = (events.get("matching_deadline") or events["decisions_sent"]).start
        if window is None or not window.start <= today < kickoff.start:
            continue
        severity = "urgent" if deadline - today <= MATCHING_SOON else "warning"
        mentees = store.participants(cohort.id, "mentee")
        mentees = mentees[mentees["status"].isin(("applied", "matched"))]
        mentors = store.participants(cohort.id, "mentor")
        mentors = mentors[mentors["status"].isin(("applied", "matched"))]
        params = {"cohort": cohort, "deadline": deadline, "mentees": len(mentees), "mentors": len(mentors)}
        if mentees.empty:
            found.append(Todo("no_mentees", severity, "todo.no_mentees", params, PAGES["participants"], deadline,
                              cohort.id))
            continue
        pairs = store.accepted_pairs(cohort.id)
        if pairs.empty:
            found.append(Todo("not_matched", severity, "todo.not_matched", params, PAGES["matching"], deadline,
                              cohort.id))
            continue
        left = mentees[~mentees["person_id"].isin(pairs["mentee_person_id"].astype(int))]
        if len(left):
            found.append(Todo("unmatched_mentees", severity, "todo.unmatched_mentees",
                              {**params, "count": len(left)}, PAGES["matching"], deadline, cohort.id))
    return found


def decisions_approaching(store: Store, programme: Programme, today: dt.date) -> list[Todo]:
    """The decisions (besked) are to be sent within two weeks and the cohort has no accepted
    matching yet. Once it has one, decisions_not_sent says who is still to be told (and nothing
    when everyone is)."""
    found = []
    for cohort in _cohorts(programme, today):
        decisions = _events(programme, cohort)["decisions_sent"]
        if today <= decisions.start <= today + DECISIONS_AHEAD and store.accepted_pairs(cohort.id).empty:
            severity = "urgent" if decisions.start - today <= MATCHING_SOON else "info"
            found.append(Todo("decisions_due", severity, "todo.decisions_due",
                              {"cohort": cohort, "day": decisions.start, "days": (decisions.start - today).days},
                              PAGES["messages"], decisions.start, cohort.id))
    return found


def decisions_not_sent(store: Store, programme: Programme, today: dt.date) -> list[Todo]:
    """From two weeks before the decisions are due until the kick-off: people of a cohort with an
    accepted matching who have not been sent their decision yet (the send log, core.messages.letters)."""
    found = []
    for cohort in _cohorts(programme, today):
        events = _events(programme, cohort)
        due, kickoff = events["decisions_sent"].start, events["kickoff"].start
        if not due - DECISIONS_AHEAD <= today < kickoff or store.accepted_pairs(cohort.id).empty:
            continue
        untold = people_not_told(store, programme, cohort.id, "decision")
        if len(untold):
            severity = "urgent" if due - today <= MATCHING_SOON else "warning"
            total = len(recipients(store, programme, cohort.id, "decision"))
            found.append(Todo("decisions_unsent", severity, "todo.decisions_unsent",
                              {"cohort": cohort, "day": due, "count": len(untold), "total": total},
                              PAGES["messages"], due, cohort.id))
    return found


def pairs_overdue(store: Store, programme: Programme, today: dt.date) -> list[Todo]:
    """Pairs of a followed cohort with a pair meeting whose week is over and that is not logged."""
    found = []
    for cohort in followup_cohorts(programme, today):
        pairs = store.accepted_pairs(cohort.id)
        if pairs.empty:
            continue
        states = meeting_states(pairs, store.pair_meetings(cohort.id), meeting_windows(programme, cohort), today)
        late = overdue_by_pair(states)
        if late.empty:
            continue
        by_number = overdue(states).groupby("number").size()
        found.append(Todo("pairs_overdue", "warning", "todo.pairs_overdue",
                          {"cohort": cohort, "count": len(late), "total": len(pairs),
                           "meetings": MeetingCounts(tuple((int(n), int(c)) for n, c in by_number.items()))},
                          PAGES["followup"], None, cohort.id))
    return found


def three_party_unbooked(store: Store, programme: Programme, today: dt.date) -> list[Todo]:
    """From a month before the three-party window opens to its end: pairs without a booked
    conversation (and, before any, that no free times are set)."""
    found = []
    for cohort in followup_cohorts(programme, today):
        window = _events(programme, cohort)["three_party_window"]
        if not window.start - THREE_PARTY_AHEAD <= today <= window.end:
            continue
        pairs = store.accepted_pairs(cohort.id)
        if pairs.empty:
            continue
        keys = Pairs(pairs).keys
        booked = {b.pair for b in bookings_from_frame(store.three_party_bookings(cohort.id))} & keys
        if len(booked) == len(keys):
            continue
        if window.end - today <= THREE_PARTY_URGENT:
            severity = "urgent"
        else:
            severity = "warning" if today >= window.start else "info"
        has_slots = bool(len(store.three_party_slots(cohort.id)))
        found.append(Todo("three_party_unbooked", severity,
                          "todo.three_party_unbooked" if has_slots else "todo.three_party_no_slots",
                          {"cohort": cohort, "count": len(keys) - len(booked), "total": len(keys),
                           "start": window.start, "end": window.end},
                          PAGES["three_party"], window.end, cohort.id))
    return found


def three_party_unmarked(store: Store, programme: Programme, today: dt.date) -> list[Todo]:
    """Booked conversations whose day has passed and that are not marked held."""
    found = []
    for cohort in followup_cohorts(programme, today):
        keys = Pairs(store.accepted_pairs(cohort.id)).keys
        slots = {s.id: s for s in slots_from_frame(store.three_party_slots(cohort.id))}
        past = [b for b in bookings_from_frame(store.three_party_bookings(cohort.id))
                if b.pair in keys and not b.held and slots[b.slot_id].day < today]
        if past:
            found.append(Todo("three_party_unmarked", "info", "todo.three_party_unmarked",
                              {"cohort": cohort, "count": len(past)}, PAGES["three_party"], None, cohort.id))
    return found


def attendance_unrecorded(store: Store, programme: Programme, today: dt.date) -> list[Todo]:
    """An event of the last month (a training, the kick-off, the mid-programme meeting, the
    closing day) whose attendance is not recorded, when the cohort's own people were expected."""
    found = []
    for cohort in _cohorts(programme, today):
        for occurrence in attendance_events(programme, cohort):
            if not today - ATTENDANCE_BEHIND <= occurrence.start < today:
                continue
            if len(store.attendance(cohort.id, occurrence.id)):
                continue
            if not own_people_expected(store, cohort):
                continue  # only guests invited: the cohort itself is not in the register
            found.append(Todo("attendance_unrecorded", "info", "todo.attendance_unrecorded",
                              {"cohort": cohort, "event": EventName(occurrence.id), "day": occurrence.start},
                              PAGES["followup"], None, cohort.id))
    return found


def mingle_invitations(store: Store, programme: Programme, today: dt.date) -> list[Todo]:
    """From four weeks before an evening mingle to its day: guests of the mingle (the other
    track's pairs, prospective mentors) who have not been sent their invitation (the send log)."""
    found = []
    for cohort in _cohorts(programme, today):
        for occurrence in programme.cohort(cohort):
            if occurrence.event.kind != MINGLE_KIND or not occurrence.start - MINGLE_AHEAD <= today <= occurrence.start:
                continue
            untold = people_not_told(store, programme, cohort.id, "invitation", occurrence.id)
            if not len(untold):
                continue
            total = len(recipients(store, programme, cohort.id, "invitation", occurrence.id))
            severity = "urgent" if occurrence.start - today <= MINGLE_URGENT else "warning"
            found.append(Todo("mingle_invitations", severity, "todo.mingle_invitations",
                              {"cohort": cohort, "event": EventName(occurrence.id), "day": occurrence.start,
                               "count": len(untold), "total": total},
                              PAGES["messages"], occurrence.start, cohort.id))
    return found


def call_for_mentors(store: Store, programme: Programme, today: dt.date) -> list[Todo]:
    """From six weeks before a mingle where the manual recruits mentors for a start to its day:
    the call for mentors for that start, when none has been sent (core.messages.letters)."""
    found = []
    for cohort in _cohorts(programme, today):
        mingles = [o for o in recruiting_mingles(programme, cohort) if o.start - CALL_AHEAD <= today <= o.start]
        if not mingles or store.sent_to(cohort.id, "call", CALL_EVENT):
            continue
        mingle = mingles[0]
        severity = "urgent" if mingle.start - today <= MINGLE_URGENT else "warning"
        found.append(Todo("call_for_mentors", severity, "todo.call_for_mentors",
                          {"cohort": cohort, "event": EventInSentence(mingle.id), "day": mingle.start},
                          PAGES["messages"], mingle.start, cohort.id))
    return found


def holiday_warnings(store: Store, programme: Programme, today: dt.date) -> list[Todo]:
    """The calendar's warnings of the coming months: holidays, weekends, events meant to coincide."""
    return [Todo("calendar_warning", "warning", "todo.calendar_warning",
                 {"cohort": o.cohort, "event": EventName(o.id), "warning": WarningWords(w)},
                 PAGES["schedule"], o.start, o.cohort.id)
            for o in warnings_ahead(programme, today, WARNINGS_AHEAD_DAYS) for w in o.warnings]


CHECKS: tuple[Check, ...] = (
    unmatched_mentees,
    decisions_approaching,
    decisions_not_sent,
    pairs_overdue,
    three_party_unbooked,
    three_party_unmarked,
    attendance_unrecorded,
    mingle_invitations,
    call_for_mentors,
    holiday_warnings,
)


def todo_list(store: Store, programme: Programme, today: dt.date, checks: Sequence[Check] = CHECKS) -> list[Todo]:
    """Every check's to-dos, the most pressing first, then by when they are due."""
    found = [todo for check in checks for todo in check(store, programme, today)]
    far = dt.date.max
    return sorted(found, key=lambda todo: (SEVERITIES.index(todo.severity), todo.due or far, todo.cohort_id or ""))
