"""The schema over time (core/store/migrations): a fresh database is made by the revisions and
agrees with core/store/schema.py; the baseline is exactly what the release of 2026-12-01 made; a
database made by that release opens upgraded with every row, after a backup, on SQLite and
PostgreSQL; a database or a backup from a newer Mentorplan is refused in words; backups record
their revision, and an older one is brought up to date as it is restored."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import uuid
import zipfile
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Date, DateTime, Engine, create_engine, func, insert, select, text
from sqlalchemy.engine import make_url

from core import services
from core.calendar.programme import Cohort, Override
from core.messages.templates import EventDetails
from core.platform import backup
from core.platform.i18n import MentorplanError
from core.store import Store, make_engine, migrations
from core.store.schema import metadata
from tests.conftest import ROOT
from tests.release import release_database

DATA = Path(__file__).resolve().parent / "data"
RELEASE_DATABASE = release_database()  # built from tests/data/release-2026-12-01.sql
RELEASE_BACKUP = DATA / "release-2026-12-01-backup.zip"
# The rows the release's database and its backup hold (tests/data/README.md says how they were made).
RELEASE_ROWS = {
    "attendance": 90, "change_log": 270, "column_mappings": 1, "erased_people": 1, "event_details": 1,
    "login_failures": 1, "match_constraints": 2, "match_pairs": 25, "match_runs": 1, "match_settings": 1,
    "match_unmatched": 3, "message_log": 48, "message_templates": 1, "overrides": 1, "pair_meetings": 62,
    "participations": 91, "people": 88, "settings": 2, "three_party_bookings": 1, "three_party_slots": 2,
}


def revision_in(url: str) -> str | None:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return migrations.revision_of(connection)
    finally:
        engine.dispose()


def row_counts(store: Store, names=RELEASE_ROWS) -> dict[str, int]:
    with store.reading() as connection:
        return {name: connection.execute(select(func.count()).select_from(metadata.tables[name])).scalar_one()
                for name in names}


def the_app_reads_it(store: Store) -> None:
    """The pages' own queries, on the release's example programme."""
    assert len(store.participants()) == RELEASE_ROWS["participations"]
    assert len(store.participants("autumn-2026", "mentee")) > 0
    pairs = store.accepted_pairs("autumn-2026")
    assert len(pairs) == RELEASE_ROWS["match_pairs"] and pairs["mentor_name"].notna().all()
    assert len(store.pair_meetings("autumn-2026")) == RELEASE_ROWS["pair_meetings"]
    assert [c.kind for c in store.match_constraints("spring-2027")] == ["pin", "forbid"]
    assert len(store.three_party_bookings("autumn-2026")) == 1
    # and a change, with new ids after the release's (PostgreSQL's counters continue)
    store.save_override(Override("autumn-2027", "closing", dt.date(2028, 5, 24), dt.date(2028, 5, 24), "Flyttad"))
    assert any(o.cohort_id == "autumn-2027" for o in store.overrides())


@pytest.fixture
def postgres_database(postgres_server):
    """An empty database of its own on the test server (the shared one is at head), dropped after."""
    name = f"mentorplan_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.dispose()


# -- A fresh database ------------------------------------------------------------------------------

def test_a_fresh_database_is_made_at_head_and_agrees_with_the_schema(any_store):
    with any_store.reading() as connection:
        assert migrations.revision_of(connection) == migrations.head()
        differences = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}),
                                       metadata)
    assert differences == []


def test_the_head_is_the_last_revision_and_every_revision_follows_the_one_before():
    assert migrations.revisions()[0] == migrations.BASELINE
    assert migrations.revisions()[-1] == migrations.head()
    for before, after in zip(migrations.revisions(), migrations.revisions()[1:], strict=False):
        assert migrations.scripts().get_revision(after).down_revision == before


def test_the_baseline_is_exactly_what_the_release_made(tmp_path):
    """The baseline revision writes the release's tables out by hand: the SQL SQLite keeps for each
    table and index is the same as in the database the release made with metadata.create_all."""
    engine = create_engine(f"sqlite:///{tmp_path / 'baseline.db'}")
    with engine.begin() as connection:
        migrations.upgrade(connection, migrations.BASELINE)
    engine.dispose()

    def definitions(path: Path) -> dict[str, str]:
        with sqlite3.connect(path) as connection:
            return {name: re.sub(r"\s+", " ", sql) for name, sql in connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name != 'alembic_version'")}

    release = definitions(RELEASE_DATABASE)
    assert len(release) == 30 and definitions(tmp_path / "baseline.db") == release


def test_two_processes_opening_a_new_database_at_once_both_find_it_made(tmp_path, monkeypatch):
    # Correctness, not speed: on a loaded machine the others may wait longer than the default 5 s.
    monkeypatch.setenv("MENTORPLAN_BUSY_TIMEOUT", "60")
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    opened, failed = [], []

    def open_it() -> None:
        try:
            opened.append(Store(url))
        except Exception as error:  # noqa: BLE001 - the test reports it
            failed.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failed and len(opened) == 4
    assert revision_in(url) == migrations.head()
    for store in opened:
        store.close()


# -- A database made by the release of 2026-12-01 ----------------------------------------------------

def test_a_database_made_by_the_release_opens_upgraded_with_every_row(tmp_path):
    copy = tmp_path / "mentorplan.db"
    shutil.copyfile(RELEASE_DATABASE, copy)
    url = f"sqlite:///{copy}"
    assert revision_in(url) is None

    store = Store(url)
    assert revision_in(url) == migrations.head()
    assert row_counts(store) == RELEASE_ROWS
    if migrations.head() != migrations.BASELINE:  # there was something to upgrade: a backup came first
        [kept] = backup.automatic_backups()
        assert "before-upgrade" in kept.name
        contents = backup.read(kept.read_bytes())
        assert contents.revision == migrations.BASELINE
        assert {name: len(table["rows"]) for name, table in contents.tables.items()} == RELEASE_ROWS
    the_app_reads_it(store)
    store.close()

    again = Store(url)  # opened at head: nothing to do, no second backup
    assert len(backup.automatic_backups()) == (0 if migrations.head() == migrations.BASELINE else 1)
    again.close()


@pytest.mark.skipif(migrations.head() == migrations.BASELINE, reason="nothing to upgrade yet")
def test_no_upgrade_without_its_backup(tmp_path, monkeypatch):
    """The backup before an upgrade is written before anything changes: if it cannot be, the
    database is left exactly as the release made it."""
    copy = tmp_path / "mentorplan.db"
    shutil.copyfile(RELEASE_DATABASE, copy)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(backup.BACKUP_DIR_VARIABLE, str(blocker / "backups"))
    with pytest.raises(MentorplanError) as error:
        Store(f"sqlite:///{copy}")
    assert error.value.key == "backup.cannot_write"
    with sqlite3.connect(copy) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(RELEASE_ROWS)  # no alembic_version, no new table


def test_a_database_whose_tables_are_not_the_releases_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT)")
        connection.execute("INSERT INTO people VALUES (1, 'someone@example.se')")
    with pytest.raises(MentorplanError) as error:
        Store(f"sqlite:///{path}")
    assert error.value.key == "database.unknown" and "people" in error.value.shown("en")
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == [("people",)]


def _typed(table, columns, row) -> dict:
    values = dict(zip(columns, row, strict=True))
    for column in table.columns:
        value = values.get(column.name)
        if isinstance(value, str) and isinstance(column.type, DateTime):
            values[column.name] = dt.datetime.fromisoformat(value)
        elif isinstance(value, str) and isinstance(column.type, Date):
            values[column.name] = dt.date.fromisoformat(value)
    return values


def release_database(engine: Engine) -> None:
    """What the release left on PostgreSQL: its tables (the baseline's, which are the release's),
    no revision, and its rows, loaded from the release's backup with their ids."""
    contents = backup.read(RELEASE_BACKUP.read_bytes(), unverified_ok=True)
    with migrations.migrating(engine) as connection:
        migrations.upgrade(connection, migrations.BASELINE)
        connection.execute(text("DROP TABLE alembic_version"))
        for table in migrations.reflected(connection, migrations.BASELINE):
            content = contents.tables[table.name]
            if content["rows"]:
                connection.execute(insert(table), [_typed(table, content["columns"], row) for row in content["rows"]])
            if "id" in table.c:
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))


@pytest.mark.postgres
def test_a_database_made_by_the_release_opens_upgraded_on_postgresql(postgres_database):
    engine = create_engine(postgres_database)
    release_database(engine)
    engine.dispose()
    assert revision_in(postgres_database) is None

    store = Store(postgres_database)
    assert revision_in(postgres_database) == migrations.head()
    assert row_counts(store) == RELEASE_ROWS
    with store.reading() as connection:
        assert compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), metadata) == []
    if migrations.head() != migrations.BASELINE:
        [kept] = backup.automatic_backups()
        assert backup.read(kept.read_bytes()).revision == migrations.BASELINE
    the_app_reads_it(store)
    store.close()


@pytest.mark.skipif(migrations.head() == migrations.BASELINE, reason="nothing to upgrade yet")
def test_a_failed_upgrade_changes_nothing(tmp_path, monkeypatch):
    """All revisions and the stamp run in one transaction: one that fails leaves the release's
    database as it was, and the next opening tries again."""
    copy = tmp_path / "mentorplan.db"
    shutil.copyfile(RELEASE_DATABASE, copy)
    real_upgrade = migrations.upgrade

    def upgrade_then_fail(connection, target="head"):
        real_upgrade(connection, target)
        raise RuntimeError("the power goes")

    monkeypatch.setattr(migrations, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError):
        Store(f"sqlite:///{copy}")
    with sqlite3.connect(copy) as connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(RELEASE_ROWS)
    monkeypatch.setattr(migrations, "upgrade", real_upgrade)
    store = Store(f"sqlite:///{copy}")
    assert row_counts(store) == RELEASE_ROWS
    store.close()


def test_a_table_rebuilt_by_a_migration_keeps_the_rows_that_refer_to_it(tmp_path):
    """SQLite alters a table by copying it and dropping the old one; with foreign keys on, the drop
    would delete everything that refers to it (ON DELETE CASCADE). While migrating they are off,
    and checked whole before the commit."""
    copy = tmp_path / "mentorplan.db"
    shutil.copyfile(RELEASE_DATABASE, copy)
    store = Store(f"sqlite:///{copy}")
    engine = make_engine(f"sqlite:///{copy}")  # as the store's, but without the change log's listener
    with migrations.migrating(engine) as connection:
        operations = Operations(MigrationContext.configure(connection))
        with operations.batch_alter_table("people", recreate="always") as batch:
            batch.alter_column("title", existing_type=metadata.tables["people"].c.title.type, nullable=True)
    engine.dispose()
    assert row_counts(store) == RELEASE_ROWS
    with store.reading() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # on again for the app
    store.close()


# -- A newer database ----------------------------------------------------------------------------

@pytest.fixture
def newer_database(database_url) -> str:
    store = Store(database_url)
    with store.transaction() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00d9999'"))
    store.close()
    return database_url


def test_a_database_from_a_newer_mentorplan_is_refused_in_words(newer_database):
    with pytest.raises(MentorplanError) as error:
        Store(newer_database)
    assert error.value.key == "database.newer"
    assert "nyare version av Mentorplan (revision f00d9999)" in error.value.shown("sv")
    assert "made by a newer Mentorplan (revision f00d9999); update Mentorplan" in error.value.shown("en")
    assert revision_in(newer_database) == "f00d9999"


def test_every_command_says_so_in_one_line(newer_database):
    for command in (["todo"], ["match", "--cohort", "autumn-2026"], ["schedule", "--year", "2026"]):
        result = subprocess.run([sys.executable, "-m", "core", *command], cwd=ROOT, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 2, (command, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
        assert "nyare version av Mentorplan (revision f00d9999)" in result.stderr


def test_the_app_says_so_instead_of_a_traceback(app, newer_database):
    at = app(lang="en")
    assert not at.exception
    assert [e.value for e in at.error] == [
        "The database was made by a newer Mentorplan (revision f00d9999); update Mentorplan to open it. "
        "Nothing was changed."]


# -- Backups across revisions --------------------------------------------------------------------

def test_a_backup_records_its_revision(store):
    contents = backup.read(store.backup())
    assert contents.revision == migrations.head()


def test_the_releases_backup_restores_with_everything_in_it(any_store):
    """Made by the release's code: no revision (the baseline's tables) and no MAC, so restored only
    once the coordinator confirmed it (unverified_ok)."""
    data = RELEASE_BACKUP.read_bytes()
    contents = backup.read(data, unverified_ok=True)
    assert contents.revision is None and not contents.verified
    restored = any_store.restore(data, unverified_ok=True)
    assert restored.rows == RELEASE_ROWS and restored.erased_again == 0
    assert row_counts(any_store, [n for n in RELEASE_ROWS if n != "change_log"]) == {
        n: c for n, c in RELEASE_ROWS.items() if n != "change_log"}
    the_app_reads_it(any_store)
    again = backup.read(any_store.backup())  # and backed up again, at today's revision
    assert again.revision == migrations.head() and len(again.tables["people"]["rows"]) == RELEASE_ROWS["people"]


def test_a_backup_at_an_older_revision_is_brought_up_to_date(store, tmp_path):
    """The automatic backup taken before an upgrade is at the older revision; restored with
    today's code, it is migrated as the database was."""
    copy = tmp_path / "release.db"
    shutil.copyfile(RELEASE_DATABASE, copy)
    Store(f"sqlite:///{copy}").close()
    kept = [p for p in backup.automatic_backups() if "before-upgrade" in p.name]
    if migrations.head() == migrations.BASELINE:
        assert not kept
        return
    data = kept[0].read_bytes()
    assert backup.read(data).revision == migrations.BASELINE
    assert store.restore_preview(data).backup == RELEASE_ROWS
    restored = store.restore(data)
    assert restored.rows == RELEASE_ROWS
    the_app_reads_it(store)


def test_a_backup_from_a_newer_mentorplan_is_refused_and_nothing_changes(store):
    store.save_override(Override("autumn-2027", "closing", dt.date(2028, 5, 24), dt.date(2028, 5, 24)))
    contents = backup.read(store.backup())
    newer = backup.pack(contents.tables, dt.datetime(2027, 1, 1, 9, 0), revision="f00d9999")
    for attempt in (store.restore_preview, store.restore):
        with pytest.raises(MentorplanError) as error:
            attempt(newer)
        assert error.value.key == "database.newer_backup"
        assert "revision f00d9999" in error.value.shown("sv") and "update Mentorplan" in error.value.shown("en")
    assert [o.event_id for o in store.overrides()] == ["closing"]
    assert not [p for p in backup.automatic_backups() if "before-restore" in p.name]


def test_a_backups_revision_must_be_a_name(store):
    for wrong in (7, "", "x" * 33, ["0001"]):
        with zipfile.ZipFile(io.BytesIO(store.backup())) as archive:
            payload = json.loads(archive.read(backup.MEMBER))
        payload["revision"] = wrong
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(backup.MEMBER, json.dumps(payload))
        with pytest.raises(MentorplanError) as error:
            backup.read(buffer.getvalue(), unverified_ok=True)
        assert error.value.key == "backup.damaged", wrong


# -- Revision 0004: guest lists (issue 12) ------------------------------------------------------------

def test_revision_0004_adds_the_guest_list_tables_and_keeps_the_shared_mingles_move_under_its_owner(tmp_path):
    """The release's database, upgraded: the two guest-list tables are there (empty) and work, every
    row is kept, and the release's move of the spring start's listing of the 3 September mingle
    (spring-2027) is now the one occurrence's move, kept under its owner autumn-2026."""
    copy = tmp_path / "mentorplan.db"
    shutil.copyfile(RELEASE_DATABASE, copy)
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT cohort_id, event_id, start FROM overrides").fetchall() == [
            ("spring-2027", "mentor_mingle", "2026-09-10")]
    store = Store(f"sqlite:///{copy}")
    try:
        assert row_counts(store) == RELEASE_ROWS
        assert row_counts(store, ("guest_list_changes", "guest_list_sent")) == {
            "guest_list_changes": 0, "guest_list_sent": 0}
        [moved] = store.overrides()
        assert (moved.cohort_id, moved.event_id, moved.start, moved.note) == (
            "autumn-2026", "mentor_mingle", dt.date(2026, 9, 10), "Flyttad en vecka")
        # and its time and place, filled in on the spring cohort's page
        assert store.event_details("autumn-2026", "mentor_mingle").place
        assert store.event_details("spring-2027", "mentor_mingle") == EventDetails()
        programme = services.programme(store)
        for cohort in (Cohort(2026, "autumn"), Cohort(2027, "spring")):
            assert programme.occurrence(cohort, "mentor_mingle").start == dt.date(2026, 9, 10)
        person = int(store.participants("autumn-2026", "mentor")["person_id"].iloc[0])
        store.change_guest_list("autumn-2026", "kickoff", person, "excluded")
        assert store.guest_list_changes("autumn-2026", "kickoff") == {person: ("excluded", "")}
    finally:
        store.close()


def test_revision_0004_leaves_the_owners_own_move_standing(tmp_path):
    copy = tmp_path / "mentorplan.db"
    shutil.copyfile(RELEASE_DATABASE, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("INSERT INTO overrides (cohort_id, event_id, start, \"end\", note, created_at) VALUES "
                           "('autumn-2026', 'mentor_mingle', '2026-09-17', '2026-09-17', 'Två veckor', "
                           "'2026-12-01 17:00:00')")
        person = connection.execute("SELECT id, email FROM people ORDER BY id LIMIT 1").fetchone()
        connection.execute("INSERT INTO message_log (person_id, email, cohort_id, kind, event_id, template, subject, "
                           "channel, status, at, error) VALUES (?, ?, 'spring-2027', 'invitation', 'mentor_mingle', "
                           "'invitation', '', 'eml', 'sent', '2026-08-20 09:00:00', '')", person)
    store = Store(f"sqlite:///{copy}")
    try:
        assert [(o.cohort_id, o.start) for o in store.overrides()] == [("autumn-2026", dt.date(2026, 9, 17))]
        # the mingle's invitation sent from the spring cohort's page is the one occurrence's
        assert store.sent_to("autumn-2026", "invitation", "mentor_mingle") == {person[0]}
        assert store.sent_to("spring-2027", "invitation", "mentor_mingle") == set()
    finally:
        store.close()
