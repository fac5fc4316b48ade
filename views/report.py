"""Rapport: the chosen cohort's follow-up for the organisation — pair meetings held per round and
per pair, attendance at its events, three-party conversations — as charts, tables and .xlsx."""


import streamlit as st

from core.calendar.schedule import cohort_label
from core.documents import PDF_MIME
from core.documents.tables import report_pdf
from core.followup.attendance import attendance_summary_frame
from core.followup.report import (
    attendance_figure,
    cohort_report,
    pairs_figure,
    pairs_frame,
    report_sheets,
    rounds_figure,
    rounds_frame,
    three_party_figure,
)
from core.platform.files import XLSX_MIME, to_xlsx
from core.platform.i18n import format_date, t
from ui import context
from ui.downloads import offer
from ui.pairs import accepted_pairs_or_stop

EMPTY = "–"  # shown for a missing value, such as the share held of a round not begun (st.dataframe: "None")


def workbook(report, lang: str) -> bytes:
    return to_xlsx(report_sheets(report, lang))


lang = context.lang()
store = context.store()
programme = context.programme()
cohort = context.cohort()
today = context.today()

st.title(f"{t('report.title', lang)} · {cohort_label(cohort, lang)} ({cohort.id})")
accepted_pairs_or_stop("report.no_pairs")

report = cohort_report(store, programme, cohort, today)
st.caption(t("report.intro", lang, day=format_date(today, lang)))
share = report.attendance_share
columns = st.columns(4)
columns[0].metric(t("report.metric_pairs", lang), report.pairs)
columns[1].metric(t("report.metric_meetings", lang), f"{report.meetings_held} / {report.meetings_begun}",
                  help=t("report.metric_meetings_help", lang))
columns[2].metric(t("report.metric_attendance", lang), "–" if share is None else f"{100 * share:.0f} %",
                  help=t("report.metric_attendance_help", lang))
columns[3].metric(t("report.metric_three_party", lang), f"{report.three_party['held']} / {report.pairs}")

offer(st, t("report.download", lang), workbook(report, lang),
          f"{cohort.id}-{t('report.title', lang).lower()}.xlsx", XLSX_MIME, icon=":material/download:")
offer(st, t("document.report_pdf", lang), report_pdf(report, lang, today),
      f"{cohort.id}-{t('report.title', lang).lower()}.pdf", PDF_MIME, key="report_pdf",
      help=t("document.pdf_help", lang), icon=":material/print:")

left, right = st.columns(2)
left.plotly_chart(rounds_figure(report, lang), width="stretch")
right.plotly_chart(pairs_figure(report, lang), width="stretch")
st.dataframe(rounds_frame(report, lang), hide_index=True, width="stretch", placeholder=EMPTY)
left, right = st.columns(2)
left.plotly_chart(attendance_figure(report, lang), width="stretch")
right.plotly_chart(three_party_figure(report, lang), width="stretch")
st.dataframe(attendance_summary_frame(report.attendance, lang), hide_index=True, width="stretch", placeholder=EMPTY)
st.subheader(t("report.pairs_title", lang))
st.dataframe(pairs_frame(report, lang), hide_index=True, width="stretch", placeholder=EMPTY)
