"""Översikt: for today, across both tracks, what to do next (each with a link to the page where it
is done) and what happens this week and in the next 30 days; on an empty dashboard, the example
data and a short tour."""

import streamlit as st

from core.calendar.agenda import phases, upcoming, week_of
from core.calendar.schedule import cohort_label, cohort_words, describe_guests, describe_when, event_name
from core.followup.examples import clear_examples, load_examples
from core.followup.todo import todo_list
from core.platform.auth import is_local
from core.platform.i18n import format_date, format_week, t
from ui import context
from ui.text import shown

SEVERITY_ICONS = {"urgent": ":red[:material/priority_high:]", "warning": ":orange[:material/warning:]",
                  "info": ":blue[:material/info:]"}
TOUR = ("home", "calendar", "people", "matching", "messages", "followup", "three_party", "report", "admin",
        "cli")
FLASH = "home_flash"

lang = context.lang()
today = context.today()
programme = context.programme()
store = context.store()

st.title(t("app.title", lang))
st.caption(f"{t('app.tagline', lang)} · {format_date(today, lang)} ({format_week(today, lang)})")
if flash := st.session_state.pop(FLASH, None):
    st.success(flash, icon=":material/check_circle:")


def show_tour(expanded: bool) -> None:
    with st.expander(t("home.tour", lang), expanded=expanded, icon=":material/explore:"):
        st.markdown(t("home.tour_intro", lang))
        st.markdown("\n".join(f"- {t(f'home.tour_{part}', lang)}" for part in TOUR))


empty = store.people_count() == 0
if empty:
    with st.container(border=True):
        st.subheader(t("home.empty_title", lang))
        st.write(t("home.empty_intro", lang))
        load, start = st.columns(2)
        if load.button(t("home.load_examples", lang), type="primary", key="load_examples",
                       icon=":material/science:"):
            with st.spinner(t("home.loading_examples", lang)):
                loaded = load_examples(store, programme, today)
            st.session_state[FLASH] = t("home.examples_loaded", lang, people=loaded["people"],
                                        cohorts=", ".join(cohort_words(c, lang) for c in loaded["cohorts"]),
                                        matched=loaded["matched"],
                                        meetings=loaded["meetings"])
            st.rerun()
        with start:
            st.page_link("views/participants.py", label=t("home.import_first", lang), icon=":material/upload_file:")
    show_tour(expanded=True)
elif examples := store.example_count():
    with st.expander(t("home.clear_examples_title", lang), icon=":material/science:"):
        st.write(t("home.clear_examples_intro", lang, count=examples))
        sure = st.checkbox(t("home.clear_examples_confirm", lang), key="clear_examples_sure")
        if st.button(t("home.clear_examples", lang), key="clear_examples", disabled=not sure,
                     icon=":material/delete_sweep:"):
            removed = clear_examples(store)
            st.session_state[FLASH] = t("home.examples_cleared", lang, people=removed.get("people", 0),
                                        rows=sum(removed.values()) - removed.get("people", 0))
            st.rerun()

for phase in phases(programme, today):
    st.markdown("- " + t(f"home.phase_{phase.phase}", lang, cohort=cohort_label(phase.cohort, lang),
                         kickoff=format_date(phase.kickoff, lang),
                         closing=format_date(phase.closing, lang)))

st.subheader(t("home.todo", lang))
todos = context.memo(lambda: todo_list(store, programme, today), "todo", today)  # until the next change
if not todos:
    st.success(t("home.nothing_to_do", lang), icon=":material/task_alt:")
for todo in todos:
    text, link = st.columns([5, 2], vertical_alignment="center")
    text.markdown(f"{SEVERITY_ICONS[todo.severity]} {shown(todo, lang)}")
    with link:
        st.page_link(todo.page, label=todo.action(lang), icon=":material/arrow_forward:")


def show_events(occurrences, empty_key: str) -> None:
    if not occurrences:
        st.caption(t(empty_key, lang))
    for o in occurrences:
        guests = ", ".join(describe_guests(o, lang))
        cohorts = ", ".join(cohort_label(c, lang) for c in o.cohorts)  # a shared event names both
        line = f"**{event_name(o.id, lang)}** · {cohorts} — {describe_when(o, lang)}"
        st.markdown(line + (f"  \n{t('timeline.invited', lang)}: {guests}" if guests else ""))


monday, sunday = week_of(today)
this_week = upcoming(programme, today, (sunday - today).days)
later = [o for o in upcoming(programme, today, 30) if o not in this_week]
left, right = st.columns(2)
with left:
    st.subheader(t("home.this_week", lang))
    show_events(this_week, "home.nothing_this_week")
with right:
    st.subheader(t("home.next_30_days", lang))
    show_events(later, "home.nothing_soon")

if not empty:
    show_tour(expanded=False)
st.divider()
address = st.get_option("server.address") or ""
if is_local(address):
    st.caption(":material/lock: " + t("home.local_only", lang))
