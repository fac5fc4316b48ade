"""The sidebar every page shares: language, programme year and cohort. Its widgets live in the
entry script, so their values survive switching pages."""

from __future__ import annotations

import streamlit as st
from sqlalchemy.engine import make_url

from core.calendar.programme import FIRST_YEAR, LAST_YEAR, cohorts_of_programme_year
from core.calendar.schedule import cohort_label
from core.platform.i18n import LANGUAGES, t
from core.store import database_url
from ui import context

LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


def language() -> None:
    """The language switch: drawn first, so that the login screen speaks the chosen language too."""
    with st.sidebar:
        st.session_state.setdefault(context.LANG_KEY, "sv")
        st.segmented_control(
            t("sidebar.language", context.lang()), LANGUAGES, key=context.LANG_KEY,
            format_func=LANGUAGE_NAMES.__getitem__, selection_mode="single")
        if st.session_state.get(context.LANG_KEY) not in LANGUAGES:  # a click that deselects
            st.session_state[context.LANG_KEY] = "sv"


def show() -> None:
    """Programme year and cohort, and where the data is."""
    with st.sidebar:
        lang = context.lang()
        year = min(max(context.programme_year(), FIRST_YEAR), LAST_YEAR)
        st.number_input(t("sidebar.programme_year", lang), min_value=FIRST_YEAR, max_value=LAST_YEAR,
                        step=1, help=t("sidebar.programme_year_help", lang, year=year, next=year + 1),
                        **context.kept(context.YEAR_KEY, year))
        by_id = {c.id: c for c in cohorts_of_programme_year(context.programme_year())}
        chosen = context.cohort().id
        st.radio(t("sidebar.cohort", lang), list(by_id),
                 format_func=lambda cid: cohort_label(by_id[cid], lang),  # in words; the id is the value
                 **context.kept(context.COHORT_KEY, chosen))
        st.caption(t("sidebar.database", lang, where=_where()))


def _where() -> str:
    """The database, named without its password."""
    url = make_url(database_url())
    if url.get_backend_name() == "sqlite":
        return f"SQLite · {url.database}"
    return url.render_as_string(hide_password=True)
