"""People for the matching tests, written straight into the store's tables (the register's own
import is tested elsewhere): a helper to add one participant, and a small cohort with known
answers."""

from __future__ import annotations

from sqlalchemy import insert, select

from core.store import Store, schema

COHORT = "autumn-2026"


def add_participant(store: Store, role: str, name: str, cohort_id: str = COHORT, **fields) -> int:
    """Add a person (or reuse one by e-mail) and their participation; returns the person's id."""
    email = fields.pop("email", f"{name.lower().replace(' ', '.')}@example.se")
    person = {k: fields.pop(k) for k in ("phone", "organisation", "department", "title", "town",
                                         "languages", "gender") if k in fields}
    person.setdefault("languages", ["sv"])
    with store.transaction() as connection:
        person_id = connection.execute(select(schema.people.c.id).where(schema.people.c.email == email)).scalar()
        if person_id is None:
            person_id = connection.execute(insert(schema.people).values(
                email=email, name=name, **person)).inserted_primary_key[0]
        fields.setdefault("competences" if role == "mentor" else "goals", [])
        connection.execute(insert(schema.participations).values(
            person_id=person_id, cohort_id=cohort_id, role=role, **fields))
    return int(person_id)


def small_cohort(store: Store, cohort_id: str = COHORT) -> dict[str, int]:
    """Four mentors (one taking two) and five mentees with answers whose best pairs are plain to
    see; Farah speaks only Arabic, which no mentor outside her organisation does."""
    ids = {}
    mentors = [
        ("Anna Berg", dict(organisation="Region Norr", town="Umeå", languages=["sv", "en"], gender="woman",
                           competences=["Ledarskap", "Kommunikation"], sector="public", experience_years=20,
                           capacity=2, motivation="Jag vill dela erfarenheter av ledarskap i offentlig sektor.")),
        ("Bo Ek", dict(organisation="Kommun A", town="Luleå", languages=["sv"], gender="man",
                       competences=["projektledning", "budget"], sector="public", experience_years=15,
                       motivation="Projektledning och ekonomistyrning i kommunal verksamhet.")),
        ("Cecilia Dahl", dict(organisation="Företaget AB", town="Umeå", languages=["sv", "en"],
                              gender="woman", competences=["change management", "HR"], sector="private",
                              experience_years=12, motivation="Förändringsledning och HR i privat sektor.")),
        ("David Falk", dict(organisation="Region Norr", town="Skellefteå", languages=["sv", "ar"],
                            gender="man", competences=["digitalisering"], sector="public", experience_years=8,
                            motivation="Digitalisering av vården.")),
    ]
    mentees = [
        ("Elin Gran", dict(organisation="Kommun B", town="Umeå", languages=["sv"], gender="woman",
                           goals=["leadership", "communication"], sector="public", sector_preference="same",
                           experience_years=3, gender_preference="woman",
                           motivation="Jag vill utvecklas i mitt ledarskap i offentlig sektor.")),
        ("Farah Haddad", dict(organisation="Region Norr", town="Umeå", languages=["ar"], gender="woman",
                              goals=["digitalisering"], sector="public", experience_years=2)),
        ("Gustav Holm", dict(organisation="Kommun B", town="Luleå", languages=["sv"], gender="man",
                             goals=["projektledning"], sector="public", sector_preference="same",
                             experience_years=4, motivation="Jag leder projekt i kommunal verksamhet.")),
        ("Hanna Ilves", dict(organisation="Kommun A", town="Umeå", languages=["sv", "en", "fi"], gender="woman",
                             goals=["förändringsledning", "hr"], sector="public", sector_preference="other",
                             experience_years=5)),
        ("Ivar Jonsson", dict(organisation="Kommun C", town="Skellefteå", languages=["sv"], gender="man",
                              goals=["digitalisering", "ledarskapp"], sector="public", experience_years=1,
                              phone="070-123 45 67")),
    ]
    for name, fields in mentors:
        ids[name] = add_participant(store, "mentor", name, cohort_id, **fields)
    for name, fields in mentees:
        ids[name] = add_participant(store, "mentee", name, cohort_id, **fields)
    return ids
