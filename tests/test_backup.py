"""Nothing lost: a backup holds every table and restores to the same data; a wrong, damaged or
hostile file is refused and the current data stays exactly as it was; an automatic backup is kept
before a restore; every change leaves a line in the change log, and a failed change none."""

import datetime as dt
import io
import json
import zipfile

import pytest
from sqlalchemy import insert, select

from core.calendar.programme import Override, Settings
from core.platform import backup
from core.platform.i18n import MentorplanError
from core.store import Store, schema
from core.store.schema import metadata


@pytest.fixture(autouse=True)
def backup_folder(tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    monkeypatch.setenv(backup.BACKUP_DIR_VARIABLE, str(folder))
    return folder


def fill(store: Store) -> None:
    store.save_settings(Settings("full", "date"))
    store.save_override(Override("autumn-2027", "closing", dt.date(2028, 5, 24), dt.date(2028, 5, 24), "Kristi"))
    with store.transaction() as connection:
        person = connection.execute(insert(schema.people).values(
            email="åsa.öberg@example.se", name="Åsa Öberg", languages=["sv", "ar"])).inserted_primary_key[0]
        connection.execute(insert(schema.participations).values(
            person_id=person, cohort_id="autumn-2026", role="mentee", goals=["ledarskap"], consent=True))


def snapshot(store: Store) -> dict:
    with store.reading() as connection:
        return {t.name: [tuple(r) for r in connection.execute(select(t).order_by(*t.primary_key.columns))]
                for t in metadata.sorted_tables if t.name != "change_log"}


def test_a_backup_restores_to_the_same_data(store, database_url, tmp_path):
    fill(store)
    before = snapshot(store)
    data = store.backup()
    other = Store(f"sqlite:///{tmp_path / 'other.db'}")
    other.save_override(Override("spring-2027", "kickoff", dt.date(2027, 2, 10), dt.date(2027, 2, 10)))
    restored = other.restore(data)
    assert snapshot(other) == before
    assert restored.rows["people"] == 1 and restored.rows["participations"] == 1 and restored.erased_again == 0
    assert other.participants("autumn-2026").iloc[0]["name"] == "Åsa Öberg"


def test_a_restore_keeps_an_automatic_backup_of_what_was_there(store, backup_folder):
    fill(store)
    data = store.backup()
    store.delete_override("autumn-2027", "closing")
    store.restore(data)
    [kept] = backup.automatic_backups()
    assert kept.parent == backup_folder and "before-restore" in kept.name
    assert backup.unpack(kept.read_bytes())["overrides"]["rows"] == []


def _rezip(payload: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(backup.MEMBER, json.dumps(payload))
    return buffer.getvalue()


def _payload(store: Store) -> dict:
    with zipfile.ZipFile(io.BytesIO(store.backup())) as archive:
        return json.loads(archive.read(backup.MEMBER))


def _sign(payload: dict) -> dict:
    """A backup's content given the MAC of this installation's key, as Mentorplan would give it."""
    payload["mac"] = backup._mac(payload, backup.backup_key())
    return payload


def damaged_files(store: Store) -> dict[str, tuple[bytes, str]]:
    good = store.backup()
    payload = _payload(store)
    altered = json.loads(json.dumps(payload))
    altered["tables"]["people"]["rows"][0][2] = "Mallory"
    unknown = json.loads(json.dumps(payload))
    unknown["tables"]["secrets"] = {"columns": ["x"], "rows": []}
    unknown["checksum"] = backup._checksum(unknown["tables"])
    _sign(unknown)  # made with this installation's key: refused for what it holds
    broken_rows = json.loads(json.dumps(payload))
    broken_rows["tables"]["participations"]["rows"][0][1] = 999  # a person who does not exist
    broken_rows["checksum"] = backup._checksum(broken_rows["tables"])
    _sign(broken_rows)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(backup.MEMBER, b"0" * (backup.MAX_BACKUP_BYTES + 1))
    return {
        "empty": (b"", "backup.not_a_backup"),
        "not a zip": (b"MZ\x90\x00 this is an exe", "backup.not_a_backup"),
        "cut short": (good[: len(good) // 2], "backup.not_a_backup"),
        "another zip": (_zip_with("photo.jpg", b"\xff\xd8\xff"), "backup.not_a_backup"),
        "altered": (_rezip(altered), "backup.damaged"),
        "future version": (_rezip({**payload, "version": 99}), "backup.wrong_version"),
        "unknown table": (_rezip(unknown), "backup.unknown_table"),
        "rows that break the rules": (_rezip(broken_rows), "backup.damaged"),
        "zip bomb": (bomb.getvalue(), "backup.too_large"),
    }


def _zip_with(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def test_wrong_damaged_and_hostile_files_are_refused_and_nothing_changes(store):
    fill(store)
    before = snapshot(store)
    for name, (data, key) in damaged_files(store).items():
        with pytest.raises(MentorplanError) as error:
            store.restore(data)
        assert error.value.key == key, name
        assert error.value.shown("sv") and error.value.shown("en")
        assert snapshot(store) == before, name


def test_automatic_backups_are_pruned_to_the_latest(store, backup_folder, monkeypatch):
    monkeypatch.setattr(backup, "KEEP_AUTOMATIC", 3)
    data = store.backup()
    for minute in range(5):
        backup.write_automatic(data, dt.datetime(2026, 11, 28, 10, minute), "import")
    names = [p.name for p in backup.automatic_backups()]
    assert names == [f"auto-mentorplan-20261128-10{m:02d}00-import.zip" for m in (4, 3, 2)]
    assert not list(backup_folder.glob("*.part"))


def test_every_change_is_logged_and_a_failed_one_is_not(store):
    store.save_override(Override("autumn-2027", "closing", dt.date(2028, 5, 24), dt.date(2028, 5, 24)))
    assert store.change_log()[["table_name", "action", "rows"]].values.tolist() == [["overrides", "insert", 1]]
    count = store.change_count()
    with pytest.raises(RuntimeError), store.transaction() as connection:
        connection.execute(insert(schema.people).values(email="x@example.se", name="X"))
        raise RuntimeError("the power goes")
    assert store.change_count() == count
    assert store.participants().empty


def test_every_table_has_a_name_the_coordinator_reads():
    from core.platform.i18n import labels
    assert {f"table.{t.name}" for t in metadata.sorted_tables} <= set(labels())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_backup_page_restores_after_a_confirmation(app, store, lang):
    fill(store)
    good = store.backup()
    store.delete_override("autumn-2027", "closing")
    at = app("views/backup.py", lang=lang)
    assert not at.exception
    assert at.get("download_button")[0].proto.label in ("Ladda ned en säkerhetskopia nu", "Download a backup now")
    at.get("file_uploader")[0].upload("mentorplan.zip", good, "application/zip")
    at.run()
    assert len(at.dataframe) == 2  # what the backup holds, and the change log
    restore = next(b for b in at.button if b.label in ("Återställ", "Restore"))
    assert restore.disabled
    at.checkbox(key="restore_confirm").check().run()
    next(b for b in at.button if b.label in ("Återställ", "Restore")).click().run()
    assert at.success and not at.error
    assert [o.event_id for o in store.overrides()] == ["closing"]


def test_the_backup_page_refuses_a_damaged_file_in_words(app, store):
    fill(store)
    at = app("views/backup.py", lang="sv")
    at.get("file_uploader")[0].upload("mentorplan.zip", b"PK\x03\x04 not really", "application/zip")
    at.run()
    assert [e.value for e in at.error] == [
        "Filen är ingen säkerhetskopia från Mentorplan. Välj en .zip som laddats ned under Säkerhetskopior."]
    assert [o.event_id for o in store.overrides()] == ["closing"]


def test_an_import_keeps_an_automatic_backup_first(store, tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT
    sheet = tmp_path / "adepter.csv"
    sheet.write_text("Namn;E-post;Organisation;Språk;Utvecklingsområden;Samtycke\n"
                     "Åsa Öberg;asa@example.se;Region Norr;svenska;ledarskap;Ja\n", encoding="utf-8-sig")
    result = subprocess.run([sys.executable, "-m", "core", "import", str(sheet), "--role", "mentee", "--cohort",
                             "autumn-2026"], cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    [kept] = backup.automatic_backups()
    assert "import" in kept.name and backup.unpack(kept.read_bytes())["people"]["rows"] == []


def test_an_unwritable_backup_folder_stops_the_change_with_words(store, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(backup.BACKUP_DIR_VARIABLE, str(blocker / "backups"))
    with pytest.raises(MentorplanError) as error:
        store.automatic_backup("import")
    assert error.value.key == "backup.cannot_write" and "MENTORPLAN_BACKUP_DIR" in error.value.shown("en")


def test_a_person_deleted_everywhere_stays_deleted_after_an_older_backup_is_restored(store):
    fill(store)
    older = store.backup()
    person = int(store.participants().iloc[0]["person_id"])
    store.delete_person(person)
    restored = store.restore(older)
    assert restored.erased_again == 1
    assert store.participants().empty
    with store.reading() as connection:
        remembered = connection.execute(select(schema.erased_people.c.email_digest)).scalars().all()
        assert len(remembered) == 1 and "åsa" not in remembered[0]
    assert restored.rows["people"] == 1  # the backup held her; the restore left her out again


def test_the_backup_page_offers_one_chosen_automatic_backup_latest_first(app, store, backup_folder):
    fill(store)
    for minute in range(3):
        backup.write_automatic(store.backup(), dt.datetime(2026, 11, 28, 10, minute), "import")
    [newest, *older] = backup.automatic_backups()
    at = app("views/backup.py", lang="sv")
    assert not at.exception
    choice = at.selectbox(key="backup_automatic")
    assert choice.options == [f"{p.name} · {p.stat().st_size // 1024} kB" for p in [newest, *older]]
    assert choice.value == newest.name
    assert len(at.get("download_button")) == 2  # the backup made now, and the chosen one: not one per file
    choice.set_value(older[-1].name).run()
    assert not at.exception and at.selectbox(key="backup_automatic").value == older[-1].name
    assert len(at.get("download_button")) == 2
