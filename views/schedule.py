"""Schema: one cohort's events in a table, where single occurrences are moved, and exports."""

import datetime as dt

import streamlit as st

from core.calendar.files import schedule_to_ics
from core.calendar.programme import Override, check_override
from core.calendar.schedule import (
    cohort_label,
    describe_guests,
    describe_rule,
    describe_warning,
    describe_when,
    display_frame,
    event_name,
)
from core.documents import PDF_MIME
from core.platform.files import XLSX_MIME, file_stem, to_csv, to_xlsx
from core.platform.i18n import MentorplanError, format_date, t
from ui import context, documents
from ui.downloads import offer
from ui.text import shown

lang = context.lang()
programme = context.programme()
cohort = context.cohort()
occurrences = programme.cohort(cohort)

st.title(f"{t('schedule.title', lang)} · {cohort_label(cohort, lang)}")
st.caption(t("schedule.intro", lang) + " " + t(
    "schedule.conventions", lang,
    weeks=t(f"settings.short_week_{programme.settings.week_convention}", lang),
    mingle=t(f"settings.short_mingle_{programme.settings.mingle_convention}", lang),
    june=t(f"settings.short_june_{programme.settings.spring_mid_meeting_guests}", lang),
    deadline=t(f"settings.short_deadline_{programme.settings.spring_matching_deadline}", lang)))

table = display_frame(occurrences, lang).drop(columns=[t("schedule.cohort", lang), t("schedule.start", lang),
                                                       t("schedule.end", lang)])
# Rules, warnings and guests are long: wide columns, and below the table each in its whole, for the
# chosen row or else for every event with a warning (the table cuts them: "veckan inne…").
chosen_rows = st.dataframe(
    table, hide_index=True, width="stretch", height=36 * (len(table) + 1) + 4, key="schedule_table",
    on_select="rerun", selection_mode="single-row",
    column_config={t("schedule.week", lang): st.column_config.NumberColumn(format="%d"),
                   t("schedule.rule", lang): st.column_config.TextColumn(width="large"),
                   t("schedule.warnings", lang): st.column_config.TextColumn(width="large"),
                   t("schedule.invited", lang): st.column_config.TextColumn(width="large")},
    placeholder="–").selection.rows
st.caption(t("schedule.detail_hint", lang))
for o in [occurrences[chosen_rows[0]]] if chosen_rows else [o for o in occurrences if o.warnings]:
    with st.container(border=True):
        st.markdown(f"**{event_name(o.id, lang)}** · {describe_when(o, lang)}")
        st.markdown(f"{t('schedule.rule', lang)}: {describe_rule(o, lang)}")
        if guests := describe_guests(o, lang):
            st.markdown(f"{t('schedule.invited', lang)}: {', '.join(guests)}")
        for warning in o.warnings:
            st.warning(describe_warning(warning, lang), icon=":material/warning:")

# -- Export ----------------------------------------------------------------------------------
st.subheader(t("schedule.export", lang))
scope = st.radio(t("schedule.export_scope", lang), ("cohort", "year"), horizontal=True, key="export_scope",
                 format_func=lambda s: t(f"schedule.export_{s}", lang))
if scope == "cohort":
    exported, heading = list(occurrences), cohort_label(cohort, lang)
else:
    exported = programme.programme_year(context.programme_year())  # a shared occurrence once
    heading = t("schedule.year_heading", lang, year=context.programme_year())
# Files for people: sheets named and titled in words ("Höststart 2026"), the CSV with the table's
# words (the command line keeps the ids); file names in words too, safe for any file system.
name = file_stem(t("schedule.title", lang), heading)
cohorts = {o.cohort.id: o.cohort for o in exported}
sheets = {cohort_label(c, lang): display_frame([o for o in exported if o.cohort.id == cid], lang)
          for cid, c in cohorts.items()}
xlsx_column, csv_column, ics_column = st.columns(3)
offer(xlsx_column, t("schedule.xlsx", lang), to_xlsx(sheets, f"{t('schedule.title', lang)} · {heading}"),
      f"{name}.xlsx", XLSX_MIME, width="stretch")
offer(csv_column, t("schedule.csv", lang), to_csv(display_frame(exported, lang), lang), f"{name}.csv",
                  "text/csv", width="stretch")
offer(ics_column, t("schedule.ics", lang), schedule_to_ics(exported, lang), f"{name}.ics",
                  "text/calendar", width="stretch")
offer(st, t("document.schedule_pdf", lang),
      documents.schedule(exported, documents.scheduled(exported), repr(programme.settings), lang, context.today()),
      f"{name}.pdf", PDF_MIME, key="schedule_pdf", help=t("document.pdf_help", lang), icon=":material/print:")

# -- Move one occurrence ---------------------------------------------------------------------
st.subheader(t("schedule.move_title", lang))
st.caption(t("schedule.move_help", lang))
by_id = {o.id: o for o in occurrences}
event_id = st.selectbox(t("schedule.move_event", lang), list(by_id), key="move_event_id",
                        format_func=lambda e: f"{event_name(e, lang)} · {format_date(by_id[e].start, lang)}",
                        placeholder=t("common.choose_option", lang))
chosen = by_id[event_id]
with st.form("move_event", clear_on_submit=False):
    bounds = {"min_value": dt.date(2000, 1, 1), "max_value": dt.date(2102, 12, 31), "format": "YYYY-MM-DD"}
    start = st.date_input(t("schedule.move_start", lang), value=chosen.start, key=f"move_start_{event_id}",
                          **bounds)
    end = start
    if chosen.rule_start != chosen.rule_end:  # a week or a window: its end moves too
        end = st.date_input(t("schedule.move_end", lang), value=chosen.end, key=f"move_end_{event_id}",
                            **bounds)
    note = st.text_input(t("schedule.move_note", lang), max_chars=200, key=f"move_note_{event_id}")
    submitted = st.form_submit_button(t("schedule.move_save", lang), type="primary")
if submitted:
    try:
        override = check_override(programme, Override(cohort.id, event_id, start, end, note.strip()))
    except MentorplanError as error:
        st.error(shown(error, lang))
    else:
        context.store().save_override(override)
        st.session_state["schedule_flash"] = t("schedule.moved_saved", lang, event=event_name(event_id, lang),
                                               day=format_date(start, lang))
        st.rerun()

if flash := st.session_state.pop("schedule_flash", None):
    st.success(flash)

moved = [o for o in occurrences if o.moved]
if moved:
    st.subheader(t("schedule.moved_list", lang))
    for o in moved:
        left, right = st.columns([4, 1])
        reason = f" — {o.override.note}" if o.override.note else ""
        left.markdown(f"**{event_name(o.id, lang)}**: {format_date(o.start, lang)} "
                      f"({t('schedule.rule_date', lang).lower()}: {format_date(o.rule_start, lang)}){reason}")
        if right.button(t("common.undo", lang), key=f"undo_{o.id}",
                        help=t("schedule.undo_move", lang, event=event_name(o.id, lang))):
            context.store().delete_override(*o.key)  # a shared occurrence is moved under its owner
            st.session_state["schedule_flash"] = t("schedule.undone", lang, event=event_name(o.id, lang))
            st.rerun()
