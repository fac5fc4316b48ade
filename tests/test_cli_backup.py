"""`python -m core backup | restore | erase` as processes: exit code 0 when done; 2 with one line on
stderr (no traceback) for a refused file, an unknown address or a change no one confirmed; a
restore or an erasure shows what it would change and asks on a terminal, --yes for a script."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from participant_files import mentee, mentor, signup_workbook

from core.people import register
from core.people.reading import read_upload
from core.platform import backup
from core.store import Store
from tests.conftest import ROOT

RELEASE_BACKUP = ROOT / "tests" / "data" / "release-2026-12-01-backup.zip"
ADDRESS = "adept1@kommun.example"


def run(*args: str, answer: str | None = None) -> subprocess.CompletedProcess:
    """The command, with no terminal (stdin empty), or on a terminal that types `answer`."""
    if answer is None:
        return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=120)
    main, terminal = pty.openpty()
    try:
        os.write(main, answer.encode() + b"\n")
        return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True,
                              stdin=terminal, timeout=120)
    finally:
        os.close(main)
        os.close(terminal)


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    [line] = result.stderr.splitlines()
    return line


def sign_up(store: Store, *mentees, mentors=()) -> None:
    sheets = register.mapped_sheets(store, read_upload(signup_workbook(list(mentors), list(mentees)),
                                                       "anmalan.xlsx").sheets)
    register.commit(store, register.check(store, sheets, "autumn-2026").valid)


def emails(store: Store) -> list[str]:
    return sorted(store.participants()["email"])


def test_backup_writes_a_signed_backup(store, tmp_path):
    sign_up(store, mentee(1))
    out = tmp_path / "kopia.zip"
    result = run("backup", "--out", str(out))
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith(f"Säkerhetskopian är sparad i {out}:")
    contents = backup.read(out.read_bytes())
    assert contents.verified and [row[1] for row in contents.tables["people"]["rows"]] == [ADDRESS]
    line = one_line_error(run("backup", "--out", str(tmp_path / "no-such-folder" / "x.zip"), "--lang", "en"))
    assert line.startswith("mentorplan: error: Cannot write")
    assert one_line_error(run("backup")).endswith("de här argumenten behövs: --out. Se --help.")


def test_restore_with_yes_restores_and_says_what_it_did(store, tmp_path):
    sign_up(store, mentee(1))
    out = tmp_path / "kopia.zip"
    out.write_bytes(store.backup())
    sign_up(store, mentee(2))
    result = run("restore", str(out), "--yes", "--lang", "en")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert "  People: 2 → 1" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1].startswith("Restored: ")
    assert emails(store) == [ADDRESS]
    assert [p for p in backup.automatic_backups() if "before-restore" in p.name]


def test_restore_without_a_terminal_or_yes_shows_what_would_change_and_refuses(store, tmp_path):
    sign_up(store, mentee(1))
    out = tmp_path / "kopia.zip"
    out.write_bytes(store.backup())
    sign_up(store, mentee(2))
    result = run("restore", str(out))
    line = one_line_error(result)
    assert line == "mentorplan: fel: Ingen terminal att fråga i: lägg till --yes för att bekräfta. Inget har ändrats."
    assert "  Personer: 2 → 1" in result.stdout.splitlines()
    assert emails(store) == [ADDRESS, "adept2@kommun.example"]


def test_restore_asks_on_a_terminal(store, tmp_path):
    sign_up(store, mentee(1))
    out = tmp_path / "kopia.zip"
    out.write_bytes(store.backup())
    sign_up(store, mentee(2))
    declined = run("restore", str(out), answer="n")
    assert declined.returncode == 1
    assert declined.stdout.splitlines()[-1].endswith("Inget återställt; inget har ändrats.")
    assert emails(store) == [ADDRESS, "adept2@kommun.example"]
    accepted = run("restore", str(out), answer="j")
    assert accepted.returncode == 0, accepted.stderr
    assert emails(store) == [ADDRESS]


def test_restore_tells_who_is_left_out_again(store, tmp_path):
    sign_up(store, mentee(1), mentee(2))
    out = tmp_path / "kopia.zip"
    out.write_bytes(store.backup())
    register.delete_person(store, store.known([ADDRESS])[ADDRESS]["id"], ADDRESS)
    result = run("restore", str(out), "--yes", "--lang", "en")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert "1 people in the backup were deleted everywhere after it was made and are left out again." in lines
    assert lines[-1] == "1 people deleted everywhere after the backup was made were deleted again."
    assert emails(store) == ["adept2@kommun.example"]


def _crafted(data: bytes, mac: bool) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        payload = json.loads(archive.read(backup.MEMBER))
    payload["tables"]["people"]["rows"][0][2] = "Mallory"
    payload["checksum"] = backup._checksum(payload["tables"])
    if not mac:
        del payload["mac"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(backup.MEMBER, json.dumps(payload))
    return buffer.getvalue()


@pytest.mark.parametrize("lang,words", [("sv", "signatur stämmer inte"), ("en", "signature does not match")])
def test_a_crafted_or_broken_backup_is_refused_in_one_line(store, tmp_path, lang, words):
    sign_up(store, mentee(1))
    crafted = tmp_path / "crafted.zip"
    crafted.write_bytes(_crafted(store.backup(), mac=True))
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(backup.MEMBER, "[" * 100_000 + "]" * 100_000)
    before = emails(store), store.participants()["name"].tolist()
    assert words in one_line_error(run("restore", str(crafted), "--yes", "--lang", lang))
    assert "64" in one_line_error(run("restore", str(bomb), "--yes", "--lang", lang))
    for other in (tmp_path / "missing.zip", ROOT / "README.md"):
        one_line_error(run("restore", str(other), "--yes", "--lang", lang))
    assert (emails(store), store.participants()["name"].tolist()) == before


def test_a_backup_without_a_signature_restores_only_with_yes(store, tmp_path):
    sign_up(store, mentee(1))
    unsigned = tmp_path / "unsigned.zip"
    unsigned.write_bytes(_crafted(store.backup(), mac=False))
    result = run("restore", str(unsigned), "--lang", "en")
    assert "has no signature and cannot be verified" in result.stdout
    assert "add --yes" in one_line_error(result)
    assert store.participants()["name"].tolist() == ["Adept Nummer1"]
    result = run("restore", str(unsigned), "--yes", "--lang", "en")
    assert result.returncode == 0 and "has no signature" in result.stdout
    assert store.participants()["name"].tolist() == ["Mallory"]


@pytest.mark.skipif(not RELEASE_BACKUP.exists(), reason="the release's backup is not in tests/data")
def test_the_releases_backup_restores_with_yes(store):
    assert "add --yes" in one_line_error(run("restore", str(RELEASE_BACKUP), "--lang", "en"))
    result = run("restore", str(RELEASE_BACKUP), "--yes")
    assert result.returncode == 0, result.stderr
    assert store.people_count() > 0


def test_erase_shows_what_goes_and_deletes_everywhere(store):
    sign_up(store, mentee(1), mentee(2), mentors=[mentor(1)])
    kept = store.automatic_backup("import")
    result = run("erase", "--email", " Adept1@Kommun.example ")
    assert "Ingen terminal" in one_line_error(result)
    assert result.stdout.splitlines()[0] == (
        f"Raderas överallt: Adept Nummer1 <{ADDRESS}>: deltaganden 1, par 0, meddelanden 0, "
        "bokade trepartssamtal 0 (2 rader i allt).")
    assert ADDRESS in emails(store)

    declined = run("erase", "--email", ADDRESS, "--lang", "en", answer="n")
    assert declined.returncode == 1 and ADDRESS in emails(store)

    result = run("erase", "--email", ADDRESS, "--yes", "--lang", "en")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[-1] == ("Deleted everywhere: Adept Nummer1: participations 1, pairs 0, messages 0, "
                         "three-party bookings 0 (2 rows in all).")
    assert any("automatic backups in" in line and "rewritten without the person" in line for line in lines)
    assert ADDRESS not in emails(store)
    assert ADDRESS not in [row[1] for row in backup.unpack(kept.read_bytes())["people"]["rows"]]


def test_erase_of_an_unknown_address_is_one_line(store):
    sign_up(store, mentee(1))
    line = one_line_error(run("erase", "--email", "nobody@example.se", "--yes", "--lang", "en"))
    assert line == ("mentorplan: error: No one in the register has the e-mail address nobody@example.se. "
                    "Nothing was changed.")
    assert one_line_error(run("erase")).endswith("de här argumenten behövs: --email. Se --help.")


def test_erase_then_sign_up_again_then_erase_again(store, tmp_path):
    sign_up(store, mentee(1))
    assert run("erase", "--email", ADDRESS, "--yes").returncode == 0
    sign_up(store, mentee(1))
    out = tmp_path / "after.zip"
    assert run("backup", "--out", str(out)).returncode == 0
    assert run("restore", str(out), "--yes").returncode == 0
    assert emails(store) == [ADDRESS]  # signed up after the erasure: kept
    assert run("erase", "--email", ADDRESS, "--yes").returncode == 0
    assert emails(store) == []
    result = run("restore", str(out), "--yes")
    assert result.returncode == 0 and emails(store) == []  # the backup is older than the second erasure


def test_the_commands_are_documented(store):
    readme = Path(ROOT / "README.md").read_text(encoding="utf-8")
    for usage in ("python -m core backup --out FILE.zip", "python -m core restore FILE.zip [--yes]",
                  "python -m core erase --email ADDRESS [--yes]"):
        assert usage in readme
