"""`python -m core schedule`, run as a script would run it."""

import csv
import io
import subprocess
import sys

import openpyxl
import pytest
from icalendar import Calendar

from core.calendar.programme import load_rulebook
from tests.conftest import ROOT


def run(*args, env_lang="sv"):
    import os
    env = {**os.environ, "MENTORPLAN_LANG": env_lang}
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, env=env,
                          timeout=120)


def test_prints_the_manuals_dates_as_csv():
    result = run("schedule", "--year", "2026")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    assert list(rows[0]) == ["cohort", "event", "start", "end", "iso_week", "rule", "invited", "warnings"]
    autumn = {r["event"]: r["start"] for r in rows if r["cohort"] == "autumn-2026"}
    assert [autumn[e] for e in ("mentor_mingle", "matching_deadline", "training_mentees", "training_mentors",
                                "kickoff", "mid_meeting", "closing")] == \
        ["2026-09-03", "2026-09-10", "2026-09-16", "2026-09-17", "2026-09-24", "2027-01-28", "2027-05-27"]
    assert {r["cohort"] for r in rows} == {"autumn-2026", "spring-2027"}
    assert not result.stdout.startswith(b"\xef\xbb\xbf")


def test_one_track():
    result = run("schedule", "--year", "2026", "--track", "spring", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert {r["cohort"] for r in rows} == {"spring-2027"}
    deadline = next(r for r in rows if r["event"] == "matching_deadline")  # "klar i december" (issue 15)
    assert (deadline["start"], deadline["rule"]) == ("2026-12-30", "last working day of December")


def test_the_evening_mingles_are_rows_of_their_own():
    """Issue 15: each evening mingle of the manual is an event, on its day event's day."""
    result = run("schedule", "--year", "2026")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    found = {(r["cohort"], r["event"]): r for r in rows if r["event"].endswith("_mingle")}
    assert {key: (r["start"], r["end"]) for key, r in found.items()
            if key[1] != "mentor_mingle"} == {
        ("autumn-2026", "closing_mingle"): ("2027-05-27", "2027-05-27"),
        ("spring-2027", "mid_meeting_mingle"): ("2027-06-10", "2027-06-10"),
        ("spring-2027", "closing_mingle"): ("2027-11-11", "2027-11-11"),
    }
    autumn = found[("autumn-2026", "closing_mingle")]
    assert autumn["invited"].startswith("mentorspar ") and autumn["invited"].endswith(" (pågående program)")
    assert "; " not in autumn["invited"]  # the other track's running pairs, and nobody else
    assert "mingel" in autumn["rule"].lower()  # the rulebook's note, after the rule
    assert "blivande mentorer" in found[("spring-2027", "closing_mingle")]["invited"]
    assert found[("spring-2027", "mid_meeting_mingle")]["invited"] == "blivande mentorer"
    # the day events no longer carry the evening's guests
    days = {(r["cohort"], r["event"]): r["invited"] for r in rows}
    for day in (("autumn-2026", "closing"), ("spring-2027", "closing")):
        assert "; " not in days[day] and "pågående" not in days[day]  # the cohort's own pairs only
    june = days[("spring-2027", "mid_meeting")]
    assert "blivande" not in june and "nystartat" not in june and "nyss avslutat program" in june


def test_writes_xlsx_and_ics_files(tmp_path):
    xlsx, ics = tmp_path / "plan.xlsx", tmp_path / "plan.ics"
    assert run("schedule", "--year", "2027", "--format", "xlsx", "--out", str(xlsx)).returncode == 0
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Höststart 2027", "Vårstart 2028"]  # in words: a workbook is for people
    assert book.active["A1"].value == "Schema · Programåret 2027" and book.active.print_title_rows == "$2:$2"
    assert run("schedule", "--year", "2027", "--format", "ics", "--out", str(ics)).returncode == 0
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    # every event of both tracks, the 3 September mingle they share once (issue 12)
    rulebook = load_rulebook()
    assert len(events) == sum(len(track.events) for track in rulebook.tracks.values()) - 1
    [mingle] = [e for e in events if "mentor_mingle@" in str(e["uid"])]
    assert str(mingle["uid"]) == "autumn-2027-mentor_mingle@mentorplan" and "Vårstart 2028" in str(mingle["summary"])


@pytest.mark.parametrize("args, words", [
    (["schedule", "--year", "1999"], "2000"),
    (["schedule", "--year", "2101"], "2100"),
    (["schedule", "--year", "tjugo"], "tjugo"),
    (["schedule", "--year", "2026", "--track", "winter"], "winter"),
    (["schedule", "--year", "2026", "--format", "docx"], "docx"),
    (["schedule"], "--year"),
    (["schedule", "--yea", "2026"], "--yea"),
    (["schedule", "--year", "2026", "--lang", "de"], "de"),
])
def test_bad_arguments_give_one_line_and_a_non_zero_exit(args, words):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == b""
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and lines[0].startswith("mentorplan: fel:")


def test_messages_in_english_when_asked():
    result = run("schedule", "--year", "1999", "--lang", "en")
    assert result.stderr.decode().startswith("mentorplan: error: The year 1999 is outside the calendar")


def test_an_unwritable_out_file_is_a_message(tmp_path):
    result = run("schedule", "--year", "2026", "--out", str(tmp_path / "missing" / "x.csv"))
    assert result.returncode == 2 and "x.csv" in result.stderr.decode()



def test_a_closed_pipe_ends_quietly(monkeypatch, tmp_path):
    """`python -m core schedule … | head -1`: the reader goes away mid-write."""
    from core.cli import main

    class ClosedPipe:
        def __init__(self):
            self.file = (tmp_path / "stdout").open("wb")

        def write(self, data):
            raise BrokenPipeError

        def flush(self):
            pass

        def fileno(self):
            return self.file.fileno()

        @property
        def buffer(self):
            return self

        def isatty(self):
            return False

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["schedule", "--year", "2026"]) == 1  # no traceback: it returns


@pytest.mark.parametrize("args, sv, en", [
    (["schedule"], "de här argumenten behövs: --year", "the following arguments are required: --year"),
    (["schedule", "--year"], "argumentet --year behöver ett värde", "argument --year expected one argument"),
    (["schedule", "--year", "2026", "--bogus"], "okända argument: --bogus", "unrecognized arguments: --bogus"),
])
def test_argparse_phrases_in_both_languages(args, sv, en):
    assert sv in run(*args).stderr.decode()
    assert en in run(*args, "--lang", "en").stderr.decode()
