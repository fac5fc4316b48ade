"""Presentation mode, shared by the timeline and the year wheel: for a projector the page drops the
sidebar, the header and the words around the chart, and the chart takes the screen's height —
whatever the screen — so that all of it shows without scrolling."""

from __future__ import annotations

import streamlit as st

from core.platform.i18n import t

# What a room does not need to see, and the chart sized to the window: the controls above it take
# about 7.5rem (a date field with its label, and the page's top margin).
_CSS = """<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 0.75rem !important; padding-bottom: 0 !important;
  max-width: 100% !important; }
.st-key-presentation_chart { flex: 0 0 auto !important; height: calc(100vh - 7.5rem) !important; }
.st-key-presentation_chart [data-testid="stElementContainer"],
.st-key-presentation_chart [data-testid="stFullScreenFrame"],
.st-key-presentation_chart [data-testid="stPlotlyChart"] { height: 100% !important; }
</style>"""


def toggle(container, key: str, lang: str) -> bool:
    """The presentation mode switch."""
    return container.toggle(t("timeline.presentation", lang), key=key, help=t("timeline.presentation_help", lang))


def chart(figure, presentation: bool, lang: str) -> None:
    """The chart: in presentation mode alone on the screen, as high as the window lets it be."""
    config = {"displaylogo": False, "locale": lang}
    if not presentation:
        st.plotly_chart(figure, width="stretch", config=config)
        return
    st.html(_CSS)
    with st.container(key="presentation_chart"):
        st.plotly_chart(figure, width="stretch", height="stretch", config={**config, "displayModeBar": False})
