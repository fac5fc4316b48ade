"""The participant pages as the coordinator sees them, with AppTest in both languages: upload
the example files and a messy one, read the complaints, import, and find everyone in the
register; then edit, move and delete a person there."""

import datetime as dt

import pytest
from participant_files import add_matching_rows, mentee, mentor, signup_workbook

from core.people.examples import example_sheets, example_workbook, messy_workbook
from core.store import Store

IMPORT, REGISTER = "views/participants.py", "views/register.py"
TODAY = dt.date(2026, 11, 28)
TITLES = {"sv": ("Importera deltagare", "Deltagarregister"), "en": ("Import participants", "Participant register")}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_both_pages_render_empty_in_both_languages(app, lang):
    at = app(IMPORT, lang=lang, today=TODAY)
    assert not at.exception
    assert [t.value for t in at.title] == [TITLES[lang][0]]
    assert [b.label for b in at.button] == [{"sv": "Ladda exempeldeltagare", "en": "Load example participants"}[lang]]
    assert at.get("download_button")  # the template
    at.switch_page(REGISTER).run()
    assert [t.value for t in at.title] == [TITLES[lang][1]]
    assert "Importera deltagare" in at.info[0].value if lang == "sv" else "Import participants" in at.info[0].value


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_upload_is_checked_compared_and_imported(app, lang, database_url):
    at = app(IMPORT, lang=lang, today=TODAY)
    at.file_uploader[0].set_value(("anmalningar.xlsx", signup_workbook([mentor(1), mentor(2)], [mentee(1)]), XLSX))
    at.run()
    assert not at.exception
    labels = {"sv": ("Giltiga rader", "Rader att rätta"), "en": ("Valid rows", "Rows to fix")}[lang]
    assert metrics(at)[labels[0]] == "3" and metrics(at)[labels[1]] == "0"
    assert {"sv": "3 nya, 0 ändrade, 0 oförändrade", "en": "3 new, 0 changed, 0 unchanged"}[lang] in [
        c.value for c in at.caption]
    at.button(key="commit_import").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [{"sv": "Importerat: 3 nya, 0 ändrade, 0 oförändrade.",
                                              "en": "Imported: 3 new, 0 changed, 0 unchanged."}[lang]]
    assert not at.file_uploader[0].value  # emptied for the next file
    store = Store(database_url)
    assert len(store.participants()) == 3
    store.close()


def test_a_messy_file_lists_every_complaint_and_offers_the_rows_to_fix(app):
    example = example_sheets(2026)[0]
    at = app(IMPORT, lang="sv", today=TODAY)
    at.file_uploader[0].set_value(("rorig.xlsx", messy_workbook(example), XLSX))
    at.run()
    assert not at.exception
    assert metrics(at)["Rader att rätta"] == "13"
    problems = at.dataframe[0].value["Problem"].tolist()
    assert any(p.endswith("@' är ingen giltig adress") for p in problems)
    assert "samtycke saknas; personen kan inte tas med utan samtycke" in problems
    assert [b.label for b in at.get("download_button")][1:] == ["Ladda ned raderna att rätta (.xlsx)"]
    at.button(key="commit_import").click().run()
    assert at.success[0].value.startswith("Importerat: ")


def test_a_file_that_is_no_spreadsheet_gets_a_clear_message(app):
    at = app(IMPORT, lang="en", today=TODAY)
    at.file_uploader[0].set_value(("anmalan.xlsx", b"MZ\x90\x00" + bytes(200), XLSX))
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == ["**anmalan.xlsx**: The file is not a spreadsheet: its content is EXE. Save "
                                           "the sign-ups as .xlsx or .csv and try again."]


def test_changing_a_column_mapping_is_used_and_remembered(app, database_url):
    from core.people.examples import workbook

    headers = ("Deltagare", "Adress", "Samtycke", "Ort")
    data = workbook({"Mentorer": (headers, [["Anna Ek", "anna@x.example", "ja", ""]])})
    at = app(IMPORT, lang="sv", today=TODAY)
    at.file_uploader[0].set_value(("mentorer.xlsx", data, XLSX))
    at.run()
    assert metrics(at)["Rader att rätta"] == "1"
    at.selectbox(key="map|mentorer.xlsx|Mentorer|0").set_value("name")
    at.selectbox(key="map|mentorer.xlsx|Mentorer|1").set_value("email")
    at.run()
    assert metrics(at)["Giltiga rader"] == "1"
    at.button(key="commit_import").click().run()
    at.file_uploader[0].set_value(("mentorer-2.xlsx", data, XLSX))
    at.run()
    assert at.selectbox(key="map|mentorer-2.xlsx|Mentorer|1").value == "email"


def test_example_participants_load_and_show_in_the_register(app):
    at = app(IMPORT, lang="sv", today=TODAY)
    at.button(key="load_examples").click().run()
    assert at.success[0].value.startswith("92 påhittade exempeldeltagare i kohorterna autumn-2026, spring-2027")
    assert not at.get("button") or "load_examples" not in [b.key for b in at.button]
    at.switch_page(REGISTER).run()
    assert at.caption[0].value.startswith("92 deltaganden")
    at.multiselect(key="register_roles").set_value(["mentor"]).run()
    at.text_input(key="register_search").set_value("region norrland").run()
    shown = at.dataframe[0].value
    assert set(shown["Roll"]) == {"mentor"} and set(shown["Organisation"]) == {"Region Norrland"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_person_is_edited_moved_exported_and_deleted_in_the_register(app, lang, database_url):
    store = Store(database_url)
    from core.people.reading import read_upload
    from core.people.register import check, commit, mapped_sheets

    sheets = mapped_sheets(store, read_upload(signup_workbook([mentor(1)], [mentee(1), mentee(2)]), "x.xlsx").sheets)
    commit(store, check(store, sheets, "autumn-2026").valid)
    person_id = int(store.participants().query("email == 'adept1@kommun.example'").person_id.iloc[0])
    at = app(REGISTER, lang=lang, today=TODAY)
    at.selectbox(key="register_person").set_value(person_id).run()
    assert not at.exception
    assert at.subheader[0].value == "Adept Nummer1"
    at.text_input(key=f"p{person_id}_email").set_value("anna@")
    at.get("form_submit_button")[0].click().run()
    assert {"sv": "E-post: 'anna@' är ingen giltig adress", "en": "E-mail: 'anna@' is not a valid address"}[lang] in [
        e.value for e in at.error]
    participation = store.person(person_id)["participations"][0]["id"]
    at.button(key=f"q{participation}_move").click().run()
    assert at.success[0].value.endswith("spring-2027.")
    assert [p["status"] for p in store.person(person_id)["participations"]] == ["waiting", "applied"]
    assert [b.label for b in at.get("download_button")][:2] == {
        "sv": ["Ladda ned som JSON", "Ladda ned som Excel"], "en": ["Download as JSON", "Download as Excel"]}[lang]
    delete = at.button(key=f"delete_button_{person_id}")
    assert delete.disabled
    at.text_input(key=f"delete_{person_id}").set_value("adept1@kommun.example").run()
    at.button(key=f"delete_button_{person_id}").click().run()
    assert not at.exception
    assert store.person(person_id) is None
    assert sorted(store.participants()["email"]) == ["adept2@kommun.example", "mentor1@region.example"]
    store.close()


def test_the_example_files_import_cleanly_each_into_its_cohort(app, database_url):
    at = app(IMPORT, lang="en", today=TODAY)
    for example in example_sheets(2026):
        at.file_uploader[0].set_value((f"{example.cohort.id}.xlsx", example_workbook(example), XLSX))
        at.run()
        at.selectbox(key="import_cohort").set_value(example.cohort.id).run()
        size = sum(len(rows) for rows in example.rows.values())
        assert (metrics(at)["Valid rows"], metrics(at)["Rows to fix"]) == (str(size), "0")
        at.button(key="commit_import").click().run()
        assert at.success[0].value.startswith("Imported: ")
    store = Store(database_url)
    frame = store.participants()
    assert sorted(frame.cohort_id.unique()) == ["autumn-2026", "spring-2027"]
    assert frame.person_id.nunique() < len(frame)  # mentors who serve again are one person
    store.close()


@pytest.mark.parametrize(("year", "cohorts"), [
    (2000, ["autumn-2000", "spring-2001", "autumn-2001", "spring-2002"]),
    (2100, ["autumn-2099", "spring-2100", "autumn-2100", "spring-2101"]),  # spring-2101 is matched in 2100
])
def test_the_first_and_last_programme_years_offer_only_the_cohorts_the_programme_has(app, year, cohorts):
    at = app(IMPORT, lang="en", today=TODAY)
    at.sidebar.number_input[0].set_value(year).run()
    at.file_uploader[0].set_value(("anmalningar.xlsx", signup_workbook([mentor(1)], [mentee(1)]), XLSX))
    at.run()
    assert not at.exception
    assert at.selectbox(key="import_cohort").options[1:] == cohorts
    at.selectbox(key="import_cohort").set_value(cohorts[-1]).run()
    assert not at.exception
    assert (metrics(at)["Valid rows"], metrics(at)["Rows to fix"]) == ("2", "0")


def two_files_with_a_mentor_sheet() -> list[tuple[str, bytes, str]]:
    from core.people.examples import workbook

    a = workbook({"Mentorer": (("Deltagare", "Adress", "Samtycke", "Ort"), [["Anna Ek", "anna@x.example", "ja", ""]])})
    b = workbook({"Mentorer": (("Adress", "Deltagare", "Samtycke", "Ort"), [["bo@x.example", "Bo Ek", "ja", ""],
                                                                           ["cy@", "Cy Ek", "ja", ""]])})
    return [("a.xlsx", a, XLSX), ("b.xlsx", b, XLSX)]


def test_two_files_with_a_sheet_of_the_same_name_keep_their_own_column_choices(app):
    at = app(IMPORT, lang="en", today=TODAY)
    at.file_uploader[0].set_value(two_files_with_a_mentor_sheet())
    at.run()
    for file, fields in (("a.xlsx", ("name", "email")), ("b.xlsx", ("email", "name"))):
        for index, field in enumerate(fields):
            at.selectbox(key=f"map|{file}|Mentorer|{index}").set_value(field)
    at.run()
    assert not at.exception
    assert (metrics(at)["Valid rows"], metrics(at)["Rows to fix"]) == ("2", "1")  # Anna's row is not taken as shifted
    shown = at.dataframe[0].value
    assert shown[["Sheet", "Row", "Problem"]].values.tolist() == [
        ["b.xlsx › Mentorer", 3, "'cy@' is not a valid address"]]
    assert set(at.dataframe[1].value["Sheet"]) == {"a.xlsx › Mentorer", "b.xlsx › Mentorer"}  # the comparison
    assert [b.label for b in at.get("download_button")][1:] == ["Download the rows to fix (.xlsx)", "… as .csv"]


def test_an_upload_is_read_once_not_on_every_click(app, monkeypatch):
    import streamlit as st

    from core.people import reading as importing

    calls = []
    original = importing.read_upload

    def counted(data, filename, known=None):
        calls.append(filename)
        return original(data, filename, known)

    st.cache_data.clear()
    monkeypatch.setattr(importing, "read_upload", counted)
    at = app(IMPORT, lang="en", today=TODAY)
    at.file_uploader[0].set_value(("anmalningar.xlsx", signup_workbook([mentor(1)], [mentee(7)]), XLSX))
    at.run()
    at.selectbox(key="import_role").set_value("mentor").run()
    at.selectbox(key="import_cohort").set_value("spring-2027").run()
    assert not at.exception
    assert metrics(at)["Valid rows"] == "1"
    assert calls == ["anmalningar.xlsx"]


def test_a_database_error_on_import_is_shown_in_words(app, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from core.store.people import PeopleStore

    def locked(self, connection, candidate):
        raise OperationalError("INSERT INTO people …", {}, Exception("database is locked"))

    at = app(IMPORT, lang="sv", today=TODAY)
    at.file_uploader[0].set_value(("anmalningar.xlsx", signup_workbook([mentor(1)]), XLSX))
    at.run()
    monkeypatch.setattr(PeopleStore, "_import_one", locked)
    at.button(key="commit_import").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "Importen avbröts och ingenting sparades: Databasen svarade med ett fel (OperationalError), och ingenting "
        "sparades. Försök igen; kvarstår felet, hör av dig till den som sköter servern."]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_deleting_a_matched_person_says_and_does_what_happens_to_the_partner(app, lang, database_url, monkeypatch):
    from core.people import register
    from core.people.reading import read_upload
    from core.people.register import check, commit, mapped_sheets

    store = Store(database_url)
    sheets = mapped_sheets(store, read_upload(signup_workbook([mentor(1)], [mentee(1)]), "x.xlsx").sheets)
    commit(store, check(store, sheets, "autumn-2026").valid)
    ids = dict(zip(store.participants().email, store.participants().person_id.astype(int), strict=True))
    add_matching_rows(store, ids["mentor1@region.example"], ids["adept1@kommun.example"], accept=True)
    exports = []
    monkeypatch.setattr(register, "person_export_file", lambda *args: exports.append(args) or b"{}")
    mentee_id = ids["adept1@kommun.example"]
    at = app(REGISTER, lang=lang, today=TODAY)
    at.selectbox(key="register_person").set_value(mentee_id).run()
    assert not at.exception
    assert sorted(kind for _store, _id, kind in exports) == ["json", "xlsx"]  # the person's export is ready
    partner = {"sv": "Mentor Nummer1 (mentor) i autumn-2026 förlorar paret och blir anmäld igen i autumn-2026",
               "en": "Mentor Nummer1 (mentor) in autumn-2026 loses the pair and is applied again in autumn-2026"}[lang]
    assert partner in at.warning[0].value
    at.text_input(key=f"delete_{mentee_id}").set_value("adept1@kommun.example").run()
    at.button(key=f"delete_button_{mentee_id}").click().run()
    assert not at.exception
    assert partner in at.success[0].value
    assert store.participants()[["email", "status"]].values.tolist() == [["mentor1@region.example", "applied"]]
    store.close()
