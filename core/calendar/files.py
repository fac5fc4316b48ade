"""Calendar files: the schedule as all-day events and booked times as timed events, in iCalendar
(RFC 5545) written by the icalendar package, with UIDs that stay the same from one export to the
next so that importing a file again updates a calendar instead of duplicating it.

icalendar is imported by the functions that write a file, not with the module: the letters and
the command line's `todo` need this module's names but write no file (issue 12: its start)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from core.calendar.programme import Occurrence, distinct
from core.calendar.schedule import cohort_label, describe_guests, describe_rule, describe_warning, event_name

CALENDAR_TIMEZONE = "Europe/Stockholm"
UID_DOMAIN = "mentorplan"


def event_title(occurrence: Occurrence, lang: str) -> str:
    """A calendar entry's title in words, the cohorts by name: "Kick-off – Höststart 2026";
    "Mingel – Höststart 2026, Vårstart 2027" for one shared by two (ids stay in the UIDs)."""
    cohorts = ", ".join(cohort_label(c, lang) for c in occurrence.cohorts)
    return f"{event_name(occurrence.id, lang)} – {cohorts}"


def schedule_to_ics(occurrences: Iterable[Occurrence], lang: str) -> bytes:
    """All-day events (a pair meeting is a week-long one). UIDs are stable per cohort and event,
    so that importing a new file updates the calendar instead of duplicating it. An occurrence
    shared between cohorts (the 3 September mingle) is one entry, under its owner's UID, named
    with every cohort it belongs to."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Mentorplan//Mentorplan//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Mentorplan")
    calendar.add("x-wr-timezone", CALENDAR_TIMEZONE)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for o in distinct(occurrences):
        event = Event()
        cohort_id, event_id = o.key
        event.add("uid", f"{cohort_id}-{event_id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", event_title(o, lang))
        event.add("dtstart", o.start)
        event.add("dtend", o.end + dt.timedelta(days=1))  # exclusive, as RFC 5545 wants
        event.add("transp", "TRANSPARENT" if not o.one_day else "OPAQUE")
        lines = [describe_rule(o, lang)]
        guests = describe_guests(o, lang)
        if guests:
            lines.append(", ".join(guests))
        lines.extend(describe_warning(w, lang) for w in o.warnings)
        event.add("description", "\n".join(lines))
        event.add("categories", [o.event.kind])
        calendar.add_component(event)
    return calendar.to_ical()


@dataclass(frozen=True)
class Appointment:
    """A timed calendar entry: local time in Europe/Stockholm, a UID that stays the same for
    the same entry in every export (without the domain; it is added)."""
    uid: str
    starts_at: dt.datetime
    minutes: int
    summary: str
    location: str = ""
    description: str = ""


def appointments_to_ics(appointments: Iterable[Appointment], name: str = "Mentorplan") -> bytes:
    """Timed events in Europe/Stockholm time, with the time zone's definition in the file, so
    that a calendar in any time zone shows them at the right hour."""
    from icalendar import Calendar, Event

    zone = ZoneInfo(CALENDAR_TIMEZONE)
    calendar = Calendar()
    calendar.add("prodid", "-//Mentorplan//Mentorplan//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", CALENDAR_TIMEZONE)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    appointments = list(appointments)
    for appointment in appointments:
        start = appointment.starts_at.replace(tzinfo=zone)
        event = Event()
        event.add("uid", f"{appointment.uid}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", appointment.summary)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=appointment.minutes))
        if appointment.location:
            event.add("location", appointment.location)
        if appointment.description:
            event.add("description", appointment.description)
        calendar.add_component(event)
    if appointments:  # the zone's rules for the years the entries span, not for 1970–2038
        days = [a.starts_at.date() for a in appointments]
        calendar.add_missing_timezones(first_date=dt.date(min(days).year, 1, 1),
                                       last_date=dt.date(max(days).year + 1, 1, 1))
    return calendar.to_ical()
