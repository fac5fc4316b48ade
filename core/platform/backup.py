"""Backups: the whole store — register, cohorts, matching runs, overrides, messages, follow-up,
change log — in one file, and back.

A backup is a .zip holding one `backup.json`: every table of core/store/schema.py with its
columns and rows, a SHA-256 checksum over them, and a `mac`: an HMAC-SHA256 over the whole
content (the checksum, the time it was made and the tables) with a key kept outside the backup
(backup_key()), so that a file altered and given a new checksum is refused. A restore checks the
file first (a zip of the right shape and size, JSON of bounded nesting and size, the format, the
checksum, the MAC, known tables and columns) and then replaces all data in one transaction, so a
wrong, damaged or altered file is refused and the current data stays as it was. A backup made
before backups carried a MAC has none and cannot be verified: it is read only when the caller says
so (`unverified_ok`, after the coordinator confirmed it). An automatic backup is written before
each import, matching acceptance and restore.

`revision` names the schema revision the tables are at (core/store/migrations); a backup made
before backups recorded it has none, and is at the baseline. The store brings an older one up to
date as it restores it, and refuses one from a revision it does not know.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
import os
import re
import secrets
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.platform.i18n import MentorplanError
from core.platform.paths import DATA_DIR

FORMAT = "mentorplan-backup"
VERSION = 1
MEMBER = "backup.json"
MAX_BACKUP_BYTES = 200 * 1024 * 1024  # compressed or not; a programme's data is a few MB
KEEP_AUTOMATIC = 30
BACKUP_DIR_VARIABLE = "MENTORPLAN_BACKUP_DIR"
KEY_FILE_VARIABLE = "MENTORPLAN_BACKUP_KEY_FILE"
# What a backup's JSON may hold, checked before it is parsed: nesting (a real backup is some ten
# levels deep), lists and objects in all (a row is one, its JSON values a few more), and rows.
MAX_DEPTH = 64
MAX_CONTAINERS = 5_000_000
MAX_ROWS = 1_000_000
MAX_TABLES = 200
MAX_COLUMNS = 200


def backup_dir() -> Path:
    """Where automatic backups go: MENTORPLAN_BACKUP_DIR, else data/backups/."""
    return Path(os.environ.get(BACKUP_DIR_VARIABLE, "").strip() or DATA_DIR / "backups")


# -- The key ------------------------------------------------------------------------------------
# The MAC's key never travels with a backup: it is `[mentorplan] backup_key` in the secrets (the
# app and the command line hand it here through use_key_source: core reads no secrets itself),
# else a random key in a file made on first use, readable by its owner only: data/backup.key, or
# where MENTORPLAN_BACKUP_KEY_FILE says. A backup made with another key is refused.

def _no_secret() -> str | None:
    return None


_key_source: Callable[[], str | None] = _no_secret


def use_key_source(source: Callable[[], str | None]) -> None:
    """Where the secrets' backup_key comes from (asked when a key is first needed)."""
    global _key_source
    _key_source = source


def key_file() -> Path:
    return Path(os.environ.get(KEY_FILE_VARIABLE, "").strip() or DATA_DIR / "backup.key")


def backup_key() -> bytes:
    """The key of every backup's MAC: the secrets' backup_key, else the key file's (made now, if
    there is none yet)."""
    secret = _key_source()
    if isinstance(secret, str) and secret.strip():
        return secret.strip().encode("utf-8")
    path = key_file()
    if not path.exists():
        _make_key_file(path)
    return _read_key_file(path)


def _make_key_file(path: Path) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32) + "\n")
        os.chmod(temporary, 0o600)
        try:  # whole or not at all, and never over a key another process made first
            os.link(temporary, path)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(temporary, path)
    except OSError as error:
        raise MentorplanError("backup.key_cannot_write", path=path, detail=error.strerror or error) from None
    finally:
        temporary.unlink(missing_ok=True)


def _read_key_file(path: Path) -> bytes:
    try:
        if path.stat().st_mode & 0o077:  # readable by others: make it the owner's only
            os.chmod(path, 0o600)
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        raise MentorplanError("backup.key_unreadable", path=path) from None
    if len(key) < 16:
        raise MentorplanError("backup.key_unreadable", path=path)
    return key


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _mac(payload: Mapping[str, Any], key: bytes) -> str:
    """HMAC-SHA256 over everything in backup.json but the MAC itself, written canonically."""
    return hmac.new(key, _canonical({k: v for k, v in payload.items() if k != "mac"}), hashlib.sha256).hexdigest()


def _checksum(tables: dict[str, Any]) -> str:
    canonical = json.dumps(tables, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def pack(tables: dict[str, dict[str, list]], created_at: dt.datetime, *, signed: bool = True,
         revision: str | None = None) -> bytes:
    """Tables as {name: {"columns": [...], "rows": [[...], ...]}} into backup file bytes, with
    the MAC of backup_key() (`signed=False` only to re-pack a backup that had none) and the
    schema revision the tables are at (core/store/migrations)."""
    plain = {name: {"columns": t["columns"], "rows": [[_plain(v) for v in row] for row in t["rows"]]}
             for name, t in tables.items()}
    payload: dict[str, Any] = {"format": FORMAT, "version": VERSION, "created_at": created_at.isoformat(),
                               "checksum": _checksum(plain), "tables": plain}
    if revision is not None:
        payload["revision"] = revision
    text = json.dumps(payload, ensure_ascii=False)
    if signed:  # the MAC of the content as it will be read back
        payload = json.loads(text)
        payload["mac"] = _mac(payload, backup_key())
        text = json.dumps(payload, ensure_ascii=False)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MEMBER, text)
    return buffer.getvalue()


@dataclass(frozen=True)
class Contents:
    """A backup file as read and checked."""

    tables: dict[str, dict[str, list]]  # {name: {"columns": [...], "rows": [...]}}, values as JSON has them
    created_at: dt.datetime | None  # when it was made (local time); None if it does not say
    verified: bool  # its MAC matched; False only for a file without one, read with unverified_ok

    @property
    def erasures_since(self) -> dt.datetime | None:
        """The time after which a deletion everywhere is not in this backup: when it was made, if
        its MAC vouches for that; None (every deletion ever) for a backup that cannot be verified,
        whose stated time could be anything."""
        return self.created_at if self.verified else None
    meta: dict[str, Any]  # everything else in backup.json (format, version, checksum, …)

    @property
    def revision(self) -> str | None:
        """The schema revision its tables are at (core/store/migrations); None for a backup made
        before backups recorded one, whose tables are the baseline's."""
        return self.meta.get("revision")


def unpack(data: bytes, unverified_ok: bool = False) -> dict[str, dict[str, list]]:
    """Check a backup file and return its tables as {name: {"columns": [...], "rows": [...]}},
    values as JSON has them (the store types them for its schema); a MentorplanError says what is
    wrong with a file that is not a whole, intact backup (see read)."""
    return read(data, unverified_ok).tables


def read(data: bytes, unverified_ok: bool = False) -> Contents:
    """Check a backup file and return what it holds. A MentorplanError says what is wrong with a
    file that is not a whole, intact backup made with this installation's key; a file without a
    MAC (made before backups had one) raises backup.unverified unless `unverified_ok`."""
    if len(data) > MAX_BACKUP_BYTES:
        raise MentorplanError("backup.too_large", mb=MAX_BACKUP_BYTES // (1024 * 1024))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise MentorplanError("backup.not_a_backup") from None
    if [m.filename for m in members] != [MEMBER]:
        raise MentorplanError("backup.not_a_backup")
    if members[0].file_size > MAX_BACKUP_BYTES:  # an unpacked size this large is a zip bomb
        raise MentorplanError("backup.too_large", mb=MAX_BACKUP_BYTES // (1024 * 1024))
    try:
        with archive.open(MEMBER) as member:
            text = member.read(MAX_BACKUP_BYTES + 1).decode("utf-8")
    except (zipfile.BadZipFile, OSError, ValueError, UnicodeDecodeError, EOFError):
        raise MentorplanError("backup.damaged") from None
    payload = _parsed(text)
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise MentorplanError("backup.not_a_backup")
    if payload.get("version") != VERSION:
        raise MentorplanError("backup.wrong_version", version=payload.get("version"), expected=VERSION)
    tables = payload.get("tables")
    if not isinstance(tables, dict) or len(tables) > MAX_TABLES or payload.get("checksum") != _checksum(tables):
        raise MentorplanError("backup.damaged")
    if not all(isinstance(name, str) and isinstance(table, dict) and isinstance(table.get("columns"), list)
               and isinstance(table.get("rows"), list) and len(table["columns"]) <= MAX_COLUMNS
               for name, table in tables.items()):
        raise MentorplanError("backup.damaged")
    if sum(len(table["rows"]) for table in tables.values()) > MAX_ROWS:
        raise MentorplanError("backup.too_many_rows", rows=MAX_ROWS)
    revision = payload.get("revision")
    if revision is not None and not (isinstance(revision, str) and 0 < len(revision) <= 32):
        raise MentorplanError("backup.damaged")
    verified = _verified(payload, unverified_ok)
    return Contents(tables, _created_at(payload.get("created_at")), verified,
                    {k: v for k, v in payload.items() if k != "tables"})


def _verified(payload: dict[str, Any], unverified_ok: bool) -> bool:
    """Whether the MAC matches this installation's key: a wrong one (an altered file, or one made
    with another key) is refused; none at all only when the caller accepts an unverified file."""
    mac = payload.get("mac")
    if mac is None:
        if not unverified_ok:
            raise MentorplanError("backup.unverified")
        return False
    if not isinstance(mac, str) or not hmac.compare_digest(mac.encode("utf-8"),
                                                           _mac(payload, backup_key()).encode("ascii")):
        raise MentorplanError("backup.not_authentic")
    return True


def _created_at(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    try:
        made = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise MentorplanError("backup.damaged") from None
    return made.astimezone().replace(tzinfo=None) if made.tzinfo else made


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def _parsed(text: str) -> Any:
    """The JSON of backup.json, its nesting and its number of lists and objects checked first:
    json would recurse into a small file of nested brackets until Python gives up, and build
    millions of lists out of a large one. The check counts every bracket, those inside strings
    too (fast: a real backup's strings hold few); only a file it finds too deep or too large is
    looked at again without its strings, so that brackets in a name do not count."""
    structure = _brackets(text.encode("utf-8"))
    if _too_large(structure):
        structure = _brackets(_STRING.sub("", text).encode("utf-8"))
        if len(structure) // 2 > MAX_CONTAINERS:
            raise MentorplanError("backup.too_many_rows", rows=MAX_ROWS)
        if _deeper_than(structure, MAX_DEPTH):
            raise MentorplanError("backup.too_deep", depth=MAX_DEPTH)
    try:
        return json.loads(text)
    except RecursionError:  # brackets hidden from the count by brackets in strings: still refused
        raise MentorplanError("backup.too_deep", depth=MAX_DEPTH) from None
    except ValueError:
        raise MentorplanError("backup.damaged") from None


def _brackets(data: bytes) -> bytes:
    """The brackets only, both kinds as one ("[" and "]"): nesting is all that is left. (No byte
    of a multi-byte UTF-8 character is an ASCII bracket.)"""
    return data.translate(None, _NOT_BRACKETS).translate(bytes.maketrans(b"{}", b"[]"))


def _too_large(structure: bytes) -> bool:
    return len(structure) // 2 > MAX_CONTAINERS or _deeper_than(structure, MAX_DEPTH)


def _deeper_than(structure: bytes, depth: int) -> bool:
    """Whether brackets nest deeper than `depth`: each pass takes away the innermost pairs, one
    level; what can still be taken away after `depth` passes was deeper (unbalanced brackets
    that cannot pair are left to the parser to refuse)."""
    for _ in range(depth):
        fewer = structure.replace(b"[]", b"")
        if fewer == structure:
            return False
        structure = fewer
    return b"[]" in structure


def file_name(created_at: dt.datetime, reason: str = "") -> str:
    stamp = created_at.strftime("%Y%m%d-%H%M%S")
    return f"mentorplan-{stamp}{'-' + reason if reason else ''}.zip"


def write_automatic(data: bytes, created_at: dt.datetime, reason: str, folder: Path | None = None) -> Path:
    """Keep an automatic backup on disk, and only the latest KEEP_AUTOMATIC of them."""
    folder = folder or backup_dir()
    path = folder / f"auto-{file_name(created_at, reason)}"
    temporary = path.with_suffix(".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        temporary.replace(path)  # a crash mid-write never leaves a half backup under the real name
    except OSError as error:  # the change it guards is not made without it
        raise MentorplanError("backup.cannot_write", folder=folder, detail=error.strerror or error) from None
    for old in sorted(folder.glob("auto-mentorplan-*.zip"))[:-KEEP_AUTOMATIC]:
        old.unlink(missing_ok=True)
    return path


def rewrite_automatic(path: Path, data: bytes | None) -> None:
    """Replace an automatic backup with `data` (whole or not at all), or remove it (None)."""
    if data is None:
        path.unlink(missing_ok=True)
        return
    temporary = path.with_suffix(".part")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def automatic_backups(folder: Path | None = None) -> list[Path]:
    folder = folder or backup_dir()
    return sorted(folder.glob("auto-mentorplan-*.zip"), reverse=True) if folder.exists() else []
