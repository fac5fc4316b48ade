"""Derived data kept between runs (core/platform/cache.py): built once, read back while its files
are unchanged, built again whatever is wrong with the copy — and the copies the command line
uses (Sweden's days off, the labels) say exactly what the package and the files say."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.calendar import workdays
from core.platform import cache, i18n


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "source.toml"
    path.write_text("a = 1\n", encoding="utf-8")
    return path


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_a_value_is_built_once_and_read_back_while_its_files_are_unchanged(cache_folder, source):
    build, calls = counting({"x": ["å", 1]})
    assert cache.kept("thing", [source], build) == {"x": ["å", 1]}
    assert cache.kept("thing", [source], build) == {"x": ["å", 1]}
    assert len(calls) == 1
    assert json.loads((cache_folder / "thing.json").read_text(encoding="utf-8"))["value"] == {"x": ["å", 1]}
    assert [p.name for p in cache_folder.iterdir()] == ["thing.json"]  # no temporary file left
    assert (cache_folder / "thing.json").stat().st_mode & 0o777 == 0o644  # a command run by another user reads it


def test_a_changed_file_builds_it_again(cache_folder, source):
    cache.kept("thing", [source], lambda: "old")
    source.write_text("a = 22\n", encoding="utf-8")  # another size
    assert cache.kept("thing", [source], lambda: "new") == "new"
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # same size, touched
    assert cache.kept("thing", [source], lambda: "newer") == "newer"


def test_another_list_of_files_builds_it_again(cache_folder, source, tmp_path):
    cache.kept("thing", [source], lambda: "one file")
    other = tmp_path / "other.toml"
    other.write_text("b = 2\n", encoding="utf-8")
    assert cache.kept("thing", [source, other], lambda: "two files") == "two files"


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe\x00", b"[1, 2]", b'{"stamp": 1}', b"null"])
def test_a_damaged_copy_is_built_again_and_replaced(cache_folder, source, content):
    cache_folder.mkdir()
    (cache_folder / "thing.json").write_bytes(content)
    assert cache.kept("thing", [source], lambda: [1, 2, 3]) == [1, 2, 3]
    assert cache.kept("thing", [source], lambda: pytest.fail("read back, not built")) == [1, 2, 3]


def test_a_folder_that_cannot_be_written_only_means_building_every_time(tmp_path, monkeypatch, source):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_DIR_VARIABLE, str(blocker / "cache"))  # under a file: never a folder
    build, calls = counting("value")
    assert cache.kept("thing", [source], build) == "value"
    assert cache.kept("thing", [source], build) == "value"
    assert len(calls) == 2


def test_a_missing_source_builds_without_keeping(cache_folder, tmp_path):
    assert cache.kept("thing", [tmp_path / "gone.toml"], lambda: "built") == "built"
    assert not cache_folder.exists()


def test_a_failing_build_keeps_nothing(cache_folder, source):
    def broken():
        raise ValueError("bad file")
    with pytest.raises(ValueError, match="bad file"):
        cache.kept("thing", [source], broken)
    assert not (cache_folder / "thing.json").exists()


# -- The copies in use ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def package_days():
    return {(lang, categories): holidays.Sweden(include_sundays=False, categories=categories,
                                                language=workdays._LANGUAGES[lang])
            for lang in ("sv", "en") for categories in workdays.KEPT_CATEGORIES}


def test_the_kept_days_off_are_the_packages_for_every_day_of_the_kept_years(package_days):
    table = workdays.days_off_table()
    first, last = dt.date(workdays.KEPT_YEARS[0], 1, 1), dt.date(workdays.KEPT_YEARS[-1], 12, 31)
    every_day = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    for (lang, categories), days in package_days.items():
        expected = {day.isoformat(): "; ".join(names) for day in every_day if (names := days.get_list(day))}
        assert table[workdays._key(lang, categories)] == expected, (lang, categories)
    assert table["sv:public+de_facto"]["2026-06-19"] == "Midsommarafton"
    assert table["en_US:public+de_facto"]["2026-12-25"] == "Christmas Day"


@settings(max_examples=300, deadline=None)
@given(day=st.dates(dt.date(1990, 1, 1), dt.date(2110, 12, 31)),
       lang=st.sampled_from(["sv", "en"]), categories=st.sampled_from(workdays.KEPT_CATEGORIES + (("public",),)))
def test_holiday_name_reads_the_same_as_the_package_inside_and_outside_the_kept_years(
        package_days, day, lang, categories):
    days = package_days.get((lang, categories)) or holidays.Sweden(
        include_sundays=False, categories=categories, language=workdays._LANGUAGES[lang])
    names = days.get_list(day)
    assert workdays.holiday_name(day, lang, categories) == ("; ".join(names) if names else None)


def test_the_kept_labels_are_the_files_labels():
    files = sorted(i18n.I18N_DIR.glob("*.toml"))
    assert i18n.labels() == i18n.read_labels(files)
