"""Delivery: .eml drafts parsed back with the standard library (headers, å/ä/ö, the .ics), the
.zip and the mail-merge sheet, and sending through a real SMTP server started by the test
(aiosmtpd on 127.0.0.1) — including servers that refuse, drop the connection or stall in the
middle of a batch, and the send log each leaves."""

import dataclasses
import io
import shutil
import ssl
import subprocess
import time
import zipfile
from email import message_from_bytes, policy

import openpyxl
import pytest
from aiosmtpd.smtp import AuthResult
from icalendar import Calendar

from core import services
from core.calendar.programme import Cohort
from core.messages.delivery import (
    MERGE_COLUMNS,
    SmtpConfig,
    check_connection,
    eml_zip,
    merge_csv,
    merge_frame,
    merge_xlsx,
    plan,
    plan_frame,
    send,
    to_email,
    to_eml,
)
from core.messages.letters import Message, decision_messages, invitation_messages
from core.messages.sendlog import people_not_told
from core.messages.templates import EventDetails
from core.platform.i18n import MentorplanError
from tests.messages_history import history
from tests.smtp_server import HOST, Closing, Dropping, Inbox, Refusing, Stalling, running, silent_server

AUTUMN = Cohort(2026, "autumn")
SENDER = "Mentorskapsprogrammet Åre <mentor@example.se>"
DETAILS = EventDetails(place="Stadshuset, Umeå", time="13.00–16.30")


@pytest.fixture
def register(store):
    history(store)
    return store, services.programme(store)


@pytest.fixture
def decisions(register):
    store, programme = register
    return decision_messages(store, programme, AUTUMN, "sv")


@pytest.fixture
def invitations(register):
    store, programme = register
    return invitation_messages(store, programme, AUTUMN, "kickoff", "sv", details=DETAILS)


def config(port: int, **changes) -> SmtpConfig:
    return dataclasses.replace(SmtpConfig(host=HOST, port=port, starttls=False, sender=SENDER, timeout=5), **changes)


def calendar_parts(email) -> list:
    """Every text/calendar part of an e-mail, beside the text or attached."""
    return [part for part in email.walk() if part.get_content_type() == "text/calendar"]


def log_of(store):
    log = store.message_log("autumn-2026")
    return sorted(zip(log["name"], log["status"], strict=True))


# -- .eml --------------------------------------------------------------------------------------

def test_an_invitation_opens_as_a_draft_with_the_events_calendar(invitations):
    asa = next(m for m in invitations.messages if m.name == "Åsa Öberg")
    raw = to_eml(asa, invitations, SENDER)
    raw.decode("ascii")  # every header and part encoded: the file survives any mail system
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["X-Unsent"] == "1"
    assert parsed["To"].addresses[0].display_name == "Åsa Öberg"
    assert parsed["To"].addresses[0].addr_spec == "asa.oberg@example.se"
    assert parsed["From"].addresses[0].display_name == "Mentorskapsprogrammet Åre"
    assert parsed["Subject"] == "Inbjudan: kick-off för mentorskapsprogrammet torsdag 24 september 2026"
    assert "=?utf-8?" in raw.decode("ascii")  # å in a header is encoded, not sent raw
    body = parsed.get_body(("plain",))
    assert body.get_content_charset() == "utf-8"
    assert "Plats: Stadshuset, Umeå" in body.get_content()
    [request] = calendar_parts(parsed)  # a calendar request beside the text, as calendars expect it
    assert request.get_param("method") == "REQUEST"
    calendar = Calendar.from_ical(request.get_content())
    assert str(calendar["method"]) == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Kick-off – Höststart 2026"  # in words, not ids
    assert str(event["location"]) == "Stadshuset, Umeå"
    assert str(event["organizer"]) == "mailto:mentor@example.se"
    assert str(event["attendee"]) == "mailto:asa.oberg@example.se"
    assert event["attendee"].params["CN"] == "Åsa Öberg"
    assert str(event["uid"]) == "autumn-2026-kickoff@mentorplan" and int(event["sequence"]) == 0


def test_without_a_sender_an_invitation_carries_the_published_calendar_file(invitations):
    asa = next(m for m in invitations.messages if m.name == "Åsa Öberg")
    parsed = message_from_bytes(to_eml(asa, invitations), policy=policy.default)
    assert parsed["From"] is None
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "PUBLISH"
    assert attachment.get_filename() == "kick-off-hoststart-2026.ics"  # in words, no ids


def test_a_decision_has_no_attachment_and_needs_no_sender(decisions):
    parsed = message_from_bytes(to_eml(decisions.messages[0], decisions), policy=policy.default)
    assert parsed["From"] is None  # the mail program fills in the account
    assert not list(parsed.iter_attachments())
    assert "Gustav Holm, Kommun B" in parsed.get_content()


def test_no_header_can_be_smuggled_in_through_a_name_or_subject(decisions):
    message = dataclasses.replace(decisions.messages[0], name="Eve\r\nBcc: victim@example.se")
    parsed = message_from_bytes(to_eml(message, decisions), policy=policy.default)
    assert parsed["Bcc"] is None
    assert parsed["To"].addresses[0].display_name == "Eve Bcc: victim@example.se"
    for bad in (dataclasses.replace(decisions.messages[0], subject="Hi\nBcc: victim@example.se"),
                dataclasses.replace(decisions.messages[0], email="anna@example.se\r\nBcc: victim@example.se"),
                dataclasses.replace(decisions.messages[0], email="not an address")):
        with pytest.raises(MentorplanError):
            to_email(bad, decisions)
    for sender in ("Eve <eve@example.se>\nBcc: victim@example.se", "nobody"):
        with pytest.raises(MentorplanError) as raised:
            to_email(decisions.messages[0], decisions, sender)
        assert raised.value.key == "delivery.bad_sender"


def test_the_zip_holds_one_draft_per_person(invitations):
    archive = zipfile.ZipFile(io.BytesIO(eml_zip(invitations, SENDER)))
    names = archive.namelist()
    assert len(names) == len(invitations.messages) == 7
    assert names[0] == "001-anna-berg.eml" and "008-asa-oberg.eml" not in names and "007-asa-oberg.eml" in names
    recipients = {message_from_bytes(archive.read(n), policy=policy.default)["To"].addresses[0].addr_spec
                  for n in names}
    assert recipients == {m.email for m in invitations.messages}


def test_the_mail_merge_sheet_has_a_row_per_message(decisions):
    frame = merge_frame(decisions)
    assert tuple(frame.columns) == MERGE_COLUMNS and len(frame) == 7
    assert frame.iloc[0]["first_name"] == "Anna"
    text = merge_csv(decisions).decode("utf-8-sig")
    assert text.splitlines()[0] == ";".join(MERGE_COLUMNS)  # a Swedish batch: Swedish Excel's separator
    assert "Höststart 2026" in text
    sheet = openpyxl.load_workbook(io.BytesIO(merge_xlsx(decisions))).active
    assert [c.value for c in sheet[1]] == list(MERGE_COLUMNS)
    assert sheet.max_row == 8


def test_a_formula_in_a_name_is_not_run_by_a_spreadsheet(decisions):
    evil = dataclasses.replace(decisions, messages=(dataclasses.replace(decisions.messages[0], name="=HYPERLINK(1)"),))
    assert "'=HYPERLINK(1)" in merge_csv(evil).decode("utf-8-sig")


# -- SMTP --------------------------------------------------------------------------------------

def test_sending_delivers_each_message_once_and_logs_it(register, decisions):
    store, programme = register
    inbox = Inbox()
    with running(inbox) as port:
        report = send(store, decisions, config(port))
        again = send(store, decisions, config(port))
    assert report.complete and len(report.sent) == 7 and not report.skipped
    assert inbox.recipients == [m.email for m in decisions.messages]
    assert {sender for sender, _ in inbox.envelopes} == {"mentor@example.se"}
    first = inbox.messages[0]
    assert first["Subject"] == "Besked: du är mentor i mentorskapsprogrammet, Höststart 2026"
    assert first["X-Unsent"] is None  # a sent message is no draft
    assert "Elin Gran" in first.get_body(("plain",)).get_content()
    assert [str(Calendar.from_ical(p.get_content())["method"]) for p in calendar_parts(first)] == ["REQUEST"] * 2
    assert not again.sent and len(again.skipped) == 7  # a re-run sends nothing twice
    assert len(inbox.messages) == 7
    assert [s for _, s in log_of(store)] == ["sent"] * 7
    assert list(people_not_told(store, programme, "autumn-2026", "decision")["name"]) == ["Ulla Utan"]


def test_a_forced_resend_sends_again(register, decisions):
    store, _ = register
    inbox = Inbox()
    with running(inbox) as port:
        send(store, decisions, config(port))
        forced = send(store, decisions, config(port), force=True)
    assert len(forced.sent) == 7 and len(inbox.messages) == 14


def test_an_invitation_is_sent_with_its_calendar(register, invitations):
    store, _ = register
    inbox = Inbox()
    with running(inbox) as port:
        send(store, invitations, config(port))
    [request] = calendar_parts(inbox.messages[0])
    assert request.get_param("method") == "REQUEST"
    assert "METHOD:REQUEST" in request.get_content()


def test_a_refused_recipient_fails_alone_and_a_rerun_tries_only_them(register, decisions):
    store, _ = register
    refusing = Refusing("elin.gran@example.se")
    with running(refusing) as port:
        report = send(store, decisions, config(port))
    assert len(report.sent) == 6 and not report.stopped
    [(elin, detail)] = report.failed
    assert elin.name == "Elin Gran" and detail.startswith("550")
    assert ("Elin Gran", "failed") in log_of(store)
    log = store.message_log("autumn-2026")
    assert log.loc[log["name"] == "Elin Gran", "error"].iloc[0].startswith("550 5.1.1")
    inbox = Inbox()
    with running(inbox) as port:
        rerun = send(store, decisions, config(port))
    assert inbox.recipients == ["elin.gran@example.se"] and len(rerun.skipped) == 6


def test_a_connection_dropped_mid_batch_leaves_an_exact_log(register, decisions):
    store, programme = register
    dropping = Dropping(at=3)
    with running(dropping) as port:
        report = send(store, decisions, config(port))
    assert [m.name for m in report.sent] == ["Anna Berg", "Bo Ek"]
    assert [m.name for m, _ in report.failed] == ["Elin Gran"]
    assert [m.name for m in report.not_tried] == ["Gustav Holm", "Hanna Ilves", "Cecilia Dahl", "Farah Haddad"]
    assert report.stopped and not report.complete
    assert log_of(store) == [("Anna Berg", "sent"), ("Bo Ek", "sent"), ("Elin Gran", "failed")]
    assert len(dropping.messages) == 2
    # The re-run sends only to the rest: each person has now been sent the decision exactly once.
    inbox = Inbox()
    with running(inbox) as port:
        rerun = send(store, decisions, config(port))
    assert inbox.recipients == ["elin.gran@example.se", "gustav.holm@example.se", "hanna.ilves@example.se",
                                "cecilia.dahl@example.se", "farah.haddad@example.se"]
    assert rerun.complete and len(rerun.skipped) == 2
    assert list(people_not_told(store, programme, "autumn-2026", "decision")["name"]) == ["Ulla Utan"]


def test_a_server_that_stalls_mid_batch_times_out(register, decisions):
    store, _ = register
    stalling = Stalling(at=2, seconds=6)
    with running(stalling) as port:
        started = time.monotonic()
        report = send(store, decisions, config(port, timeout=1))
        took = time.monotonic() - started
    assert took < 5  # the 1 s timeout ended it, not the server's 6 s (room for a busy machine)
    assert [m.name for m in report.sent] == ["Anna Berg"]
    assert [(m.name, detail) for m, detail in report.failed] == [("Bo Ek", "timed out")]
    assert len(report.not_tried) == 5 and report.stopped == "timed out"


def test_a_server_shutting_down_stops_the_batch(register, decisions):
    store, _ = register
    with running(Closing(at=4)) as port:
        report = send(store, decisions, config(port))
    assert len(report.sent) == 3 and len(report.failed) == 1 and len(report.not_tried) == 3
    assert report.stopped.startswith("421")


def test_a_server_that_cannot_be_reached_sends_nothing(register, decisions):
    store, _ = register
    with running(Inbox()) as port:
        pass  # the server has stopped: the port refuses connections
    with pytest.raises(MentorplanError) as raised:
        send(store, decisions, config(port))
    assert raised.value.key == "delivery.smtp_unreachable"
    assert f"127.0.0.1:{port}" in raised.value.shown("en")
    assert store.message_log("autumn-2026").empty


def test_a_server_that_never_answers_times_out(register, decisions):
    store, _ = register
    with silent_server() as port:
        started = time.monotonic()
        with pytest.raises(MentorplanError) as raised:
            send(store, decisions, config(port, timeout=1))
        assert time.monotonic() - started < 5
    assert raised.value.key == "delivery.smtp_unreachable" and "timed out" in raised.value.shown("en")
    assert store.message_log("autumn-2026").empty


def test_a_refused_login_is_a_clear_error(register, decisions):
    store, _ = register

    def authenticator(server, session, envelope, mechanism, auth_data):
        # handled=False: aiosmtpd answers a failed login with 535 itself
        return AuthResult(success=auth_data.login == b"mentor" and auth_data.password == b"right", handled=False)

    inbox = Inbox()
    with running(inbox, authenticator=authenticator, auth_require_tls=False) as port:
        with pytest.raises(MentorplanError) as raised:
            check_connection(config(port, user="mentor", password="wrong"))
        assert raised.value.key == "delivery.smtp_login"
        assert "'mentor'" in raised.value.shown("en") and "wrong" not in raised.value.shown("en")
        report = send(store, decisions, config(port, user="mentor", password="right"))
    assert len(report.sent) == 7 and len(inbox.messages) == 7


def test_starttls_is_required_when_configured(register, decisions):
    store, _ = register
    with running(Inbox()) as port, pytest.raises(MentorplanError) as raised:
        check_connection(config(port, starttls=True))
    assert raised.value.key == "delivery.smtp_no_starttls"


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificate")
def test_sending_over_starttls_with_the_organisations_certificate(register, decisions, tmp_path):
    store, _ = register
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    inbox = Inbox()
    with running(inbox, tls_context=context, require_starttls=True) as port:
        with pytest.raises(MentorplanError) as raised:  # a certificate nobody vouches for
            check_connection(config(port, starttls=True))
        assert raised.value.key == "delivery.smtp_tls"
        report = send(store, decisions, config(port, starttls=True, cafile=str(cert)))
    assert report.complete and len(inbox.messages) == 7


def test_the_dry_run_sends_nothing_and_says_who_would_get_what(register, decisions):
    store, _ = register
    inbox = Inbox()
    with running(inbox) as port:
        send(store, dataclasses.replace(decisions, messages=decisions.messages[:2]), config(port))
    the_plan = plan(store, decisions)
    assert len(the_plan.to_send) == 5 and [m.name for m in the_plan.already_sent] == ["Anna Berg", "Bo Ek"]
    frame = plan_frame(the_plan, "en")
    assert list(frame.columns) == ["Name", "E-mail", "Template", "Subject", "What happens"]
    assert frame.iloc[-1]["What happens"] == "skipped (sent before)"
    assert frame.iloc[0]["Template"] == "Decision to a mentee"
    assert len(plan(store, decisions, force=True).to_send) == 7


def test_the_mail_server_settings_are_checked():
    assert SmtpConfig.from_mapping({"host": "smtp.example.se", "sender": "mentor@example.se"}) == SmtpConfig(
        host="smtp.example.se", port=587, starttls=True, sender="mentor@example.se")
    tls = SmtpConfig.from_mapping({"host": "smtp.example.se", "ssl": True, "sender": "a@example.se"})
    assert (tls.port, tls.ssl, tls.starttls) == (465, True, False)
    assert "secret" not in repr(SmtpConfig("h", password="secret"))
    for raw, key in [({"sender": "a@example.se"}, "delivery.config_missing"),
                     ({"host": "h"}, "delivery.config_missing"),
                     ({"host": "h", "sender": "a@example.se", "port": "x"}, "delivery.config_bad"),
                     ({"host": "h", "sender": "a@example.se", "timeout": 0}, "delivery.config_bad"),
                     ({"host": "h", "sender": "not an address"}, "delivery.bad_sender"),
                     ({"host": "smtp.example.se", "sender": "a@example.se", "starttls": False, "user": "u"},
                      "delivery.password_in_clear")]:
        with pytest.raises(MentorplanError) as raised:
            SmtpConfig.from_mapping(raw)
        assert raised.value.key == key


def test_a_message_to_a_bad_address_stops_the_batch_before_anything_is_sent(register, decisions):
    store, _ = register
    bad = Message(1, "not an address", "Nobody", "mentee", "decision_mentee", "S", "B")
    inbox = Inbox()
    with running(inbox) as port, pytest.raises(MentorplanError):
        send(store, dataclasses.replace(decisions, messages=(*decisions.messages, bad)), config(port))
    assert inbox.messages == [] and store.message_log("autumn-2026").empty


def test_our_own_send_log_words_are_translated_and_a_servers_reply_is_kept():
    from core.messages.delivery import TIMED_OUT, describe_detail
    assert describe_detail(TIMED_OUT, "sv") == "servern svarade inte i tid"
    assert describe_detail(TIMED_OUT, "en") == "the server did not answer in time"
    assert describe_detail("550 mailbox unavailable", "sv") == "550 mailbox unavailable"
