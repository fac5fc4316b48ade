"""A schedule in words: occurrences as rows a coordinator reads (event, weekday, date, week,
rule, guests, warnings) in Swedish or English, for the pages and the exports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.calendar.programme import CalendarWarning, Cohort, Occurrence
from core.calendar.workdays import holiday_name
from core.platform.i18n import MentorplanError, format_date, format_short_date, format_week, format_weekday, t

if TYPE_CHECKING:  # pandas is imported by the functions that make a frame: `schedule` makes none
    import pandas as pd

# The command line's columns, a contract with scripts: keep them as they are.
SCHEDULE_COLUMNS = ("cohort", "event", "start", "end", "iso_week", "rule", "invited", "warnings")


def event_name(event_id: str, lang: str) -> str:
    return t(f"event.{event_id}", lang)


def cohort_label(cohort: Cohort, lang: str) -> str:
    """ "Höststart 2026" """
    return t("cohort.label", lang, track=t(f"cohort.track_{cohort.track}", lang), year=cohort.year)


@dataclass(frozen=True)
class CohortName:
    """A cohort in words when shown ("Höststart 2026"): for an error's or a to-do's fillers."""
    cohort: Cohort

    def shown(self, lang: str) -> str:
        return cohort_label(self.cohort, lang)


def cohort_words(cohort_id: str | None, lang: str) -> str:
    """A cohort named by its id ("spring-2027"), in words ("Vårstart 2027")."""
    if not cohort_id:
        return ""
    try:
        return cohort_label(Cohort.parse(cohort_id), lang)
    except MentorplanError:
        return cohort_id


def describe_rule(occurrence: Occurrence, lang: str) -> str:
    """The rule in words, with the rulebook's note on the event after a dash: "samma dag som
    avslutningsträff — Kvällens mentorsmingel … rekryterar till januari/februaristarten." """
    rule = occurrence.rule.describe(lang, lambda event_id: event_name(event_id, lang).lower())
    note = describe_note(occurrence, lang)
    return f"{rule} — {note}" if note else rule


def describe_note(occurrence: Occurrence, lang: str) -> str:
    """The rulebook's note on the event (data/rules.toml `note`), "" where it has none."""
    return str(occurrence.event.note.get(lang, ""))


def describe_guests(occurrence: Occurrence, lang: str) -> list[str]:
    described = []
    for invite, cohort in occurrence.guests():
        group = t(f"guests.{invite.who}", lang)
        if cohort is None:
            described.append(group)
        elif invite.reason:
            described.append(t("guests.of_cohort_because", lang, group=group, cohort=cohort_label(cohort, lang),
                               reason=t(f"guests.{invite.reason}", lang)))
        else:
            described.append(t("guests.of_cohort", lang, group=group, cohort=cohort_label(cohort, lang)))
    return described


def describe_warning(warning: CalendarWarning, lang: str) -> str:
    params = {}
    if warning.day:
        params["day"] = format_date(warning.day, lang)
        params["holiday"] = holiday_name(warning.day, lang) or ""
    if warning.suggestion:
        params["suggestion"] = format_date(warning.suggestion, lang)
    if warning.other_event:
        params["event"] = event_name(warning.other_event, lang).lower()
        params["cohort"] = cohort_words(warning.other_cohort, lang)
    if warning.other_day:
        params["other_day"] = format_date(warning.other_day, lang)
    return t(f"warning.{warning.code}", lang, **params)


def describe_when(occurrence: Occurrence, lang: str) -> str:
    """ "tors 24 sep. 2026" for a day; "v. 40 (28 sep.–4 okt.)" for a week; a span otherwise."""
    if occurrence.one_day:
        return format_date(occurrence.start, lang)
    span = f"{format_short_date(occurrence.start, lang)}–{format_short_date(occurrence.end, lang)}"
    if (occurrence.end - occurrence.start).days == 6 and occurrence.start.weekday() == 0:
        return f"{format_week(occurrence.start, lang)} ({span})"
    return f"{span} {occurrence.end.year}"


def schedule_rows(occurrences: Iterable[Occurrence], lang: str) -> list[tuple[str | int, ...]]:
    """The command line's schedule: one row per occurrence in SCHEDULE_COLUMNS' order, dates in
    ISO 8601."""
    return [(o.cohort.id, o.id, o.start.isoformat(), o.end.isoformat(), o.iso_week, describe_rule(o, lang),
             "; ".join(describe_guests(o, lang)), "; ".join(describe_warning(w, lang) for w in o.warnings))
            for o in occurrences]


def schedule_frame(occurrences: Iterable[Occurrence], lang: str) -> pd.DataFrame:
    """schedule_rows as a frame."""
    import pandas as pd

    return pd.DataFrame(schedule_rows(occurrences, lang), columns=list(SCHEDULE_COLUMNS))


def display_frame(occurrences: Iterable[Occurrence], lang: str) -> pd.DataFrame:
    """The schedule as the coordinator reads it, with headings in their language."""
    import pandas as pd

    rows = []
    for o in occurrences:
        rows.append({
            t("schedule.cohort", lang): cohort_label(o.cohort, lang),
            t("schedule.event", lang): event_name(o.id, lang),
            t("schedule.weekday", lang): format_weekday(o.start, lang) if o.one_day else "",
            t("schedule.date", lang): describe_when(o, lang),
            t("schedule.start", lang): o.start,
            t("schedule.end", lang): o.end,
            t("schedule.week", lang): o.iso_week,
            t("schedule.rule", lang): describe_rule(o, lang),
            t("schedule.warnings", lang): "; ".join(describe_warning(w, lang) for w in o.warnings),
            t("schedule.invited", lang): ", ".join(describe_guests(o, lang)),
            t("schedule.moved", lang): (t("timeline.moved_from", lang, day=format_date(o.rule_start, lang))
                                        if o.moved else ""),
        })
    return pd.DataFrame(rows)
