"""Guest lists: for any event of any cohort, the people invited and why, computed from the
rulebook's invitations (data/rules.toml, read through Occurrence.guests()) and the stored history
of cohorts — who was a pair when.

The groups, as docs/messages.md explains them:
- mentors / mentees / pairs of a cohort: the people of its accepted pairs; a cohort without an
  accepted matching (history imported from old sheets) counts its participations marked matched;
- former pairs: the pairs of every cohort whose closing day is before the event;
- prospective mentors: mentors who applied for (or wait for) a cohort that has not yet kicked off,
  and former mentors who are not in a cohort running on the day of the event.
A participation marked withdrawn is never invited in that cohort's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from core.calendar.programme import Cohort, Occurrence, Programme
from core.calendar.schedule import describe_guests, describe_when, event_name
from core.people.cleaning import valid_email
from core.platform.i18n import MentorplanError, t
from core.platform.names import person_labels

if TYPE_CHECKING:
    from core.store import Store

ROLES = ("mentor", "mentee")
GROUP_ROLES = {"mentors": ("mentor",), "mentees": ("mentee",), "pairs": ("mentor", "mentee")}
PROSPECTIVE_STATUSES = ("applied", "waiting")
# The command line's columns, a contract with scripts: keep them as they are.
GUEST_COLUMNS = ("email", "name", "role", "cohort", "reason")


def usable_address(email: object) -> bool:
    """An address a message can go to, by the register's own rule (core.people.validation)."""
    return isinstance(email, str) and valid_email(email.strip().lower())


@dataclass(frozen=True)
class Reason:
    """Why a person is invited: as one of `group` (the rulebook's guest group), in the role they
    had in `cohort_id`; `why` is own (the event's own cohort), running, newly_started,
    former_pair, applied (a prospective mentor who applied) or former_mentor."""
    group: str
    why: str
    role: str
    cohort_id: str


@dataclass(frozen=True)
class Guest:
    person_id: int
    email: str
    name: str
    reasons: tuple[Reason, ...]
    organisation: str = ""  # tells apart two guests of one name (core.platform.names)

    @property
    def role(self) -> str:
        return self.reasons[0].role

    @property
    def cohort_id(self) -> str:
        return self.reasons[0].cohort_id

    @property
    def has_address(self) -> bool:
        return usable_address(self.email)


@dataclass(frozen=True)
class History:
    """What the register holds about who took part when: every participation (a frame as
    store.participants() gives it) and, for each cohort with an accepted matching, its pairs
    (as store.accepted_pairs() gives them)."""
    participants: pd.DataFrame
    pairs: Mapping[str, pd.DataFrame]

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
        """The people who were `role` in the cohort's pairs, by name; withdrawn ones left out."""
        taking_part = self.participants[(self.participants["cohort_id"] == cohort_id)
                                        & (self.participants["role"] == role)]
        withdrawn = set(taking_part.loc[taking_part["status"] == "withdrawn", "person_id"])
        pairs = self.pairs.get(cohort_id)
        if pairs is not None and len(pairs):
            people = pairs[[f"{role}_person_id", f"{role}_name"]].drop_duplicates(f"{role}_person_id")
            people = people.sort_values(f"{role}_name", key=lambda s: s.str.lower())
            ids = [int(i) for i in people[f"{role}_person_id"]]
        else:
            matched = taking_part[taking_part["status"] == "matched"]
            ids = [int(i) for i in matched.sort_values("name", key=lambda s: s.str.lower())["person_id"]]
        return [i for i in ids if i not in withdrawn]

    def person(self, person_id: int) -> tuple[str, str]:
        """A person's e-mail and name."""
        rows = self.participants[self.participants["person_id"] == person_id]
        if len(rows):
            return str(rows["email"].iloc[0]), str(rows["name"].iloc[0])
        for pairs in self.pairs.values():
            for role in ROLES:
                hit = pairs[pairs[f"{role}_person_id"] == person_id]
                if len(hit):
                    return str(hit[f"{role}_email"].iloc[0]), str(hit[f"{role}_name"].iloc[0])
        raise KeyError(person_id)

    def organisation(self, person_id: int) -> str:
        """A person's organisation, "" where the register has none."""
        rows = self.participants[self.participants["person_id"] == person_id]
        found = rows["organisation"].iloc[0] if len(rows) else None
        for pairs in self.pairs.values():
            for role in ROLES:
                column = f"{role}_organisation"
                if found is None and column in pairs.columns:
                    hit = pairs.loc[pairs[f"{role}_person_id"] == person_id, column]
                    found = hit.iloc[0] if len(hit) else None
        return found if isinstance(found, str) else ""


def load_history(store: Store) -> History:
    """Every participation and every accepted matching in the store."""
    participants = store.participants()
    pairs = {}
    for cohort_id in sorted(set(participants["cohort_id"])):
        accepted = store.accepted_pairs(cohort_id)
        if len(accepted):
            pairs[cohort_id] = accepted
    return History(participants, pairs)


def _closing(programme: Programme, cohort: Cohort) -> dt.date:
    return programme.occurrence(cohort, "closing").end


def _kickoff(programme: Programme, cohort: Cohort) -> dt.date:
    return programme.occurrence(cohort, "kickoff").start


def guest_list(history: History, programme: Programme, occurrence: Occurrence) -> list[Guest]:
    """Everyone invited to the occurrence, once each, in the order of the rulebook's groups
    (the event's own cohort first), each with every reason they are invited for."""
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
            for former in closed:
                for role in ROLES:
                    invite(history.members(former.id, role), Reason(group.who, "former_pair", role, former.id))
        elif group.who == "prospective_mentors":
            _prospective(history, programme, known, closed, day, invite)
    guests = []
    for person_id, found in reasons.items():
        email, name = history.person(person_id)
        guests.append(Guest(person_id, email, name, tuple(found), history.organisation(person_id)))
    return guests


def _prospective(history: History, programme: Programme, known: list[Cohort], closed: list[Cohort],
                 day: dt.date, invite: Callable[[Iterable[int], Reason], None]) -> None:
    upcoming = sorted((c for c in known if _kickoff(programme, c) > day), key=lambda c: _kickoff(programme, c))
    running = [c for c in known if _kickoff(programme, c) <= day <= _closing(programme, c)]
    frame = history.participants
    mentors = frame[frame["role"] == "mentor"]
    for cohort in upcoming:
        applied = mentors[(mentors["cohort_id"] == cohort.id) & mentors["status"].isin(PROSPECTIVE_STATUSES)]
        invite((int(i) for i in applied.sort_values("name", key=lambda s: s.str.lower())["person_id"]),
               Reason("prospective_mentors", "applied", "mentor", cohort.id))
    # Busy on the day, or already decided: in a running cohort's pairs, matched in an upcoming
    # cohort, or withdrawn from one.
    busy = {person for cohort in running + upcoming for role in ROLES for person in history.members(cohort.id, role)}
    busy |= set(frame.loc[frame["cohort_id"].isin([c.id for c in upcoming]) & (frame["status"] == "withdrawn"),
                          "person_id"])
    for cohort in closed:
        invite((i for i in history.members(cohort.id, "mentor") if i not in busy),
               Reason("prospective_mentors", "former_mentor", "mentor", cohort.id))


# -- In words ----------------------------------------------------------------------------------

def role_word(role: str, lang: str) -> str:
    return t(f"guests_page.role_{role}", lang)


def describe_reason(reason: Reason, lang: str) -> str:
    """ "mentor, spring-2026, running programme" """
    return t(f"guests_page.why_{reason.why}", lang, role=role_word(reason.role, lang), cohort=reason.cohort_id)


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
        t("guests_page.col_cohort", lang): g.cohort_id,
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


def summary_frame(history: History, programme: Programme, cohort: Cohort, lang: str) -> pd.DataFrame:
    """One row per event of the cohort that invites anyone: when, which groups, how many."""
    rows = []
    for occurrence in invited_events(programme, cohort):
        numbers = counts(guest_list(history, programme, occurrence))
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
