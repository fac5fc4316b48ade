"""The register of people across cohorts: checking sign-up sheets against it, the preview of
what an import changes (new / changed / unchanged, field by field), the commit, and the
coordinator's work on one person: edit, withdraw, move to the next start, export, delete."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import pandas as pd

from core.calendar.programme import Cohort, Programme
from core.calendar.schedule import cohort_words
from core.people.cleaning import clean_email
from core.people.columns import (
    EXTRA,
    FIX_HEADERS,
    IGNORE,
    PARTICIPATION_FIELDS,
    PERSON_FIELDS,
    ROLES,
    changed_fields,
    column_letter,
    header_key,
    normalise_header,
    signature,
)
from core.people.issues import Issue
from core.people.reading import Sheet, role_of_name
from core.people.recognising import PATTERN, REMEMBERED, VALUES, Guess, recognise_columns
from core.people.records import clean_fields
from core.people.validation import Candidate, MappedSheet, Report, several_files, validate
from core.platform.files import to_xlsx
from core.platform.i18n import MentorplanError, Words, t, unique_labels

if TYPE_CHECKING:
    from core.store import Store

# -- Checking sheets against the register ------------------------------------------------------

def sheet_key(sheet: Sheet) -> tuple[str, str]:
    """What tells the sheets of one check apart: the file and the sheet's name (two files may
    both have a sheet "Mentorer")."""
    return sheet.source, sheet.name


def mapped_sheets(store: Store, sheets: Iterable[Sheet], role: str | None = None,
                  choices: Mapping[tuple[str, str], Sequence[str]] | None = None,
                  chosen: Mapping[str, str] | None = None) -> list[MappedSheet]:
    """Each sheet with its mapping: the coordinator's choice on this page when given (by
    sheet_key: file and sheet), else recognised from the headers and the values
    (core.people.recognising) with the choices remembered for the same headers and those
    `chosen` here (by header key: the command line's --map) first."""
    mapped = []
    for sheet in sheets:
        guesses = recognise_columns(sheet.headers, sheet.columns(),
                                    {**(store.column_mapping(signature(sheet.headers)) or {}), **(chosen or {})})
        mapping = (choices or {}).get(sheet_key(sheet))
        if mapping is None or len(mapping) != len(sheet.headers):
            mapping = tuple(g.target for g in guesses)
        mapped.append(MappedSheet(sheet, tuple(mapping), role, guesses))
    return mapped


def column_fates(mapped: MappedSheet, lang: str) -> list[str]:
    """Each column's fate in words, one line each: the field it fills (and whether that is a
    guess to check), or that it is kept unused as extra, or left out."""
    lines = []
    guesses = mapped.guesses or tuple(Guess(target, REMEMBERED) for target in mapped.mapping)
    for index, (header, target, guess) in enumerate(zip(mapped.sheet.headers, mapped.mapping, guesses, strict=True)):
        words = {"letter": column_letter(index), "header": header or column_letter(index)}
        if guess.vetoed and target != guess.vetoed:
            lines.append(t("import.column_vetoed", lang, vetoed=field_label(guess.vetoed, lang), **words))
        if target == EXTRA:
            lines.append(t("import.column_extra", lang, **words))
        elif target == IGNORE:
            lines.append(t("import.column_ignored", lang, **words))
        elif guess.target == target and guess.basis in (PATTERN, VALUES):
            lines.append(t("import.column_unsure", lang, field=field_label(target, lang),
                           basis=t(f"import.basis_{guess.basis}", lang), **words))
        else:
            lines.append(t("import.column_field", lang, field=field_label(target, lang), **words))
    return lines


def check(store: Store, sheets: Sequence[MappedSheet], default_cohort: str, cohort: str | None = None) -> Report:
    """Validate the sheets, with the register's knowledge of who already has which role."""
    emails: set[str] = set()
    for mapped in sheets:
        column = mapped.column_of("email")
        if column is not None:
            emails.update(clean_email(values[column]) for _, values in mapped.sheet.rows if column < len(values))
    registered: dict[tuple[str, str], set[str]] = defaultdict(set)
    for email, person in store.known(emails).items():
        for participation in person["participations"]:
            registered[(email, participation["cohort_id"])].add(participation["role"])
    return validate(sheets, default_cohort, cohort, registered)


def remembered_mappings(sheets: Iterable[MappedSheet]) -> list[tuple[str, dict[str, str]]]:
    """What to remember of the mappings: header key → target, by the headers' signature."""
    return [(signature(m.sheet.headers),
             {header_key(h): target for h, target in zip(m.sheet.headers, m.mapping, strict=True) if header_key(h)})
            for m in sheets]


# -- Preview and commit ------------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class PreviewRow:
    candidate: Candidate
    status: str  # new | changed | unchanged
    known_person: bool
    changes: tuple[Change, ...]


def preview(store: Store, candidates: Sequence[Candidate]) -> list[PreviewRow]:
    """What committing the candidates would do to the register, row by row."""
    known = store.known(c.email for c in candidates)
    rows = []
    for candidate in candidates:
        person = known.get(candidate.email)
        if person is None:
            rows.append(PreviewRow(candidate, "new", False, ()))
            continue
        new_person = {k: v for k, v in candidate.person.items() if k in PERSON_FIELDS}
        changes = [Change(f, old, new) for f, (old, new) in changed_fields(person, new_person).items()]
        existing = next((p for p in person["participations"] if p["cohort_id"] == candidate.cohort_id
                         and p["role"] == candidate.role), None)
        if existing is None:
            rows.append(PreviewRow(candidate, "new", True, tuple(changes)))
            continue
        values = {k: v for k, v in candidate.participation.items() if k in PARTICIPATION_FIELDS and k != "status"}
        values["extra"] = {**(existing["extra"] or {}), **(candidate.participation.get("extra") or {})}
        changes += [Change(f, old, new) for f, (old, new) in changed_fields(existing, values).items()]
        rows.append(PreviewRow(candidate, "changed" if changes else "unchanged", True, tuple(changes)))
    return rows


def preview_counts(rows: Iterable[PreviewRow]) -> dict[str, int]:
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    for row in rows:
        counts[row.status] += 1
    return counts


def commit(store: Store, candidates: Sequence[Candidate], remember: Sequence[MappedSheet] = ()) -> dict[str, int]:
    """Store the valid rows, all or none, and with them the column choices the coordinator made
    for the sheets in `remember`, for the next file with the same headers."""
    return store.import_participants(candidates, remembered_mappings(remember))


def describe_value(field: str, value: Any, lang: str) -> str:
    """A stored value the way the interface shows it."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return t("register.yes", lang) if value else t("register.no", lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or "–"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items()) or "–"
    if field == "status":
        return t(f"participants.status.{value}", lang)
    if field == "start_preference":
        return t(f"participants.start.{value}", lang)
    if field in ("gender", "gender_preference") and value in ("woman", "man", "other"):
        return t(f"participants.gender.{value}", lang)
    if field == "sector_preference" and value in ("same", "other"):
        return t(f"participants.sector_preference.{value}", lang)
    if field == "role":
        return t(f"participants.role.{value}", lang)
    return str(value)


def field_label(field: str, lang: str) -> str:
    return t(f"participants.field.{field}", lang) if field != "extra" else t("register.extra", lang)


def preview_frame(rows: Sequence[PreviewRow], lang: str) -> pd.DataFrame:
    """The preview as the coordinator reads it: one line per row of the file."""
    lines = []
    for row in rows:
        c = row.candidate
        outcome = t(f"participants.preview.{row.status}", lang)
        if row.status == "new" and row.known_person:
            outcome += f" ({t('participants.preview.known_person', lang)})"
        changes = "; ".join(f"{field_label(ch.field, lang)}: {describe_value(ch.field, ch.old, lang)} → "
                            f"{describe_value(ch.field, ch.new, lang)}" for ch in row.changes)
        lines.append({
            t("register.col.outcome", lang): outcome,
            t("participants.field.name", lang): c.name,
            t("participants.field.email", lang): c.email,
            t("participants.field.role", lang): t(f"participants.role.{c.role}", lang),
            t("participants.field.cohort", lang): cohort_words(c.cohort_id, lang),
            t("register.col.changes", lang): changes,
            t("validation.sheet", lang): c.sheet,
            t("validation.row", lang): c.row,
        })
    return pd.DataFrame(lines)


def issues_frame(issues: Sequence[Issue], lang: str) -> pd.DataFrame:
    """The complaints as a table; the sheet named by its place (with the file when there are
    several). A complaint about a whole sheet has no row: the row column holds whole numbers or
    nothing, one type, as a table needs."""
    return pd.DataFrame({
        t("validation.sheet", lang): [i.sheet for i in issues],
        t("validation.row", lang): pd.array([i.row for i in issues], dtype="Int64"),
        t("validation.column", lang): [i.column or "" for i in issues],
        t("validation.problem", lang): [i.text(lang) for i in issues],
        "": [t(f"validation.severity_{i.severity}", lang) for i in issues],
    })


def invalid_rows_sheets(report: Report, lang: str) -> dict[str, pd.DataFrame]:
    """The rows to fix, sheet by sheet, with the file's own headers and a first column saying
    what to fix (ignored when the fixed file comes back). A sheet keeps its name; when the check
    covers several files, the file's name follows in brackets ("Mentorer (b)"), since two files
    may have sheets of the same name and a workbook's sheets need names of their own."""
    fix_header = FIX_HEADERS[0] if lang == "sv" else FIX_HEADERS[1]
    by_sheet: dict[tuple[str, str], list] = defaultdict(list)
    for row in report.invalid:
        by_sheet[(row.source, row.sheet)].append(row)
    sheets: dict[str, pd.DataFrame] = {}
    for mapped in report.sheets:
        rows = by_sheet.get((mapped.sheet.source, report.place(mapped.sheet)))
        if not rows:
            continue
        headers = [h or f"{t('validation.column', lang)} {i + 1}" for i, h in enumerate(mapped.sheet.headers)]
        width = max([len(headers)] + [len(r.values) for r in rows])
        headers += [f"{t('validation.column', lang)} {i + 1}" for i in range(len(headers), width)]
        lines = []
        for row in rows:
            values = [_cell(v) for v in row.values] + [""] * (width - len(row.values))
            fix = "\n".join(i.shown(lang) for i in row.issues if i.severity == "error")
            lines.append([fix] + values)
        title = _fix_sheet_title(mapped.sheet, several_files(report.sheets), sheets)
        sheets[title] = pd.DataFrame(lines, columns=[fix_header] + unique_labels(headers))
    return sheets


SHEET_TITLE_LENGTH = 31  # Excel's limit


def _fix_sheet_title(sheet: Sheet, several: bool, taken: Mapping[str, Any]) -> str:
    """A name for a sheet of rows to fix: the sheet's own, which may say the role (and does for
    a CSV file, named after it), with the file's name in brackets when there are several files;
    within Excel's 31 characters, unique, and saying the same role as before."""
    name = sheet.name[:SHEET_TITLE_LENGTH]
    candidates = []
    if several:
        stem = PurePath(sheet.source).stem
        room = SHEET_TITLE_LENGTH - len(name) - 3
        if room >= 1 and stem != sheet.name:
            candidates.append(f"{name} ({stem[:room]})")
    candidates.append(name)
    used = {title.casefold() for title in taken}
    for title in candidates:
        if title.casefold() not in used and role_of_name(title) == role_of_name(sheet.name):
            return title
    for number in range(2, len(taken) + 3):
        title = f"{name[:SHEET_TITLE_LENGTH - len(str(number)) - 3]} ({number})"
        if title.casefold() not in used:
            return title
    raise AssertionError("unreachable: one of len(taken) + 1 numbers is free")


def _cell(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value




# -- The register ------------------------------------------------------------------------------

def search(frame: pd.DataFrame, text: str = "", cohorts: Iterable[str] = (), roles: Iterable[str] = (),
           statuses: Iterable[str] = (), organisations: Iterable[str] = ()) -> pd.DataFrame:
    """The participations that match every filter given; `text` is looked for in name, e-mail,
    organisation, department and title, case and accents aside."""
    wanted = pd.Series(True, index=frame.index)
    for column, values in (("cohort_id", cohorts), ("role", roles), ("status", statuses),
                           ("organisation", organisations)):
        values = list(values)
        if values:
            wanted &= frame[column].isin(values)
    words = normalise_header(text).split()
    if words:
        haystack = (frame["name"].fillna("") + " " + frame["email"].fillna("") + " " +
                    frame["organisation"].fillna("") + " " + frame["department"].fillna("") + " " +
                    frame["title"].fillna("")).map(normalise_header)
        for word in words:
            wanted &= haystack.str.contains(word, regex=False)
    return frame[wanted]


def register_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The register's table as the coordinator reads it."""
    return pd.DataFrame({
        t("participants.field.name", lang): frame["name"],
        t("participants.field.email", lang): frame["email"],
        t("participants.field.cohort", lang): [cohort_words(c, lang) for c in frame["cohort_id"]],
        t("participants.field.role", lang): frame["role"].map(lambda r: t(f"participants.role.{r}", lang)),
        t("participants.field.status", lang): frame["status"].map(lambda s: t(f"participants.status.{s}", lang)),
        t("participants.field.organisation", lang): frame["organisation"],
        t("participants.field.department", lang): frame["department"],
        t("participants.field.town", lang): frame["town"],
    })


def form_edits(stored: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the coordinator changed in a form, with their new values: each value of the
    form compared with the stored one as the form showed it (a list as "a, b"); empty text and
    no value are the same. Only these are checked and stored, so that a field left as it was is
    never complained about."""
    shown = {key: ", ".join(str(v) for v in value) if isinstance(value, (list, tuple)) else value
             for key, value in stored.items() if key in values}
    return {key: new for key, (_old, new) in changed_fields(shown, values).items()}


def edit_person(store: Store, person_id: int, values: Mapping[str, Any]) -> list[Issue]:
    """Check and store a person's changed fields the way an import would; the problems, if any,
    and nothing stored."""
    person, _, problems = clean_fields(values, "mentee", complete=False)
    if problems:
        return [Issue(p.code, p.params, column=Words(f"participants.field.{f}")) for f, p in problems]
    store.update_person(person_id, person)
    return []


def edit_participation(store: Store, participation_id: int, role: str, values: Mapping[str, Any]) -> list[Issue]:
    """Check and store a participation's changed fields the way an import would."""
    if role not in ROLES:
        raise ValueError(role)
    _, participation, problems = clean_fields(values, role, complete=False)
    if problems:
        return [Issue(p.code, p.params, column=Words(f"participants.field.{f}")) for f, p in problems]
    store.update_participation(participation_id, participation)
    return []


def withdraw(store: Store, participation_id: int) -> None:
    store.update_participation(participation_id, {"status": "withdrawn"})


def move_to_next_start(store: Store, programme: Programme, participation_id: int, cohort_id: str) -> str:
    """Offer the next start after `cohort_id`; returns that cohort's id."""
    target = programme.next_start(Cohort.parse(cohort_id)).id
    store.move_participation(participation_id, target)
    return target


def delete_consequences(store: Store, person_id: int, lang: str) -> list[str]:
    """What deleting a person does to their partners in accepted runs, in words: the pair goes,
    and the partner is "applied" again in that cohort (or, a mentor with other mentees, stays
    matched with them)."""
    return [t("register.delete_partner_keeps" if partner["keeps_pair"] else "register.delete_partner_freed",
              lang, partner=partner["name"], cohort=cohort_words(partner["cohort_id"], lang),
              role=t(f"participants.role.{partner['role']}", lang))
            for partner in store.accepted_partners(person_id)]


def delete_person(store: Store, person_id: int, confirmation: str) -> dict[str, int]:
    """Delete a person everywhere once the coordinator has typed their e-mail address; their
    partners in accepted runs go back to "applied" (see delete_consequences)."""
    person = store.person(person_id)
    if person is None:
        raise MentorplanError("register.no_person", id=person_id)
    if confirmation.strip().lower() != person["email"]:
        raise MentorplanError("register.confirm_mismatch", email=person["email"])
    return store.delete_person(person_id)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def person_export(store: Store, person_id: int) -> dict[str, Any]:
    """Everything stored about a person (their rights under the GDPR, art. 15 and 20)."""
    data = store.person_data(person_id)
    if not data.get("people"):
        raise MentorplanError("register.no_person", id=person_id)
    return {"exported_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            "email": data["people"][0]["email"],
            "tables": _jsonable(data)}


def person_export_json(export: Mapping[str, Any]) -> bytes:
    return json.dumps(export, ensure_ascii=False, indent=2).encode("utf-8")


def person_export_file(store: Store, person_id: int, kind: str) -> bytes:
    """A person's export as a file, "json" or "xlsx", read from the store when called: the
    register page hands this (with functools.partial) to its download buttons, so the export is
    made when the coordinator clicks, not each time the person is shown."""
    export = person_export(store, person_id)
    if kind == "json":
        return person_export_json(export)
    if kind == "xlsx":
        return person_export_xlsx(export)
    raise ValueError(kind)


def person_export_xlsx(export: Mapping[str, Any]) -> bytes:
    """One sheet per table; lists and dicts written as text."""
    sheets = {}
    for table, rows in export["tables"].items():
        frame = pd.DataFrame(rows)
        for column in frame.columns:
            if frame[column].map(lambda v: isinstance(v, dict)).any():
                frame[column] = frame[column].map(lambda v: json.dumps(v, ensure_ascii=False)
                                                  if isinstance(v, dict) else v)
        sheets[table] = frame
    return to_xlsx(sheets)

