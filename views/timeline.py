"""Tidslinje: both tracks' events on a Gantt chart, twelve months around today by default."""

import datetime as dt

import streamlit as st
from dateutil.relativedelta import relativedelta

from core.calendar.charts import timeline_figure
from core.platform.i18n import t
from ui import context

lang = context.lang()
today = context.today()
st.title(t("timeline.title", lang))
st.caption(t("timeline.intro", lang))

left, right = st.columns([3, 1])
first_day, last_day = dt.date(2000, 1, 1), dt.date(2101, 12, 31)
default_span = (max(today - relativedelta(months=6), first_day), min(today + relativedelta(months=6), last_day))
span = left.date_input(t("timeline.span", lang), value=default_span, key="timeline_span",
                       min_value=first_day, max_value=last_day,
                       help=t("timeline.span_help", lang), format="YYYY-MM-DD")
presentation = right.toggle(t("timeline.presentation", lang), key="presentation",
                            help=t("timeline.presentation_help", lang))

if not isinstance(span, tuple) or len(span) != 2:
    st.info(t("timeline.bad_span", lang))
    st.stop()

occurrences = context.programme().between(*span)
if not occurrences:
    st.info(t("timeline.empty", lang))
    st.stop()
figure = timeline_figure(occurrences, lang, today, presentation, span)
st.plotly_chart(figure, width="stretch", config={"displaylogo": False, "locale": lang})
warned = sum(1 for o in occurrences if o.warnings)
if warned:
    st.caption("⚠ " + t("timeline.warnings_ahead", lang, count=warned))
