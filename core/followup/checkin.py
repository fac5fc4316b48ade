"""The check-in sheet: pairs report their meetings in a spreadsheet of their own (mentor's and
mentee's e-mail, meeting number, date, a note); it is read with the import's reader, checked
row by row against the cohort's pairs and meeting weeks, and stored all or nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from core.calendar.programme import Cohort
from core.followup.meetings import MAX_NOTE, MeetingRecord, MeetingWindow, Pairs, _note, check_meeting_day, pair_labels
from core.people.addresses import valid_email
from core.people.cleaning import clean_email
from core.people.columns import header_key
from core.people.issues import Issue
from core.people.reading import Sheet, excel_date, read_upload
from core.platform.files import to_xlsx
from core.platform.i18n import MentorplanError, excerpt, t

if TYPE_CHECKING:
    from core.store import Store

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


def _issue(row: int, column: str, key: str, params: Mapping[str, object] | None = None) -> Issue:
    """A problem on a row of the check-in sheet, where the import's complaints say it: the row as
    the spreadsheet numbers it, the column as the sheet names it."""
    return Issue(key, params or {}, row=row, column=column or None)


@dataclass
class CheckinResult:
    """A check-in sheet read and checked: the meetings it records (new, changed or as stored)
    and its problems. Nothing is stored while there are problems."""
    records: list[MeetingRecord]
    issues: list[Issue]
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
    issues: list[Issue] = []
    seen: dict[tuple[int, int, int], tuple[int, dt.date]] = {}
    for values in frame.to_dict("records"):
        row = int(values["row"])
        problems: list[Issue] = []
        emails = {}
        for name in ("mentor_email", "mentee_email"):
            raw = values.get(name)
            address = clean_email(raw) if not _blank(raw) else ""
            if address and not valid_email(address):
                problems.append(_issue(row, headers.get(name, ""), "followup.checkin.bad_email",
                                             {"value": str(raw).strip()}))
                address = ""
            emails[name] = address
        pair = None
        if not problems:
            pair, problem = _find_pair(pairs, emails["mentor_email"], emails["mentee_email"])
            if problem:
                column = headers.get("mentor_email") or headers.get("mentee_email", "")
                problems.append(_issue(row, column, *problem))
        number = _meeting_number(values.get("number"), last)
        if number is None:
            problems.append(_issue(row, headers["number"], "followup.checkin.bad_number",
                                         {"value": excerpt(values.get("number"), 40), "last": last}))
        day = excel_date(values.get("held_on")) if not _blank(values.get("held_on")) else None
        label = pairs.label(pair) if pair else ""
        if day is None:
            problems.append(_issue(row, headers["held_on"], "followup.checkin.bad_date",
                                         {"value": excerpt(values.get("held_on"), 40)}))
        else:
            try:
                check_meeting_day(day, span, today, label, number or 0)
            except MentorplanError as error:
                problems.append(_issue(row, headers["held_on"], error.key, error.params))
        note = _note(values.get("note"))
        if len(note) > MAX_NOTE:
            problems.append(_issue(row, headers.get("note", ""), "followup.checkin.note_too_long",
                                         {"limit": MAX_NOTE}))
        if not problems and pair and number and day is not None:
            key = (*pair, number)
            if key in seen and seen[key][1] != day:
                problems.append(_issue(row, headers["held_on"], "followup.checkin.twice",
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


def import_checkin(store: Store, cohort: Cohort, result: CheckinResult) -> dict[str, int]:
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
        t("followup.checkin.col_names", lang): pair_labels(pairs),
    })


def checkin_workbook(pairs: pd.DataFrame, lang: str) -> bytes:
    """The check-in template as an .xlsx of one sheet, named as the page's tab."""
    return to_xlsx({t("followup.tab_checkin", lang): checkin_template(pairs, lang)})
