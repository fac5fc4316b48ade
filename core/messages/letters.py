"""Letters to the programme's people: the match decisions (besked) and the invitations to the
year's events, written from the templates (core.messages.templates) in Swedish or English, one
per person, each checked before it can be sent: a placeholder whose value is missing for a
person stops that person's message with a problem that says so — never a blank in the text.
docs/messages.md explains the readings."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import TYPE_CHECKING, Any

import pandas as pd
from babel.dates import format_date as _babel_date

from core.calendar.files import schedule_to_ics
from core.calendar.programme import Cohort, Occurrence, Programme
from core.calendar.schedule import CohortName, cohort_label, event_name
from core.messages.guests import History, guest_list, invitees, load_history, role_word
from core.messages.records import Guest, Reason, usable_address
from core.messages.requests import CANCEL, REQUEST, CalendarRequest, Ledger, Version, request_for, title
from core.messages.templates import (
    _LETTER_LOCALES,
    DECISION_TEMPLATES,
    DECISIONS_EVENT,
    EVENT_DETAILS,
    NOT_TOLD_COLUMNS,
    EventDetails,
    Template,
    all_templates,
    invitation_kind,
    is_invitation,
    render,
    template_for,
    used_placeholders,
)
from core.platform.clock import today as clock_today
from core.platform.files import file_stem
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
    lang: str = ""  # the message's own language, where a batch mixes them (the call for mentors)
    calendars: tuple[CalendarRequest, ...] = ()  # the events it names, as calendar requests


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
    # An invitation's guest list as the batch was made from it: kept with the send log as the
    # event's list as sent, the first time its invitations are sent or prepared (issue 12).
    guests: tuple[Guest, ...] = ()

    @property
    def name(self) -> str:
        """A file name for the batch: "decisions-autumn-2026", "invitation-kickoff-autumn-2026"."""
        if self.kind == "decision":
            return f"decisions-{self.cohort_id}-{self.lang}"
        if self.kind == "call":
            return f"call-{self.cohort_id}"
        return f"invitation-{self.event_id}-{self.cohort_id}-{self.lang}"

    @property
    def fingerprint(self) -> str:
        """What the batch says, as a digest: batches alike in every message, problem, calendar and
        guest have the same one, so the files made from a batch can be kept while it is unchanged."""
        return hashlib.sha256(repr(self).encode("utf-8", "surrogatepass")).hexdigest()


def _person_message(template: Template, values: dict[str, str], person_id: int, email: str, name: str,
                    role: str, reason: str = "", calendars: tuple[CalendarRequest, ...] = ()) -> Message | Problem:
    email = str(email or "").strip()
    if not usable_address(email):
        return Problem(person_id, name, email, "messages.problem_no_address")
    try:
        subject, body = render(template, values)
    except MentorplanError as error:
        return Problem(person_id, name, email, "messages.problem_missing", {"placeholder": error.params["placeholder"]})
    return Message(person_id, email.lower(), name, role, template.kind, subject, body, reason, values,
                   template.lang, calendars)


def in_sentence(name: str) -> str:
    """An event's name inside a sentence: "Parträff 1" → "parträff 1", "Kick-off" → "kick-off"
    (a name that starts with an abbreviation, "IT-dag", is left as it is)."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def event_request(store: Store, programme: Programme, cohort: Cohort, event_id: str, lang: str,
                  ledger: Ledger, details: EventDetails | None = None) -> CalendarRequest:
    """The calendar request a letter naming the event carries now (its saved time and place)."""
    details = store.event_details(cohort.id, event_id) if details is None else details
    return request_for(programme.occurrence(cohort, event_id), lang, ledger, details.time, details.place,
                       note=details.note)


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
        raise MentorplanError("messages.no_accepted_pairs", cohort=CohortName(cohort))
    taking_part = store.participants(cohort.id)
    pairs = pairs_standing(pairs, taking_part)
    person = taking_part.drop_duplicates("person_id").set_index("person_id")
    dates = {}
    for role, training in (("mentor", "training_mentors"), ("mentee", "training_mentees")):
        dates[role] = {**when_values(programme.occurrence(cohort, training), lang, "training_"),
                       **when_values(programme.occurrence(cohort, "kickoff"), lang, "kickoff_")}
    label = cohort_label(cohort, lang)
    ledger = Ledger.of(store, cohort.id)
    named = {event: event_request(store, programme, cohort, event, lang, ledger)
             for event in ("training_mentors", "training_mentees", "kickoff")}
    calendars = {"mentor": (named["training_mentors"], named["kickoff"]),
                 "mentee": (named["training_mentees"], named["kickoff"])}

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
        results.append(_person_message(chosen["decision_mentor"], values, mentor_id, email, name, "mentor",
                                       calendars=calendars["mentor"]))
    for pair in pairs.itertuples():
        mentee_id, mentor_id = int(pair.mentee_person_id), int(pair.mentor_person_id)
        values = {**base(mentee_id, pair.mentee_name, pair.mentee_email, "mentee"), **dates["mentee"],
                  "mentor_name": str(pair.mentor_name), "mentor_email": str(pair.mentor_email)}
        for column in ("organisation", "phone", "title"):
            values[f"mentor_{column}"] = detail(mentor_id, column)
        results.append(_person_message(chosen["decision_mentee"], values, mentee_id, pair.mentee_email,
                                       str(pair.mentee_name), "mentee", calendars=calendars["mentee"]))
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
    found["_name"] = found["name"].str.casefold()  # Python's, with or without pyarrow behind the column
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
    guests: list[Guest] = invitees(store, programme, occurrence, history)  # the list as the coordinator has it
    chosen = {variant: template_for(templates, invitation_kind(templates, event_id, occurrence.event.kind, lang,
                                                                variant), lang)
              for variant in ("", *{_variant(guest) for guest in guests})}
    details = store.event_details(*occurrence.key) if details is None else details  # a shared one's once
    event_values = {"event": event_name(event_id, lang), "event_in_sentence": in_sentence(event_name(event_id, lang)),
                    "cohort": cohort_label(cohort, lang), **when_values(occurrence, lang),
                    "place": details.place.strip(), "time": details.time.strip(), "note": details.note.strip()}
    used = set().union(*(used_placeholders(template) for template in chosen.values()))
    missing = [name for name in (*EVENT_DETAILS, "date", "weekday", "week")
               if name in used and not event_values[name]]
    if missing:
        words = [t(f"messages.detail_{name}" if name in EVENT_DETAILS else "messages.detail_date", lang)
                 for name in missing]
        raise MentorplanError("messages.missing_event_detail", detail=_joined(list(dict.fromkeys(words)), lang),
                              placeholder=", ".join("{" + name + "}" for name in missing),
                              event=event_name(event_id, lang))
    calendar = (request_for(occurrence, lang, Ledger.of(store, occurrence.key[0]), details.time, details.place,
                            note=details.note),)
    results = []
    for guest in guests:
        reason = invitation_reason(guest.reasons[0], lang)
        values = {**event_values, "name": guest.name, "first_name": first_name(guest.name), "email": guest.email,
                  "role": role_word(guest.role, lang), "reason": reason}
        results.append(_person_message(chosen[_variant(guest)], values, guest.person_id, guest.email, guest.name,
                                       guest.role, reason, calendar))
    messages, problems = _collect(results)
    owner_id, owner_event = occurrence.key  # a shared occurrence is sent and logged once, under its owner
    return Batch(owner_id, "invitation", owner_event, lang, messages, problems,
                 calendar=event_ics(occurrence, lang, details),
                 calendar_name=f"{file_stem(title(occurrence, lang))}.ics",  # in words: the guest sees it
                 guests=tuple(guests))


def _variant(guest: Guest) -> str:
    """Which variant of an invitation a guest is given (core.messages.templates.VARIANTS): a
    mentor who has applied already is not asked to apply; a former pair is asked to share."""
    if any(reason.why == "applied" for reason in guest.reasons):
        return "applied"
    if guest.reasons[0].why == "former_pair":
        return "former_pair"
    return ""


def event_ics(occurrence: Occurrence, lang: str, details: EventDetails = EventDetails()) -> bytes:
    """The event as the schedule exports it (core.calendar.files.schedule_to_ics), published for an
    invitation (METHOD:PUBLISH: a calendar adds it, no reply expected), with the place and time
    the coordinator filled in."""
    from icalendar import Calendar  # loaded where a file is written (see core.calendar.files)

    calendar = Calendar.from_ical(schedule_to_ics([occurrence], lang))
    calendar.add("method", "PUBLISH")
    for event in calendar.walk("VEVENT"):
        if details.place.strip():
            event.add("location", details.place.strip())
        extra = [text for text in (details.time.strip(), details.note.strip()) if text]
        if extra:
            event["description"] = "\n".join([*extra, str(event.get("description", ""))]).strip()
    return calendar.to_ical()


# -- The call for mentors ------------------------------------------------------------------------

CALL_EVENT = "call"  # the send log's and the saved details' name for a cohort's call for mentors
# The evening mingles that recruit mentors for a start, by the manual: the start's own mentor
# mingle; for an autumn start, the spring track's mid-meeting mingle in June; for a spring start,
# the spring track's closing mingle in November the year before.
_OTHER_MINGLES = {"autumn": ("spring", 0, "mid_meeting_mingle"), "spring": ("spring", -1, "closing_mingle")}


def recruiting_mingles(programme: Programme, cohort: Cohort) -> list[Occurrence]:
    """The mingles where the manual recruits mentors for the cohort, by date, before its decisions."""
    decided = programme.occurrence(cohort, DECISIONS_EVENT).start
    found = [o for o in programme.cohort(cohort) if o.event.kind == "recruiting" and o.start <= decided]
    if cohort.track in _OTHER_MINGLES:
        track, offset, event_id = _OTHER_MINGLES[cohort.track]
        other = Cohort(cohort.year + offset, track)
        found += [o for o in programme.cohort(other) if o.id == event_id and o.start <= decided]
    return sorted(found, key=lambda o: (o.start, o.cohort, o.id))


def call_mingle(programme: Programme, cohort: Cohort, day: dt.date | None = None) -> Occurrence:
    """The mingle a call sent now is for: the next one recruiting for the cohort, or the last."""
    mingles = recruiting_mingles(programme, cohort)
    if not mingles:
        raise MentorplanError("messages.call_no_mingle", cohort=CohortName(cohort))
    day = clock_today() if day is None else day
    return next((o for o in mingles if o.start >= day), mingles[-1])


def person_language(languages: object) -> str:
    """A person's language for a letter: English when the register says they speak English and
    not Swedish, else Swedish (the default, also when nothing is known)."""
    spoken = {str(code).lower() for code in languages} if isinstance(languages, list | tuple) else set()
    return "en" if "en" in spoken and "sv" not in spoken else "sv"


def call_candidates(history: History, programme: Programme, day: dt.date) -> list[tuple[int, str]]:
    """Former participants to ask: people who were in the pairs of a cohort that has closed,
    and who take part in no cohort that has not closed yet (running, or applied for, waiting for
    or withdrawn from a coming one: someone who has applied already is not asked to apply).
    People deleted everywhere are no longer in the register. (person_id, role), by name."""
    known = history.cohorts(programme)
    closed = [c for c in known if programme.days(c, "closing")[1] < day]
    current = {c.id for c in known if c not in closed}
    frame = history.participants
    busy = set(frame.loc[frame["cohort_id"].isin(current), "person_id"].astype(int))
    for cohort_id in current:  # pairs of a cohort whose participations were never stored
        busy |= {p for role in ("mentor", "mentee") for p in history.members(cohort_id, role)}
    found: dict[int, str] = {}
    for cohort in sorted(closed, reverse=True):  # the latest role a person had
        for role in ("mentor", "mentee"):
            for person_id in history.members(cohort.id, role):
                if person_id not in busy:
                    found.setdefault(person_id, role)
    names = {pid: history.person(pid)[1].lower() for pid in found}
    return sorted(found.items(), key=lambda item: (names[item[0]], item[0]))


def call_messages(store: Store, programme: Programme, cohort: Cohort, channel: str,
                  templates: Mapping[tuple[str, str], Template] | None = None,
                  details: EventDetails | None = None, signup: str | None = None,
                  history: History | None = None, day: dt.date | None = None, lang: str = "sv") -> Batch:
    """The call for mentors for a cohort: a draft for the organisation's own channel in Swedish
    and in English (none when no channel is set), and a personal one to each former participant
    who is in no running or coming cohort, in their language. The mingle's day comes from the
    schedule, its time and place from its saved details (or `details`), the sign-up
    instructions from the call's saved details (or `signup`). `lang` is the coordinator's, for a
    detail that is missing."""
    templates = all_templates(store) if templates is None else templates
    day = clock_today() if day is None else day
    mingle = call_mingle(programme, cohort, day)
    saved = store.event_details(*mingle.key) if details is None else details  # a shared mingle's once
    signup = store.event_details(cohort.id, CALL_EVENT).note if signup is None else signup
    history = load_history(store) if history is None else history

    def mingle_values(lang: str) -> dict[str, str]:
        return {"cohort": cohort_label(cohort, lang), "mingle": in_sentence(event_name(mingle.id, lang)),
                **when_values(mingle, lang, "mingle_"), "mingle_time": saved.time.strip(),
                "mingle_place": saved.place.strip(), "signup": signup.strip()}

    wanted = {"mingle_time": "messages.detail_time", "mingle_place": "messages.detail_place",
              "signup": "messages.detail_signup"}
    missing = [name for name in wanted for kind in ("call_channel", "call_personal") for lang in ("sv", "en")
               if name in used_placeholders(template_for(templates, kind, lang)) and not mingle_values(lang)[name]]
    if missing:
        missing = list(dict.fromkeys(missing))
        raise MentorplanError("messages.missing_call_detail",
                              detail=_joined([t(wanted[name], lang) for name in missing], lang),
                              placeholder=", ".join("{" + name + "}" for name in missing))
    results: list[Message | Problem] = []
    if channel.strip():
        channel_name, channel_address = parseaddr(channel.strip())
        for lang in ("sv", "en"):
            results.append(_person_message(template_for(templates, "call_channel", lang), mingle_values(lang), 0,
                                           channel_address, channel_name or t("messages.call_channel_name", lang),
                                           "channel"))
    languages = history.participants.drop_duplicates("person_id").set_index("person_id")["languages"]
    for person_id, role in call_candidates(history, programme, day):
        email, name = history.person(person_id)
        lang = person_language(languages.get(person_id))
        values = {**mingle_values(lang), "name": name, "first_name": first_name(name), "email": email,
                  "role": role_word(role, lang)}
        results.append(_person_message(template_for(templates, "call_personal", lang), values, person_id, email,
                                       name, role))
    messages, problems = _collect(results)
    return Batch(cohort.id, "call", CALL_EVENT, "sv", messages, problems)


# -- Changes: an event moved, or taken out of calendars -------------------------------------------

@dataclass(frozen=True)
class Change:
    """Who holds an event of the cohort in their calendar and should hear of it: an update (the
    day, time or place changed since they were given it) or a cancellation (they are no longer
    invited)."""
    event_id: str
    update: tuple[int, ...]
    cancel: tuple[int, ...]
    holders: tuple[int, ...]


def calendar_changes(store: Store, programme: Programme, cohort: Cohort,
                     history: History | None = None) -> list[Change]:
    """Every event of the cohort that someone holds in their calendar (from the requests given),
    with who needs an update and who a cancellation."""
    ledger = Ledger.of(store, cohort.id)
    if not ledger.people:  # nobody was given any: nothing to read (the page asks on every rerun)
        return []
    history = load_history(store) if history is None else history
    events = {o.id: o for o in programme.cohort(cohort)}
    found = []
    for event_id in sorted({event for event, _ in ledger.people}, key=lambda e: list(events).index(e)
                           if e in events else len(events)):
        holders = ledger.holders(event_id)
        if not holders or event_id not in events:
            continue
        occurrence = events[event_id]
        details = store.event_details(cohort.id, event_id)
        now = Version.of(occurrence, details.time, details.place)
        invited = {g.person_id for g in guest_list(history, programme, occurrence)}
        update = tuple(p for p, given in holders.items() if p in invited and given.version != now)
        cancel = tuple(p for p in holders if p not in invited)
        found.append(Change(event_id, update, cancel, tuple(holders)))
    return found


def change_messages(store: Store, programme: Programme, cohort: Cohort, event_id: str, method: str, lang: str,
                    people: Iterable[int], templates: Mapping[tuple[str, str], Template] | None = None,
                    history: History | None = None) -> Batch:
    """Update letters (method REQUEST: the same UID, a higher SEQUENCE, the new day, time and
    place) or cancellations (CANCEL) of one event to the given people."""
    check_language(lang)
    if method not in (REQUEST, CANCEL):
        raise MentorplanError("messages.unknown_kind", kind=method, allowed=f"{REQUEST}, {CANCEL}")
    templates = all_templates(store) if templates is None else templates
    kind = "update" if method == REQUEST else "cancel"
    template = template_for(templates, kind, lang)
    occurrence = programme.occurrence(cohort, event_id)
    details = store.event_details(*occurrence.key)  # a shared event's once, under its owner
    ledger = Ledger.of(store, occurrence.key[0])
    request = request_for(occurrence, lang, ledger, details.time, details.place, method, details.note)
    history = load_history(store) if history is None else history
    given = ledger.holders(occurrence.key[1])
    lines = [t("messages.update_day", lang, day=" ".join(
        p for p in (when_values(occurrence, lang)["weekday"], when_values(occurrence, lang)["date"],
                    f"({when_values(occurrence, lang)['week']})") if p))]
    lines += [t(f"messages.update_{name}", lang, text=value.strip())
              for name, value in (("time", details.time), ("place", details.place)) if value.strip()]
    event_values = {"event": event_name(event_id, lang), "event_in_sentence": in_sentence(event_name(event_id, lang)),
                    "cohort": cohort_label(cohort, lang), **when_values(occurrence, lang),
                    "time": details.time.strip(), "place": details.place.strip(), "details": "\n".join(lines)}
    results = []
    for person_id in people:
        try:
            email, name = history.person(int(person_id))
        except KeyError:
            continue
        role = _role_in(history, cohort.id, int(person_id))
        before = given.get(int(person_id))
        values = {**event_values, "name": name, "first_name": first_name(name), "email": email,
                  "role": role_word(role, lang),
                  "previous_date": letter_date(before.version.start, lang) if before else ""}
        results.append(_person_message(template, values, int(person_id), email, name, role, calendars=(request,)))
    messages, problems = _collect(results)
    return Batch(cohort.id, kind, event_id, lang, messages, problems)


def _role_in(history: History, cohort_id: str, person_id: int) -> str:
    rows = history.participants[history.participants["person_id"] == person_id]
    own = rows[rows["cohort_id"] == cohort_id]
    found = own if len(own) else rows
    return str(found["role"].iloc[0]) if len(found) else "mentor"


# -- A booked three-party conversation --------------------------------------------------------------

BOOKING_EVENT = "three_party_window"


@dataclass(frozen=True)
class Booked:
    """A pair's booked three-party conversation, as the three-party page lists it."""
    slot_id: int
    starts_at: dt.datetime
    minutes: int
    place: str
    mentor_id: int
    mentor_name: str
    mentor_email: str
    mentee_id: int
    mentee_name: str
    mentee_email: str


def booking_messages(store: Store, cohort: Cohort, lang: str, booked: Iterable[Booked],
                     templates: Mapping[tuple[str, str], Template] | None = None) -> Batch:
    """A confirmation of the booked time to the mentor and the mentee of each pair: day, time,
    place, and a calendar request for the conversation (the UID the booking list's .ics gives it)."""
    check_language(lang)
    templates = all_templates(store) if templates is None else templates
    template = template_for(templates, "three_party_booked", lang)
    ledger = Ledger.of(store, cohort.id)
    results = []
    for booking in booked:
        day = booking.starts_at.date()
        ends = booking.starts_at + dt.timedelta(minutes=booking.minutes)
        time = f"{booking.starts_at:%H.%M}–{ends:%H.%M}" if lang == "sv" else f"{booking.starts_at:%H:%M}–{ends:%H:%M}"
        entry = f"three_party_slot_{booking.slot_id}"
        version = Version(day, day, time, " ".join(booking.place.split()))
        request = CalendarRequest(cohort.id, entry, REQUEST, ledger.sequence(entry, version), version,
                                  f"{t('messages.three_party_title', lang)} – {cohort_label(cohort, lang)}",
                                  own_uid=f"three-party-{cohort.id}-slot-{booking.slot_id}@mentorplan")
        values = {"cohort": cohort_label(cohort, lang), "date": letter_date(day, lang),
                  "weekday": format_weekday(day, lang), "week": format_week(day, lang), "time": time,
                  "place": booking.place.strip()}
        for me, partner in (((booking.mentor_id, booking.mentor_name, booking.mentor_email, "mentor"),
                             (booking.mentee_name, booking.mentee_email)),
                            ((booking.mentee_id, booking.mentee_name, booking.mentee_email, "mentee"),
                             (booking.mentor_name, booking.mentor_email))):
            person_id, name, email, role = me
            person_values = {**values, "name": name, "first_name": first_name(name), "email": email,
                             "role": role_word(role, lang), "partner": partner[0], "partner_email": partner[1]}
            results.append(_person_message(template, person_values, person_id, email, name, role,
                                           calendars=(request,)))
    messages, problems = _collect(results)
    return Batch(cohort.id, "booking", BOOKING_EVENT, lang, messages, problems)
