"""Only the coordinator gets in: the password set-up (hash, constant-time check, lock-out), the
identity-provider set-up, and the refusal to serve the network without a login."""

import datetime as dt
import re
import subprocess
import sys

import pytest
from sqlalchemy import select

from core.platform.auth import (
    FREE_ATTEMPTS,
    OVERALL_FREE_ATTEMPTS,
    access_config,
    email_allowed,
    hash_password,
    is_local,
    source_key,
    verify_password,
)
from core.platform.i18n import MentorplanError
from core.store import Store, schema
from tests.conftest import ROOT

PASSWORD = "rätt häst batteri häftklammer"


@pytest.fixture(scope="module")
def password_hash():
    return hash_password(PASSWORD)


def test_the_hash_verifies_the_password_and_nothing_else(password_hash):
    assert password_hash.startswith("scrypt$") and PASSWORD not in password_hash
    assert verify_password(PASSWORD, password_hash)
    assert not verify_password(PASSWORD + " ", password_hash)
    assert not verify_password("", password_hash)
    assert hash_password(PASSWORD) != password_hash  # salted


def test_short_passwords_and_broken_hashes_are_refused():
    with pytest.raises(MentorplanError):
        hash_password("kort")
    with pytest.raises(MentorplanError):
        verify_password(PASSWORD, "md5$abc")


def test_the_setups_are_read_from_the_secrets(password_hash):
    assert access_config({}).mode == "local"
    assert access_config({"mentorplan": {"password_hash": password_hash}}).mode == "password"
    oidc = access_config({"auth": {"client_id": "x"}, "mentorplan": {"allowed_emails": ["Anna@Org.se"]}})
    assert oidc.mode == "oidc" and email_allowed(oidc, "anna@org.se") and not email_allowed(oidc, "eve@x.se")
    with pytest.raises(MentorplanError):
        access_config({"mentorplan": {"password_hash": "plaintext"}})


@pytest.mark.parametrize("address, local", [("localhost", True), ("127.0.0.1", True), ("::1", True),
                                            ("", False), ("0.0.0.0", False), ("192.0.2.10", False)])
def test_what_counts_as_this_computer_only(address, local):
    assert is_local(address) is local


def test_the_command_line_prints_a_hash_not_the_password():
    result = subprocess.run([sys.executable, "-m", "core", "hash-password"], input=PASSWORD + "\n", cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    line = result.stdout.splitlines()[1]
    assert line.startswith('password_hash = "scrypt$') and PASSWORD not in result.stdout
    assert verify_password(PASSWORD, line.split('"')[1])


@pytest.fixture
def guarded(password_hash):
    """An AppTest of the dashboard with a password configured."""
    from streamlit.testing.v1 import AppTest

    def open_app():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.secrets["mentorplan"] = {"password_hash": password_hash}
        at.session_state["lang"] = "sv"
        at.run()
        return at
    return open_app


PAGES = ["views/home.py", "views/timeline.py", "views/year_wheel.py", "views/schedule.py", "views/settings.py",
         "views/backup.py"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_needs_the_login(guarded, page):
    at = guarded()
    at.switch_page(page).run()
    assert [title.value for title in at.title] == ["Mentorplan"]
    assert at.text_input(key="login_password")
    assert not at.get("plotly_chart") and not at.dataframe


def test_the_right_password_lets_in_and_log_out_closes(guarded):
    at = guarded()
    at.text_input(key="login_password").set_value(PASSWORD)
    at.button[0].click().run()
    assert [title.value for title in at.title] == ["Mentorplan"] and not at.text_input
    assert any("Den här veckan" in h.value for h in at.subheader)
    at.sidebar.button[0].click().run()
    assert at.text_input(key="login_password")


def test_a_wrong_password_is_refused_and_repeated_failures_make_it_wait(guarded, database_url):
    at = guarded()
    at.text_input(key="login_password").set_value("fel lösenord här")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Fel lösenord."]
    store = Store(database_url)
    with store.reading() as connection:  # the digest AppTest's attempts count under
        [source] = connection.execute(select(schema.login_failures.c.source)).scalars()
    assert len(source) == 64
    now = dt.datetime.now().replace(microsecond=0)
    for _ in range(FREE_ATTEMPTS + 5):
        store.record_login_failure(now, source)
    at.text_input(key="login_password").set_value(PASSWORD)
    at.button[0].click().run()
    # an unknown source's 11th failure: 128 s (less the seconds the test took), past the minute a
    # known browser waits at most
    said = at.error[0].value
    assert said.startswith("För många misslyckade inloggningar härifrån. Vänta ")
    assert 60 < int(re.search(r"Vänta (\d+) s", said)[1]) <= 128, said
    assert at.text_input(key="login_password")  # still outside, even with the right password
    assert len(store.login_failures(dt.datetime(2000, 1, 1))) == FREE_ATTEMPTS + 6


def test_many_failures_from_elsewhere_make_every_unknown_source_wait(guarded, database_url):
    """Rotating addresses: the budget all unknown sources share, said as such."""
    store = Store(database_url)
    now = dt.datetime.now().replace(microsecond=0)
    # five past the free ones: a wait of a minute, so that a slow run cannot outlast it (at the
    # 20th the wait is 2 s, and times are kept to the second)
    for number in range(OVERALL_FREE_ATTEMPTS + 5):
        store.record_login_failure(now, source_key("address", f"2001:db8:{number:x}::1"))
    at = guarded()
    at.text_input(key="login_password").set_value(PASSWORD)
    at.button[0].click().run()
    assert at.error[0].value.startswith("Många misslyckade inloggningar på sistone, från flera håll. Vänta ")
    assert at.text_input(key="login_password")


def test_after_the_wait_the_right_password_gets_in_and_hears_of_the_failures(guarded, database_url):
    at = guarded()
    for _ in range(2):
        at.text_input(key="login_password").set_value("fel lösenord här")
        at.button[0].click().run()
    at.text_input(key="login_password").set_value(PASSWORD)
    at.button[0].click().run()
    assert not at.text_input
    [warning] = at.warning
    assert warning.value.startswith("2 misslyckade inloggningsförsök sedan förra inloggningen")
    at.button(key="login_report_seen").click().run()
    assert not at.warning
    log = Store(database_url).change_log()
    assert list(log["table_name"]) == ["logins", "login_failures", "login_failures"]


def test_a_network_server_without_a_login_refuses_to_serve(monkeypatch):
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = "en"
    import streamlit
    real = streamlit.get_option
    monkeypatch.setattr(streamlit, "get_option",
                        lambda key: "0.0.0.0" if key == "server.address" else real(key))
    at.run()
    assert "no login is configured" in at.error[0].value
    assert not at.title
