"""Matching's stored part: settings and constraints per cohort, runs saved whole, acceptance that
sets statuses and the waiting list in one transaction, and deleting a person reaching every run."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from core.matching import runs as matching
from core.matching.runs import FORBID, PIN, Constraint
from core.matching.scoring import MatchSettings
from core.platform.i18n import MentorplanError
from core.store import schema
from tests.matching_people import COHORT, small_cohort

NEXT = "spring-2027"


def statuses(store, cohort_id=COHORT) -> dict[tuple[str, str], str]:
    frame = store.participants(cohort_id)
    return {(row.name, row.role): row.status for row in frame.itertuples()}


def count(store, table) -> int:
    with store.reading() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar()


def saved_run(store):
    ids = small_cohort(store)
    run = matching.run(matching.problem_from_store(store, COHORT))
    return ids, run, store.save_run(run)


def test_settings_are_kept_per_cohort_with_defaults(store):
    assert store.match_settings(COHORT) == MatchSettings()
    chosen = MatchSettings(goals=5, town=0, objective="fairest", same_organisation_rule=False)
    store.save_match_settings(COHORT, chosen)
    assert store.match_settings(COHORT) == chosen
    assert store.match_settings("spring-2027") == MatchSettings()


def test_constraints_are_replaced_whole_and_deleted_one_by_one(store):
    ids = small_cohort(store)
    pin = Constraint(ids["Bo Ek"], ids["Ivar Jonsson"], PIN)
    forbid = Constraint(ids["Anna Berg"], ids["Hanna Ilves"], FORBID)
    store.set_constraints(COHORT, [pin, forbid])
    assert store.match_constraints(COHORT) == [pin, forbid]
    assert store.delete_constraint(COHORT, ids["Bo Ek"], ids["Ivar Jonsson"])
    assert not store.delete_constraint(COHORT, ids["Bo Ek"], ids["Ivar Jonsson"])
    assert store.match_constraints(COHORT) == [forbid]


def test_a_saved_run_reads_back_as_it_was(store):
    ids, run, run_id = saved_run(store)
    loaded = store.match_run(run_id)
    assert loaded.id == run_id and not loaded.accepted and loaded.missing == 0
    assert loaded.pairs[["mentor_email", "mentee_email", "score"]].equals(
        run.pairs[["mentor_email", "mentee_email", "score"]])
    assert loaded.pairs["reasons"].tolist() == run.pairs["reasons"].tolist()
    assert loaded.unmatched[["person_id", "role", "reason"]].to_dict("records") == \
        run.unmatched[["person_id", "role", "reason"]].to_dict("records")
    # Alternatives are saved by id and named again on reading.
    assert loaded.pairs["alternatives"].tolist() == [
        [{**a, "score": round(a["score"], 6)} for a in alternatives] for alternatives in run.pairs["alternatives"]]
    summary = store.match_runs(COHORT)
    assert summary[["id", "pair_count", "unmatched_count"]].values.tolist() == [[run_id, 4, 1]]


def test_accepting_marks_the_pairs_and_puts_the_unmatched_on_the_waiting_list(store):
    ids, run, run_id = saved_run(store)
    store.accept_run(COHORT, run_id, waiting=[ids["Farah Haddad"]], next_cohort_id=NEXT)
    now = statuses(store)
    assert now[("Farah Haddad", "mentee")] == "waiting"
    assert {now[(name, "mentee")] for name in ("Elin Gran", "Gustav Holm", "Hanna Ilves", "Ivar Jonsson")} == {
        "matched"}
    assert {now[(name, "mentor")] for name in ("Anna Berg", "Bo Ek", "Cecilia Dahl", "David Falk")} == {"matched"}
    # Farah is offered the next start, with her answers.
    offered = store.participants(NEXT, "mentee")
    assert offered["name"].tolist() == ["Farah Haddad"]
    assert offered.iloc[0]["status"] == "applied" and offered.iloc[0]["goals"] == ["digitalisering"]
    accepted = store.accepted_pairs(COHORT)
    assert list(accepted.columns) == ["mentor_person_id", "mentor_email", "mentor_name", "mentee_person_id",
                                      "mentee_email", "mentee_name", "score", "mentor_organisation",
                                      "mentee_organisation"]
    assert len(accepted) == 4 and store.match_run(run_id).accepted


def test_accepting_another_run_moves_the_acceptance_and_takes_back_the_offer(store):
    ids, _, first = saved_run(store)
    store.accept_run(COHORT, first, waiting=[ids["Farah Haddad"]], next_cohort_id=NEXT)
    # Farah gets an exception to the organisation rule: the next run matches her with David.
    with store.transaction() as connection:
        connection.execute(schema.participations.update().where(
            schema.participations.c.person_id == ids["Farah Haddad"]).values(same_org_allowed=True))
    second_run = matching.run(matching.problem_from_store(store, COHORT))
    second = store.save_run(second_run)
    store.accept_run(COHORT, second, waiting=[], next_cohort_id=NEXT)
    assert store.match_runs(COHORT).set_index("id")["accepted"].to_dict() == {first: False, second: True}
    now = statuses(store)
    assert now[("Farah Haddad", "mentee")] == "matched"
    assert store.participants(NEXT, "mentee").empty
    unpaired = set(second_run.unmatched["name"])
    for name, role in now:
        assert now[(name, role)] == ("applied" if name in unpaired else "matched")


def test_the_waiting_list_holds_only_unmatched_mentees(store):
    ids, _, run_id = saved_run(store)
    before = statuses(store)
    with pytest.raises(MentorplanError) as caught:
        store.accept_run(COHORT, run_id, waiting=[ids["Elin Gran"]], next_cohort_id=NEXT)
    assert caught.value.key == "matching.waiting_not_unmatched"
    assert statuses(store) == before and not store.match_run(run_id).accepted


def test_a_run_of_another_cohort_cannot_be_accepted_here(store):
    _, _, run_id = saved_run(store)
    with pytest.raises(MentorplanError) as caught:
        store.accept_run("spring-2027", run_id)
    assert caught.value.key == "matching.unknown_run"


def test_a_run_is_saved_whole_or_not_at_all(store):
    _, run, _ = saved_run(store)
    runs_before, pairs_before = count(store, schema.match_runs), count(store, schema.match_pairs)
    broken = run.pairs.copy()
    broken.loc[broken.index[-1], "mentee_person_id"] = 999_999  # nobody: the foreign key refuses it
    with pytest.raises(IntegrityError):
        store.save_run(dataclasses.replace(run, pairs=broken), accept=True, next_cohort_id=NEXT)
    assert count(store, schema.match_runs) == runs_before
    assert count(store, schema.match_pairs) == pairs_before
    assert set(statuses(store).values()) == {"applied"}


def test_deleting_a_person_reaches_their_pins_and_runs(store):
    ids, _, run_id = saved_run(store)
    store.set_constraints(COHORT, [Constraint(ids["Bo Ek"], ids["Gustav Holm"], PIN)])
    with store.transaction() as connection:
        connection.execute(delete(schema.people).where(schema.people.c.id == ids["Gustav Holm"]))
    assert store.match_constraints(COHORT) == []
    run = store.match_run(run_id)
    assert "Gustav Holm" not in set(run.pairs["mentee_name"]) and run.missing == 1
    with pytest.raises(MentorplanError) as caught:
        matching.check_acceptable(run, store.participants(COHORT, "mentor"), store.participants(COHORT, "mentee"))
    assert caught.value.shown("en").startswith("1 people of this run have been deleted from the register")
    # Farah's reason (her organisation, her language) goes with her.
    with store.transaction() as connection:
        connection.execute(delete(schema.people).where(schema.people.c.id == ids["Farah Haddad"]))
    assert store.match_run(run_id).unmatched.empty


def test_no_run_no_accepted_pairs(store):
    small_cohort(store)
    assert store.accepted_run(COHORT) is None
    frame = store.accepted_pairs(COHORT)
    assert isinstance(frame, pd.DataFrame) and frame.empty and "mentee_email" in frame.columns
    assert store.match_run(12345) is None
