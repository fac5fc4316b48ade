"""The cohort report for the organisation's follow-up: pair meetings held per pair and per round,
attendance at the cohort's events, and three-party conversations held — as frames, as plotly
figures and as an .xlsx workbook, in Swedish or English."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go

from core.calendar.programme import Cohort, Programme
from core.calendar.schedule import cohort_label, event_name
from core.followup.attendance import attendance_summary, attendance_summary_frame
from core.followup.meetings import Pairs, meeting_states, meeting_windows, pair_label
from core.followup.three_party import booking_table
from core.platform.i18n import format_date, format_share, format_week, t

if TYPE_CHECKING:
    from core.store import Store

# Okabe–Ito colours, as the timeline uses, kept apart for colour-blind readers.
STATUS_COLOURS = {"held": "#009E73", "due": "#E69F00", "overdue": "#D55E00", "upcoming": "#BBBBBB"}
ATTENDANCE_COLOURS = {"came": "#009E73", "absent": "#D55E00", "unrecorded": "#BBBBBB"}
THREE_PARTY_COLOURS = {"held": "#009E73", "booked": "#56B4E9", "unbooked": "#D55E00"}


@dataclass
class CohortReport:
    """A cohort's follow-up on a day. `states`: one row per pair and meeting (core.followup.meetings);
    `per_round`: counts by status per meeting; `per_pair`: each pair's meetings held, overdue
    meetings, last meeting and three-party conversation; `attendance`: per event, the own
    cohort's people who came, did not, or are not recorded, and the guests who came;
    `three_party`: counts held, booked (not yet held) and not booked."""
    cohort: Cohort
    today: dt.date
    pairs: int
    states: pd.DataFrame
    per_round: pd.DataFrame
    per_pair: pd.DataFrame
    attendance: pd.DataFrame
    three_party: dict[str, int]

    @property
    def meetings_begun(self) -> int:
        return int(self.states["status"].isin(("held", "due", "overdue")).sum())

    @property
    def meetings_held(self) -> int:
        return int((self.states["status"] == "held").sum())

    @property
    def attendance_share(self) -> float | None:
        recorded = int(self.attendance["came"].sum() + self.attendance["absent"].sum())
        return float(self.attendance["came"].sum()) / recorded if recorded else None


def cohort_report(store: Store, programme: Programme, cohort: Cohort, today: dt.date) -> CohortReport:
    pairs = store.accepted_pairs(cohort.id)
    windows = meeting_windows(programme, cohort)
    states = meeting_states(pairs, store.pair_meetings(cohort.id), windows, today)
    per_round = (states.groupby("number")["status"].value_counts().unstack(fill_value=0)
                 .reindex(columns=["held", "due", "overdue", "upcoming"], fill_value=0)
                 .reindex([w.number for w in windows], fill_value=0))
    per_round.insert(0, "end", [w.end for w in windows])
    per_round.insert(0, "start", [w.start for w in windows])
    per_round = per_round.reset_index().rename(columns={"index": "number"})

    bookings = booking_table(pairs, store.three_party_bookings(cohort.id))
    three_party = {"held": int(bookings["held"].sum()),
                   "booked": int((bookings["slot_id"].notna() & ~bookings["held"]).sum()),
                   "unbooked": int(bookings["slot_id"].isna().sum())}
    tp_state = {(int(r.mentor_person_id), int(r.mentee_person_id)):
                "held" if r.held else ("booked" if pd.notna(r.slot_id) else "unbooked")
                for r in bookings.itertuples(index=False)}

    rows = []
    for key, group in states.groupby(["mentor_person_id", "mentee_person_id"], sort=False):
        held = group[group["status"] == "held"]
        rows.append({
            "mentor_person_id": key[0], "mentee_person_id": key[1],
            "mentor_name": group["mentor_name"].iloc[0], "mentee_name": group["mentee_name"].iloc[0],
            "mentor_label": group["mentor_label"].iloc[0], "mentee_label": group["mentee_label"].iloc[0],
            "held": len(held),
            "overdue": [int(n) for n in group.loc[group["status"] == "overdue", "number"]],
            "last_held": max(held["held_on"]) if len(held) else None,
            "three_party": tp_state.get((int(key[0]), int(key[1])), "unbooked"),
        })
    per_pair = pd.DataFrame(rows, columns=["mentor_person_id", "mentee_person_id", "mentor_name", "mentee_name",
                                           "mentor_label", "mentee_label",
                                           "held", "overdue", "last_held", "three_party"])

    attendance = attendance_summary(store, programme, cohort, today)
    return CohortReport(cohort, today, len(Pairs(pairs)), states, per_round, per_pair, attendance, three_party)


# -- As the coordinator reads it ----------------------------------------------------------------

def rounds_frame(report: CohortReport, lang: str) -> pd.DataFrame:
    frame = report.per_round
    begun = frame["held"] + frame["due"] + frame["overdue"]
    share = (100 * frame["held"] / begun.where(begun > 0)).round(0)
    return pd.DataFrame({
        t("report.col_round", lang): frame["number"],
        t("report.col_week", lang): [format_week(d, lang) for d in frame["start"]],
        t("report.col_start", lang): frame["start"],
        t("report.col_end", lang): frame["end"],
        t("report.col_held", lang): frame["held"],
        t("report.col_due", lang): frame["due"],
        t("report.col_overdue", lang): frame["overdue"],
        t("report.col_upcoming", lang): frame["upcoming"],
        t("report.col_share", lang): share,
    })


def pairs_frame(report: CohortReport, lang: str) -> pd.DataFrame:
    frame = report.per_pair
    return pd.DataFrame({
        t("followup.col.mentor", lang): frame["mentor_label"],
        t("followup.col.mentee", lang): frame["mentee_label"],
        t("report.col_held", lang): frame["held"],
        t("report.col_overdue_numbers", lang): [", ".join(map(str, n)) for n in frame["overdue"]],
        t("report.col_last_held", lang): frame["last_held"],
        t("report.col_three_party", lang): [t(f"report.tp_{s}", lang) for s in frame["three_party"]],
    })


def summary_frame(report: CohortReport, lang: str) -> pd.DataFrame:
    share = report.attendance_share
    rows = [
        (t("report.summary_cohort", lang), cohort_label(report.cohort, lang)),
        (t("report.summary_day", lang), format_date(report.today, lang)),
        (t("report.metric_pairs", lang), report.pairs),
        (t("report.metric_meetings", lang), f"{report.meetings_held} / {report.meetings_begun}"),
        (t("report.metric_attendance", lang), "–" if share is None else format_share(share, lang)),
        (t("report.metric_three_party", lang), f"{report.three_party['held']} / {report.pairs}"),
    ]
    return pd.DataFrame(rows, columns=[t("report.col_what", lang), t("report.col_value", lang)])


def meetings_frame(report: CohortReport, lang: str) -> pd.DataFrame:
    """Every pair and meeting, one row each: the report's raw data."""
    states = report.states
    return pd.DataFrame({
        t("followup.col.pair", lang): [pair_label(a, b) for a, b in zip(states["mentor_label"], states["mentee_label"],
                                                                        strict=True)],
        t("report.col_round", lang): states["number"],
        t("report.col_start", lang): states["start"],
        t("report.col_end", lang): states["end"],
        t("followup.col.status", lang): [t(f"followup.status.{s}", lang) for s in states["status"]],
        t("followup.col.held_on", lang): states["held_on"],
        t("followup.col.note", lang): states["note"],
    })


def report_sheets(report: CohortReport, lang: str) -> dict[str, pd.DataFrame]:
    """The workbook's sheets, in the coordinator's language."""
    return {
        t("report.sheet_summary", lang): summary_frame(report, lang),
        t("report.sheet_pairs", lang): pairs_frame(report, lang),
        t("report.sheet_rounds", lang): rounds_frame(report, lang),
        t("report.sheet_attendance", lang): attendance_summary_frame(report.attendance, lang),
        t("report.sheet_three_party", lang): pd.DataFrame(
            [(t(f"report.tp_{k}", lang), v) for k, v in report.three_party.items()],
            columns=[t("report.col_three_party", lang), t("report.metric_pairs", lang)]),
        t("report.sheet_meetings", lang): meetings_frame(report, lang),
    }


# -- Figures --------------------------------------------------------------------------------------

def _layout(figure: go.Figure, title: str, y_title: str) -> go.Figure:
    figure.update_layout(title=title, barmode="stack", yaxis_title=y_title, legend_orientation="h",
                         legend_traceorder="normal", legend_y=-0.25, margin={"t": 50, "b": 10, "l": 10, "r": 10},
                         height=360)
    figure.update_xaxes(automargin=True)
    return figure


def rounds_figure(report: CohortReport, lang: str) -> go.Figure:
    """Pairs per meeting, stacked by held, this week, overdue and upcoming."""
    frame = report.per_round
    names = [t("report.round", lang, number=n) for n in frame["number"]]
    figure = go.Figure([go.Bar(name=t(f"followup.status.{s}", lang), x=names, y=frame[s].tolist(), marker_color=colour)
                        for s, colour in STATUS_COLOURS.items()])
    return _layout(figure, t("report.rounds_title", lang), t("report.axis_pairs", lang))


def pairs_figure(report: CohortReport, lang: str) -> go.Figure:
    """How many pairs have held 0, 1, … 6 meetings."""
    last = len(report.per_round)
    counts = report.per_pair["held"].value_counts().reindex(range(last + 1), fill_value=0)
    figure = go.Figure(go.Bar(x=list(counts.index), y=counts.tolist(), marker_color=STATUS_COLOURS["held"]))
    figure.update_xaxes(title=t("report.axis_meetings_held", lang), dtick=1)
    return _layout(figure, t("report.pairs_title", lang), t("report.axis_pairs", lang))


def attendance_figure(report: CohortReport, lang: str) -> go.Figure:
    """The cohort's own people at each event that has taken place: came, did not, not recorded."""
    frame = report.attendance[report.attendance["past"]]
    names = [event_name(e, lang) for e in frame["event_id"]]
    words = {"came": "report.came", "absent": "report.absent", "unrecorded": "report.unrecorded"}
    figure = go.Figure([go.Bar(name=t(words[k], lang), x=names, y=frame[k].tolist(), marker_color=colour)
                        for k, colour in ATTENDANCE_COLOURS.items()])
    return _layout(figure, t("report.attendance_title", lang), t("report.axis_people", lang))


def three_party_figure(report: CohortReport, lang: str) -> go.Figure:
    figure = go.Figure([go.Bar(name=t(f"report.tp_{k}", lang), x=[t("report.metric_pairs", lang)],
                               y=[report.three_party[k]], marker_color=colour)
                        for k, colour in THREE_PARTY_COLOURS.items()])
    figure.update_layout(height=340)
    return _layout(figure, t("report.three_party_title", lang), t("report.axis_pairs", lang))
