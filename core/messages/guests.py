"""Guest lists: for any event of any cohort, the people invited and why, computed from the
rulebook's invitations (data/rules.toml, read through Occurrence.guests()) and the stored history
of cohorts — who was a pair when.

The groups, as docs/messages.md explains them:
- mentors / mentees / pairs of a cohort: the people of its accepted pairs; a cohort without an
  accepted matching (history imported from old sheets) counts its participations marked matched;
- former pairs: the pairs of the most recently closed cohort of each track (closing day before
  the event), or of as many past cohorts per track as the coordinator chose (former_cohorts);
- prospective mentors: mentors who applied for (or wait for) a cohort that has not yet kicked off
  (at an event that recruits for named cohorts, an evening mingle: for those cohorts), and former
  mentors who are not in a cohort running on the day of the event.
A participation marked withdrawn is never invited in that cohort's name.

One event's list (event_guests) is that computed list with the coordinator's changes (a person
added by name, a person left out), until its invitations are sent or prepared or its day has
passed: from then on it is the list as it was — kept with the send log (guest_list_sent) when the
invitations went out, else computed as of that moment (History.as_of) — and who would be invited
by today's register but is not on it is shown as not invited. See docs/rules.md, "Who is invited".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

import pandas as pd

from core.calendar.programme import Cohort, Occurrence, Programme
from core.calendar.schedule import cohort_words, describe_guests, describe_when, event_name
from core.messages.records import (
    ADDED,
    EXCLUDED,
    FORMER_PAIR_COHORTS,
    Guest,
    Reason,
    reasons_from_json,
)
from core.platform.clock import today as clock_today
from core.platform.i18n import MentorplanError, t
from core.platform.names import by_name, person_labels

if TYPE_CHECKING:
    from core.store import Store

ROLES = ("mentor", "mentee")
GROUP_ROLES = {"mentors": ("mentor",), "mentees": ("mentee",), "pairs": ("mentor", "mentee")}
PROSPECTIVE_STATUSES = ("applied", "waiting")
# The command line's columns, a contract with scripts: keep them as they are.
GUEST_COLUMNS = ("email", "name", "role", "cohort", "reason")


@dataclass(frozen=True)
class History:
    """What the register holds about who took part when: every participation (a frame as
    store.participations() gives it: participants() without the sign-ups' answers) and, for each
    cohort with an accepted matching, its pairs (as store.accepted_pairs() gives them)."""
    participants: pd.DataFrame
    pairs: Mapping[str, pd.DataFrame]
    # When each participation was stored (participation_id → time), and the day a list is
    # reconstructed for (None: today's register as it is): see as_of.
    created: Mapping[int, dt.datetime] = field(default_factory=dict)
    known_by: dt.date | None = None
    today: dt.date | None = None

    def as_of(self, day: dt.date, today: dt.date) -> History:
        """The register as it could be known on `day`, for an event's list kept as it was: a
        mentor who applied for a coming cohort counts only if their sign-up was stored by then
        (or after that cohort had closed: history imported from old sheets). A time stamp after
        `today` is not one this calendar's clock made (MENTORPLAN_TODAY set back): it counts."""
        return replace(self, known_by=day, today=today)

    def signed_up_by(self, participation_id: int, closing: dt.date) -> bool:
        if self.known_by is None:
            return True
        created = self.created.get(int(participation_id))
        if created is None or (self.today is not None and created.date() > self.today):
            return True
        return created.date() <= self.known_by or created.date() > closing

    def cohorts(self, programme: Programme) -> list[Cohort]:
        """The cohorts the register knows, oldest first; ids that name no track are left out."""
        found = set()
        for cohort_id in set(self.participants["cohort_id"]) | set(self.pairs):
            try:
                found.add(Cohort.parse(str(cohort_id), programme.rulebook))
            except MentorplanError:
                continue
        return sorted(found)

    def members(self, cohort_id: str, role: str) -> list[int]:
        """The people who were `role` in the cohort's pairs, by name; withdrawn ones left out
        (worked out once per cohort and role: a page asks for them for every event)."""
        found = self._members.get((cohort_id, role))
        if found is None:
            found = self._members[(cohort_id, role)] = self._find_members(cohort_id, role)
        return list(found)

    @cached_property
    def _members(self) -> dict[tuple[str, str], list[int]]:
        return {}

    def _find_members(self, cohort_id: str, role: str) -> list[int]:
        # Plain loops over the columns: a cohort has tens of people, and frame operations per
        # cohort cost more than the work (a decade's register asks for every closed cohort).
        taking_part = self._taking_part.get((cohort_id, role), self.participants.iloc[:0])
        statuses = list(zip(taking_part["person_id"], taking_part["name"], taking_part["status"], strict=True))
        withdrawn = {int(p) for p, _name, status in statuses if status == "withdrawn"}
        pairs = self.pairs.get(cohort_id)
        names: dict[int, str] = {}
        if pairs is not None and len(pairs):
            for person_id, name in zip(pairs[f"{role}_person_id"], pairs[f"{role}_name"], strict=True):
                names.setdefault(int(person_id), str(name))
        else:
            for person_id, name, status in statuses:
                if status == "matched":
                    names.setdefault(int(person_id), str(name))
        return [i for i in sorted(names, key=lambda i: names[i].lower()) if i not in withdrawn]

    def person(self, person_id: int) -> tuple[str, str]:
        """A person's e-mail and name."""
        email, name, _organisation = self._people[int(person_id)]  # KeyError: not in the history
        return email, name

    def organisation(self, person_id: int) -> str:
        """A person's organisation, "" where the register has none."""
        found = self._people.get(int(person_id))
        return found[2] if found is not None else ""

    # Looked up once per History, not by filtering the frames for every guest (issue 12: a page
    # costs what it shows): cached_property writes past the frozen dataclass's __setattr__.
    @cached_property
    def _taking_part(self) -> dict[tuple[str, str], pd.DataFrame]:
        frame = self.participants
        return {(str(cohort_id), str(role)): group
                for (cohort_id, role), group in frame.groupby(["cohort_id", "role"], sort=False)} if len(frame) else {}

    @cached_property
    def _people(self) -> dict[int, tuple[str, str, str]]:
        """person id → (e-mail, name, organisation): a participation's first, else a pair's
        (organisation: the first one given anywhere)."""
        found: dict[int, tuple[str, str, str | None]] = {}
        frame = self.participants.drop_duplicates("person_id")
        for person_id, email, name, organisation in zip(frame["person_id"], frame["email"], frame["name"],
                                                         frame["organisation"], strict=True):
            found[int(person_id)] = (str(email), str(name), organisation if isinstance(organisation, str) else None)
        for pairs in self.pairs.values():
            for role in ROLES:
                organisations = (pairs[f"{role}_organisation"] if f"{role}_organisation" in pairs.columns
                                 else [None] * len(pairs))
                for person_id, email, name, organisation in zip(pairs[f"{role}_person_id"], pairs[f"{role}_email"],
                                                                 pairs[f"{role}_name"], organisations, strict=True):
                    known = found.get(int(person_id))
                    organisation = organisation if isinstance(organisation, str) else None
                    if known is None:
                        found[int(person_id)] = (str(email), str(name), organisation)
                    elif known[2] is None and organisation is not None:
                        found[int(person_id)] = (known[0], known[1], organisation)
        return {person_id: (email, name, organisation or "")
                for person_id, (email, name, organisation) in found.items()}


def load_history(store: Store) -> History:
    """Every participation and every accepted matching in the store."""
    participants = store.participations()  # without the sign-ups' answers, which no list needs
    cohorts = set(participants["cohort_id"])
    pairs = {cohort_id: accepted for cohort_id, accepted in store.all_accepted_pairs().items()
             if cohort_id in cohorts}  # one query for every cohort's pairs
    return History(participants, pairs, store.participation_times())


def _closing(programme: Programme, cohort: Cohort) -> dt.date:
    return programme.days(cohort, "closing")[1]


def _kickoff(programme: Programme, cohort: Cohort) -> dt.date:
    return programme.days(cohort, "kickoff")[0]


def guest_list(history: History, programme: Programme, occurrence: Occurrence,
               former_cohorts: int = FORMER_PAIR_COHORTS) -> list[Guest]:
    """Everyone invited to the occurrence, once each, in the order of the rulebook's groups
    (the event's own cohort first), each with every reason they are invited for. Former pairs
    are those of the `former_cohorts` most recently closed cohorts of each track. An occurrence
    shared between cohorts has one list, its owner's."""
    if occurrence.shared_from:
        occurrence = programme.occurrence(occurrence.owner, occurrence.key[1])
    day = occurrence.start
    known = history.cohorts(programme)
    closed = sorted((c for c in known if _closing(programme, c) < day),
                    key=lambda c: _closing(programme, c), reverse=True)  # the latest first
    reasons: dict[int, list[Reason]] = {}

    def invite(people: Iterable[int], reason: Reason) -> None:
        for person_id in people:
            found = reasons.setdefault(person_id, [])
            if reason not in found:
                found.append(reason)

    for group, cohort in occurrence.guests():
        if group.who in GROUP_ROLES and cohort is not None:  # a group of a cohort's people
            for role in GROUP_ROLES[group.who]:
                invite(history.members(cohort.id, role),
                       Reason(group.who, group.reason or "own", role, cohort.id))
        elif group.who == "former_pairs":
            for former in recent(closed, former_cohorts):
                for role in ROLES:
                    invite(history.members(former.id, role), Reason(group.who, "former_pair", role, former.id))
        elif group.who == "prospective_mentors":
            _prospective(history, programme, known, closed, day, invite, programme.recruits_for(occurrence))
    guests = []
    for person_id, found in reasons.items():
        email, name = history.person(person_id)
        guests.append(Guest(person_id, email, name, tuple(found), history.organisation(person_id)))
    return guests


def _prospective(history: History, programme: Programme, known: list[Cohort], closed: list[Cohort],
                 day: dt.date, invite: Callable[[Iterable[int], Reason], None],
                 recruited_for: Iterable[Cohort] = ()) -> None:
    upcoming = sorted((c for c in known if _kickoff(programme, c) > day), key=lambda c: _kickoff(programme, c))
    # An event that recruits for named cohorts (an evening mingle, rules.toml `recruits`) invites
    # those who applied for them; the others are invited to their own start's recruiting events.
    wanted = set(recruited_for)
    applied_for = [c for c in upcoming if c in wanted] if wanted else upcoming
    running = [c for c in known if _kickoff(programme, c) <= day <= _closing(programme, c)]
    frame = history.participants
    mentors = frame[frame["role"] == "mentor"]
    for cohort in applied_for:
        applied = mentors[(mentors["cohort_id"] == cohort.id) & mentors["status"].isin(PROSPECTIVE_STATUSES)]
        if history.known_by is not None:  # a list kept as it was: sign-ups stored later left out
            closing = _closing(programme, cohort)
            # .loc: a mask, also when empty (a bare [] would select no columns instead of no rows)
            applied = applied.loc[[history.signed_up_by(p, closing) for p in applied["participation_id"]]]
        invite((int(i) for i in by_name(applied)["person_id"]),
               Reason("prospective_mentors", "applied", "mentor", cohort.id))
    # Busy on the day, or already decided: in a running cohort's pairs, matched in an upcoming
    # cohort, or withdrawn from one.
    busy = {person for cohort in running + upcoming for role in ROLES for person in history.members(cohort.id, role)}
    busy |= set(frame.loc[frame["cohort_id"].isin([c.id for c in upcoming]) & (frame["status"] == "withdrawn"),
                          "person_id"])
    for cohort in closed:
        invite((i for i in history.members(cohort.id, "mentor") if i not in busy),
               Reason("prospective_mentors", "former_mentor", "mentor", cohort.id))


def recent(closed: list[Cohort], per_track: int) -> list[Cohort]:
    """Of the closed cohorts (the latest first), the `per_track` latest of each track."""
    taken: dict[str, int] = {}
    chosen = []
    for cohort in closed:
        if taken.get(cohort.track, 0) < per_track:
            taken[cohort.track] = taken.get(cohort.track, 0) + 1
            chosen.append(cohort)
    return chosen


# -- In words ----------------------------------------------------------------------------------

def role_word(role: str, lang: str) -> str:
    return t(f"guests_page.role_{role}", lang)


def describe_reason(reason: Reason, lang: str) -> str:
    """ "mentor, Spring start 2026, running programme": the cohort in words """
    return t(f"guests_page.why_{reason.why}", lang, role=role_word(reason.role, lang),
             cohort=cohort_words(reason.cohort_id, lang))


def describe_reasons(guest: Guest, lang: str) -> str:
    return "; ".join(describe_reason(r, lang) for r in guest.reasons)


def guest_frame(guests: Iterable[Guest], lang: str) -> pd.DataFrame:
    """The command line's guest list: email, name, role (mentor | mentee), cohort and reason (in
    `lang`), one row per guest with an address."""
    rows = [{"email": g.email.strip(), "name": g.name, "role": g.role, "cohort": g.cohort_id,
             "reason": describe_reasons(g, lang)} for g in guests if g.has_address]
    return pd.DataFrame(rows, columns=list(GUEST_COLUMNS))


def guest_labels(guests: Iterable[Guest]) -> list[str]:
    """The guests as a list names them: by name, and where two share a name, by organisation or
    e-mail too (core.platform.names)."""
    guests = list(guests)
    return person_labels([g.name for g in guests], [g.organisation for g in guests], [g.email for g in guests])


def display_frame(guests: Iterable[Guest], lang: str) -> pd.DataFrame:
    """The guest list as the coordinator reads it (and exports it), headings in their language;
    a guest without a usable address is listed with the address marked missing. Two guests of
    one name are told apart (guest_labels)."""
    guests = list(guests)
    rows = [{
        t("guests_page.col_name", lang): label,
        t("guests_page.col_email", lang): g.email if g.has_address else t("guests_page.no_address", lang),
        t("guests_page.col_role", lang): role_word(g.role, lang),
        t("guests_page.col_cohort", lang): cohort_words(g.cohort_id, lang),
        t("guests_page.col_group", lang): t(f"guests.{g.reasons[0].group}", lang),
        t("guests_page.col_reason", lang): describe_reasons(g, lang),
    } for g, label in zip(guests, guest_labels(guests), strict=True)]
    columns = [t(f"guests_page.col_{c}", lang) for c in ("name", "email", "role", "cohort", "group", "reason")]
    return pd.DataFrame(rows, columns=columns)


def counts(guests: Iterable[Guest]) -> dict[str, int]:
    """Totals for a guest list: all, mentors, mentees, and those without a usable address."""
    guests = list(guests)
    return {"total": len(guests),
            "mentor": sum(g.role == "mentor" for g in guests),
            "mentee": sum(g.role == "mentee" for g in guests),
            "no_address": sum(not g.has_address for g in guests)}


def invited_events(programme: Programme, cohort: Cohort) -> list[Occurrence]:
    """The cohort's events that invite anyone, in the calendar's order."""
    return sorted((o for o in programme.cohort(cohort) if o.event.invites), key=lambda o: (o.start, o.end))


def summary_frame(history: History, programme: Programme, cohort: Cohort, lang: str,
                  lists: Mapping[str, EventGuests] | None = None) -> pd.DataFrame:
    """One row per event of the cohort that invites anyone: when, which groups, how many (of
    each event's list as the coordinator has it, where `lists` gives them by event)."""
    rows = []
    for occurrence in invited_events(programme, cohort):
        numbers = counts(lists[occurrence.id].invited if lists is not None
                         else guest_list(history, programme, occurrence))
        rows.append({
            t("guests_page.col_event", lang): event_name(occurrence.id, lang),
            t("guests_page.col_when", lang): describe_when(occurrence, lang),
            t("guests_page.col_groups", lang): ", ".join(describe_guests(occurrence, lang)),
            t("guests_page.col_invited", lang): numbers["total"],
            t("guests_page.col_mentors", lang): numbers["mentor"],
            t("guests_page.col_mentees", lang): numbers["mentee"],
            t("guests_page.col_no_address", lang): numbers["no_address"],
        })
    return pd.DataFrame(rows)


# -- One event's list: chosen by the coordinator, kept as it was sent ------------------------------
# The coordinator's changes (core/store/guests.py, table guest_list_changes): a person added to an
# event's list by name, or left out of it. The list as sent (table guest_list_sent) is kept when
# the event's invitations are first sent or prepared (MessageStore.log_messages, with the batch's
# guests). The words they are kept in are in core/messages/records.py.
KEPT_SENT, KEPT_DAY = "sent", "day"  # why a list is kept as it was (EventGuests.kept)


@dataclass(frozen=True)
class EventGuests:
    """One event's list as the coordinator works with it. `invited`: the list (kept as it was,
    or computed now), with the people added by name and without those left out; `excluded`: the
    people left out; `not_invited`: people today's register would invite who are not on a kept
    list (a later sign-up); `kept`: "" (computed from today's register), "sent" (invitations sent
    or prepared: the list as sent) or "day" (the day has passed, nothing sent: the list as of
    the event's day); `kept_on`: the day the kept list is as of."""
    occurrence: Occurrence
    invited: list[Guest]
    excluded: list[Guest]
    not_invited: list[Guest]
    kept: str = ""
    kept_on: dt.date | None = None


def _known(history: History, person_id: int, email: str = "", name: str = "") -> tuple[str, str, str]:
    """A person's e-mail, name and organisation as the register has them now (else as given)."""
    try:
        email, name = history.person(person_id)
    except KeyError:
        return email, name, ""
    return email, name, history.organisation(person_id)


def _added_guest(history: History, person_id: int, role: str, cohort_id: str) -> Guest | None:
    try:
        email, name = history.person(person_id)
    except KeyError:  # a person with no participation left: nobody to invite
        return None
    return Guest(person_id, email, name, (Reason(ADDED, ADDED, role, cohort_id),), history.organisation(person_id))


def event_guests(store: Store, programme: Programme, occurrence: Occurrence, history: History | None = None,
                 today: dt.date | None = None) -> EventGuests:
    """One event's list (see EventGuests): the list kept when its invitations were first sent or
    prepared; else, once invitations were logged before such lists were kept, or once its day has
    passed, the list as of that day (History.as_of); else the list computed from today's
    register. Then the coordinator's changes: people added by name come last, people left out
    are taken off. A shared occurrence has one list, kept under its owner."""
    today = clock_today() if today is None else today
    history = load_history(store) if history is None else history
    cohort_id, event_id = occurrence.key
    former = store.former_pair_cohorts()
    now = guest_list(history, programme, occurrence, former)
    kept_rows = store.kept_guest_list(cohort_id, event_id)
    kept, kept_on = "", None
    if kept_rows:
        kept, kept_on = KEPT_SENT, min(row.kept_at for row in kept_rows).date()
        base = []
        for row in kept_rows:
            email, name, organisation = _known(history, row.person_id, row.email, row.name)
            base.append(Guest(row.person_id, email, name, reasons_from_json(row.reasons), organisation))
    else:
        # the send log under any cohort's listing of a shared occurrence (lines from before it was one)
        logged = store.invitations_logged_since([(c.id, occurrence.id) for c in occurrence.cohorts]
                                                + [(cohort_id, event_id)])
        if logged is not None:
            kept, kept_on = KEPT_SENT, logged.date()
        elif occurrence.end < today:
            kept, kept_on = KEPT_DAY, occurrence.end
        base = now if kept_on is None else _as_of(now, history.as_of(kept_on, today), programme)
    changes = store.guest_list_changes(cohort_id, event_id)
    left_out = {person for person, (change, _role) in changes.items() if change == EXCLUDED}
    on_list = {g.person_id for g in base}
    invited = [g for g in base if g.person_id not in left_out]
    for person, (change, role) in changes.items():
        if change == ADDED and person not in on_list:
            guest = _added_guest(history, person, role, cohort_id)
            if guest is not None:
                invited.append(guest)
    listed = {g.person_id for g in invited}
    everyone = {g.person_id: g for g in [*now, *base]}
    excluded = [g for person, g in everyone.items() if person in left_out]
    not_invited = [g for g in now if kept and g.person_id not in listed and g.person_id not in left_out]
    return EventGuests(occurrence, invited, excluded, not_invited, kept, kept_on)


def _as_of(guests: list[Guest], history: History, programme: Programme) -> list[Guest]:
    """Today's list as it was on history.known_by: the same as guest_list(history.as_of(…)), for
    the one reason that depends on the day a sign-up was stored (a mentor who applied for a coming
    cohort): those reasons left out where the sign-up came later, and a guest with no reason left."""
    frame = history.participants
    applied = frame[(frame["role"] == "mentor") & frame["status"].isin(PROSPECTIVE_STATUSES)]
    participation = {(int(p), str(c)): int(i) for p, c, i in zip(applied["person_id"], applied["cohort_id"],
                                                                 applied["participation_id"], strict=True)}
    kept = []
    for guest in guests:
        reasons = tuple(r for r in guest.reasons if r.why != "applied" or history.signed_up_by(
            participation.get((guest.person_id, r.cohort_id), -1),
            _closing(programme, Cohort.parse(r.cohort_id, programme.rulebook))))
        if reasons:
            kept.append(replace(guest, reasons=reasons))
    return kept


def invitees(store: Store, programme: Programme, occurrence: Occurrence, history: History | None = None
             ) -> list[Guest]:
    """The people invited to an occurrence: its list as the coordinator has it (event_guests)."""
    return event_guests(store, programme, occurrence, history).invited
