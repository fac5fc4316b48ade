"""`python -m core todo`: the home page's to-do list as plain lines, for a scheduled e-mail; a bad
date is one line on stderr and exit code 2."""

import datetime as dt
import subprocess
import sys

from core import services
from core.followup.todo import todo_list
from tests.conftest import ROOT
from tests.followup_pairs import matched_cohort


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "core", "todo", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_the_lines_are_the_home_pages_list(store):
    matched_cohort(store)
    result = run("--date", "2026-10-05", "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    expected = [todo.line("en") for todo in todo_list(store, services.programme(store), dt.date(2026, 10, 5))]
    assert lines == expected
    [overdue] = [line for line in lines if "pair meeting logged" in line]
    assert overdue.startswith("To do: Autumn start 2026: 4 of 4 pairs have no pair meeting logged")
    assert overdue.endswith("→ Log pair meetings")
    assert not any("**" in line or ":material" in line for line in lines)


def test_swedish_by_default_and_a_line_when_there_is_nothing_to_do(store):
    result = run("--date", "2026-07-01")
    assert (result.returncode, result.stdout, result.stderr) == (0, "Inget att göra ons 1 juli 2026.\n", "")
    result = run("--date", "2026-09-08")
    assert result.stdout.startswith("Brådskande: Höststart 2026: inga adepter i registret ännu")


def test_a_bad_date_is_one_line_and_exit_code_2(store):
    for value in ("2026-13-01",):
        result = run("--date", value)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.splitlines() == [
            f"mentorplan: fel: '{value}' är inget datum; skriv ÅÅÅÅ-MM-DD, till exempel 2026-09-24."]
    result = run("--date", "1999-05-01", "--lang", "en")
    assert result.returncode == 2 and "outside the calendar" in result.stderr
