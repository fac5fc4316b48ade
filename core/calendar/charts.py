"""The programme drawn: a Gantt timeline of both tracks and a year wheel (årshjul), as plotly
figures, so that they can be tested without a browser."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

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
}
WARNING_COLOUR = "#C00000"


def occurrence_frame(occurrences: Sequence[Occurrence], lang: str) -> pd.DataFrame:
    """One row per occurrence with everything a chart shows and its hover says."""
    rows = []
    for o in occurrences:
        warnings = [describe_warning(w, lang) for w in o.warnings]
        lines = [f"<b>{event_name(o.id, lang)}</b> · {cohort_label(o.cohort, lang)} ({o.cohort.id})",
                 describe_when(o, lang),
                 f"{t('timeline.rule', lang)}: {describe_rule(o, lang)}"]
        if o.moved:
            lines.append(t("timeline.moved_from", lang, day=format_date(o.rule_start, lang)))
        guests = describe_guests(o, lang)
        if guests:
            lines.append(f"{t('timeline.invited', lang)}: {', '.join(guests)}")
        lines.extend(f"⚠ {w}" for w in warnings)
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


def timeline_figure(occurrences: Sequence[Occurrence], lang: str, today: dt.date,
                    presentation: bool = False, span: tuple[dt.date, dt.date] | None = None) -> go.Figure:
    """A Gantt chart: one lane per cohort, a bar per week or window, a marker per one-day event,
    a line for today; showing `span` (first and last day) when given."""
    frame = occurrence_frame(occurrences, lang)
    font = 20 if presentation else 13
    figure = go.Figure()
    if frame.empty:
        return figure
    lanes = list(dict.fromkeys(frame.sort_values(["start", "cohort"])["lane"]))
    for kind, colour in KIND_COLOURS.items():
        spans = frame[(frame["kind"] == kind) & ~frame["one_day"]]
        days = frame[(frame["kind"] == kind) & frame["one_day"]]
        if spans.empty and days.empty:
            continue
        name = t(f"kind.{kind}", lang)
        if not spans.empty:
            figure.add_trace(go.Bar(
                y=spans["lane"], base=spans["start"],
                x=(spans["finish"] - spans["start"]).dt.total_seconds() * 1000,
                orientation="h", name=name, legendgroup=kind, marker_color=colour,
                marker_line_color=np.where(spans["warned"], WARNING_COLOUR, colour),
                marker_line_width=np.where(spans["warned"], 3, 0),
                opacity=0.55 if kind in ("matching", "three_party") else 0.9,
                width=0.35 if kind in ("matching", "three_party") else 0.6,
                offset=0.05 if kind in ("matching", "three_party") else -0.3,
                hovertext=spans["hover"], hoverinfo="text",
                # Only windows are wide enough to carry their name; a week's bar is a sliver.
                text=spans["name"] if kind in ("matching", "three_party") else None,
                textposition="inside", insidetextanchor="start", textangle=0,
                textfont_size=font - 3, showlegend=days.empty))
        if not days.empty:
            figure.add_trace(go.Scatter(
                y=days["lane"], x=days["start"] + pd.Timedelta(hours=12), mode="markers",
                name=name, legendgroup=kind,
                marker=dict(symbol="diamond", size=22 if presentation else 14, color=colour,
                            line=dict(color=np.where(days["warned"], WARNING_COLOUR, "white"),
                                      width=np.where(days["warned"], 3, 1))),
                hovertext=days["hover"], hoverinfo="text"))
    figure.add_shape(type="line", x0=today, x1=today, y0=0, y1=1, yref="paper",
                     line=dict(color="#333333", width=2, dash="dot"))
    figure.add_annotation(x=today, y=1, yref="paper", text=t("common.today", lang), showarrow=False,
                          yanchor="bottom", font=dict(size=font))
    figure.update_layout(
        barmode="overlay", uniformtext=dict(minsize=font - 4, mode="hide"),
        height=(200 + 140 * len(lanes)) * (1.4 if presentation else 1),
        font=dict(size=font), hoverlabel=dict(font_size=font, align="left"),
        legend=dict(orientation="h", yanchor="top", y=-0.12, font=dict(size=font)),
        margin=dict(l=10, r=10, t=40, b=10), plot_bgcolor="white")
    figure.update_yaxes(categoryorder="array", categoryarray=lanes[::-1], title=None,
                        tickfont=dict(size=font + 1))
    first, last = span or (frame["start"].min().date(), frame["finish"].max().date())
    # Month names in the coordinator's language, on the first of each month shown.
    months = pd.date_range(pd.Timestamp(first).replace(day=1), pd.Timestamp(last), freq="MS")
    months = months[months >= pd.Timestamp(first)]
    figure.update_xaxes(type="date", showgrid=True, gridcolor="#E5E5E5", tickvals=months,
                        ticktext=[_month_tick(m, i == 0, lang) for i, m in enumerate(months)],
                        range=[first, last + dt.timedelta(days=1)])
    return figure


def _month_tick(month: pd.Timestamp, first: bool, lang: str) -> str:
    name = month_name(month.month, lang)
    return f"{name}<br>{month.year}" if first or month.month == 1 else name


def wheel_figure(occurrences: Sequence[Occurrence], year: int, lang: str, today: dt.date,
                 tracks: Sequence[str], presentation: bool = False) -> go.Figure:
    """The calendar year as a wheel, January at the top and clockwise, one ring per track.
    Each occurrence that touches the year is placed by its days."""
    frame = occurrence_frame(occurrences, lang)
    first_day, days_in_year = dt.date(year, 1, 1), (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    font = 18 if presentation else 12
    figure = go.Figure()

    def angle(day: pd.Series | dt.date) -> np.ndarray | float:
        offset = (pd.to_datetime(day) - pd.Timestamp(first_day)) / pd.Timedelta(days=1)
        return np.clip(offset, 0, days_in_year) / days_in_year * 360

    ring = {track: index + 1 for index, track in enumerate(tracks)}
    if not frame.empty:
        frame["ring"] = frame["cohort"].str.split("-").str[0].map(ring)
        frame = frame.dropna(subset=["ring"])
        for kind, colour in KIND_COLOURS.items():
            spans = frame[(frame["kind"] == kind) & ~frame["one_day"]]
            days = frame[(frame["kind"] == kind) & frame["one_day"]]
            name = t(f"kind.{kind}", lang)
            if not spans.empty:
                start, end = angle(spans["start"]), angle(spans["finish"])
                figure.add_trace(go.Barpolar(
                    r=[0.6] * len(spans), base=spans["ring"] - 0.3, theta=(start + end) / 2,
                    width=np.maximum(end - start, 1.0), name=name, legendgroup=kind,
                    marker_color=colour, marker_line_color=np.where(spans["warned"], WARNING_COLOUR, "white"),
                    marker_line_width=np.where(spans["warned"], 3, 1),
                    opacity=0.5 if kind in ("matching", "three_party") else 0.85,
                    hovertext=spans["hover"], hoverinfo="text", showlegend=days.empty))
            if not days.empty:
                figure.add_trace(go.Scatterpolar(
                    r=days["ring"], theta=angle(days["start"] + pd.Timedelta(hours=12)), mode="markers",
                    name=name, legendgroup=kind,
                    marker=dict(symbol="diamond", size=20 if presentation else 13, color=colour,
                                line=dict(color=np.where(days["warned"], WARNING_COLOUR, "white"),
                                          width=np.where(days["warned"], 3, 1))),
                    hovertext=days["hover"], hoverinfo="text"))
    if today.year == year:
        figure.add_trace(go.Scatterpolar(
            r=[0, len(tracks) + 0.5], theta=[angle(today)] * 2, mode="lines",
            line=dict(color="#333333", width=2, dash="dot"), name=t("common.today", lang),
            hoverinfo="skip"))
    month_starts = [dt.date(year, m, 1) for m in range(1, 13)]
    figure.update_layout(
        height=760 if presentation else 620, font=dict(size=font),
        hoverlabel=dict(font_size=font, align="left"),
        legend=dict(orientation="v", x=1.05, font=dict(size=font)),
        margin=dict(l=30, r=30, t=50, b=30),
        polar=dict(
            hole=0.12,
            angularaxis=dict(rotation=90, direction="clockwise", tickmode="array",
                             tickvals=[float(angle(d)) for d in month_starts],
                             ticktext=[month_name(m, lang, "wide").capitalize() for m in range(1, 13)],
                             showgrid=True, gridcolor="#DDDDDD"),
            radialaxis=dict(range=[0, len(tracks) + 0.5], tickvals=list(ring.values()),
                            ticktext=[t(f"cohort.track_{track}", lang) for track in tracks],
                            showline=False, gridcolor="#EEEEEE", angle=90, tickangle=90)),
        title=dict(text=str(year), x=0.5, font=dict(size=font + 8)))
    return figure
