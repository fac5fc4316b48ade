"""Documents the pages offer (core.documents), made once per content and kept: a picture of the
timeline takes matplotlib about a second, and a page reruns on every click."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from core.calendar.programme import Occurrence
from core.documents import PDF_MIME
from core.documents.pictures import timeline_picture, wheel_picture
from core.documents.tables import schedule_pdf

MIMES = {"pdf": PDF_MIME, "png": "image/png", "svg": "image/svg+xml"}


def drawn(occurrences: Sequence[Occurrence]) -> tuple:
    """What a picture shows of the occurrences: the key it is kept under."""
    return tuple((o.cohort.id, o.id, o.start, o.end, tuple(w.code for w in o.warnings)) for o in occurrences)


@st.cache_data(show_spinner=False, max_entries=32)
def timeline(_occurrences: Sequence[Occurrence], key: tuple, first: dt.date, last: dt.date, lang: str,
             today: dt.date, fmt: str) -> bytes:
    return timeline_picture(_occurrences, first, last, lang, today, today, fmt)


@st.cache_data(show_spinner=False, max_entries=32)
def wheel(_occurrences: Sequence[Occurrence], key: tuple, year: int, tracks: tuple[str, ...], lang: str,
          today: dt.date, fmt: str) -> bytes:
    return wheel_picture(_occurrences, year, tracks, lang, today, today, fmt)


@st.cache_data(show_spinner=False, max_entries=16)
def schedule(_occurrences: Sequence[Occurrence], key: tuple, settings: str, lang: str, made: dt.date) -> bytes:
    """The schedule as PDF (about a second's work for fpdf2), kept per what it shows: the dates, the
    rule days (a move shows), the warnings, and the settings that decide the guests."""
    return schedule_pdf(_occurrences, lang, made)


def scheduled(occurrences: Sequence[Occurrence]) -> tuple:
    return drawn(occurrences) + tuple((o.rule_start, o.rule_end) for o in occurrences)
