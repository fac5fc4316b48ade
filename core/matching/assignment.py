"""The best whole assignment of mentees (rows) to mentors (columns), solved by
scipy.optimize.linear_sum_assignment: as many pairs as the hard rules allow, then the largest total
score ("total"), or first the strongest weakest pair and then the largest total ("fairest").

A mentor who takes several mentees is several columns (slots); pinned pairs are fixed before the
rest is solved and use up one of their mentor's slots. A greedy matcher (best pair first, the way
matching by hand goes) is here too, as the baseline the benchmark and the tests compare with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

OBJECTIVES = ("total", "fairest")


@dataclass(frozen=True)
class Assignment:
    """Pairs as parallel arrays of row (mentee) and column (mentor) indices."""
    mentees: np.ndarray
    mentors: np.ndarray
    pinned: np.ndarray  # bool, per pair
    objective: str
    threshold: float | None = None  # fairest: the weakest free pair's score

    def __len__(self) -> int:
        return len(self.mentees)

    def scores(self, score: np.ndarray) -> np.ndarray:
        return score[self.mentees, self.mentors].astype(np.float64)


def solve(score: np.ndarray, feasible: np.ndarray, capacity: Sequence[int] | np.ndarray,
          pins: Sequence[tuple[int, int]] = (), objective: str = "total") -> Assignment:
    """The optimal assignment. `score` and `feasible` are mentees × mentors; `capacity` is the
    number of mentees each mentor takes; `pins` are (mentee, mentor) pairs that must be made.
    Pins must be feasible and within capacity, one per mentee (core.matching.runs checks this in the
    coordinator's words first)."""
    if objective not in OBJECTIVES:
        raise ValueError(f"unknown objective {objective!r}")
    n_mentees, n_mentors = score.shape
    if feasible.shape != score.shape or len(capacity) != n_mentors:
        raise ValueError("score, feasible and capacity disagree in shape")
    free_capacity = np.asarray(capacity, dtype=np.int64).copy()
    pinned_rows = np.zeros(n_mentees, dtype=bool)
    for mentee, mentor in pins:
        if pinned_rows[mentee] or not feasible[mentee, mentor]:
            raise ValueError(f"pin ({mentee}, {mentor}) is not possible")
        pinned_rows[mentee] = True
        free_capacity[mentor] -= 1
    if (free_capacity < 0).any():
        raise ValueError("pins exceed a mentor's capacity")
    rows = np.flatnonzero(~pinned_rows)
    slots = np.repeat(np.arange(n_mentors), free_capacity)  # slot -> mentor
    sub_score = score[np.ix_(rows, slots)].astype(np.float64)
    sub_feasible = feasible[np.ix_(rows, slots)]
    threshold = None
    if objective == "fairest":
        threshold = bottleneck_threshold(sub_score, sub_feasible)
        if threshold is not None:
            sub_feasible = sub_feasible & (sub_score >= threshold)
    free_rows, free_slots = max_weight_matching(sub_score, sub_feasible)
    pin_rows = np.array([p[0] for p in pins], dtype=np.int64)
    pin_cols = np.array([p[1] for p in pins], dtype=np.int64)
    mentees = np.concatenate([pin_rows, rows[free_rows]])
    mentors = np.concatenate([pin_cols, slots[free_slots]])
    pinned = np.concatenate([np.ones(len(pin_rows), bool), np.zeros(len(free_rows), bool)])
    order = np.argsort(mentees, kind="stable")
    return Assignment(mentees[order], mentors[order], pinned[order], objective, threshold)


def max_weight_matching(score: np.ndarray, feasible: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Among the matchings of feasible pairs with the most pairs, one with the largest total score.

    Each feasible pair is worth a bonus larger than any total score could be, so one pair more
    always beats any gain in score; an infeasible pair is worth nothing, and any such pair that the
    solver returns (it must fill the smaller side) is dropped."""
    if score.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    bonus = float(min(score.shape) + 1)
    cost = np.where(feasible, -(bonus + np.clip(score, 0.0, 1.0)), 0.0)
    rows, cols = linear_sum_assignment(cost)
    keep = feasible[rows, cols]
    return rows[keep], cols[keep]


def max_cardinality(feasible: np.ndarray) -> int:
    """How many pairs the feasible pairs allow at most."""
    if feasible.size == 0:
        return 0
    rows, cols = linear_sum_assignment(feasible.astype(np.float64), maximize=True)
    return int(feasible[rows, cols].sum())


def bottleneck_threshold(score: np.ndarray, feasible: np.ndarray) -> float | None:
    """The largest score t such that the pairs scoring at least t still allow as many pairs as all
    feasible pairs do: the weakest pair of the fairest assignment. A binary search over the
    distinct scores, each step a cardinality check by linear_sum_assignment. None: no pair at all."""
    most = max_cardinality(feasible)
    if most == 0:
        return None
    candidates = np.unique(score[feasible])
    low, high = 0, len(candidates) - 1  # candidates[low] always keeps `most` pairs
    while low < high:
        middle = (low + high + 1) // 2
        if max_cardinality(feasible & (score >= candidates[middle])) == most:
            low = middle
        else:
            high = middle - 1
    return float(candidates[low])


def greedy(score: np.ndarray, feasible: np.ndarray, capacity: Sequence[int]) -> Assignment:
    """Best pair first, as by hand: take the highest-scoring feasible pair whose mentee is free
    and whose mentor has room, until none is left. A baseline only."""
    rows, cols = np.nonzero(feasible)
    order = np.argsort(-score[rows, cols], kind="stable")
    room = np.asarray(capacity, dtype=np.int64).copy()
    taken = np.zeros(score.shape[0], dtype=bool)
    left = min(score.shape[0], int(room.sum()))
    chosen_rows, chosen_cols = [], []
    for index in order:
        if left == 0:
            break
        row, col = rows[index], cols[index]
        if not taken[row] and room[col] > 0:
            taken[row] = True
            room[col] -= 1
            left -= 1
            chosen_rows.append(row)
            chosen_cols.append(col)
    mentees = np.array(chosen_rows, dtype=np.int64)
    return Assignment(mentees, np.array(chosen_cols, dtype=np.int64),
                      np.zeros(len(mentees), bool), "greedy")
