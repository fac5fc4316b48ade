"""Benchmark: how long matching takes and how much memory it needs, and what it gains over matching
by hand (best pair first).

For random but realistic cohorts (organisations, towns, languages, gender wishes, Swedish and
English tags with typos, free-text answers) of 25 × 25 and 2,000 × 2,000 people, capacity 1, it
prints the time to score all pairs and solve the assignment (the median of several runs for the
small one), the peak memory, and the total score of a greedy matcher as a share of the optimum.
The targets: 25 × 25 under 50 ms; 2,000 × 2,000 under 3 s and under 1 GB."""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.matching.assignment import greedy, solve  # noqa: E402
from core.matching.runs import prepare, run  # noqa: E402
from core.matching.scoring import MatchSettings  # noqa: E402
from core.store.people import PARTICIPATION_COLUMNS, PERSON_COLUMNS  # noqa: E402

ORGANISATIONS = [f"Organisation {i}" for i in range(40)] + ["Region Norr", "Sundsvalls kommun", "Mittbanken"]
TOWNS = ["Sundsvall", "Härnösand", "Timrå", "Kramfors", "Örnsköldsvik", "Östersund", "Umeå", "Luleå",
         "Skellefteå", "Piteå", "Kiruna", "Gävle", "Falun", "Uppsala", "Stockholm"]
SECTORS = ["public", "private", "non-profit"]
TAGS = ["ledarskap", "leadership", "Ledarskapp", "kommunikation", "Communication", "projektledning",
        "project management", "förändringsledning", "Change management", "konflikthantering", "HR",
        "karriärutveckling", "nätverkande", "förhandling", "strategi", "presentationsteknik", "tidsplanering",
        "digitalisering", "Digitalisation", "coachning", "återkoppling", "beslutsfattande", "teamutveckling",
        "mångfald", "offentlig sektor", "ekonomi", "budget", "kvalitetsarbete", "upphandling", "juridik",
        "hållbarhet", "IT", "dataanalys", "kundfokus", "skrivande", "självförtroende", "marknadsföring",
        "marknadsforing", "innovation", "stresshantering", "vård och omsorg", "skola", "samhällsplanering"]
WORDS = ["utveckla", "ledarskap", "team", "förändring", "kommun", "region", "vård", "skola",
         "digitalisering", "projekt", "strategi", "ekonomi", "kund", "medarbetare", "kultur", "samverkan",
         "nätverk", "karriär", "chef", "erfarenhet", "lärande", "coachning", "trygghet", "mod",
         "kommunikation", "innovation", "hållbarhet", "planering", "analys", "dialog", "förtroende",
         "balans", "mentorskap", "framtid", "leadership", "growth", "change", "confidence", "teamwork",
         "strategy", "career", "network", "learning", "public", "sector"]


def people(count: int, role: str, rng: np.random.Generator, first_id: int) -> pd.DataFrame:
    """`count` made-up participants of one role, in the register's columns."""
    ids = np.arange(first_id, first_id + count)
    languages = [["sv"] + (["en"] if rng.random() < 0.6 else []) + ([str(rng.choice(["ar", "fi", "so", "fa"]))]
                                                                     if rng.random() < 0.1 else [])
                 for _ in range(count)]
    for index in rng.choice(count, size=max(1, count // 100), replace=False):
        languages[index] = [str(rng.choice(["ar", "fi"]))]  # a few speak no Swedish
    tags = [[str(t) for t in rng.choice(TAGS, size=rng.integers(1, 5), replace=False)] for _ in range(count)]
    frame = pd.DataFrame({
        "person_id": ids, "email": [f"{role}{i}@example.se" for i in ids], "name": [f"{role} {i}" for i in ids],
        "phone": "", "organisation": rng.choice(ORGANISATIONS, size=count), "department": "", "title": "",
        "town": rng.choice(TOWNS, size=count), "languages": languages,
        "gender": rng.choice(["woman", "man", "other", ""], size=count, p=[0.55, 0.4, 0.03, 0.02]),
        "participation_id": ids, "cohort_id": "autumn-2026", "role": role, "status": "applied",
        "competences": tags if role == "mentor" else [[] for _ in range(count)],
        "goals": tags if role == "mentee" else [[] for _ in range(count)],
        "sector": rng.choice(SECTORS, size=count),
        "sector_preference": rng.choice(["same", "other", ""], size=count, p=[0.3, 0.2, 0.5])
        if role == "mentee" else "",
        "experience_years": rng.integers(15, 35, size=count) if role == "mentor" else rng.integers(1, 12, size=count),
        "start_preference": "any",
        "gender_preference": rng.choice(["woman", "man", ""], size=count, p=[0.1, 0.03, 0.87])
        if role == "mentee" else "",
        "capacity": 1, "consent": True,
        "motivation": [" ".join(rng.choice(WORDS, size=rng.integers(8, 30))) for _ in range(count)],
        "same_org_allowed": rng.random(count) < 0.05, "extra": [{} for _ in range(count)],
    })
    return frame[list(PERSON_COLUMNS + PARTICIPATION_COLUMNS)]


def cohort(size: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    return people(size, "mentor", rng, 1), people(size, "mentee", rng, size + 1)


def score_and_solve(mentors: pd.DataFrame, mentees: pd.DataFrame, objective: str = "total"):
    problem = prepare("autumn-2026", mentors, mentees, MatchSettings(), ())
    scores = problem.scores
    return problem, solve(scores.score, scores.feasible, problem.capacity, problem.pins, objective)


def seconds(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports kB


def greedy_share(problem, assignment) -> str:
    scores = problem.scores
    baseline = greedy(scores.score, scores.feasible, problem.capacity)
    optimal = assignment.scores(scores.score).sum()
    return (f"greedy (best pair first): {baseline.scores(scores.score).sum() / optimal:6.1%} of the optimal "
            f"total; {len(baseline)} vs {len(assignment)} pairs; weakest pair "
            f"{baseline.scores(scores.score).min():.3f} vs {assignment.scores(scores.score).min():.3f}")


def main() -> None:
    mentors, mentees = cohort(25, seed=1)
    score_and_solve(mentors, mentees)  # warm up imports and caches
    times, fairest_times = [], []
    for _ in range(15):
        elapsed, (problem, assignment) = seconds(lambda: score_and_solve(mentors, mentees))
        times.append(elapsed)
        fairest_times.append(seconds(lambda: score_and_solve(mentors, mentees, "fairest"))[0])
    explained = statistics.median(seconds(lambda: run(problem))[0] for _ in range(5))
    weakest = assignment.scores(problem.scores.score).min()
    fair = score_and_solve(mentors, mentees, "fairest")[1].scores(problem.scores.score).min()
    print("25 mentors × 25 mentees (median of 15 runs)")
    print(f"  score + solve, total objective:   {statistics.median(times) * 1000:8.1f} ms   (target < 50 ms)")
    print(f"  score + solve, fairest objective: {statistics.median(fairest_times) * 1000:8.1f} ms")
    print(f"  with every pair explained:        {explained * 1000:8.1f} ms (on top of scoring)")
    print(f"  {len(assignment)} pairs; weakest pair {weakest:.3f} (total objective), {fair:.3f} (fairest)")
    print(f"  {greedy_share(problem, assignment)}")

    del problem, assignment
    gc.collect()
    rss_before = peak_rss_mb()
    mentors, mentees = cohort(2000, seed=2)
    times = []
    for _ in range(3):
        elapsed, (problem, assignment) = seconds(lambda: score_and_solve(mentors, mentees))
        times.append(elapsed)
        del problem, assignment
        gc.collect()
    tracemalloc.start()  # measured apart from the timing: tracing slows every allocation down
    problem, assignment = score_and_solve(mentors, mentees)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = peak_rss_mb()
    print("2,000 mentors × 2,000 mentees (median of 3 runs)")
    print(f"  score + solve, total objective:   {statistics.median(times):8.2f} s    (target < 3 s; "
          f"fastest {min(times):.2f} s)")
    print(f"  peak memory allocated by it:      {traced_peak / 2**20:8.0f} MB   (tracemalloc; target < 1 GB)")
    print(f"  peak resident size of the process:{rss_after:8.0f} MB   (the whole benchmark; {rss_before:.0f} MB "
          "before the large cohort)")
    print(f"  {len(assignment)} pairs of {len(mentees)} mentees; {int(problem.scores.feasible.sum()):,} of "
          f"{problem.scores.feasible.size:,} pairs possible")
    print(f"  {greedy_share(problem, assignment)}")
    del problem, assignment
    gc.collect()
    elapsed, (problem, fairest) = seconds(lambda: score_and_solve(mentors, mentees, "fairest"))
    print(f"  score + solve, fairest objective: {elapsed:8.2f} s    (weakest pair {fairest.threshold:.3f})")


if __name__ == "__main__":
    main()
