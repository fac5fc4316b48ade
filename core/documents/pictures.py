"""The timeline and the year wheel as pictures to print or put in a slide: PDF, PNG or SVG made by
matplotlib (no browser, unlike Plotly's static export, which needs Kaleido and a Chromium). They
are laid out as the pages' charts are (core.calendar.labels), on landscape A4 or A3, with a title
and the day they were made."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon

from core.calendar.charts import KIND_COLOURS, OTHER_COLOUR, WARNING_COLOUR
from core.calendar.labels import (
    RING_INNER,
    RING_STEP,
    RING_WIDTH,
    lay_out_lanes,
    lay_out_wheel_labels,
    polar,
    ring_radius,
    wheel_outer,
)
from core.calendar.programme import Occurrence
from core.calendar.schedule import cohort_label
from core.documents import PICTURE_FORMATS
from core.platform.i18n import MentorplanError, format_date, month_name, t

PAPER_INCHES = {"a4": (297 / 25.4, 210 / 25.4), "a3": (420 / 25.4, 297 / 25.4)}  # landscape
FONT_POINTS = {"a4": 7.5, "a3": 10.0}
# Text stays text: searchable in the PDF (TrueType fonts) and the SVG.
RC: Any = {"pdf.fonttype": 42, "svg.fonttype": "none", "font.family": "DejaVu Sans"}
WINDOWS = ("matching", "three_party")


def _check(fmt: str, paper: str) -> None:
    if fmt not in PICTURE_FORMATS:
        raise MentorplanError("document.bad_format", format=fmt, allowed=", ".join(PICTURE_FORMATS))
    if paper not in PAPER_INCHES:
        raise MentorplanError("document.bad_paper", paper=paper, allowed=", ".join(PAPER_INCHES))


def _save(figure: Figure, fmt: str, title: str, made: dt.date) -> bytes:
    buffer = io.BytesIO()
    metadata: dict[str, Any] | None = {"Title": title, "Creator": "Mentorplan"} if fmt in ("pdf", "svg") else None
    if fmt == "pdf":
        metadata = {**(metadata or {}), "CreationDate": dt.datetime.combine(made, dt.time(12), tzinfo=dt.UTC)}
    figure.savefig(buffer, format=fmt, dpi=150, metadata=metadata)
    return buffer.getvalue()


def _titles(figure: Figure, title: str, lang: str, made: dt.date, size: float) -> None:
    figure.text(0.02, 0.975, title, fontsize=size * 2, fontweight="bold", va="top")
    figure.text(0.02, 0.935, t("document.made", lang, day=format_date(made, lang)), fontsize=size * 1.2, va="top",
                color="#444444")


def _legend(figure: Figure, kinds: Sequence[str], lang: str, size: float, today_shown: bool) -> None:
    handles: list[Any] = [Patch(facecolor=KIND_COLOURS.get(kind, OTHER_COLOUR), label=t(f"kind.{kind}", lang))
                          for kind in kinds]
    handles.append(Patch(facecolor="white", edgecolor=WARNING_COLOUR, linewidth=2, label=t("chart.warning", lang)))
    if today_shown:
        handles.append(Line2D([], [], color="#333333", linestyle=":", label=t("chart.today_line", lang)))
    figure.legend(handles=handles, loc="lower center", ncol=min(len(handles), 6), fontsize=size * 1.1,
                  frameon=False, bbox_to_anchor=(0.5, 0.01))


def timeline_picture(occurrences: Sequence[Occurrence], first: dt.date, last: dt.date, lang: str, today: dt.date,
                     made: dt.date, fmt: str = "pdf", paper: str = "a4") -> bytes:
    """Both tracks from `first` to `last`: a lane per cohort, each event named with its date in
    rows that never overlap, weeks and windows as bars, a warned event outlined in red, today
    dotted, months along the axis, a legend of the kinds; titled, with the day it was made."""
    _check(fmt, paper)
    size = FONT_POINTS[paper]
    width_in, height_in = PAPER_INCHES[paper]
    title = t("document.timeline_title", lang, first=format_date(first, lang), last=format_date(last, lang))
    with rc_context(RC):
        figure = Figure(figsize=(width_in, height_in))
        left, right = 0.13, 0.98
        axes = figure.add_axes((left, 0.16, right - left, 0.72))
        plot_width = (right - left) * width_in * 72  # points
        lanes = lay_out_lanes(occurrences, lang, first, last, plot_width, size, cohort_label)
        days = (last - first).days + 1
        kinds: list[str] = []
        for label in lanes.labels:
            o = label.occurrence
            kind = o.event.kind
            if kind not in kinds:
                kinds.append(kind)
            colour = KIND_COLOURS.get(kind, OTHER_COLOUR)
            edge = WARNING_COLOUR if o.warnings else "white"
            start = max((o.start - first).days, 0)
            end = min((o.end - first).days + 1, days)
            if o.one_day:
                axes.plot([start + 0.5], [label.lane_y], marker="D", markersize=size * 0.9, color=colour,
                          markeredgecolor=edge, markeredgewidth=1.5 if o.warnings else 0.5, zorder=4)
            else:
                height = 0.45 if kind in WINDOWS else 0.7
                axes.barh(label.lane_y, end - start, left=start, height=height, color=colour,
                          alpha=0.5 if kind in WINDOWS else 0.9, edgecolor=edge if o.warnings else colour,
                          linewidth=1.5 if o.warnings else 0, zorder=3)
            towards = 1 if label.y > label.lane_y else -1
            axes.plot([label.anchor, label.centre], [label.lane_y + towards * 0.3, label.y - towards * 0.3],
                      color="#9A9A9A", linewidth=0.5, zorder=2)
            axes.text(label.centre, label.y, label.text, ha="center", va="center", fontsize=size, zorder=5,
                      clip_on=False)
        for y in lanes.centres[1:]:
            above = max(label.y - y for label in lanes.labels if label.lane_y == y)
            axes.axhline(y + above + 0.5 + 0.3, color="#D0D0D0", linewidth=0.6)
        today_shown = first <= today <= last
        if today_shown:
            axes.axvline((today - first).days + 0.5, color="#333333", linestyle=":", linewidth=1)
            axes.text((today - first).days + 0.5, lanes.top, t("common.today", lang), ha="center", va="bottom",
                      fontsize=size)
        month = dt.date(first.year, first.month, 1)
        ticks: list[int] = []
        names: list[str] = []
        while month <= last:
            if month >= first:
                ticks.append((month - first).days)
                name = month_name(month.month, lang)
                names.append(f"{name}\n{month.year}" if not names or month.month == 1 else name)
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        axes.set_xticks(ticks, names, fontsize=size * 1.1)
        axes.set_xlim(0, days)
        axes.set_yticks(lanes.centres, lanes.names, fontsize=size * 1.2)
        axes.set_ylim(lanes.bottom, lanes.top)
        axes.grid(axis="x", color="#E5E5E5", linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right", "left"):
            axes.spines[side].set_visible(False)
        axes.tick_params(axis="y", length=0)
        _titles(figure, title, lang, made, size)
        _legend(figure, kinds, lang, size, today_shown)
        return _save(figure, fmt, title, made)


def wheel_picture(occurrences: Sequence[Occurrence], year: int, tracks: Sequence[str], lang: str, today: dt.date,
                  made: dt.date, fmt: str = "pdf", paper: str = "a4") -> bytes:
    """The year wheel as the page draws it: January at the top, clockwise, a ring per track, month
    names in their months, every event named beside the wheel; titled, with the day it was made."""
    _check(fmt, paper)
    size = FONT_POINTS[paper]
    width_in, height_in = PAPER_INCHES[paper]
    title = t("document.wheel_title", lang, year=year)
    first_day, days_in_year = dt.date(year, 1, 1), (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    rings = len(tracks)
    outer = wheel_outer(rings)
    reach = outer + 0.9

    def angle(day: dt.date) -> float:
        return min(max((day - first_day).days, 0), days_in_year) / days_in_year * 360

    def arc(inner: float, outer_: float, start: float, end: float) -> list[tuple[float, float]]:
        steps = [start + (end - start) * i / 40 for i in range(41)]
        return [polar(outer_, a) for a in steps] + [polar(inner, a) for a in reversed(steps)]

    ring_of = {track: index for index, track in enumerate(tracks)}
    shown = [o for o in occurrences if o.cohort.track in ring_of]
    with rc_context(RC):
        figure = Figure(figsize=(width_in, height_in))
        axes_height = 0.78
        axes_width = axes_height * height_in / width_in * (2 * reach + 5.2) / (2 * reach)
        axes = figure.add_axes(((1 - axes_width) / 2, 0.12, axes_width, axes_height))
        axes.set_xlim(-reach - 2.6, reach + 2.6)
        axes.set_ylim(-reach, reach)
        axes.set_aspect("equal")
        axes.axis("off")
        for index in range(rings):
            axes.add_patch(Polygon(arc(RING_INNER + index * RING_STEP, RING_INNER + index * RING_STEP + RING_WIDTH,
                                       0, 360), facecolor="#F4F4F4", edgecolor="none"))
        for month in range(1, 13):
            a = angle(dt.date(year, month, 1))
            (x0, y0), (x1, y1) = polar(RING_INNER - 0.1, a), polar(outer + 0.05, a)
            axes.plot([x0, x1], [y0, y1], color="#C8C8C8", linewidth=0.5)
            end = angle(dt.date(year + (month == 12), month % 12 + 1, 1))
            x, y = polar(outer + 0.22, (a + end) / 2)
            axes.text(x, y, month_name(month, lang).rstrip(".").capitalize(), ha="center", va="center",
                      fontsize=size, color="#444444")
        kinds: list[str] = []
        for o in shown:
            kind, index = o.event.kind, ring_of[o.cohort.track]
            if kind not in kinds:
                kinds.append(kind)
            colour = KIND_COLOURS.get(kind, OTHER_COLOUR)
            edge = WARNING_COLOUR if o.warnings else "white"
            if o.one_day:
                x, y = polar(ring_radius(index), angle(o.start) + 180 / days_in_year)
                axes.plot([x], [y], marker="D", markersize=size * 0.9, color=colour, markeredgecolor=edge,
                          markeredgewidth=1.5 if o.warnings else 0.5, zorder=4)
            else:
                window = kind in WINDOWS
                inner = RING_INNER + index * RING_STEP + (0.15 if window else 0.05)
                end = max(angle(o.end + dt.timedelta(days=1)), angle(o.start) + 1)
                axes.add_patch(Polygon(arc(inner, inner + (0.3 if window else 0.5), angle(o.start), end),
                                       facecolor=colour, alpha=0.55 if window else 0.9, zorder=3,
                                       edgecolor=WARNING_COLOUR if o.warnings else colour,
                                       linewidth=1.5 if o.warnings else 0.3))
        for track, index in ring_of.items():
            taken = [angle(o.start) for o in shown if o.cohort.track == track]
            free = max(range(0, 360, 3), key=lambda a: min([abs((a - b + 180) % 360 - 180) for b in taken] or [180]))
            x, y = polar(ring_radius(index), free)
            axes.text(x, y, t(f"cohort.track_{track}", lang), ha="center", va="center", fontsize=size,
                      fontweight="bold", bbox=dict(facecolor="white", edgecolor="none", alpha=0.85, pad=1), zorder=6)
        unit = axes_height * height_in * 72 / (2 * reach)
        angles = [(angle(o.start) + max(angle(o.end + dt.timedelta(days=1)), angle(o.start) + 1)) / 2 for o in shown]
        for label in lay_out_wheel_labels(shown, lang, angles, [ring_radius(ring_of[o.cohort.track]) for o in shown],
                                          rings, unit, size):
            axes.plot([label.point[0], label.at[0]], [label.point[1], label.at[1]], color="#A0A0A0", linewidth=0.5)
            axes.text(label.at[0], label.at[1], label.text, ha="left" if label.right else "right", va="center",
                      fontsize=size, clip_on=False)
        today_shown = today.year == year
        if today_shown:
            x, y = polar(outer + 0.05, angle(today))
            axes.plot([0, x], [0, y], color="#333333", linestyle=":", linewidth=1)
        axes.text(0, 0, str(year), ha="center", va="center", fontsize=size * 2.2, fontweight="bold")
        _titles(figure, title, lang, made, size)
        _legend(figure, kinds, lang, size, today_shown)
        return _save(figure, fmt, title, made)
