"""Calendar requests (iTIP, RFC 5546) for the letters that name an event: each recipient's own
`METHOD:REQUEST` with the coordinator as ORGANIZER and the recipient as ATTENDEE, the event's
stable UID (the one the year calendar's .ics uses, core.calendar.files) and a SEQUENCE that grows
each time the event's day, time or place changes; `METHOD:CANCEL` takes it out of a calendar.

The SEQUENCE is kept per cohort and event through the rows the store keeps of what each person
was given (table calendar_requests): a letter written now carries the sequence of the last version
given if nothing changed since, else one more. Rendering only reads; the rows are written when the
letters are logged as prepared or sent (core.messages.delivery)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from core.calendar.files import CALENDAR_TIMEZONE, UID_DOMAIN
from core.calendar.programme import Occurrence
from core.calendar.schedule import cohort_label, event_name
from core.platform.files import file_stem

if TYPE_CHECKING:
    from icalendar import vCalAddress

    from core.store import Store

REQUEST, CANCEL = "REQUEST", "CANCEL"
METHODS = (REQUEST, CANCEL)
# A time given with no end ("kl. 17") lasts this long in a calendar.
DEFAULT_MINUTES = 60

# -- Times in words ------------------------------------------------------------------------------

_CLOCK = r"(\d{1,2})(?:\s*[.:]\s*(\d{2}))?(?:\s*([ap])\.?\s*m\b\.?)?"
_PREFIX = r"((?:kl(?:ockan|\.)?|från|fr\.\s*o\.\s*m\.|from|at|between|mellan)\s*)?"
_DASH = r"(?:\s*(?:–|—|-|‒|−|till|tills|to|until|och|and)\s*)"
_RANGE = re.compile(rf"(?<![\d.:/\w]){_PREFIX}{_CLOCK}{_DASH}{_PREFIX}{_CLOCK}(?![\d.:/]|\w)", re.IGNORECASE)
# One time said to be one: after "kl"/"klockan", or with its minutes or am/pm ("18.30", "6 pm").
_TIME = re.compile(rf"(?<![\d.:/\w])((?:kl(?:ockan|\.)?)\s*)?{_CLOCK}(?![\d.:/]|\w|\s*(?:kr|sek|eur|€|\$|%))",
                   re.IGNORECASE)
_SINGLE = re.compile(rf"^\s*{_PREFIX}{_CLOCK}\s*$", re.IGNORECASE)
# What is part of a date, never of a time: ISO and numeric dates, day and month in words, weekdays.
_MONTH = (r"(?:januari|january|februari|february|mars|march|april|maj|may|juni|june|juli|july|augusti|august"
          r"|september|oktober|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec)\b\.?")
_ORDINAL = r"(?::e|:a|st|nd|rd|th)?\.?"
_WEEKDAY = (r"\b(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en|ar)?\b|\b(?:monday|tuesday|wednesday"
            r"|thursday|friday|saturday|sunday|mån|tis|ons|tors|fre|lör|sön|mon|tue|tues|wed|thu|thur|thurs|fri"
            r"|sat|sun)\b\.?")
_DATE = re.compile("|".join([
    r"\b\d{4}([-/.])\d{1,2}\1\d{1,2}\b",  # 2026-09-03
    r"\b\d{1,2}([/.])\d{1,2}\2\d{2,4}\b|\b\d{1,2}-\d{1,2}-\d{4}\b",  # 3/9/2026, 03.09.2026, 3-9-2026
    r"\b\d{1,2}/\d{1,2}\b",  # 3/9
    rf"(?:\b(?:den|the)\s+)?\b\d{{1,2}}{_ORDINAL}(?:\s*(?:–|—|-|‒|−)\s*\d{{1,2}}{_ORDINAL})?\s*(?:of\s+)?{_MONTH}",
    rf"\b{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:–|—|-|‒|−)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\b"
    r"(?!\s*[.:]\s*\d{2}|\s*[ap]\.?\s*m\b)",  # September 3, sept 3–4
    r"\b\d{4}\b",  # a year
    _WEEKDAY,
]), re.IGNORECASE)
_MASK = "\ue000"
_EITHER = re.compile(r"\b(?:eller|or|alternativt|alternatively)\b", re.IGNORECASE)
_DAY = 24 * 60


def _clock(hour: str, minute: str | None, half: str | None) -> tuple[int, int] | None:
    h, m = int(hour), int(minute or 0)
    if half:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if half.lower() == "p" else 0)
    if not (0 <= h <= 24 and 0 <= m <= 59) or (h == 24 and m):
        return None
    return h, m


def _range(found: re.Match[str]) -> tuple[dt.time, int] | None:
    start_half, end_half = found[4], found[8]
    start = _clock(found[2], found[3], start_half or (end_half if int(found[2]) <= 12 else None))
    end = _clock(found[6], found[7], end_half)
    if start and end and start_half is None and end_half and start > end:  # "11–1 pm": 11 am
        start = _clock(found[2], found[3], None)
    if not start or not end:
        return None
    minutes = (end[0] * 60 + end[1]) - (start[0] * 60 + start[1])
    if minutes < 0:
        minutes += _DAY  # past midnight
    return (_at(start), minutes) if 0 < minutes < _DAY else None


def _said(found: re.Match[str]) -> bool:
    """A range said to be a time: after "kl", "from" and the like, or with minutes or am/pm."""
    return any(found[group] for group in (1, 3, 4, 5, 7, 8))


def _one(found: set[tuple[dt.time, int] | None]) -> tuple[dt.time, int] | None:
    """The one time the candidates agree on; None if they differ or one cannot be read."""
    return next(iter(found)) if len(found) == 1 else None


def parse_time_range(text: str) -> tuple[dt.time, int] | None:
    """The start and length in minutes of an event's time as written in Swedish or English:
    "17.00–19.00", "17:00 - 19:00", "kl. 17–19", "9–12", "13.00 till 16.30", "5–7 pm",
    "5 pm to 7.30 pm", "from 17 to 19"; one time alone ("kl. 17") lasts an hour.

    The result times a calendar request sent to everyone invited, so a doubt gives None (an
    all-day event): digits that are part of a date ("2026-09-03", "3/9", "3 september") are
    never a time; a range said to be one (after "kl", "klockan", "från", "from", "at", "mellan",
    or written with minutes or am/pm) wins over a bare one ("Plan 2-3, kl 17-19"); a bare range
    counts only if it is the only one and no word but a date or weekday stands before it; two
    different candidates, or an "eller"/"or", give None."""
    text = " ".join(str(text or "").split())
    if not text:
        return None
    masked = _DATE.sub(_MASK, text)
    ranges = list(_RANGE.finditer(masked))
    strong = {_range(m) for m in ranges if _said(m)}
    between = _RANGE.sub(_MASK, masked)
    singles = {(_at(c), DEFAULT_MINUTES) if (c := _clock(m[2], m[3], m[4])) else None
               for m in _TIME.finditer(between) if m[1] or m[3] or m[4]}
    if _EITHER.search(masked) and len({*strong, *singles, *(_range(m) for m in ranges)}) > 1:
        return None
    # A bare range with a word before it ("Plan 2-3", "sal 9-12") is a label, not a time.
    bare = [m for m in ranges if not _said(m)]
    free = {_range(m) for m in bare if not masked[:m.start()].rstrip(_MASK + " ,;:(–—-")}
    if strong:
        return _one(strong | (free - {None}))
    if singles:
        return _one(singles)
    if bare:
        return _one(free) if len(bare) == 1 else None
    single = _SINGLE.match(masked)
    if single:
        start = _clock(single[2], single[3], single[4])
        return (_at(start), DEFAULT_MINUTES) if start else None
    return None


def time_understood(text: str, *, one_day: bool = True) -> str | None:
    """The time a calendar request will carry, as the page shows it ("17.00–19.00"); None for
    an all-day request (no clear time, or an event over several days)."""
    timed = parse_time_range(text) if one_day else None
    if timed is None:
        return None
    start, minutes = timed
    end = (dt.datetime.combine(dt.date.min, start) + dt.timedelta(minutes=minutes)).time()
    return f"{start:%H.%M}–{end:%H.%M}"


def _at(clock: tuple[int, int]) -> dt.time:
    return dt.time(clock[0] % 24, clock[1])


# -- One version of an event ---------------------------------------------------------------------

def event_uid(cohort_id: str, event_id: str) -> str:
    """The UID the year calendar's .ics gives the event (core.calendar.files.schedule_to_ics)."""
    return f"{cohort_id}-{event_id}@{UID_DOMAIN}"


@dataclass(frozen=True)
class Version:
    """What a calendar entry says of an event: its days, its time as written, its place."""
    start: dt.date
    end: dt.date
    time: str = ""
    place: str = ""

    @classmethod
    def of(cls, occurrence: Occurrence, time: str = "", place: str = "") -> Version:
        return cls(occurrence.start, occurrence.end, " ".join(time.split()), " ".join(place.split()))


@dataclass(frozen=True)
class CalendarRequest:
    """The event as one letter carries it to its recipient (organiser and attendee are added
    when the e-mail is made: core.messages.delivery)."""
    cohort_id: str
    event_id: str
    method: str
    sequence: int
    version: Version
    summary: str
    description: str = ""
    own_uid: str = ""  # an entry that is no event of the schedule (a three-party booking)

    @property
    def uid(self) -> str:
        return self.own_uid or event_uid(self.cohort_id, self.event_id)

    @property
    def file_name(self) -> str:
        """The attachment's name, in words as its title ("kick-off-hoststart-2026.ics"): the
        recipient sees it, so no ids."""
        return f"{file_stem(self.summary)}.ics"


def title(occurrence: Occurrence, lang: str) -> str:
    """ "Kick-off – Höststart 2026": the event and the cohort in words, never their ids."""
    return f"{event_name(occurrence.id, lang)} – {cohort_label(occurrence.cohort, lang)}"


@dataclass(frozen=True)
class Given:
    """The last version of an event a person was given, and its sequence."""
    person_id: int
    method: str
    sequence: int
    version: Version


class Ledger:
    """What the store says was given for one cohort's events: the latest sequence of each event,
    and each person's latest version."""

    def __init__(self, rows: list[tuple[int, str, str, int, dt.date, dt.date, str, str]]):
        # rows: (person_id, event_id, method, sequence, start, end, time, place), oldest first
        self.latest: dict[str, Given] = {}
        self.people: dict[tuple[str, int], Given] = {}
        for person_id, event_id, method, sequence, start, end, time, place in rows:
            given = Given(int(person_id), method, int(sequence), Version(start, end, time, place))
            self.people[(event_id, int(person_id))] = given
            if event_id not in self.latest or given.sequence >= self.latest[event_id].sequence:
                self.latest[event_id] = given

    @classmethod
    def of(cls, store: Store, cohort_id: str) -> Ledger:
        return cls(store.calendar_requests(cohort_id))

    def sequence(self, event_id: str, version: Version, method: str = REQUEST) -> int:
        """The SEQUENCE a letter written now carries: the last one given when it said the same,
        else one more (0 for the first)."""
        last = self.latest.get(event_id)
        if last is None:
            return 0
        if method == REQUEST and last.method == REQUEST and last.version == version:
            return last.sequence
        return last.sequence + 1

    def holders(self, event_id: str) -> dict[int, Given]:
        """Who holds the event in their calendar (their latest was a request), by person."""
        return {person: given for (event, person), given in self.people.items()
                if event == event_id and given.method == REQUEST}


def request_for(occurrence: Occurrence, lang: str, ledger: Ledger, time: str = "", place: str = "",
                method: str = REQUEST, note: str = "") -> CalendarRequest:
    """The request for `occurrence`, under its owner's key (a shared event has one UID and one
    sequence whichever cohort's letter carries it); `ledger` is the owner cohort's."""
    version = Version.of(occurrence, time, place)
    description = "\n".join(text for text in (version.time, note.strip()) if text)
    cohort_id, event_id = occurrence.key
    return CalendarRequest(cohort_id, event_id, method, ledger.sequence(event_id, version, method), version,
                           title(occurrence, lang), description)


# -- The iCalendar text ----------------------------------------------------------------------------

def request_ics(request: CalendarRequest, organizer: tuple[str, str], attendee: tuple[str, str],
                stamp: dt.datetime | None = None) -> bytes:
    """One iTIP message for one recipient: METHOD, one VEVENT with the event's UID and SEQUENCE,
    timed (in Europe/Stockholm, with the zone's definition) when its time can be read, all-day
    otherwise; ORGANIZER the coordinator, ATTENDEE the recipient (both (name, address)).
    icalendar is loaded here, where a file is written (see core.calendar.files)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Mentorplan//Mentorplan//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", request.method)
    event = Event()
    event.add("uid", request.uid)
    event.add("sequence", request.sequence)
    event.add("dtstamp", stamp or dt.datetime.now(dt.UTC).replace(microsecond=0))
    event.add("summary", request.summary)
    version = request.version
    timed = parse_time_range(version.time) if version.start == version.end else None
    if timed:
        zone = ZoneInfo(CALENDAR_TIMEZONE)
        begins = dt.datetime.combine(version.start, timed[0], tzinfo=zone)
        event.add("dtstart", begins)
        event.add("dtend", begins + dt.timedelta(minutes=timed[1]))
    else:
        event.add("dtstart", version.start)
        event.add("dtend", version.end + dt.timedelta(days=1))  # exclusive, as RFC 5545 wants
    if version.place:
        event.add("location", version.place)
    if request.description:
        event.add("description", request.description)
    event.add("organizer", _address(*organizer, attendee=False))
    event.add("attendee", _address(*attendee, attendee=True))
    event.add("status", "CANCELLED" if request.method == CANCEL else "CONFIRMED")
    event.add("transp", "OPAQUE" if timed or version.start == version.end else "TRANSPARENT")
    calendar.add_component(event)
    if timed:
        calendar.add_missing_timezones(first_date=dt.date(version.start.year, 1, 1),
                                       last_date=dt.date(version.start.year + 1, 1, 1))
    return calendar.to_ical()


def _address(name: str, address: str, attendee: bool) -> vCalAddress:
    from icalendar import vCalAddress, vText

    found = vCalAddress(f"mailto:{address}")
    if name:
        found.params["cn"] = vText(name)
    if attendee:
        found.params["role"] = vText("REQ-PARTICIPANT")
        found.params["partstat"] = vText("NEEDS-ACTION")
        found.params["rsvp"] = vText("TRUE")
    return found
