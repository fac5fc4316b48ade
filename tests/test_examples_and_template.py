"""The example participants (made up, deterministic, realistic enough to match) and the sign-up
template (both sheets, a note per column, drop-downs, and it imports as it is filled in)."""

import datetime as dt
import io
import subprocess
import sys

import openpyxl
import pytest

from core import services
from core.people.addresses import valid_email
from core.people.examples import example_sheets, load_example_participants
from core.people.reading import read_upload
from core.people.register import check, mapped_sheets
from core.people.template import COLUMNS, signup_template
from tests.conftest import ROOT


def test_examples_are_deterministic_and_sized_like_a_cohort():
    first, again = example_sheets(2026), example_sheets(2026)
    assert [e.rows for e in first] == [e.rows for e in again]
    assert [e.cohort.id for e in first] == ["autumn-2026", "spring-2027"]
    for example in first:
        assert 22 <= len(example.rows["mentor"]) <= 25 and 22 <= len(example.rows["mentee"]) <= 25
        emails = [row[2] for rows in example.rows.values() for row in rows]
        assert len(set(emails)) == len(emails)
        assert all(valid_email(e) and e.endswith(".example") for e in emails)
    assert example_sheets(2027)[0].rows != first[0].rows


def test_loading_examples_twice_gives_the_same_register(store):
    programme = services.programme(store)
    result = load_example_participants(store, programme, dt.date(2026, 11, 28))
    frame = store.participants()
    assert result == {"count": len(frame), "cohorts": ["autumn-2026", "spring-2027"]}
    assert load_example_participants(store, programme, dt.date(2026, 11, 28))["count"] == len(frame)
    assert store.participants().equals(frame)
    mentors = frame[frame.role == "mentor"]
    assert (mentors.capacity == 2).any() and (mentors.capacity == 1).any()
    assert mentors.groupby("person_id").cohort_id.nunique().max() == 2  # some serve again
    languages = {code for codes in frame.languages for code in codes}
    assert {"sv", "en", "ar", "fi"} <= languages
    goals = {tag for tags in frame[frame.role == "mentee"].goals for tag in tags}
    competences = {tag for tags in mentors.competences for tag in tags}
    assert len(goals & competences) >= 10
    assert set(frame.organisation) >= {"Region Norrland", "Sundsvalls kommun"}
    assert set(frame.status) == {"applied"} and frame.consent.all()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_template_has_both_sheets_notes_and_drop_downs(lang):
    book = openpyxl.load_workbook(io.BytesIO(signup_template(lang)))
    assert book.sheetnames == {"sv": ["Mentorer", "Adepter"], "en": ["Mentors", "Mentees"]}[lang]
    mentors = book.worksheets[0]
    headers = [c.value for c in mentors[1]]
    assert len(headers) == len(COLUMNS["mentor"])
    assert all(c.comment and c.comment.text for c in mentors[1])
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in mentors.data_validations.dataValidation}
    start = headers.index({"sv": "Önskad start", "en": "Preferred start"}[lang])
    letter = openpyxl.utils.get_column_letter(start + 1)
    assert lists[f"{letter}2"] == {"sv": '"höst,vår,valfri"', "en": '"autumn,spring,any"'}[lang]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_filled_in_template_imports_as_it_is(store, lang):
    book = openpyxl.load_workbook(io.BytesIO(signup_template(lang)))
    values = {"sv": {"name": "Anna Ek", "gender": "kvinna", "start_preference": "höst", "consent": "ja",
                     "same_org_allowed": "nej", "gender_preference": "ingen preferens",
                     "sector_preference": "annan bransch", "languages": "svenska, engelska", "capacity": 2},
              "en": {"name": "Anna Ek", "gender": "woman", "start_preference": "autumn", "consent": "yes",
                     "same_org_allowed": "no", "gender_preference": "no preference",
                     "sector_preference": "other sector", "languages": "Swedish, English", "capacity": 2}}[lang]
    for sheet, role in zip(book.worksheets, ("mentor", "mentee"), strict=True):
        sheet.append([f"{role}@x.example" if f == "email" else values.get(f, "") for f in COLUMNS[role]])
    buffer = io.BytesIO()
    book.save(buffer)
    sheets = mapped_sheets(store, read_upload(buffer.getvalue(), "mall.xlsx").sheets)
    report = check(store, sheets, "autumn-2026")
    assert report.summary() == "2 valid, 0 invalid", [i.shown("en") for i in report.issues]
    mentor, mentee = report.valid
    assert (mentor.role, mentor.participation["capacity"], mentor.person["languages"]) == ("mentor", 2, ["sv", "en"])
    assert (mentee.role, mentee.participation["sector_preference"], mentee.person["gender"]) == ("mentee", "other",
                                                                                                 "woman")


def test_the_example_data_script_writes_the_files_the_demo_uses(tmp_path):
    result = subprocess.run([sys.executable, "scripts/make_example_data.py", str(tmp_path), "--year", "2026"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["adepter-spring-2027.csv", "anmalningar-autumn-2026-rorig.xlsx", "anmalningar-autumn-2026.xlsx",
                       "anmalningar-spring-2027.xlsx"]
    csv = read_upload((tmp_path / "adepter-spring-2027.csv").read_bytes(), "adepter-spring-2027.csv")
    assert (csv.encoding, csv.delimiter, csv.sheets[0].role) == ("cp1252", ";", "mentee")
