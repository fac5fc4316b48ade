"""Every download the pages offer goes through `offer`, so that how files leave the server is
decided in one place (issue 16: personal data leaves only through the logged-in session).

Streamlit serves a download button's file at /media/<id> to anyone who asks for that address, with
or without a session, for as long as the file is kept. Links leak (proxy logs, browser history, a
shared screen), so when the server is started through serve.py (`make run`) a guard stands in front
of /media/:

- every browser gets a random cookie of its own (`mentorplan_browser`: HttpOnly, SameSite=Strict,
  never in a URL) on its first request;
- `offer` grants the file to that cookie (and, with st.login, to the login cookie too), for
  GRANT_LIFETIME after the page was drawn and for one download;
- the guard answers a /media/ request only for a granted file, asked for with the granting cookies,
  in time, not yet used — anything else gets 404, whatever the id; logging out withdraws the grants;
- the page's own check of the address as it draws the button (a fetch, Sec-Fetch-Mode "cors") is
  answered "200, empty" and leaves the grant; only the download (a navigation) gets the file and
  uses the grant up. A fetch from script never receives the file.

Started without the guard (`streamlit run app.py`) while a login is configured, `offer` draws the
button disabled and says how to start the server instead: no file leaves unguarded."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sys
import threading
import time
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

BROWSER_COOKIE = "mentorplan_browser"
LOGIN_COOKIE = "_streamlit_user"  # st.login's own cookie (signed by Streamlit), when OIDC is set up
GRANT_LIFETIME = 15 * 60.0  # seconds a drawn download button's file can be fetched
MEDIA_PREFIX = "/media/"


@dataclass
class _Grant:
    binding: str  # digest of the cookies the file was granted to
    expires: float  # time.monotonic()
    uses_left: int


class Grants:
    """Which browser may fetch which media file, until when, how often. Thread-safe: the pages'
    script threads grant, the server's event loop checks."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._grants: dict[tuple[str, str], _Grant] = {}

    def grant(self, file_id: str, binding: str, *, lifetime: float = GRANT_LIFETIME, uses: int = 1) -> None:
        now = time.monotonic()
        with self._lock:
            self._prune(now)
            self._grants[(file_id, binding)] = _Grant(binding, now + lifetime, uses)

    def take(self, file_id: str, binding: str | None, *, consume: bool = True) -> bool:
        """Whether `binding` may fetch `file_id` now; a fetch (not a HEAD probe) uses the grant up."""
        if not binding:
            return False
        now = time.monotonic()
        with self._lock:
            self._prune(now)
            grant = self._grants.get((file_id, binding))
            if grant is None or not hmac.compare_digest(grant.binding, binding):
                return False
            if consume:
                grant.uses_left -= 1
                if grant.uses_left <= 0:
                    del self._grants[(file_id, binding)]
            return True

    def withdraw(self, binding: str) -> None:
        """Every grant of one browser's login (at log-out)."""
        with self._lock:
            for key in [key for key in self._grants if key[1] == binding]:
                del self._grants[key]

    def __len__(self) -> int:
        with self._lock:
            self._prune(time.monotonic())
            return len(self._grants)

    def _prune(self, now: float) -> None:
        for key in [key for key, grant in self._grants.items() if grant.expires <= now]:
            del self._grants[key]


# The grants and whether the guard is on live in a module of no file of its own, so that they are
# one for the whole server process: Streamlit unloads a changed module of the app's folder and
# imports it afresh on the next run, which would leave the guard (built once, at start) and the
# pages (run later) with two different registries.
SHARED = "mentorplan_download_guard"


def new_state() -> types.ModuleType:
    state = types.ModuleType(SHARED, "The download guard's grants (ui/downloads.py)")
    state.grants = Grants()  # type: ignore[attr-defined]
    state.active = False  # type: ignore[attr-defined]  # set by the guard as the server builds it
    return state


def shared() -> types.ModuleType:
    state = sys.modules.get(SHARED)
    return state if state is not None else sys.modules.setdefault(SHARED, new_state())


def grants() -> Grants:
    return shared().grants


def guard_active() -> bool:
    return bool(shared().active)


def binding_of(cookies: Any) -> str | None:
    """The digest that ties a grant to one browser (and its st.login cookie, if any); None
    without the guard's browser cookie."""
    browser = cookies.get(BROWSER_COOKIE) if cookies else None
    if not browser:
        return None
    login = cookies.get(LOGIN_COOKIE) or ""
    return hashlib.sha256(f"{browser}\x00{login}".encode()).hexdigest()


def media_file_id(data: bytes, mime: str, file_name: str) -> str:
    """The id Streamlit's in-memory media storage gives this file (it is what /media/<id> names)."""
    from streamlit.runtime.memory_media_file_storage import _calculate_file_id
    return _calculate_file_id(data, mime, file_name)


def _login_configured() -> bool:
    from ui import auth  # ui.auth draws the login; imported here to keep the two apart at import time
    return auth.login_configured()


def withdraw_session_grants() -> None:
    """At log-out: this browser's download links stop working at once."""
    binding = binding_of(st.context.cookies)
    if binding:
        grants().withdraw(binding)


def offer(container: Any, label: str, data: bytes | str, file_name: str, mime: str, *,
          key: str | None = None, help: str | None = None, icon: str | None = None,
          width: str = "content", type: str = "secondary",
          on_click: Callable[..., None] | str = "rerun", args: tuple | None = None) -> None:
    """A download button in `container` (st or a column) for `data` named `file_name`, whose file
    only this browser's logged-in session can fetch (see the module's docstring)."""
    target = container if container is not None else st
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    disabled = False
    if guard_active():
        binding = binding_of(st.context.cookies)
        if binding:
            # A button that does not rerun on click is not drawn again, so its grant must outlast one use.
            grants().grant(media_file_id(payload, mime, file_name), binding, uses=1 if on_click == "rerun" else 20)
        else:
            disabled = True  # a client without the guard's cookie: no file can reach it anyway
    elif _login_configured():
        disabled = True
    target.download_button(label, payload, file_name=file_name, mime=mime, key=key,
                           help=_unguarded_help(help) if disabled else help, icon=icon, width=width,
                           type=type, on_click=on_click, args=args, disabled=disabled)


def _unguarded_help(help: str | None) -> str:
    from core.platform.i18n import t
    from ui import context
    return t("access.download_unguarded", context.lang())


# -- The guard in front of /media/ (installed by serve.py through st.App's middleware) ------------------

class DownloadGuard:
    """ASGI middleware: /media/ answers only granted requests; every browser gets its cookie."""

    def __init__(self, app: Any) -> None:
        self.app = app
        shared().active = True

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from starlette.requests import Request
        from starlette.responses import PlainTextResponse, Response
        request = Request(scope)
        path = scope.get("path", "")
        base = "/" + _base_url_path().strip("/")
        relative = path[len(base):] if base != "/" and path.startswith(base + "/") else path
        if relative.startswith(MEDIA_PREFIX) and scope.get("method") != "OPTIONS":
            file_id = os.path.splitext(relative[len(MEDIA_PREFIX):])[0]
            # Streamlit's page fetches a download button's address as it draws it, to see that it
            # answers (a fetch: Sec-Fetch-Mode "cors"); the download itself is a navigation. The
            # check is told yes without the file and leaves the grant; the download uses it up.
            mode = request.headers.get("sec-fetch-mode", "")
            probe = scope.get("method") == "HEAD" or (mode not in ("", "navigate"))
            granted = grants().take(file_id, binding_of(request.cookies), consume=not probe)
            if not granted:
                await PlainTextResponse("Not found", status_code=404,
                                        headers={"Cache-Control": "no-store"})(scope, receive, send)
                return
            if probe:
                await Response(b"", status_code=200, headers={"Cache-Control": "no-store"})(scope, receive, send)
                return
        if request.cookies.get(BROWSER_COOKIE):
            await self.app(scope, receive, send)
            return
        cookie = _cookie_header(request)

        async def send_with_cookie(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", cookie)]}
            await send(message)
        await self.app(scope, receive, send_with_cookie)


def _base_url_path() -> str:
    try:
        return str(st.get_option("server.baseUrlPath") or "")
    except Exception:  # no config loaded (a unit test)
        return ""


def _cookie_header(request: Any) -> bytes:
    secure = request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "") == "https"
    value = f"{BROWSER_COOKIE}={secrets.token_urlsafe(32)}; Path=/; HttpOnly; SameSite=Strict"
    return (value + ("; Secure" if secure else "")).encode("latin-1")
