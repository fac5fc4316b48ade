"""The schedule, the pair list and the cohort report as PDF documents: landscape, titled, dated,
every event, date and name in tables that repeat their header row on each page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from core.calendar.programme import Cohort, Occurrence
from core.calendar.schedule import (
    cohort_label,
    describe_guests,
    describe_rule,
    describe_warning,
    describe_when,
    event_name,
)
from core.documents.pdf import Document
from core.followup.attendance import attendance_summary_frame
from core.followup.report import CohortReport, pairs_frame, rounds_frame, summary_frame
from core.matching.report import describe, reasons_text, score_text, warnings_text
from core.matching.runs import MatchRun
from core.platform.i18n import format_date, t


def schedule_pdf(occurrences: Sequence[Occurrence], lang: str, made: dt.date, paper: str = "a4") -> bytes:
    """Each cohort's events in order: event, date (with its weekday), week, rule, who is invited,
    warnings and moves."""
    cohorts = list(dict.fromkeys(o.cohort for o in occurrences))
    title = t("document.schedule_title", lang, cohorts=", ".join(cohort_label(c, lang) for c in cohorts))
    document = Document(title, lang, made, paper)
    for cohort in cohorts:
        document.heading(cohort_label(cohort, lang))
        rows = [{
            t("schedule.event", lang): event_name(o.id, lang),
            t("schedule.date", lang): describe_when(o, lang),
            t("schedule.week", lang): str(o.iso_week),
            t("schedule.rule", lang): describe_rule(o, lang),
            t("schedule.invited", lang): ", ".join(describe_guests(o, lang)),
            t("schedule.warnings", lang): "; ".join(
                [describe_warning(w, lang) for w in o.warnings]
                + ([t("timeline.moved_from", lang, day=format_date(o.rule_start, lang))] if o.moved else [])),
        } for o in occurrences if o.cohort == cohort]
        document.table_of(pd.DataFrame(rows), widths=(16, 17, 5, 26, 18, 18))
    return document.bytes()


def _person(name: object, organisation: object, email: object, phone: object) -> str:
    return "\n".join(str(v) for v in (name, organisation, email, phone) if v is not None and str(v).strip()
                     and str(v) != "nan")


def pair_list_pdf(run: MatchRun, cohort: Cohort, lang: str, made: dt.date, paper: str = "a4") -> bytes:
    """The pairs for the kick-off: mentor and mentee each with organisation, e-mail and phone, the
    score and the reasons; then whoever is unmatched, and why."""
    title = t("document.pairs_title", lang, cohort=cohort_label(cohort, lang))
    subtitle = t("document.pairs_counts", lang, pairs=run.pair_count, unmatched=len(run.unmatched))
    document = Document(title, lang, made, paper, subtitle=subtitle)
    pairs = run.pairs
    frame = pd.DataFrame({
        t("matching.col.mentor", lang): [_person(*row) for row in zip(
            pairs["mentor_name"], pairs["mentor_organisation"], pairs["mentor_email"], pairs["mentor_phone"],
            strict=True)],
        t("matching.col.mentee", lang): [_person(*row) for row in zip(
            pairs["mentee_name"], pairs["mentee_organisation"], pairs["mentee_email"], pairs["mentee_phone"],
            strict=True)],
        t("matching.col.score", lang): [score_text(s).replace(".", ",") if lang == "sv" else score_text(s)
                                         for s in pairs["score"]],
        t("matching.col.reasons", lang): [reasons_text(r, lang) for r in pairs["reasons"]],
        t("matching.col.warnings", lang): [warnings_text(w, lang) for w in pairs["warnings"]],
    })
    document.table_of(frame, widths=(22, 22, 6, 32, 18))
    if len(run.unmatched):
        document.heading(t("matching.sheet.unmatched", lang))
        unmatched = run.unmatched
        document.table_of(pd.DataFrame({
            t("matching.col.name", lang): unmatched["name"],
            t("matching.col.role", lang): [t(f"matching.words.{r}", lang) for r in unmatched["role"]],
            t("matching.col.organisation", lang): unmatched["organisation"],
            t("matching.col.email", lang): unmatched["email"],
            t("matching.col.reason", lang): [describe(r, lang) for r in unmatched["reason"]],
        }), widths=(18, 9, 18, 22, 33))
    return document.bytes()


def report_pdf(report: CohortReport, lang: str, made: dt.date, paper: str = "a4") -> bytes:
    """The cohort report: the summary, meetings per round, attendance at the events, and each
    pair's meetings and three-party conversation."""
    title = t("document.report_title", lang, cohort=cohort_label(report.cohort, lang))
    document = Document(title, lang, made, paper)
    document.table_of(summary_frame(report, lang), widths=(40, 60))
    document.heading(t("report.sheet_rounds", lang))
    document.table_of(rounds_frame(report, lang))
    document.heading(t("report.sheet_attendance", lang))
    document.table_of(attendance_summary_frame(report.attendance, lang))
    document.heading(t("report.sheet_pairs", lang))
    document.table_of(pairs_frame(report, lang))
    return document.bytes()
