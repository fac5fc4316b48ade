"""Streamlit pieces shared by the pages: the session's context (language, store, programme,
chosen cohort), the sidebar, and widgets that several pages draw the same way."""
