"""Mentorplan: the coordinator's dashboard for the mentorship programme.

Run with `make run` (or `streamlit run serve.py`, which puts the download guard in front of it:
ui/downloads.py). This entry script draws what every page shares (the sidebar) and routes to the
pages in views/.

The pages live in views/, not pages/: Streamlit runs a folder named pages/ beside the entry script
in its older multipage mode, where a deep link runs the page alone — without this script's
sidebar and, on a server, without its login."""

import streamlit as st

from core.platform.i18n import MentorplanError, t
from ui import auth, context, sidebar

st.set_page_config(page_title="Mentorplan", page_icon=":material/calendar_month:", layout="wide")
sidebar.language()
auth.require_login()  # stops here for a visitor who is not let in

lang = context.lang()  # the language chosen on the last run names the pages
pages = {
    t("nav.section_plan", lang): [
        st.Page("views/home.py", title=t("nav.home", lang), icon=":material/home:", default=True),
        st.Page("views/timeline.py", title=t("nav.timeline", lang), icon=":material/view_timeline:"),
        st.Page("views/year_wheel.py", title=t("nav.year_wheel", lang), icon=":material/donut_large:"),
        st.Page("views/schedule.py", title=t("nav.schedule", lang), icon=":material/calendar_month:"),
    ],
    t("nav.section_people", lang): [
        st.Page("views/participants.py", title=t("participants.nav", lang), icon=":material/upload_file:"),
        st.Page("views/register.py", title=t("register.nav", lang), icon=":material/groups:"),
        st.Page("views/matching.py", title=t("matching.title", lang), icon=":material/handshake:"),
        st.Page("views/guests.py", title=t("guests_page.nav", lang), icon=":material/group_add:"),
        st.Page("views/messages.py", title=t("messages.nav", lang), icon=":material/mail:"),
        st.Page("views/followup.py", title=t("followup.nav", lang), icon=":material/fact_check:"),
        st.Page("views/three_party.py", title=t("followup.three_party.nav", lang), icon=":material/groups_3:"),
        st.Page("views/report.py", title=t("report.nav", lang), icon=":material/monitoring:"),
    ],
    t("nav.section_admin", lang): [
        st.Page("views/settings.py", title=t("nav.settings", lang), icon=":material/settings:"),
        st.Page("views/backup.py", title=t("backup.nav", lang), icon=":material/backup:"),
    ],
}
page = st.navigation(pages, expanded=True)
sidebar.show()
try:
    page.run()
except MentorplanError as error:  # one a page does not catch itself (a busy database): words, not a traceback
    st.error(error.shown(context.lang()))
