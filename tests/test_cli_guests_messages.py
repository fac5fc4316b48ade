"""`python -m core guests` and `python -m core messages`, run as a script or a scheduled job would
run them, on a stored register with a history of cohorts."""

import csv
import io
import os
import subprocess
import sys
import zipfile
from email import message_from_bytes, policy

import pytest

from core.cli import main
from core.messages.templates import EventDetails
from tests.conftest import ROOT
from tests.messages_history import history


def run(*args, env_lang="sv"):
    """As a script runs it: a new Python process."""
    env = {**os.environ, "MENTORPLAN_LANG": env_lang}
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, env=env,
                          timeout=120)


def run_here(capsysbinary, *args) -> tuple[int, bytes, bytes]:
    """The same command in this process (quicker, for the many ways an argument can be wrong)."""
    try:
        code = main(list(args))
    except SystemExit as stop:
        code = stop.code
    out, err = capsysbinary.readouterr()
    return code, out, err


@pytest.fixture
def register(store):
    history(store)
    return store


def drafts(path) -> list:
    with zipfile.ZipFile(path) as archive:
        return [message_from_bytes(archive.read(name), policy=policy.default) for name in archive.namelist()]


def test_the_guest_list_as_csv(register):
    result = run("guests", "--cohort", "autumn-2026", "--event", "training_mentors", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert not result.stdout.startswith(b"\xef\xbb\xbf")
    text = result.stdout.decode("utf-8")
    assert text.splitlines()[0] == "email,name,role,cohort,reason"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0] == {"email": "anna.berg@example.se", "name": "Anna Berg", "role": "mentor", "cohort": "autumn-2026",
                       "reason": "mentor, Autumn start 2026"}
    # the former pairs of the most recently closed cohort of each track (issue 12): spring-2025 last
    assert rows[-1] == {"email": "leo.nystrom@example.se", "name": "Leo Nyström", "role": "mentee",
                        "cohort": "spring-2025", "reason": "mentee, Spring start 2025, former mentor pair"}
    assert result.stderr == b""


def test_guests_without_an_address_are_named_on_stderr_with_exit_code_1(register, tmp_path):
    out = tmp_path / "kickoff.csv"
    result = run("guests", "--cohort", "autumn-2026", "--event", "kickoff", "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.decode().strip() == "Ingen e-post: Ulla Utan (adept, autumn-2026)"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 7 and "Ulla Utan" not in {r["name"] for r in rows}
    assert rows[-1]["reason"] == "mentor, Vårstart 2026, pågående program"


@pytest.mark.parametrize(("args", "words"), [
    (("--cohort", "autumn-2026", "--event", "party"), "--event"),
    (("--cohort", "winter-2026", "--event", "kickoff"), "winter"),
    (("--cohort", "autumn-2026"), "--event"),
])
def test_a_bad_guests_argument_is_one_line_and_exit_code_2(register, capsysbinary, args, words):
    code, out, err = run_here(capsysbinary, "guests", *args, "--lang", "en")
    assert code == 2
    assert len(err.decode().strip().splitlines()) == 1 and words in err.decode()
    assert out == b""


def test_the_decisions_as_drafts(register, tmp_path):
    out = tmp_path / "besked.zip"
    result = run("messages", "--cohort", "autumn-2026", "--kind", "decisions", "--out", str(out),
                 "--from", "Mentorskapsprogrammet <mentor@example.se>")
    assert result.returncode == 1  # Ulla Utan has no address
    assert result.stdout.decode().strip() == f"7 meddelanden skrivna till {out}"
    assert result.stderr.decode().strip() == "Inget meddelande: Ulla Utan: saknar en användbar e-postadress (–)."
    messages = drafts(out)
    assert [m["To"].addresses[0].display_name for m in messages] == [
        "Anna Berg", "Bo Ek", "Elin Gran", "Gustav Holm", "Hanna Ilves", "Cecilia Dahl", "Farah Haddad"]
    assert all(m["X-Unsent"] == "1" and m["From"].addresses[0].addr_spec == "mentor@example.se" for m in messages)
    assert messages[0]["Subject"] == "Besked: du är mentor i mentorskapsprogrammet, Höststart 2026"
    log = register.message_log("autumn-2026")
    assert len(log) == 7 and set(log["status"]) == {"prepared"} and set(log["channel"]) == {"eml"}


def test_the_invitations_need_their_place_and_carry_the_calendar(register, tmp_path):
    out = tmp_path / "kickoff.zip"
    missing = run("messages", "--cohort", "autumn-2026", "--kind", "invitation", "--event", "kickoff",
                  "--out", str(out), "--lang", "en")
    assert missing.returncode == 2 and not out.exists()
    assert missing.stderr.decode().strip() == ("mentorplan: error: Fill in the place and the time for Kick-off: the "
                                               "template uses {place}, {time}.")
    register.save_event_details("autumn-2026", "kickoff", EventDetails(place="Stadshuset", time="9–12"))
    result = run("messages", "--cohort", "autumn-2026", "--kind", "invitation", "--event", "kickoff",
                 "--out", str(out), "--lang", "en", "--place", "Folkets hus, Umeå")
    assert result.returncode == 1, result.stderr
    messages = drafts(out)
    assert len(messages) == 7
    body = messages[-1].get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Time: 9–12\nPlace: Folkets hus, Umeå" in body
    assert "as a mentor in Spring start 2026, the programme now running" in body
    [attachment] = list(messages[-1].iter_attachments())
    assert attachment.get_content_type() == "text/calendar" and "METHOD:PUBLISH" in attachment.get_content()


def test_unsent_leaves_out_those_already_sent(register, tmp_path):
    first = tmp_path / "first.zip"
    run("messages", "--cohort", "autumn-2026", "--kind", "decisions", "--out", str(first))
    log = register.message_log("autumn-2026")
    sent = list(log.loc[log["name"].isin(["Anna Berg", "Bo Ek"]), "person_id"])
    register.mark_sent("autumn-2026", "decision", "decisions_sent", sent)
    second = tmp_path / "second.zip"
    result = run("messages", "--cohort", "autumn-2026", "--kind", "decisions", "--out", str(second), "--unsent")
    assert result.stdout.decode().startswith("5 meddelanden")
    assert "Anna Berg" not in {m["To"].addresses[0].display_name for m in drafts(second)}


@pytest.mark.parametrize(("args", "words"), [
    (("--kind", "letters", "--out", "x.zip"), "--kind"),
    (("--kind", "invitation", "--out", "x.zip"), "--event"),
    (("--kind", "decisions", "--event", "kickoff", "--out", "x.zip"), "--event"),
    (("--kind", "decisions", "--out", "x.txt"), ".zip"),
    (("--kind", "decisions"), "--out"),
    (("--kind", "invitation", "--event", "decisions_sent", "--out", "x.zip"), "not an event people are invited to"),
    (("--kind", "decisions", "--out", "x.zip", "--from", "nobody"), "sender"),
])
def test_a_bad_messages_argument_is_one_line_and_exit_code_2(register, capsysbinary, tmp_path, monkeypatch,
                                                             args, words):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_here(capsysbinary, "messages", "--cohort", "autumn-2026", *args, "--lang", "en")
    assert code == 2, err
    assert len(err.decode().strip().splitlines()) == 1 and words in err.decode()
    assert not (tmp_path / "x.zip").exists()


def test_no_decisions_before_a_matching_is_accepted(register, capsysbinary, tmp_path):
    code, _, err = run_here(capsysbinary, "messages", "--cohort", "autumn-2027", "--kind", "decisions",
                            "--out", str(tmp_path / "x.zip"), "--lang", "en")
    assert code == 2
    assert "no accepted matching" in err.decode()
