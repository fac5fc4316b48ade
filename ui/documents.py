"""Documents the pages offer (core.documents), made once per content and kept: a picture of the
timeline takes matplotlib about a second, and a page reruns on every click. The pictures and the
pair list's PDF are made when asked for (on_request), not each time what they show changes: a
page whose span or pairs change with every click would otherwise draw them every time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import streamlit as st

from core.calendar.programme import Occurrence
from core.documents import PDF_MIME
from core.documents.pictures import timeline_picture, wheel_picture
from core.documents.tables import schedule_pdf
from core.platform.i18n import t
from ui.downloads import offer

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


def on_request(container: Any, key: str, label: str, version: Hashable, lang: str) -> bool:
    """Whether the files behind `key` are wanted: a button asks for them (its click is noted
    before the page runs again, so the page then shows the files in its place), and the answer
    holds while what they show is the same (`version`); once that changes, the button is back."""
    asked = f"{key}__asked"
    if st.session_state.get(asked) == version:
        return True
    container.button(label, key=f"{key}__ask", help=t("document.on_request_help", lang), icon=":material/draft:",
                     on_click=_ask, args=(asked, version))
    return False


def _ask(asked: str, version: Hashable) -> None:
    st.session_state[asked] = version


def offer_pictures(kind: str, version: Hashable, draw: Callable[[str], bytes], file_name: str, help: str,
                   lang: str) -> None:
    """A chart to print or put in a slide (the timeline, the wheel): on request, as PDF, PNG and SVG."""
    st.subheader(t("chart.download_title", lang))
    st.caption(help)
    if not on_request(st, f"{kind}_pictures", t("chart.make_pictures", lang), version, lang):
        return
    for column, fmt in zip(st.columns(3), MIMES, strict=True):
        offer(column, t(f"chart.download_{fmt}", lang), draw(fmt), f"{file_name}.{fmt}", MIMES[fmt],
              key=f"{kind}_{fmt}", width="stretch", icon=":material/download:")
