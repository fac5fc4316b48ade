"""Pairs for the follow-up tests, written straight into the store: people and their
participations, and an accepted matching saved through the matching store's public API
(save_run with accept=True), so that store.accepted_pairs gives them back."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import insert, select

from core.matching.runs import PAIR_COLUMNS, UNMATCHED_COLUMNS, MatchRun
from core.matching.scoring import MatchSettings
from core.store import Store, schema

COHORT = "autumn-2026"
# Anna takes two mentees; the others one each.
PAIRS = (("Anna Berg", "Elin Gran"), ("Anna Berg", "Farah Haddad"), ("Bo Ek", "Gustav Holm"),
         ("Cecilia Dahl", "Hanna Ilves"))


def email(name: str) -> str:
    return f"{name.lower().replace(' ', '.')}@example.se"


def add_person(store: Store, name: str, role: str, cohort_id: str, status: str = "matched") -> int:
    """A person (reused by e-mail) and their participation in the cohort; their id."""
    with store.transaction() as connection:
        person_id = connection.execute(select(schema.people.c.id).where(schema.people.c.email == email(name))).scalar()
        if person_id is None:
            person_id = connection.execute(insert(schema.people).values(
                email=email(name), name=name, languages=["sv"])).inserted_primary_key[0]
        connection.execute(insert(schema.participations).values(
            person_id=person_id, cohort_id=cohort_id, role=role, status=status,
            competences=[], goals=[]))
    return int(person_id)


def accept_pairs(store: Store, cohort_id: str, pairs: tuple[tuple[int, int], ...]) -> int:
    """Save and accept a matching run of these (mentor id, mentee id) pairs; its id."""
    rows = []
    for mentor_id, mentee_id in pairs:
        row = dict.fromkeys(PAIR_COLUMNS, "")
        row.update(mentor_person_id=mentor_id, mentee_person_id=mentee_id, score=0.5, pinned=False,
                   reasons=[], warnings=[], alternatives=[])
        rows.append(row)
    run = MatchRun(cohort_id, "total", MatchSettings(), (), pd.DataFrame(rows, columns=list(PAIR_COLUMNS)),
                   pd.DataFrame(columns=list(UNMATCHED_COLUMNS)), created_at=dt.datetime(2026, 9, 9, 12))
    return store.save_run(run, accept=True)


def matched_cohort(store: Store, cohort_id: str = COHORT, pairs=PAIRS) -> dict[str, int]:
    """People of the cohort paired as `pairs` (names), accepted; their ids by name."""
    ids: dict[str, int] = {}
    for mentor, mentee in pairs:
        if mentor not in ids:
            ids[mentor] = add_person(store, mentor, "mentor", cohort_id)
        if mentee not in ids:
            ids[mentee] = add_person(store, mentee, "mentee", cohort_id)
    accept_pairs(store, cohort_id, tuple((ids[a], ids[b]) for a, b in pairs))
    return ids


def pair_of(ids: dict[str, int], mentor: str, mentee: str) -> tuple[int, int]:
    return ids[mentor], ids[mentee]


def add_people(store: Store, cohort_id: str, people: tuple[tuple[str, str, str, str], ...]) -> dict[str, int]:
    """People as (key, role, name, organisation), each in the cohort (matched), e-mail key@example.se;
    their ids by key."""
    ids = {}
    for key, role, name, organisation in people:
        with store.transaction() as connection:
            ids[key] = int(connection.execute(insert(schema.people).values(
                email=f"{key}@example.se", name=name, organisation=organisation, languages=["sv"]
            )).inserted_primary_key[0])
            connection.execute(insert(schema.participations).values(
                person_id=ids[key], cohort_id=cohort_id, role=role, status="matched", competences=[], goals=[]))
    return ids
