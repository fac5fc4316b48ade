"""Trepartssamtal: the coordinator's free times, a proposal giving each pair without one a time,
the bookings (change a pair's time, mark held), the pairs not yet booked, the booking list as
.xlsx and .ics, and a confirmation letter to each booked pair with a calendar request."""

import datetime as dt

import pandas as pd
import streamlit as st

from core.calendar.schedule import cohort_label
from core.followup.meetings import Pairs, followup_span, pair_label
from core.followup.three_party import (
    DEFAULT_MINUTES,
    MAX_MINUTES,
    MIN_MINUTES,
    NO_SLOT,
    add_slots,
    booking_calendar,
    booking_changes,
    booking_editor_frame,
    booking_table,
    booking_workbook,
    bookings_from_frame,
    overlapping,
    propose,
    save_bookings,
    series,
    slot_labels,
    slots_from_frame,
    stale_bookings,
    unbooked,
)
from core.messages import delivery
from core.messages.letters import Booked, booking_messages
from core.platform.files import XLSX_MIME
from core.platform.i18n import MentorplanError, format_date, t
from ui import context
from ui.downloads import offer
from ui.pairs import accepted_pairs_or_stop
from ui.text import plain, shown

FLASH = "three_party_flash"
VERSION = "three_party_version"
PROPOSAL = "three_party_proposal"
DELETE_CHOICE = "three_party_delete_choice"  # the slot id last chosen to delete, kept across languages

lang = context.lang()
store = context.store()
programme = context.programme()
cohort = context.cohort()
today = context.today()

st.title(f"{t('followup.three_party.title', lang)} · {cohort_label(cohort, lang)}")
if flash := st.session_state.pop(FLASH, None):
    st.success(flash, icon=":material/check_circle:")
pairs = accepted_pairs_or_stop("followup.three_party.no_pairs")

version = st.session_state.setdefault(VERSION, 0)
window = programme.occurrence(cohort, "three_party_window")
closing = programme.occurrence(cohort, "closing").start
span = followup_span(programme, cohort)
st.caption(t("followup.three_party.intro", lang, closing=format_date(closing, lang),
             start=format_date(window.start, lang), end=format_date(window.end, lang)))

slots = slots_from_frame(store.three_party_slots(cohort.id))
bookings = store.three_party_bookings(cohort.id)  # every cohort's only when a proposal is asked for
table = booking_table(pairs, bookings)
booked_slots = set(bookings["slot_id"].astype(int))


def saved(message: str) -> None:
    st.session_state[FLASH] = message
    st.session_state[VERSION] = version + 1
    st.session_state.pop(PROPOSAL, None)
    st.rerun()


columns = st.columns(4)
columns[0].metric(t("followup.three_party.metric_booked", lang), f"{table['slot_id'].notna().sum()} / {len(table)}")
columns[1].metric(t("followup.three_party.metric_held", lang), int(table["held"].sum()))
columns[2].metric(t("followup.three_party.metric_unbooked", lang), len(unbooked(table)))
columns[3].metric(t("followup.three_party.metric_free", lang), len([s for s in slots if s.id not in booked_slots]))

# -- Free times ------------------------------------------------------------------------------------
st.subheader(t("followup.three_party.slots_title", lang))
with st.form("three_party_slots", clear_on_submit=False):
    st.caption(t("followup.three_party.slots_help", lang))
    first_row = st.columns(3)
    day = first_row[0].date_input(t("followup.three_party.slot_day", lang),
                                  value=min(max(closing + dt.timedelta(days=1), span[0]), span[1]),
                                  min_value=span[0], max_value=span[1], format="YYYY-MM-DD", key="three_party_day")
    start = first_row[1].time_input(t("followup.three_party.slot_first", lang), value=dt.time(9, 0), step=900,
                                    key="three_party_start")
    count = first_row[2].number_input(t("followup.three_party.slot_count", lang), min_value=1, max_value=12, value=4,
                                      key="three_party_count")
    second_row = st.columns([1, 1, 2])
    minutes = second_row[0].number_input(t("followup.three_party.slot_minutes", lang), min_value=MIN_MINUTES,
                                         max_value=MAX_MINUTES, value=DEFAULT_MINUTES, step=15,
                                         key="three_party_minutes")
    pause = second_row[1].number_input(t("followup.three_party.slot_pause", lang), min_value=0, max_value=120,
                                       value=15, step=5, key="three_party_pause")
    place = second_row[2].text_input(t("followup.three_party.slot_place", lang), max_chars=300,
                                     key="three_party_place")
    if st.form_submit_button(t("followup.three_party.add_slots", lang), type="primary"):
        try:
            ids = add_slots(store, programme, cohort,
                            series(day, start, int(count), int(minutes), int(pause), place, cohort.id))
        except MentorplanError as error:
            st.error(shown(error, lang), icon=":material/error:")
        else:
            saved(t("followup.three_party.slots_added", lang, count=len(ids)))

labels = {(int(r.mentor_person_id), int(r.mentee_person_id)): pair_label(r.mentor_label, r.mentee_label)
          for r in table.itertuples(index=False)}
booked_by = {int(r.slot_id): labels.get((int(r.mentor_person_id), int(r.mentee_person_id)), "?")
             for r in bookings.itertuples(index=False)}


def free_words(slot) -> str:
    """ "ledig", or "ledig (utanför samtalsperioden)" for a slot the proposal leaves alone."""
    words = t("followup.three_party.free", lang)
    if window.start <= slot.day <= window.end:
        return words
    return f"{words} ({t('followup.three_party.outside_window', lang)})"


if not slots:
    st.caption(t("followup.three_party.no_slots_yet", lang))
else:
    with st.expander(f"{t('followup.three_party.slot_list', lang)} ({len(slots)})"):
        clashes = overlapping(slots)
        if clashes:
            st.warning(t("followup.three_party.overlap_note", lang, count=len(clashes)), icon=":material/warning:")
        st.dataframe(pd.DataFrame({
            t("followup.three_party.col.day", lang): [s.day for s in slots],
            t("followup.three_party.col.time", lang): [f"{s.starts_at:%H:%M}–{s.ends_at:%H:%M}" for s in slots],
            t("followup.three_party.col.place", lang): [s.place for s in slots],
            t("followup.three_party.col.booked_by", lang): [booked_by.get(s.id) or free_words(s) for s in slots]}),
            hide_index=True, width="stretch", placeholder="–")
        free = [s for s in slots if s.id not in booked_slots]
        if free:
            free_labels = slot_labels(free, lang)
            free_ids = list(free_labels)
            left, right = st.columns([3, 1], vertical_alignment="bottom")
            chosen = left.selectbox(t("followup.three_party.delete_slot", lang), free_ids,
                                    format_func=free_labels.__getitem__,
                                    **context.kept_choice(DELETE_CHOICE, free_ids, free_ids[0]),
                                    placeholder=t("common.choose_option", lang))
            if right.button(t("followup.three_party.delete", lang), key="three_party_delete_button"):
                try:
                    store.delete_three_party_slot(cohort.id, int(chosen))
                except MentorplanError as error:
                    st.error(shown(error, lang), icon=":material/error:")
                else:
                    saved(t("followup.three_party.slot_deleted", lang))

# -- Proposal --------------------------------------------------------------------------------------
st.subheader(t("followup.three_party.propose_title", lang))
st.caption(t("followup.three_party.propose_help", lang))
if unbooked(table).empty:
    st.caption(t("followup.three_party.proposal_none", lang))
elif not slots:
    st.caption(t("followup.three_party.proposal_no_slots", lang))
elif st.button(t("followup.three_party.propose", lang), key="three_party_propose", icon=":material/auto_fix_high:"):
    proposed, left_out = propose(cohort.id, Pairs(pairs), slots_from_frame(store.three_party_slots()),
                                 bookings_from_frame(store.three_party_bookings()), (window.start, window.end),
                                 closing, today)
    st.session_state[PROPOSAL] = (cohort.id, proposed, left_out)
proposal = st.session_state.get(PROPOSAL)
if proposal and proposal[0] == cohort.id:
    _cohort_id, proposed, left_out = proposal
    by_id = {s.id: s for s in slots}
    st.info(t("followup.three_party.proposal", lang, count=len(proposed)), icon=":material/lightbulb:")
    if proposed:
        st.dataframe(pd.DataFrame({
            t("followup.col.pair", lang): [labels[b.pair] for b in proposed],
            t("followup.three_party.col.slot", lang): [by_id[b.slot_id].shown(lang) for b in proposed]}),
            hide_index=True, width="stretch", placeholder="–")
    if left_out:
        st.warning(t("followup.three_party.proposal_left", lang, count=len(left_out)) + " "
                   + ", ".join(labels[p] for p in left_out), icon=":material/warning:")
    if proposed and st.button(t("followup.three_party.book_proposal", lang), type="primary",
                              key="three_party_book_proposal"):
        try:
            save_bookings(store, cohort, {b.pair: (b.slot_id, False) for b in proposed}, today)
        except MentorplanError as error:
            st.error(shown(error, lang), icon=":material/error:")
        else:
            saved(t("followup.three_party.proposal_booked", lang, count=len(proposed)))

# -- Bookings --------------------------------------------------------------------------------------
st.subheader(t("followup.three_party.bookings_title", lang))
st.caption(t("followup.three_party.bookings_help", lang))
slot_words = {NO_SLOT: t("followup.three_party.no_time", lang), **slot_labels(slots, lang)}
# The slot column holds slot ids, shown as words: edits the editor keeps across reruns stay
# valid when the language changes before Save.
editor = booking_editor_frame(table, labels)
edited = st.data_editor(
    editor, hide_index=True, width="stretch", key=f"three_party_bookings_{cohort.id}_{version}",
    height=35 * (min(len(editor), 40) + 1) + 3,
    column_order=["pair", "slot", "held"], disabled=["pair"],
    column_config={
        "pair": st.column_config.TextColumn(t("followup.col.pair", lang)),
        "slot": st.column_config.SelectboxColumn(t("followup.three_party.col.slot", lang), options=list(slot_words),
                                                 format_func=slot_words.__getitem__,
                                                 required=True, width="large"),
        "held": st.column_config.CheckboxColumn(t("followup.three_party.col.held", lang)),
    }, placeholder="–")
if st.button(t("followup.three_party.save_bookings", lang), type="primary", key="three_party_save"):
    try:
        wanted = booking_changes(editor, edited, [s.id for s in slots])
        if wanted:
            save_bookings(store, cohort, wanted, today)
    except MentorplanError as error:
        st.error(shown(error, lang), icon=":material/error:")
    else:
        if wanted:
            saved(t("followup.three_party.bookings_saved", lang))
        else:
            st.info(t("followup.nothing_changed", lang))

waiting = unbooked(table)
if waiting.empty:
    st.success(t("followup.three_party.all_booked", lang), icon=":material/task_alt:")
else:
    with st.expander(f"{t('followup.three_party.unbooked_title', lang)} ({len(waiting)})", icon=":material/pending:"):
        st.markdown("\n".join(f"- {plain(pair_label(r.mentor_label, r.mentee_label))} "
                              f"({plain(r.mentor_email)}, {plain(r.mentee_email)})"
                              for r in waiting.itertuples(index=False)))

stale = stale_bookings(bookings, pairs)
if len(stale):
    st.info(t("followup.three_party.stale", lang, count=len(stale)), icon=":material/history:")
    if st.button(t("followup.three_party.release_stale", lang), key="three_party_release"):
        keys = set(zip(stale["mentor_person_id"].astype(int), stale["mentee_person_id"].astype(int), strict=True))
        store.save_three_party_bookings(cohort.id, keys, [])
        saved(t("followup.three_party.stale_released", lang, count=len(keys)))

# -- Export ----------------------------------------------------------------------------------------
st.subheader(t("followup.three_party.export", lang))
left, right = st.columns(2)
name = f"{cohort.id}-{t('followup.three_party.nav', lang).lower().replace(' ', '-')}"
# The files are made once and kept per session until the next change (ui.context.memo).
booking_files = context.memo(lambda: (booking_workbook(table, lang), booking_calendar(table, cohort, lang)),
                             "booking_files", cohort.id, lang)
offer(left, t("followup.three_party.export_xlsx", lang), booking_files[0],
      f"{name}.xlsx", XLSX_MIME, width="stretch", icon=":material/download:")
offer(right, t("followup.three_party.export_ics", lang), booking_files[1],
      f"{name}.ics", "text/calendar", width="stretch", icon=":material/event:")

# -- Confirmations to the booked pairs -------------------------------------------------------------
st.markdown(f"**{t('messages.booking_title', lang)}**")
booked = [Booked(int(r.slot_id), pd.Timestamp(r.starts_at).to_pydatetime(), int(r.minutes), str(r.place),
                 int(r.mentor_person_id), str(r.mentor_name), str(r.mentor_email), int(r.mentee_person_id),
                 str(r.mentee_name), str(r.mentee_email))
          for r in table.itertuples(index=False) if pd.notna(r.starts_at)]
if not booked:
    st.caption(t("messages.booking_none", lang))
else:
    st.caption(t("messages.booking_intro", lang))
    letters = booking_messages(store, cohort, lang, booked)
    sender = delivery.default_sender(store)
    if not sender:
        st.caption(t("messages.no_sender", lang))
    for problem in letters.problems:
        st.warning(shown(problem, lang), icon=":material/warning:")
    if letters.messages:
        offer(st, t("messages.booking_download", lang, count=len(letters.messages)),
              delivery.eml_zip(letters, sender), f"{letters.name}.zip", "application/zip",
              key="three_party_confirmations", icon=":material/drafts:",
              on_click=lambda: delivery.log_prepared(store, letters, "eml"))
