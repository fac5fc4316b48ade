"""The mail server for the messages page, read from .streamlit/secrets.toml here in the interface
layer (core never reads secrets) and handed to core.messages.delivery as a plain SmtpConfig:

    [smtp]
    host = "smtp.example.se"
    port = 587
    starttls = true
    user = "mentor@example.se"
    password = "…"
    sender = "Mentorskapsprogrammet <mentor@example.se>"
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from core.messages.delivery import SmtpConfig


def smtp_config() -> SmtpConfig | None:
    """The configured server, or None when there is none. A section that is there but wrong is
    MentorplanError, for the page to show."""
    try:
        raw = st.secrets.get("smtp")
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return None
    if not raw:
        return None
    return SmtpConfig.from_mapping(dict(raw))
