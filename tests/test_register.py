"""The register: the preview of an import, the commit (all rows or none), edits checked like
imports, withdrawing, moving to the next start, a person's data exported, and a person deleted
everywhere while everything else stays as it was."""

import json

import pytest
from participant_files import add_matching_rows, mentee, mentor, signup_workbook
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from core import services
from core.people import register
from core.people.cleaning import text
from core.people.columns import header_key
from core.people.reading import read_upload
from core.people.register import check, commit, mapped_sheets, preview, preview_counts
from core.platform.i18n import MentorplanError
from core.store import Store, schema
from core.store.people import HISTORY_COLUMNS, PERSON_COLUMNS


def sheets_of(store, data: bytes, role=None, choices=None, name="anmalan.xlsx"):
    return mapped_sheets(store, read_upload(data, name).sheets, role, choices)


def import_file(store, data: bytes, cohort="autumn-2026"):
    sheets = sheets_of(store, data)
    report = check(store, sheets, cohort)
    return report, commit(store, report.valid)


def snapshot(store) -> list[dict]:
    frame = store.participants()
    return frame.drop(columns=[]).to_dict("records")


def test_the_preview_tells_new_changed_and_unchanged_with_old_and_new_values(any_store):
    store = any_store  # SQLite, and PostgreSQL where a server can be started
    import_file(store, signup_workbook([mentor(1), mentor(2)]))
    data = signup_workbook([mentor(1), mentor(2, Organisation="Sundsvalls kommun", **{"Antal adepter": 2}), mentor(3)])
    report = check(store, sheets_of(store, data), "autumn-2026")
    rows = preview(store, report.valid)
    assert [(r.candidate.email, r.status) for r in rows] == [
        ("mentor1@region.example", "unchanged"), ("mentor2@region.example", "changed"),
        ("mentor3@region.example", "new")]
    assert [(c.field, c.old, c.new) for c in rows[1].changes] == [
        ("organisation", "Region Norrland", "Sundsvalls kommun"), ("capacity", 1, 2)]
    frame = register.preview_frame(rows, "sv")
    assert frame["Ändringar (före → efter)"].tolist()[1] == ("Organisation: Region Norrland → Sundsvalls kommun; "
                                                              "Antal adepter: 1 → 2")
    assert preview_counts(rows) == {"new": 1, "changed": 1, "unchanged": 1}
    assert commit(store, report.valid) == {"new": 1, "changed": 1, "unchanged": 1}


def test_a_person_is_one_address_across_cohorts_and_roles(store):
    import_file(store, signup_workbook([mentor(1)]), "autumn-2026")
    import_file(store, signup_workbook([], [mentee(1, **{"E-post": "Mentor1@Region.example"})]), "spring-2027")
    frame = store.participants()
    assert frame["person_id"].nunique() == 1
    assert sorted(zip(frame.cohort_id, frame.role, strict=True)) == [("autumn-2026", "mentor"),
                                                                     ("spring-2027", "mentee")]


def test_a_re_import_keeps_the_status_and_the_fields_the_file_does_not_have(store):
    import_file(store, signup_workbook([mentor(1)]))
    [participation] = store.participants()["participation_id"]
    store.update_participation(int(participation), {"status": "matched"})
    from core.people.examples import workbook

    import_file(store, workbook({"Mentorer": (("Namn", "E-post", "Samtycke"), [["Mentor Ett", "mentor1@region.example",
                                                                                  "ja"]])}))
    row = store.participants().iloc[0]
    assert (row["name"], row["status"], row["organisation"]) == ("Mentor Ett", "matched", "Region Norrland")


@pytest.mark.parametrize("error", [
    pytest.param(RuntimeError("the disk is full"), id="any-failure"),
    pytest.param(OperationalError("INSERT INTO people …", {"email": "mentor4@region.example"},
                                  Exception("database is locked")), id="database-error")])
def test_a_failed_import_leaves_the_register_exactly_as_it_was(any_store, database_refuses, error):
    """All or nothing: an import that fails after it has changed a person and added another, with
    their participations, leaves the register, the change log and the column choices as they were.
    A database's own error is told in words that quote neither the driver nor the person."""
    store = any_store  # SQLite, and PostgreSQL where a server can be started
    import_file(store, signup_workbook([mentor(1), mentor(2)], [mentee(1)]))
    before, changes = snapshot(store), store.change_count()
    data = signup_workbook([mentor(1, Organisation="Ny organisation"), mentor(2), mentor(3), mentor(4), mentor(5)],
                           [mentee(1, Ort="Kramfors"), mentee(2)])
    report = check(store, sheets_of(store, data), "autumn-2026")
    assert len(report.valid) == 7
    refused = database_refuses("people", error, after=1)  # the second new person, mentor 4, is refused
    with pytest.raises(MentorplanError if isinstance(error, OperationalError) else RuntimeError) as failed:
        commit(store, report.valid, sheets_of(store, data))
    assert len(refused) == 2
    assert snapshot(store) == before and store.change_count() == changes
    assert store.column_mapping(next(iter(register.remembered_mappings(sheets_of(store, data))))[0]) is None
    if isinstance(error, OperationalError):
        assert (failed.value.key, failed.value.params) == ("import.database", {"kind": "OperationalError"})
        assert failed.value.shown("sv").startswith("Databasen svarade med ett fel (OperationalError), och ingenting")
        assert "locked" not in failed.value.shown("en") and "mentor4" not in failed.value.shown("en")


def test_the_register_survives_a_restart(database_url):
    first = Store(database_url)
    import_file(first, signup_workbook([mentor(1)], [mentee(1)]))
    first.close()
    again = Store(database_url)
    assert sorted(again.participants()["email"]) == ["adept1@kommun.example", "mentor1@region.example"]
    again.close()


def test_a_column_choice_is_remembered_for_the_next_file_with_the_same_headers(store):
    from core.people.examples import workbook

    headers = ("Deltagare", "Adress", "Samtycke", "Ort")
    data = workbook({"Mentorer": (headers, [["Anna Ek", "anna@x.example", "ja", "Timrå"]])})
    sheets = sheets_of(store, data)
    assert sheets[0].mapping == ("extra", "email", "consent", "town")  # the addresses name their column
    chosen = sheets_of(store, data, choices={("anmalan.xlsx", "Mentorer"): ("name", "email", "consent", "town")})
    report = check(store, chosen, "autumn-2026")
    commit(store, report.valid, chosen)
    again = workbook({"Mentorer": (("ADRESS", "deltagare", "Samtycke", "Ort"), [["bo@x.example", "Bo Ek", "ja", ""]])})
    assert sheets_of(store, again)[0].mapping == ("email", "name", "consent", "town")
    assert store.column_mapping(register.signature(headers)) == {
        header_key("Deltagare"): "name", header_key("Adress"): "email", header_key("Samtycke"): "consent",
        header_key("Ort"): "town"}
    # Remembered headers also help find the header row of a file that has few known ones.
    sparse = workbook({"Mentorer": (("Deltagare", "Adress", "Övrigt"), [["Cy Ek", "cy@x.example", ""]])})
    with pytest.raises(MentorplanError):
        read_upload(sparse, "x.xlsx")
    assert read_upload(sparse, "x.xlsx", store.remembered_headers()).sheets[0].header_row == 1


def test_two_files_with_a_sheet_of_the_same_name_keep_their_own_columns_and_are_named(store):
    from core.people.examples import workbook
    from core.platform.files import to_xlsx

    a = workbook({"Mentorer": (("Deltagare", "Adress", "Samtycke", "Ort"), [["Anna Ek", "anna@x.example", "ja", ""],
                                                                           ["Cy Ek", "cy@x.example", "ja", ""]])})
    b = workbook({"Mentorer": (("Adress", "Deltagare", "Samtycke", "Ort"), [["bo@x.example", "Bo Ek", "ja", ""],
                                                                           ["cy@x.example", "Cy Ek", "ja", ""],
                                                                           ["di@", "Di Ek", "ja", ""]])})
    sheets = [*read_upload(a, "a.xlsx").sheets, *read_upload(b, "b.xlsx").sheets]
    choices = {("a.xlsx", "Mentorer"): ("name", "email", "consent", "town"),
               ("b.xlsx", "Mentorer"): ("email", "name", "consent", "town")}
    mapped = mapped_sheets(store, sheets, None, choices)
    assert [m.mapping for m in mapped] == [choices[("a.xlsx", "Mentorer")], choices[("b.xlsx", "Mentorer")]]
    report = check(store, mapped, "autumn-2026")
    assert [(c.email, c.sheet, c.source) for c in report.valid] == [
        ("anna@x.example", "a.xlsx › Mentorer", "a.xlsx"), ("bo@x.example", "b.xlsx › Mentorer", "b.xlsx")]
    messages = [(i.sheet, i.shown("sv")) for i in report.errors]
    assert messages == [
        ("a.xlsx › Mentorer", "Rad 3, Adress: samma person (e-postadress) finns också på b.xlsx › Mentorer rad 3; "
                              "behåll en av raderna"),
        ("b.xlsx › Mentorer", "Rad 3, Adress: samma person (e-postadress) finns också på a.xlsx › Mentorer rad 3; "
                              "behåll en av raderna"),
        ("b.xlsx › Mentorer", "Rad 4, Adress: 'di@' är ingen giltig adress")]
    assert set(register.issues_frame(report.issues, "en")["Sheet"]) == {"a.xlsx › Mentorer", "b.xlsx › Mentorer"}
    to_fix = register.invalid_rows_sheets(report, "en")
    assert {name: frame["Adress"].tolist() for name, frame in to_fix.items()} == {
        "Mentorer (a)": ["cy@x.example"], "Mentorer (b)": ["cy@x.example", "di@"]}
    again = read_upload(to_xlsx(to_fix), "rows-to-fix.xlsx")  # both sheets come back as mentors
    assert [(s.name, s.role) for s in again.sheets] == [("Mentorer (a)", "mentor"), ("Mentorer (b)", "mentor")]
    # One file: sheets are named as before, without the file.
    [only] = mapped_sheets(store, read_upload(b, "b.xlsx").sheets, None, {("b.xlsx", "Mentorer"): choices[("b.xlsx",
                                                                                                           "Mentorer")]})
    alone = check(store, [only], "autumn-2026")
    assert [i.sheet for i in alone.errors] == ["Mentorer"] and list(register.invalid_rows_sheets(alone, "sv")) == [
        "Mentorer"]


def test_the_complaints_table_has_one_type_per_column_with_a_whole_sheet_complaint_among_them():
    import pyarrow

    from core.people.issues import Issue

    frame = register.issues_frame([Issue("validation.no_consent_column", sheet="Mentorer"),
                                   Issue("validation.email_missing", sheet="Mentorer", row=3, column="E-post")], "en")
    assert frame["Row"].tolist()[1] == 3 and frame["Row"].isna().tolist() == [True, False]
    assert str(pyarrow.Table.from_pandas(frame).schema.field("Row").type) == "int64"  # what st.dataframe sends


def test_a_form_edit_is_the_fields_changed_as_the_form_showed_them():
    stored = {"name": "Anna Ek", "languages": ["sv", "en"], "phone": None, "gender": "", "capacity": 2,
              "competences": ["ledarskap"], "participations": [{"id": 1}]}
    unchanged = {"name": "Anna Ek", "languages": "sv, en", "phone": "", "gender": "", "capacity": 2,
                 "competences": "ledarskap"}
    assert register.form_edits(stored, unchanged) == {}
    assert register.form_edits(stored, {**unchanged, "languages": "sv", "phone": "070-1", "capacity": 3}) == {
        "languages": "sv", "phone": "070-1", "capacity": 3}


def test_a_persons_export_files_are_made_when_asked(store):
    import_file(store, signup_workbook([mentor(1)]))
    person_id = int(store.participants().person_id.iloc[0])
    assert json.loads(register.person_export_file(store, person_id, "json"))["email"] == "mentor1@region.example"
    assert register.person_export_file(store, person_id, "xlsx").startswith(b"PK")
    with pytest.raises(ValueError):
        register.person_export_file(store, person_id, "pdf")


def test_edits_are_checked_like_imports(any_store):
    store = any_store  # SQLite, and PostgreSQL where a server can be started
    import_file(store, signup_workbook([mentor(1), mentor(2)]))
    frame = store.participants()
    person_id, participation_id = int(frame.person_id[0]), int(frame.participation_id[0])
    problems = register.edit_person(store, person_id, {"email": "anna@", "languages": "svenska, finska"})
    assert [p.shown("sv") for p in problems] == ["E-post: 'anna@' är ingen giltig adress"]
    assert register.edit_person(store, person_id, {"email": " Ny.Adress@Region.example", "languages": "finska"}) == []
    assert store.person(person_id)["email"] == "ny.adress@region.example"
    assert store.person(person_id)["languages"] == ["fi"]
    with pytest.raises(MentorplanError) as taken:
        register.edit_person(store, person_id, {"email": frame.email[1]})
    assert taken.value.key == "register.email_taken"
    problems = register.edit_participation(store, participation_id, "mentor", {"capacity": "noll"})
    assert [p.shown("en") for p in problems] == [
        "Number of mentees: 'noll' is not a number of mentees; write a whole number from 1, for example 2"]
    assert register.edit_participation(store, participation_id, "mentor", {"capacity": 2, "competences": "a; b"}) == []
    assert store.person(person_id)["participations"][0]["competences"] == ["a", "b"]


def test_withdraw_and_move_to_the_next_start(any_store):
    store = any_store  # SQLite, and PostgreSQL where a server can be started
    import_file(store, signup_workbook([], [mentee(1), mentee(2)]))
    programme = services.programme(store)
    frame = store.participants()
    first, second = (int(p) for p in frame.participation_id)
    register.withdraw(store, first)
    assert register.move_to_next_start(store, programme, second, "autumn-2026") == "spring-2027"
    frame = store.participants().sort_values(["email", "cohort_id"])
    assert list(zip(frame.email, frame.cohort_id, frame.status, strict=True)) == [
        ("adept1@kommun.example", "autumn-2026", "withdrawn"),
        ("adept2@kommun.example", "autumn-2026", "waiting"),
        ("adept2@kommun.example", "spring-2027", "applied")]
    assert frame.extra.iloc[2] == {"moved_from": "autumn-2026"}
    with pytest.raises(MentorplanError) as again:
        register.move_to_next_start(store, programme, second, "autumn-2026")
    assert again.value.key == "register.already_in_cohort"
    with pytest.raises(MentorplanError) as withdrawn:
        register.move_to_next_start(store, programme, first, "autumn-2026")
    assert withdrawn.value.key == "register.move_withdrawn"


def test_a_persons_export_holds_every_row_about_them_in_every_table(any_store):
    store = any_store  # SQLite, and PostgreSQL where a server can be started
    import_file(store, signup_workbook([mentor(1)], [mentee(1)]))
    import_file(store, signup_workbook([], [mentee(1)]), "spring-2027")
    ids = dict(zip(store.participants().email, store.participants().person_id, strict=False))
    mentee_id, mentor_id = int(ids["adept1@kommun.example"]), int(ids["mentor1@region.example"])
    add_matching_rows(store, mentor_id, mentee_id)
    export = register.person_export(store, mentee_id)
    tables = export["tables"]
    assert set(tables) == {"people", "participations", "match_constraints", "match_pairs"}
    assert [p["cohort_id"] for p in tables["participations"]] == ["autumn-2026", "spring-2027"]
    assert json.loads(register.person_export_json(export))["email"] == "adept1@kommun.example"
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(register.person_export_xlsx(export)))
    assert book.sheetnames == ["people", "participations", "match_constraints", "match_pairs"]


def test_deleting_a_person_removes_them_everywhere_and_frees_their_partner_and_nothing_else(any_store):
    store = any_store  # SQLite, and PostgreSQL where a server can be started
    import_file(store, signup_workbook([mentor(1), mentor(2)], [mentee(1), mentee(2)]))
    ids = {e: int(i) for e, i in zip(store.participants().email, store.participants().person_id, strict=False)}
    mentee_id, mentor_id = ids["adept1@kommun.example"], ids["mentor1@region.example"]
    add_matching_rows(store, mentor_id, mentee_id, [(ids["mentor2@region.example"], ids["adept2@kommun.example"])],
                      accept=True)
    assert set(store.participants().status) == {"matched"}
    assert register.delete_consequences(store, mentee_id, "sv") == [
        "Mentor Nummer1 (mentor) i Höststart 2026 förlorar paret och blir anmäld igen i Höststart 2026, så att du kan "
        "köra matchningen igen eller erbjuda nästa start."]
    # Nothing else changes: the partner, who has no pair left, is "applied" again in the cohort.
    others = [{**r, "status": "applied"} if r["person_id"] == mentor_id else r
              for r in snapshot(store) if r["person_id"] != mentee_id]
    with pytest.raises(MentorplanError) as wrong:
        register.delete_person(store, mentee_id, "fel@adress.se")
    assert wrong.value.key == "register.confirm_mismatch"
    deleted = register.delete_person(store, mentee_id, " Adept1@Kommun.example ")
    assert deleted == {"match_pairs": 1, "match_constraints": 1, "participations": 1, "people": 1}
    assert store.person(mentee_id) is None
    assert snapshot(store) == others
    with store.reading() as connection:
        assert connection.execute(select(schema.match_runs.c.id)).all()  # the run stays, its pair is gone
        assert len(connection.execute(select(schema.match_pairs.c.id)).all()) == 1
    assert store.person_data(mentee_id) == {}
    assert store.accepted_pairs("autumn-2026")["mentee_email"].tolist() == ["adept2@kommun.example"]
    # Freed, the mentor can be offered the next start (refused while "matched").
    mentor_participation = int(store.participants().query("person_id == @mentor_id").participation_id.iloc[0])
    programme = services.programme(store)
    assert register.move_to_next_start(store, programme, mentor_participation, "autumn-2026") == "spring-2027"


def test_a_mentor_with_other_mentees_stays_matched_and_a_withdrawn_partner_stays_withdrawn(store):
    import_file(store, signup_workbook([mentor(1, **{"Antal adepter": 2})], [mentee(1), mentee(2)]))
    ids = {e: int(i) for e, i in zip(store.participants().email, store.participants().person_id, strict=False)}
    mentor_id, first, second = ids["mentor1@region.example"], ids["adept1@kommun.example"], ids["adept2@kommun.example"]
    add_matching_rows(store, mentor_id, first, [(mentor_id, second)], accept=True)
    assert register.delete_consequences(store, first, "en") == [
        "Mentor Nummer1 (mentor) in Autumn start 2026 loses the pair but stays matched with their other mentees."]
    register.delete_person(store, first, "adept1@kommun.example")
    assert set(store.participants().status) == {"matched"}
    second_participation = int(store.participants().query("person_id == @second").participation_id.iloc[0])
    register.withdraw(store, second_participation)
    register.delete_person(store, mentor_id, "mentor1@region.example")
    assert store.participants().status.tolist() == ["withdrawn"]  # not made "applied" again


def test_the_rows_to_fix_come_back_with_the_same_columns_and_their_fix_column_ignored(store):
    from core.platform.files import to_csv, to_xlsx

    data = signup_workbook([mentor(1), mentor(2, **{"E-post": "mentor2@", "Motivering": "+ vill dela erfarenhet"})],
                           title_rows=("Anmälningar",))
    report = check(store, sheets_of(store, data), "autumn-2026")
    to_fix = register.invalid_rows_sheets(report, "sv")
    [frame] = to_fix.values()
    assert frame.iloc[0, 0] == "Rad 4, E-post: 'mentor2@' är ingen giltig adress"
    for exported, name in ((to_xlsx(to_fix), "att-ratta.xlsx"), (to_csv(frame, "sv"), "mentorer-att-ratta.csv")):
        again = sheets_of(store, exported, name=name)
        assert again[0].mapping[0] == "ignore"
        assert again[0].mapping[1:] == sheets_of(store, data)[0].mapping
        assert register.signature(again[0].sheet.headers) == register.signature(sheets_of(store, data)[0].sheet.headers)
        [row] = check(store, again, "autumn-2026").invalid
        assert row.row == 2 and [i.code for i in row.issues] == ["validation.email_invalid"]
        assert text(row.values[again[0].mapping.index("motivation")]) == "+ vill dela erfarenhet"  # not "'+ …"


def test_participations_are_the_participants_without_the_sign_ups_answers(any_store):
    """The guest lists' history (store.participations) reads who took part where, as participants()
    has it, without competences, goals and the other answers."""
    store = any_store
    import_file(store, signup_workbook([mentor(1), mentor(2)], [mentee(1), mentee(2)]))
    import_file(store, signup_workbook([mentor(1)], [mentee(3)]), cohort="spring-2027")
    whole, history = store.participants(), store.participations()
    assert list(history.columns) == [*PERSON_COLUMNS, *HISTORY_COLUMNS]
    assert history.to_dict("records") == whole[list(history.columns)].to_dict("records")
    assert len(history) == 6 and {"competences", "goals", "extra"}.isdisjoint(history.columns)
