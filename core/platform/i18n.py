"""Words of the interface in Swedish (the default) and English, and dates written each language's
way through Babel (CLDR): "tors 24 sep. 2026", "v. 40" in Swedish; "Thu 24 Sep 2026", "week 40"
in English.

Labels live in data/i18n/*.toml, one file per area of the app, each key with an `sv` and an `en`
text; `{name}` placeholders are filled with str.format.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal as _babel_format_decimal
from babel.numbers import format_percent as _babel_format_percent

from core.platform import cache
from core.platform.paths import DATA_DIR

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
I18N_DIR = DATA_DIR / "i18n"
_LOCALES = {"sv": "sv_SE", "en": "en"}


def _flatten(table: dict[str, Any], prefix: str, into: dict[str, dict[str, str]], source: Path) -> None:
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and set(value) <= set(LANGUAGES) and value:
            if path in into:
                raise ValueError(f"{source.name}: label {path!r} is defined twice")
            into[path] = value
        elif isinstance(value, dict):
            _flatten(value, f"{path}.", into, source)
        else:
            raise ValueError(f"{source.name}: {path!r} needs an sv and an en text")


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    """Every label, by dotted key, from all files in data/i18n (read once, and kept in data/cache
    until a file changes: core.platform.cache)."""
    files = sorted(I18N_DIR.glob("*.toml"))
    return cache.kept("labels", [*files, Path(__file__)], lambda: read_labels(files))


def read_labels(files: list[Path]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for path in files:
        with path.open("rb") as handle:
            _flatten(tomllib.load(handle), "", found, path)
    return found


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return lang


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: Any) -> str:
    """The label `key` in `lang`, with its placeholders filled. A missing key is a bug, and
    raises, so that a test finds it before a coordinator does."""
    text = labels()[key][check_language(lang)]
    return text.format(**params) if params else text


def format_date(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """Weekday, day, month and year the language's way: "tors 24 sep. 2026"."""
    return _babel_format_date(day, "EEE d MMM y", locale=_LOCALES[check_language(lang)])


def format_short_date(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """Day and month without the year: "24 sep."."""
    return _babel_format_date(day, "d MMM", locale=_LOCALES[check_language(lang)])


def format_weekday(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    return _babel_format_date(day, "EEEE", locale=_LOCALES[check_language(lang)])


def month_name(month: int, lang: str = DEFAULT_LANGUAGE, width: str = "abbreviated") -> str:
    pattern = {"abbreviated": "LLL", "wide": "LLLL"}[width]
    return _babel_format_date(dt.date(2000, month, 1), pattern, locale=_LOCALES[check_language(lang)])


def weekday_name(weekday: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """Monday is 0: "måndag", "Monday"."""
    return _babel_format_date(dt.date(2001, 1, 1 + weekday), "EEEE", locale=_LOCALES[check_language(lang)])


def format_week(day: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    """The ISO week of a day, the way a Swedish workplace names it: "v. 40"."""
    return t("common.week_number", lang, week=day.isocalendar().week)


def format_number(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 3) -> str:
    """A number the language's way, with `decimals` decimals: "0,645" and "1 234,5" (a no-break
    space between thousands) in Swedish; "0.645" and "1,234.5" in English; "–" for nothing."""
    if value is None or value != value:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return _babel_format_decimal(value, format=pattern, locale=_LOCALES[check_language(lang)])


def format_share(value: float, lang: str = DEFAULT_LANGUAGE, decimals: int = 0) -> str:
    """A share (0.5) as a percentage the language's way: "50 %" in Swedish, "50%" in English."""
    if value is None or value != value:
        return "–"
    locale = _LOCALES[check_language(lang)]
    pattern = str(Locale.parse(locale).percent_formats[None].pattern)  # "#,##0 %" in Swedish
    if decimals > 0:
        at = pattern.rindex("0")
        pattern = pattern[:at + 1] + "." + "0" * decimals + pattern[at + 1:]
    return _babel_format_percent(value, format=pattern, locale=locale)


def format_span(start: dt.date, end: dt.date, lang: str = DEFAULT_LANGUAGE) -> str:
    if start == end:
        return format_date(start, lang)
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


def unique_labels(labels: list[str]) -> list[str]:
    """Labels of things that are not people told apart where two are the same (two files called
    anmalan.xlsx, two columns of one header): the second becomes "anmalan.xlsx (2)". People are
    told apart by who they are, not by a number: core.platform.names.person_labels."""
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return unique


@runtime_checkable
class Shown(Protocol):
    """Words shown later: whatever puts itself into words in a language only when it is shown
    (a complaint, a to-do, an error, a row reference), so that it reads in either language.
    Every such type has this one method."""

    def shown(self, lang: str) -> str: ...


def shown_params(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """A label's fillers for `lang`: those that are words shown later, shown in it."""
    return {name: value.shown(lang) if isinstance(value, Shown) else value for name, value in params.items()}


@dataclass(frozen=True)
class Words:
    """Words shown later, the plain kind: a label of data/i18n and what fills it (fillers may be
    words shown later themselves: a role, a field, other rows)."""
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def shown(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return t(self.key, lang, **shown_params(self.params, lang))


def excerpt(value: object, limit: int = 60, empty: str = "") -> str:
    """A value quoted in a message: trimmed, cut to `limit` characters with "…"; `empty` for
    nothing (None, NaN, blank)."""
    if value is None or (isinstance(value, float) and value != value):
        return empty
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    text = " ".join(str(value).split())
    if not text:
        return empty
    return text if len(text) <= limit else text[:limit - 3] + "…"


class MentorplanError(Exception):
    """An error the coordinator can act on, with its words in both languages: `key` names a
    label in data/i18n, `params` fill its placeholders."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def shown(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return t(self.key, lang, **shown_params(self.params, lang))

    def __str__(self) -> str:
        return self.shown("en")
