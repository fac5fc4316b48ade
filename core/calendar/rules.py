"""The manual's date rules: words such as "4th Thursday of September" parsed into small values
that compute a date (or a span of dates) for a given year, and describe themselves in Swedish
and English.

The grammar is deliberately small; data/rules.toml and docs/rules.md list every form.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Union

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from core.calendar.workdays import working_day_of_month
from core.platform.i18n import month_name, weekday_name

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_DATEUTIL_WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)
ORDINALS = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3,
            "4th": 4, "fourth": 4, "5th": 5, "fifth": 5, "last": -1}
WEEK_CONVENTIONS = ("iso", "full")

Span = tuple[dt.date, dt.date]
# Looks up another event of the same cohort: event id -> its (start, end).
Resolve = Callable[[str], Span]


class RuleError(ValueError):
    """A rule's words could not be understood; the message quotes them."""


# -- Swedish and English words for describing rules --------------------------------------------

_SV_ORDINALS = {1: "första", 2: "andra", 3: "tredje", 4: "fjärde", 5: "femte", -1: "sista"}
_EN_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last"}


def _month_name(month: int, lang: str) -> str:
    return month_name(month, lang, "wide")  # "september", "September" (the CLDR, through Babel)


def _weekday_name(weekday: int, lang: str) -> str:
    return weekday_name(weekday, lang)


EventName = Callable[[str], str]  # event id -> its name in the wanted language


# -- Rules that give one day --------------------------------------------------------------------

@dataclass(frozen=True)
class FixedDate:
    """ "3 September" """
    day: int
    month: int

    def resolve(self, year: int, ref: Resolve, week_convention: str) -> Span:
        try:
            day = dt.date(year, self.month, self.day)
        except ValueError as exc:  # 29 February in a common year
            raise RuleError(f"{self.day} {calendar.month_name[self.month]} {year}: {exc}") from exc
        return day, day

    def refs(self) -> tuple[str, ...]:
        return ()

    def describe(self, lang: str, name: EventName) -> str:
        return f"{self.day} {_month_name(self.month, lang)}"


@dataclass(frozen=True)
class NthWeekday:
    """ "4th Thursday of September", "last Thursday of May" """
    n: int  # 1..5, or -1 for the last
    weekday: int  # Monday = 0
    month: int

    def resolve(self, year: int, ref: Resolve, week_convention: str) -> Span:
        day = nth_weekday(year, self.month, self.weekday, self.n)
        return day, day

    def refs(self) -> tuple[str, ...]:
        return ()

    def describe(self, lang: str, name: EventName) -> str:
        if lang == "sv":
            return (f"{_SV_ORDINALS[self.n]} {_weekday_name(self.weekday, lang)}en i "
                    f"{_month_name(self.month, lang)}")
        return (f"{_EN_ORDINALS[self.n]} {_weekday_name(self.weekday, lang)} of "
                f"{_month_name(self.month, lang)}")


@dataclass(frozen=True)
class WorkingDayOfMonth:
    """ "last working day of December", "first working day of January": a weekday that is no
    public holiday, de-facto day off or eve (core.calendar.workdays.is_working_day). """
    which: str  # "first" or "last"
    month: int

    def resolve(self, year: int, ref: Resolve, week_convention: str) -> Span:
        day = working_day_of_month(year, self.month, self.which)
        return day, day

    def refs(self) -> tuple[str, ...]:
        return ()

    def describe(self, lang: str, name: EventName) -> str:
        if lang == "sv":
            which = {"first": "första", "last": "sista"}[self.which]
            return f"{which} arbetsdagen i {_month_name(self.month, lang)}"
        return f"{self.which} working day of {_month_name(self.month, lang)}"


@dataclass(frozen=True)
class WeekdayAfter:
    """ "Thursday after training_mentees": the first such weekday after the other event's day. """
    weekday: int
    event: str

    def resolve(self, year: int, ref: Resolve, week_convention: str) -> Span:
        after = ref(self.event)[0] + dt.timedelta(days=1)
        day = after + relativedelta(weekday=_DATEUTIL_WEEKDAYS[self.weekday])
        return day, day

    def refs(self) -> tuple[str, ...]:
        return (self.event,)

    def describe(self, lang: str, name: EventName) -> str:
        if lang == "sv":
            return f"{_weekday_name(self.weekday, lang)}en efter {name(self.event)}"
        return f"{_weekday_name(self.weekday, lang)} after {name(self.event)}"


@dataclass(frozen=True)
class EdgeOf:
    """ "same day as matching_deadline", "start of pair_meeting_6", "end of closing" """
    event: str
    edge: str  # "same" (the first day, worded as a coincidence), "start" or "end"
    bare: bool = False  # written as the event's name alone, as in "from mentor_mingle to …"

    def resolve(self, year: int, ref: Resolve, week_convention: str) -> Span:
        start, end = ref(self.event)
        day = end if self.edge == "end" else start
        return day, day

    def refs(self) -> tuple[str, ...]:
        return (self.event,)

    def describe(self, lang: str, name: EventName) -> str:
        words = {"sv": {"same": "samma dag som", "start": "början av", "end": "slutet av"},
                 "en": {"same": "same day as", "start": "start of", "end": "end of"}}
        if self.bare:
            return name(self.event)
        return f"{words[lang][self.edge]} {name(self.event)}"


@dataclass(frozen=True)
class Offset:
    """ "2 weeks after closing", "3 days before kickoff": counted from the other event's last
    day (after) or first day (before). """
    days: int  # negative: before
    event: str
    unit: str  # "days" or "weeks", kept for the description

    def resolve(self, year: int, ref: Resolve, week_convention: str) -> Span:
        start, end = ref(self.event)
        day = (end if self.days > 0 else start) + dt.timedelta(days=self.days)
        return day, day

    def refs(self) -> tuple[str, ...]:
        return (self.event,)

    def describe(self, lang: str, name: EventName) -> str:
        count = abs(self.days) // (7 if self.unit == "weeks" else 1)
        if lang == "sv":
            unit = {"weeks": "veckor" if count != 1 else "vecka",
                    "days": "dagar" if count != 1 else "dag"}[self.unit]
            return f"{count} {unit} {'efter' if self.days > 0 else 'före'} {name(self.event)}"
        unit = self.unit if count != 1 else self.unit[:-1]
        return f"{count} {unit} {'after' if self.days > 0 else 'before'} {name(self.event)}"


# -- Rules that give a span of days ------------------------------------------------------------

@dataclass(frozen=True)
class WeekOfMonth:
    """ "first week of October", "last week of February": a Monday–Sunday week. """
    which: str  # "first" or "last"
    month: int

    def resolve(self, year: int, ref: Resolve, week_convention: str) -> Span:
        return week_of_month(year, self.month, self.which, week_convention)

    def refs(self) -> tuple[str, ...]:
        return ()

    def describe(self, lang: str, name: EventName) -> str:
        if lang == "sv":
            which = {"first": "första", "last": "sista"}[self.which]
            return f"{which} veckan i {_month_name(self.month, lang)}"
        return f"{self.which} week of {_month_name(self.month, lang)}"


@dataclass(frozen=True)
class WholeMonth:
    """ "December" """
    month: int

    def resolve(self, year: int, ref: Resolve, week_convention: str) -> Span:
        last = calendar.monthrange(year, self.month)[1]
        return dt.date(year, self.month, 1), dt.date(year, self.month, last)

    def refs(self) -> tuple[str, ...]:
        return ()

    def describe(self, lang: str, name: EventName) -> str:
        if lang == "sv":
            return f"under {_month_name(self.month, lang)}"
        return f"during {_month_name(self.month, lang)}"


DayRule = Union[FixedDate, NthWeekday, WorkingDayOfMonth, WeekdayAfter, EdgeOf, Offset]


@dataclass(frozen=True)
class Window:
    """ "from mentor_mingle to matching_deadline" """
    first: DayRule
    last: DayRule

    def resolve(self, year: int, ref: Resolve, week_convention: str) -> Span:
        start = self.first.resolve(year, ref, week_convention)[0]
        end = self.last.resolve(year, ref, week_convention)[1]
        return start, end

    def refs(self) -> tuple[str, ...]:
        return self.first.refs() + self.last.refs()

    def describe(self, lang: str, name: EventName) -> str:
        if lang == "sv":
            return f"från {self.first.describe(lang, name)} till {self.last.describe(lang, name)}"
        return f"from {self.first.describe(lang, name)} to {self.last.describe(lang, name)}"


Rule = Union[DayRule, WeekOfMonth, WholeMonth, Window]


# -- Calendar arithmetic -----------------------------------------------------------------------

def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (or, for n = -1, the last) given weekday of a month."""
    if n == -1:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last + relativedelta(weekday=_DATEUTIL_WEEKDAYS[weekday](-1))
    day = dt.date(year, month, 1) + relativedelta(weekday=_DATEUTIL_WEEKDAYS[weekday](n))
    if day.month != month:
        raise RuleError(f"{year}-{month:02d} has no {_EN_ORDINALS[n]} {calendar.day_name[weekday]}")
    return day


def week_of_month(year: int, month: int, which: str, convention: str) -> Span:
    """The Monday–Sunday week that is the month's first or last week, by convention:
    "iso" — the week holding the month's first/last Thursday (how ISO 8601 assigns a week to a
    month); "full" — the first/last week lying wholly inside the month."""
    if convention == "iso":
        thursday = nth_weekday(year, month, 3, 1 if which == "first" else -1)
        monday = thursday - dt.timedelta(days=3)
    elif convention == "full":
        if which == "first":
            monday = dt.date(year, month, 1) + relativedelta(weekday=MO(1))
        else:
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
            monday = last + relativedelta(weekday=SU(-1)) - dt.timedelta(days=6)
    else:
        raise RuleError(f"unknown week convention {convention!r}; use one of {WEEK_CONVENTIONS}")
    return monday, monday + dt.timedelta(days=6)


# -- Parsing -----------------------------------------------------------------------------------

_MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
_WEEKDAY = "(?P<weekday>" + "|".join(WEEKDAYS) + ")"
_ORDINAL = "(?P<ordinal>" + "|".join(ORDINALS) + ")"
_EVENT = r"(?P<event>[a-z][a-z0-9_]*)"

_DAY_FORMS: tuple[tuple[re.Pattern[str], Callable[[Mapping[str, str]], DayRule]], ...] = (
    (re.compile(rf"(?P<day>\d{{1,2}}) {_MONTH}"),
     lambda m: FixedDate(int(m["day"]), MONTHS[m["month"]])),
    (re.compile(rf"{_ORDINAL} {_WEEKDAY} of {_MONTH}"),
     lambda m: NthWeekday(ORDINALS[m["ordinal"]], WEEKDAYS[m["weekday"]], MONTHS[m["month"]])),
    (re.compile(rf"(?P<which>first|last) working day of {_MONTH}"),
     lambda m: WorkingDayOfMonth(m["which"], MONTHS[m["month"]])),
    (re.compile(rf"{_WEEKDAY} after {_EVENT}"),
     lambda m: WeekdayAfter(WEEKDAYS[m["weekday"]], m["event"])),
    (re.compile(rf"same day as {_EVENT}"), lambda m: EdgeOf(m["event"], "same")),
    (re.compile(rf"(?P<edge>start|end) of {_EVENT}"), lambda m: EdgeOf(m["event"], m["edge"])),
    (re.compile(rf"(?P<count>\d+) (?P<unit>days?|weeks?) (?P<dir>after|before) {_EVENT}"),
     lambda m: Offset(
         int(m["count"]) * (7 if m["unit"].startswith("week") else 1)
         * (1 if m["dir"] == "after" else -1),
         m["event"],
         "weeks" if m["unit"].startswith("week") else "days")),
)

_SPAN_FORMS: tuple[tuple[re.Pattern[str], Callable[[Mapping[str, str]], Rule]], ...] = (
    (re.compile(rf"(?P<which>first|last) week of {_MONTH}"),
     lambda m: WeekOfMonth(m["which"], MONTHS[m["month"]])),
    (re.compile(_MONTH), lambda m: WholeMonth(MONTHS[m["month"]])),
)


def _normalise(words: str) -> str:
    return " ".join(words.strip().lower().split())


def _parse_day(words: str) -> DayRule | None:
    for pattern, build in _DAY_FORMS:
        match = pattern.fullmatch(words)
        if match:
            rule = build(match.groupdict())
            if isinstance(rule, FixedDate):
                # Check the day exists in some year (29 February does, 31 April does not).
                try:
                    dt.date(2000, rule.month, rule.day)
                except ValueError as exc:
                    raise RuleError("no such day") from exc
            if isinstance(rule, NthWeekday) and rule.n == 5:
                raise RuleError("not every month has a 5th weekday; use 'last'")
            return rule
    return None


def parse_rule(words: str) -> Rule:
    """Parse a rule written as in data/rules.toml; RuleError quotes what was not understood."""
    try:
        return _parse(_normalise(words))
    except RuleError as exc:
        raise RuleError(f"{words!r}: {exc}") from None


def _parse(text: str) -> Rule:
    window = re.fullmatch(r"from (?P<first>.+) to (?P<last>.+)", text)
    if window:
        first, last = _parse_day(window["first"]), _parse_day(window["last"])
        # An event's name alone: from its first day, or to its last.
        if first is None and re.fullmatch(_EVENT, window["first"]):
            first = EdgeOf(window["first"], "start", bare=True)
        if last is None and re.fullmatch(_EVENT, window["last"]):
            last = EdgeOf(window["last"], "end", bare=True)
        if first is None or last is None:
            bad = window["first"] if first is None else window["last"]
            raise RuleError(f"cannot read {bad!r} as a day")
        return Window(first, last)
    day = _parse_day(text)
    if day is not None:
        return day
    for pattern, build in _SPAN_FORMS:
        match = pattern.fullmatch(text)
        if match:
            return build(match.groupdict())
    raise RuleError("not a rule this calendar knows (see docs/rules.md)")
