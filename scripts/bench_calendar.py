"""Benchmark: how long the calendar takes to compute, so a page rerun stays instant.

Prints the time to compute a programme year (both cohorts, with warnings) from a cold start,
the whole century 2000–2100, and the twelve-month timeline span, and to write the exports."""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.calendar.files import schedule_to_ics  # noqa: E402
from core.calendar.programme import Programme, load_rulebook  # noqa: E402
from core.calendar.schedule import display_frame, schedule_frame  # noqa: E402
from core.platform.files import to_csv, to_xlsx  # noqa: E402


def timed(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    book = load_rulebook()
    print(f"load the rulebook:                 {timed(load_rulebook):8.2f} ms")
    print(f"one programme year, cold:          {timed(lambda: Programme(book).programme_year(2026)):8.2f} ms")
    print("the century 2000–2100, cold:       "
          f"{timed(lambda: [Programme(book).programme_year(y) for y in range(2000, 2101)], 1):8.2f} ms")
    today = dt.date(2026, 11, 28)
    span = (today - dt.timedelta(days=183), today + dt.timedelta(days=183))
    print(f"twelve-month timeline span, cold:  {timed(lambda: Programme(book).between(*span)):8.2f} ms")
    year = Programme(book).programme_year(2026)
    print(f"CSV export of a programme year:    {timed(lambda: to_csv(schedule_frame(year, 'sv'), 'sv')):8.2f} ms")
    print(f"xlsx export of a programme year:   {timed(lambda: to_xlsx({'a': display_frame(year, 'sv')})):8.2f} ms")
    print(f"ics export of a programme year:    {timed(lambda: schedule_to_ics(year, 'sv')):8.2f} ms")


if __name__ == "__main__":
    main()
