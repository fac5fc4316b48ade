"""Letters to the programme's people: the match decisions (besked) and the invitations to the
year's events, written from the templates (core.messages.templates) in Swedish or English, one
per person, each checked before it can be sent: a placeholder whose value is missing for a
person stops that person's message with a problem that says so — never a blank in the text.
docs/messages.md explains the readings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd
from babel.dates import format_date as _babel_date
from icalendar import Calendar

from core.calendar.files import schedule_to_ics
from core.calendar.programme import Cohort, Occurrence, Programme
from core.calendar.schedule import cohort_label, event_name
from core.messages.guests import Guest, History, Reason, guest_list, load_history, role_word, usable_address
from core.messages.templates import (
    _LETTER_LOCALES,
    DECISION_TEMPLATES,
    DECISIONS_EVENT,
    EVENT_DETAILS,
    NOT_TOLD_COLUMNS,
    EventDetails,
    Template,
    all_templates,
    invitation_template,
    is_invitation,
    render,
    template_for,
    used_placeholders,
)
from core.platform.i18n import MentorplanError, check_language, format_week, format_weekday, t

if TYPE_CHECKING:
    from core.store import Store

# -- Words for the letters -----------------------------------------------------------------------

def letter_date(day: dt.date, lang: str) -> str:
    """ "24 september 2026" """
    return _babel_date(day, "d MMMM y", locale=_LETTER_LOCALES[check_language(lang)])


def when_values(occurrence: Occurrence, lang: str, prefix: str = "") -> dict[str, str]:
    """date, weekday and week of an occurrence in words; a week or a window has no weekday."""
    start, end = occurrence.start, occurrence.end
    if start == end:
        return {f"{prefix}date": letter_date(start, lang), f"{prefix}weekday": format_weekday(start, lang),
                f"{prefix}week": format_week(start, lang)}
    first = _babel_date(start, "d MMMM" if start.year == end.year else "d MMMM y",
                        locale=_LETTER_LOCALES[lang])
    weeks = (start.isocalendar().week, end.isocalendar().week)
    week = (format_week(start, lang) if weeks[0] == weeks[1]
            else t("common.week_number", lang, week=f"{weeks[0]}–{weeks[1]}"))
    return {f"{prefix}date": f"{first} – {letter_date(end, lang)}", f"{prefix}weekday": "", f"{prefix}week": week}


def first_name(name: str) -> str:
    parts = str(name).split()
    return parts[0] if parts else ""


def invitation_reason(reason: Reason, lang: str) -> str:
    """Why a person is invited, as the end of "You are invited …": "as a mentor in Spring start
    2026, the programme now running"."""
    cohort = Cohort.parse(reason.cohort_id)
    return t(f"messages.reason_{reason.why}", lang, role=role_word(reason.role, lang),
             cohort=cohort_label(cohort, lang))


# -- One batch of messages -----------------------------------------------------------------------

@dataclass(frozen=True)
class Message:
    """One e-mail to one person, rendered."""
    person_id: int
    email: str
    name: str
    role: str
    template: str
    subject: str
    body: str
    reason: str = ""
    values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """A person who gets no message from this batch, and why (a label in data/i18n)."""
    person_id: int
    name: str
    email: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def shown(self, lang: str) -> str:
        return t(self.key, lang, name=self.name, email=self.email or "–", **self.params)


@dataclass(frozen=True)
class Batch:
    """The messages of one step: the decisions of a cohort, or the invitations to one event."""
    cohort_id: str
    kind: str  # decision | invitation
    event_id: str
    lang: str
    messages: tuple[Message, ...]
    problems: tuple[Problem, ...] = ()
    calendar: bytes | None = None  # the event's .ics, attached to every invitation
    calendar_name: str = ""

    @property
    def name(self) -> str:
        """A file name for the batch: "decisions-autumn-2026", "invitation-kickoff-autumn-2026"."""
        if self.kind == "decision":
            return f"decisions-{self.cohort_id}-{self.lang}"
        return f"invitation-{self.event_id}-{self.cohort_id}-{self.lang}"


def _person_message(template: Template, values: dict[str, str], person_id: int, email: str, name: str,
                    role: str, reason: str = "") -> Message | Problem:
    email = str(email or "").strip()
    if not usable_address(email):
        return Problem(person_id, name, email, "messages.problem_no_address")
    try:
        subject, body = render(template, values)
    except MentorplanError as error:
        return Problem(person_id, name, email, "messages.problem_missing", {"placeholder": error.params["placeholder"]})
    return Message(person_id, email.lower(), name, role, template.kind, subject, body, reason, values)


def _collect(results: Iterable[Message | Problem]) -> tuple[tuple[Message, ...], tuple[Problem, ...]]:
    results = list(results)
    return (tuple(r for r in results if isinstance(r, Message)), tuple(r for r in results if isinstance(r, Problem)))


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()


def decision_messages(store: Store, programme: Programme, cohort: Cohort, lang: str,
                      templates: Mapping[tuple[str, str], Template] | None = None) -> Batch:
    """The decisions of a cohort's accepted matching: each mentor is told their mentee(s), each
    mentee their mentor, and everyone else taking part (not withdrawn) that they were not matched
    this time and are offered the next start."""
    check_language(lang)
    templates = all_templates(store) if templates is None else templates
    chosen = {kind: template_for(templates, kind, lang) for kind in DECISION_TEMPLATES}
    pairs = store.accepted_pairs(cohort.id)
    if not len(pairs):
        raise MentorplanError("messages.no_accepted_pairs", cohort=cohort.id)
    taking_part = store.participants(cohort.id)
    pairs = pairs_standing(pairs, taking_part)
    person = taking_part.drop_duplicates("person_id").set_index("person_id")
    dates = {}
    for role, training in (("mentor", "training_mentors"), ("mentee", "training_mentees")):
        dates[role] = {**when_values(programme.occurrence(cohort, training), lang, "training_"),
                       **when_values(programme.occurrence(cohort, "kickoff"), lang, "kickoff_")}
    label = cohort_label(cohort, lang)

    def detail(person_id: int, column: str) -> str:
        return _text(person[column].get(person_id)) if person_id in person.index else ""

    def base(person_id: int, name: str, email: str, role: str) -> dict[str, str]:
        return {"name": name, "first_name": first_name(name), "email": email, "role": role_word(role, lang),
                "cohort": label}

    results: list[Message | Problem] = []
    for mentor_id, group in pairs.groupby("mentor_person_id", sort=False):
        mentor_id = int(mentor_id)
        name, email = str(group["mentor_name"].iloc[0]), str(group["mentor_email"].iloc[0])
        mentees = [(int(r.mentee_person_id), str(r.mentee_name), str(r.mentee_email)) for r in group.itertuples()]
        lines = []
        for mentee_id, mentee_name, mentee_email in mentees:
            organisation = detail(mentee_id, "organisation")
            lines.append("– " + ", ".join(p for p in (mentee_name, organisation, mentee_email) if p))
        values = {**base(mentor_id, name, email, "mentor"), **dates["mentor"], "mentees": "\n".join(lines)}
        for column in ("organisation", "phone", "title"):
            values[f"mentee_{column}"] = _joined([detail(m[0], column) for m in mentees], lang)
        values["mentee_name"] = _joined([m[1] for m in mentees], lang)
        values["mentee_email"] = _joined([m[2] for m in mentees], lang)
        results.append(_person_message(chosen["decision_mentor"], values, mentor_id, email, name, "mentor"))
    for pair in pairs.itertuples():
        mentee_id, mentor_id = int(pair.mentee_person_id), int(pair.mentor_person_id)
        values = {**base(mentee_id, pair.mentee_name, pair.mentee_email, "mentee"), **dates["mentee"],
                  "mentor_name": str(pair.mentor_name), "mentor_email": str(pair.mentor_email)}
        for column in ("organisation", "phone", "title"):
            values[f"mentor_{column}"] = detail(mentor_id, column)
        results.append(_person_message(chosen["decision_mentee"], values, mentee_id, pair.mentee_email,
                                       str(pair.mentee_name), "mentee"))
    unmatched = left_unmatched(taking_part, pairs)
    if len(unmatched):
        following = programme.next_start(cohort)
        later = {"next_cohort": cohort_label(following, lang),
                 **when_values(programme.occurrence(following, "kickoff"), lang, "next_kickoff_")}
        for row in unmatched.itertuples():
            values = {**base(int(row.person_id), row.name, row.email, row.role), **later}
            results.append(_person_message(chosen["not_matched"], values, int(row.person_id), row.email,
                                           str(row.name), str(row.role)))
    messages, problems = _collect(results)
    return Batch(cohort.id, "decision", DECISIONS_EVENT, lang, messages, problems)


def _joined(values: list[str], lang: str) -> str:
    """ "Elin Gran och Gustav Holm"; blank when any one is blank, so a missing value shows. """
    if any(not v for v in values):
        return ""
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + t("messages.and", lang) + values[-1]


def pairs_standing(pairs: pd.DataFrame, taking_part: pd.DataFrame) -> pd.DataFrame:
    """The accepted pairs without those whose mentor or mentee has withdrawn since."""
    withdrawn = taking_part[taking_part["status"] == "withdrawn"]
    gone = {(role, int(pid)) for role, pid in zip(withdrawn["role"], withdrawn["person_id"], strict=True)}
    keep = [("mentor", int(a)) not in gone and ("mentee", int(b)) not in gone
            for a, b in zip(pairs["mentor_person_id"], pairs["mentee_person_id"], strict=True)]
    return pairs[pd.Series(keep, index=pairs.index, dtype=bool)]


def left_unmatched(taking_part: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """Who takes part in the cohort (not withdrawn) and is in none of its pairs, by role and name."""
    in_pairs = ({("mentor", int(i)) for i in pairs["mentor_person_id"]}
                | {("mentee", int(i)) for i in pairs["mentee_person_id"]})
    active = taking_part[taking_part["status"] != "withdrawn"]
    keep = pd.Series([(role, int(pid)) not in in_pairs
                      for role, pid in zip(active["role"], active["person_id"], strict=True)],
                     index=active.index, dtype=bool)
    found = active[keep].copy()
    found["_order"] = found["role"].map({"mentor": 0, "mentee": 1})
    found["_name"] = found["name"].str.lower()
    found = found.sort_values(["_order", "_name"])
    return found.drop_duplicates("person_id")[list(NOT_TOLD_COLUMNS)]


def invitation_messages(store: Store, programme: Programme, cohort: Cohort, event_id: str, lang: str,
                        details: EventDetails | None = None,
                        templates: Mapping[tuple[str, str], Template] | None = None,
                        history: History | None = None) -> Batch:
    """An invitation to every guest of one event (core.messages.guests), with the event's .ics. The
    details the template uses (place, time, note) must be filled in, or nothing is rendered."""
    check_language(lang)
    occurrence = programme.occurrence(cohort, event_id)
    if not is_invitation(occurrence):
        raise MentorplanError("messages.not_an_invitation", event=event_name(event_id, lang))
    templates = all_templates(store) if templates is None else templates
    template = template_for(templates, invitation_template(occurrence.event.kind), lang)
    details = store.event_details(cohort.id, event_id) if details is None else details
    event_values = {"event": event_name(event_id, lang), "cohort": cohort_label(cohort, lang),
                    **when_values(occurrence, lang),
                    "place": details.place.strip(), "time": details.time.strip(), "note": details.note.strip()}
    missing = [name for name in (*EVENT_DETAILS, "date", "weekday", "week")
               if name in used_placeholders(template) and not event_values[name]]
    if missing:
        words = [t(f"messages.detail_{name}" if name in EVENT_DETAILS else "messages.detail_date", lang)
                 for name in missing]
        raise MentorplanError("messages.missing_event_detail", detail=_joined(list(dict.fromkeys(words)), lang),
                              placeholder=", ".join("{" + name + "}" for name in missing),
                              event=event_name(event_id, lang))
    guests: list[Guest] = guest_list(history or load_history(store), programme, occurrence)
    results = []
    for guest in guests:
        reason = invitation_reason(guest.reasons[0], lang)
        values = {**event_values, "name": guest.name, "first_name": first_name(guest.name), "email": guest.email,
                  "role": role_word(guest.role, lang), "reason": reason}
        results.append(_person_message(template, values, guest.person_id, guest.email, guest.name, guest.role,
                                       reason))
    messages, problems = _collect(results)
    return Batch(cohort.id, "invitation", event_id, lang, messages, problems,
                 calendar=event_ics(occurrence, lang, details), calendar_name=f"{event_id}-{cohort.id}.ics")


def event_ics(occurrence: Occurrence, lang: str, details: EventDetails = EventDetails()) -> bytes:
    """The event as the schedule exports it (core.calendar.files.schedule_to_ics), published for an
    invitation (METHOD:PUBLISH: a calendar adds it, no reply expected), with the place and time
    the coordinator filled in."""
    calendar = Calendar.from_ical(schedule_to_ics([occurrence], lang))
    calendar.add("method", "PUBLISH")
    for event in calendar.walk("VEVENT"):
        if details.place.strip():
            event.add("location", details.place.strip())
        extra = [text for text in (details.time.strip(), details.note.strip()) if text]
        if extra:
            event["description"] = "\n".join([*extra, str(event.get("description", ""))]).strip()
    return calendar.to_ical()
