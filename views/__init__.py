"""The pages, one script each, listed by st.navigation in app.py (a package only so that the
import linter sees them: Streamlit runs each file as a script)."""
