"""The printable documents from the command line, run as a script would run them: `schedule
--format pdf`, `match --format pdf` and `timeline`, each read back — the PDFs with pypdf, the
PNG with Pillow, the SVG as text — for every event, date and name, in Swedish, landscape."""

import datetime as dt
import io
import os
import subprocess
import sys

import pytest
from PIL import Image
from pypdf import PdfReader

from core import services
from core.calendar.labels import short_label
from core.calendar.programme import Programme, cohorts_of_programme_year
from core.calendar.schedule import cohort_label, describe_when, event_name
from core.platform.i18n import t
from tests.conftest import ROOT
from tests.matching_people import COHORT, add_participant, small_cohort

A4 = (841.89, 595.28)  # landscape, in points
A3 = (1190.55, 841.89)


def run(*args, lang="sv"):
    env = {**os.environ, "MENTORPLAN_LANG": lang}
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, env=env, timeout=180)


def pdf(data: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(data))
    return reader, [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    """Text as extracted, its lines joined: a table cell wraps where the page needs it to."""
    return " ".join(text.split())


def size(page) -> tuple[float, float]:
    return round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)


def test_the_schedule_as_a_landscape_pdf_with_every_event_and_date(tmp_path):
    out = tmp_path / "schema.pdf"
    result = run("schedule", "--year", "2026", "--format", "pdf", "--out", str(out))
    assert result.returncode == 0, result.stderr
    reader, pages = pdf(out.read_bytes())
    assert len(pages) >= 2 and all(size(page) == A4 for page in reader.pages)
    text = flat(" ".join(pages))
    assert text.startswith("Schema: Höststart 2026, Vårstart 2027 Utskrivet tis 1 dec. 2026")
    programme = Programme(services.rulebook(), services.rulebook().defaults, ())
    for cohort in cohorts_of_programme_year(2026):
        assert cohort_label(cohort, "sv") in text
        for o in programme.cohort(cohort):
            assert flat(event_name(o.id, "sv")) in text, o.id
            assert flat(describe_when(o, "sv")) in text, o.id
    # The table runs over the pages, its header row on top of each; page numbers at the foot.
    for number, page in enumerate(pages, 1):
        assert flat(page).split(" Utskrivet tis 1 dec. 2026 ")[1].split(" ", 3)[:3] in (
            ["Händelse", "Datum", "Vecka"], ["Höststart", "2026", "Händelse"], ["Vårstart", "2027", "Händelse"])
        assert f"Sida {number} av {len(pages)}" in page
    assert "Långfredagen" in text  # a warning, whole


def test_the_schedule_pdf_in_english_on_a3_to_a_pipe():
    result = run("schedule", "--year", "2027", "--track", "spring", "--format", "pdf", "--paper", "a3",
                 "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"%PDF-")
    reader, pages = pdf(result.stdout)
    assert size(reader.pages[0]) == A3
    assert flat(pages[0]).startswith("Schedule: Spring start 2028 Made Tue 1 Dec 2026")


def test_the_pair_list_as_a_pdf_with_every_name_and_reason(store, tmp_path):
    small_cohort(store)
    # A name is text: brackets, stars and tags print as written.
    add_participant(store, "mentor", "Örjan [länk](http://x) <b>Åkesson</b>", email="orjan@example.se",
                    organisation="Bolaget **Ö**", competences=["juridik"])
    out = tmp_path / "par.pdf"
    result = run("match", "--cohort", COHORT, "--format", "pdf", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip().endswith("unmatched")
    reader, pages = pdf(out.read_bytes())
    assert all(size(page) == A4 for page in reader.pages)
    text = flat(" ".join(pages))
    assert text.startswith("Parlista: Höststart 2026 4 par, 2 utan par · Utskrivet tis 1 dec. 2026")
    for name in ("Anna Berg", "Bo Ek", "Cecilia Dahl", "David Falk", "Elin Gran", "Gustav Holm", "Hanna Ilves",
                 "Ivar Jonsson", "Farah Haddad", "Region Norr", "Företaget AB", "anna.berg@example.se",
                 "070-123 45 67", "Örjan [länk](http://x) <b>Åkesson</b>", "Bolaget **Ö**"):
        assert name in text, name
    assert "Mentorn kan 2 av adeptens 2 utvecklingsområden" in text
    assert "Ingen mentor utanför Region Norr talar arabiska." in text


@pytest.mark.parametrize("suffix", ["pdf", "png", "svg"])
def test_the_timeline_as_a_picture_by_its_extension(tmp_path, suffix):
    out = tmp_path / f"tidslinje.{suffix}"
    result = run("timeline", "--from", "2026-06-01", "--to", "2027-05-31", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == f"Skrev {out}.\n"
    programme = Programme(services.rulebook(), services.rulebook().defaults, ())
    occurrences = programme.between(dt.date(2026, 6, 1), dt.date(2027, 5, 31))
    expected = [short_label(o, "sv") for o in occurrences] + [
        "Höststart 2026", "Vårstart 2027", "Mentorskapsprogrammet mån 1 juni 2026 – mån 31 maj 2027",
        "Utskrivet tis 1 dec. 2026", t("chart.warning", "sv"), "Idag"]
    if suffix == "png":
        with Image.open(out) as image:
            assert image.format == "PNG" and image.size[0] > image.size[1] > 1000  # landscape, 150 dpi
        return
    if suffix == "pdf":
        reader, pages = pdf(out.read_bytes())
        assert len(pages) == 1 and size(reader.pages[0]) == A4
        text = flat(pages[0])
    else:
        text = out.read_text(encoding="utf-8")
        assert "<svg" in text[:500]
    for words in expected:
        assert words in text, words


def test_the_timeline_on_a3_in_english_defaults_to_the_twelve_months_around_today(tmp_path):
    out = tmp_path / "timeline.pdf"
    result = run("timeline", "--out", str(out), "--paper", "a3", "--lang", "en")
    assert result.returncode == 0, result.stderr
    reader, pages = pdf(out.read_bytes())
    assert size(reader.pages[0]) == A3
    text = flat(pages[0])
    assert "The mentorship programme Mon 1 Jun 2026 – Tue 1 Jun 2027" in text and "Made Tue 1 Dec 2026" in text


@pytest.mark.parametrize("args, words", [
    (["--from", "2026-13-01", "--to", "2027-01-01"], "--from '2026-13-01' är inget datum"),
    (["--from", "1 juni", "--to", "2027-01-01"], "ÅÅÅÅ-MM-DD"),
    (["--from", "2026-06-01", "--to", "2101-01-01"], "--to '2101-01-01' ligger utanför kalendern"),
    (["--from", "2027-06-01", "--to", "2026-06-01"], "slutar (2026-06-01) före sin början (2027-06-01)"),
    (["--from", "2026-01-01", "--to", "2030-01-01"], "längre än tre år"),
    (["--paper", "a5"], "--paper kan inte vara 'a5'"),
    (["--out", "plan.docx"], "plan.docx: filens ändelse"),
    ([], "--out"),
])
def test_bad_timeline_arguments_give_one_line_and_a_non_zero_exit(tmp_path, args, words):
    out = tmp_path / "tidslinje.pdf"
    arguments = args if "--out" in args or not args else [*args, "--out", str(out)]
    result = run("timeline", *arguments)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mentorplan: fel:") and words in lines[0], lines
    assert not out.exists() and result.stdout == b""


@pytest.mark.parametrize("command", [["schedule", "--year", "2026"], ["match", "--cohort", COHORT]])
def test_a_bad_paper_for_a_pdf_is_one_line(command):
    result = run(*command, "--format", "pdf", "--paper", "letter")
    assert result.returncode == 2
    assert result.stderr.decode().strip() == "mentorplan: fel: --paper kan inte vara 'letter'; välj en av: a4, a3."
