"""Inställningar: the conventions the manual leaves open, saved for every year."""

from dataclasses import replace

import streamlit as st

from core import services
from core.calendar.programme import MINGLE_CONVENTIONS, SPRING_MATCHING_DEADLINES, SPRING_MID_MEETING_GUESTS
from core.calendar.rules import WEEK_CONVENTIONS
from core.messages.records import MAX_FORMER_PAIR_COHORTS
from core.platform.i18n import MentorplanError, t
from ui import context
from ui.text import shown

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
    june = st.radio(t("settings.spring_mid_meeting_guests", lang), SPRING_MID_MEETING_GUESTS,
                    key="spring_mid_meeting_guests",
                    index=SPRING_MID_MEETING_GUESTS.index(current.spring_mid_meeting_guests),
                    format_func=lambda c: t(f"settings.june_{c}", lang))
    deadline = st.radio(t("settings.spring_matching_deadline", lang), SPRING_MATCHING_DEADLINES,
                        key="spring_matching_deadline",
                        index=SPRING_MATCHING_DEADLINES.index(current.spring_matching_deadline),
                        format_func=lambda c: t(f"settings.deadline_{c}", lang))
    if st.form_submit_button(t("common.save", lang), type="primary"):
        try:
            store.save_settings(replace(current, week_convention=week, mingle_convention=mingle,
                                        spring_mid_meeting_guests=june, spring_matching_deadline=deadline))
        except MentorplanError as error:
            st.error(shown(error, lang))
        else:
            st.success(t("common.saved", lang))

# Who the trainings invite as former mentor pairs (issue 12; also on the guest-list page).
st.subheader(t("settings.guests", lang))
with st.form("settings_guests"):
    former = st.number_input(t("guests_page.former_cohorts", lang), min_value=1, max_value=MAX_FORMER_PAIR_COHORTS,
                             value=store.former_pair_cohorts(), step=1, key="settings_former_cohorts",
                             help=t("guests_page.former_cohorts_help", lang))
    if st.form_submit_button(t("common.save", lang), type="primary"):
        try:
            store.save_former_pair_cohorts(int(former))
        except MentorplanError as error:
            st.error(shown(error, lang))
        else:
            st.success(t("common.saved", lang))
