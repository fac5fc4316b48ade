"""Översikt: what happens this week and in the coming weeks, for both tracks, and what to look at."""

import streamlit as st

from core.agenda import phases, upcoming, warnings_ahead, week_of
from core.i18n import format_date, format_week, t
from core.schedule import cohort_label, describe_guests, describe_warning, describe_when, event_name
from ui import context

lang = context.lang()
today = context.today()
programme = context.programme()

st.title(t("app.title", lang))
st.caption(f"{t('app.tagline', lang)} · {format_date(today, lang)} ({format_week(today, lang)})")

for phase in phases(programme, today):
    st.markdown("- " + t(f"home.phase_{phase.phase}", lang, cohort=cohort_label(phase.cohort, lang),
                         id=phase.cohort.id, kickoff=format_date(phase.kickoff, lang),
                         closing=format_date(phase.closing, lang)))


def show_events(occurrences, empty_key: str) -> None:
    if not occurrences:
        st.caption(t(empty_key, lang))
    for o in occurrences:
        guests = ", ".join(describe_guests(o, lang))
        line = f"**{event_name(o.id, lang)}** · {cohort_label(o.cohort, lang)} — {describe_when(o, lang)}"
        st.markdown(line + (f"  \n{t('timeline.invited', lang)}: {guests}" if guests else ""))


monday, sunday = week_of(today)
this_week = [o for o in upcoming(programme, today, (sunday - today).days)]
later = [o for o in upcoming(programme, today, 30) if o not in this_week]
left, right = st.columns(2)
with left:
    st.subheader(t("home.this_week", lang))
    show_events(this_week, "home.nothing_this_week")
with right:
    st.subheader(t("home.next_30_days", lang))
    show_events(later, "home.nothing_soon")

warned = warnings_ahead(programme, today, 120)
if warned:
    st.subheader(t("home.warnings_ahead", lang))
    for o in warned:
        for warning in o.warnings:
            st.warning(f"**{event_name(o.id, lang)}** ({o.cohort.id}): {describe_warning(warning, lang)}",
                       icon=":material/warning:")
    st.page_link("views/schedule.py", label=t("home.go_to_schedule", lang), icon=":material/calendar_month:")

st.divider()
address = st.get_option("server.address") or ""
if address in ("localhost", "127.0.0.1", "::1"):
    st.caption(":material/lock: " + t("home.local_only", lang))
