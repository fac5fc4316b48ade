"""The session's context, read by every page: the chosen language, the store, the programme
(cached across reruns until its settings or overrides change) and the chosen cohort."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

from core import services
from core.calendar.programme import Cohort, Override, Programme, Settings, cohorts_of_programme_year, programme_year_of
from core.platform import backup, clock
from core.platform.i18n import DEFAULT_LANGUAGE, LANGUAGES, MentorplanError
from core.store import Store, database_url

T = TypeVar("T")
LANG_KEY = "lang"
YEAR_KEY = "programme_year"
COHORT_KEY = "cohort"
MEMO_KEY = "_mentorplan_memo"


def lang() -> str:
    value = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def today() -> dt.date:
    """Today (core.platform.clock: the computer's date or MENTORPLAN_TODAY), or the day a test set in the
    session."""
    if chosen := st.session_state.get("today"):
        return chosen
    try:
        return clock.today()
    except MentorplanError as error:
        st.error(error.shown(lang()), icon=":material/event_busy:")
        st.stop()


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return services.open_store(url)


def _backup_key() -> str | None:
    """`[mentorplan] backup_key` from the secrets, the key that signs backups (core reads no
    secrets: core.platform.backup asks here when it needs the key)."""
    try:
        value = (st.secrets.get("mentorplan") or {}).get("backup_key")
    except Exception:  # no secrets.toml at all: Streamlit raises its own not-found error
        return None
    return value if isinstance(value, str) else None


def store() -> Store:
    """The store, opened (and brought up to date) once per database. A database that cannot be
    opened — made by a newer Mentorplan, not Mentorplan's, busy — stops the page with words; the
    next run tries again (a failed opening is not cached)."""
    backup.use_key_source(_backup_key)  # before opening: an upgrade writes a backup first
    try:
        return _store(database_url())
    except MentorplanError as error:
        st.error(error.shown(lang()), icon=":material/database:")
        st.stop()


@st.cache_resource(show_spinner=False, max_entries=16)
def _programme(url: str, settings: Settings, overrides: tuple[Override, ...]) -> Programme:
    return Programme(services.rulebook(), settings, overrides)


def programme() -> Programme:
    """The programme as stored now; rebuilt only when settings or overrides changed."""
    the_store = store()
    settings = the_store.settings(services.rulebook().defaults)
    return _programme(database_url(), settings, tuple(the_store.overrides()))


def programme_year() -> int:
    return int(st.session_state.get(YEAR_KEY) or programme_year_of(today()))


def cohort() -> Cohort:
    """The cohort chosen in the sidebar (one of the programme year's two)."""
    chosen = st.session_state.get(COHORT_KEY)
    options = cohorts_of_programme_year(programme_year())
    for option in options:
        if option.id == chosen:
            return option
    return options[0]


def kept(canonical_key: str, value: object) -> dict:
    """Arguments for a widget whose choice is kept in session_state[canonical_key] across
    languages and pages. A widget's words change with the language, and a browser keeps a choice
    as its words and sends the old ones back after a switch (the choice would then fall back to
    the first option — another cohort, another meeting); so each language gets a widget of its
    own (key ending in the language), started on the kept choice, every change copied back."""
    widget_key = f"{canonical_key}__{lang()}"
    st.session_state[canonical_key] = value
    st.session_state[widget_key] = value
    return {"key": widget_key, "on_change": _keep, "args": (widget_key, canonical_key)}


def kept_choice(canonical_key: str, options: list, default: object) -> dict:
    """kept() for a choice among options: the kept one while it is still offered, else `default`."""
    chosen = st.session_state.get(canonical_key)
    return kept(canonical_key, chosen if chosen in options else default)


def _keep(widget_key: str, canonical_key: str) -> None:
    st.session_state[canonical_key] = st.session_state[widget_key]


def version() -> tuple[str, object]:
    """What the stored data is now: the database and the store's version (core.store.audit),
    which any write — by this session, another one or a command — moves on."""
    return database_url(), store().version()


def memo(compute: Callable[[], T], *key: Hashable) -> T:
    """compute() once per session while the store is unchanged: what a rerun would otherwise
    read and work out again (a guest list, a report, the to-do list) is kept under `key`, and all
    of it is forgotten as soon as anything is written — by this session, another one, or a
    command (the store's version: core.store.audit). The key must name everything the result
    depends on besides the store (the cohort, the event, the language, the day). The caller must
    not change what it gets back."""
    now, kept = version(), st.session_state.get(MEMO_KEY)
    if kept is None or kept["version"] != now:
        kept = {"version": now, "values": {}}
        st.session_state[MEMO_KEY] = kept
    values = kept["values"]
    if key not in values:
        values[key] = compute()
    return values[key]
