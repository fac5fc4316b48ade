"""Checking whole sign-up sheets: every row cleaned (core.people.cleaning), the rows compared
with each other and with the register, every problem an Issue with its sheet, row and column."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from core.calendar.programme import Cohort
from core.people.addresses import valid_email
from core.people.cleaning import clean_cohort, clean_email, clean_role, extra_value, text
from core.people.columns import EXTRA, IGNORE, ROLE_ONLY_FIELDS, column_letter
from core.people.issues import Invalid, Issue, Rows
from core.people.reading import Cell, Sheet
from core.people.recognising import Guess, important_kind, moment
from core.people.records import clean_fields
from core.platform.i18n import Words, t

MAX_REFERENCES = 3  # other rows named in one complaint


# -- Validating sheets -------------------------------------------------------------------------

@dataclass(frozen=True)
class MappedSheet:
    """A sheet with the coordinator's mapping (a target per column) and, if chosen, a role for
    all its rows."""
    sheet: Sheet
    mapping: tuple[str, ...]
    role: str | None = None
    guesses: tuple[Guess, ...] = ()  # how each column's field was recognised (core.people.recognising)

    def column_of(self, field_id: str) -> int | None:
        return self.mapping.index(field_id) if field_id in self.mapping else None


@dataclass(frozen=True)
class Candidate:
    """A valid row, cleaned: who (e-mail), in which cohort and role, and the fields the file gave.
    `sheet` is the sheet's place (see sheet_place), `source` the file."""
    sheet: str
    row: int
    role: str
    cohort_id: str
    email: str
    person: Mapping[str, Any]
    participation: Mapping[str, Any]
    source: str = ""

    @property
    def name(self) -> str:
        return self.person.get("name", "")


@dataclass(frozen=True)
class InvalidRow:
    sheet: str  # the sheet's place (see sheet_place)
    row: int
    values: tuple[Cell, ...]
    issues: tuple[Issue, ...]
    source: str = ""


@dataclass
class Report:
    """What validation found: rows to import, rows to fix, and complaints in the file's order."""
    valid: list[Candidate]
    invalid: list[InvalidRow]
    issues: list[Issue]  # errors, warnings and notes, for whole sheets first, then by row
    sheets: list[MappedSheet]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def summary(self) -> str:
        """The command line's last line, a contract: "18 valid, 2 invalid"."""
        return f"{len(self.valid)} valid, {len(self.invalid)} invalid"

    def place(self, sheet: Sheet) -> str:
        """The place of one of the checked sheets, as its rows and complaints name it."""
        return sheet_place(sheet, several_files(self.sheets))


def several_files(sheets: Iterable[MappedSheet]) -> bool:
    return len({m.sheet.source for m in sheets}) > 1


def sheet_place(sheet: Sheet, several: bool) -> str:
    """Where a sheet's rows are, as the coordinator reads it: the sheet's name ("Mentorer"), and
    the file's too ("b.xlsx › Mentorer") when the check covers several files, which may well
    have sheets of the same name. Rows and complaints are told apart by it."""
    return f"{sheet.source} › {sheet.name}" if several and sheet.source else sheet.name


def validate(sheets: Sequence[MappedSheet], default_cohort: str, cohort: str | None = None,
             registered: Mapping[tuple[str, str], set[str]] | None = None) -> Report:
    """Check every row of the sheets. The cohort of a row is `cohort` when given, else the
    sheet's cohort column, else `default_cohort`. `registered` holds the roles the register
    already has for (e-mail, cohort), to find a person signed up in both roles."""
    rows: list[dict[str, Any]] = []
    sheet_issues: list[Issue] = []
    several = several_files(sheets)
    for mapped in sheets:
        place = sheet_place(mapped.sheet, several)
        sheet_issues.extend(_sheet_issues(mapped, place))
        rows.extend(_check_rows(mapped, default_cohort, cohort, place))
    _cross_checks(rows, registered or {})
    valid, invalid, row_issues = [], [], []
    for row in rows:
        row_issues.extend(row["issues"])
        if any(i.severity == "error" for i in row["issues"]):
            invalid.append(InvalidRow(row["sheet"], row["row"], row["values"], tuple(row["issues"]), row["source"]))
        elif not row["superseded"]:
            valid.append(row["candidate"])
    return Report(valid, invalid, sheet_issues + row_issues, list(sheets))


def _sheet_issues(mapped: MappedSheet, place: str) -> list[Issue]:
    codes = []
    if "email" not in mapped.mapping:
        codes.append("validation.no_email_column")
    if not {"name", "first_name", "last_name"} & set(mapped.mapping):
        codes.append("validation.no_name_column")
    if "consent" not in mapped.mapping:
        codes.append("validation.no_consent_column")
    if mapped.role is None and mapped.sheet.role is None and "role" not in mapped.mapping:
        codes.append("validation.no_role")
    issues = [Issue(code, sheet=place, source=mapped.sheet.source) for code in codes]
    if (wrong := _other_role_columns(mapped)) is not None:
        issues.append(Issue(wrong[0], {"columns": wrong[1]}, place, severity="warning", source=mapped.sheet.source))
    columns = mapped.sheet.columns()
    for index, target in enumerate(mapped.mapping):
        if target == EXTRA and index < len(columns) and (kind := important_kind(columns[index])):
            header = mapped.sheet.headers[index] or column_letter(index)
            issues.append(Issue("validation.extra_important", {"header": header, "kind": Words(kind)}, place,
                                column=header, severity="warning", source=mapped.sheet.source))
    for header, indexes in mapped.sheet.duplicated_headers():  # kept apart as "E-post", "E-post (2)"…
        names = ", ".join(f"'{_extra_name(mapped.sheet.headers, index)}'" for index in indexes)
        issues.append(Issue("validation.duplicate_header", {
            "header": header, "columns": ", ".join(column_letter(index) for index in indexes), "names": names},
            place, severity="warning", source=mapped.sheet.source))
    return issues


def _other_role_columns(mapped: MappedSheet) -> tuple[str, str] | None:
    """A sheet read as one role (chosen, else by its name; a role column gives each row its own)
    that asks only what the other role's sign-up asks (ROLE_ONLY_FIELDS: a mentees' file imported
    as mentors, say): the warning's code and those columns, as the file heads them. A wish about
    the other side counts as the mentee's only where its header names the mentor ("Önskemål om
    mentorns kön"), since a mentor may state a wish about their mentee too."""
    role = mapped.role or (None if "role" in mapped.mapping else mapped.sheet.role)
    if role not in ROLE_ONLY_FIELDS:
        return None
    other = next(r for r in ROLE_ONLY_FIELDS if r != role)
    found = [index for index, target in enumerate(mapped.mapping) if target in ROLE_ONLY_FIELDS[other]
             and (other == "mentor" or "mentor" in (mapped.sheet.headers[index] or "").casefold())]
    if not found or set(ROLE_ONLY_FIELDS[role]) & set(mapped.mapping):
        return None
    headers = ", ".join(f"'{mapped.sheet.headers[i] or column_letter(i)}'" for i in found)
    return f"validation.looks_like_{other}s", headers


def _check_rows(mapped: MappedSheet, default_cohort: str, cohort: str | None, place: str):
    sheet = mapped.sheet
    source = sheet.source
    header = {i: (h or column_letter(i)) for i, h in enumerate(sheet.headers)}
    columns = {target: index for index, target in reversed(list(enumerate(mapped.mapping)))
               if target not in (EXTRA, IGNORE)}
    extras = [(index, _extra_name(sheet.headers, index)) for index, target in enumerate(mapped.mapping)
              if target == EXTRA]
    width = len(sheet.headers)
    sheet_role = mapped.role or sheet.role
    email_column = columns.get("email")
    for number, values in sheet.rows:
        issues: list[Issue] = []

        def complain(field_id: str | None, problem: Invalid, severity: str = "error",
                     number: int = number, _issues: list = issues) -> None:
            column = header.get(columns[field_id]) if field_id in columns else None
            _issues.append(Issue(problem.code, problem.params, place, number, column, severity, source))

        cell = {f: (values[i] if i < len(values) else "") for f, i in columns.items()}
        role = sheet_role
        if "role" in cell and mapped.role is None:
            try:
                role = clean_role(cell["role"]) or sheet_role
            except Invalid as problem:
                complain("role", problem)
                role = None
        if role is None and not issues:
            complain(None, Invalid("validation.role_missing"))
        row_cohort = cohort
        if row_cohort is None and "cohort" in cell:
            try:
                row_cohort = clean_cohort(cell["cohort"])
            except Invalid as problem:
                complain("cohort", problem)
        row_cohort = row_cohort or default_cohort
        person, participation, problems = clean_fields(cell, role or "mentee")
        for field_id, invalid in problems:
            if field_id == "consent" and "consent" not in columns:
                issues.append(Issue("validation.consent_missing", {}, place, number, None, source=source))
            else:
                complain(field_id, invalid)
        for (r, c), formula in sheet.formulas.items():
            if r == number:  # the formula is the complaint, not the empty value it left
                severity = "error" if c < len(mapped.mapping) and mapped.mapping[c] not in (EXTRA, IGNORE) \
                    else "warning"
                column = header.get(c, column_letter(c))
                issues[:] = [i for i in issues if i.column != column]
                issues.append(Issue("validation.formula_no_value", {"formula": formula[:60]}, place,
                                    number, column, severity, source))
        shifted = _shift_issues(place, source, values, number, width, None if person.get("email") else email_column,
                                header)
        if shifted:  # every other complaint about a shifted row would only follow from the shift
            issues[:] = shifted
        if role == "mentor" and "capacity" not in participation and "capacity" in columns:
            participation["capacity"] = 1
        if role == "mentee":
            participation.pop("capacity", None)
        start = participation.get("start_preference")
        if start in ("autumn", "spring") and not issues and Cohort.parse(row_cohort).track != start:
            issues.append(Issue("validation.start_mismatch",
                                {"preference": Words(f"participants.start.{start}"), "cohort": row_cohort},
                                place, number, header.get(columns["start_preference"]), "warning", source))
        extra = {name: extra_value(values[i]) for i, name in extras if i < len(values)}
        participation["extra"] = {k: v for k, v in extra.items() if v not in (None, "")}
        submitted = moment(cell.get("submitted_at"))
        if submitted is not None:  # kept with the participation's fields from the file
            participation["extra"]["submitted_at"] = submitted.isoformat(sep=" ")
        email = person.get("email") or ""
        yield {"sheet": place, "source": source, "row": number, "values": values, "issues": issues,
               "email": email, "role": role, "cohort": row_cohort, "submitted": submitted, "superseded": False,
               "name": person.get("name", ""), "organisation": person.get("organisation", ""),
               "email_header": header.get(email_column) if email_column is not None else None,
               "candidate": Candidate(place, number, role or "", row_cohort, email, person, participation, source)}


def _shift_issues(place: str, source: str, values, number: int, width: int,
                  email_column: int | None, header: Mapping[int, str]) -> list[Issue]:
    """Values that look shifted: cells right of the last column, or, when the e-mail column has
    no valid address (`email_column` is given only then), an address in another column."""
    issues = []
    beyond = [i for i in range(width, len(values)) if text(values[i])]
    if beyond:
        issues.append(Issue("validation.shifted_beyond", {"column": column_letter(beyond[0])}, place, number,
                            source=source))
    if email_column is not None:  # (given only when the row's own address is not valid)
        for index, value in enumerate(values[:width]):
            if index != email_column and isinstance(value, str) and "@" in value and valid_email(clean_email(value)):
                issues.append(Issue("validation.shifted_email", {"found": header.get(index, column_letter(index))},
                                    place, number, header.get(email_column), source=source))
                break
    return issues


def _cross_checks(rows: list[dict[str, Any]], registered: Mapping[tuple[str, str], set[str]]) -> None:
    """The same person twice: the same e-mail twice in a role and cohort, in both roles, or
    in the other role in the register already (a form sent in twice: the later one counts). Same
    name and organisation under two addresses is a warning; the same name in two organisations a
    note."""
    by_person: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_plain_name: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["email"]:  # set only when valid
            by_person[(row["email"], row["cohort"])].append(row)
        if row["name"] and row["organisation"]:
            by_name[(row["name"].casefold(), row["organisation"].casefold())].append(row)
        if row["name"] and row["email"]:
            by_plain_name[" ".join(row["name"].casefold().split())].append(row)
    for (email, cohort), group in by_person.items():
        roles = {r["role"] for r in group if r["role"]}
        moments = [r["submitted"] for r in group]
        if len(group) > 1 and len(roles) == 1 and all(moments) and len(set(moments)) == len(group):
            # A form sent in twice by the same person: the later sign-up counts (a note on the others).
            latest = max(group, key=lambda r: r["submitted"])
            for row in group:
                if row is not latest:
                    row["superseded"] = True
                    row["issues"].append(Issue("validation.superseded",
                                               {"rows": Rows(((latest["sheet"], latest["row"]),), row["sheet"])},
                                               row["sheet"], row["row"], _email_header(row), "warning",
                                               row["source"]))
            group = [latest]
        for row in group:
            others = tuple((o["sheet"], o["row"]) for o in group if o is not row)[:MAX_REFERENCES]
            if len(roles) > 1:
                row["issues"].append(Issue("validation.both_roles", {"rows": Rows(others, row["sheet"])},
                                           row["sheet"], row["row"], _email_header(row), source=row["source"]))
            elif others:
                row["issues"].append(Issue("validation.duplicate", {"rows": Rows(others, row["sheet"])},
                                           row["sheet"], row["row"], _email_header(row), source=row["source"]))
            other_roles = registered.get((email, cohort), set()) - {row["role"]}
            if other_roles and row["role"]:
                row["issues"].append(Issue("validation.other_role_registered",
                                           {"role": Words(f"participants.role.{sorted(other_roles)[0]}"),
                                            "cohort": cohort}, row["sheet"], row["row"], _email_header(row),
                                           source=row["source"]))
    for group in by_name.values():
        if len({r["email"] for r in group}) < 2:
            continue
        for row in group:
            namesakes = []  # the first few are enough to look at
            for other in group:
                if other["email"] != row["email"]:
                    namesakes.append((other["sheet"], other["row"]))
                    if len(namesakes) == MAX_REFERENCES:
                        break
            row["issues"].append(Issue("validation.same_name", {"rows": Rows(tuple(namesakes), row["sheet"])},
                                       row["sheet"], row["row"], None, "warning", row["source"]))
    for group in by_plain_name.values():  # two people of one name: a note, they will be told apart
        if len({r["email"] for r in group}) < 2:
            continue
        organisations = [r["organisation"].casefold() for r in group]
        for row, organisation in zip(group, organisations, strict=True):
            others = tuple(islice(((o["sheet"], o["row"]) for o, other in zip(group, organisations, strict=True)
                                   if o["email"] != row["email"] and other != organisation), MAX_REFERENCES))
            if others:
                row["issues"].append(Issue("validation.same_name_other_person", {"rows": Rows(others, row["sheet"])},
                                           row["sheet"], row["row"], None, "note", row["source"]))


def _email_header(row: Mapping[str, Any]) -> str | None:
    return row["email_header"]


def _extra_name(headers: Sequence[str], index: int) -> str:
    """The name an unknown column is kept under: its header, made unique; "Kolumn F" if empty."""
    name = headers[index] or f"{t('validation.column', 'sv')} {column_letter(index)}"
    earlier = [h for h in headers[:index] if h == headers[index]]
    return f"{name} ({len(earlier) + 1})" if earlier and headers[index] else name
