"""The login in front of every page (core/platform/auth.py decides; this draws it and keeps the session).
Called by app.py before the navigation, so no page runs for a visitor who is not let in."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from core.platform.auth import AccessConfig, access_config, email_allowed, is_local, locked_until, verify_password
from core.platform.i18n import MentorplanError, format_date, t
from ui import context

SESSION_KEY = "authenticated"


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml at all: Streamlit raises its own not-found error
        return {}


def config() -> AccessConfig:
    return access_config(_secrets())


def require_login() -> None:
    """Let the coordinator in, or draw the login and stop the run."""
    lang = context.lang()
    try:
        access = config()
    except MentorplanError as error:
        st.error(error.shown(lang))
        st.stop()
    if access.mode == "local":
        if not is_local(st.get_option("server.address")):
            st.error(t("auth.needs_login_on_server", lang))
            st.stop()
        return
    if access.mode == "oidc":
        _identity_provider(access, lang)
    else:
        _password(access, lang)


def _identity_provider(access: AccessConfig, lang: str) -> None:
    if not st.user.is_logged_in:
        st.title(t("app.title", lang))
        st.write(t("auth.login_intro", lang))
        st.button(t("auth.login_with_provider", lang), on_click=st.login, type="primary")
        st.stop()
    if not email_allowed(access, st.user.get("email")):
        st.error(t("auth.not_allowed", lang, email=st.user.get("email", "")))
        st.button(t("auth.logout", lang), on_click=st.logout)
        st.stop()
    st.sidebar.button(t("auth.logout", lang), on_click=st.logout, icon=":material/logout:")


def _log_out() -> None:
    st.session_state.pop(SESSION_KEY, None)


def _password(access: AccessConfig, lang: str) -> None:
    if st.session_state.get(SESSION_KEY):
        st.sidebar.button(t("auth.logout", lang), on_click=_log_out, icon=":material/logout:")
        return
    store = context.store()
    st.title(t("app.title", lang))
    st.write(t("auth.login_intro", lang))
    with st.form("login"):
        password = st.text_input(t("auth.password", lang), type="password", key="login_password")
        submitted = st.form_submit_button(t("auth.login", lang), type="primary")
    if submitted:
        now = dt.datetime.now().replace(microsecond=0)
        until = locked_until(store.login_failures(now - dt.timedelta(days=1)), now)
        if until:
            st.error(t("auth.locked", lang, time=until.strftime("%H:%M"), day=format_date(until.date(), lang)))
        elif password and verify_password(password, access.password_hash):
            store.clear_login_failures()
            st.session_state[SESSION_KEY] = True
            st.rerun()
        else:
            store.record_login_failure(now)
            st.error(t("auth.wrong_password", lang))
    st.stop()
