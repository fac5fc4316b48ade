"""Swedish working days: public holidays, the eves that offices close or shorten (julafton,
midsommarafton, skärtorsdagen …) and the nearest working day, from the maintained `holidays`
package.

The days off of the calendar's years are worked out by the package once and kept in data/cache
(core.platform.cache) until the package changes: loading it imports every country it knows
(some 250 modules), a tenth of a second the command line's start cannot spare (issue 12)."""

from __future__ import annotations

import calendar
import datetime as dt
import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from core.platform import cache

if TYPE_CHECKING:
    import holidays

# public: röda dagar; de_facto: midsommar-, jul- and nyårsafton (days off in practice);
# optional: the other eves (from 14.00) and klämdagar. All make a poor day for a programme event.
DAYS_OFF = ("public", "de_facto")
DAYS_OFF_AND_EVES = ("public", "de_facto", "optional")
_LANGUAGES = {"sv": "sv", "en": "en_US"}
# The calendar's years (core.calendar.programme: 2000–2100) and two on each side: kept.
KEPT_YEARS = range(1998, 2103)
KEPT_CATEGORIES = (DAYS_OFF, DAYS_OFF_AND_EVES)


@lru_cache(maxsize=8)
def _calendar(lang: str, categories: tuple[str, ...]) -> holidays.HolidayBase:
    import holidays

    return holidays.Sweden(include_sundays=False, categories=categories,
                           language=_LANGUAGES.get(lang, "sv"))


def _key(lang: str, categories: tuple[str, ...]) -> str:
    return f"{_LANGUAGES.get(lang, 'sv')}:{'+'.join(categories)}"


def _package_files() -> list[Path]:
    """The files the kept days off were worked out from: the package's version and Sweden's rules."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("holidays")
    package = Path(spec.origin).parent
    return [package / "version.py", package / "countries" / "sweden.py"]


def days_off_table() -> dict[str, dict[str, str]]:
    """Every day off of the kept years by language and categories (the key of _key), ISO date →
    the names as holiday_name gives them; worked out by the package."""
    import holidays

    table = {}
    for lang, language in _LANGUAGES.items():
        for categories in KEPT_CATEGORIES:
            days = holidays.Sweden(include_sundays=False, categories=categories, language=language,
                                   years=KEPT_YEARS)
            table[_key(lang, categories)] = {day.isoformat(): "; ".join(days.get_list(day)) for day in sorted(days)}
    return table


@lru_cache(maxsize=1)
def _kept() -> dict[str, dict[str, str]]:
    return cache.kept("days-off-se", [*_package_files(), Path(__file__)], days_off_table)


def holiday_name(day: dt.date, lang: str = "sv",
                 categories: tuple[str, ...] = DAYS_OFF_AND_EVES) -> str | None:
    """The name of the holiday or eve on this day, or None on an ordinary day."""
    if day.year in KEPT_YEARS and categories in KEPT_CATEGORIES:
        return _kept()[_key(lang, categories)].get(day.isoformat())
    names = _calendar(lang, categories).get_list(day)
    return "; ".join(names) if names else None


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def working_day_of_month(year: int, month: int, which: str) -> dt.date:
    """The month's first or last working day ("the last working day of December": 30 December
    2026, as nyårsafton is a day off in practice)."""
    if which == "first":
        day, step = dt.date(year, month, 1), dt.timedelta(days=1)
    else:
        day = dt.date(year, month, calendar.monthrange(year, month)[1])
        step = dt.timedelta(days=-1)
    while not is_working_day(day):
        day += step
    return day


def nearest_working_day(day: dt.date) -> dt.date:
    """The working day closest to `day` (the earlier one when two are equally close)."""
    for distance in range(15):
        for candidate in (day - dt.timedelta(days=distance), day + dt.timedelta(days=distance)):
            if is_working_day(candidate):
                return candidate
    raise ValueError(f"no working day within two weeks of {day}")  # never in Sweden


def days_off_between(start: dt.date, end: dt.date, lang: str = "sv") -> list[tuple[dt.date, str]]:
    """Weekdays off (public holidays, midsommar-, jul- and nyårsafton) from start to end."""
    found = []
    day = start
    while day <= end:
        name = holiday_name(day, lang, DAYS_OFF)
        if name and day.weekday() < 5:
            found.append((day, name))
        day += dt.timedelta(days=1)
    return found
