"""The programme year: the rulebook from data/rules.toml evaluated for cohorts, with the
coordinator's settings and overrides, into dated events with their guests and warnings."""

from __future__ import annotations

import datetime as dt
import graphlib
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from core.calendar import workdays
from core.calendar.rules import WEEK_CONVENTIONS, EdgeOf, Rule, RuleError, Span, parse_rule
from core.platform.i18n import MentorplanError
from core.platform.paths import DATA_DIR

RULES_FILE = DATA_DIR / "rules.toml"
FIRST_YEAR, LAST_YEAR = 2000, 2100
# An override may move an event this far outside its cohort's own first and last day.
OVERRIDE_MARGIN = dt.timedelta(days=60)
GUEST_GROUPS = ("mentors", "mentees", "pairs", "former_pairs", "prospective_mentors")
MINGLE_CONVENTIONS = ("weekday", "date")
# Who the spring start's June mid-programme meeting invites besides its pairs (docs/rules.md):
# the autumn cohort that closed two weeks before, as its former mentors, or nobody.
SPRING_MID_MEETING_GUESTS = ("former", "none")
# The spring start's matching deadline: the last working day of December, or the day the
# decisions are sent (the 1st Friday of January).
SPRING_MATCHING_DEADLINES = ("last_working_day", "decisions")


# -- The rulebook, as read from data/rules.toml -------------------------------------------------

@dataclass(frozen=True)
class Invite:
    """A group invited to an event: the cohort's own mentors, or those of another cohort
    (track and year offset from this cohort), or former pairs, or prospective mentors."""
    who: str
    track: str | None = None
    offset: int = 0
    reason: str | None = None  # why another cohort's people come: "running", "newly_started"
    # Invited only while these settings have these values (rules.toml `when`), e.g.
    # (("spring_mid_meeting_guests", "former"),).
    when: tuple[tuple[str, str], ...] = ()

    def applies(self, settings: Settings) -> bool:
        return all(getattr(settings, name) == value for name, value in self.when)


@dataclass(frozen=True)
class Link:
    """An event of another cohort that this one is meant to share a day with."""
    track: str
    offset: int
    event: str


@dataclass(frozen=True)
class EventRule:
    id: str
    kind: str
    rules: Mapping[str, Rule]  # by convention value; the single rule under ""
    convention: str | None
    year: int
    invites: tuple[Invite, ...]
    coincides_with: Link | None
    note: Mapping[str, str]
    # The event of another cohort that this one IS (the manual's one 3 September mingle, which
    # recruits for both starts): one occurrence belonging to both, dated and moved by its owner.
    shared_with: Link | None = None
    # The cohorts (track, year offset) this event recruits mentors for: an evening mingle is a
    # recruiting event of the next start (Programme.recruiting_events).
    recruits: tuple[tuple[str, int], ...] = ()

    def rule(self, settings: Settings) -> Rule:
        if self.convention is None:
            return self.rules[""]
        return self.rules[getattr(settings, self.convention)]


@dataclass(frozen=True)
class Track:
    id: str
    name: Mapping[str, str]
    short: Mapping[str, str]
    events: tuple[EventRule, ...]
    order: tuple[int, ...]  # the events' indices, each after the events its rules refer to

    def event(self, event_id: str) -> EventRule:
        for event in self.events:
            if event.id == event_id:
                return event
        raise MentorplanError("error.unknown_event", event=event_id, track=self.id)


@dataclass(frozen=True)
class Settings:
    """What the manual leaves open; the defaults come from data/rules.toml."""
    week_convention: str = "iso"
    mingle_convention: str = "weekday"
    spring_mid_meeting_guests: str = "former"
    spring_matching_deadline: str = "last_working_day"

    def __post_init__(self) -> None:
        if self.week_convention not in WEEK_CONVENTIONS:
            raise MentorplanError("error.bad_setting", name="week_convention",
                                  value=self.week_convention, allowed=", ".join(WEEK_CONVENTIONS))
        if self.mingle_convention not in MINGLE_CONVENTIONS:
            raise MentorplanError("error.bad_setting", name="mingle_convention",
                                  value=self.mingle_convention, allowed=", ".join(MINGLE_CONVENTIONS))
        if self.spring_mid_meeting_guests not in SPRING_MID_MEETING_GUESTS:
            raise MentorplanError("error.bad_setting", name="spring_mid_meeting_guests",
                                  value=self.spring_mid_meeting_guests,
                                  allowed=", ".join(SPRING_MID_MEETING_GUESTS))
        if self.spring_matching_deadline not in SPRING_MATCHING_DEADLINES:
            raise MentorplanError("error.bad_setting", name="spring_matching_deadline",
                                  value=self.spring_matching_deadline,
                                  allowed=", ".join(SPRING_MATCHING_DEADLINES))


@dataclass(frozen=True)
class Rulebook:
    tracks: Mapping[str, Track]
    defaults: Settings

    def track(self, track_id: str) -> Track:
        try:
            return self.tracks[track_id]
        except KeyError:
            raise MentorplanError("error.unknown_track", track=track_id,
                                  allowed=", ".join(self.tracks)) from None


def _event_rule(raw: Mapping, track_id: str) -> EventRule:
    where = f"track {track_id}, event {raw.get('id')!r}"
    try:
        words = raw["rule"]
        rules = ({"": parse_rule(words)} if isinstance(words, str)
                 else {key: parse_rule(value) for key, value in words.items()})
        invites = tuple(
            Invite(who=i["who"], track=i.get("track"), offset=int(i.get("offset", 0)), reason=i.get("as"),
                   when=tuple((str(k), str(v)) for k, v in i.get("when", {}).items()))
            for i in raw.get("invites", []))
        for invite in invites:
            if invite.who not in GUEST_GROUPS:
                raise RuleError(f"unknown guest group {invite.who!r}")
        link = raw.get("coincides_with")
        shared = raw.get("shared_with")
        return EventRule(
            id=raw["id"], kind=raw["kind"], rules=rules, convention=raw.get("convention"),
            year=int(raw.get("year", 0)), invites=invites,
            coincides_with=Link(link["track"], int(link["offset"]), link["event"]) if link else None,
            note=raw.get("note", {}),
            shared_with=Link(shared["track"], int(shared["offset"]), shared["event"]) if shared else None,
            recruits=tuple((r["track"], int(r["offset"])) for r in raw.get("recruits", [])))
    except (KeyError, TypeError, RuleError) as exc:
        raise RuleError(f"{where}: {exc}") from exc


def load_rulebook(path: Path = RULES_FILE) -> Rulebook:
    """Read and check the rulebook: every rule parses, every reference names an earlier event
    of the same track, every linked track exists."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    tracks = {}
    for raw_track in raw["track"]:
        events = tuple(_event_rule(e, raw_track["id"]) for e in raw_track["event"])
        ids = [e.id for e in events]
        if len(set(ids)) != len(ids):
            raise RuleError(f"track {raw_track['id']}: an event id appears twice")
        graph: graphlib.TopologicalSorter[int] = graphlib.TopologicalSorter()
        for index, event in enumerate(events):
            graph.add(index)
            for rule in event.rules.values():
                for ref in rule.refs():
                    if ref not in ids:
                        raise RuleError(f"track {raw_track['id']}, event {event.id}: "
                                        f"no event {ref!r} to refer to")
                    graph.add(index, ids.index(ref))
        try:
            order = tuple(graph.static_order())
        except graphlib.CycleError as exc:
            raise RuleError(f"track {raw_track['id']}: events refer to each other in a circle: "
                            f"{[ids[i] for i in exc.args[1]]}") from exc
        tracks[raw_track["id"]] = Track(raw_track["id"], raw_track["name"], raw_track["short"],
                                        events, order)
    for track in tracks.values():
        for event in track.events:
            others = [i.track for i in event.invites if i.track]
            if event.coincides_with:
                others.append(event.coincides_with.track)
            others.extend(track_id for track_id, _offset in event.recruits)
            for other in others:
                if other not in tracks:
                    raise RuleError(f"track {track.id}, event {event.id}: no track {other!r}")
            shared = event.shared_with
            if shared and (shared.track not in tracks or shared.track == track.id
                           or shared.event not in [e.id for e in tracks[shared.track].events]
                           or tracks[shared.track].event(shared.event).shared_with is not None):
                raise RuleError(f"track {track.id}, event {event.id}: shared_with names no event of "
                                f"another track that is its own")
    settings = Settings(**raw.get("settings", {}))
    for track in tracks.values():
        for event in track.events:
            for invite in event.invites:
                for name, value in invite.when:
                    try:  # a setting that exists, with a value it may take
                        replace(settings, **{name: value})
                    except (TypeError, MentorplanError) as exc:
                        raise RuleError(f"track {track.id}, event {event.id}: `when` names no setting "
                                        f"{name!r} with a value {value!r}") from exc
    return Rulebook(tracks, settings)


# -- Cohorts -----------------------------------------------------------------------------------

_COHORT_ID = re.compile(r"(?P<track>[a-z]+)-(?P<year>\d{4})")


@dataclass(frozen=True, order=True)
class Cohort:
    """A cohort is a track started in a year: autumn-2026 (Sep 2026–May 2027), spring-2027
    (Jan–Nov 2027)."""
    year: int
    track: str

    @property
    def id(self) -> str:
        return f"{self.track}-{self.year}"

    @property
    def in_calendar(self) -> bool:
        """Within the calendar's programme years 2000–2100: autumn-2000 … autumn-2100 and the
        spring starts of those years and the one after (spring-2101 is matched in 2100)."""
        return FIRST_YEAR <= self.year <= LAST_YEAR + (1 if self.track == "spring" else 0)

    def __str__(self) -> str:
        return self.id

    @classmethod
    def parse(cls, cohort_id: str, rulebook: Rulebook | None = None) -> Cohort:
        match = _COHORT_ID.fullmatch(cohort_id.strip().lower())
        if not match:
            raise MentorplanError("error.bad_cohort", cohort=cohort_id)
        cohort = cls(int(match["year"]), match["track"])
        if rulebook is not None:
            rulebook.track(cohort.track)
        if not cohort.in_calendar:
            raise MentorplanError("error.year_range", year=cohort.year, first=FIRST_YEAR, last=LAST_YEAR)
        return cohort


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise MentorplanError("error.year_range", year=year, first=FIRST_YEAR, last=LAST_YEAR)
    return year


def cohorts_of_programme_year(year: int) -> tuple[Cohort, Cohort]:
    """`--year 2026` means the autumn cohort starting in 2026 and the spring cohort of 2027,
    which is matched in December 2026."""
    check_year(year)
    return Cohort(year, "autumn"), Cohort(year + 1, "spring")


def programme_year_of(day: dt.date) -> int:
    """The programme year a day belongs to for the coordinator: from July the year's autumn
    cohort is being recruited, so the programme year is this one; before July, last year's."""
    return day.year if day.month >= 7 else day.year - 1


# -- Overrides and warnings --------------------------------------------------------------------

@dataclass(frozen=True)
class Override:
    """One occurrence moved by the coordinator (the rule stays as it is)."""
    cohort_id: str
    event_id: str
    start: dt.date
    end: dt.date
    note: str = ""


@dataclass(frozen=True)
class CalendarWarning:
    """Something the coordinator should look at. `code` names the kind (holiday, weekend,
    holiday_in_week, not_coinciding, same_day); the rest fills its words."""
    code: str
    day: dt.date | None = None
    suggestion: dt.date | None = None
    other_cohort: str | None = None
    other_event: str | None = None
    other_day: dt.date | None = None


# -- Occurrences -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Occurrence:
    """An event of a cohort, dated."""
    cohort: Cohort
    event: EventRule
    rule: Rule
    start: dt.date
    end: dt.date
    rule_start: dt.date
    rule_end: dt.date
    warnings: tuple[CalendarWarning, ...] = ()
    override: Override | None = None
    # An event shared between cohorts (EventRule.shared_with) is one occurrence: `shared_from`
    # names its owner (cohort and event) on the other cohorts' listing of it; `shared_by` names
    # the cohorts it also belongs to, on every listing of it.
    shared_from: tuple[Cohort, str] | None = None
    shared_by: tuple[Cohort, ...] = ()

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def owner(self) -> Cohort:
        """The cohort the occurrence is kept under: its move, its guest list, its send log."""
        return self.shared_from[0] if self.shared_from else self.cohort

    @property
    def key(self) -> tuple[str, str]:
        """(cohort id, event id) the occurrence is stored under: the owner's for a shared one."""
        return (self.owner.id, self.shared_from[1] if self.shared_from else self.event.id)

    @property
    def cohorts(self) -> tuple[Cohort, ...]:
        """Every cohort the occurrence belongs to, its owner first."""
        return (self.owner, *self.shared_by)

    @property
    def moved(self) -> bool:
        return self.override is not None

    @property
    def one_day(self) -> bool:
        return self.start == self.end

    @property
    def iso_week(self) -> int:
        return self.start.isocalendar().week

    def guests(self) -> tuple[tuple[Invite, Cohort | None], ...]:
        """Each invited group with the cohort it is drawn from (None: not a cohort's people)."""
        found: list[tuple[Invite, Cohort | None]] = []
        for invite in self.event.invites:
            if invite.who in ("former_pairs", "prospective_mentors"):
                found.append((invite, None))
            elif invite.track:
                found.append((invite, Cohort(self.cohort.year + invite.offset, invite.track)))
            else:
                found.append((invite, self.cohort))
        return tuple(found)


@dataclass
class Programme:
    """The rulebook evaluated with settings and overrides; cohorts are computed on demand and
    kept, so that a page can ask for many without recomputing."""
    rulebook: Rulebook
    settings: Settings | None = None
    overrides: Iterable[Override] = ()
    _cache: dict[Cohort, tuple[Occurrence, ...]] = field(default_factory=dict, repr=False)
    _dates: dict[Cohort, tuple[Occurrence, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.settings is None:
            self.settings = self.rulebook.defaults
        self._overrides = {(o.cohort_id, o.event_id): o for o in self.overrides}

    # The dates of a cohort, before warnings (which need other cohorts' dates), kept like cohort().
    def _dated(self, cohort: Cohort) -> tuple[Occurrence, ...]:
        if cohort not in self._dates:
            self._dates[cohort] = self._date(cohort)
        return self._dates[cohort]

    def _date(self, cohort: Cohort) -> tuple[Occurrence, ...]:
        track = self.rulebook.track(cohort.track)
        settings = self.settings or self.rulebook.defaults  # never None after __post_init__
        spans: dict[str, Span] = {}
        dated: dict[int, Occurrence] = {}
        for index in track.order:
            event = track.events[index]
            if any(i.when for i in event.invites):  # invitations that hang on a setting
                event = replace(event, invites=tuple(i for i in event.invites if i.applies(settings)))
            rule = event.rule(settings)
            rule_span = rule.resolve(cohort.year + event.year, spans.__getitem__,
                                     settings.week_convention)
            override = self._overrides.get((cohort.id, event.id))
            owned = self._owned(cohort, event)
            if owned is not None:  # one occurrence with the owner's: its days, its move
                rule_span, override = (owned.rule_start, owned.rule_end), owned.override
            # Rules that refer to an event follow it where it was moved.
            spans[event.id] = (override.start, override.end) if override else rule_span
            shared_from = (owned.cohort, owned.id) if owned is not None else None
            sharers = self._sharers(owned.cohort, owned.id) if owned is not None else self._sharers(cohort, event.id)
            dated[index] = Occurrence(cohort, event, rule, *spans[event.id], *rule_span,
                                      override=override, shared_from=shared_from, shared_by=sharers)
        return tuple(dated[index] for index in range(len(track.events)))

    def _owned(self, cohort: Cohort, event: EventRule) -> Occurrence | None:
        """The owner's occurrence of an event this cohort shares (None: the event is its own)."""
        link = event.shared_with
        if link is None:
            return None
        owner = Cohort(cohort.year + link.offset, link.track)
        if not owner.in_calendar:  # before the calendar's first year: dated by its own rule
            return None
        return next(o for o in self._dated(owner) if o.id == link.event)

    def _sharers(self, cohort: Cohort, event_id: str) -> tuple[Cohort, ...]:
        """The other cohorts that share the cohort's event (their events' shared_with)."""
        found = []
        for track in self.rulebook.tracks.values():
            for event in track.events:
                link = event.shared_with
                if link and link.track == cohort.track and link.event == event_id:
                    other = Cohort(cohort.year - link.offset, track.id)
                    if other.in_calendar:
                        found.append(other)
        return tuple(found)

    def cohort(self, cohort: Cohort) -> tuple[Occurrence, ...]:
        if cohort not in self._cache:
            dated = self._dated(cohort)
            self._cache[cohort] = tuple(
                replace(o, warnings=tuple(self._warnings(o, dated))) for o in dated)
        return self._cache[cohort]

    def days(self, cohort: Cohort, event_id: str) -> Span:
        """An event's first and last day for the cohort, as occurrence() has them, without working
        out its warnings (a guest list asks this of every cohort in a decade's register)."""
        self.rulebook.track(cohort.track).event(event_id)
        found = next(o for o in self._dated(cohort) if o.id == event_id)
        return found.start, found.end

    def occurrence(self, cohort: Cohort, event_id: str) -> Occurrence:
        self.rulebook.track(cohort.track).event(event_id)
        return next(o for o in self.cohort(cohort) if o.id == event_id)

    def programme_year(self, year: int, tracks: Iterable[str] = ("autumn", "spring")) -> list[Occurrence]:
        """The occurrences of the programme year's cohorts (of the tracks wanted), an occurrence
        shared between two of them once (under its owner)."""
        wanted = set(tracks)
        return distinct([o for c in cohorts_of_programme_year(year) if c.track in wanted for o in self.cohort(c)])

    def between(self, first: dt.date, last: dt.date) -> list[Occurrence]:
        """Every occurrence of every track that touches the days from first to last, an
        occurrence shared between cohorts once (under its owner, when the owner's is among them)."""
        found: list[Occurrence] = []
        for year in range(first.year - 2, last.year + 2):
            for track in self.rulebook.tracks:
                cohort = Cohort(year, track)
                if cohort.in_calendar:
                    found.extend(o for o in self.cohort(cohort) if o.end >= first and o.start <= last)
        return sorted(distinct(found), key=lambda o: (o.start, o.cohort, o.end))

    def recruiting_events(self, cohort: Cohort) -> list[Occurrence]:
        """The occurrences that recruit mentors for a cohort, by date: its own recruiting events
        (the mentor mingle) and other cohorts' events that name it in `recruits` (the spring
        start's evening mingles, which recruit for the next start)."""
        found = [o for o in self.cohort(cohort) if o.event.kind == "recruiting"]
        for track in self.rulebook.tracks.values():
            for event in track.events:
                for track_id, offset in event.recruits:
                    source = Cohort(cohort.year - offset, track.id)
                    if track_id == cohort.track and source.in_calendar:
                        found.append(self.occurrence(source, event.id))
        return sorted(found, key=lambda o: (o.start, o.cohort))

    def recruits_for(self, occurrence: Occurrence) -> list[Cohort]:
        """The cohorts an occurrence recruits mentors for (its `recruits`)."""
        return [Cohort(occurrence.cohort.year + offset, track_id) for track_id, offset in occurrence.event.recruits]

    def first_start_after(self, day: dt.date) -> Cohort:
        """The cohort whose kick-off is the first after `day`: the one a sign-up arriving that
        day is for."""
        candidates = [c for year in range(day.year - 1, day.year + 3) for track in self.rulebook.tracks
                      if (c := Cohort(year, track)).in_calendar and self.days(c, "kickoff")[0] > day]
        if not candidates:  # after the calendar's last start
            raise MentorplanError("error.year_range", year=day.year + 1, first=FIRST_YEAR, last=LAST_YEAR)
        return min(candidates, key=lambda c: self.days(c, "kickoff")[0])

    def next_start(self, cohort: Cohort) -> Cohort:
        """The start after a cohort's own, which its unmatched mentees are offered:
        autumn-2026 → spring-2027 → autumn-2027."""
        return self.first_start_after(self.days(cohort, "kickoff")[0])

    def cohort_span(self, cohort: Cohort) -> Span:
        """A cohort's first and last day by its rules (overrides do not stretch it)."""
        dated = self._dated(cohort)
        return min(o.rule_start for o in dated), max(o.rule_end for o in dated)

    # -- warnings --

    def _warnings(self, occurrence: Occurrence, siblings: Sequence[Occurrence]) -> Iterable[CalendarWarning]:
        start, end = occurrence.start, occurrence.end
        if occurrence.one_day:
            if workdays.holiday_name(start):
                yield CalendarWarning("holiday", day=start, suggestion=workdays.nearest_working_day(start))
            elif start.weekday() >= 5:
                yield CalendarWarning("weekend", day=start, suggestion=workdays.nearest_working_day(start))
            yield from self._same_day(occurrence, siblings)
        elif (end - start).days <= 6:
            for day, _name in workdays.days_off_between(start, end):
                yield CalendarWarning("holiday_in_week", day=day)
        yield from self._coincidences(occurrence)

    @staticmethod
    def _same_day(occurrence: Occurrence, siblings: Sequence[Occurrence]) -> Iterable[CalendarWarning]:
        for other in siblings:
            if other is occurrence or not other.one_day or other.start != occurrence.start:
                continue
            # "same day as" is meant; so are the two edges of a window.
            meant = any(isinstance(r, EdgeOf) and r.event in (other.id, occurrence.id)
                        for r in (occurrence.rule, other.rule))
            if not meant:
                yield CalendarWarning("same_day", day=occurrence.start, other_cohort=other.cohort.id,
                              other_event=other.id, other_day=other.start)

    def _coincidences(self, occurrence: Occurrence) -> Iterable[CalendarWarning]:
        links = []
        link = occurrence.event.coincides_with
        if link:
            links.append((Cohort(occurrence.cohort.year + link.offset, link.track), link.event))
        # The other side of a link declared by another track's event.
        for track in self.rulebook.tracks.values():
            for event in track.events:
                link = event.coincides_with
                if link and link.track == occurrence.cohort.track and link.event == occurrence.id:
                    links.append((Cohort(occurrence.cohort.year - link.offset, track.id), event.id))
        for cohort, event_id in links:
            if not cohort.in_calendar:
                continue
            other = next(o for o in self._dated(cohort) if o.id == event_id)
            if other.start != occurrence.start:
                yield CalendarWarning("not_coinciding", day=occurrence.start, other_cohort=cohort.id,
                              other_event=event_id, other_day=other.start)


def distinct(occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    """The occurrences with a shared one once: another cohort's listing of an occurrence is left
    out where its owner's is among them (else kept, as the only listing of it here)."""
    occurrences = list(occurrences)
    owned = {o.key for o in occurrences if o.shared_from is None}
    return [o for o in occurrences if o.shared_from is None or o.key not in owned]


# -- Overrides: checked before they are stored -------------------------------------------------

def check_override(programme: Programme, override: Override) -> Override:
    """An override must name an event of the cohort and keep it a span of the same shape
    near the cohort's own days; otherwise MentorplanError says what is wrong."""
    cohort = Cohort.parse(override.cohort_id, programme.rulebook)
    occurrence = programme.occurrence(cohort, override.event_id)
    if occurrence.shared_from:  # a shared occurrence moves once, kept under its owner
        cohort = occurrence.owner
        override = replace(override, cohort_id=cohort.id, event_id=occurrence.key[1])
    if override.end < override.start:
        raise MentorplanError("error.override_end_before_start")
    if occurrence.rule_start == occurrence.rule_end and override.start != override.end:
        raise MentorplanError("error.override_one_day")
    first, last = programme.cohort_span(cohort)
    if override.start < first - OVERRIDE_MARGIN or override.end > last + OVERRIDE_MARGIN:
        raise MentorplanError("error.override_outside", first=(first - OVERRIDE_MARGIN).isoformat(),
                              last=(last + OVERRIDE_MARGIN).isoformat())
    return override
