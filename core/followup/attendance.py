"""Attendance at the programme's shared events (trainings, kick-off, mid-meeting, closing):
who is expected, who came, and a summary per event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

from core.calendar.programme import Cohort, Occurrence, Programme
from core.calendar.schedule import event_name
from core.messages.guests import guest_labels, invitees
from core.platform.i18n import MentorplanError, t

if TYPE_CHECKING:
    from core.store import Store

# Events whose attendance is taken: the trainings, the kick-off, the mid-programme meeting and the
# closing day (by kind, as data/rules.toml names them).
ATTENDANCE_KINDS = ("training", "kickoff", "mid_meeting", "closing")
ATTENDEE_COLUMNS = ("person_id", "name", "email", "role", "cohort_id", "own", "reasons", "label")


def attendance_events(programme: Programme, cohort: Cohort) -> list[Occurrence]:
    """The cohort's events whose attendance is taken, in order."""
    return sorted((o for o in programme.cohort(cohort) if o.event.kind in ATTENDANCE_KINDS),
                  key=lambda o: o.start)


def own_people_expected(store: Store, cohort: Cohort) -> bool:
    """Whether the cohort's own people are on its events' lists, asked without making the lists
    (the to-do list asks it every day): they are its accepted pairs, or, before a matching is
    accepted, the people marked matched — the members the guest lists take (History.members)."""
    if len(store.accepted_pairs(cohort.id)):
        return True
    return bool((store.participants(cohort.id)["status"] == "matched").any())


def expected_attendees(store: Store, programme: Programme, occurrence: Occurrence) -> pd.DataFrame:
    """The people expected at one of a cohort's events, the list attendance is taken from: the
    event's guest list (core.messages.guests: the cohort's own pairs as the event invites them, and the
    guests the manual names — former pairs at the trainings, the other track's mentors at the
    kick-off …). Columns: person_id, name, email, role, cohort_id (the cohort they come as part
    of), own (True for the event's own cohort), reasons, and label (the name, told apart from
    another guest's of the same name: core.messages.guests.guest_labels); the own cohort first,
    then by name.

    The one place that decides who is on an attendance list."""
    guests = invitees(store, programme, occurrence)  # the event's list as kept or chosen (issue 12)
    frame = pd.DataFrame([{"person_id": g.person_id, "name": g.name, "email": g.email, "role": g.role,
                           "cohort_id": g.cohort_id, "own": g.cohort_id == occurrence.cohort.id,
                           "reasons": g.reasons, "label": label}
                          for g, label in zip(guests, guest_labels(guests), strict=True)],
                         columns=list(ATTENDEE_COLUMNS))
    frame = frame.astype({"person_id": "int64", "own": bool})
    return frame.sort_values(["own", "role", "name", "label"], ascending=[False, True, True, True], key=_casefold,
                             kind="stable").reset_index(drop=True)


def _casefold(column: pd.Series) -> pd.Series:
    return column.str.casefold() if pd.api.types.is_string_dtype(column) else column


def attendance_frame(expected: pd.DataFrame, recorded: pd.DataFrame) -> pd.DataFrame:
    """The expected people with whether they came: True, False, or None when not recorded."""
    marks = dict(zip(recorded["person_id"].astype(int), recorded["attended"].astype(bool), strict=True))
    frame = expected.copy()
    frame["attended"] = [marks.get(int(p)) for p in frame["person_id"]]
    return frame


def check_attendance(programme: Programme, cohort: Cohort, event_id: str, marks: Mapping[int, bool],
                     expected: pd.DataFrame, today: dt.date) -> Occurrence:
    """Attendance may be taken for an attendance event of the cohort that has begun, of people on
    its list; MentorplanError otherwise."""
    occurrence = programme.occurrence(cohort, event_id)
    if occurrence.event.kind not in ATTENDANCE_KINDS:
        raise MentorplanError("followup.attendance.not_an_event", event=event_id)
    if occurrence.start > today:
        raise MentorplanError("followup.attendance.future", day=occurrence.start.isoformat())
    listed = set(expected["person_id"].astype(int))
    strangers = [p for p in marks if int(p) not in listed]
    if strangers:
        raise MentorplanError("followup.attendance.not_expected", count=len(strangers))
    return occurrence


def record_attendance(store: Store, programme: Programme, cohort: Cohort, event_id: str, marks: Mapping[int, bool],
                      today: dt.date) -> int:
    """Check and store who came to an event, for everyone on its list at once (one transaction)."""
    occurrence = programme.occurrence(cohort, event_id)
    expected = expected_attendees(store, programme, occurrence)
    check_attendance(programme, cohort, event_id, marks, expected, today)
    return store.save_attendance(cohort.id, event_id, {int(p): bool(v) for p, v in marks.items()})


def attendance_summary(store: Store, programme: Programme, cohort: Cohort, today: dt.date) -> pd.DataFrame:
    """Per attendance event of the cohort: its day, the own cohort's people expected, how many of
    them came, did not, or are not recorded, and how many guests came."""
    rows = []
    for occurrence in attendance_events(programme, cohort):
        marked = attendance_frame(expected_attendees(store, programme, occurrence),
                                  store.attendance(cohort.id, occurrence.id))
        state = marked["attended"].map(lambda came: "unrecorded" if came is None else ("came" if came else "absent"))
        own = state[marked["own"]].value_counts()
        rows.append({
            "event_id": occurrence.id, "day": occurrence.start, "expected": int(marked["own"].sum()),
            "came": int(own.get("came", 0)), "absent": int(own.get("absent", 0)),
            # An event to come is not "not recorded": its attendance is simply not due.
            "unrecorded": int(own.get("unrecorded", 0)) if occurrence.start <= today else None,
            "guests_came": int((state[~marked["own"]] == "came").sum()),
            "past": occurrence.start <= today,
        })
    frame = pd.DataFrame(rows, columns=["event_id", "day", "expected", "came", "absent", "unrecorded", "guests_came",
                                        "past"])
    return frame.astype({"unrecorded": "Int64"})


def attendance_summary_frame(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The attendance summary with headings and event names in the coordinator's language."""
    return pd.DataFrame({
        t("followup.attendance.col_event", lang): [event_name(e, lang) for e in summary["event_id"]],
        t("followup.attendance.col_day", lang): summary["day"],
        t("followup.attendance.col_expected", lang): summary["expected"],
        t("followup.attendance.col_came", lang): summary["came"],
        t("followup.attendance.col_absent", lang): summary["absent"],
        t("followup.attendance.col_unrecorded", lang): [None if pd.isna(n) else int(n) for n in summary["unrecorded"]],
        t("followup.attendance.col_guests_came", lang): summary["guests_came"],
    })
