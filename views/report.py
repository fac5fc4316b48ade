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
from core.platform.i18n import format_date, format_share, t
from ui import context
from ui.downloads import offer
from ui.pairs import accepted_pairs_or_stop

EMPTY = "–"  # shown for a missing value, such as the share held of a round not begun (st.dataframe: "None")


def workbook(report, lang: str) -> bytes:
    return to_xlsx(report_sheets(report, lang), f"{t('report.title', lang)} · {cohort_label(report.cohort, lang)}")


lang = context.lang()
store = context.store()
programme = context.programme()
cohort = context.cohort()
today = context.today()

st.title(f"{t('report.title', lang)} · {cohort_label(cohort, lang)}")
accepted_pairs_or_stop("report.no_pairs")

# Worked out once per session while nothing is written (ui.context.memo): a rerun only draws.
report = context.memo(lambda: cohort_report(store, programme, cohort, today), "report", cohort.id, today)
st.caption(t("report.intro", lang, day=format_date(today, lang)))
share = report.attendance_share
columns = st.columns(4)
columns[0].metric(t("report.metric_pairs", lang), report.pairs)
columns[1].metric(t("report.metric_meetings", lang), f"{report.meetings_held} / {report.meetings_begun}",
                  help=t("report.metric_meetings_help", lang))
columns[2].metric(t("report.metric_attendance", lang), "–" if share is None else format_share(share, lang),
                  help=t("report.metric_attendance_help", lang))
columns[3].metric(t("report.metric_three_party", lang), f"{report.three_party['held']} / {report.pairs}")

offer(st, t("report.download", lang),
      context.memo(lambda: workbook(report, lang), "report_xlsx", cohort.id, today, lang),
      f"{cohort.id}-{t('report.title', lang).lower()}.xlsx", XLSX_MIME, icon=":material/download:")
offer(st, t("document.report_pdf", lang),
      context.memo(lambda: report_pdf(report, lang, today), "report_pdf", cohort.id, today, lang),
      f"{cohort.id}-{t('report.title', lang).lower()}.pdf", PDF_MIME, key="report_pdf",
      help=t("document.pdf_help", lang), icon=":material/print:")

shown = context.memo(lambda: {
    "rounds": rounds_figure(report, lang), "pairs": pairs_figure(report, lang),
    "attendance": attendance_figure(report, lang), "three_party": three_party_figure(report, lang),
    "rounds_frame": rounds_frame(report, lang), "attendance_frame": attendance_summary_frame(report.attendance, lang),
    "pairs_frame": pairs_frame(report, lang)}, "report_shown", cohort.id, today, lang)
left, right = st.columns(2)
left.plotly_chart(shown["rounds"], width="stretch")
right.plotly_chart(shown["pairs"], width="stretch")
st.dataframe(shown["rounds_frame"], hide_index=True, width="stretch", placeholder=EMPTY)
left, right = st.columns(2)
left.plotly_chart(shown["attendance"], width="stretch")
right.plotly_chart(shown["three_party"], width="stretch")
st.dataframe(shown["attendance_frame"], hide_index=True, width="stretch", placeholder=EMPTY)
st.subheader(t("report.pairs_title", lang))
st.dataframe(shown["pairs_frame"], hide_index=True, width="stretch", placeholder=EMPTY)
