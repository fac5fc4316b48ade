"""A register with a history of several cohorts, for the guest-list, message and delivery tests:
people and participations written straight into the store's tables, and accepted matchings as the
matching page leaves them (a run marked accepted, with its pairs).

    autumn-2024  accepted: Åsa Öberg → Björn Ång                       closed 29 May 2025
    spring-2025  no matching stored, participations marked matched:
                 Karin Lund (mentor), Leo Nyström (mentee)              closed 13 Nov 2025
    autumn-2025  accepted: Maja Ek → Nils Berg, Olle Sund → Pia Rask;
                 Olle Sund has since withdrawn                          closed 28 May 2026
    spring-2026  accepted: Petra Holm → Rut Svensson, Åsa Öberg → Sara Ek
                 running 12 Feb – 12 Nov 2026
    autumn-2026  accepted: Anna Berg → Elin Gran and Gustav Holm, Bo Ek → Hanna Ilves and Ulla Utan
                 (who has no e-mail address); not matched: Cecilia Dahl (mentor), Farah Haddad
                 (mentee, waiting); withdrawn: Ivar Jonsson
    spring-2027  accepted: Dag Ström → Stina Ås; applied, not matched: Maja Ek (mentor)
    autumn-2027  applied: Greta Fors (mentor)
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from core.store import Store, schema

DETAILS = {
    "Anna Berg": {"organisation": "Region Norr", "title": "Avdelningschef", "phone": "070-111 11 11"},
    "Bo Ek": {"organisation": "Kommun A", "title": "Projektledare"},
    "Elin Gran": {"organisation": "Kommun B"},
    "Gustav Holm": {"organisation": "Kommun B"},
    "Hanna Ilves": {"organisation": "Kommun A"},
    "Ulla Utan": {"organisation": "Kommun C"},
    "Dag Ström": {"organisation": "Länsstyrelsen"},
    "Stina Ås": {"organisation": "Kommun D"},
}


def email_of(name: str) -> str:
    if name == "Ulla Utan":
        return ""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o", " ": "."})
    return f"{name.translate(table).lower()}@example.se"


def person(store: Store, name: str) -> int:
    """The person's id, added to the register the first time."""
    email = email_of(name)
    with store.transaction() as connection:
        found = connection.execute(select(schema.people.c.id).where(schema.people.c.name == name)).scalar()
        if found is None:
            found = connection.execute(insert(schema.people).values(
                email=email, name=name, languages=["sv"], **DETAILS.get(name, {}))).inserted_primary_key[0]
    return int(found)


def take_part(store: Store, name: str, cohort_id: str, role: str, status: str) -> int:
    person_id = person(store, name)
    with store.transaction() as connection:
        connection.execute(insert(schema.participations).values(
            person_id=person_id, cohort_id=cohort_id, role=role, status=status,
            competences=[], goals=[]))
    return person_id


def accept(store: Store, cohort_id: str, pairs: list[tuple[str, str]]) -> None:
    """An accepted matching of these (mentor, mentee) pairs, as the matching page stores it."""
    with store.transaction() as connection:
        run_id = connection.execute(insert(schema.match_runs).values(
            cohort_id=cohort_id, created_at=dt.datetime(2026, 1, 1), objective="total", settings={},
            constraints=[], notices=[], pair_count=len(pairs), unmatched_count=0, total_score=float(len(pairs)),
            accepted=True, accepted_at=dt.datetime(2026, 1, 1))).inserted_primary_key[0]
        for mentor, mentee in pairs:
            ids = [connection.execute(select(schema.people.c.id).where(schema.people.c.name == n)).scalar_one()
                   for n in (mentor, mentee)]
            connection.execute(insert(schema.match_pairs).values(
                run_id=run_id, mentor_person_id=ids[0], mentee_person_id=ids[1], score=0.8, pinned=False,
                reasons=[], warnings=[], alternatives=[]))


def history(store: Store) -> dict[str, int]:
    """Fill the store with the history above; returns the people's ids by name."""
    cohorts = {
        "autumn-2024": ([("Åsa Öberg", "Björn Ång")], []),
        "spring-2025": ([("Karin Lund", "Leo Nyström")], []),
        "autumn-2025": ([("Maja Ek", "Nils Berg"), ("Olle Sund", "Pia Rask")], []),
        "spring-2026": ([("Petra Holm", "Rut Svensson"), ("Åsa Öberg", "Sara Ek")], []),
        "autumn-2026": ([("Anna Berg", "Elin Gran"), ("Anna Berg", "Gustav Holm"), ("Bo Ek", "Hanna Ilves"),
                         ("Bo Ek", "Ulla Utan")],
                        [("Cecilia Dahl", "mentor", "applied"), ("Farah Haddad", "mentee", "waiting"),
                         ("Ivar Jonsson", "mentee", "withdrawn")]),
        "spring-2027": ([("Dag Ström", "Stina Ås")], [("Maja Ek", "mentor", "applied"),
                                                      ("Farah Haddad", "mentee", "applied")]),
        "autumn-2027": ([], [("Greta Fors", "mentor", "applied")]),
    }
    for cohort_id, (pairs, others) in cohorts.items():
        for mentor, mentee in pairs:
            for name, role in ((mentor, "mentor"), (mentee, "mentee")):
                with store.reading() as connection:
                    there = connection.execute(select(schema.participations.c.id).join(
                        schema.people, schema.people.c.id == schema.participations.c.person_id).where(
                        schema.people.c.name == name, schema.participations.c.cohort_id == cohort_id,
                        schema.participations.c.role == role)).first()
                if not there:
                    take_part(store, name, cohort_id, role, "matched")
        for name, role, status in others:
            take_part(store, name, cohort_id, role, status)
        if pairs and cohort_id != "spring-2025":
            accept(store, cohort_id, pairs)
    olle = person(store, "Olle Sund")  # before the change: a write inside another write would wait for it
    with store.transaction() as connection:  # Olle Sund left autumn-2025
        connection.execute(schema.participations.update().where(
            schema.participations.c.person_id == olle).values(status="withdrawn"))
    with store.reading() as connection:
        return dict(connection.execute(select(schema.people.c.name, schema.people.c.id)).all())
