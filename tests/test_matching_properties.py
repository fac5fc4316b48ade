"""Whole cohorts drawn at random, matched end to end: no pair ever breaks a hard rule as the
register states it (organisation, language, gender preference, forbidden pairs, capacity, pins),
and every unmatched mentee's reason is true of the cohort."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.matching import runs as matching
from core.matching.runs import FORBID, PIN, Constraint
from core.matching.scoring import MatchSettings
from core.store.people import PARTICIPATION_COLUMNS, PERSON_COLUMNS

ORGANISATIONS = ("Kommun A", "kommun a ", "Region Norr", "Företaget AB")
LANGUAGES = (["sv"], ["sv", "en"], ["en"], ["ar"], ["fi", "sv"], [])
GENDERS = ("woman", "man", "other", "")


@st.composite
def people(draw, role: str, count: int, first_id: int) -> pd.DataFrame:
    rows = []
    for index in range(count):
        person_id = first_id + index
        rows.append({
            "person_id": person_id, "email": f"{role}{person_id}@example.se", "name": f"{role} {person_id}",
            "phone": "", "organisation": draw(st.sampled_from(ORGANISATIONS)), "department": "", "title": "",
            "town": draw(st.sampled_from(("Umeå", "Luleå", ""))), "languages": draw(st.sampled_from(LANGUAGES)),
            "gender": draw(st.sampled_from(GENDERS)), "participation_id": person_id, "cohort_id": "autumn-2026",
            "role": role, "status": draw(st.sampled_from(("applied", "applied", "matched", "withdrawn"))),
            "competences": draw(st.lists(st.sampled_from(("ledarskap", "leadership", "HR", "budget")), max_size=2))
            if role == "mentor" else [],
            "goals": draw(st.lists(st.sampled_from(("Ledarskap", "hr", "ekonomi")), max_size=2))
            if role == "mentee" else [],
            "sector": draw(st.sampled_from(("public", "private", ""))),
            "sector_preference": draw(st.sampled_from(("same", "other", ""))) if role == "mentee" else "",
            "experience_years": draw(st.one_of(st.none(), st.integers(0, 30))), "start_preference": "any",
            "gender_preference": draw(st.sampled_from(("", "", "woman", "man"))),
            "capacity": draw(st.integers(1, 2)) if role == "mentor" else 1, "consent": True,
            "motivation": draw(st.sampled_from(("", "ledarskap i offentlig sektor", "budget och ekonomi"))),
            "same_org_allowed": draw(st.booleans()) and draw(st.booleans()), "extra": {},
        })
    return pd.DataFrame(rows, columns=list(PERSON_COLUMNS + PARTICIPATION_COLUMNS))


@st.composite
def cohorts(draw):
    mentors = draw(people("mentor", draw(st.integers(1, 5)), 1))
    mentees = draw(people("mentee", draw(st.integers(1, 6)), 100))
    mentors.loc[0, "status"] = "applied"  # somebody on each side takes part
    mentees.loc[0, "status"] = "applied"
    rule = draw(st.booleans())
    forbids = draw(st.lists(st.tuples(st.sampled_from(list(mentors["person_id"])),
                                      st.sampled_from(list(mentees["person_id"]))), max_size=3, unique=True))
    objective = draw(st.sampled_from(("total", "fairest")))
    return mentors, mentees, MatchSettings(same_organisation_rule=rule, objective=objective), \
        [Constraint(int(a), int(b), FORBID) for a, b in forbids]


def plain(text: str) -> str:
    return " ".join(text.casefold().split())


def record(frame: pd.DataFrame, person_id: int) -> dict:
    return {**frame.loc[person_id].to_dict(), "person_id": person_id}


def allowed(mentor: dict, mentee: dict, settings: MatchSettings, forbidden: set) -> bool:
    """The hard rules, written out again from the register's fields, pair by pair."""
    same_org = plain(mentor["organisation"]) == plain(mentee["organisation"]) != ""
    if same_org and settings.same_organisation_rule and not (mentor["same_org_allowed"] or
                                                            mentee["same_org_allowed"]):
        return False
    if mentor["languages"] and mentee["languages"] and not set(mentor["languages"]) & set(mentee["languages"]):
        return False
    if mentee["gender_preference"] and mentee["gender_preference"] != mentor["gender"]:
        return False
    if mentor["gender_preference"] and mentor["gender_preference"] != mentee["gender"]:
        return False
    if mentor["person_id"] == mentee["person_id"]:
        return False
    return (mentor["person_id"], mentee["person_id"]) not in forbidden


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts(), st.data())
def test_no_pair_ever_breaks_a_hard_rule_and_every_reason_is_true(cohort, data):
    mentors, mentees, settings, constraints = cohort
    problem = matching.prepare("autumn-2026", mentors, mentees, settings, constraints)
    active_mentors = problem.mentors.set_index("person_id")
    active_mentees = problem.mentees.set_index("person_id")
    forbidden = {(c.mentor_id, c.mentee_id) for c in constraints}
    # Pin one possible pair, as the coordinator might.
    possible = [(m, e) for m in active_mentors.index for e in active_mentees.index
                if allowed(record(active_mentors, m), record(active_mentees, e), settings, forbidden)]
    pins = []
    if possible and data.draw(st.booleans()):
        mentor, mentee = data.draw(st.sampled_from(possible))
        pins = [Constraint(int(mentor), int(mentee), PIN)]
        problem = matching.check_constraints(problem, pins)
    run = matching.run(problem)

    for pair in run.pairs.itertuples():
        mentor, mentee = record(active_mentors, pair.mentor_person_id), record(active_mentees, pair.mentee_person_id)
        assert allowed(mentor, mentee, settings, forbidden), pair
    taken = run.pairs["mentor_person_id"].value_counts()
    for mentor_id, count in taken.items():
        assert count <= active_mentors.at[mentor_id, "capacity"]
    assert run.pairs["mentee_person_id"].is_unique
    made = set(zip(run.pairs["mentor_person_id"], run.pairs["mentee_person_id"], strict=True))
    assert {(p.mentor_id, p.mentee_id) for p in pins} <= made
    assert set(run.pairs["mentee_person_id"]) | set(run.unmatched_mentees["person_id"]) == set(active_mentees.index)
    assert set(mentors[mentors["status"] == "withdrawn"]["person_id"]).isdisjoint(taken.index)

    for person in run.unmatched_mentees.itertuples():
        mentee = record(active_mentees, person.person_id)
        key = person.reason["key"]
        candidates = [m for m in active_mentors.index
                      if allowed(record(active_mentors, m), mentee, settings, forbidden)]
        if key == "matching.reason.mentors_taken":
            assert candidates and all(taken.get(m, 0) == active_mentors.at[m, "capacity"] for m in candidates)
        else:
            assert not candidates, key
        if key == "matching.reason.language":
            assert not any(set(active_mentors.at[m, "languages"]) & set(mentee["languages"])
                           for m in active_mentors.index if active_mentors.at[m, "languages"])
