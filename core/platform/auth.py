"""Who may open the dashboard. Three set-ups:

- `oidc`: the organisation's identity provider through Streamlit's own st.login, when an [auth]
  section is in .streamlit/secrets.toml (optionally only the e-mails in [mentorplan].allowed_emails);
- `password`: one password whose scrypt hash (never the password) is [mentorplan].password_hash,
  compared in constant time, with a growing delay per source after repeated failures
  and one shared by all sources that are not a browser the coordinator logged in with;
- `local`: neither — then the server must listen on this computer only.

The decisions are pure functions here; ui/auth.py draws the login and keeps the session.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from core.platform.i18n import MentorplanError

LOCAL_ADDRESSES = ("localhost", "127.0.0.1", "::1")
# The growing delay (login_wait): five tries at once from one source, then 2 s, 4 s, 8 s, … after
# that source's latest failure — at most a minute for a browser the coordinator has logged in with
# (MAX_DELAY, the coordinator's bound), at most 15 minutes for any other source (SOURCE_MAX_DELAY).
# On top, all sources that are not such browsers share one budget: after OVERALL_FREE_ATTEMPTS
# failures among them, each further attempt from any of them waits 2 s, 4 s, … at most a minute
# after the latest. Failures older than a day (FAILURE_WINDOW) are forgotten.
FREE_ATTEMPTS = 5
FIRST_DELAY = dt.timedelta(seconds=2)
MAX_DELAY = dt.timedelta(seconds=60)
SOURCE_MAX_DELAY = dt.timedelta(minutes=15)
OVERALL_FREE_ATTEMPTS = 20
FAILURE_WINDOW = dt.timedelta(hours=24)
IPV6_GROUP = 64  # IPv6 clients count by their /64: one line or one home gets many addresses
# scrypt's cost: 2**15 × 8 × 128 bytes = 32 MB and ~0.1 s a try — slow for a guesser, quick for a login.
_N, _R, _P = 2**15, 8, 1
_MAXMEM = 64 * 1024 * 1024
MIN_PASSWORD_LENGTH = 12


@dataclass(frozen=True)
class AccessConfig:
    mode: str  # "oidc" | "password" | "local"
    password_hash: str = ""
    allowed_emails: tuple[str, ...] = ()
    trusted_proxies: tuple[str, ...] = ()


def access_config(secrets_: Mapping) -> AccessConfig:
    """Read the set-up from the secrets (a mapping such as st.secrets)."""
    own = secrets_.get("mentorplan", {}) or {}
    allowed = tuple(str(e).strip().lower() for e in own.get("allowed_emails", ()) if str(e).strip())
    if secrets_.get("auth"):
        return AccessConfig("oidc", allowed_emails=allowed)
    password_hash = str(own.get("password_hash", "")).strip()
    if password_hash:
        parse_hash(password_hash)  # a malformed hash is a set-up error, said at start
        proxies = tuple(str(p).strip() for p in own.get("trusted_proxies", ()) if str(p).strip())
        return AccessConfig("password", password_hash=password_hash, trusted_proxies=proxies)
    return AccessConfig("local")


def is_local(address: str | None) -> bool:
    """Whether a server bound to `address` is reachable from this computer only. Streamlit's
    empty default means every network interface."""
    return (address or "").strip().strip("[]") in LOCAL_ADDRESSES


def hash_password(password: str) -> str:
    """A line for secrets.toml: scrypt$N$r$p$salt$hash, salt and hash in base64."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise MentorplanError("auth.password_too_short", length=MIN_PASSWORD_LENGTH)
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, maxmem=_MAXMEM)
    return "$".join(["scrypt", str(_N), str(_R), str(_P),
                     base64.b64encode(salt).decode(), base64.b64encode(digest).decode()])


def parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes]:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            raise ValueError(scheme)
        return int(n), int(r), int(p), base64.b64decode(salt, validate=True), base64.b64decode(digest, validate=True)
    except ValueError:
        raise MentorplanError("auth.bad_hash") from None


def verify_password(password: str, stored: str) -> bool:
    """True when the password matches the stored hash; compared in constant time."""
    n, r, p, salt, expected = parse_hash(stored)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM,
                            dklen=len(expected))
    return hmac.compare_digest(digest, expected)


def login_wait(failures: list[dt.datetime], now: dt.datetime, *, free: int = FREE_ATTEMPTS,
               most: dt.timedelta = MAX_DELAY) -> dt.datetime | None:
    """When a source (an address, or a browser the coordinator logged in with before) — or all
    unknown sources together — may try again, or None for now. The failures within FAILURE_WINDOW
    count: `free` pass at once, then each waits twice as long as the one before after the latest
    (2 s, 4 s, … `most`)."""
    recent = sorted(f for f in failures if now - f < FAILURE_WINDOW)
    if len(recent) < free:
        return None
    until = recent[-1] + login_delay(len(recent), free=free, most=most)
    return until if until > now else None


def login_delay(failures: int, *, free: int = FREE_ATTEMPTS, most: dt.timedelta = MAX_DELAY) -> dt.timedelta:
    """The wait after the `failures`-th failure in a row (of `free` free ones), at most `most`."""
    if failures < free:
        return dt.timedelta(0)
    return min(FIRST_DELAY * 2 ** min(failures - free, 30), most)  # 2**30 × 2 s is past any bound


def client_address(peer: str | None, forwarded_for: str | None, trusted_proxies: tuple[str, ...]) -> str:
    """Whom an attempt comes from: the connecting address, or — when that is one of the
    trusted_proxies in the set-up — the address the proxy says it forwards for (the right-most
    entry of X-Forwarded-For that is not itself a trusted proxy). Another client's header is
    never believed: anyone can write one."""
    address = (peer or "local").strip()
    if address in trusted_proxies and forwarded_for:
        for hop in reversed([part.strip() for part in forwarded_for.split(",") if part.strip()]):
            if hop not in trusted_proxies:
                return hop
    return address


def address_group(address: str) -> str:
    """What an address counts as: an IPv6 address by its /64 network (IPV6_GROUP), since a single
    line is given a whole /64 to pick addresses from; an IPv4 address (also IPv4-mapped IPv6) as
    itself; anything that is no address (such as "local") as written."""
    bare = address.strip().strip("[]").split("%", 1)[0]
    try:
        ip = ipaddress.ip_address(bare)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/{IPV6_GROUP}", strict=False))
    return str(ip)


def source_key(kind: str, value: str) -> str:
    """What the store keeps of a source: a SHA-256 digest, never the address itself."""
    return hashlib.sha256(f"mentorplan-login:{kind}:{value}".encode()).hexdigest()


def email_allowed(config: AccessConfig, email: str | None) -> bool:
    if not config.allowed_emails:
        return True
    return (email or "").strip().lower() in config.allowed_emails
