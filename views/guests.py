"""Gästlistor: who is invited to each event of the chosen cohort, and why — counts for every
event, one event's list with each guest's reason, and the list as .xlsx or .csv."""


import streamlit as st

from core.calendar.schedule import cohort_label, describe_guests, describe_when, event_name
from core.messages.guests import (
    counts,
    display_frame,
    guest_labels,
    guest_list,
    invited_events,
    load_history,
    summary_frame,
)
from core.messages.templates import DECISIONS_EVENT
from core.platform.files import XLSX_MIME, to_csv, to_xlsx
from core.platform.i18n import t
from ui import context
from ui.downloads import offer

lang = context.lang()
store = context.store()
programme = context.programme()
cohort = context.cohort()
label = f"{cohort_label(cohort, lang)} ({cohort.id})"

st.title(f"{t('guests_page.title', lang)} · {label}")
st.caption(t("guests_page.intro", lang, cohort=label))
st.caption(t("guests_page.as_of_now", lang))

history = load_history(store)
st.subheader(t("guests_page.overview", lang))
summary = summary_frame(history, programme, cohort, lang)
st.dataframe(summary, hide_index=True, width="stretch", height=36 * (len(summary) + 1) + 4)

events = {o.id: o for o in invited_events(programme, cohort)}
event_id = st.selectbox(t("guests_page.event", lang), list(events), key="guests_event",
                        format_func=lambda e: f"{event_name(e, lang)} · {describe_when(events[e], lang)}")
occurrence = events[event_id]
guests = guest_list(history, programme, occurrence)
numbers = counts(guests)

st.subheader(t("guests_page.list_title", lang, event=event_name(event_id, lang), when=describe_when(occurrence, lang)))
columns = st.columns(4)
for column, (key, count) in zip(columns, (("invited", numbers["total"]), ("mentors", numbers["mentor"]),
                                          ("mentees", numbers["mentee"]),
                                          ("no_address_count", numbers["no_address"])), strict=True):
    column.metric(t(f"guests_page.{key}", lang), count)

if not guests:
    st.info(t("guests_page.nobody", lang, groups=", ".join(describe_guests(occurrence, lang))))
else:
    table = display_frame(guests, lang)
    st.dataframe(table, hide_index=True, width="stretch")
    missing = [label for g, label in zip(guests, guest_labels(guests), strict=True) if not g.has_address]
    if missing:
        st.warning(t("guests_page.no_address_warning", lang, count=len(missing), names=", ".join(missing)),
                   icon=":material/warning:")
    st.caption(t("guests_page.export", lang))
    name = f"guests-{event_id}-{cohort.id}"
    xlsx_column, csv_column = st.columns(2)
    offer(xlsx_column, t("guests_page.xlsx", lang),
                       to_xlsx({event_name(event_id, lang): table}),
                       f"{name}.xlsx", XLSX_MIME, width="stretch")
    offer(csv_column, t("guests_page.csv", lang), to_csv(table, lang), f"{name}.csv",
                      "text/csv", width="stretch")
    if st.button(t("guests_page.to_messages", lang), icon=":material/mail:", key="guests_to_messages"):
        # The messages page opens on this event's invitation.
        if event_id == DECISIONS_EVENT:
            st.session_state["messages_what"] = "decision"
        else:
            st.session_state["messages_what"] = "invitation"
            st.session_state["messages_event"] = event_id
        st.switch_page("views/messages.py")
