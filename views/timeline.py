"""Tidslinje: both tracks' events on a Gantt chart, twelve months around today by default; in
presentation mode the chart alone fills the screen; the picture to print or put in a slide."""

import datetime as dt

import streamlit as st
from dateutil.relativedelta import relativedelta

from core.calendar.charts import timeline_figure
from core.platform.i18n import t
from ui import context, documents, presentation

lang = context.lang()
today = context.today()
presenting = bool(st.session_state.get("presentation"))
if not presenting:
    st.title(t("timeline.title", lang))
    st.caption(t("timeline.intro", lang))

left, right = st.columns([3, 1], vertical_alignment="bottom")
first_day, last_day = dt.date(2000, 1, 1), dt.date(2101, 12, 31)
default_span = (max(today - relativedelta(months=6), first_day), min(today + relativedelta(months=6), last_day))
span = left.date_input(t("timeline.span", lang), value=default_span, key="timeline_span",
                       min_value=first_day, max_value=last_day,
                       help=t("timeline.span_help", lang), format="YYYY-MM-DD")
presenting = presentation.toggle(right, "presentation", lang)

if not isinstance(span, tuple) or len(span) != 2:
    st.info(t("timeline.bad_span", lang))
    st.stop()

occurrences = context.programme().between(*span)
if not occurrences:
    st.info(t("timeline.empty", lang))
    st.stop()
figure = context.memo(lambda: timeline_figure(occurrences, lang, today, presenting, span),  # until a change
                      "timeline", lang, today, presenting, span)
presentation.chart(figure, presenting, lang)
if presenting:
    st.stop()
warned = sum(1 for o in occurrences if o.warnings)
if warned:
    st.caption("⚠ " + t("timeline.warnings_ahead", lang, count=warned))

key = documents.drawn(occurrences)
documents.offer_pictures("timeline", (key, span, lang, today),
                         lambda fmt: documents.timeline(occurrences, key, *span, lang, today, fmt),
                         f"{t('chart.timeline_file', lang)}-{span[0]:%Y%m%d}-{span[1]:%Y%m%d}",
                         t("chart.download_help", lang), lang)
