"""`python -m core match`, run as a script would run it, on a register written into the test's
own database."""

import csv
import io
import os
import subprocess
import sys

import openpyxl
import pytest

from core.cli import main
from tests.conftest import ROOT
from tests.matching_people import COHORT, small_cohort


def run(*args, lang="sv"):
    env = {**os.environ, "MENTORPLAN_LANG": lang}
    return subprocess.run([sys.executable, "-m", "core", "match", *args], cwd=ROOT, capture_output=True, env=env,
                          timeout=120)


def test_prints_the_pairs_as_csv_and_a_summary_line(store):
    small_cohort(store)
    result = run("--cohort", COHORT, "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert lines[0] == "mentor_email,mentee_email,score,reasons"
    assert lines[-1] == "4 pairs, 1 unmatched"
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[:-1]))))
    assert [(r["mentor_email"], r["mentee_email"]) for r in rows] == [
        ("anna.berg@example.se", "elin.gran@example.se"), ("bo.ek@example.se", "gustav.holm@example.se"),
        ("cecilia.dahl@example.se", "hanna.ilves@example.se"), ("david.falk@example.se", "ivar.jonsson@example.se")]
    assert all(len(r["score"].split(".")[1]) == 3 and 0 <= float(r["score"]) <= 1 for r in rows)
    assert rows[0]["reasons"].startswith("The mentor covers 2 of the mentee's 2 goals")
    # The unmatched person is named, with the reason, on stderr; nothing was stored.
    assert "Farah Haddad <farah.haddad@example.se> (mentee): No mentor outside Region Norr speaks Arabic." in \
        result.stderr.decode("utf-8")
    assert store.match_runs(COHORT).empty


def test_accept_stores_the_run_as_the_cohorts_pairs(store):
    small_cohort(store)
    result = run("--cohort", COHORT, "--objective", "fairest", "--accept")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").splitlines()[-1] == "4 pairs, 1 unmatched"
    assert "godkänd" in result.stderr.decode("utf-8")
    accepted = store.accepted_run(COHORT)
    assert accepted.objective == "fairest" and accepted.pair_count == 4
    assert set(store.participants(COHORT)["status"]) == {"matched", "waiting"}
    assert store.participants("spring-2027", "mentee")["name"].tolist() == ["Farah Haddad"]


def test_writes_a_workbook_and_prints_the_summary(store, tmp_path):
    small_cohort(store)
    out = tmp_path / "pairs.xlsx"
    result = run("--cohort", COHORT, "--format", "xlsx", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "4 pairs, 1 unmatched\n"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Par", "Utan par", "Om matchningen"]
    assert book["Par"]["A1"].value == "Parlistan · Höststart 2026"  # a title row, then the header
    header = [c.value for c in book["Par"][2]]
    assert header[:4] == ["Mentor", "Mentorns organisation", "Mentorns e-post", "Mentorns telefon"]
    assert book["Par"].max_row == 6
    assert book["Utan par"]["A3"].value == "Farah Haddad"


def test_csv_to_a_file_keeps_the_byte_order_mark_for_excel(store, tmp_path):
    small_cohort(store)
    out = tmp_path / "pairs.csv"
    result = run("--cohort", COHORT, "--out", str(out))
    assert result.returncode == 0 and result.stdout.decode() == "4 pairs, 1 unmatched\n"
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfmentor_email,mentee_email,score,reasons")
    assert b"unmatched" not in data


def test_an_empty_cohort_is_exit_code_2(store):
    result = run("--cohort", "autumn-2031")
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode("utf-8").startswith("mentorplan: fel: Kohorten Höststart 2031 har inga deltagare")


@pytest.mark.parametrize(("args", "words"), [
    (("--cohort", "autumn-26"), "är ingen kohort"),
    (("--cohort", "winter-2026"), "Okänt program"),
    (("--cohort", COHORT, "--objective", "best"), "--objective"),
    (("--cohort", COHORT, "--format", "docx"), "--format"),
    (("--cohort", COHORT, "--format", "pdf", "--paper", "a5"), "--paper"),
    ((), "--cohort")])
def test_bad_arguments_are_exit_code_2(store, capsys, args, words):
    small_cohort(store)
    with pytest.raises(SystemExit) as caught:
        main(["match", *args])
    assert caught.value.code == 2
    captured = capsys.readouterr()
    assert words in captured.err and captured.out == ""
