"""Both languages: every label has a Swedish and an English text with the same placeholders,
every label the code asks for exists, and dates are written each language's way."""

import datetime as dt
import re
import string

import pytest

from core.platform.i18n import LANGUAGES, MentorplanError, format_date, format_week, labels, t
from tests.conftest import ROOT

SOURCES = [p for folder in ("core", "views", "ui") for p in (ROOT / folder).rglob("*.py")] + [ROOT / "app.py"]
# t("key"…), MentorplanError("key"…) and the kinds of key built with an f-string prefix.
LITERAL_KEY = re.compile(r"""(?:\bt|MentorplanError)\(\s*["']([a-z_]+\.[a-z0-9_.]*[a-z0-9_])["']""")


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_label_has_both_languages_with_the_same_placeholders():
    for key, texts in labels().items():
        assert set(texts) == set(LANGUAGES), key
        assert all(texts[lang].strip() for lang in LANGUAGES), key
        assert placeholders(texts["sv"]) == placeholders(texts["en"]), key


def test_every_label_the_code_names_exists():
    missing, named = set(), 0
    for path in SOURCES:
        for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8")):
            named += 1
            if key not in labels():
                missing.add(f"{path.relative_to(ROOT)}: {key}")
    assert named > 30  # the scan finds the code's labels at all
    assert not missing


def test_every_event_kind_and_guest_group_of_the_rulebook_has_words(rulebook):
    for track in rulebook.tracks.values():
        assert f"cohort.track_{track.id}" in labels()
        for event in track.events:
            assert f"event.{event.id}" in labels()
            assert f"kind.{event.kind}" in labels()
            for invite in event.invites:
                assert f"guests.{invite.who}" in labels()
                if invite.reason:
                    assert f"guests.{invite.reason}" in labels()


def test_swedish_dates_and_weeks():
    day = dt.date(2026, 9, 24)
    assert format_date(day, "sv") == "tors 24 sep. 2026"
    assert format_date(day, "en") == "Thu 24 Sep 2026"
    assert format_week(dt.date(2026, 9, 28), "sv") == "v. 40"
    assert format_week(dt.date(2026, 9, 28), "en") == "week 40"


def test_a_missing_label_or_language_is_an_error_not_a_blank():
    with pytest.raises(KeyError):
        t("no.such.label")
    with pytest.raises(ValueError):
        t("nav.home", "de")


def test_errors_speak_both_languages():
    error = MentorplanError("error.year_range", year=1999, first=2000, last=2100)
    assert "1999" in error.shown("sv") and "utanför" in error.shown("sv")
    assert "outside" in error.shown("en")
