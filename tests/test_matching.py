"""Matching a cohort, in the coordinator's terms: the hard rules hold, the scores read the answers
as meant (Swedish and English tags, near-spellings), each pair is explained, each unmatched person
gets the right reason, and bad input is a message that says what to do."""

from __future__ import annotations

import io
import subprocess
import sys

import numpy as np
import openpyxl
import pytest

from core.matching import runs as matching
from core.matching.report import compare_runs, describe, pair_list_csv, pair_list_xlsx, reasons_text
from core.matching.runs import FORBID, PIN, Constraint
from core.matching.scoring import MatchSettings
from core.matching.tags import canonical_tags, plain, read_lexicon
from core.platform.i18n import MentorplanError
from tests.conftest import ROOT
from tests.matching_people import COHORT, add_participant, small_cohort


def problem_of(store, settings=None, constraints=None):
    if constraints is not None:
        store.set_constraints(COHORT, constraints)
    return matching.problem_from_store(store, COHORT, settings)


def pairs_by_name(run) -> set[tuple[str, str]]:
    return set(zip(run.pairs["mentor_name"], run.pairs["mentee_name"], strict=True))


def unmatched_reason(run, name: str, lang: str = "en") -> str:
    row = run.unmatched[run.unmatched["name"] == name].iloc[0]
    return describe(row["reason"], lang)


# -- The small cohort, end to end -----------------------------------------------------------------

def test_the_small_cohort_gets_its_plain_best_pairs(store):
    small_cohort(store)
    run = matching.run(problem_of(store))
    assert pairs_by_name(run) == {("Anna Berg", "Elin Gran"), ("Bo Ek", "Gustav Holm"),
                                  ("Cecilia Dahl", "Hanna Ilves"), ("David Falk", "Ivar Jonsson")}
    assert run.unmatched["name"].tolist() == ["Farah Haddad"]
    assert unmatched_reason(run, "Farah Haddad") == "No mentor outside Region Norr speaks Arabic."
    assert unmatched_reason(run, "Farah Haddad", "sv") == "Ingen mentor utanför Region Norr talar arabiska."


def test_each_pair_says_why_in_both_languages(store):
    small_cohort(store)
    run = matching.run(problem_of(store))
    elin = run.pairs[run.pairs["mentee_name"] == "Elin Gran"].iloc[0]
    english = reasons_text(elin["reasons"], "en")
    assert "The mentor covers 2 of the mentee's 2 goals: leadership, communication." in english
    assert "Same sector (public), as the mentee wished." in english
    assert "The mentor has 17 more years of experience." in english
    assert "Same town (Umeå)." in english
    assert "Mentorn kan 2 av adeptens 2 utvecklingsområden" in reasons_text(elin["reasons"], "sv")
    # The criteria's shares add up to the pair's score.
    assert sum(r["share"] for r in elin["reasons"]) == pytest.approx(elin["score"], abs=1e-3)


def test_swedish_and_english_tags_and_near_spellings_are_the_same_goal(store):
    ids = small_cohort(store)
    problem = problem_of(store)
    goals = problem.scores.criteria["goals"]
    hanna, cecilia = problem.mentee_row(ids["Hanna Ilves"]), problem.mentor_column(ids["Cecilia Dahl"])
    # "förändringsledning", "hr" against "change management", "HR"
    assert goals[hanna, cecilia] == pytest.approx(1.0)
    ivar, anna = problem.mentee_row(ids["Ivar Jonsson"]), problem.mentor_column(ids["Anna Berg"])
    # "ledarskapp" (a typo) against "Ledarskap"; his other goal, "digitalisering", Anna lacks
    assert goals[ivar, anna] == pytest.approx(0.5)


def test_scores_are_a_weighted_mean_comparable_across_weight_settings(store):
    small_cohort(store)
    once = problem_of(store, MatchSettings(goals=1, sector=1, town=1, experience=1, text=1)).scores.score
    twice = problem_of(store, MatchSettings(goals=2, sector=2, town=2, experience=2, text=2)).scores.score
    assert once.dtype == np.float32
    assert ((once >= 0) & (once <= 1)).all()
    np.testing.assert_allclose(once, twice, atol=1e-6)


# -- Tags -------------------------------------------------------------------------------------------

def test_plain_forms_ignore_case_accents_and_hyphens():
    assert plain("Förändrings-ledning ") == plain("forandrings ledning")
    assert plain("  Projekt/Ledning ") == "projekt ledning"


def test_tags_map_to_one_name_across_languages_and_spellings():
    names = canonical_tags(["Ledarskap", "leadership", "Ledarskapp", "Kommunikation", "HR", "IT",
                            "Marknadsföring", "marknadsforing", "Marknadsföringg"])
    assert names["Ledarskap"] == names["leadership"] == names["Ledarskapp"] == "leadership"
    assert names["Kommunikation"] == "communication"
    assert names["HR"] != names["IT"]  # short words are compared exactly
    assert names["Marknadsföring"] == names["marknadsforing"] == names["Marknadsföringg"]


def test_a_word_on_two_synonym_lines_is_refused(tmp_path):
    path = tmp_path / "tags.toml"
    path.write_text('[synonyms]\nleadership = ["ledarskap"]\nmanagement = ["Ledarskap"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="both"):
        read_lexicon(path)


# -- Hard rules -------------------------------------------------------------------------------------

def test_same_organisation_is_forbidden_unless_excepted_or_turned_off(store):
    add_participant(store, "mentor", "Maja", organisation="Kommun A")
    add_participant(store, "mentee", "Nils", organisation="kommun a")  # case does not matter
    assert not problem_of(store).scores.feasible.any()
    assert problem_of(store, MatchSettings(same_organisation_rule=False)).scores.feasible.all()
    add_participant(store, "mentee", "Olle", organisation="Kommun A", same_org_allowed=True)
    problem = problem_of(store)
    run = matching.run(problem)
    assert pairs_by_name(run) == {("Maja", "Olle")}
    assert describe(run.pairs.iloc[0]["warnings"][0], "en") == (
        "Same organisation (Kommun A), allowed as an exception.")


def test_a_pair_must_share_a_language_unless_one_stated_none(store):
    add_participant(store, "mentor", "Maja", languages=["sv"])
    add_participant(store, "mentee", "Nils", languages=["fi"])
    add_participant(store, "mentee", "Olle", languages=[])
    run = matching.run(problem_of(store))
    assert pairs_by_name(run) == {("Maja", "Olle")}
    assert [w["key"] for w in run.pairs.iloc[0]["warnings"]][0] == "matching.warn.language_unknown"
    assert unmatched_reason(run, "Nils") == "No mentor speaks Finnish."


def test_a_gender_preference_is_met_or_the_pair_is_impossible(store):
    add_participant(store, "mentor", "Maja", gender="woman")
    add_participant(store, "mentor", "Max", gender="man")
    add_participant(store, "mentor", "Kim")  # gender unknown: meets no preference
    add_participant(store, "mentee", "Nora", gender="woman", gender_preference="woman")
    problem = problem_of(store)
    assert problem.scores.feasible.tolist() == [[False, True, False]]  # Kim, Maja, Max
    run = matching.run(problem)
    assert pairs_by_name(run) == {("Maja", "Nora")}


def test_withdrawn_people_take_no_part(store):
    add_participant(store, "mentor", "Maja")
    add_participant(store, "mentee", "Nils", status="withdrawn")
    add_participant(store, "mentee", "Olle")
    problem = problem_of(store)
    assert problem.mentees["name"].tolist() == ["Olle"]


def test_nobody_is_paired_with_themselves(store):
    add_participant(store, "mentor", "Maja", email="maja@example.se", same_org_allowed=True)
    add_participant(store, "mentee", "Maja", email="maja@example.se", same_org_allowed=True)
    assert not problem_of(store).scores.feasible.any()


# -- Unmatched people, named with the reason --------------------------------------------------------

def test_every_mentor_in_the_own_organisation(store):
    add_participant(store, "mentor", "Maja", organisation="Region Norr", languages=[])
    add_participant(store, "mentee", "Nils", organisation="Region Norr", languages=[])
    run = matching.run(problem_of(store))
    assert unmatched_reason(run, "Nils") == "Every mentor works at Region Norr."
    assert unmatched_reason(run, "Maja") == "Every mentee works at Region Norr."


def test_a_gender_preference_nobody_meets(store):
    add_participant(store, "mentor", "Max", gender="man")
    add_participant(store, "mentee", "Nora", gender="woman", gender_preference="woman")
    add_participant(store, "mentor", "Mika", gender="man", gender_preference="man")
    add_participant(store, "mentee", "Olle", gender="man")
    run = matching.run(problem_of(store))
    assert unmatched_reason(run, "Nora") == "No otherwise possible mentor meets the gender preference (woman)."
    assert unmatched_reason(run, "Nora", "sv") == (
        "Ingen mentor som i övrigt är möjlig uppfyller önskemålet om kön (kvinna).")
    assert len(run.pairs) == 1


def test_a_mentee_whose_every_mentor_is_forbidden(store):
    maja = add_participant(store, "mentor", "Maja")
    nils = add_participant(store, "mentee", "Nils")
    run = matching.run(problem_of(store, constraints=[Constraint(maja, nils, FORBID)]))
    assert unmatched_reason(run, "Nils") == "The coordinator has forbidden every otherwise possible mentor."


def test_more_mentees_than_places_names_who_is_left_and_why(store):
    add_participant(store, "mentor", "Maja", capacity=2, competences=["ledarskap"])
    for name in ("Nils", "Olle", "Pia"):
        add_participant(store, "mentee", name, goals=["leadership"] if name != "Pia" else [])
    problem = problem_of(store)
    assert describe(problem.notices[0], "en").startswith("3 mentees but only 2 mentor places: at least 1 will")
    run = matching.run(problem)
    assert run.unmatched["name"].tolist() == ["Pia"]  # she stated no goals: the others fit better
    assert unmatched_reason(run, "Pia").startswith("The possible mentors (1) are full")
    assert run.unmatched.iloc[0]["alternatives"][0]["name"] == "Maja"


def test_a_spare_mentor_is_named_too(store):
    add_participant(store, "mentor", "Maja", town="Umeå")
    add_participant(store, "mentor", "Mona", town="Luleå")
    add_participant(store, "mentee", "Nils", town="Umeå")
    run = matching.run(problem_of(store))
    assert unmatched_reason(run, "Mona") == "The possible mentees (1) went to mentors who fit them better in the whole."


# -- Bad input: a message that says what to do ------------------------------------------------------

@pytest.mark.parametrize(("roles", "key"), [
    ((), "matching.no_participants"), (("mentee",), "matching.no_mentors"), (("mentor",), "matching.no_mentees")])
def test_a_cohort_without_mentors_or_mentees(store, roles, key):
    for role in roles:
        add_participant(store, role, f"Someone {role}")
    with pytest.raises(MentorplanError) as caught:
        problem_of(store)
    assert caught.value.key == key
    assert "Importera deltagare" in caught.value.shown("sv")
    assert "Höststart 2026" in caught.value.shown("sv") and "autumn-2026" not in caught.value.shown("sv")


def test_all_weights_zero_is_refused():
    with pytest.raises(MentorplanError) as caught:
        MatchSettings(goals=0, sector=0, town=0, experience=0, text=0)
    assert "at least one criterion" in caught.value.shown("en")
    with pytest.raises(MentorplanError):
        MatchSettings(goals=-1)
    with pytest.raises(MentorplanError):
        MatchSettings(goals=float("nan"))
    with pytest.raises(MentorplanError):
        MatchSettings(objective="greedy")


@pytest.mark.parametrize(("mentee", "rule"), [
    (dict(organisation="Kommun A"), "organisation"),
    (dict(languages=["fi"]), "language"),
    (dict(gender_preference="man"), "gender")])
def test_a_pin_that_breaks_a_hard_rule(store, mentee, rule):
    maja = add_participant(store, "mentor", "Maja", organisation="Kommun A", gender="woman")
    nils = add_participant(store, "mentee", "Nils", **mentee)
    problem = problem_of(store)
    with pytest.raises(MentorplanError) as caught:
        matching.check_constraints(problem, [Constraint(maja, nils, PIN)])
    assert caught.value.key == f"matching.pin_breaks_{rule}"
    assert "Maja" in caught.value.shown("en") and "Nils" in caught.value.shown("en")


def test_a_mentor_pinned_beyond_capacity(store):
    maja = add_participant(store, "mentor", "Maja")
    nils, olle = add_participant(store, "mentee", "Nils"), add_participant(store, "mentee", "Olle")
    problem = problem_of(store, constraints=[Constraint(maja, nils, PIN)])
    with pytest.raises(MentorplanError) as caught:
        matching.check_constraints(problem, [Constraint(maja, olle, PIN)])
    assert caught.value.shown("en") == (
        "Maja is pinned to 2 mentees but takes 1. Remove a pin or raise the mentor's number of mentees in the "
        "register.")


def test_a_new_pin_replaces_the_mentees_old_one_and_a_forbid_the_pin_on_that_pair(store):
    maja, mona = add_participant(store, "mentor", "Maja"), add_participant(store, "mentor", "Mona")
    nils = add_participant(store, "mentee", "Nils")
    kept = matching.with_constraints([Constraint(maja, nils, PIN)], [Constraint(mona, nils, PIN)])
    assert kept == [Constraint(mona, nils, PIN)]
    kept = matching.with_constraints(kept, [Constraint(mona, nils, FORBID)])
    assert kept == [Constraint(mona, nils, FORBID)]


def test_a_pin_of_someone_who_withdrew_says_to_remove_it(store):
    maja = add_participant(store, "mentor", "Maja")
    nils = add_participant(store, "mentee", "Nils", status="withdrawn")
    add_participant(store, "mentee", "Olle")
    with pytest.raises(MentorplanError) as caught:
        problem_of(store, constraints=[Constraint(maja, nils, PIN)])
    assert caught.value.shown("en").startswith("The pinned pair Maja – Nils no longer holds: Nils does not")
    # A forbidden pair with someone who left harms nobody.
    assert problem_of(store, constraints=[Constraint(maja, nils, FORBID)]).mentees["name"].tolist() == ["Olle"]


# -- Pins, forbidden pairs, swaps ------------------------------------------------------------------------

def test_pins_and_forbidden_pairs_are_kept(store):
    ids = small_cohort(store)
    pin = Constraint(ids["Bo Ek"], ids["Ivar Jonsson"], PIN)
    forbid = Constraint(ids["Cecilia Dahl"], ids["Hanna Ilves"], FORBID)
    run = matching.run(problem_of(store, constraints=[pin, forbid]))
    pairs = pairs_by_name(run)
    assert ("Bo Ek", "Ivar Jonsson") in pairs and ("Cecilia Dahl", "Hanna Ilves") not in pairs
    assert run.pairs.set_index("mentee_name").at["Ivar Jonsson", "pinned"]


def test_a_swap_pins_both_new_pairs(store):
    ids = small_cohort(store)
    problem = problem_of(store)
    before = matching.run(problem)
    pins = matching.swap_pins(before, ids["Gustav Holm"], ids["Ivar Jonsson"])
    after = matching.run(matching.check_constraints(problem, pins))
    assert {("David Falk", "Gustav Holm"), ("Bo Ek", "Ivar Jonsson")} <= pairs_by_name(after)
    assert after.total_score < before.total_score
    with pytest.raises(MentorplanError) as caught:  # Elin wishes a woman as mentor; Bo is not
        matching.check_constraints(problem, matching.swap_pins(before, ids["Elin Gran"], ids["Gustav Holm"]))
    assert caught.value.key == "matching.pin_breaks_gender"
    with pytest.raises(MentorplanError):
        matching.swap_pins(before, ids["Elin Gran"], ids["Farah Haddad"])  # Farah has no mentor


def test_what_a_swap_costs(store):
    ids = small_cohort(store)
    problem = problem_of(store)
    costs = matching.swap_costs(problem, ids["Elin Gran"])
    assert len(costs) >= 1
    assert (costs["total_change"] <= 1e-6).all()  # the optimum cannot be beaten
    assert costs["name"].iloc[0] != "Anna Berg"  # her own mentor is no alternative


def test_the_fairest_objective_lifts_the_weakest_pair(store):
    small_cohort(store)
    problem = problem_of(store)
    total, fairest = matching.run(problem, "total"), matching.run(problem, "fairest")
    assert fairest.min_score >= total.min_score - 1e-9
    assert fairest.total_score <= total.total_score + 1e-9
    assert fairest.objective == "fairest"


# -- Accepting (the next start after a cohort: tests/test_programme.py) -------------------------------------

def test_a_run_made_before_someone_withdrew_cannot_be_accepted(store):
    ids = small_cohort(store)
    run = matching.run(problem_of(store))
    mentors, mentees = store.participants(COHORT, "mentor"), store.participants(COHORT, "mentee")
    matching.check_acceptable(run, mentors, mentees)
    mentees.loc[mentees["person_id"] == ids["Elin Gran"], "status"] = "withdrawn"
    with pytest.raises(MentorplanError) as caught:
        matching.check_acceptable(run, mentors, mentees)
    assert "Elin Gran" in caught.value.shown("en")


def test_the_matching_domain_needs_neither_streamlit_nor_the_store():
    code = ("import sys, core.matching.runs, core.matching.scoring, core.matching.assignment, core.matching.tags, "
            "core.matching.report; "
            "print(sorted(m for m in ('streamlit', 'core.store') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_pair_list_files_are_safe_in_a_spreadsheet(store):
    add_participant(store, "mentor", "=HYPERLINK(\"http://evil\")", organisation="+Org", phone="-1")
    add_participant(store, "mentee", "Nils", organisation="@Org")
    run = matching.run(problem_of(store))
    text = pair_list_csv(run, "en").decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+Org" in text and "'@Org" in text and "'-1" in text
    book = openpyxl.load_workbook(io.BytesIO(pair_list_xlsx(run, "Autumn start 2026", "en")))
    assert book["Pairs"]["A1"].value == "The pair list · Autumn start 2026"
    assert book["Pairs"]["A3"].value.startswith("'=")
    assert [c.value for c in book["About the matching"]["A"]][1:5] == ["Item", "Cohort", "Run at", "Objective"]


def test_comparing_two_runs_lists_the_mentees_with_another_mentor(store):
    ids = small_cohort(store)
    problem = problem_of(store)
    before = matching.run(problem)
    after = matching.run(matching.check_constraints(
        problem, matching.swap_pins(before, ids["Gustav Holm"], ids["Ivar Jonsson"])))
    changes = compare_runs(before, after, "en")
    assert changes.to_dict("records") == [
        {"Mentee": "Gustav Holm", "Mentor before": "Bo Ek", "Mentor now": "David Falk",
         "Score before": 0.942, "Score now": round(float(after.pairs.set_index("mentee_name").at[
             "Gustav Holm", "score"]), 3)},
        {"Mentee": "Ivar Jonsson", "Mentor before": "David Falk", "Mentor now": "Bo Ek",
         "Score before": 0.64, "Score now": round(float(after.pairs.set_index("mentee_name").at[
             "Ivar Jonsson", "score"]), 3)}]
    assert compare_runs(before, before, "en").empty
