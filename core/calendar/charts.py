"""The programme drawn: a Gantt timeline of both tracks and a year wheel (årshjul), as plotly
figures, so that they can be tested without a browser."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from core.calendar.labels import (
    LANE_GAP,
    RING_INNER,
    RING_STEP,
    RING_WIDTH,
    lay_out_lanes,
    lay_out_wheel_labels,
    polar,
    ring_radius,
    text_width,
    wheel_outer,
)
from core.calendar.programme import Occurrence
from core.calendar.schedule import (
    cohort_label,
    describe_guests,
    describe_rule,
    describe_warning,
    describe_when,
    event_name,
)
from core.platform.i18n import format_date, month_name, t
from core.platform.text import chart_text

# One colour per kind of event, chosen to stay apart for colour-blind readers (Okabe–Ito).
KIND_COLOURS = {
    "recruiting": "#E69F00",
    "matching": "#56B4E9",
    "decision": "#0072B2",
    "training": "#009E73",
    "kickoff": "#D55E00",
    "pair_meeting": "#999999",
    "mid_meeting": "#CC79A7",
    "closing": "#882255",
    "three_party": "#F0E442",
    "mingle": "#332288",
}
WARNING_COLOUR = "#C00000"
OTHER_COLOUR = "#6A6A6A"  # a kind added to the rulebook before it has a colour here


def kind_colours(frame: pd.DataFrame) -> dict[str, str]:
    """The colour of each kind of event in `frame`, in the order of KIND_COLOURS."""
    kinds = list(dict.fromkeys([*KIND_COLOURS, *frame["kind"]])) if not frame.empty else []
    present = set(frame["kind"]) if not frame.empty else set()
    return {kind: KIND_COLOURS.get(kind, OTHER_COLOUR) for kind in kinds if kind in present}


def occurrence_frame(occurrences: Sequence[Occurrence], lang: str) -> pd.DataFrame:
    """One row per occurrence with everything a chart shows and its hover says."""
    rows = []
    for o in occurrences:
        warnings = [describe_warning(w, lang) for w in o.warnings]
        # The hover is HTML to Plotly: every text in it shown as written (core.platform.text).
        lines = [f"<b>{chart_text(event_name(o.id, lang))}</b> · {chart_text(cohort_label(o.cohort, lang))}",
                 chart_text(describe_when(o, lang)),
                 chart_text(f"{t('timeline.rule', lang)}: {describe_rule(o, lang)}")]
        if o.moved:
            lines.append(chart_text(t("timeline.moved_from", lang, day=format_date(o.rule_start, lang))))
        guests = describe_guests(o, lang)
        if guests:
            lines.append(chart_text(f"{t('timeline.invited', lang)}: {', '.join(guests)}"))
        lines.extend(chart_text(f"⚠ {w}") for w in warnings)
        rows.append({
            "cohort": o.cohort.id,
            "lane": cohort_label(o.cohort, lang),
            "event": o.id,
            "name": event_name(o.id, lang),
            "kind": o.event.kind,
            "kind_name": t(f"kind.{o.event.kind}", lang),
            "start": pd.Timestamp(o.start),
            # A bar ends at the end of its last day.
            "finish": pd.Timestamp(o.end + dt.timedelta(days=1)),
            "one_day": o.one_day,
            "warned": bool(warnings),
            "hover": "<br>".join(lines),
        })
    return pd.DataFrame(rows)


# The width a chart's days are laid out for: the narrowest it is drawn at (presentation mode on a
# 1280-pixel screen; the page beside the sidebar), so that on a wider screen labels only part further.
PRESENTATION_WIDTH, PAGE_WIDTH = 1000, 820
PRESENTATION_FONT, PAGE_FONT = 18, 13


def timeline_figure(occurrences: Sequence[Occurrence], lang: str, today: dt.date,
                    presentation: bool = False, span: tuple[dt.date, dt.date] | None = None) -> go.Figure:
    """A Gantt chart: one lane per cohort, a bar per week or window, a marker per one-day event,
    each named with its date ("Kick-off 24/9") in rows above and below its lane, laid out so that
    no two names overlap; a line for today; showing `span` (first and last day) when given. In
    presentation mode the text is 18 px and the figure takes the height of its container."""
    frame = occurrence_frame(occurrences, lang)
    font = PRESENTATION_FONT if presentation else PAGE_FONT
    figure = go.Figure()
    if frame.empty:
        return figure
    first, last = span or (min(o.start for o in occurrences), max(o.end for o in occurrences))
    lanes = lay_out_lanes(occurrences, lang, first, last, PRESENTATION_WIDTH if presentation else PAGE_WIDTH,
                          font, cohort_label)
    lane_y = {label.occurrence.cohort.id: label.lane_y for label in lanes.labels}
    frame["y"] = frame["cohort"].map(lane_y)
    origin = pd.Timestamp(first)
    for kind, colour in kind_colours(frame).items():
        spans = frame[(frame["kind"] == kind) & ~frame["one_day"]]
        days = frame[(frame["kind"] == kind) & frame["one_day"]]
        if spans.empty and days.empty:
            continue
        name = t(f"kind.{kind}", lang)
        window = kind in ("matching", "three_party")
        if not spans.empty:
            figure.add_trace(go.Bar(
                y=spans["y"], base=spans["start"],
                x=(spans["finish"] - spans["start"]).dt.total_seconds() * 1000,
                orientation="h", name=name, legendgroup=kind, marker_color=colour,
                marker_line_color=np.where(spans["warned"], WARNING_COLOUR, colour),
                marker_line_width=np.where(spans["warned"], 3, 0),
                opacity=0.45 if window else 0.9, width=0.5 if window else 0.8,
                hovertext=spans["hover"], hoverinfo="text", showlegend=days.empty))
        if not days.empty:
            figure.add_trace(go.Scatter(
                y=days["y"], x=days["start"] + pd.Timedelta(hours=12), mode="markers",
                name=name, legendgroup=kind,
                marker=dict(symbol="diamond", size=font + 4, color=colour,
                            line=dict(color=np.where(days["warned"], WARNING_COLOUR, "white"),
                                      width=np.where(days["warned"], 3, 1))),
                hovertext=days["hover"], hoverinfo="text"))
    # Each event's name: a line from the event to its name where the name had to move or sits a row out.
    leader_x: list[object] = []
    leader_y: list[object] = []
    for label in lanes.labels:
        towards = 1 if label.y > label.lane_y else -1
        leader_x += [origin + pd.Timedelta(days=label.anchor), origin + pd.Timedelta(days=label.centre), None]
        leader_y += [label.lane_y + towards * 0.3, label.y - towards * 0.35, None]
    figure.add_trace(go.Scatter(x=leader_x, y=leader_y, mode="lines", line=dict(color="#9A9A9A", width=1),
                                hoverinfo="skip", showlegend=False))
    hovers = dict(zip(zip(frame["cohort"], frame["event"], strict=True), frame["hover"], strict=True))
    figure.add_trace(go.Scatter(
        x=[origin + pd.Timedelta(days=label.centre) for label in lanes.labels],
        y=[label.y for label in lanes.labels], mode="text", text=[label.text for label in lanes.labels],
        textfont=dict(size=font, color="#1A1A1A"), textposition="middle center", cliponaxis=False,
        hovertext=[hovers[(label.occurrence.cohort.id, label.occurrence.id)] for label in lanes.labels],
        hoverinfo="text", showlegend=False, name="labels"))
    # What the red outline means, in the legend with the kinds.
    figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=t("chart.warning", lang),
                                marker=dict(symbol="diamond", size=font + 4, color="white",
                                            line=dict(color=WARNING_COLOUR, width=3))))
    for y in lanes.centres[1:]:
        boundary = y + 0.5 + max(label.y - y for label in lanes.labels if label.lane_y == y) + LANE_GAP / 2
        figure.add_hline(y=boundary, line=dict(color="#D0D0D0", width=1))
    if first <= today <= last:
        figure.add_shape(type="line", x0=today, x1=today, y0=0, y1=1, yref="paper",
                         line=dict(color="#333333", width=2, dash="dot"))
        figure.add_annotation(x=today, y=1, yref="paper", text=t("common.today", lang), showarrow=False,
                              yanchor="top", xanchor="left", font=dict(size=font), bgcolor="rgba(255,255,255,0.85)")
    figure.update_layout(
        barmode="overlay", font=dict(size=font), hoverlabel=dict(font_size=font, align="left"),
        height=None if presentation else 150 + lanes.rows * font * 2.0,
        # The legend at the top, in a margin made for its rows, where it never meets the month axis
        # or the names whatever the chart's height.
        legend=dict(orientation="h", yref="container", yanchor="top", y=1, x=0, font=dict(size=font)),
        margin=dict(l=10, r=10, t=10 + _legend_rows(figure, font, presentation) * font * 2, b=10),
        plot_bgcolor="white")
    figure.update_yaxes(tickvals=lanes.centres, ticktext=lanes.names, range=[lanes.bottom, lanes.top],
                        showgrid=False, zeroline=False, fixedrange=True, title=None, tickfont=dict(size=font + 1))
    # Month names in the coordinator's language, on the first of each month shown.
    months = pd.date_range(pd.Timestamp(first).replace(day=1), pd.Timestamp(last), freq="MS")
    months = months[months >= pd.Timestamp(first)]
    figure.update_xaxes(type="date", showgrid=True, gridcolor="#E5E5E5", tickvals=months,
                        ticktext=[_month_tick(m, i == 0, lang) for i, m in enumerate(months)],
                        tickfont=dict(size=font), range=[first, last + dt.timedelta(days=1)])
    return figure


def _legend_rows(figure: go.Figure, font: int, presentation: bool) -> int:
    """How many rows a horizontal legend of the figure's named traces takes at the narrowest width
    the chart is drawn at (a symbol, the name, a gap each)."""
    widths = [40 + text_width(trace.name, font) for trace in figure.data
              if trace.showlegend is not False and trace.name and getattr(trace, "mode", None) != "lines"]
    available = PRESENTATION_WIDTH if presentation else PAGE_WIDTH
    rows, used = 1, 0.0
    for width in widths:
        if used + width > available:
            rows, used = rows + 1, 0.0
        used += width
    return rows


def _month_tick(month: pd.Timestamp, first: bool, lang: str) -> str:
    name = month_name(month.month, lang)
    return f"{name}<br>{month.year}" if first or month.month == 1 else name


def wheel_figure(occurrences: Sequence[Occurrence], year: int, lang: str, today: dt.date,
                 tracks: Sequence[str], presentation: bool = False) -> go.Figure:
    """The calendar year as a wheel, January at the top and clockwise, one ring per track (the
    first innermost), month names in the middle of their months, each occurrence that touches the
    year placed by its days and named beside the wheel; drawn in plain x/y so that the names can
    sit outside it. In presentation mode the text is 18 px and the figure takes the height of
    its container."""
    frame = occurrence_frame(occurrences, lang)
    first_day, days_in_year = dt.date(year, 1, 1), (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    font = PRESENTATION_FONT if presentation else PAGE_FONT
    figure = go.Figure()
    rings = len(tracks)
    outer = wheel_outer(rings)

    def angle(day: dt.date) -> float:
        return min(max((day - first_day).days, 0), days_in_year) / days_in_year * 360

    def arc(inner: float, outer_: float, start: float, end: float) -> tuple[list[float], list[float]]:
        steps = np.linspace(start, end, max(int(end - start) // 2 + 2, 2))
        points = [polar(outer_, a) for a in steps] + [polar(inner, a) for a in steps[::-1]]
        return [p[0] for p in points] + [points[0][0]], [p[1] for p in points] + [points[0][1]]

    ring_of = {track: index for index, track in enumerate(tracks)}
    shown = [o for o in occurrences if o.cohort.track in ring_of]
    hovers = dict(zip(zip(frame["cohort"], frame["event"], strict=True), frame["hover"], strict=True)) \
        if not frame.empty else {}
    # The rings, light, and a spoke at each month's first day.
    for index in range(rings):
        xs, ys = arc(RING_INNER + index * RING_STEP, RING_INNER + index * RING_STEP + RING_WIDTH, 0, 360)
        figure.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor="#F4F4F4", line=dict(width=0),
                                    hoverinfo="skip", showlegend=False))
    spokes_x: list[float | None] = []
    spokes_y: list[float | None] = []
    for month in range(1, 13):
        a = angle(dt.date(year, month, 1))
        (x0, y0), (x1, y1) = polar(RING_INNER - 0.1, a), polar(outer + 0.05, a)
        spokes_x += [x0, x1, None]
        spokes_y += [y0, y1, None]
    figure.add_trace(go.Scatter(x=spokes_x, y=spokes_y, mode="lines", line=dict(color="#C8C8C8", width=1),
                                hoverinfo="skip", showlegend=False))
    seen: set[str] = set()
    for o in shown:
        kind, index = o.event.kind, ring_of[o.cohort.track]
        colour = KIND_COLOURS.get(kind, OTHER_COLOUR)
        warned = bool(o.warnings)
        legend = kind not in seen
        seen.add(kind)
        hover = hovers[(o.cohort.id, o.id)]
        if o.one_day:
            x, y = polar(ring_radius(index), angle(o.start) + 180 / days_in_year)
            figure.add_trace(go.Scatter(
                x=[x], y=[y], mode="markers", name=t(f"kind.{kind}", lang), legendgroup=kind, showlegend=legend,
                marker=dict(symbol="diamond", size=font + 4, color=colour,
                            line=dict(color=WARNING_COLOUR if warned else "white", width=3 if warned else 1)),
                hovertext=[hover], hoverinfo="text"))
        else:
            window = kind in ("matching", "three_party")
            inner = RING_INNER + index * RING_STEP + (0.15 if window else 0.05)
            xs, ys = arc(inner, inner + (0.3 if window else 0.5), angle(o.start),
                         max(angle(o.end + dt.timedelta(days=1)), angle(o.start) + 1))
            figure.add_trace(go.Scatter(
                x=xs, y=ys, fill="toself", mode="lines", fillcolor=colour, opacity=0.55 if window else 0.9,
                line=dict(color=WARNING_COLOUR if warned else colour, width=3 if warned else 0.5),
                name=t(f"kind.{kind}", lang), legendgroup=kind, showlegend=legend,
                hoveron="fills", text=hover, hoverinfo="text"))
    # Month names in the middle of their months, just outside the rings.
    middles = [(angle(dt.date(year, m, 1)) + angle(dt.date(year + (m == 12), m % 12 + 1, 1))) / 2
               for m in range(1, 13)]
    month_points = [polar(outer + 0.22, a) for a in middles]
    figure.add_trace(go.Scatter(
        x=[p[0] for p in month_points], y=[p[1] for p in month_points], mode="text",
        text=[month_name(m, lang).rstrip(".").capitalize() for m in range(1, 13)],
        textfont=dict(size=font, color="#444444"), hoverinfo="skip", showlegend=False, name="months"))
    # Each ring's name where the ring is emptiest, so that no event hides it.
    for track, index in ring_of.items():
        taken = [angle(o.start) for o in shown if o.cohort.track == track] + \
                [angle(o.end) for o in shown if o.cohort.track == track]
        free = max(range(0, 360, 3), key=lambda a: min([abs((a - b + 180) % 360 - 180) for b in taken] or [180]))
        x, y = polar(ring_radius(index), free)
        figure.add_annotation(x=x, y=y, text=f"<b>{t(f'cohort.track_{track}', lang)}</b>", showarrow=False,
                              font=dict(size=font, color="#222222"), bgcolor="rgba(255,255,255,0.85)")
    # The events' names beside the wheel, each tied to its event by a line.
    # One radius unit in pixels at the smallest the wheel is drawn: presentation mode on a 720-pixel
    # screen leaves it about 480 pixels of height; the page's figure is 680 high.
    unit = (480 if presentation else 560) / (2 * (outer + 0.9))
    angles = [(angle(o.start) + max(angle(o.end + dt.timedelta(days=1)), angle(o.start) + 1)) / 2 for o in shown]
    placed = lay_out_wheel_labels(shown, lang, angles, [ring_radius(ring_of[o.cohort.track]) for o in shown],
                                  rings, unit, font)
    lines_x: list[float | None] = []
    lines_y: list[float | None] = []
    for label in placed:
        lines_x += [label.point[0], label.at[0], None]
        lines_y += [label.point[1], label.at[1], None]
    figure.add_trace(go.Scatter(x=lines_x, y=lines_y, mode="lines", line=dict(color="#A0A0A0", width=1),
                                hoverinfo="skip", showlegend=False))
    for right in (True, False):
        side = [label for label in placed if label.right == right]
        figure.add_trace(go.Scatter(
            x=[label.at[0] for label in side], y=[label.at[1] for label in side], mode="text",
            text=[label.text for label in side], textposition="middle right" if right else "middle left",
            textfont=dict(size=font, color="#1A1A1A"), cliponaxis=False, showlegend=False, name="labels",
            hovertext=[hovers[(label.occurrence.cohort.id, label.occurrence.id)] for label in side],
            hoverinfo="text"))
    if today.year == year:
        x, y = polar(outer + 0.05, angle(today))
        figure.add_trace(go.Scatter(x=[0, x], y=[0, y], mode="lines", line=dict(color="#333333", width=2, dash="dot"),
                                    name=t("chart.today_line", lang), hoverinfo="skip"))
    figure.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=t("chart.warning", lang),
                                marker=dict(symbol="diamond", size=font + 4, color="white",
                                            line=dict(color=WARNING_COLOUR, width=3))))
    reach = outer + 0.9
    figure.add_annotation(x=0, y=0, text=f"<b>{year}</b>", showarrow=False, font=dict(size=font + 10))
    figure.update_layout(
        height=None if presentation else 680, font=dict(size=font), hoverlabel=dict(font_size=font, align="left"),
        legend=dict(orientation="h", yref="container", yanchor="top", y=1, x=0, font=dict(size=font)),
        margin=dict(l=10, r=10, t=10 + _legend_rows(figure, font, presentation) * font * 2, b=10),
        plot_bgcolor="white")
    # Room beside the wheel for the names; the wheel as high as the figure lets it be, and round.
    figure.update_xaxes(range=[-reach - 2.8, reach + 2.8], visible=False, fixedrange=True, constrain="domain")
    figure.update_yaxes(range=[-reach, reach], visible=False, scaleanchor="x", scaleratio=1, fixedrange=True,
                        constrain="domain")
    return figure
