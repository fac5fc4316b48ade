"""The charts' names laid out (core.calendar.labels) and the documents made (core.documents),
without a browser or a process: no two names of a lane's row overlap for any year, the wheel's
names keep a line apart, and the PDFs and pictures hold what they say."""

import datetime as dt
import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from core import services
from core.calendar.labels import (
    lay_out_lanes,
    lay_out_wheel_labels,
    place_labels,
    ring_radius,
    short_label,
    text_width,
)
from core.calendar.programme import Programme
from core.calendar.schedule import cohort_label
from core.documents.pdf import Document
from core.documents.pictures import timeline_picture, wheel_picture
from core.documents.tables import schedule_pdf
from core.platform.i18n import MentorplanError, t


def programme() -> Programme:
    book = services.rulebook()
    return Programme(book, book.defaults, ())


def overlaps(boxes: list[tuple[float, float]]) -> bool:
    boxes = sorted(boxes)
    return any(left < previous_right - 1e-6 for (_, previous_right), (left, _) in zip(boxes, boxes[1:], strict=False))


@settings(deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1000), st.floats(10, 150)), min_size=1, max_size=12))
def test_labels_in_a_row_never_overlap_and_stay_on_the_axis(labels):
    anchors, widths = [a for a, _ in labels], [w for _, w in labels]
    placed = place_labels(anchors, widths, 1000, max_rows=4, gap=8)
    for row in {p.row for p in placed}:
        boxes = [(p.centre - w / 2 - 4, p.centre + w / 2 + 4) for p, w in zip(placed, widths, strict=True)
                 if p.row == row]
        assert not overlaps(boxes)
        if sum(b - a for a, b in boxes) <= 1000:
            assert all(a >= -4 - 1e-6 and b <= 1004 + 1e-6 for a, b in boxes)


def test_a_label_with_room_stays_over_its_event():
    [alone] = place_labels([300.0], [80.0], 1000)
    assert alone.row == 1 and alone.centre == 300.0


@settings(max_examples=40, deadline=None)
@given(st.integers(2001, 2099), st.sampled_from([(1000, 18, "sv"), (820, 13, "en")]))
def test_no_two_names_on_a_timeline_overlap_in_any_year(year, chart):
    width, font, lang = chart
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    lanes = lay_out_lanes(programme().between(first, last), lang, first, last, width, font, cohort_label)
    scale = width / ((last - first).days + 1)
    rows: dict[float, list[tuple[float, float]]] = {}
    for label in lanes.labels:
        half = text_width(label.text, font) / 2 / scale
        rows.setdefault(label.y, []).append((label.centre - half, label.centre + half))
        assert label.y != label.lane_y  # names sit in rows of their own, above or below their lane
    for boxes in rows.values():
        assert not overlaps(boxes)
    assert len(lanes.names) == len(set(lanes.names)) >= 3


def test_every_event_is_named_with_its_date():
    occurrences = programme().between(dt.date(2026, 9, 1), dt.date(2026, 12, 31))
    labels = {(o.cohort.id, o.id): short_label(o, "sv") for o in occurrences}
    assert labels[("autumn-2026", "kickoff")] == "Kick-off 24/9"
    assert labels[("autumn-2026", "pair_meeting_1")] == "Träff 1 v. 40"
    assert labels[("spring-2027", "matching_window")] == "Matchning 1/12–31/12"
    assert short_label(occurrences[0], "en").startswith("Mingle")


def test_the_wheels_names_keep_a_line_apart_on_each_side():
    occurrences = programme().between(dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    angles = [((o.start - dt.date(2027, 1, 1)).days + 0.5) / 365 * 360 for o in occurrences]
    placed = lay_out_wheel_labels(occurrences, "sv", angles, [ring_radius(0)] * len(occurrences), 2, 70, 18)
    for right in (True, False):
        ys = sorted(label.at[1] for label in placed if label.right == right)
        assert all(b - a >= 18 * 1.3 / 70 - 1e-9 for a, b in zip(ys, ys[1:], strict=False))
    assert {label.text for label in placed} >= {"Kick-off 11/2", "Kick-off 23/9"}


def test_the_schedule_pdf_names_people_groups_and_moves_in_english():
    occurrences = programme().programme_year(2026, ("spring",))
    reader = PdfReader(io.BytesIO(schedule_pdf(occurrences, "en", dt.date(2026, 12, 1), "a3")))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert text.startswith("Schedule: Spring start 2027 Made Tue 1 Dec 2026")
    assert "Kick-off" in text and "Thu 11 Feb 2027" in text and "Page 1 of" in text


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def test_a_name_in_a_script_the_font_lacks_prints_as_boxes_and_the_document_says_so():
    """DejaVu has no CJK: such characters come from Last Resort (a box naming their block), never
    left out without a word, and the last page says what happened and where the names are whole."""
    document = Document("Parlista", "sv", dt.date(2026, 12, 1))
    document.table_of(pd.DataFrame({"Mentor": ["山田 花子", "Åsa Öberg"], "Adept": ["Li Wei 李伟", "Örjan Ek"]}))
    text = pdf_text(document.bytes())
    assert document.unprintable == set("山田花子李伟")
    assert all(not font.missing_glyphs for font in document.fonts.values())  # every character drawn
    assert "Åsa Öberg" in text and "Li Wei" in text
    assert t("document.unprintable", "sv", count=6) in text


def test_a_name_in_arabic_or_hebrew_is_written_right_to_left_as_it_is_read():
    document = Document("Parlista", "sv", dt.date(2026, 12, 1))
    document.table_of(pd.DataFrame({"Mentor": ["محمد الأحمد", "דוד כהן"], "Adept": ["Åsa Öberg", "Li Wei"]}))
    text = pdf_text(document.bytes())
    assert "محمد الأحمد" in text and "דוד כהן" in text  # unshaped, they came out backwards: "دمحألا دمحم"
    assert not document.unprintable


def test_a_document_in_the_fonts_own_letters_has_no_such_note():
    document = Document("Parlista", "en", dt.date(2026, 12, 1))
    document.table_of(pd.DataFrame({"Mentor": ["Åsa Öberg", "Ŝtefan Ďurica", "Αλέξης", "Дмитрий"]}))
    text = pdf_text(document.bytes())
    assert not document.unprintable and "Дмитрий" in text
    assert "not in the font" not in text


def test_pictures_are_made_only_as_pdf_png_or_svg_on_a4_or_a3():
    occurrences = programme().between(dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    day = dt.date(2026, 12, 1)
    with pytest.raises(MentorplanError):
        timeline_picture(occurrences, dt.date(2026, 9, 1), dt.date(2026, 9, 30), "sv", day, day, "jpg")
    with pytest.raises(MentorplanError):
        wheel_picture(occurrences, 2026, ("autumn", "spring"), "sv", day, day, "pdf", "letter")
    svg = wheel_picture(occurrences, 2026, ("autumn", "spring"), "sv", day, day, "svg").decode("utf-8")
    assert "Årshjul 2026" in svg and "Kick-off 24/9" in svg and "Höststart" in svg
