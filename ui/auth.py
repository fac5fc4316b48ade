"""The login in front of every page (core/platform/auth.py decides; this draws it and keeps the session).
Called by app.py before the navigation, so no page runs for a visitor who is not let in."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from typing import TYPE_CHECKING

import streamlit as st

from core.platform.auth import (
    AccessConfig,
    access_config,
    address_group,
    client_address,
    email_allowed,
    is_local,
    source_key,
    verify_password,
)
from core.platform.i18n import MentorplanError, format_date, t
from ui import context, downloads
from ui.text import plain

if TYPE_CHECKING:
    from core.store import Store

SESSION_KEY = "authenticated"
REPORT_KEY = "failed_logins_since_last"


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml at all: Streamlit raises its own not-found error
        return {}


def config() -> AccessConfig:
    return access_config(_secrets())


def login_configured() -> bool:
    """Whether a password or an identity provider guards the dashboard (a broken set-up counts
    as one: it is refused before any page runs)."""
    try:
        return config().mode != "local"
    except MentorplanError:
        return True


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
        st.error(t("auth.not_allowed", lang, email=plain(st.user.get("email", ""))))
        st.button(t("auth.logout", lang), on_click=_log_out_provider)
        st.stop()
    st.sidebar.button(t("auth.logout", lang), on_click=_log_out_provider, icon=":material/logout:")


def _log_out() -> None:
    downloads.withdraw_session_grants()
    st.session_state.pop(SESSION_KEY, None)
    st.session_state.pop(REPORT_KEY, None)


def _log_out_provider() -> None:
    downloads.withdraw_session_grants()
    st.logout()


def _browser() -> str | None:
    """A digest of this browser's own cookie (set by the guard in serve.py), or None."""
    cookie = st.context.cookies.get(downloads.BROWSER_COOKIE) if st.context.cookies else None
    return hashlib.sha256(cookie.encode()).hexdigest() if cookie else None


def login_source(access: AccessConfig, store: Store) -> str:
    """Whose attempts an attempt counts with: a browser the coordinator has logged in with before
    is a source of its own (someone guessing elsewhere never slows it down); any other attempt
    counts with its address (see core.platform.auth.client_address; an IPv6 one by its /64, see
    address_group). Kept as digests only."""
    browser = _browser()
    if browser and store.known_browser(browser):
        return source_key("browser", browser)
    peer = st.context.ip_address
    address = client_address(peer if isinstance(peer, str) else None,  # None on this computer (and in AppTest)
                             st.context.headers.get("X-Forwarded-For"), access.trusted_proxies)
    return source_key("address", address_group(address))


def _password(access: AccessConfig, lang: str) -> None:
    if st.session_state.get(SESSION_KEY):
        st.sidebar.button(t("auth.logout", lang), on_click=_log_out, icon=":material/logout:")
        _failed_since_last_login(lang)
        return
    store = context.store()
    st.title(t("app.title", lang))
    st.write(t("auth.login_intro", lang))
    with st.form("login"):
        password = st.text_input(t("auth.password", lang), type="password", key="login_password")
        submitted = st.form_submit_button(t("auth.login", lang), type="primary")
    if submitted:
        now = dt.datetime.now().replace(microsecond=0)
        source = login_source(access, store)
        attempt = store.begin_login_attempt(source, now)  # counted and written down under the write lock
        if attempt.attempt is None:
            until = attempt.wait_until or now
            key = "access.wait_overall" if attempt.overall else "access.wait"  # all unknown sources, or this one
            st.error(t(key, lang, seconds=max(1, math.ceil((until - now).total_seconds())),
                       time=until.strftime("%H:%M:%S")))
        elif password and verify_password(password, access.password_hash):
            st.session_state[REPORT_KEY] = store.login_succeeded(attempt.attempt, source, now, _browser())
            st.session_state[SESSION_KEY] = True
            st.rerun()
        else:
            store.login_failed(attempt.attempt, now)
            st.error(t("auth.wrong_password", lang))
    st.stop()


def _failed_since_last_login(lang: str) -> None:
    """After logging in: the failed logins since the previous login, until the coordinator has read them."""
    failed = st.session_state.get(REPORT_KEY)
    if not failed:
        return
    shown = ", ".join(f"{format_date(at.date(), lang)} {at:%H:%M:%S}" for at in failed[-10:])
    st.warning(t("access.failed_since_last", lang, count=len(failed), times=shown), icon=":material/shield:")
    st.button(t("access.seen", lang), key="login_report_seen", on_click=st.session_state.pop, args=(REPORT_KEY, None))
