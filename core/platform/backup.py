"""Backups: the whole store — register, cohorts, matching runs, overrides, messages, follow-up,
change log — in one file, and back.

A backup is a .zip holding one `backup.json`: every table of core/store/schema.py with its
columns and rows, and a SHA-256 checksum over them. A restore checks the file first (a zip of the
right shape and size, the format, the checksum, known tables and columns) and then replaces all
data in one transaction, so a wrong or damaged file is refused and the current data stays as it
was. An automatic backup is written before each import, matching acceptance and restore.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import zipfile
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


def backup_dir() -> Path:
    """Where automatic backups go: MENTORPLAN_BACKUP_DIR, else data/backups/."""
    return Path(os.environ.get(BACKUP_DIR_VARIABLE, "").strip() or DATA_DIR / "backups")


def _checksum(tables: dict[str, Any]) -> str:
    canonical = json.dumps(tables, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def pack(tables: dict[str, dict[str, list]], created_at: dt.datetime) -> bytes:
    """Tables as {name: {"columns": [...], "rows": [[...], ...]}} into backup file bytes."""
    plain = {name: {"columns": t["columns"], "rows": [[_plain(v) for v in row] for row in t["rows"]]}
             for name, t in tables.items()}
    payload = {"format": FORMAT, "version": VERSION, "created_at": created_at.isoformat(),
               "checksum": _checksum(plain), "tables": plain}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MEMBER, json.dumps(payload, ensure_ascii=False))
    return buffer.getvalue()


def unpack(data: bytes) -> dict[str, dict[str, list]]:
    """Check a backup file and return its tables as {name: {"columns": [...], "rows": [...]}},
    values as JSON has them (the store types them for its schema); a MentorplanError says what is
    wrong with a file that is not a whole, intact backup."""
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
            payload = json.loads(member.read(MAX_BACKUP_BYTES + 1).decode("utf-8"))
    except (zipfile.BadZipFile, OSError, ValueError, UnicodeDecodeError, EOFError):
        raise MentorplanError("backup.damaged") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise MentorplanError("backup.not_a_backup")
    if payload.get("version") != VERSION:
        raise MentorplanError("backup.wrong_version", version=payload.get("version"), expected=VERSION)
    tables = payload.get("tables")
    if not isinstance(tables, dict) or payload.get("checksum") != _checksum(tables):
        raise MentorplanError("backup.damaged")
    if not all(isinstance(name, str) and isinstance(table, dict) and isinstance(table.get("columns"), list)
               and isinstance(table.get("rows"), list) for name, table in tables.items()):
        raise MentorplanError("backup.damaged")
    return tables


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


def automatic_backups(folder: Path | None = None) -> list[Path]:
    folder = folder or backup_dir()
    return sorted(folder.glob("auto-mentorplan-*.zip"), reverse=True) if folder.exists() else []
