"""Uppföljning: the chosen cohort's pair meetings — overdue pairs flagged, a quick editor to mark a
meeting held for many pairs at once, every pair's six meetings at a glance — the check-in sheet,
and attendance at the cohort's events."""


import pandas as pd
import streamlit as st

from core.calendar.schedule import cohort_label, event_name
from core.followup.attendance import (
    attendance_events,
    attendance_frame,
    attendance_summary,
    attendance_summary_frame,
    expected_attendees,
    record_attendance,
)
from core.followup.checkin import check_checkin, checkin_workbook, import_checkin, read_checkin
from core.followup.meetings import (
    Pairs,
    default_meeting_date,
    editor_changes,
    editor_frame,
    followup_span,
    meeting_states,
    meeting_windows,
    overdue_by_pair,
    overview_frame,
    pair_label,
    record_meetings,
    stale_meetings,
)
from core.messages.guests import describe_reason
from core.platform.files import XLSX_MIME
from core.platform.i18n import MentorplanError, format_date, format_short_date, format_week, t
from ui import context
from ui.downloads import offer
from ui.pairs import accepted_pairs_or_stop
from ui.text import plain
from ui.text import shown as in_words  # `shown` names the table shown below

FLASH = "followup_flash"
VERSION = "followup_version"  # bumped after a save, so that the editors start from what is stored
EMPTY = "–"  # shown for a missing value (st.dataframe would show "None")

lang = context.lang()
store = context.store()
programme = context.programme()
cohort = context.cohort()
today = context.today()

st.title(f"{t('followup.title', lang)} · {cohort_label(cohort, lang)}")
if flash := st.session_state.pop(FLASH, None):
    st.success(flash, icon=":material/check_circle:")
pairs = accepted_pairs_or_stop("followup.no_pairs")

version = st.session_state.setdefault(VERSION, 0)
windows = meeting_windows(programme, cohort)
span = followup_span(programme, cohort)
meetings = store.pair_meetings(cohort.id)
states = context.memo(lambda: meeting_states(pairs, meetings, windows, today), "meeting_states", cohort.id, today)


def rows_height(rows: int) -> int:
    """Tall enough to show every pair of a cohort without scrolling inside the table."""
    return 35 * (min(rows, 40) + 1) + 3


def saved(message: str) -> None:
    st.session_state[FLASH] = message
    st.session_state[VERSION] = version + 1
    st.rerun()


meetings_tab, checkin_tab, attendance_tab = st.tabs(
    [t("followup.tab_meetings", lang), t("followup.tab_checkin", lang), t("followup.tab_attendance", lang)])

# -- Pair meetings ---------------------------------------------------------------------------------
with meetings_tab:
    st.caption(t("followup.intro", lang))
    late = overdue_by_pair(states)
    begun = states["status"].isin(("held", "due", "overdue")).sum()
    held = (states["status"] == "held").sum()
    columns = st.columns(3)
    columns[0].metric(t("followup.metric_pairs", lang), len(pairs))
    columns[1].metric(t("followup.metric_held", lang), f"{held} / {begun}", help=t("followup.metric_held_help", lang))
    columns[2].metric(t("followup.metric_overdue", lang), len(late))
    if len(late):
        with st.expander(f"{t('followup.overdue_title', lang)} ({len(late)})", expanded=True,
                         icon=":material/warning:"):
            st.markdown("\n".join("- " + t("followup.overdue_line", lang,
                                           pair=plain(pair_label(r.mentor_label, r.mentee_label)),
                                           numbers=", ".join(map(str, r.overdue)))
                                  for r in late.itertuples(index=False)))

    st.subheader(t("followup.quick_title", lang))
    st.caption(t("followup.quick_help", lang))
    by_number = {w.number: w for w in windows}
    current = [w.number for w in windows if w.start <= today] or [windows[0].number]
    choice, day_column, tick_column = st.columns([3, 2, 2], vertical_alignment="bottom")
    number = choice.selectbox(
        t("followup.meeting", lang), list(by_number),
        **context.kept_choice(f"followup_number_{cohort.id}", list(by_number), current[-1]),
        format_func=lambda n: t("followup.meeting_option", lang, number=n, week=format_week(by_number[n].start, lang),
                                span=f"{format_short_date(by_number[n].start, lang)}–"
                                     f"{format_short_date(by_number[n].end, lang)}"),
        placeholder=t("common.choose_option", lang))
    window = by_number[number]
    default_day = day_column.date_input(
        t("followup.default_day", lang), value=max(span[0], min(default_meeting_date(window, today), span[1])),
        min_value=span[0], max_value=span[1], format="YYYY-MM-DD", help=t("followup.default_day_help", lang),
        key=f"followup_day_{cohort.id}_{number}")
    tick_all = tick_column.toggle(t("followup.tick_all", lang), key=f"followup_tick_all_{cohort.id}_{number}",
                                  help=t("followup.tick_all_help", lang))
    before = editor_frame(states, number)
    shown = before.copy()
    if tick_all:
        shown["held"] = True
    shown["status"] = shown["status"].map(lambda s: t(f"followup.status.{s}", lang))
    edited = st.data_editor(
        shown, hide_index=True, width="stretch", key=f"followup_editor_{cohort.id}_{number}_{tick_all}_{version}",
        height=rows_height(len(shown)),
        column_order=["mentor_label", "mentee_label", "held", "held_on", "note", "status"],
        disabled=["mentor_name", "mentee_name", "mentor_label", "mentee_label", "status"],
        column_config={
            "mentor_label": st.column_config.TextColumn(t("followup.col.mentor", lang)),
            "mentee_label": st.column_config.TextColumn(t("followup.col.mentee", lang)),
            "held": st.column_config.CheckboxColumn(t("followup.col.held", lang)),
            "held_on": st.column_config.DateColumn(t("followup.col.held_on", lang), format="YYYY-MM-DD",
                                                   min_value=span[0], max_value=min(span[1], today)),
            "note": st.column_config.TextColumn(t("followup.col.note", lang), max_chars=300),
            "status": st.column_config.TextColumn(t("followup.col.status", lang)),
        }, placeholder="–")
    if st.button(t("followup.save_meetings", lang), type="primary", key="followup_save_meetings"):
        records, removals = editor_changes(before, edited, number, default_day)
        if not records and not removals:
            st.info(t("followup.nothing_changed", lang))
        else:
            try:
                result = record_meetings(store, programme, cohort, records, removals, today)
            except MentorplanError as error:
                st.error(in_words(error, lang), icon=":material/error:")
            else:
                saved(t("followup.saved_meetings", lang, **result))

    st.subheader(t("followup.overview_title", lang))
    st.caption(t("followup.overview_help", lang))
    overview = context.memo(lambda: overview_frame(states, lang), "meetings_overview", cohort.id, today, lang)
    st.dataframe(overview, hide_index=True, width="stretch", height=rows_height(len(pairs)),
                 placeholder="–")

    stale = context.memo(lambda: stale_meetings(meetings, pairs), "stale_meetings", cohort.id)
    if len(stale):
        st.info(t("followup.stale", lang, count=len(stale)), icon=":material/history:")
        if st.button(t("followup.delete_stale", lang), key="followup_delete_stale"):
            keys = set(zip(stale["mentor_person_id"].astype(int), stale["mentee_person_id"].astype(int), strict=True))
            saved(t("followup.stale_deleted", lang, count=store.delete_pair_meetings(cohort.id, keys)))

# -- The check-in sheet ----------------------------------------------------------------------------
with checkin_tab:
    st.caption(t("followup.checkin.intro", lang))
    offer(st, t("followup.checkin.template", lang),
          context.memo(lambda: checkin_workbook(pairs, lang), "checkin_workbook", cohort.id, lang),
          f"{cohort.id}-{t('followup.tab_checkin', lang).lower().replace(' ', '-')}.xlsx", XLSX_MIME,
          icon=":material/download:")
    upload = st.file_uploader(t("followup.checkin.upload", lang), type=["xlsx", "xlsm", "xls", "ods", "csv"],
                              key=f"followup_checkin_{cohort.id}_{version}")
    if upload is not None:
        try:
            result = check_checkin(read_checkin(upload.getvalue(), upload.name), Pairs(pairs), windows, span, today,
                                   meetings)
        except MentorplanError as error:
            st.error(in_words(error, lang), icon=":material/error:")
        else:
            if result.issues:
                st.error(t("followup.checkin.problems", lang, count=len(result.issues)), icon=":material/error:")
                st.markdown("\n".join(f"- {in_words(issue, lang)}" for issue in result.issues))
            else:
                st.success(t("followup.checkin.preview", lang, new=result.new, changed=result.changed,
                             unchanged=result.unchanged))
                st.dataframe(pd.DataFrame({
                    t("followup.col.pair", lang): [r.label for r in result.records],
                    t("followup.checkin.col_number", lang): [r.number for r in result.records],
                    t("followup.col.held_on", lang): [r.held_on for r in result.records],
                    t("followup.col.note", lang): [r.note for r in result.records]}), hide_index=True, width="stretch",
                             placeholder="–")
                if st.button(t("followup.checkin.save", lang, count=len(result.records)), type="primary",
                             key="followup_checkin_save"):
                    stored = import_checkin(store, cohort, result)
                    saved(t("followup.checkin.saved", lang, saved=stored["saved"]))

# -- Attendance ------------------------------------------------------------------------------------
with attendance_tab:
    st.caption(t("followup.attendance.intro", lang))
    events = attendance_events(programme, cohort)
    by_id = {o.id: o for o in events}
    passed = [o.id for o in events if o.start <= today]
    default_event = list(by_id).index(passed[-1]) if passed else 0
    event_id = st.selectbox(
        t("followup.attendance.event", lang), list(by_id),
        **context.kept_choice(f"followup_event_{cohort.id}", list(by_id), list(by_id)[default_event]),
        format_func=lambda e: f"{event_name(e, lang)} · {format_date(by_id[e].start, lang)}",
        placeholder=t("common.choose_option", lang))
    occurrence = by_id[event_id]
    expected = context.memo(lambda: expected_attendees(store, programme, occurrence), "expected", cohort.id,
                            event_id, today)
    if occurrence.start > today:
        st.info(t("followup.attendance.not_yet", lang, event=event_name(event_id, lang),
                  day=format_date(occurrence.start, lang)), icon=":material/schedule:")
    elif expected.empty:
        st.info(t("followup.attendance.nobody", lang, event=event_name(event_id, lang)))
    else:
        recorded = store.attendance(cohort.id, event_id)
        marked = attendance_frame(expected, recorded)
        if recorded.empty:
            st.caption(t("followup.attendance.unrecorded", lang))
        everyone = st.toggle(t("followup.attendance.all_came", lang), key=f"followup_all_came_{cohort.id}_{event_id}")
        table = pd.DataFrame({
            "person_id": marked["person_id"],
            "name": marked["label"],
            "role": [t(f"followup.role.{r}", lang) for r in marked["role"]],
            "why": ["; ".join(describe_reason(r, lang) for r in reasons) for reasons in marked["reasons"]],
            "attended": [True if everyone else bool(a) for a in marked["attended"]],
        })
        edited = st.data_editor(
            table, hide_index=True, width="stretch", disabled=["name", "role", "why"],
            key=f"followup_attendance_{cohort.id}_{event_id}_{everyone}_{version}",
            column_order=["name", "role", "why", "attended"],
            column_config={
                "name": st.column_config.TextColumn(t("followup.col.name", lang)),
                "role": st.column_config.TextColumn(t("followup.col.role", lang)),
                "why": st.column_config.TextColumn(t("followup.col.why", lang)),
                "attended": st.column_config.CheckboxColumn(t("followup.col.attended", lang)),
            }, placeholder="–")
        if st.button(t("followup.attendance.save", lang), type="primary", key="followup_attendance_save"):
            marks = dict(zip(edited["person_id"].astype(int), edited["attended"].astype(bool), strict=True))
            try:
                count = record_attendance(store, programme, cohort, event_id, marks, today)
            except MentorplanError as error:
                st.error(in_words(error, lang), icon=":material/error:")
            else:
                saved(t("followup.attendance.saved", lang, event=event_name(event_id, lang),
                        came=sum(marks.values()), count=count))

    st.subheader(t("followup.attendance.summary", lang))
    st.dataframe(attendance_summary_frame(context.memo(lambda: attendance_summary(store, programme, cohort, today),
                                                        "attendance_summary", cohort.id, today), lang),
                 hide_index=True, width="stretch", placeholder=EMPTY)
