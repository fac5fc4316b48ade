"""Cleaning one participant's record: the person's fields and the participation's fields from a
row's raw values by field id (core.people.cleaning cleans each value), with the problems found.
The same for an import and for the coordinator's edits in the register."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.people.cleaning import (
    EDGE_SPACE,
    MAX_LENGTH,
    check_email,
    clean_capacity,
    clean_consent,
    clean_experience,
    clean_gender,
    clean_gender_preference,
    clean_languages,
    clean_same_org_allowed,
    clean_sector_preference,
    clean_start_preference,
    clean_status,
    clean_tags,
    text,
    text_multiline,
)
from core.people.issues import Invalid
from core.people.reading import Cell

# -- Cleaning a record -------------------------------------------------------------------------

_CLEANERS = {
    "languages": clean_languages, "gender": clean_gender, "competences": clean_tags,
    "goals": clean_tags, "sector_preference": clean_sector_preference,
    "experience_years": clean_experience, "start_preference": clean_start_preference,
    "gender_preference": clean_gender_preference, "consent": clean_consent,
    "same_org_allowed": clean_same_org_allowed, "status": clean_status,
}


def clean_fields(values: Mapping[str, Cell], role: str, complete: bool = True
                 ) -> tuple[dict[str, Any], dict[str, Any], list[tuple[str, Invalid]]]:
    """The person's fields and the participation's fields from raw values by field id, and
    the problems, each with the field it is about. `complete` (an import) also asks for what a
    new participant must have: an e-mail, a name and consent; an edit checks what it changes."""
    person: dict[str, Any] = {}
    participation: dict[str, Any] = {}
    problems: list[tuple[str, Invalid]] = []

    def attempt(field_id: str, clean, raw: Cell) -> Any:
        try:
            return clean(raw)
        except Invalid as problem:
            problems.append((field_id, problem))
            return None

    if "email" in values or complete:
        person["email"] = attempt("email", check_email, values.get("email"))
    if any(f in values for f in ("name", "first_name", "last_name")) or complete:
        name = text(values.get("name"))
        if not name:
            name = " ".join(p for p in (text(values.get("first_name")), text(values.get("last_name"))) if p)
        if not name:
            problems.append(("name" if "name" in values or "first_name" not in values else "first_name",
                             Invalid("validation.name_missing")))
        person["name"] = name
    for field_id in ("phone", "organisation", "department", "title", "town"):
        if field_id in values:
            person[field_id] = text(values[field_id])
    for field_id in ("languages", "gender"):
        if field_id in values:
            person[field_id] = attempt(field_id, _CLEANERS[field_id], values[field_id])
    for field_id in ("sector", "motivation"):
        if field_id in values:
            participation[field_id] = (text(values[field_id]) if field_id == "sector"
                                       else text_multiline(values[field_id]).strip(EDGE_SPACE))
    for field_id in ("competences", "goals", "sector_preference", "experience_years",
                     "start_preference", "gender_preference", "same_org_allowed", "status"):
        if field_id in values:
            participation[field_id] = attempt(field_id, _CLEANERS[field_id], values[field_id])
    if "capacity" in values and role == "mentor":
        participation["capacity"] = attempt("capacity", clean_capacity, values["capacity"])
    if "consent" in values or complete:
        participation["consent"] = attempt("consent", clean_consent, values.get("consent"))
    for field_id, limit in MAX_LENGTH.items():
        value = person.get(field_id, participation.get(field_id))
        if isinstance(value, str) and len(value) > limit:
            problems.append((field_id, Invalid("validation.too_long", limit=limit)))
    return person, participation, problems
