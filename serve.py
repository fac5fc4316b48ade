"""The server for Mentorplan: `make run`, or `streamlit run serve.py` (options as for app.py).

It runs the dashboard (app.py) with a guard in front of Streamlit's /media/ address, from which
download buttons are fetched: a file goes only to the browser whose logged-in session drew the
button, once, within minutes (ui/downloads.py). Started as `streamlit run app.py` instead, with a
login configured, the dashboard draws no working download button."""

import streamlit as st
from starlette.middleware import Middleware

from ui.downloads import DownloadGuard

app = st.App("app.py", middleware=[Middleware(DownloadGuard)])
