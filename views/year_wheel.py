"""Årshjul: a calendar year of both tracks as a wheel, the way Swedish offices show a yearly cycle."""

import datetime as dt

import streamlit as st

from core.calendar.charts import wheel_figure
from core.calendar.programme import FIRST_YEAR, LAST_YEAR
from core.platform.i18n import t
from ui import context

lang = context.lang()
today = context.today()
st.title(t("wheel.title", lang))
st.caption(t("wheel.intro", lang))

left, right = st.columns([3, 1])
year = left.number_input(t("wheel.year", lang), min_value=FIRST_YEAR, max_value=LAST_YEAR,
                         value=today.year, step=1, key="wheel_year")
presentation = right.toggle(t("timeline.presentation", lang), key="wheel_presentation",
                            help=t("timeline.presentation_help", lang))
programme = context.programme()
occurrences = programme.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
tracks = tuple(programme.rulebook.tracks)
figure = wheel_figure(occurrences, int(year), lang, today, tracks, presentation)
st.plotly_chart(figure, width="stretch", config={"displaylogo": False})
