"""Files leave only through the logged-in session (issue 16): every page's download goes through
ui.downloads.offer; the guard serve.py puts in front of /media/ answers a file only to the browser
cookie it was granted to, once, in time; without the guard and with a login, no button works."""

from __future__ import annotations

import ast
import asyncio
import importlib
import sys
import time

import pytest

from tests.conftest import ROOT
from ui import downloads
from ui.downloads import BROWSER_COOKIE, DownloadGuard, Grants, binding_of, media_file_id

SOURCES = sorted([*(ROOT / "views").glob("*.py"), *(ROOT / "ui").glob("*.py"), ROOT / "app.py"])


def test_no_page_calls_download_button_itself():
    """A direct st.download_button (or column.download_button) would serve its file to anyone."""
    offenders = []
    for path in SOURCES:
        if path.name == "downloads.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "download_button":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.Name) and node.id == "download_button":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
    offered = [p.name for p in SOURCES if "offer(" in p.read_text(encoding="utf-8")]
    assert {"backup.py", "schedule.py", "register.py", "matching.py"} <= set(offered)


def test_a_grant_is_for_one_binding_one_use_and_a_while():
    grants = Grants()
    grants.grant("f1", "browser-a")
    assert not grants.take("f1", "browser-b")
    assert not grants.take("f1", None)
    assert not grants.take("f2", "browser-a")
    assert grants.take("f1", "browser-a", consume=False)  # a HEAD probe leaves it
    assert grants.take("f1", "browser-a")
    assert not grants.take("f1", "browser-a")  # used
    grants.grant("f1", "browser-a", lifetime=0.05)
    time.sleep(0.1)
    assert not grants.take("f1", "browser-a") and len(grants) == 0  # expired, and pruned
    grants.grant("f1", "browser-a", uses=20)
    grants.grant("f2", "browser-a")
    grants.withdraw("browser-a")  # logged out
    assert not grants.take("f1", "browser-a") and not grants.take("f2", "browser-a")


def test_the_binding_includes_the_login_cookie():
    assert binding_of({}) is None and binding_of(None) is None
    plain = binding_of({BROWSER_COOKIE: "browser-cookie"})
    assert plain and plain != binding_of({BROWSER_COOKIE: "browser-cookie", "_streamlit_user": "someone"})
    assert binding_of({BROWSER_COOKIE: "browser-cookie"}) == plain and "browser-cookie" not in plain


def call(guard: DownloadGuard, path: str, *, method: str = "GET", cookie: str | None = None,
         headers: tuple = ()) -> tuple[int, dict[str, str], bytes]:
    raw = [(b"host", b"127.0.0.1"), *headers]
    if cookie:
        raw.append((b"cookie", f"{BROWSER_COOKIE}={cookie}".encode()))
    scope = {"type": "http", "method": method, "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": raw, "scheme": "http", "server": ("127.0.0.1", 8501), "root_path": ""}
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(guard(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


async def streamlit_itself(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/zip")]})
    await send({"type": "http.response.body", "body": b"the whole database"})


@pytest.fixture
def guard(monkeypatch):
    monkeypatch.setitem(sys.modules, downloads.SHARED, downloads.new_state())  # a server of its own
    the_guard = DownloadGuard(streamlit_itself)
    assert downloads.guard_active()
    return the_guard


def test_the_guard_serves_a_file_only_to_the_browser_it_was_granted_to_once(guard):
    file_id = media_file_id(b"the whole database", "application/zip", "backup.zip")
    downloads.grants().grant(file_id, binding_of({BROWSER_COOKIE: "coordinator"}))
    url = f"/media/{file_id}.zip"
    assert call(guard, url)[0] == 404  # a fresh client, no cookie
    assert call(guard, url, cookie="someone-else")[0] == 404
    assert call(guard, url, method="HEAD", cookie="coordinator")[0] == 200
    # the page's own check as it draws the button (a fetch): yes, without the file, grant kept
    check = ((b"sec-fetch-mode", b"cors"), (b"sec-fetch-dest", b"empty"))
    assert call(guard, url, cookie="coordinator", headers=check)[:3:2] == (200, b"")
    assert call(guard, url, headers=check)[0] == 404  # and only for the granted browser
    navigate = ((b"sec-fetch-mode", b"navigate"),)
    status, _headers, body = call(guard, url, cookie="coordinator", headers=navigate)
    assert (status, body) == (200, b"the whole database")
    status, headers, body = call(guard, url, cookie="coordinator")
    assert status == 404 and body == b"Not found" and headers["cache-control"] == "no-store"  # used up
    assert call(guard, "/media/0123456789abcdef.png", cookie="coordinator")[0] == 404  # never granted


def test_every_browser_gets_its_own_http_only_cookie_and_keeps_it(guard):
    status, headers, _ = call(guard, "/")
    assert status == 200
    cookie = headers["set-cookie"]
    assert cookie.startswith(f"{BROWSER_COOKIE}=") and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Secure" not in cookie
    assert "Secure" in call(guard, "/", headers=((b"x-forwarded-proto", b"https"),))[1]["set-cookie"]
    assert "set-cookie" not in call(guard, "/", cookie="already")[1]
    first, second = call(guard, "/")[1]["set-cookie"], call(guard, "/")[1]["set-cookie"]
    assert first != second


def test_without_the_guard_a_login_turns_every_download_off(app, database_url, monkeypatch):
    """`streamlit run app.py` with a password: the buttons are drawn, disabled, saying why."""
    monkeypatch.setitem(sys.modules, downloads.SHARED, downloads.new_state())  # no guard in front
    at = app("views/backup.py")
    assert not at.get("download_button")[0].proto.disabled  # on this computer, no login: as before
    monkeypatch.setattr(downloads, "_login_configured", lambda: True)
    at.run()
    button = at.get("download_button")[0]
    assert button.proto.disabled and "make run" in button.proto.help


def test_the_grants_outlive_streamlit_reloading_a_changed_module(guard):
    """Streamlit imports a changed source file afresh; the guard built at start and the pages run
    later must still share one registry."""
    before = downloads.grants()
    reloaded = importlib.reload(downloads)
    assert reloaded.guard_active() and reloaded.grants() is before
