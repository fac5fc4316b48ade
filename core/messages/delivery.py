"""Delivering a batch of messages (core.messages.letters), three ways: a .zip of .eml files that open as
drafts in Outlook or Thunderbird, a mail-merge sheet (.csv or .xlsx), or sending through the
organisation's SMTP server — after a dry run, one recipient at a time, each result written to the
send log as it happens, so that a batch cut off in the middle leaves an exact log and a re-run
sends only to the rest.

No network is touched here except the SMTP server the coordinator configured, when they send."""

from __future__ import annotations

import contextlib
import io
import re
import smtplib
import ssl
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from typing import TYPE_CHECKING

import pandas as pd

from core.messages.letters import Batch, Message
from core.messages.records import usable_address
from core.messages.requests import request_ics
from core.messages.sendlog import log_entry
from core.messages.templates import template_label
from core.platform.files import to_csv, to_xlsx
from core.platform.i18n import MentorplanError, t

if TYPE_CHECKING:
    from core.store import Store

# .eml files and SMTP both want CRLF line ends; lines folded at 78 characters.
EML_POLICY = policy.default.clone(linesep="\r\n")
MERGE_COLUMNS = ("email", "name", "first_name", "role", "template", "subject", "body", "reason")
DEFAULT_TIMEOUT = 30.0
MAX_TIMEOUT = 300.0
# Steps whose letters go to whoever needs them now, whatever was sent before: a second move of an
# event needs a second update, a pair moved to another time a second confirmation.
ALWAYS_SENT = ("update", "cancel", "booking")
# A draft to no person (the call for mentors in the organisation's own channel) is not logged.
NO_PERSON = 0


# -- One e-mail ----------------------------------------------------------------------------------

def ascii_address(email: str) -> str:
    """An address whose domain is written for any mail server (IDNA: "åre.se" → "xn--re-1ia.se")."""
    local, _, domain = email.strip().lower().rpartition("@")
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        raise MentorplanError("delivery.bad_address", email=email) from None


def one_line(text: str) -> str:
    """A header value that cannot start another header: every run of white space (CR and LF
    too) becomes one space."""
    return " ".join(str(text).split())


def sender_header(sender: str) -> tuple[str, str]:
    """ "Mentorskapsprogrammet <mentor@example.se>" → (name, address), checked."""
    if "\r" in sender or "\n" in sender:
        raise MentorplanError("delivery.bad_sender", sender=one_line(sender))
    name, address = parseaddr(sender.strip())
    if not usable_address(address):
        raise MentorplanError("delivery.bad_sender", sender=sender.strip())
    return one_line(name), ascii_address(address)


def check_address_setting(value: str) -> str:
    """A sender or channel address as the settings keep it ("Name <address>" or an address),
    checked; "" stays "" (not set)."""
    value = value.strip()
    if value:
        sender_header(value)
    return value


def default_sender(store: Store) -> str:
    """The sender address set on the messages page, "" when none."""
    return store.message_settings()["message_sender"]


def to_email(message: Message, batch: Batch, sender: str = "", draft: bool = True) -> EmailMessage:
    """The message as an e-mail: UTF-8, headers encoded for å, ä and ö. Each event the letter
    names travels as a calendar request for its recipient (text/calendar; method=REQUEST, the
    sender as ORGANIZER, the recipient as ATTENDEE): the first beside the text, as calendars
    expect an invitation, any further one attached. Without a sender there is no organiser, and
    an invitation carries the event's published .ics instead. A draft carries X-Unsent: 1, which
    makes Outlook open it ready to send."""
    if not usable_address(message.email):
        raise MentorplanError("delivery.bad_address", email=message.email)
    if "\r" in message.subject or "\n" in message.subject:  # render() makes one line; never trust it twice
        raise MentorplanError("delivery.header_injection", name=one_line(message.name))
    email = EmailMessage(policy=EML_POLICY)
    own_domain = "mentorplan.invalid"
    if sender:
        name, address = sender_header(sender)
        local, _, own_domain = address.partition("@")
        email["From"] = Address(display_name=name, username=local, domain=own_domain)
    local, _, domain = ascii_address(message.email).partition("@")
    email["To"] = Address(display_name=one_line(message.name), username=local, domain=domain)
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=True)
    email["Message-ID"] = make_msgid(domain=own_domain)
    if draft:
        email["X-Unsent"] = "1"
    email.set_content(message.body, charset="utf-8")
    if sender and message.calendars:
        organizer = sender_header(sender)
        attendee = (one_line(message.name), ascii_address(message.email))
        for index, request in enumerate(message.calendars):
            text = request_ics(request, organizer, attendee).decode("utf-8")
            params = {"method": request.method}
            if index == 0:
                email.add_alternative(text, subtype="calendar", charset="utf-8", cte="base64", params=params)
            else:
                email.add_attachment(text, subtype="calendar", charset="utf-8", cte="base64",
                                     filename=request.file_name, params=params)
    elif batch.calendar:
        email.add_attachment(batch.calendar.decode("utf-8"), subtype="calendar", charset="utf-8", cte="base64",
                             filename=batch.calendar_name or "event.ics", params={"method": "PUBLISH"})
    return email


def to_eml(message: Message, batch: Batch, sender: str = "") -> bytes:
    return to_email(message, batch, sender).as_bytes(policy=EML_POLICY)


def _file_name(index: int, message: Message) -> str:
    folded = unicodedata.normalize("NFKD", message.name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60] or "person"
    return f"{index:03d}-{slug}.eml"


def eml_zip(batch: Batch, sender: str = "") -> bytes:
    """A .zip with one .eml draft per message, named by number and name."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index, message in enumerate(batch.messages, start=1):
            archive.writestr(_file_name(index, message), to_eml(message, batch, sender))
    return buffer.getvalue()


def merge_frame(batch: Batch) -> pd.DataFrame:
    """One row per message for a mail merge (Word, Outlook): the address, the names, and the
    rendered subject and text."""
    rows = [{"email": m.email, "name": m.name, "first_name": m.values.get("first_name", ""), "role": m.role,
             "template": m.template, "subject": m.subject, "body": m.body, "reason": m.reason}
            for m in batch.messages]
    return pd.DataFrame(rows, columns=list(MERGE_COLUMNS))


def merge_csv(batch: Batch) -> bytes:
    return to_csv(merge_frame(batch), batch.lang)


def merge_xlsx(batch: Batch) -> bytes:
    return to_xlsx({batch.name[:31]: merge_frame(batch)})


def log_prepared(store: Store, batch: Batch, channel: str) -> int:
    """The batch went out as files (channel eml or merge): one line "prepared" per message, in
    one transaction. The coordinator marks them sent once they have sent them."""
    messages = [m for m in batch.messages if m.person_id != NO_PERSON]
    count = store.log_messages([log_entry(batch, m, channel, "prepared") for m in messages],
                               guests=batch.guests)  # an invitation's list kept as it went out
    if channel == "eml":
        record_requests(store, messages)
    return count


def record_requests(store: Store, messages: Iterable[Message]) -> int:
    """Keep which version of each event the messages carried (core.messages.requests), so that a
    later change is offered as an update to exactly those who hold an older one."""
    return store.record_requests([
        (m.person_id, r.cohort_id, r.event_id, r.method, r.sequence, r.version.start, r.version.end,
         r.version.time, r.version.place) for m in messages if m.person_id != NO_PERSON for r in m.calendars])


# -- SMTP ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SmtpConfig:
    """The SMTP server, as .streamlit/secrets.toml names it under [smtp] (the page reads the
    secrets and hands a plain config here). `starttls` upgrades a plain connection (port 587);
    `ssl` is TLS from the start (port 465); `cafile` trusts an organisation's own certificate."""
    host: str
    port: int = 587
    starttls: bool = True
    ssl: bool = False
    user: str = ""
    password: str = field(default="", repr=False)
    sender: str = ""
    timeout: float = DEFAULT_TIMEOUT
    cafile: str = ""

    @classmethod
    def from_mapping(cls, raw: Mapping) -> SmtpConfig:
        """Checked: a host, a port, a sender address, a timeout between 1 and 300 seconds."""
        known = {k: raw[k] for k in cls.__dataclass_fields__ if k in raw}
        host = str(known.get("host", "")).strip()
        if not host:
            raise MentorplanError("delivery.config_missing", field="host")
        try:
            port = int(known.get("port", 465 if known.get("ssl") else 587))
            timeout = float(known.get("timeout", DEFAULT_TIMEOUT))
        except (TypeError, ValueError):
            raise MentorplanError("delivery.config_bad", field="port/timeout") from None
        if not 0 < port < 65536 or not 1 <= timeout <= MAX_TIMEOUT:
            raise MentorplanError("delivery.config_bad", field="port/timeout")
        sender = str(known.get("sender", "")).strip()
        if not sender:
            raise MentorplanError("delivery.config_missing", field="sender")
        sender_header(sender)
        use_ssl = _flag(known.get("ssl", False))
        starttls = _flag(known.get("starttls", not use_ssl)) and not use_ssl
        user = str(known.get("user", "")).strip()
        if user and not (use_ssl or starttls) and host not in ("localhost", "127.0.0.1", "::1"):
            raise MentorplanError("delivery.password_in_clear")  # a login over a plain connection
        return cls(host=host, port=port, starttls=starttls, ssl=use_ssl, user=user,
                   password=str(known.get("password", "")), sender=sender, timeout=timeout,
                   cafile=str(known.get("cafile", "")).strip())

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def _flag(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "ja", "on")
    return bool(value)


def connect(config: SmtpConfig) -> smtplib.SMTP:
    """A connection, with TLS and login as configured, or MentorplanError saying what failed."""
    context = ssl.create_default_context(cafile=config.cafile or None)
    server: smtplib.SMTP | None = None
    try:
        if config.ssl:
            server = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout, context=context)
        else:
            server = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        server.ehlo()
        if config.starttls:
            server.starttls(context=context)
            server.ehlo()
        if config.user:
            server.login(config.user, config.password)
        return server
    except smtplib.SMTPNotSupportedError as error:
        _close(server)
        key = "delivery.smtp_no_starttls" if config.starttls and "STARTTLS" in str(error) else "delivery.smtp_no_auth"
        raise MentorplanError(key, where=config.where) from error
    except smtplib.SMTPAuthenticationError as error:
        _close(server)
        raise MentorplanError("delivery.smtp_login", where=config.where, user=config.user,
                              detail=_smtp_detail(error)) from error
    except ssl.SSLError as error:
        _close(server)
        raise MentorplanError("delivery.smtp_tls", where=config.where, detail=str(error)) from error
    except (OSError, smtplib.SMTPException) as error:
        _close(server)
        raise MentorplanError("delivery.smtp_unreachable", where=config.where, detail=_smtp_detail(error)) from error


def check_connection(config: SmtpConfig) -> None:
    """Connect, log in and leave, sending nothing: the coordinator's test of the settings."""
    server = connect(config)
    _quit(server)


def _close(server: smtplib.SMTP | None) -> None:
    if server is not None:
        with contextlib.suppress(OSError):
            server.close()


def _quit(server: smtplib.SMTP) -> None:
    try:
        server.quit()
    except (OSError, smtplib.SMTPException):
        _close(server)


TIMED_OUT = "timed out"  # stored in the send log as is; describe_detail() words it for the page


def describe_detail(detail: str, lang: str) -> str:
    """A send-log detail in the coordinator's language: ours translated, a server's reply as sent."""
    return t("delivery.timed_out", lang) if detail == TIMED_OUT else detail


def _smtp_detail(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{code} {_text(reply)}" for code, reply in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    if isinstance(error, TimeoutError) or isinstance(error.__context__, TimeoutError):
        return TIMED_OUT  # smtplib words a timeout while reading as "Connection unexpectedly closed"
    return str(error) or type(error).__name__


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


@dataclass(frozen=True)
class Plan:
    """What a send would do: who gets the message, and who is left out for having been sent it
    already (unless a resend is forced)."""
    to_send: tuple[Message, ...]
    already_sent: tuple[Message, ...]


def plan(store: Store, batch: Batch, force: bool = False) -> Plan:
    """The dry run: everything rendered (the batch), nothing sent."""
    told = set() if force or batch.kind in ALWAYS_SENT else store.sent_to(batch.cohort_id, batch.kind,
                                                                            batch.event_id)
    return Plan(tuple(m for m in batch.messages if m.person_id not in told),
                tuple(m for m in batch.messages if m.person_id in told))


def plan_frame(the_plan: Plan, lang: str) -> pd.DataFrame:
    """The dry run as the coordinator reads it: who, which message, and what will happen."""
    rows = [(m, "delivery.will_send") for m in the_plan.to_send] + [(m, "delivery.skip_sent")
                                                                   for m in the_plan.already_sent]
    return pd.DataFrame([{t("delivery.col_name", lang): m.name, t("delivery.col_email", lang): m.email,
                          t("delivery.col_template", lang): template_label(m.template, lang),
                          t("delivery.col_subject", lang): m.subject, t("delivery.col_action", lang): t(key, lang)}
                         for m, key in rows],
                        columns=[t(f"delivery.col_{c}", lang) for c in ("name", "email", "template", "subject",
                                                                         "action")])


@dataclass
class SendReport:
    """How a send went: sent, failed (with the server's words), skipped as sent before, and —
    when the connection was lost — the ones not tried, and why it stopped."""
    sent: list[Message] = field(default_factory=list)
    failed: list[tuple[Message, str]] = field(default_factory=list)
    skipped: list[Message] = field(default_factory=list)
    not_tried: list[Message] = field(default_factory=list)
    stopped: str = ""

    @property
    def complete(self) -> bool:
        return not self.failed and not self.not_tried


def send(store: Store, batch: Batch, config: SmtpConfig, force: bool = False,
         progress: Callable[[int, int], None] | None = None) -> SendReport:
    """Send the batch's messages one by one, skipping the people who were sent this message
    before (unless `force`). Each outcome is written to the send log in its own transaction as
    it happens: "sent" once the server took the message, "failed" with its reply. A recipient the
    server refuses is failed and the batch goes on; a lost connection (dropped, timed out, 421,
    the sender refused) fails the message in hand and stops, leaving the rest untried and
    unlogged, so that a re-run sends to them. Nothing is sent if the connection or login fails
    (MentorplanError)."""
    the_plan = plan(store, batch, force)
    report = SendReport(skipped=list(the_plan.already_sent))
    if not the_plan.to_send:
        return report
    _name, envelope_from = sender_header(config.sender)
    emails = [to_email(m, batch, config.sender, draft=False) for m in the_plan.to_send]  # all or none
    server = connect(config)
    total = len(the_plan.to_send)
    try:
        for index, (message, email) in enumerate(zip(the_plan.to_send, emails, strict=True)):
            stop = _send_one(server, email, envelope_from, message)
            if stop is None:
                if message.person_id != NO_PERSON:
                    store.log_messages([log_entry(batch, message, "smtp", "sent")], guests=batch.guests)
                    record_requests(store, [message])
                report.sent.append(message)
            else:
                detail, lost = stop
                if message.person_id != NO_PERSON:
                    store.log_messages([log_entry(batch, message, "smtp", "failed", detail)])
                report.failed.append((message, detail))
                if lost:
                    report.stopped = detail
                    report.not_tried = list(the_plan.to_send[index + 1:])
                    break
            if progress:
                progress(index + 1, total)
    finally:
        _quit(server)
    return report


def _send_one(server: smtplib.SMTP, email: EmailMessage, envelope_from: str,
              message: Message) -> tuple[str, bool] | None:
    """None when the server took the message; else its words, and whether the connection is lost."""
    try:
        server.send_message(email, from_addr=envelope_from, to_addrs=[ascii_address(message.email)])
    except smtplib.SMTPRecipientsRefused as error:
        return _smtp_detail(error), False
    except (smtplib.SMTPServerDisconnected, smtplib.SMTPSenderRefused) as error:
        return _smtp_detail(error), True
    except smtplib.SMTPResponseException as error:  # 421: the server is closing the connection
        return _smtp_detail(error), error.smtp_code == 421
    except smtplib.SMTPException as error:
        return _smtp_detail(error), False
    except OSError as error:  # timed out, reset: SMTPException is an OSError too, hence last
        return _smtp_detail(error), True
    return None
