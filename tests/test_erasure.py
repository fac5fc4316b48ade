"""Deleting a person everywhere holds both ways: every address they ever had is remembered (as a
digest), so no older backup brings them back; someone who signs up again afterwards is a new
person, kept by a backup made after that and deleted again as often as asked. The automatic
backups on disk are rewritten without them. Backups are signed with a key kept outside them (a
crafted one is refused), read with limits (a nest of brackets is a message), and a backup made
before they were signed restores only when the caller accepts that it cannot be verified."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import stat
import zipfile

import pytest
from participant_files import mentee, mentor, signup_workbook
from sqlalchemy import insert, select, text

from core.people import register
from core.people.reading import read_upload
from core.platform import backup
from core.platform.i18n import MentorplanError
from core.store import Store, migrations, schema
from core.store.people import email_digest
from core.store.schema import metadata

ADDRESS = "adept1@kommun.example"


def sign_up(store: Store, *mentees, mentors=(), cohort="autumn-2026") -> None:
    sheets = register.mapped_sheets(store, read_upload(signup_workbook(list(mentors), list(mentees)),
                                                       "anmalan.xlsx").sheets)
    report = register.check(store, sheets, cohort)
    assert not report.invalid
    register.commit(store, report.valid)


def person_id(store: Store, email: str) -> int | None:
    found = store.known([email]).get(email)
    return found["id"] if found else None


def erased(store: Store) -> dict[str, dt.datetime]:
    with store.reading() as connection:
        return store.erased_digests(connection)


def snapshot(store: Store) -> dict:
    with store.reading() as connection:
        return {t.name: [tuple(r) for r in connection.execute(select(t).order_by(*t.primary_key.columns))]
                for t in metadata.sorted_tables if t.name != "change_log"}


def payload_of(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return json.loads(archive.read(backup.MEMBER))


def zipped(content: bytes | str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(backup.MEMBER, content)
    return buffer.getvalue()


# -- Erasure that holds both ways ---------------------------------------------------------------

def test_a_person_whose_address_was_changed_stays_out_of_an_older_backup(any_store):
    store = any_store
    sign_up(store, mentee(1))
    older = store.backup()  # holds them under their first address
    pid = person_id(store, ADDRESS)
    assert register.edit_person(store, pid, {"email": "ny.adress@kommun.example"}) == []
    with store.reading() as connection:
        [past] = connection.execute(select(schema.past_addresses)).mappings().all()
    assert past["person_id"] == pid and past["email_digest"] == email_digest(ADDRESS)
    register.delete_person(store, pid, "ny.adress@kommun.example")
    remembered = erased(store)
    assert set(remembered) == {email_digest(ADDRESS), email_digest("ny.adress@kommun.example")}
    assert not any("kommun" in digest for digest in remembered)  # digests, never the address
    with store.reading() as connection:  # their past addresses went with them
        assert connection.execute(select(schema.past_addresses)).all() == []

    restored = store.restore(older)
    assert restored.erased_again == 1 and restored.rows["people"] == 1
    assert store.participants().empty and person_id(store, ADDRESS) is None


def test_a_backup_made_after_an_address_change_holds_the_old_one_too(store):
    sign_up(store, mentee(1))
    pid = person_id(store, ADDRESS)
    register.edit_person(store, pid, {"email": "andra@kommun.example"})
    register.edit_person(store, pid, {"email": "tredje@kommun.example"})
    between = store.backup()
    assert len(backup.unpack(between)["past_addresses"]["rows"]) == 2
    register.delete_person(store, pid, "tredje@kommun.example")
    assert len(erased(store)) == 3
    assert store.restore(between).erased_again == 1
    assert store.participants().empty


def test_someone_who_signs_up_again_after_being_erased_is_a_new_person(any_store):
    store = any_store  # SQLite, and PostgreSQL where a server can be started
    sign_up(store, mentee(1))
    before_erasure = store.backup()
    first = person_id(store, ADDRESS)
    register.delete_person(store, first, ADDRESS)
    first_erasure = erased(store)[email_digest(ADDRESS)]

    sign_up(store, mentee(1, Ort="Kramfors"))  # the same address, a new sign-up
    again = person_id(store, ADDRESS)
    assert again is not None
    after_sign_up = store.backup()

    restored = store.restore(after_sign_up)  # made after the new sign-up: keeps it
    assert restored.erased_again == 0
    assert store.participants()["town"].tolist() == ["Kramfors"]

    restored = store.restore(before_erasure)  # made before the erasure: the first sign-up stays out
    assert restored.erased_again == 1 and store.participants().empty

    store.restore(after_sign_up)
    register.delete_person(store, person_id(store, ADDRESS), ADDRESS)  # erased a second time
    assert store.participants().empty
    assert erased(store)[email_digest(ADDRESS)] > first_erasure  # the later time kept, one row

    restored = store.restore(after_sign_up)  # made before the second erasure: out again
    assert restored.erased_again == 1 and store.participants().empty


def test_an_erased_mentees_partner_is_applied_again_after_a_restore_too(store):
    sign_up(store, mentee(1), mentors=[mentor(1)])
    mentor_id, mentee_id = person_id(store, "mentor1@region.example"), person_id(store, ADDRESS)
    with store.transaction() as connection:
        run = connection.execute(insert(schema.match_runs).values(
            cohort_id="autumn-2026", created_at=dt.datetime(2026, 11, 1), objective="total", settings={},
            pair_count=1, unmatched_count=0, total_score=1.0, accepted=True)).inserted_primary_key[0]
        connection.execute(insert(schema.match_pairs).values(run_id=run, mentor_person_id=mentor_id,
                                                             mentee_person_id=mentee_id, score=1.0))
        connection.execute(schema.participations.update().values(status="matched"))
    older = store.backup()
    register.delete_person(store, mentee_id, ADDRESS)
    store.restore(older)
    assert store.participants()[["email", "status"]].values.tolist() == [["mentor1@region.example", "applied"]]


# -- Automatic backups on disk --------------------------------------------------------------------

def test_automatic_backups_are_rewritten_without_the_erased_person(store, database_url):
    sign_up(store, mentee(1), mentee(2))
    kept = store.automatic_backup("import")
    old_format = kept.with_name("auto-mentorplan-20261101-090000-import.zip")  # made before backups were signed
    unsigned = payload_of(kept.read_bytes())
    del unsigned["mac"]
    old_format.write_bytes(zipped(json.dumps(unsigned)))
    unreadable = kept.with_name("auto-mentorplan-20261102-090000-import.zip")
    unreadable.write_bytes(b"PK\x03\x04 not a backup")
    before = payload_of(kept.read_bytes())

    register.delete_person(store, person_id(store, ADDRESS), ADDRESS)

    after = backup.read(kept.read_bytes())  # still signed, same time, same name
    assert after.verified and after.meta["created_at"] == before["created_at"]
    emails = [row[1] for row in after.tables["people"]["rows"]]
    assert emails == ["adept2@kommun.example"]
    assert all(row[1] != before["tables"]["people"]["rows"][0][0] for row in after.tables["participations"]["rows"])
    with pytest.raises(MentorplanError) as refused:  # rewritten, still without a signature
        backup.read(old_format.read_bytes())
    assert refused.value.key == "backup.unverified"
    assert [row[1] for row in backup.unpack(old_format.read_bytes(), unverified_ok=True)["people"]["rows"]] == [
        "adept2@kommun.example"]
    assert not unreadable.exists()  # could not be read, so it could hold them: removed
    assert not list(kept.parent.glob("*.part"))


def test_an_automatic_backup_keeps_who_signed_up_again_and_one_without_them_is_untouched(store):
    sign_up(store, mentee(1))
    register.delete_person(store, person_id(store, ADDRESS), ADDRESS)
    sign_up(store, mentee(3))
    untouched = store.automatic_backup("import")  # holds adept3 only
    sign_up(store, mentee(1), mentee(2))  # adept1 signs up again
    later = store.automatic_backup("accept")
    data = untouched.read_bytes()
    register.delete_person(store, person_id(store, "adept2@kommun.example"), "adept2@kommun.example")
    assert untouched.read_bytes() == data
    assert sorted(row[1] for row in backup.unpack(later.read_bytes())["people"]["rows"]) == [
        ADDRESS, "adept3@kommun.example"]


# -- Signed backups ----------------------------------------------------------------------------

def crafted(store: Store, mac: str | None) -> bytes:
    """A backup altered by hand: valid shape, its plain checksum recomputed, a wrong or no MAC."""
    payload = payload_of(store.backup())
    payload["tables"]["people"]["rows"][0][2] = "Mallory"
    payload["checksum"] = backup._checksum(payload["tables"])
    if mac is None:
        del payload["mac"]
    else:
        payload["mac"] = mac
    return zipped(json.dumps(payload))


@pytest.mark.parametrize("mac,key", [("0" * 64, "backup.not_authentic"), ("kept", "backup.not_authentic"),
                                     (None, "backup.unverified")])
def test_a_crafted_backup_is_refused_in_words_and_nothing_changes(store, mac, key):
    sign_up(store, mentee(1))
    original_mac = payload_of(store.backup())["mac"]
    data = crafted(store, original_mac if mac == "kept" else mac)
    before = snapshot(store)
    for attempt in (store.restore, store.restore_preview, backup.read):
        with pytest.raises(MentorplanError) as refused:
            attempt(data)
        assert refused.value.key == key
        assert refused.value.shown("sv") and refused.value.shown("en")
    assert snapshot(store) == before


def test_a_backup_made_with_another_key_is_refused(store, tmp_path, monkeypatch):
    sign_up(store, mentee(1))
    monkeypatch.setenv(backup.KEY_FILE_VARIABLE, str(tmp_path / "another.key"))
    foreign = store.backup()
    monkeypatch.setenv(backup.KEY_FILE_VARIABLE, str(tmp_path / "backup.key"))
    with pytest.raises(MentorplanError) as refused:
        store.restore(foreign)
    assert refused.value.key == "backup.not_authentic"
    assert "another key" in refused.value.shown("en")


def test_the_secrets_key_signs_instead_of_the_key_file(store, monkeypatch):
    sign_up(store, mentee(1))
    by_file = store.backup()
    monkeypatch.setattr(backup, "_key_source", lambda: "a long secret from .streamlit/secrets.toml")
    by_secret = store.backup()
    assert backup.read(by_secret).verified
    with pytest.raises(MentorplanError):
        backup.read(by_file)


def test_the_key_file_is_made_once_and_readable_by_its_owner_only(tmp_path, monkeypatch):
    path = tmp_path / "data" / "backup.key"
    monkeypatch.setenv(backup.KEY_FILE_VARIABLE, str(path))
    key = backup.backup_key()
    assert len(key) == 32 and backup.backup_key() == key
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        path.chmod(0o644)
        assert backup.backup_key() == key and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert list(path.parent.iterdir()) == [path]
    path.write_text("not a key")
    with pytest.raises(MentorplanError) as unreadable:
        backup.backup_key()
    assert unreadable.value.key == "backup.key_unreadable"


def baseline_only(table: dict, columns: set[str]) -> dict:
    """A backup's table with only the columns the baseline (the release of 2026-12-01) had."""
    keep = [i for i, column in enumerate(table["columns"]) if column in columns]
    return {"columns": [table["columns"][i] for i in keep], "rows": [[row[i] for i in keep] for row in table["rows"]]}


def test_a_backup_made_before_backups_were_signed_restores_once_accepted(store):
    sign_up(store, mentee(1))
    payload = payload_of(store.backup())
    # As the release of 2026-12-01 wrote it: no signature, no revision, the baseline's tables.
    del payload["mac"], payload["revision"]
    baseline = migrations.tables_at(migrations.BASELINE)
    payload["tables"] = {name: baseline_only(table, baseline[name])
                         for name, table in payload["tables"].items() if name in baseline}
    payload["checksum"] = backup._checksum(payload["tables"])
    old = zipped(json.dumps(payload))
    register.delete_person(store, person_id(store, ADDRESS), ADDRESS)
    sign_up(store, mentee(2))
    with pytest.raises(MentorplanError) as refused:
        store.restore(old)
    assert refused.value.key == "backup.unverified" and "confirm" in refused.value.shown("en")
    assert store.participants()["email"].tolist() == ["adept2@kommun.example"]
    preview = store.restore_preview(old, unverified_ok=True)
    assert not preview.verified and preview.erased_again == 1
    assert preview.backup["people"] == 1 and preview.now["people"] == 1
    restored = store.restore(old, unverified_ok=True)
    assert restored.erased_again == 1 and store.participants().empty


# -- Reading with limits ---------------------------------------------------------------------

@pytest.mark.parametrize("content", [
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 100_000 + "1" + "}" * 100_000,
    json.dumps({"format": backup.FORMAT, "version": backup.VERSION, "tables": {}})[:-1]
    + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
])
def test_a_nest_of_brackets_is_refused_in_words(store, content):
    before = snapshot(store)
    data = zipped(content)
    assert len(data) < 2_000
    with pytest.raises(MentorplanError) as refused:
        store.restore(data)
    assert refused.value.key == "backup.too_deep"
    assert "64" in refused.value.shown("sv") and "64" in refused.value.shown("en")
    assert snapshot(store) == before


def test_brackets_inside_strings_are_text_not_nesting(store):
    sign_up(store, mentee(1, Namn="[{" * 40 + "}]" * 40), mentee(2, Namn="[[[[{{{{" * 20 + '\\"]]]'))
    contents = backup.read(store.backup())
    assert contents.verified and contents.tables["people"]["rows"][0][2] == "[{" * 40 + "}]" * 40


def test_too_many_rows_are_refused(store, monkeypatch):
    sign_up(store, mentee(1), mentee(2), mentee(3))
    data = store.backup()
    monkeypatch.setattr(backup, "MAX_ROWS", 4)
    with pytest.raises(MentorplanError) as refused:
        backup.read(data)
    assert refused.value.key == "backup.too_many_rows"


@pytest.mark.parametrize("content", ["", "null", "[]", '{"format": 1}', "\xff", '{"a": 1e999999}', "1" * 5000,
                                     '{"format": "mentorplan-backup", "version": 1, "tables": []}'])
def test_every_malformed_backup_is_a_message(content):
    with pytest.raises(MentorplanError):
        backup.read(zipped(content))


# -- The schema change ----------------------------------------------------------------------------

def test_a_database_at_the_baseline_revision_is_upgraded_and_keeps_its_rows(tmp_path, backup_folder_path):
    url = f"sqlite:///{tmp_path / 'baseline.db'}"
    from core.store import make_engine
    engine = make_engine(url)
    with migrations.migrating(engine) as connection:
        migrations.upgrade(connection, migrations.BASELINE)
        then = {table.name: table for table in migrations.reflected(connection, migrations.BASELINE)}
        assert "past_addresses" not in then
        connection.execute(insert(then["people"]).values(
            id=1, email=ADDRESS, name="Adept Nummer1", phone="", organisation="", department="", title="",
            town="", languages=[], gender="", created_at=dt.datetime(2026, 9, 1), updated_at=dt.datetime(2026, 9, 1)))
        connection.execute(insert(then["erased_people"]).values(
            email_digest=email_digest("gone@kommun.example"), erased_at=dt.datetime(2026, 10, 1, 12, 0)))
    engine.dispose()

    store = Store(url)
    try:
        with store.reading() as connection:
            assert migrations.revision_of(connection) == migrations.head()
            assert connection.execute(text("SELECT email FROM people")).scalars().all() == [ADDRESS]
            assert connection.execute(select(schema.past_addresses)).all() == []
        assert erased(store) == {email_digest("gone@kommun.example"): dt.datetime(2026, 10, 1, 12, 0)}
        register.edit_person(store, 1, {"email": "ny@kommun.example"})
        register.delete_person(store, 1, "ny@kommun.example")
        assert len(erased(store)) == 3
    finally:
        store.close()


@pytest.fixture
def backup_folder_path(tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    monkeypatch.setenv(backup.BACKUP_DIR_VARIABLE, str(folder))
    return folder


# -- The pages ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_backup_page_restores_an_unsigned_backup_only_after_a_second_tick(app, store, lang):
    sign_up(store, mentee(1))
    payload = payload_of(store.backup())
    del payload["mac"]
    unsigned = zipped(json.dumps(payload))
    sign_up(store, mentee(2))
    at = app("views/backup.py", lang=lang)
    at.get("file_uploader")[0].upload("gammal.zip", unsigned, "application/zip")
    at.run()
    assert not at.exception and not at.error
    assert [w.value for w in at.warning] == [backup_words("unverified_warning", lang)]
    at.checkbox(key="restore_confirm").check().run()
    restore = next(b for b in at.button if b.label in ("Återställ", "Restore"))
    assert restore.disabled  # not until it is said to be our own
    at.checkbox(key="restore_unverified").check().run()
    next(b for b in at.button if b.label in ("Återställ", "Restore")).click().run()
    assert at.success and not at.error
    assert store.participants()["email"].tolist() == [ADDRESS]


def test_the_backup_page_refuses_a_crafted_backup_in_words(app, store):
    sign_up(store, mentee(1))
    at = app("views/backup.py", lang="en")
    at.get("file_uploader")[0].upload("kopia.zip", crafted(store, "0" * 64), "application/zip")
    at.run()
    assert [e.value for e in at.error] == [MentorplanError("backup.not_authentic").shown("en")]
    assert not [b for b in at.button if b.label == "Restore"]


def test_the_delete_dialog_says_where_the_automatic_backups_are_rewritten(app, store, backup_folder_path):
    sign_up(store, mentee(1))
    pid = person_id(store, ADDRESS)
    at = app("views/register.py", lang="en", today=dt.date(2026, 12, 1))
    at.selectbox(key="register_person").set_value(pid).run()
    [warning] = [w.value for w in at.warning if "Delete Adept Nummer1 everywhere" in w.value]
    assert f"the automatic backups in {backup_folder_path} are rewritten without them" in warning
    assert "copies downloaded and kept elsewhere still hold them" in warning


def backup_words(key: str, lang: str) -> str:
    from core.platform.i18n import t
    return t(f"backup.{key}", lang)


def test_an_unsigned_backup_cannot_vouch_for_its_time(store):
    """A backup without a MAC could say it was made at any time: everyone ever deleted everywhere
    stays out of it, even if it claims to be younger than the deletion."""
    sign_up(store, mentee(1))
    register.delete_person(store, person_id(store, ADDRESS), ADDRESS)
    sign_up(store, mentee(1))
    payload = payload_of(store.backup())
    del payload["mac"]
    payload["created_at"] = "2099-01-01T00:00:00"
    forged = zipped(json.dumps(payload))
    assert store.restore_preview(forged, unverified_ok=True).erased_again == 1
    assert store.restore(forged, unverified_ok=True).erased_again == 1
    assert store.participants().empty


def test_a_mac_that_is_not_ascii_is_refused_in_words(store):
    sign_up(store, mentee(1))
    with pytest.raises(MentorplanError) as refused:
        store.restore(crafted(store, "é" * 64))
    assert refused.value.key == "backup.not_authentic"
