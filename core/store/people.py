"""The register's stored part: people and their participation in cohorts."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from core.store import schema

# The columns of a participants frame: the person's fields, then their participation's.
PERSON_COLUMNS = ("person_id", "email", "name", "phone", "organisation", "department", "title",
                  "town", "languages", "gender")
PARTICIPATION_COLUMNS = ("participation_id", "cohort_id", "role", "status", "competences", "goals",
                         "sector", "sector_preference", "experience_years", "start_preference",
                         "gender_preference", "capacity", "consent", "motivation",
                         "same_org_allowed", "extra")


class PeopleStore:
    def participants(self, cohort_id: str | None = None, role: str | None = None) -> pd.DataFrame:
        """One row per participation (a person in a cohort in a role), with the person's fields;
        filtered by cohort and role when given."""
        p, q = schema.people, schema.participations
        query = (select(p.c.id.label("person_id"), p.c.email, p.c.name, p.c.phone, p.c.organisation,
                        p.c.department, p.c.title, p.c.town, p.c.languages, p.c.gender,
                        q.c.id.label("participation_id"), q.c.cohort_id, q.c.role, q.c.status,
                        q.c.competences, q.c.goals, q.c.sector, q.c.sector_preference,
                        q.c.experience_years, q.c.start_preference, q.c.gender_preference,
                        q.c.capacity, q.c.consent, q.c.motivation, q.c.same_org_allowed, q.c.extra)
                 .join(q, q.c.person_id == p.c.id)
                 .order_by(q.c.cohort_id, q.c.role, p.c.name))
        if cohort_id is not None:
            query = query.where(q.c.cohort_id == cohort_id)
        if role is not None:
            query = query.where(q.c.role == role)
        with self.reading() as connection:
            rows = connection.execute(query).mappings().all()
        return pd.DataFrame(rows, columns=list(PERSON_COLUMNS + PARTICIPATION_COLUMNS))
