"""Words for people on the pages (issue 14, points 4–5): the schedule's rules and warnings read
whole; Streamlit's own English replaced where Streamlit lets it be."""

import datetime as dt
import json

import pytest

from core import services
from core.calendar.programme import Cohort, Programme
from core.calendar.schedule import describe_rule, describe_warning
from core.platform.i18n import t
from tests.pages import clean

DAY = dt.date(2026, 11, 28)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_schedule_shows_rules_and_warnings_whole(app, lang):
    at = clean(app("views/schedule.py", lang=lang, today=DAY))
    programme = Programme(services.rulebook())
    occurrences = programme.cohort(Cohort(2026, "autumn"))
    warned = [o for o in occurrences if o.warnings]
    assert warned  # the autumn start of 2026 has holidays in its weeks
    shown = [w.value for w in at.warning]
    for o in warned:  # every warning in full, not "veckan inne…"
        for warning in o.warnings:
            assert describe_warning(warning, lang) in shown
    texts = [m.value for m in at.markdown]
    assert any(describe_rule(warned[0], lang) in text for text in texts)
    config = json.loads(at.dataframe[0].proto.columns)
    assert config[t("schedule.warnings", lang)]["width"] == "large"
    assert config[t("schedule.rule", lang)]["width"] == "large"
    assert t("schedule.detail_hint", lang) in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_schedule_files_speak_in_words(app, download, lang):
    import csv
    import io

    import openpyxl
    at = clean(app("views/schedule.py", lang=lang, today=DAY))
    files = {button.label: button for button in at.download_button}
    name = t("cohort.label", lang, track=t("cohort.track_autumn", lang), year=2026)
    data, file_name = download(files[t("schedule.xlsx", lang)])
    assert file_name == {"sv": "schema-hoststart-2026.xlsx", "en": "schedule-autumn-start-2026.xlsx"}[lang]
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == [name]
    assert book.active["A1"].value == f"{t('schedule.title', lang)} · {name}"
    assert book.active.print_title_rows == "$2:$2" and book.active.page_setup.orientation == "landscape"
    text = download(files[t("schedule.csv", lang)])[0].decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if lang == "sv" else ","))
    assert rows[0][:2] == [t("schedule.cohort", lang), t("schedule.event", lang)]
    assert {row[0] for row in rows[1:]} == {name}  # the cohort by its name, not autumn-2026
    assert all("autumn-2026" not in cell for row in rows for cell in row)


@pytest.fixture
def download(monkeypatch):
    """The bytes and file name a download button hands over. AppTest has no accessor for them;
    they are in the in-memory media storage AppTest's runtime makes for each run. That runtime is
    dropped after the run, and the garbage collector may take it at any moment, so every storage
    made during the test is held here until the test ends."""
    import gc

    from streamlit.runtime.media_file_storage import MediaFileStorageError
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    from streamlit.testing.v1 import app_test

    made: list[MemoryMediaFileStorage] = []

    class Held(MemoryMediaFileStorage):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Held)

    def read(button) -> tuple[bytes, str]:
        gc.collect()  # what the collector may do at any moment, done each time: the files must still be here
        file_id = button.proto.url.rsplit("/", 1)[-1].split(".")[0]
        for storage in reversed(made):  # the newest run's first
            try:
                found = storage.get_file(file_id)
            except MediaFileStorageError:  # an earlier run's storage
                continue
            return found.content, found.filename or ""
        raise AssertionError(f"no file {file_id} among {len(made)} runs' files")

    return read


def test_the_sidebar_names_the_cohorts_in_words(app):
    at = clean(app("views/schedule.py", lang="sv", today=DAY))
    [cohorts] = [r for r in at.sidebar.radio if r.label == t("sidebar.cohort", "sv")]
    assert cohorts.options == ["Höststart 2026", "Vårstart 2027"] and cohorts.value == "autumn-2026"
    assert at.title[0].value == f"{t('schedule.title', 'sv')} · Höststart 2026"
