"""Mentorplan: the coordinator's dashboard for the mentorship programme.

Run with `make run` (or `streamlit run app.py`). This entry script draws what every page shares
(the sidebar) and routes to the pages in pages/."""

import streamlit as st

from core.i18n import t
from ui import context, sidebar

st.set_page_config(page_title="Mentorplan", page_icon="🗓️", layout="wide")

lang = context.lang()  # the language chosen on the last run names the pages
pages = {
    t("nav.section_plan", lang): [
        st.Page("pages/home.py", title=t("nav.home", lang), icon="🏠", default=True),
        st.Page("pages/timeline.py", title=t("nav.timeline", lang), icon="📊"),
        st.Page("pages/year_wheel.py", title=t("nav.year_wheel", lang), icon="🎡"),
        st.Page("pages/schedule.py", title=t("nav.schedule", lang), icon="📅"),
        st.Page("pages/settings.py", title=t("nav.settings", lang), icon="⚙️"),
    ],
}
page = st.navigation(pages)
sidebar.show()
page.run()
