"""How long each page of the dashboard takes to rerun, with one programme year in the register and
with eleven: the register is built here through the coordinator's own code paths — sign-up sheets
per cohort imported with `python -m core import`, every cohort whose matching day has passed
matched and accepted with `python -m core match --accept`, and the example follow-up (decisions
sent, pair meetings, attendance, three-party conversations) up to each cohort's end — then every
page in app.py's navigation is opened with Streamlit's AppTest and rerun.

    python scripts/bench_pages.py [--runs 15] [--years 11] [--page guests] [--profile guests] [--keep FOLDER]

Prints page | 1 year | 11 years | ratio (median rerun after one warm-up, the two registers' reruns
taken in turn); the targets are under 300 ms for every page and at most 1.5× growth. A third of
each later cohort's sign-ups are people who took part before (as mentor or mentee). `--profile
PAGE` prints a cProfile of that page's reruns with the larger register."""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import gc
import io
import os
import pstats
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Streamlit warns of a missing ScriptRunContext whenever page code runs outside a page (the
# register is built in this process): only the figures are wanted on the screen.
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")
TODAY = dt.date(2026, 12, 1)
LAST_YEAR = 2026  # the programme year running on TODAY
PAGES = ("home", "timeline", "year_wheel", "schedule", "participants", "register", "matching", "guests",
         "messages", "followup", "three_party", "report", "settings", "backup")
RETURNING = 1 / 3
PERSON_COLUMNS = range(1, 11)  # Namn … Bransch/sektor: the same places in both roles' sheets
TARGET_MS, TARGET_RATIO = 300, 1.5


def _environment(folder: Path) -> str:
    url = f"sqlite:///{folder / 'mentorplan.db'}"
    os.environ.update({"MENTORPLAN_DATABASE_URL": url, "MENTORPLAN_TODAY": TODAY.isoformat(),
                       "MENTORPLAN_BACKUP_DIR": str(folder / "backups"),
                       "MENTORPLAN_BACKUP_KEY_FILE": str(folder / "backup.key"), "MENTORPLAN_LANG": "sv"})
    return url


def _sheets(years: int, seed: int = 2026):
    """(cohort, workbook bytes) for each cohort of the last `years` programme years, oldest first:
    the example sign-ups of each year, addresses made unique across years, and a third of each
    later cohort's rows people from earlier cohorts."""
    from core.people.examples import example_sheets, example_workbook
    rng = random.Random(seed)
    earlier: list[tuple] = []  # person columns of everyone so far
    for year in range(LAST_YEAR - years + 1, LAST_YEAR + 1):
        for example in example_sheets(year, seed):
            taken: set[str] = set()
            rows = {}
            for role, role_rows in example.rows.items():
                made = []
                for row in role_rows:
                    row = list(row)
                    if year != LAST_YEAR:  # the newest year is the example data as it is
                        local, domain = row[2].split("@")
                        row[2] = f"{local}.{year}@{domain}"
                    if earlier and rng.random() < RETURNING:
                        for _ in range(10):
                            person = rng.choice(earlier)
                            if person[1] not in taken:
                                row[1:11] = person
                                break
                    if row[2] in taken:
                        continue
                    taken.add(row[2])
                    made.append(tuple(row))
                rows[role] = made
            earlier.extend(tuple(r[1:11]) for role_rows in rows.values() for r in role_rows
                           if tuple(r[1:11]) not in earlier)
            yield example.cohort, example_workbook(type(example)(example.cohort, rows))


def build(folder: Path, years: int) -> dict:
    """The register of `years` programme years, built through the command line and the example
    follow-up; returns what it holds."""
    _environment(folder)
    from core import services
    from core.cli import main
    from core.followup.examples import load_example_followup
    from core.followup.meetings import followup_span
    store = services.open_store()
    programme = services.programme(store)
    cohorts = []
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        for cohort, data in _sheets(years):
            path = folder / f"anmalningar-{cohort.id}.xlsx"
            path.write_bytes(data)
            code = main(["import", str(path), "--cohort", cohort.id])
            if code:
                raise SystemExit(f"import of {cohort.id} ended with {code}")
            events = {o.id: o for o in programme.cohort(cohort)}
            deadline = (events.get("matching_deadline") or events["decisions_sent"]).start
            if deadline <= TODAY:
                code = main(["match", "--cohort", cohort.id, "--accept", "--out", os.devnull])
                if code:
                    raise SystemExit(f"matching of {cohort.id} ended with {code}")
            cohorts.append(cohort)
        days = sorted({min(TODAY, followup_span(programme, c)[1]) for c in cohorts})
        for day in days:
            load_example_followup(store, programme, day)
    counts = {"people": store.people_count(), "cohorts": len(cohorts),
              "seconds": round(time.perf_counter() - started, 1)}
    store.close()
    return counts


def measure(page: str, folders: dict[int, Path], runs: int, profile: int | None = None) -> dict[int, float]:
    """The page's median rerun on each register, in ms (AppTest; one warm-up rerun each first).
    The registers' reruns are taken in turn — one year, eleven, one, eleven … — so that a busy
    moment on a shared machine falls on both alike and the ratio between them holds. `profile`
    names the register whose reruns are profiled."""
    from streamlit.testing.v1 import AppTest
    apps = {}
    for years, folder in folders.items():
        _environment(folder)  # read again on every rerun: each app opens its own register
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.session_state["lang"] = "sv"
        at.run()
        at.switch_page(f"views/{page}.py")
        at.run()
        at.run()  # warm-up
        if at.exception:  # another change in progress, say: the page is reported, not timed
            print(f"{page}, {years} year(s): {at.exception[0].message}", file=sys.stderr)
            continue
        apps[years] = at
    times: dict[int, list[float]] = {years: [] for years in apps}
    profiler = cProfile.Profile() if profile in apps else None
    for _ in range(runs):
        for years, at in apps.items():
            _environment(folders[years])
            if profiler and years == profile:  # the page runs in a thread of its own: started there
                threading.setprofile(lambda *_, started=profiler: started.enable())
            start = time.perf_counter()
            at.run()
            times[years].append(time.perf_counter() - start)
            threading.setprofile(None)  # type: ignore[arg-type]
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
    return {years: 1000 * statistics.median(times[years]) if years in apps else float("nan") for years in folders}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--years", type=int, default=11)
    parser.add_argument("--page", action="append", choices=PAGES, help="only these pages (repeatable)")
    parser.add_argument("--profile", choices=PAGES, help="print a cProfile of this page's reruns")
    parser.add_argument("--keep", type=Path, help="keep the registers in this folder, and use them if there")
    args = parser.parse_args()
    if args.runs < 1 or args.years < 2:
        parser.error("--runs must be 1 or more, and --years 2 or more")
    pages = args.page or list(PAGES)
    figures = {}
    with tempfile.TemporaryDirectory() as temporary:
        base = args.keep or Path(temporary)
        folders = {years: base / f"{years}-years" for years in (1, args.years)}
        for years, folder in folders.items():
            if (folder / "mentorplan.db").exists():  # --keep: built on an earlier run
                continue
            folder.mkdir(parents=True)
            built = build(folder, years)
            print(f"{years} programme year(s): {built['cohorts']} cohorts, {built['people']} people, "
                  f"built in {built['seconds']} s")
        # Page by page, both registers' reruns in turn: they run in the same conditions (what
        # earlier pages left in memory is frozen out of the collector's way).
        for page in pages:
            gc.collect()
            gc.freeze()
            medians = measure(page, folders, args.runs, args.years if page == args.profile else None)
            gc.unfreeze()
            for years, median in medians.items():
                figures.setdefault(years, {})[page] = median
    print(f"\nmedian of {args.runs} AppTest reruns, ms (target < {TARGET_MS} ms, ratio ≤ {TARGET_RATIO})")
    print(f"{'page':<12} | {'1 year':>7} | {f'{args.years} years':>8} | ratio")
    failed = 0
    for page in pages:
        one, many = figures[1][page], figures[args.years][page]
        ratio = many / one
        mark = "" if many < TARGET_MS and ratio <= TARGET_RATIO else "  ← over"  # NaN (an error) too
        failed += bool(mark)
        print(f"{page:<12} | {one:7.0f} | {many:8.0f} | {ratio:5.2f}{mark}")
    print(f"{len(pages) - failed} of {len(pages)} pages within the targets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
