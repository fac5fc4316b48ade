"""Sign-up exports straight from the form tools (tests/form_exports.py) import with no hand
mapping: the tool's own columns are left out or kept as the time of sending, questions are known
by their words and their answers together, multi-choice answers are split, a refused consent is
called a refusal, a form sent twice counts once (the later answer), and two people of one name
are a note. The command line tells every column's fate and takes --map."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.cli import main
from core.people.columns import EXTRA, IGNORE
from core.people.reading import read_upload
from core.people.recognising import ACCEPT, ACCEPTS, MISFITS, is_date_time, is_list, moment, recognise_columns
from core.people.register import check, commit, mapped_sheets
from tests import form_exports

EXPORTS = {
    "microsoft-sv.xlsx": lambda: form_exports.microsoft_forms("sv"),
    "microsoft-en.xlsx": lambda: form_exports.microsoft_forms("en"),
    "google-en.csv": lambda: form_exports.google_forms("en"),
    "google-sv.csv": lambda: form_exports.google_forms("sv"),
    "surveymonkey.csv": form_exports.surveymonkey,
    "typeform.csv": form_exports.typeform,
}
# The fields each export's columns fill, in order, with no choice made by hand.
EXPECTED = {
    "microsoft": [IGNORE, IGNORE, "submitted_at", "email", "name", IGNORE, "role", "organisation", "title",
                  "competences", "experience_years", "capacity", "goals", "start_preference", "gender",
                  "gender_preference", "consent"],
    "google": ["submitted_at", "email", "name", "organisation", "role", "capacity", "competences", "experience_years",
               "goals", "start_preference", "consent"],
    "surveymonkey": [IGNORE, IGNORE, IGNORE, "submitted_at", IGNORE, "email", "first_name", "last_name", IGNORE,
                     "role", "organisation", "capacity", "competences", "consent"],
    "typeform": [IGNORE, "name", "email", "organisation", "role", "goals", "consent", IGNORE, "submitted_at", IGNORE],
}


def mapped(store, name: str):
    return mapped_sheets(store, read_upload(EXPORTS[name](), name).sheets)


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_is_mapped_without_a_hand(store, name):
    [sheet] = mapped(store, name)
    assert list(sheet.mapping) == EXPECTED[name.split("-")[0].split(".")[0]]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_microsoft_forms_imports_whole(store, lang):
    sheets = mapped(store, f"microsoft-{lang}.xlsx")
    report = check(store, sheets, "autumn-2026")
    assert report.summary() == "6 valid, 1 invalid"
    [refused] = report.invalid
    assert [i.code for i in refused.issues] == ["validation.consent_refused"]
    assert refused.issues[0].shown("en").endswith("the person declined consent and cannot be taken in")
    valid = {c.email: c for c in report.valid}
    anna = valid["anna.svensson@kommunen.example"]
    expected_competences = ["Ledarskap", "Projektledning"] if lang == "sv" else ["Leadership", "Project management"]
    assert list(anna.participation["competences"]) == expected_competences  # "A;B;" split, no empty tag
    assert anna.participation["experience_years"] == 14 and anna.participation["capacity"] == 2
    assert anna.participation["start_preference"] == "autumn"  # from the question, not from "Starttid"
    assert anna.participation["extra"] == {"submitted_at": "2026-08-20 09:21:05"}
    # Bo Lind sent the form twice: the later answer (two places) counts, the earlier is a note.
    assert valid["bo.lind@regionen.example"].participation["capacity"] == 2
    [superseded] = [i for i in report.issues if i.code == "validation.superseded"]
    assert superseded.severity == "warning" and superseded.row == 3
    # Two people called Anders Eriksson: a note on each, not an error.
    namesakes = [i for i in report.issues if i.code == "validation.same_name_other_person"]
    assert [(i.row, i.severity) for i in namesakes] == [(5, "note"), (9, "note")]
    counts = commit(store, report.valid)
    assert counts["new"] == 6


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_google_forms_imports_whole_with_the_role_from_the_answers(store, lang):
    report = check(store, mapped(store, f"google-{lang}.csv"), "autumn-2026")
    assert report.summary() == "6 valid, 1 invalid"
    roles = {c.email: c.role for c in report.valid}
    assert roles["anna.svensson@kommunen.example"] == "mentor" and roles["dina.haddad@kommunen.example"] == "mentee"
    cecilia = next(c for c in report.valid if c.name == "Cecilia Ek")
    assert cecilia.participation["capacity"] == 3
    assert list(cecilia.participation["competences"]) == (["Recruitment", "Leadership"] if lang == "en"
                                                          else ["Rekrytering", "Ledarskap"])


def test_a_max_mentees_column_is_the_capacity_and_used(store):
    report = check(store, mapped(store, "surveymonkey.csv"), "autumn-2026")
    assert report.summary() == "4 valid, 0 invalid"
    assert {c.name: c.participation["capacity"] for c in report.valid} == {
        "Anna Svensson": 2, "Bo Lind": 1, "Cecilia Ek": 3, "Anders Eriksson": 2}


def test_an_unknown_column_that_looks_important_is_a_warning_not_all_valid(store):
    data = form_exports.surveymonkey().replace(b"Max mentees", b"Platsantal")
    report = check(store, mapped_sheets(store, read_upload(data, "s.csv").sheets), "autumn-2026")
    [warning] = [i for i in report.issues if i.code == "validation.extra_important"]
    assert warning.severity == "warning"
    assert warning.shown("en") == ("Platsantal: the column 'Platsantal' is not used for matching but looks "
                                     "important (numbers); choose a field for it")


def run_here(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(["import", *args])
    except SystemExit as exit:
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_tells_every_columns_fate_before_the_summary(tmp_path, capsys):
    path = tmp_path / "typeform.csv"
    path.write_bytes(form_exports.typeform().replace(b"Where do you work?", b"Arbetsplats eller skola"))
    code, out, _ = run_here(capsys, str(path), "--dry-run", "--lang", "en", "--cohort", "autumn-2026")
    lines = out.splitlines()
    assert code == 1 and lines[-1] == "2 valid, 1 invalid"
    assert "  A '#' is left out" in lines
    assert "  I 'Submit Date (UTC)' → Submitted (the form's time)" in lines
    assert "  D 'Arbetsplats eller skola' → Organisation (guessed from the header's words; check it)" in lines
    assert lines.index("Columns of 'typeform':") < lines.index("2 valid, 1 invalid")


def test_map_chooses_a_field_and_a_wrong_one_is_exit_2(tmp_path, capsys):
    data = form_exports.surveymonkey().replace(b"Max mentees", b"Platsantal")
    path = tmp_path / "s.csv"
    path.write_bytes(data)
    code, out, _ = run_here(capsys, str(path), "--dry-run", "--lang", "en", "--cohort", "autumn-2026")
    assert "  L 'Platsantal' is not used for matching: choose a field for it (--map \"Platsantal=field\")" in out
    code, out, _ = run_here(capsys, str(path), "--dry-run", "--lang", "en", "--cohort", "autumn-2026",
                            "--map", "platsantal=capacity")
    assert code == 0 and "  L 'Platsantal' → Number of mentees" in out
    for bad, words in (("Platsantal", "write HEADER=field"), ("Platsantal=places", "'places' is not a field"),
                       ("Nothing=capacity", "the file has no column 'Nothing'")):
        code, out, err = run_here(capsys, str(path), "--lang", "en", "--map", bad)
        assert code == 2 and out == "" and words in err and len(err.splitlines()) == 1


# -- Values veto a header: a property over random sheets -----------------------------------------

cell = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=True),
                 st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)),
                 st.text(max_size=30), st.sampled_from(["Mentor", "Adept", "ja", "nej", "A;B;", "x, y", "3",
                                                        "anna@x.example", "2026-09-03 14:22", "anonymous"]))
headers = st.sampled_from(["E-post", "Namn", "Starttid", "Erfarenhet", "Antal adepter", "Önskad start", "Roll",
                           "Samtycke", "Kön", "Inom vilka områden kan du dela med dig av din erfarenhet?",
                           "Timestamp", "Max mentees", "Vad heter du?", "Kommentar", "", "ID"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(headers, st.lists(cell, min_size=0, max_size=12)), min_size=1, max_size=6))
def test_no_column_whose_values_contradict_a_field_is_mapped_to_it(columns):
    heads = [h for h, _ in columns]
    guesses = recognise_columns(heads, [values for _, values in columns])
    for (header, values), guess in zip(columns, guesses, strict=True):
        test = ACCEPTS.get(guess.target)
        filled = [v for v in values if v is not None and str(v).strip() != "" and v == v]
        if test is None or not filled:
            continue
        fitting = sum(1 for v in filled if test(v))
        assert fitting >= ACCEPT * len(filled) or len(filled) - fitting < MISFITS, (header, guess, values)
        if guess.target in ("experience_years", "capacity"):
            assert sum(1 for v in filled if is_list(v) or is_date_time(v)) < max(MISFITS, len(filled) * (1 - ACCEPT))
    assert len([g for g in guesses if g.target not in (EXTRA, IGNORE)]) == len(
        {g.target for g in guesses if g.target not in (EXTRA, IGNORE)})  # a field takes one column


def test_moments_in_the_form_tools_ways():
    assert moment("2026/08/20 9:14:05 AM GMT+2") == dt.datetime(2026, 8, 20, 9, 14, 5)
    assert moment("2026-08-20 09:14:05") == dt.datetime(2026, 8, 20, 9, 14, 5)
    assert moment("08/20/2026 02:14:05 PM") == dt.datetime(2026, 8, 20, 14, 14, 5)
    assert moment(dt.datetime(2026, 8, 20, 9, 0)) == dt.datetime(2026, 8, 20, 9, 0)
    assert moment("Hösten") is None and moment(3) is None
