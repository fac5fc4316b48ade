"""Inställningar: the conventions the manual leaves open, saved for every year."""

import streamlit as st

from core import services
from core.calendar.programme import MINGLE_CONVENTIONS, Settings
from core.calendar.rules import WEEK_CONVENTIONS
from core.platform.i18n import MentorplanError, t
from ui import context

lang = context.lang()
store = context.store()
current = store.settings(services.rulebook().defaults)

st.title(t("settings.title", lang))
st.caption(t("settings.intro", lang))
with st.form("settings"):
    week = st.radio(t("settings.week_convention", lang), WEEK_CONVENTIONS, key="week_convention",
                    index=WEEK_CONVENTIONS.index(current.week_convention),
                    format_func=lambda c: t(f"settings.week_{c}", lang))
    mingle = st.radio(t("settings.mingle_convention", lang), MINGLE_CONVENTIONS, key="mingle_convention",
                      index=MINGLE_CONVENTIONS.index(current.mingle_convention),
                      format_func=lambda c: t(f"settings.mingle_{c}", lang))
    if st.form_submit_button(t("common.save", lang), type="primary"):
        try:
            store.save_settings(Settings(week_convention=week, mingle_convention=mingle))
        except MentorplanError as error:
            st.error(error.shown(lang))
        else:
            st.success(t("common.saved", lang))
