"""Årshjul: a calendar year of both tracks as a wheel, the way Swedish offices show a yearly cycle.
The year follows the sidebar's programme year, which runs over two calendar years (the autumn start
in its first, the spring start in its second): the page asks which of the two."""

import datetime as dt

import streamlit as st

from core.calendar.charts import wheel_figure
from core.platform.i18n import t
from ui import context, documents, presentation

lang = context.lang()
today = context.today()
programme_year = context.programme_year()
presenting = bool(st.session_state.get("wheel_presentation"))
if not presenting:
    st.title(t("wheel.title", lang))
    st.caption(t("wheel.intro", lang))

left, right = st.columns([3, 1], vertical_alignment="bottom")
years = [programme_year, programme_year + 1]
year = left.segmented_control(
    t("chart.calendar_year", lang), years, selection_mode="single",
    help=t("chart.calendar_year_help", lang, year=programme_year),
    **context.kept_choice("wheel_year", years, today.year if today.year in years else programme_year))
year = int(year or programme_year)  # a click that deselects keeps the programme year
presenting = presentation.toggle(right, "wheel_presentation", lang)
programme = context.programme()
occurrences = programme.between(dt.date(year, 1, 1), dt.date(year, 12, 31))
tracks = tuple(programme.rulebook.tracks)
figure = context.memo(lambda: wheel_figure(occurrences, year, lang, today, tracks, presenting),  # until a change
                      "wheel", year, lang, today, presenting)
presentation.chart(figure, presenting, lang)
if presenting:
    st.stop()

key = documents.drawn(occurrences)
documents.offer_pictures("wheel", (key, year, tracks, lang, today),
                         lambda fmt: documents.wheel(occurrences, key, year, tracks, lang, today, fmt),
                         f"{t('chart.wheel_file', lang)}-{year}", t("chart.wheel_download_help", lang), lang)
