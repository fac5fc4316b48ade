"""Event labels on a chart laid out so that none overlaps another: each lane's labels are dealt
into rows above and below the lane, and within a row moved sideways (tied to their event by a
leader line) as little as possible. The same layout serves the interactive timeline, the printed
one and the year wheel (where a row is a ring and the width an arc)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from core.calendar.programme import Cohort, Occurrence
from core.platform.i18n import format_week, labels, t

# An average glyph of the sans-serif fonts used (Plotly's, Streamlit's, DejaVu Sans) is at most
# this many font sizes wide; a label is measured with it, and a gap of one glyph kept between two.
GLYPH_WIDTH = 0.62
GAP = 1.0


def short_day(day: dt.date) -> str:
    """ "24/9": how a Swedish (and a British) slide writes a day."""
    return f"{day.day}/{day.month}"


def short_label(occurrence: Occurrence, lang: str) -> str:
    """An event's name on a chart, with its date: "Kick-off 24/9", "Träff 1 v. 40",
    "Matchning 1/12–31/12"."""
    key = f"chart.short.{occurrence.id}"
    name = t(key, lang) if key in labels() else t(f"event.{occurrence.id}", lang)
    if occurrence.one_day:
        return f"{name} {short_day(occurrence.start)}"
    if occurrence.event.kind == "pair_meeting":
        return f"{name} {format_week(occurrence.start, lang)}"
    return f"{name} {short_day(occurrence.start)}–{short_day(occurrence.end)}"


def text_width(text: str, font_size: float) -> float:
    """A label's width in pixels (points for print) at `font_size`, estimated generously."""
    return len(text) * font_size * GLYPH_WIDTH


@dataclass(frozen=True)
class Placed:
    """Where a label went: its row (1, 2, … above the lane; -1, -2, … below) and the centre of
    its text along the axis, in the same units as the anchors given (pixels or points)."""
    row: int
    centre: float


def _rows(count: int) -> list[int]:
    """Rows in the order they are used: just above, just below, then further out."""
    order = []
    for step in range(1, count // 2 + 2):
        order += [step, -step]
    return order[:count]


def place_labels(anchors: Sequence[float], widths: Sequence[float], length: float, max_rows: int = 4,
                 gap: float = 0.0) -> list[Placed]:
    """Lay out labels along an axis of `length` (0 … length): label i belongs at `anchors[i]`
    and is `widths[i]` wide. Each label goes to the row where it needs to move least, then each
    row is settled so that labels keep their order, overlap nothing and stay inside the axis,
    with the least squared movement (neighbouring labels that would collide are placed as one
    block centred on their anchors). With more labels than `max_rows` rows can hold, rows fill
    beyond the axis' ends rather than overlap."""
    order = sorted(range(len(anchors)), key=lambda i: anchors[i])
    rows = _rows(max_rows)
    right_edge = {row: -float("inf") for row in rows}
    row_of: dict[int, int] = {}
    for i in order:
        left = anchors[i] - widths[i] / 2
        # The row where the label moves least; the nearer row when it need not move at all.
        best = min(rows, key=lambda r: (max(0.0, right_edge[r] + gap - left), rows.index(r)))
        row_of[i] = best
        right_edge[best] = max(left, right_edge[best] + gap) + widths[i]
    centres: dict[int, float] = {}
    for row in rows:
        members = [i for i in order if row_of[i] == row]
        for i, centre in zip(members, settle([anchors[i] for i in members], [widths[i] + gap for i in members],
                                              length + gap), strict=True):
            centres[i] = centre - gap / 2  # the box carried half a gap on each side
    return [Placed(row_of[i], centres[i]) for i in range(len(anchors))]


def settle(anchors: Sequence[float], widths: Sequence[float], length: float) -> list[float]:
    """Centres for boxes in order along [0, length], touching at most, each as near its anchor as
    the others let it: blocks of touching boxes sit centred on their members' wishes."""
    blocks: list[list[int]] = []  # indices of boxes laid side by side
    starts: list[float] = []

    def wish(block: list[int]) -> float:
        """Where the block's left edge goes for the least squared movement of its boxes."""
        offsets, offset = [], 0.0
        for i in block:
            offsets.append(offset + widths[i] / 2)
            offset += widths[i]
        start = sum(anchors[i] - o for i, o in zip(block, offsets, strict=True)) / len(block)
        return min(max(start, 0.0), max(length - offset, 0.0))

    for i in range(len(anchors)):
        blocks.append([i])
        starts.append(wish([i]))
        while len(blocks) > 1 and starts[-2] + sum(widths[j] for j in blocks[-2]) > starts[-1]:
            merged = blocks[-2] + blocks[-1]
            blocks[-2:] = [merged]
            starts[-2:] = [wish(merged)]
    centres = []
    for block, start in zip(blocks, starts, strict=True):
        for i in block:
            centres.append(start + widths[i] / 2)
            start += widths[i]
    return centres


# -- Lanes of a timeline --------------------------------------------------------------------------

LANE_GAP = 0.6  # rows between two lanes


@dataclass(frozen=True)
class LaneLabel:
    """One event's label on a timeline: its text, the day (from the span's first, in days) where
    its event is and where its text is centred, the y of its lane and of its row."""
    occurrence: Occurrence
    text: str
    anchor: float
    centre: float
    lane_y: float
    y: float


@dataclass(frozen=True)
class Lanes:
    """A timeline's lanes, top to bottom, one row high each plus the rows of their labels."""
    names: list[str]
    centres: list[float]
    labels: list[LaneLabel]
    top: float
    bottom: float

    @property
    def rows(self) -> float:
        return self.top - self.bottom


def lay_out_lanes(occurrences: Sequence[Occurrence], lang: str, first: dt.date, last: dt.date, width: float,
                  font_size: float, lane_name: Callable[[Cohort, str], str], max_rows: int = 4) -> Lanes:
    """Lanes (one per cohort, in the order they begin, named by `lane_name(cohort, lang)`) and
    every occurrence's label placed, for a chart whose days `first`…`last` are `width` pixels
    (or points) wide, its labels set in `font_size`."""
    days = (last - first).days + 1
    scale = width / days

    def offset(day: dt.date) -> float:
        return float((day - first).days)

    by_lane: dict[str, list[Occurrence]] = {}
    for o in sorted(occurrences, key=lambda o: (o.start, o.cohort.id)):
        by_lane.setdefault(o.cohort.id, []).append(o)
    names, centres, placed_labels = [], [], []
    cursor = 0.0
    for lane in by_lane.values():
        texts = [short_label(o, lang) for o in lane]
        anchors = [(max(offset(o.start), 0.0) + min(offset(o.end) + 1, float(days))) / 2 for o in lane]
        placed = place_labels([a * scale for a in anchors], [text_width(s, font_size) for s in texts],
                              width, max_rows, gap=GAP * font_size * GLYPH_WIDTH)
        above = max([p.row for p in placed if p.row > 0], default=0)
        below = -min([p.row for p in placed if p.row < 0], default=0)
        centre = cursor - above - 0.5
        names.append(lane_name(lane[0].cohort, lang))
        centres.append(centre)
        for o, text, anchor, p in zip(lane, texts, anchors, placed, strict=True):
            placed_labels.append(LaneLabel(o, text, anchor, p.centre / scale, centre, centre + p.row))
        cursor -= above + below + 1 + LANE_GAP
    return Lanes(names, centres, placed_labels, 0.0, cursor + LANE_GAP)


# -- The year wheel ---------------------------------------------------------------------------------

RING_INNER, RING_STEP, RING_WIDTH = 1.0, 0.8, 0.6  # ring i spans RING_INNER + i·RING_STEP + (0 … RING_WIDTH)


def ring_radius(index: int) -> float:
    """The middle of ring `index` (0 is the innermost)."""
    return RING_INNER + index * RING_STEP + RING_WIDTH / 2


def wheel_outer(rings: int) -> float:
    return RING_INNER + (rings - 1) * RING_STEP + RING_WIDTH


def polar(radius: float, angle: float) -> tuple[float, float]:
    """x, y of a point at `radius` and `angle` degrees clockwise from the top."""
    theta = math.radians(angle)
    return radius * math.sin(theta), radius * math.cos(theta)


@dataclass(frozen=True)
class WheelLabel:
    """An event's name beside the wheel: the point it names, where its text starts (the text runs
    outwards from there: to the right on the wheel's right half) and on which side."""
    occurrence: Occurrence
    text: str
    point: tuple[float, float]
    at: tuple[float, float]
    right: bool


def lay_out_wheel_labels(occurrences: Sequence[Occurrence], lang: str, angles: Sequence[float],
                         radii: Sequence[float], rings: int, unit: float, font_size: float) -> list[WheelLabel]:
    """Names for the events at `angles` (degrees) and `radii` of a wheel with `rings`, outside it:
    on the side of the wheel where each is, stacked from top to bottom in the order of their
    events, each at least a line apart, as near level with its event as the others allow.
    `unit` is the length of one radius unit in pixels (points), at the smallest size drawn."""
    outer = wheel_outer(rings) + 0.55
    line = font_size * 1.3 / unit
    placed: list[WheelLabel] = []
    for right in (True, False):
        members = [i for i, a in enumerate(angles) if (a % 360 < 180) == right]
        members.sort(key=lambda i: -polar(outer, angles[i])[1])
        wishes = [outer - polar(outer, angles[i])[1] for i in members]  # from the top, downwards
        span = 2 * outer + 2 * line
        tops = settle(wishes, [line] * len(members), span) if members else []
        for i, top in zip(members, tops, strict=True):
            y = outer + line - top
            x = math.sqrt(max(outer ** 2 - y ** 2, 0.0)) + 0.15
            placed.append(WheelLabel(occurrences[i], short_label(occurrences[i], lang),
                                     polar(radii[i], angles[i]), (x if right else -x, y), right))
    return placed
