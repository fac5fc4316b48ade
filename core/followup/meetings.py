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
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from core.calendar.programme import Cohort, Occurrence, Programme
from core.calendar.schedule import event_name
from core.messages.guests import guest_list, load_history
from core.people.cleaning import clean_email, valid_email
from core.people.columns import header_key
from core.people.reading import Sheet, excel_date, read_upload
from core.platform.files import to_xlsx
from core.platform.i18n import MentorplanError, t

MEETING_KIND = "pair_meeting"
# Events whose attendance is taken: the trainings, the kick-off, the mid-programme meeting and the
# closing day (by kind, as data/rules.toml names them).
ATTENDANCE_KINDS = ("training", "kickoff", "mid_meeting", "closing")
STATUSES = ("held", "due", "overdue", "upcoming")
MAX_NOTE = 300
PAIR = ["mentor_person_id", "mentee_person_id"]
MEETING_COLUMNS = ("mentor_person_id", "mentee_person_id", "number", "held_on", "note")
ATTENDEE_COLUMNS = ("person_id", "name", "email", "role", "cohort_id", "own", "reasons")


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


@dataclass(frozen=True)
class Pairs:
    """A cohort's accepted pairs (store.accepted_pairs), looked up by ids and by e-mail."""
    frame: pd.DataFrame

    @property
    def keys(self) -> set[tuple[int, int]]:
        return {(int(a), int(b)) for a, b in zip(self.frame["mentor_person_id"], self.frame["mentee_person_id"],
                                                 strict=True)}

    def __len__(self) -> int:
        return len(self.frame)

    def __contains__(self, pair: tuple[int, int]) -> bool:
        return (int(pair[0]), int(pair[1])) in self.keys

    def label(self, pair: tuple[int, int]) -> str:
        rows = self.frame[(self.frame["mentor_person_id"] == pair[0]) & (self.frame["mentee_person_id"] == pair[1])]
        if rows.empty:
            return f"#{pair[0]} – #{pair[1]}"
        return pair_label(rows["mentor_name"].iloc[0], rows["mentee_name"].iloc[0])

    def labels(self) -> dict[tuple[int, int], str]:
        return {(int(r.mentor_person_id), int(r.mentee_person_id)): pair_label(r.mentor_name, r.mentee_name)
                for r in self.frame.itertuples(index=False)}

    def people(self) -> dict[int, str]:
        """Every person of the pairs by id, with their name."""
        found = dict(zip(self.frame["mentor_person_id"].astype(int), self.frame["mentor_name"], strict=True))
        found.update(zip(self.frame["mentee_person_id"].astype(int), self.frame["mentee_name"], strict=True))
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
    """One row per pair and meeting: the pair's ids and names, the meeting's number and week, the
    day it was held and its note (if logged), and its status — held, due (its week runs),
    overdue (its week is over) or upcoming. Meetings logged for pairs that are not in `pairs`
    are left out."""
    columns = ["mentor_person_id", "mentee_person_id", "mentor_name", "mentee_name", "number", "start", "end",
               "held_on", "note", "status"]
    if pairs.empty or not windows:
        return pd.DataFrame(columns=columns)
    grid = pairs[PAIR + ["mentor_name", "mentee_name"]].astype({k: "int64" for k in PAIR})
    grid = grid.merge(windows_frame(windows), how="cross")
    logged = meetings[list(MEETING_COLUMNS)].astype({"mentor_person_id": "int64", "mentee_person_id": "int64",
                                                     "number": "int64"})
    grid = grid.merge(logged, on=PAIR + ["number"], how="left")
    held = grid["held_on"].notna()
    grid["held_on"] = grid["held_on"].where(held, None)
    grid["note"] = grid["note"].where(held, "").fillna("")
    grid["status"] = np.select([held, grid["end"] < today, grid["start"] <= today],
                               ["held", "overdue", "due"], "upcoming")
    return grid[columns].sort_values(["mentor_name", "mentee_name", "number"], kind="stable").reset_index(drop=True)


def overdue(states: pd.DataFrame) -> pd.DataFrame:
    return states[states["status"] == "overdue"]


def overdue_by_pair(states: pd.DataFrame) -> pd.DataFrame:
    """The pairs with an overdue meeting, each with the numbers of those meetings."""
    late = overdue(states)
    grouped = late.groupby(PAIR + ["mentor_name", "mentee_name"], sort=False)["number"].agg(list)
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
    for change in [*records, *removals]:
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


def record_meetings(store, programme: Programme, cohort: Cohort, records: Sequence[MeetingRecord],
                    removals: Sequence[MeetingRemoval], today: dt.date) -> dict[str, int]:
    """Check and store meetings marked held and unmarked, all in one transaction; a problem
    stores nothing. Returns {"saved": n, "removed": m}."""
    pairs = Pairs(store.accepted_pairs(cohort.id))
    check_meetings(records, removals, pairs, meeting_windows(programme, cohort), followup_span(programme, cohort),
                   today)
    return store.save_pair_meetings(cohort.id, records, removals)


def editor_frame(states: pd.DataFrame, number: int) -> pd.DataFrame:
    """The rows of the quick editor for one meeting: each pair, whether it is held, on which day,
    the note, and the meeting's status."""
    rows = states[states["number"] == number]
    frame = rows[PAIR + ["mentor_name", "mentee_name", "status", "held_on", "note"]].copy()
    frame.insert(4, "held", rows["status"].eq("held").to_numpy())
    return frame.reset_index(drop=True)


def editor_changes(before: pd.DataFrame, after: pd.DataFrame, number: int, default_day: dt.date
                   ) -> tuple[list[MeetingRecord], list[MeetingRemoval]]:
    """What the coordinator changed in the quick editor. A ticked row, or a row given a new day,
    is held (on its day, or `default_day` if it has none); an unticked row that was held is
    unmarked; a changed day or note of a held row is saved."""
    records, removals = [], []
    for old, new in zip(before.itertuples(index=False), after.itertuples(index=False), strict=True):
        label = pair_label(old.mentor_name, old.mentee_name)
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
    wide = states.assign(cell=cell, pair=[pair_label(a, b) for a, b in zip(states["mentor_name"],
                                                                               states["mentee_name"], strict=True)])
    table = wide.pivot_table(index=PAIR + ["pair"], columns="number", values="cell", aggfunc="first", sort=False)
    table.columns = [t("followup.col.meeting_n", lang, number=n) for n in table.columns]
    held = wide.assign(h=wide["status"].eq("held")).groupby(PAIR, sort=False)["h"].sum()
    table = table.reset_index().drop(columns=PAIR).rename(columns={"pair": t("followup.col.pair", lang)})
    table[t("followup.col.held_count", lang)] = held.to_numpy()
    return table


# -- The check-in sheet --------------------------------------------------------------------------

CHECKIN_FIELDS = ("mentor_email", "mentee_email", "number", "held_on", "note")
# Headers a check-in sheet may use, besides the template's own (followup.checkin.col_*).
_CHECKIN_ALIASES = {
    "mentor_email": ("mentor", "mentorns epost", "mentor epost", "mentor email", "mentor mail", "mentors email",
                     "epost mentor", "email mentor"),
    "mentee_email": ("adept", "mentee", "adeptens epost", "adept epost", "mentee email", "mentee mail",
                     "menteens epost", "epost adept", "email mentee"),
    "number": ("traff", "parträff", "parträff nr", "traff nr", "nummer", "nr", "meeting", "pair meeting",
               "meeting number", "number", "no"),
    "held_on": ("datum", "date", "dag", "day", "held on", "hölls", "träffdatum", "meeting date"),
    "note": ("anteckning", "kommentar", "notering", "note", "notes", "comment", "comments"),
}


@dataclass(frozen=True)
class CheckinIssue:
    """A problem on a row of the check-in sheet: the row as the spreadsheet numbers it, the column
    as the sheet names it, and what is wrong."""
    row: int
    column: str
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def message(self, lang: str) -> str:
        text = t(self.key, lang, **self.params)
        if self.column:
            return t("followup.checkin.at_row_column", lang, row=self.row, column=self.column, text=text)
        return t("followup.checkin.at_row", lang, row=self.row, text=text)


@dataclass
class CheckinResult:
    """A check-in sheet read and checked: the meetings it records (new, changed or as stored)
    and its problems. Nothing is stored while there are problems."""
    records: list[MeetingRecord]
    issues: list[CheckinIssue]
    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.issues


def checkin_aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for name in CHECKIN_FIELDS:
        for lang in ("sv", "en"):
            aliases[header_key(t(f"followup.checkin.col_{name}", lang))] = name
        for alias in _CHECKIN_ALIASES[name]:
            aliases.setdefault(header_key(alias), name)
    return aliases


def read_checkin(data: bytes, filename: str = "") -> pd.DataFrame:
    """A check-in sheet's rows, its headers recognised: the columns are CHECKIN_FIELDS that the
    sheet has, plus `row` (the row number the spreadsheet shows), and the sheet's own header of
    each field in attrs["headers"]. Read by the participant import's reader (core.people.reading):
    the file told by its content (size, kind, encoding, delimiter), the header row found in the
    first rows of the first sheet that has one, empty rows skipped but counted."""
    aliases = checkin_aliases()
    try:
        upload = read_upload(data, filename, known=aliases)
    except MentorplanError as error:
        if error.key == "import.not_spreadsheet":
            raise MentorplanError("followup.checkin.not_spreadsheet") from None
        if error.key == "import.no_header":
            raise MentorplanError("followup.checkin.no_header") from None
        raise
    sheet, columns = _checkin_sheet(upload.sheets, aliases)
    if columns is None:
        raise MentorplanError("followup.checkin.missing_columns",
                              found=", ".join(h for h in sheet.headers if h) or "—")
    frame = pd.DataFrame([{**{name: values[index] if index < len(values) else "" for name, index in columns.items()},
                           "row": row}
                          for row, values in sheet.rows], columns=[*columns, "row"])
    filled = frame.drop(columns="row").map(lambda v: not _blank(v)).any(axis=1)
    frame = frame[filled].reset_index(drop=True)
    if frame.empty:
        raise MentorplanError("followup.checkin.no_rows")
    frame.attrs["headers"] = {name: sheet.headers[index] for name, index in columns.items()}
    return frame


def _checkin_sheet(sheets: Sequence[Sheet], aliases: Mapping[str, str]) -> tuple[Sheet, dict[str, int] | None]:
    """The first sheet with the columns a check-in sheet needs, and the index of each field's
    column (the first of its kind); the first sheet and None when no sheet has them."""
    for sheet in sheets:
        columns: dict[str, int] = {}
        for index, header in enumerate(sheet.headers):
            name = aliases.get(header_key(header)) if header else None
            if name and name not in columns:
                columns[name] = index
        if "number" in columns and "held_on" in columns and {"mentor_email", "mentee_email"} & set(columns):
            return sheet, columns
    return sheets[0], None


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _meeting_number(value: object, last: int) -> int | None:
    """3, 3.0, "3", "Parträff 3", "PT3" → 3; None if it names no meeting from 1 to `last`."""
    if isinstance(value, bool) or _blank(value):
        return None
    if isinstance(value, int | float):
        number = int(value) if float(value).is_integer() else None
    else:
        digits = re.findall(r"\d+", str(value))
        number = int(digits[0]) if len(digits) == 1 else None
    return number if number is not None and 1 <= number <= last else None


def check_checkin(frame: pd.DataFrame, pairs: Pairs, windows: Sequence[MeetingWindow],
                  span: tuple[dt.date, dt.date], today: dt.date, stored: pd.DataFrame) -> CheckinResult:
    """Each row of a check-in sheet checked: the pair found by the mentor's and/or the mentee's
    address, the meeting's number, its day inside the programme and not after today, the note's
    length. `stored` (store.pair_meetings) tells new meetings from changed and unchanged ones."""
    headers: Mapping[str, str] = frame.attrs.get("headers", {})
    last = max((w.number for w in windows), default=0)
    records: list[MeetingRecord] = []
    issues: list[CheckinIssue] = []
    seen: dict[tuple[int, int, int], tuple[int, dt.date]] = {}
    for values in frame.to_dict("records"):
        row = int(values["row"])
        problems: list[CheckinIssue] = []
        emails = {}
        for name in ("mentor_email", "mentee_email"):
            raw = values.get(name)
            address = clean_email(raw) if not _blank(raw) else ""
            if address and not valid_email(address):
                problems.append(CheckinIssue(row, headers.get(name, ""), "followup.checkin.bad_email",
                                             {"value": str(raw).strip()}))
                address = ""
            emails[name] = address
        pair = None
        if not problems:
            pair, problem = _find_pair(pairs, emails["mentor_email"], emails["mentee_email"])
            if problem:
                column = headers.get("mentor_email") or headers.get("mentee_email", "")
                problems.append(CheckinIssue(row, column, *problem))
        number = _meeting_number(values.get("number"), last)
        if number is None:
            problems.append(CheckinIssue(row, headers["number"], "followup.checkin.bad_number",
                                         {"value": _shown(values.get("number")), "last": last}))
        day = excel_date(values.get("held_on")) if not _blank(values.get("held_on")) else None
        label = pairs.label(pair) if pair else ""
        if day is None:
            problems.append(CheckinIssue(row, headers["held_on"], "followup.checkin.bad_date",
                                         {"value": _shown(values.get("held_on"))}))
        else:
            try:
                check_meeting_day(day, span, today, label, number or 0)
            except MentorplanError as error:
                problems.append(CheckinIssue(row, headers["held_on"], error.key, error.params))
        note = _note(values.get("note"))
        if len(note) > MAX_NOTE:
            problems.append(CheckinIssue(row, headers.get("note", ""), "followup.checkin.note_too_long",
                                         {"limit": MAX_NOTE}))
        if not problems and pair and number:
            key = (*pair, number)
            if key in seen and seen[key][1] != day:
                problems.append(CheckinIssue(row, headers["held_on"], "followup.checkin.twice",
                                             {"other": seen[key][0], "number": number}))
            elif key not in seen:
                seen[key] = (row, day)
                records.append(MeetingRecord(pair[0], pair[1], number, day, note, label))
        issues.extend(problems)
    known = {(int(r.mentor_person_id), int(r.mentee_person_id), int(r.number)): (r.held_on, r.note or "")
             for r in stored.itertuples(index=False)}
    result = CheckinResult([], issues)
    for record in records:
        before = known.get((*record.pair, record.number))
        if before is None:
            result.new += 1
        else:
            if not record.note:  # a sheet without a note keeps the note already stored
                record = replace(record, note=before[1])
            if before == (record.held_on, record.note):
                result.unchanged += 1
            else:
                result.changed += 1
        result.records.append(record)
    return result


def _shown(value: object) -> str:
    if _blank(value):
        return ""
    text = str(value).strip()
    return text if len(text) <= 40 else text[:37] + "…"


def _find_pair(pairs: Pairs, mentor_email: str, mentee_email: str
               ) -> tuple[tuple[int, int] | None, tuple[str, dict] | None]:
    if not mentor_email and not mentee_email:
        return None, ("followup.checkin.no_email", {})
    found = pairs.with_emails(mentor_email, mentee_email)
    if len(found) == 1:
        row = found.iloc[0]
        return (int(row["mentor_person_id"]), int(row["mentee_person_id"])), None
    if len(found) > 1:
        return None, ("followup.checkin.mentor_has_more", {"email": mentor_email, "count": len(found)})
    if mentor_email and mentee_email:
        return None, ("followup.checkin.no_such_pair", {"mentor": mentor_email, "mentee": mentee_email})
    return None, ("followup.checkin.no_pair_of", {"email": mentor_email or mentee_email})


def import_checkin(store, cohort: Cohort, result: CheckinResult) -> dict[str, int]:
    """Store a checked sheet's meetings in one transaction (nothing while it has problems)."""
    if not result.ok:
        raise MentorplanError("followup.checkin.has_problems", count=len(result.issues))
    return store.save_pair_meetings(cohort.id, [r for r in result.records], [])


def checkin_template(pairs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A check-in sheet to fill in: one row per pair with both addresses, the meeting, the day and
    a note left blank (and the names, which the import does not read)."""
    return pd.DataFrame({
        t("followup.checkin.col_mentor_email", lang): pairs["mentor_email"].to_numpy(),
        t("followup.checkin.col_mentee_email", lang): pairs["mentee_email"].to_numpy(),
        t("followup.checkin.col_number", lang): "",
        t("followup.checkin.col_held_on", lang): "",
        t("followup.checkin.col_note", lang): "",
        t("followup.checkin.col_names", lang): [pair_label(a, b) for a, b in zip(
            pairs["mentor_name"], pairs["mentee_name"], strict=True)],
    })


def checkin_workbook(pairs: pd.DataFrame, lang: str) -> bytes:
    """The check-in template as an .xlsx of one sheet, named as the page's tab."""
    return to_xlsx({t("followup.tab_checkin", lang): checkin_template(pairs, lang)})


# -- Attendance ---------------------------------------------------------------------------------

def attendance_events(programme: Programme, cohort: Cohort) -> list[Occurrence]:
    """The cohort's events whose attendance is taken, in order."""
    return sorted((o for o in programme.cohort(cohort) if o.event.kind in ATTENDANCE_KINDS),
                  key=lambda o: o.start)


def expected_attendees(store, programme: Programme, occurrence: Occurrence) -> pd.DataFrame:
    """The people expected at one of a cohort's events, the list attendance is taken from: the
    event's guest list (core.messages.guests: the cohort's own pairs as the event invites them, and the
    guests the manual names — former pairs at the trainings, the other track's mentors at the
    kick-off …). Columns: person_id, name, email, role, cohort_id (the cohort they come as part
    of) and own (True for the event's own cohort); the own cohort first, then by name.

    The one place that decides who is on an attendance list."""
    guests = guest_list(load_history(store), programme, occurrence)
    frame = pd.DataFrame([{"person_id": g.person_id, "name": g.name, "email": g.email, "role": g.role,
                           "cohort_id": g.cohort_id, "own": g.cohort_id == occurrence.cohort.id,
                           "reasons": g.reasons} for g in guests], columns=list(ATTENDEE_COLUMNS))
    frame = frame.astype({"person_id": "int64", "own": bool})
    return frame.sort_values(["own", "role", "name"], ascending=[False, True, True], key=_casefold,
                             kind="stable").reset_index(drop=True)


def _casefold(column: pd.Series) -> pd.Series:
    return column.str.casefold() if column.dtype == object else column


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


def record_attendance(store, programme: Programme, cohort: Cohort, event_id: str, marks: Mapping[int, bool],
                      today: dt.date) -> int:
    """Check and store who came to an event, for everyone on its list at once (one transaction)."""
    occurrence = programme.occurrence(cohort, event_id)
    expected = expected_attendees(store, programme, occurrence)
    check_attendance(programme, cohort, event_id, marks, expected, today)
    return store.save_attendance(cohort.id, event_id, {int(p): bool(v) for p, v in marks.items()})


def attendance_summary(store, programme: Programme, cohort: Cohort, today: dt.date) -> pd.DataFrame:
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
