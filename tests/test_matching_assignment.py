"""The solver against brute force: on small random instances (with capacities, forbidden pairs and
pins) it finds the best assignment for both objectives, never makes a forbidden pair, respects
capacities and pins, and the fairest objective's weakest pair is never weaker than the total's."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.matching.assignment import bottleneck_threshold, greedy, max_cardinality, solve

TOLERANCE = 1e-9


@st.composite
def instances(draw, max_mentees: int = 6, max_mentors: int = 4):
    """Scores on a coarse grid (so that ties happen), a random feasibility mask, capacities 1–3,
    and pins drawn among the feasible pairs within capacity, one per mentee at most."""
    n_mentees = draw(st.integers(1, max_mentees))
    n_mentors = draw(st.integers(1, max_mentors))
    grid = st.integers(0, 20).map(lambda v: v / 20)
    score = np.array(draw(st.lists(grid, min_size=n_mentees * n_mentors, max_size=n_mentees * n_mentors)),
                     dtype=np.float32).reshape(n_mentees, n_mentors)
    # Mostly possible pairs, as in a real cohort: then the objectives differ often enough to test.
    possible = st.integers(0, 3).map(lambda v: v > 0)
    feasible = np.array(draw(st.lists(possible, min_size=score.size, max_size=score.size))).reshape(score.shape)
    capacity = draw(st.lists(st.integers(1, 3), min_size=n_mentors, max_size=n_mentors))
    pins, room = [], list(capacity)
    for mentee in range(n_mentees):
        if draw(st.integers(0, 4)) == 0:  # about one mentee in five pinned
            options = [m for m in range(n_mentors) if feasible[mentee, m] and room[m] > 0]
            if options:
                mentor = draw(st.sampled_from(options))
                pins.append((mentee, mentor))
                room[mentor] -= 1
    return score, feasible, capacity, pins


def brute_force(score, feasible, capacity, pins):
    """Every valid assignment (each mentee to one mentor or none): (pairs, weakest, total) of each."""
    n_mentees, n_mentors = score.shape
    pinned = dict(pins)
    found = []
    for choice in itertools.product(range(-1, n_mentors), repeat=n_mentees):
        if any(choice[m] != mentor for m, mentor in pinned.items()):
            continue
        pairs = [(m, c) for m, c in enumerate(choice) if c >= 0]
        if any(not feasible[m, c] for m, c in pairs):
            continue
        if any(sum(1 for _, c in pairs if c == mentor) > capacity[mentor] for mentor in range(n_mentors)):
            continue
        values = [float(score[m, c]) for m, c in pairs]
        found.append((len(pairs), min(values) if values else 1.0, sum(values)))
    return found


def check_valid(assignment, score, feasible, capacity, pins):
    pairs = list(zip(assignment.mentees.tolist(), assignment.mentors.tolist(), strict=True))
    assert all(feasible[m, c] for m, c in pairs), "a forbidden pair was made"
    assert len({m for m, _ in pairs}) == len(pairs), "a mentee was matched twice"
    taken = np.bincount(assignment.mentors, minlength=len(capacity))
    assert (taken <= np.asarray(capacity)).all(), "a mentor got more mentees than places"
    assert set(pins) <= set(pairs), "a pin was not kept"
    assert assignment.pinned.sum() == len(pins)


def summary(assignment, score):
    values = assignment.scores(score)
    return len(values), (float(values.min()) if len(values) else 1.0), float(values.sum())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_total_is_optimal_against_brute_force(instance):
    score, feasible, capacity, pins = instance
    result = solve(score, feasible, capacity, pins, "total")
    check_valid(result, score, feasible, capacity, pins)
    pairs, _, total = summary(result, score)
    best_pairs, best_total, _ = max((p, tot, w) for p, w, tot in brute_force(score, feasible, capacity, pins))
    assert pairs == best_pairs
    assert total == pytest.approx(best_total, abs=1e-6)


# The total objective pairs A–X (1.0) and B–Y (0.0); the fairest crosses them (0.4 and 0.4).
CROSSED = (np.array([[1.0, 0.4], [0.4, 0.0]], dtype=np.float32), np.ones((2, 2), bool), [1, 1], [])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
@example(CROSSED)
def test_fairest_is_optimal_against_brute_force(instance):
    score, feasible, capacity, pins = instance
    result = solve(score, feasible, capacity, pins, "fairest")
    check_valid(result, score, feasible, capacity, pins)
    pairs, _, total = summary(result, score)
    free = result.scores(score)[~result.pinned]
    weakest_free = float(free.min()) if len(free) else None
    # Brute force over the free pairs' weakest: pins are fixed and do not take part in it.
    pinned_rows = {m for m, _ in pins}
    best = None
    n_mentees, n_mentors = score.shape
    for choice in itertools.product(range(-1, n_mentors), repeat=n_mentees):
        if any(choice[m] != c for m, c in pins):
            continue
        chosen = [(m, c) for m, c in enumerate(choice) if c >= 0]
        if any(not feasible[m, c] for m, c in chosen) or any(
                sum(1 for _, c in chosen if c == k) > capacity[k] for k in range(n_mentors)):
            continue
        free_values = [float(score[m, c]) for m, c in chosen if m not in pinned_rows]
        key = (len(chosen), min(free_values) if free_values else 1.0, sum(float(score[m, c]) for m, c in chosen))
        best = key if best is None or key > best else best
    assert pairs == best[0]
    if weakest_free is not None:
        assert weakest_free == pytest.approx(best[1], abs=TOLERANCE)
    assert total == pytest.approx(best[2], abs=1e-6)


@settings(max_examples=150, deadline=None)
@given(instances())
@example(CROSSED)
def test_fairest_weakest_pair_is_never_below_totals(instance):
    score, feasible, capacity, pins = instance
    total = solve(score, feasible, capacity, pins, "total")
    fairest = solve(score, feasible, capacity, pins, "fairest")
    assert len(fairest) == len(total)
    if len(total):
        assert fairest.scores(score).min() >= total.scores(score).min() - TOLERANCE
        assert fairest.scores(score).sum() <= total.scores(score).sum() + 1e-6


@settings(max_examples=100, deadline=None)
@given(instances())
def test_greedy_is_valid_and_never_better(instance):
    score, feasible, capacity, _ = instance
    baseline = greedy(score, feasible, capacity)
    check_valid(baseline, score, feasible, capacity, [])
    best = solve(score, feasible, capacity, [], "total")
    assert len(baseline) <= len(best)
    if len(baseline) == len(best):
        assert baseline.scores(score).sum() <= best.scores(score).sum() + 1e-6


def test_greedy_loses_where_the_whole_matters():
    # Best pair first takes A–X (0.9) and leaves B with Y (0.1); the whole is better crossed.
    score = np.array([[0.9, 0.8], [0.85, 0.1]], dtype=np.float32)
    feasible = np.ones_like(score, dtype=bool)
    assert greedy(score, feasible, [1, 1]).scores(score).sum() == pytest.approx(1.0)
    assert solve(score, feasible, [1, 1]).scores(score).sum() == pytest.approx(1.65)


def test_more_pairs_beat_a_higher_total():
    # A alone with X scores 1.0, but then B has nobody: two weaker pairs are preferred.
    score = np.array([[1.0, 0.1], [0.1, 0.0]], dtype=np.float32)
    feasible = np.array([[True, True], [True, False]])
    result = solve(score, feasible, [1, 1])
    assert sorted(zip(result.mentees.tolist(), result.mentors.tolist(), strict=True)) == [(0, 1), (1, 0)]


def test_a_mentor_with_capacity_two_takes_two():
    score = np.array([[0.9, 0.1], [0.8, 0.2], [0.7, 0.3]], dtype=np.float32)
    result = solve(score, np.ones_like(score, dtype=bool), [2, 1])
    assert np.bincount(result.mentors, minlength=2).tolist() == [2, 1]


def test_nobody_feasible_gives_an_empty_assignment():
    score = np.zeros((3, 2), dtype=np.float32)
    result = solve(score, np.zeros_like(score, dtype=bool), [1, 1], [], "fairest")
    assert len(result) == 0 and result.threshold is None
    assert max_cardinality(np.zeros((3, 2), bool)) == 0
    assert bottleneck_threshold(score.astype(float), np.zeros((3, 2), bool)) is None


def test_a_bad_pin_is_refused():
    score = np.zeros((2, 2), dtype=np.float32)
    feasible = np.array([[True, False], [True, True]])
    with pytest.raises(ValueError):
        solve(score, feasible, [1, 1], [(0, 1)])
    with pytest.raises(ValueError):
        solve(score, feasible, [1, 1], [(0, 0), (1, 0)])
    with pytest.raises(ValueError):
        solve(score, feasible, [1, 1], [], "greediest")
