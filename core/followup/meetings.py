"""Following a cohort's pairs between kick-off and closing: the pair meetings and their week
windows, which meetings are held, due or overdue, marking many held at once, the check-in sheet,
and attendance at the cohort's events. Pure Python over the store's frames; the store keeps what
is recorded (core.store.followup).

A pair is (cohort, mentor, mentee) as the cohort's accepted matching names it. A record for a pair
that is no longer among the accepted pairs (a new matching was accepted) is refused when written
and left out when read.

The overdue rule: a pair meeting is overdue from the day after its week's last day (Monday, for
a Monday–Sunday week) when no meeting with that number is logged for the pair. A meeting logged
with any day of the programme counts, early or late."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from core.calendar.programme import Cohort, Programme
from core.platform.i18n import MentorplanError, t
from core.platform.names import side_labels, with_person_labels

if TYPE_CHECKING:
    from core.store import Store

MEETING_KIND = "pair_meeting"
STATUSES = ("held", "due", "overdue", "upcoming")
MAX_NOTE = 300
PAIR = ["mentor_person_id", "mentee_person_id"]
MEETING_COLUMNS = ("mentor_person_id", "mentee_person_id", "number", "held_on", "note")


# -- The calendar of follow-up --------------------------------------------------------------------

@dataclass(frozen=True)
class MeetingWindow:
    """Pair meeting `number` and the days it is meant for (a Monday–Sunday week by the rules)."""
    number: int
    event_id: str
    start: dt.date
    end: dt.date

    def status(self, held_on: dt.date | None, today: dt.date) -> str:
        if held_on is not None:
            return "held"
        if today > self.end:
            return "overdue"
        return "due" if today >= self.start else "upcoming"


def meeting_windows(programme: Programme, cohort: Cohort) -> list[MeetingWindow]:
    """The cohort's pair meetings in order, numbered from their event ids (pair_meeting_1…)."""
    windows = [MeetingWindow(int(o.id.rsplit("_", 1)[1]), o.id, o.start, o.end)
               for o in programme.cohort(cohort) if o.event.kind == MEETING_KIND]
    return sorted(windows, key=lambda w: w.number)


def followup_span(programme: Programme, cohort: Cohort) -> tuple[dt.date, dt.date]:
    """The days a pair can meet: from the kick-off, where the pairs are presented, to the cohort's
    last day (the end of the three-party window)."""
    occurrences = programme.cohort(cohort)
    kickoff = next(o for o in occurrences if o.id == "kickoff")
    return kickoff.start, max(o.end for o in occurrences)


def followup_cohorts(programme: Programme, today: dt.date) -> list[Cohort]:
    """The cohorts whose pairs are followed today (their follow-up span holds it), oldest first."""
    found = []
    for year in range(today.year - 2, today.year + 2):
        for track in programme.rulebook.tracks:
            cohort = Cohort(year, track)
            first, last = followup_span(programme, cohort)
            if first <= today <= last:
                found.append(cohort)
    return sorted(found, key=lambda c: followup_span(programme, c)[0])


def last_working_day(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def default_meeting_date(window: MeetingWindow, today: dt.date) -> dt.date:
    """The day given to a meeting ticked without a day: today while its week runs (or before it),
    the week's last working day once the week is over."""
    return min(today, last_working_day(window.end))


# -- Pairs ------------------------------------------------------------------------------------

def pair_label(mentor: str, mentee: str) -> str:
    return f"{mentor} – {mentee}"


def pair_labels(frame: pd.DataFrame) -> list[str]:
    """Each pair of a frame of pairs as "Mentor – Adept", each side told apart from people of the
    same name by organisation or e-mail (core.platform.names)."""
    sides = side_labels(frame)
    return [pair_label(a, b) for a, b in zip(sides["mentor"], sides["mentee"], strict=True)]


@dataclass(frozen=True)
class Pairs:
    """A cohort's accepted pairs (store.accepted_pairs), looked up by ids and by e-mail. People
    are named by their labels (core.platform.names): two of one name read apart."""
    frame: pd.DataFrame

    @property
    def keys(self) -> set[tuple[int, int]]:
        return {(int(a), int(b)) for a, b in zip(self.frame["mentor_person_id"], self.frame["mentee_person_id"],
                                                 strict=True)}

    def __len__(self) -> int:
        return len(self.frame)

    def __contains__(self, pair: tuple[int, int]) -> bool:
        return (int(pair[0]), int(pair[1])) in self.keys

    @cached_property
    def _sides(self) -> dict[str, list[str]]:
        return side_labels(self.frame)

    @cached_property
    def _labels(self) -> dict[tuple[int, int], str]:
        return {(int(a), int(b)): pair_label(mentor, mentee) for a, b, mentor, mentee in zip(
            self.frame["mentor_person_id"], self.frame["mentee_person_id"], self._sides["mentor"],
            self._sides["mentee"], strict=True)}

    def label(self, pair: tuple[int, int]) -> str:
        return self._labels.get((int(pair[0]), int(pair[1])), f"#{pair[0]} – #{pair[1]}")

    def labels(self) -> dict[tuple[int, int], str]:
        """Each pair's words, "Mentor – Adept"."""
        return dict(self._labels)

    def people(self) -> dict[int, str]:
        """Every person of the pairs by id, with their label."""
        found = dict(zip(self.frame["mentor_person_id"].astype(int), self._sides["mentor"], strict=True))
        found.update(zip(self.frame["mentee_person_id"].astype(int), self._sides["mentee"], strict=True))
        return found

    def with_emails(self, mentor_email: str, mentee_email: str) -> pd.DataFrame:
        frame = self.frame
        chosen = pd.Series(True, index=frame.index)
        if mentor_email:
            chosen &= frame["mentor_email"].str.lower() == mentor_email
        if mentee_email:
            chosen &= frame["mentee_email"].str.lower() == mentee_email
        return frame[chosen]


# -- Meetings: their state ----------------------------------------------------------------------

def windows_frame(windows: Sequence[MeetingWindow]) -> pd.DataFrame:
    return pd.DataFrame([{"number": w.number, "start": w.start, "end": w.end} for w in windows],
                        columns=["number", "start", "end"])


def meeting_states(pairs: pd.DataFrame, meetings: pd.DataFrame, windows: Sequence[MeetingWindow],
                   today: dt.date) -> pd.DataFrame:
    """One row per pair and meeting: the pair's ids, names and labels (core.platform.names: two
    people of one name read apart), the meeting's number and week, the day it was held and its
    note (if logged), and its status — held, due (its week runs), overdue (its week is over) or
    upcoming. Meetings logged for pairs that are not in `pairs` are left out."""
    columns = ["mentor_person_id", "mentee_person_id", "mentor_name", "mentee_name", "mentor_label", "mentee_label",
               "number", "start", "end", "held_on", "note", "status"]
    if pairs.empty or not windows:
        return pd.DataFrame(columns=columns)
    grid = with_person_labels(pairs)[PAIR + ["mentor_name", "mentee_name", "mentor_label", "mentee_label"]]
    grid = grid.astype({k: "int64" for k in PAIR})
    grid = grid.merge(windows_frame(windows), how="cross")
    logged = meetings[list(MEETING_COLUMNS)].astype({"mentor_person_id": "int64", "mentee_person_id": "int64",
                                                     "number": "int64"})
    grid = grid.merge(logged, on=PAIR + ["number"], how="left")
    held = grid["held_on"].notna()
    grid["held_on"] = grid["held_on"].where(held, None)
    grid["note"] = grid["note"].where(held, "").fillna("")
    grid["status"] = np.select([held, grid["end"] < today, grid["start"] <= today],
                               ["held", "overdue", "due"], "upcoming")
    return grid[columns].sort_values(["mentor_label", "mentee_label", "number"], kind="stable").reset_index(drop=True)


def overdue(states: pd.DataFrame) -> pd.DataFrame:
    return states[states["status"] == "overdue"]


def overdue_by_pair(states: pd.DataFrame) -> pd.DataFrame:
    """The pairs with an overdue meeting, each with the numbers of those meetings."""
    late = overdue(states)
    grouped = late.groupby(PAIR + ["mentor_name", "mentee_name", "mentor_label", "mentee_label"],
                           sort=False)["number"].agg(list)
    return grouped.rename("overdue").reset_index()


def stale_meetings(meetings: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """Meetings logged for pairs that are no longer among the accepted pairs."""
    if meetings.empty:
        return meetings
    known = pairs[PAIR].astype("int64").assign(_known=True)
    merged = meetings.astype({k: "int64" for k in PAIR}).merge(known, on=PAIR, how="left")
    return meetings[merged["_known"].isna().to_numpy()]


# -- Meetings: marking held ---------------------------------------------------------------------

@dataclass(frozen=True)
class MeetingRecord:
    """Pair meeting `number` held on `held_on` (with an optional short note)."""
    mentor_id: int
    mentee_id: int
    number: int
    held_on: dt.date
    note: str = ""
    label: str = field(default="", compare=False)  # the pair, for messages

    @property
    def pair(self) -> tuple[int, int]:
        return self.mentor_id, self.mentee_id


@dataclass(frozen=True)
class MeetingRemoval:
    """A meeting marked held by mistake, to be unmarked."""
    mentor_id: int
    mentee_id: int
    number: int
    label: str = field(default="", compare=False)

    @property
    def pair(self) -> tuple[int, int]:
        return self.mentor_id, self.mentee_id


def check_meeting_day(held_on: object, span: tuple[dt.date, dt.date], today: dt.date, label: str,
                      number: int) -> dt.date:
    """The day a meeting was held, or MentorplanError: it must be a day of the programme, and not
    after today."""
    if not isinstance(held_on, dt.date):
        raise MentorplanError("followup.error.no_date", pair=label, number=number)
    if isinstance(held_on, dt.datetime):
        held_on = held_on.date()
    first, last = span
    if not first <= held_on <= last:
        raise MentorplanError("followup.error.date_outside", pair=label, number=number, day=held_on.isoformat(),
                              first=first.isoformat(), last=last.isoformat())
    if held_on > today:
        raise MentorplanError("followup.error.date_future", pair=label, number=number, day=held_on.isoformat())
    return held_on


def check_meetings(records: Iterable[MeetingRecord], removals: Iterable[MeetingRemoval], pairs: Pairs,
                   windows: Sequence[MeetingWindow], span: tuple[dt.date, dt.date], today: dt.date) -> None:
    """Everything to be written, checked before anything is: MentorplanError for the first problem."""
    numbers = {w.number for w in windows}
    known = pairs.keys
    changes: list[MeetingRecord | MeetingRemoval] = [*records, *removals]
    for change in changes:
        label = change.label or pairs.label(change.pair)
        if change.pair not in known:
            raise MentorplanError("followup.error.no_pair", pair=label)
        if change.number not in numbers:
            raise MentorplanError("followup.error.bad_number", pair=label, number=change.number,
                                  last=max(numbers, default=0))
        if isinstance(change, MeetingRecord):
            check_meeting_day(change.held_on, span, today, label, change.number)
            if len(change.note) > MAX_NOTE:
                raise MentorplanError("followup.error.note_too_long", pair=label, number=change.number,
                                      limit=MAX_NOTE)


def record_meetings(store: Store, programme: Programme, cohort: Cohort, records: Sequence[MeetingRecord],
                    removals: Sequence[MeetingRemoval], today: dt.date) -> dict[str, int]:
    """Check and store meetings marked held and unmarked, all in one transaction; a problem
    stores nothing. Returns {"saved": n, "removed": m}."""
    pairs = Pairs(store.accepted_pairs(cohort.id))
    check_meetings(records, removals, pairs, meeting_windows(programme, cohort), followup_span(programme, cohort),
                   today)
    return store.save_pair_meetings(cohort.id, records, removals)


def editor_frame(states: pd.DataFrame, number: int) -> pd.DataFrame:
    """The rows of the quick editor for one meeting: each pair, whether it is held, on which day,
    the note, and the meeting's status (the editor shows the pair's labels)."""
    rows = states[states["number"] == number]
    frame = rows[PAIR + ["mentor_name", "mentee_name", "mentor_label", "mentee_label", "status", "held_on",
                         "note"]].copy()
    frame.insert(6, "held", rows["status"].eq("held").to_numpy())
    return frame.reset_index(drop=True)


def editor_changes(before: pd.DataFrame, after: pd.DataFrame, number: int, default_day: dt.date
                   ) -> tuple[list[MeetingRecord], list[MeetingRemoval]]:
    """What the coordinator changed in the quick editor. A ticked row, or a row given a new day,
    is held (on its day, or `default_day` if it has none); an unticked row that was held is
    unmarked; a changed day or note of a held row is saved."""
    records, removals = [], []
    for old, new in zip(before.itertuples(index=False), after.itertuples(index=False), strict=True):
        label = pair_label(old.mentor_label, old.mentee_label)
        old_day, new_day = _day(old.held_on), _day(new.held_on)
        note = _note(new.note)
        held = bool(new.held) or (new_day is not None and new_day != old_day)
        if held:
            day = new_day or default_day
            if not old.held or day != old_day or note != _note(old.note):
                records.append(MeetingRecord(int(old.mentor_person_id), int(old.mentee_person_id), number, day,
                                             note, label))
        elif old.held:
            removals.append(MeetingRemoval(int(old.mentor_person_id), int(old.mentee_person_id), number, label))
    return records, removals


def _day(value: object) -> dt.date | None:
    """A day from the editor: a date, a timestamp, or the ISO text the editor returns for a
    column that held no dates yet."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _note(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).split())


def overview_frame(states: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The pairs as rows and the meetings as columns, each cell saying held (with its day),
    due, overdue or upcoming, in the coordinator's language."""
    if states.empty:
        return pd.DataFrame(columns=[t("followup.col.pair", lang)])
    marks = {"held": "✓", "due": "…", "overdue": "⚠", "upcoming": ""}
    cell = states["status"].map(marks) + states["held_on"].map(
        lambda day: f" {day.isoformat()}" if isinstance(day, dt.date) else "")
    cell = np.where(states["status"].isin(["due", "overdue"]),
                    cell + " " + states["status"].map(lambda s: t(f"followup.status.{s}", lang)), cell)
    wide = states.assign(cell=cell, pair=[pair_label(a, b) for a, b in zip(states["mentor_label"],
                                                                               states["mentee_label"], strict=True)])
    table = wide.pivot_table(index=PAIR + ["pair"], columns="number", values="cell", aggfunc="first", sort=False)
    table.columns = [t("followup.col.meeting_n", lang, number=n) for n in table.columns]
    held = wide.assign(h=wide["status"].eq("held")).groupby(PAIR, sort=False)["h"].sum()
    table = table.reset_index().drop(columns=PAIR).rename(columns={"pair": t("followup.col.pair", lang)})
    table[t("followup.col.held_count", lang)] = held.to_numpy()
    return table
