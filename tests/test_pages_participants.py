"""The participant pages as the coordinator sees them, with AppTest in both languages: upload
the example files and a messy one, read the complaints, import, and find everyone in the
register; then edit, move and delete a person there."""

import datetime as dt

import pytest
from participant_files import add_matching_rows, mentee, mentor, signup_workbook

from core.people.examples import example_sheets, example_workbook, messy_workbook
from core.platform.i18n import t
from core.store import Store
from tests.pages import clean, cohort_name, downloads, labels, links, metrics, values

IMPORT, REGISTER = "views/participants.py", "views/register.py"
TODAY = dt.date(2026, 11, 28)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_both_pages_render_empty_in_both_languages(app, lang):
    at = clean(app(IMPORT, lang=lang, today=TODAY))
    assert values(at.title) == [t("participants.title", lang)]
    assert at.caption[0].value == t("participants.intro", lang)
    assert downloads(at) == [t("participants.template_download", lang)]
    assert values(at.info) == [t("participants.empty_register", lang)]
    assert labels(at.main.button) == [t("participants.load_examples", lang)]
    [upload] = at.file_uploader
    assert upload.label == t("participants.upload", lang) and not upload.value
    assert not at.metric and not at.dataframe  # nothing to check before a file comes
    at.switch_page(REGISTER).run()
    clean(at)
    assert values(at.title) == [t("register.title", lang)]
    assert values(at.info) == [t("register.empty", lang)]
    assert links(at) == [t("participants.nav", lang)]
    assert not at.dataframe and not at.main.selectbox


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_upload_is_checked_compared_and_imported(app, lang, database_url):
    at = app(IMPORT, lang=lang, today=TODAY)
    at.file_uploader[0].set_value(("anmalningar.xlsx", signup_workbook([mentor(1), mentor(2)], [mentee(1)]), XLSX))
    at.run()
    clean(at)
    assert values(at.subheader) == [t("participants.report", lang), t("participants.preview_title", lang)]
    assert metrics(at) == {t("participants.valid_rows", lang): "3", t("participants.invalid_rows", lang): "0",
                           t("participants.warnings", lang): "0"}
    assert t("participants.all_valid", lang) in values(at.success)
    assert t("participants.preview_counts", lang, new=3, changed=0, unchanged=0) in values(at.caption)
    assert len(at.dataframe[-1].value) == 3  # the comparison, a line per row
    assert at.button(key="commit_import").label == t("participants.commit", lang, count=3)
    at.button(key="commit_import").click().run()
    clean(at)
    assert values(at.success) == [t("participants.committed", lang, new=3, changed=0, unchanged=0)]
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
    assert downloads(at)[1:] == [t("participants.download_invalid", "sv")]
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
    assert at.success[0].value.startswith("92 påhittade exempeldeltagare i kohorterna Höststart 2026, Vårstart 2027")
    assert "load_examples" not in [b.key for b in at.button]
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
    assert labels(at.tabs) == [t(f"register.tab_{tab}", lang) for tab in (
        "details", "participation", "export", "delete")]
    at.text_input(key=f"p{person_id}_email").set_value("anna@")
    at.form_submit_button[0].click().run()
    assert {"sv": "E-post: 'anna@' är ingen giltig adress", "en": "E-mail: 'anna@' is not a valid address"}[lang] in [
        e.value for e in at.error]
    participation = store.person(person_id)["participations"][0]["id"]
    at.button(key=f"q{participation}_move").click().run()
    assert at.success[0].value.endswith({"sv": "Vårstart 2027.", "en": "Spring start 2027."}[lang])
    assert [p["status"] for p in store.person(person_id)["participations"]] == ["waiting", "applied"]
    assert downloads(at)[:2] == [t("register.export_json", lang), t("register.export_xlsx", lang)]
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
    assert at.selectbox(key="import_cohort").options[1:] == [cohort_name(c, "en") for c in cohorts]  # in words
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
    assert downloads(at)[1:] == [t("participants.download_invalid", "en"), t("participants.download_invalid_csv", "en")]


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


def test_a_database_error_on_import_is_shown_in_words(app, database_url, database_refuses):
    from sqlalchemy.exc import OperationalError

    at = app(IMPORT, lang="sv", today=TODAY)
    at.file_uploader[0].set_value(("anmalningar.xlsx", signup_workbook([mentor(1)]), XLSX))
    at.run()
    refused = database_refuses("people", OperationalError("INSERT INTO people …", {}, Exception("database is locked")))
    at.button(key="commit_import").click().run()
    assert not at.exception and len(refused) == 1
    assert [e.value for e in at.error] == [
        "Importen avbröts och ingenting sparades: Databasen svarade med ett fel (OperationalError), och ingenting "
        "sparades. Försök igen; kvarstår felet, hör av dig till den som sköter servern."]
    store = Store(database_url)
    assert store.people_count() == 0
    store.close()


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
    partner = {"sv": "Mentor Nummer1 (mentor) i Höststart 2026 förlorar paret och blir anmäld igen i Höststart 2026",
               "en": "Mentor Nummer1 (mentor) in Autumn start 2026 loses the pair and is applied again in "
                     "Autumn start 2026"}[lang]
    assert partner in at.warning[0].value
    at.text_input(key=f"delete_{mentee_id}").set_value("adept1@kommun.example").run()
    at.button(key=f"delete_button_{mentee_id}").click().run()
    assert not at.exception
    assert partner in at.success[0].value
    assert store.participants()[["email", "status"]].values.tolist() == [["mentor1@region.example", "applied"]]
    store.close()
