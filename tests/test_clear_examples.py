"""Clearing the example data (issue 12, point 5): the people the example loaders make are marked
as examples (an upgrade marks the earlier releases' example people, by their reserved .example
addresses, and no one else); clearing removes them and everything that hangs on them in
one transaction, and leaves the coordinator's own data exactly as it was — rows, ids and values;
an own person who was paired with an example is applied again; the overview offers it only while
there are examples, behind a confirmation."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import func, select

from core import services
from core.calendar.programme import Cohort, Override
from core.cli import main
from core.followup.examples import clear_examples, load_examples
from core.followup.three_party import Slot
from core.matching import runs as matching
from core.people.examples import example_sheets, example_workbook
from core.store import Store, schema
from tests.conftest import TODAY
from tests.pages import clean
from tests.test_migrations import RELEASE_DATABASE

OWN_COHORTS = ("autumn-2024", "spring-2025")  # closed long before TODAY: the examples do not touch them
EXAMPLE_DAY = dt.date(2027, 6, 1)  # examples with every kind of follow-up: bookings, attendance, messages
SKIPPED = {"change_log"}  # the log of changes grows with every change, by design


def own_sheet(tmp_path: Path, cohort: Cohort) -> Path:
    """The coordinator's own sign-ups for a cohort: made-up rows, addresses of their own."""
    [example] = [e for e in example_sheets(cohort.year if cohort.track == "autumn" else cohort.year - 1, seed=7)
                 if e.cohort == cohort]
    rows = {role: [(*row[:2], row[2].replace("@", f".own{cohort.year}@"), *row[3:]) for row in role_rows]
            for role, role_rows in example.rows.items()}
    path = tmp_path / f"own-{cohort.id}.xlsx"
    path.write_bytes(example_workbook(type(example)(cohort, rows)))
    return path


def run_cli(*arguments: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(list(arguments)) == 0


def everything(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, but for the change log."""
    with store.reading() as connection:
        return {table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
                for table in schema.metadata.sorted_tables if table.name not in SKIPPED}


def own_data(store: Store, tmp_path: Path) -> None:
    """Two own cohorts imported and matched through the command line, a meeting, an override, a
    setting, a slot at an own place."""
    rulebook = services.rulebook()
    for cohort_id in OWN_COHORTS:
        run_cli("import", str(own_sheet(tmp_path, Cohort.parse(cohort_id, rulebook))), "--cohort", cohort_id)
        run_cli("match", "--cohort", cohort_id, "--accept", "--out", str(tmp_path / f"{cohort_id}.csv"))
    pair = store.accepted_pairs("autumn-2024").iloc[0]
    with store.transaction() as connection:
        connection.execute(schema.pair_meetings.insert().values(
            cohort_id="autumn-2024", mentor_person_id=int(pair.mentor_person_id),
            mentee_person_id=int(pair.mentee_person_id), number=1, held_on=dt.date(2024, 10, 1), note="Bra start"))
    store.save_override(Override("autumn-2026", "closing", dt.date(2027, 5, 20), dt.date(2027, 5, 20), "Egen"))
    store.add_three_party_slots([Slot(None, "autumn-2024", dt.datetime(2025, 5, 5, 9, 0), 45, "Eget rum")])


def test_the_examples_are_marked_and_cleared_leaving_own_data_exactly(store, tmp_path):
    own_data(store, tmp_path)
    before = everything(store)
    assert store.example_count() == 0  # own people are never examples

    programme = services.programme(store)
    loaded = load_examples(store, programme, EXAMPLE_DAY)
    assert loaded["matched"] >= 1 and loaded["meetings"] > 0
    examples = store.example_count()
    assert examples == len({e for c in loaded["cohorts"] for e in store.participants(c)["email"]}) > 40
    with store.reading() as connection:  # the examples' follow-up is there to clear
        for table in ("pair_meetings", "attendance", "three_party_slots", "message_log", "match_runs"):
            assert connection.execute(select(func.count()).select_from(schema.metadata.tables[table])).scalar() > 1

    removed = clear_examples(store)
    assert removed["people"] == examples and removed["participations"] >= examples
    assert {"match_pairs", "pair_meetings", "attendance", "message_log", "match_runs"} <= set(removed)
    assert store.example_count() == 0
    assert everything(store) == before  # the coordinator's own rows: the same rows, ids and values
    assert clear_examples(store) == {}  # nothing left to clear


def test_an_own_person_paired_with_an_example_is_applied_again(store, tmp_path):
    programme = services.programme(store)
    load_examples(store, programme, dt.date(2026, 9, 1))  # autumn-2026 signed up, not yet matched
    rulebook = services.rulebook()
    sheet = own_sheet(tmp_path, Cohort.parse("autumn-2026", rulebook))
    run_cli("import", str(sheet), "--cohort", "autumn-2026")
    result = matching.run(matching.problem_from_store(store, "autumn-2026"))
    store.save_run(result, accept=True)
    participants = store.participants("autumn-2026")
    own = set(participants.loc[participants["email"].str.contains(".own2026@", regex=False), "person_id"])
    pairs = store.accepted_pairs("autumn-2026")
    mixed = pairs[pairs["mentor_person_id"].isin(own) != pairs["mentee_person_id"].isin(own)]
    assert len(mixed), "the matching paired someone own with an example"
    own_mentees_with_examples = set(mixed.loc[mixed["mentee_person_id"].isin(own), "mentee_person_id"])

    clear_examples(store)
    after = store.participants("autumn-2026")
    assert set(after["person_id"]) == own
    status = dict(zip(after["person_id"], after["status"], strict=True))
    assert all(status[p] == "applied" for p in own_mentees_with_examples)
    kept = store.accepted_pairs("autumn-2026")  # the own pairs stay, in the same run
    assert set(kept["mentor_person_id"]) | set(kept["mentee_person_id"]) <= own and len(kept)


def test_an_upgraded_database_marks_the_earlier_example_people_and_no_one_else(tmp_path):
    copy = tmp_path / "mentorplan.db"
    shutil.copyfile(RELEASE_DATABASE, copy)
    with sqlite3.connect(copy) as connection:  # one of the coordinator's own, as the release stored them
        connection.execute("INSERT INTO people (email, name, phone, organisation, department, title, town, "
                           "languages, gender, created_at, updated_at) VALUES ('kari.own@kommun.se', 'Kari Own', "
                           "'', 'Kommunen', '', '', '', '[]', '', '2026-11-30 10:00:00', '2026-11-30 10:00:00')")
    store = Store(f"sqlite:///{copy}")
    try:
        examples = store.example_count()
        assert examples == store.people_count() - 1 and examples > 0  # the release's example programme
        clear_examples(store)
        assert store.example_count() == 0
        assert store.participants()["email"].tolist() == [] and store.people_count() == 1
    finally:
        store.close()


def test_the_overview_offers_to_clear_them_only_after_a_confirmation(app, store):
    load_examples(store, services.programme(store), TODAY)
    at = clean(app())
    [button] = [b for b in at.button if b.key == "clear_examples"]
    assert button.disabled
    [sure] = [c for c in at.checkbox if c.key == "clear_examples_sure"]
    sure.check().run()
    [button] = [b for b in at.button if b.key == "clear_examples"]
    button.click().run()
    clean(at)
    assert store.example_count() == 0 and store.people_count() == 0
    assert not [b for b in at.button if b.key == "clear_examples"]
    assert [b for b in at.button if b.key == "load_examples"]  # an empty register again
