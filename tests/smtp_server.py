"""A real SMTP server for the delivery tests: aiosmtpd on 127.0.0.1 on a free port, with handlers
that take every message, refuse a recipient, drop the connection or stall in the middle of a
batch. Loopback only."""

from __future__ import annotations

import asyncio
import contextlib
import email
import socket
import threading
from collections.abc import Iterator
from email import policy

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Inbox:
    """Takes every message; keeps them parsed, in order."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.data_commands = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.data_commands += 1
        outcome = await self.before_accepting(server, session, envelope)
        if outcome:
            return outcome
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.messages.append(email.message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 Message accepted"

    async def before_accepting(self, server, session, envelope) -> str | None:
        return None

    @property
    def recipients(self) -> list[str]:
        return [address for _, rcpt in self.envelopes for address in rcpt]


class Refusing(Inbox):
    """Refuses one address at RCPT, as a server does for an unknown mailbox."""

    def __init__(self, refused: str) -> None:
        super().__init__()
        self.refused = refused

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.refused:
            return "550 5.1.1 No such user here"
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)


class Dropping(Inbox):
    """Drops the connection when the n-th message's data has arrived, before saying it took it."""

    def __init__(self, at: int) -> None:
        super().__init__()
        self.at = at

    async def before_accepting(self, server, session, envelope):
        if self.data_commands == self.at:
            server.transport.close()
            return "421 gone"  # never reaches the client: the connection is closed
        return None


class Stalling(Inbox):
    """Says nothing for `seconds` after the n-th message's data, as a server that hangs."""

    def __init__(self, at: int, seconds: float) -> None:
        super().__init__()
        self.at, self.seconds = at, seconds

    async def before_accepting(self, server, session, envelope):
        if self.data_commands == self.at:
            await asyncio.sleep(self.seconds)
            return "451 too late"
        return None


class Closing(Inbox):
    """Answers the n-th message with 421: the server is shutting down."""

    def __init__(self, at: int) -> None:
        super().__init__()
        self.at = at

    async def before_accepting(self, server, session, envelope):
        return "421 4.3.2 Service shutting down" if self.data_commands == self.at else None


@contextlib.contextmanager
def running(handler: Inbox, **smtp_options) -> Iterator[int]:
    """Serve `handler` on 127.0.0.1 while the block runs; yields the port."""
    port = free_port()
    controller = Controller(handler, hostname=HOST, port=port, ready_timeout=10, **smtp_options)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@contextlib.contextmanager
def silent_server() -> Iterator[int]:
    """Accepts connections and never says a word: a client must time out."""
    listener = socket.socket()
    listener.bind((HOST, 0))
    listener.listen(4)
    listener.settimeout(0.2)
    held, stop = [], threading.Event()

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in held:
            connection.close()
        listener.close()
