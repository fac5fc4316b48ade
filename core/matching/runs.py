"""Matching a cohort: who takes part, the coordinator's pinned and forbidden pairs, the optimal
assignment (core.matching.assignment) of the scores (core.matching.scoring), and what explains it: each pair's
reasons and warnings, each mentee's next-best mentors, each unmatched person's reason, and what a
swap would cost. Pure Python over the register's frames; the store saves a run and the page and
the command line show it.

Words are kept as phrases, {"key": label key, "params": {...}}, and put into Swedish or English
only when shown (core.matching.report), so that a saved run reads in either language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from core.matching.assignment import Assignment, solve
from core.matching.scoring import CRITERIA, MatchSettings, ScoreMatrices, score_pairs
from core.platform.i18n import MentorplanError, t

if TYPE_CHECKING:
    from core.store import Store

# Statuses of people who take part in a cohort's matching (withdrawn people do not).
ACTIVE_STATUSES = ("applied", "matched", "waiting")
PIN, FORBID = "pin", "forbid"
CONSTRAINT_KINDS = (PIN, FORBID)
ALTERNATIVES = 3  # next-best mentors shown per mentee
WEAK_PAIR = 0.25  # a pair scoring below this is flagged
SHOWN_WORDS = 5  # shared words of the free-text answers named in a reason

PERSON_FIELDS = ("name", "email", "phone", "organisation")
PAIR_COLUMNS = (("mentor_person_id", "mentee_person_id")
                + tuple(f"mentor_{f}" for f in PERSON_FIELDS) + tuple(f"mentee_{f}" for f in PERSON_FIELDS)
                + ("score", "pinned", "reasons", "warnings", "alternatives"))
UNMATCHED_COLUMNS = ("person_id", "role", "name", "email", "organisation", "reason", "alternatives")


def phrase(key: str, **params: object) -> dict:
    """Words to be shown later, in the reader's language."""
    return {"key": key, "params": params}


@dataclass(frozen=True)
class CohortName:
    """A cohort named in words when shown ("Höststart 2026"), known here by its id."""
    cohort_id: str

    def shown(self, lang: str) -> str:
        track, _, year = self.cohort_id.partition("-")
        if track in ("autumn", "spring") and year.isdigit():
            return t("cohort.label", lang, track=t(f"cohort.track_{track}", lang), year=year)
        return self.cohort_id


@dataclass(frozen=True)
class Constraint:
    """A pair the coordinator fixed (pin) or ruled out (forbid)."""
    mentor_id: int
    mentee_id: int
    kind: str

    def __post_init__(self) -> None:
        if self.kind not in CONSTRAINT_KINDS:
            raise ValueError(f"unknown constraint kind {self.kind!r}")


@dataclass
class Problem:
    """A cohort ready to be matched: the people who take part (mentees are the score matrices'
    rows, mentors their columns), the settings, the checked constraints and all pairs' scores."""
    cohort_id: str
    mentees: pd.DataFrame
    mentors: pd.DataFrame
    settings: MatchSettings
    constraints: tuple[Constraint, ...]
    scores: ScoreMatrices
    pins: list[tuple[int, int]]  # (mentee row, mentor column)
    notices: list[dict] = field(default_factory=list)  # cohort-level words for the coordinator

    @property
    def capacity(self) -> np.ndarray:
        return self.mentors["capacity"].to_numpy(np.int64)

    def mentee_row(self, person_id: int) -> int:
        return _row_of(self.mentees, person_id)

    def mentor_column(self, person_id: int) -> int:
        return _row_of(self.mentors, person_id)


def _row_of(frame: pd.DataFrame, person_id: int) -> int:
    rows = np.flatnonzero(frame["person_id"].to_numpy() == person_id)
    if not len(rows):
        raise KeyError(person_id)
    return int(rows[0])


@dataclass
class MatchRun:
    """A matching's result, as computed or as saved: the pairs with their reasons, the unmatched
    people with theirs, and what it was computed with."""
    cohort_id: str
    objective: str
    settings: MatchSettings
    constraints: tuple[Constraint, ...]
    pairs: pd.DataFrame  # PAIR_COLUMNS
    unmatched: pd.DataFrame  # UNMATCHED_COLUMNS
    notices: list[dict] = field(default_factory=list)
    id: int | None = None
    created_at: dt.datetime | None = None
    accepted: bool = False
    missing: int = 0  # people of the saved run since deleted from the register

    @property
    def pair_count(self) -> int:
        return len(self.pairs)

    @property
    def total_score(self) -> float:
        return float(self.pairs["score"].sum()) if len(self.pairs) else 0.0

    @property
    def min_score(self) -> float | None:
        return float(self.pairs["score"].min()) if len(self.pairs) else None

    @property
    def unmatched_mentees(self) -> pd.DataFrame:
        return self.unmatched[self.unmatched["role"] == "mentee"]


# -- Who takes part ----------------------------------------------------------------------------

def taking_part(participants: pd.DataFrame) -> pd.DataFrame:
    """The participations that are matched: not withdrawn; in a stable order (name, e-mail)."""
    active = participants[participants["status"].isin(ACTIVE_STATUSES)]
    active = active.sort_values(["name", "email"], kind="stable").reset_index(drop=True)
    active["capacity"] = pd.to_numeric(active["capacity"], errors="coerce").fillna(1).clip(lower=1).astype(int)
    return active


def prepare(cohort_id: str, mentors: pd.DataFrame, mentees: pd.DataFrame, settings: MatchSettings,
            constraints: Iterable[Constraint] = ()) -> Problem:
    """Check the cohort and the coordinator's constraints, and score every pair. Raises
    MentorplanError, naming what to do, for a cohort that cannot be matched as it stands."""
    all_mentors, all_mentees = mentors, mentees
    mentors, mentees = taking_part(mentors), taking_part(mentees)
    cohort = CohortName(cohort_id)
    if mentors.empty and mentees.empty:
        raise MentorplanError("matching.no_participants", cohort=cohort)
    if mentors.empty:
        raise MentorplanError("matching.no_mentors", cohort=cohort, mentees=len(mentees))
    if mentees.empty:
        raise MentorplanError("matching.no_mentees", cohort=cohort, mentors=len(mentors))
    mentor_ids = dict(zip(mentors["person_id"], range(len(mentors)), strict=True))
    mentee_ids = dict(zip(mentees["person_id"], range(len(mentees)), strict=True))
    names = _names(all_mentors, all_mentees)
    constraints = tuple(dict.fromkeys(constraints))
    pins: list[tuple[int, int]] = []
    forbidden: list[tuple[int, int]] = []
    for c in constraints:
        if c.mentor_id not in mentor_ids or c.mentee_id not in mentee_ids:
            if c.kind == PIN:  # a forbidden pair with someone who left harms nobody
                gone = c.mentee_id if c.mentee_id not in mentee_ids else c.mentor_id
                raise MentorplanError("matching.pin_stale", mentor=names.get(c.mentor_id, c.mentor_id),
                                      mentee=names.get(c.mentee_id, c.mentee_id),
                                      gone=names.get(gone, gone))
            continue
        pair = (mentee_ids[c.mentee_id], mentor_ids[c.mentor_id])
        (pins if c.kind == PIN else forbidden).append(pair)
    # Someone who is both mentor and mentee in a cohort is never their own pair.
    forbidden.extend((mentee_ids[p], mentor_ids[p]) for p in set(mentor_ids) & set(mentee_ids))
    _check_pins(pins, mentors, mentees)
    scores = score_pairs(mentees, mentors, settings, forbidden)
    for row, col in pins:
        for rule in ("language", "organisation", "gender"):
            if not scores.rules[rule][row, col]:
                raise MentorplanError(f"matching.pin_breaks_{rule}", mentor=mentors.at[col, "name"],
                                      mentee=mentees.at[row, "name"])
    problem = Problem(cohort_id, mentees, mentors, settings, constraints, scores, pins)
    places = int(problem.capacity.sum())
    if places < len(mentees):
        problem.notices.append(phrase("matching.notice.short_of_places", places=places,
                                      mentees=len(mentees), short=len(mentees) - places))
    return problem


def _names(*frames: pd.DataFrame) -> dict[int, str]:
    found: dict[int, str] = {}
    for frame in frames:
        found.update(zip(frame["person_id"], frame["name"], strict=True))
    return found


def _check_pins(pins: list[tuple[int, int]], mentors: pd.DataFrame, mentees: pd.DataFrame) -> None:
    rows = [row for row, _ in pins]
    for row in {r for r in rows if rows.count(r) > 1}:
        raise MentorplanError("matching.pin_mentee_twice", mentee=mentees.at[row, "name"])
    cols = [col for _, col in pins]
    for col in sorted(set(cols)):
        capacity = int(mentors.at[col, "capacity"])
        if cols.count(col) > capacity:
            raise MentorplanError("matching.pin_over_capacity", mentor=mentors.at[col, "name"],
                                  pins=cols.count(col), capacity=capacity)


def with_constraints(existing: Iterable[Constraint], added: Iterable[Constraint]) -> list[Constraint]:
    """The constraints after adding some, as the store keeps them: a constraint replaces any other
    on the same pair, and a pin replaces the mentee's earlier pin."""
    result = list(existing)
    for new in added:
        result = [c for c in result
                  if (c.mentor_id, c.mentee_id) != (new.mentor_id, new.mentee_id)
                  and not (new.kind == PIN and c.kind == PIN and c.mentee_id == new.mentee_id)]
        result.append(new)
    return result


def check_constraints(problem: Problem, added: Iterable[Constraint]) -> Problem:
    """Whether pins or forbidden pairs can be added, before they are stored: the cohort with them,
    or MentorplanError in the coordinator's words (a pin that breaks a rule, too many pins on a
    mentor)."""
    return prepare(problem.cohort_id, problem.mentors, problem.mentees, problem.settings,
                   with_constraints(problem.constraints, added))


# -- Running -----------------------------------------------------------------------------------

def run(problem: Problem, objective: str | None = None) -> MatchRun:
    """The optimal assignment, explained."""
    objective = objective or problem.settings.objective
    scores = problem.scores
    assignment = solve(scores.score, scores.feasible, problem.capacity, problem.pins, objective)
    pairs = _pair_frame(problem, assignment)
    unmatched = _unmatched_frame(problem, assignment)
    return MatchRun(problem.cohort_id, objective, problem.settings, problem.constraints, pairs,
                    unmatched, list(problem.notices), created_at=dt.datetime.now().replace(microsecond=0))


def _pair_frame(problem: Problem, assignment: Assignment) -> pd.DataFrame:
    mentees, mentors, scores = problem.mentees, problem.mentors, problem.scores
    alternatives = next_best(problem, assignment.mentees, assignment.mentors)
    records = []
    for k, (row, col) in enumerate(zip(assignment.mentees, assignment.mentors, strict=True)):
        record: dict[str, Any] = {"mentor_person_id": int(mentors.at[col, "person_id"]),
                                  "mentee_person_id": int(mentees.at[row, "person_id"])}
        for name in PERSON_FIELDS:
            record[f"mentor_{name}"] = mentors.at[col, name]
            record[f"mentee_{name}"] = mentees.at[row, name]
        record.update(score=float(scores.score[row, col]), pinned=bool(assignment.pinned[k]),
                      reasons=explain(problem, row, col), warnings=pair_warnings(problem, row, col),
                      alternatives=alternatives[k])
        records.append(record)
    frame = pd.DataFrame(records, columns=list(PAIR_COLUMNS))
    order = frame["mentor_name"].str.casefold() + "\0" + frame["mentee_name"].str.casefold()
    return frame.iloc[np.argsort(order.to_numpy(), kind="stable")].reset_index(drop=True)


def next_best(problem: Problem, rows: Sequence[int] | np.ndarray,
              exclude: Sequence[int | None] | np.ndarray) -> list[list[dict]]:
    """For each mentee row, the ALTERNATIVES possible mentors with the highest scores, leaving out
    the mentor in `exclude` (their own, or None)."""
    if not len(rows):
        return []
    scores = problem.scores
    rows = np.asarray(rows, dtype=np.int64)
    masked = np.where(scores.feasible[rows], scores.score[rows], -1.0)
    for k, col in enumerate(exclude):
        if col is not None:
            masked[k, col] = -1.0
    count = min(ALTERNATIVES, masked.shape[1])
    best = np.argsort(-masked, axis=1, kind="stable")[:, :count]
    mentors = problem.mentors
    return [[{"mentor_person_id": int(mentors.at[col, "person_id"]), "name": mentors.at[col, "name"],
              "score": float(masked[k, col])}
             for col in best[k] if masked[k, col] >= 0]
            for k in range(len(rows))]


def explain(problem: Problem, row: int, col: int) -> list[dict]:
    """Why the pair scores what it does: one phrase per criterion with its value (0..1), weight,
    and share of the pair's score, the largest share first."""
    mentee, mentor = problem.mentees.loc[row], problem.mentors.loc[col]
    scores, weights = problem.scores, problem.settings.weights
    words = {
        "goals": _goals_words(scores, row, col),
        "sector": _sector_words(mentee, mentor),
        "town": _town_words(mentee, mentor),
        "experience": _experience_words(mentee, mentor),
        "text": _text_words(scores, row, col),
    }
    total = problem.settings.weight_sum
    reasons = []
    for name in CRITERIA:
        value = float(scores.criteria[name][row, col])
        reasons.append({"criterion": name, "value": round(value, 4), "weight": weights[name],
                        "share": round(weights[name] * value / total, 4), **words[name]})
    return sorted(reasons, key=lambda r: (-r["share"], CRITERIA.index(r["criterion"])))


def _goals_words(scores: ScoreMatrices, row: int, col: int) -> dict:
    goals = scores.goal_tags[row]
    if not goals:
        return phrase("matching.why.goals_none_stated")
    covered = [written for canonical, written in goals.items() if canonical in scores.competence_tags[col]]
    if not covered:
        return phrase("matching.why.goals_not_covered", of=len(goals))
    return phrase("matching.why.goals_covered", tags=covered, count=len(covered), of=len(goals))


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _sector_words(mentee: pd.Series, mentor: pd.Series) -> dict:
    wish = _text(mentee["sector_preference"]).casefold()
    ours, theirs = _text(mentee["sector"]), _text(mentor["sector"])
    if wish not in ("same", "other"):
        return phrase("matching.why.sector_no_wish")
    if not ours or not theirs:
        return phrase(f"matching.why.sector_{wish}_unknown")
    same = ours.casefold() == theirs.casefold()
    if wish == "same":
        return phrase("matching.why.sector_same_met" if same else "matching.why.sector_same_unmet",
                      sector=ours, mentor_sector=theirs)
    return phrase("matching.why.sector_other_unmet" if same else "matching.why.sector_other_met",
                  sector=ours, mentor_sector=theirs)


def _town_words(mentee: pd.Series, mentor: pd.Series) -> dict:
    ours, theirs = _text(mentee["town"]), _text(mentor["town"])
    if not ours or not theirs:
        return phrase("matching.why.town_unknown")
    if ours.casefold() == theirs.casefold():
        return phrase("matching.why.town_same", town=ours)
    return phrase("matching.why.town_other", town=ours, mentor_town=theirs)


def _experience_words(mentee: pd.Series, mentor: pd.Series) -> dict:
    ours = pd.to_numeric(mentee["experience_years"], errors="coerce")
    theirs = pd.to_numeric(mentor["experience_years"], errors="coerce")
    if pd.isna(ours) or pd.isna(theirs):
        return phrase("matching.why.experience_unknown")
    gap = int(theirs - ours)
    if gap > 0:
        return phrase("matching.why.experience_more", years=gap)
    if gap < 0:
        return phrase("matching.why.experience_less", years=-gap)
    return phrase("matching.why.experience_equal")


def _text_words(scores: ScoreMatrices, row: int, col: int) -> dict:
    mentee_words, mentor_words = scores.text_words
    shared = sorted(mentee_words[row].keys() & mentor_words[col].keys(), key=lambda w: (-len(w), w))
    if not shared:
        return phrase("matching.why.text_nothing_shared")
    return phrase("matching.why.text_shared", words=[mentee_words[row][w] for w in shared[:SHOWN_WORDS]])


def pair_warnings(problem: Problem, row: int, col: int) -> list[dict]:
    """What the coordinator should look at before accepting the pair."""
    scores = problem.scores
    warnings = []
    if not scores.language_known[row, col]:
        warnings.append(phrase("matching.warn.language_unknown"))
    if scores.same_organisation[row, col]:
        warnings.append(phrase("matching.warn.same_organisation",
                               organisation=_text(problem.mentees.at[row, "organisation"])))
    if scores.score[row, col] < WEAK_PAIR:
        warnings.append(phrase("matching.warn.weak", score=round(float(scores.score[row, col]), 3)))
    return warnings


# -- Unmatched people and their reasons ---------------------------------------------------------

def _unmatched_frame(problem: Problem, assignment: Assignment) -> pd.DataFrame:
    mentees, mentors = problem.mentees, problem.mentors
    records = []
    left_mentees = np.setdiff1d(np.arange(len(mentees)), assignment.mentees)
    alternatives = next_best(problem, left_mentees, [None] * len(left_mentees))
    for k, row in enumerate(left_mentees):
        records.append(_unmatched_record(mentees.loc[row], "mentee", unmatched_reason(problem, "mentee", row),
                                         alternatives[k]))
    for col in np.setdiff1d(np.arange(len(mentors)), assignment.mentors):
        records.append(_unmatched_record(mentors.loc[col], "mentor", unmatched_reason(problem, "mentor", col),
                                         []))
    return pd.DataFrame(records, columns=list(UNMATCHED_COLUMNS))


def _unmatched_record(person: pd.Series, role: str, reason: dict, alternatives: list[dict]) -> dict:
    return {"person_id": int(person["person_id"]), "role": role, "name": person["name"],
            "email": person["email"], "organisation": person["organisation"], "reason": reason,
            "alternatives": alternatives}


def unmatched_reason(problem: Problem, role: str, index: int) -> dict:
    """Why a person has no pair, read from the rules: the rules are applied one after the other
    (shared language, organisation, gender preference, forbidden pairs) and the reason is told at
    the rule that leaves nobody; if somebody is left, they were all taken by others."""
    scores = problem.scores
    person = (problem.mentees if role == "mentee" else problem.mentors).loc[index]

    def line(matrix: np.ndarray) -> np.ndarray:
        return matrix[index] if role == "mentee" else matrix[:, index]

    other = "mentor" if role == "mentee" else "mentee"
    languages = [str(v) for v in person["languages"]] if isinstance(person["languages"], list) else []
    own_org = line(scores.same_organisation).any() and not line(scores.rules["organisation"]).all()
    organisation = _text(person["organisation"]) if own_org else ""
    where = {"other": other, "languages": languages, "organisation": organisation}
    left = line(scores.rules["language"]).copy()
    if not left.any():
        return phrase("matching.reason.language", **where)
    left &= line(scores.rules["organisation"])
    if not left.any():
        key = "matching.reason.organisation" if languages else "matching.reason.organisation_all"
        return phrase(key, **where)
    left &= line(scores.rules["gender"])
    if not left.any():
        wish = _text(person["gender_preference"]).casefold()
        if wish:
            return phrase("matching.reason.gender_own", gender=wish, **where)
        return phrase("matching.reason.gender_theirs", **where)
    left &= line(scores.rules["forbidden"])
    if not left.any():
        return phrase("matching.reason.forbidden", other=other)
    if role == "mentee":
        return phrase("matching.reason.mentors_taken", count=int(left.sum()))
    return phrase("matching.reason.mentees_elsewhere", count=int(left.sum()))


# -- What a swap costs ---------------------------------------------------------------------------

def swap_costs(problem: Problem, mentee_id: int, count: int = ALTERNATIVES) -> pd.DataFrame:
    """For one mentee, what pinning each of their best possible mentors would do to the whole
    assignment (each solved anew): the pair's score, and the change in total score and in the
    number of pairs against the optimum. A mentor whose places are all pinned to others is left out."""
    row = problem.mentee_row(mentee_id)
    capacity = problem.capacity
    objective = problem.settings.objective
    scores = problem.scores
    best = solve(scores.score, scores.feasible, capacity, problem.pins, objective)
    best_total = float(best.scores(scores.score).sum())
    others = [p for p in problem.pins if p[0] != row]
    pinned_to = np.bincount([c for _, c in others], minlength=len(problem.mentors))
    current = best.mentors[best.mentees == row]
    candidates = next_best(problem, [row], [int(current[0]) if len(current) else None])[0][:count]
    records = []
    for candidate in candidates:
        col = problem.mentor_column(candidate["mentor_person_id"])
        if pinned_to[col] >= capacity[col]:
            continue
        forced = solve(scores.score, scores.feasible, capacity, [*others, (row, col)], objective)
        records.append({"mentor_person_id": candidate["mentor_person_id"], "name": candidate["name"],
                        "score": candidate["score"],
                        "total_change": float(forced.scores(scores.score).sum()) - best_total,
                        "pairs_change": len(forced) - len(best)})
    return pd.DataFrame(records, columns=["mentor_person_id", "name", "score", "total_change",
                                          "pairs_change"])


def swap_pins(run: MatchRun, mentee_a: int, mentee_b: int) -> list[Constraint]:
    """Swapping two mentees' mentors, as pins: each mentee pinned to the other's mentor."""
    mentor_of = dict(zip(run.pairs["mentee_person_id"], run.pairs["mentor_person_id"], strict=True))
    if mentee_a == mentee_b or mentee_a not in mentor_of or mentee_b not in mentor_of:
        raise MentorplanError("matching.swap_needs_two_pairs")
    return [Constraint(int(mentor_of[mentee_b]), int(mentee_a), PIN),
            Constraint(int(mentor_of[mentee_a]), int(mentee_b), PIN)]


HARD_RULES = ("language", "organisation", "gender", "forbidden")


@dataclass(frozen=True)
class Broken:
    """A hard rule (HARD_RULES, or "gone": one of the two is no longer in the cohort) that a new
    pair of a swap would break."""
    rule: str
    mentor_id: int
    mentee_id: int


def swap_partners(run: MatchRun, mentee: int, among: Iterable[int]) -> list[int]:
    """The mentees `mentee` can swap mentors with, in the order of `among`: paired in the run, to
    another mentor than theirs (two mentees of one mentor swapping changes nothing)."""
    mentor_of = dict(zip(run.pairs["mentee_person_id"], run.pairs["mentor_person_id"], strict=True))
    if mentee not in mentor_of:
        return []
    return [m for m in among if m in mentor_of and m != mentee and mentor_of[m] != mentor_of[mentee]]


def swap_breaks(problem: Problem, run: MatchRun, mentee_a: int, mentee_b: int) -> list[Broken]:
    """The hard rules the two new pairs of a swap would break, read from the cohort's rules
    before anything is saved (empty: the swap can be made)."""
    broken = []
    for pin in swap_pins(run, mentee_a, mentee_b):
        try:
            row, col = problem.mentee_row(pin.mentee_id), problem.mentor_column(pin.mentor_id)
        except KeyError:
            broken.append(Broken("gone", pin.mentor_id, pin.mentee_id))
            continue
        broken.extend(Broken(rule, pin.mentor_id, pin.mentee_id) for rule in HARD_RULES
                      if not problem.scores.rules[rule][row, col])
    return broken


# -- Accepting -------------------------------------------------------------------------------------

def check_acceptable(run: MatchRun, mentors: pd.DataFrame, mentees: pd.DataFrame) -> None:
    """A run can be accepted only if everyone in it still takes part in the cohort."""
    if run.missing:
        raise MentorplanError("matching.run_missing_people", count=run.missing)
    active = set(taking_part(mentors)["person_id"]) | set(taking_part(mentees)["person_id"])
    people = pd.concat([
        run.pairs[["mentor_person_id", "mentor_name"]].set_axis(["person_id", "name"], axis=1),
        run.pairs[["mentee_person_id", "mentee_name"]].set_axis(["person_id", "name"], axis=1),
        run.unmatched[["person_id", "name"]]])
    gone = people[~people["person_id"].isin(active)]["name"].tolist()
    if gone:
        raise MentorplanError("matching.run_stale", names=", ".join(sorted(map(str, gone))))


def problem_from_store(store: Store, cohort_id: str, settings: MatchSettings | None = None) -> Problem:
    """The cohort as stored: its participants, its saved settings and constraints."""
    return prepare(cohort_id, store.participants(cohort_id, "mentor"), store.participants(cohort_id, "mentee"),
                   settings or store.match_settings(cohort_id), store.match_constraints(cohort_id))
