"""`python -m core import`, run as a coordinator's script would: the report, the summary line
`N valid, M invalid` last on stdout, exit codes 0 / 1 / 2, and --dry-run storing nothing. A file
that is no readable spreadsheet (0 bytes too) is a usage error (2, one line on stderr); a sheet
with a header and no rows is a report like any other."""

import subprocess
import sys

import pytest
from participant_files import MENTEE_HEADERS, csv_text, encrypted, mentee, mentor, signup_workbook

from core.cli import main
from core.store import Store
from tests.conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    """The command as a script runs it: a new process."""
    return subprocess.run([sys.executable, "-m", "core", "import", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def run_here(capsys, *args: str) -> subprocess.CompletedProcess:
    """The same command in this process (quicker, for the many ways to get it wrong)."""
    try:
        code = main(["import", *args])
    except SystemExit as exit:
        code = exit.code
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(args, code, out, err)


def people(database_url) -> list[str]:
    store = Store(database_url)
    try:
        return sorted(store.participants()["email"])
    finally:
        store.close()


def test_a_valid_file_is_stored_and_exits_0(tmp_path, database_url):
    path = tmp_path / "anmalningar.xlsx"
    path.write_bytes(signup_workbook([mentor(1), mentor(2)], [mentee(1)]))
    result = run(str(path), "--cohort", "autumn-2026")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "3 valid, 0 invalid"
    assert "Kohort: autumn-2026." in lines
    assert "Sparat i registret: 3 nya, 0 ändrade, 0 oförändrade." in lines
    assert people(database_url) == ["adept1@kommun.example", "mentor1@region.example", "mentor2@region.example"]
    again = run(str(path), "--cohort", "autumn-2026", "--lang", "en")
    assert "Stored in the register: 0 new, 0 changed, 3 unchanged." in again.stdout


def test_invalid_rows_are_listed_and_exit_1_with_dry_run_storing_nothing(tmp_path, database_url):
    path = tmp_path / "mentorer.xlsx"
    path.write_bytes(signup_workbook([mentor(1), mentor(2, **{"E-post": "anna.svensson@"}), mentor(3, Samtycke="")]))
    result = run(str(path), "--dry-run", "--cohort", "autumn-2026")
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert "Rad 3, E-post: 'anna.svensson@' är ingen giltig adress" in lines
    assert "Rad 4, Samtycke: samtycke saknas; personen kan inte tas med utan samtycke" in lines
    assert "Provkörning (--dry-run): ingenting sparades." in lines
    assert lines[-1] == "1 valid, 2 invalid"
    assert people(database_url) == []


def test_without_a_cohort_the_next_start_is_chosen_and_said(tmp_path):
    path = tmp_path / "mentorer.csv"
    path.write_text(csv_text(("Namn", "E-post", "Samtycke"), [["Anna Ek", "anna@x.example", "ja"]]), encoding="cp1252")
    result = run(str(path), "--dry-run", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert any(line.startswith("Cohort: ") and "(the next start after " in line for line in result.stdout.splitlines())
    assert result.stdout.strip().splitlines()[-1] == "1 valid, 0 invalid"


def test_a_role_is_asked_for_when_the_file_does_not_say(tmp_path):
    path = tmp_path / "anmalan.csv"
    path.write_text(csv_text(MENTEE_HEADERS, [mentee(1)]), encoding="utf-8-sig")
    result = run(str(path), "--dry-run")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--role mentee" in result.stderr
    given = run(str(path), "--dry-run", "--role", "mentee")
    assert given.returncode == 0 and given.stdout.strip().splitlines()[-1] == "1 valid, 0 invalid"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "Filen är tom."),
    (b"\r\n  \r\n", "Filen är tom."),
    (b"MZ\x90\x00" + bytes(100), "inget kalkylark"),
    (b"PK\x03\x04" + bytes(100), "kan vara skadad"),
    (None, "lösenordsskyddad"),
    (b'Namn;E-post;Samtycke\r\nAnna Ek;"anna@x.example;ja\r\nBo Ek;bo@x.example;ja\r\n', "Rad 2 i filen"),
])
def test_an_unreadable_file_exits_2_with_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "anmalan.xlsx"
    path.write_bytes(content if content is not None else encrypted(signup_workbook([mentor(1)])))
    result = run_here(capsys, str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("mentorplan: fel: ") and message in result.stderr


def test_usage_errors_exit_2(tmp_path, capsys):
    missing = run_here(capsys, str(tmp_path / "finns-inte.xlsx"))
    assert missing.returncode == 2 and "finns inte" in missing.stderr
    path = tmp_path / "mentorer.xlsx"
    path.write_bytes(signup_workbook([mentor(1)]))
    assert run_here(capsys, str(path), "--role", "chef").returncode == 2
    other_role = run_here(capsys, str(path), "--role", "mentee", "--lang", "en")
    assert other_role.returncode == 2 and "no sheet for the role mentee" in other_role.stderr
    bad_cohort = run_here(capsys, str(path), "--cohort", "hösten", "--lang", "en")
    assert bad_cohort.returncode == 2 and "is not a cohort" in bad_cohort.stderr


@pytest.mark.parametrize(("name", "content"), [
    ("adepter.csv", b"Namn;E-post;Samtycke\r\n"),
    ("anmalan.csv", b"Namn;E-post;Samtycke\r\n;;\r\n"),  # no role to ask for: no one to give it to
    ("anmalningar.xlsx", signup_workbook([["", "", ""]], title_rows=("Anmälningar",))),
])
def test_a_sheet_with_a_header_and_no_one_under_it_is_reported_and_exits_0(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_here(capsys, str(path), "--cohort", "autumn-2026")
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.strip().splitlines()
    assert "Filen har rubriker men inga deltagare." in lines
    assert "Inga giltiga rader; ingenting sparades." in lines
    assert lines[-1] == "0 valid, 0 invalid"
    english = run_here(capsys, str(path), "--lang", "en", "--dry-run")
    assert english.returncode == 0 and "The file has headers but no participants." in english.stdout
    assert english.stdout.strip().splitlines()[-1] == "0 valid, 0 invalid"
