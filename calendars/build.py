"""Assemble events into a VCALENDAR and serialise it."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from functools import lru_cache

from icalendar import Calendar, Timezone

from calendars import ics
from calendars.events import EventLines, deadline_event, grcm_event, local, meeting_event
from calendars.i18n import label
from calendars.model import CalendarGrcmMeeting, CalendarMeeting, Deadline, FeedOptions
from calendars.text import multi_line, single_line

PRODID = "-//Conferencia Regional sobre Migracion//Equipo Tripartito//{lang}"


@dataclass(frozen=True)
class VCalendar:
    """A built calendar: unfolded content lines, with the VTIMEZONE blocks already serialised.

    ``to_ical()`` mirrors icalendar's method, so callers may treat both alike;
    ``to_icalendar()`` parses the bytes back when a test wants the object model.
    """

    head: tuple[str, ...]
    timezones: tuple[bytes, ...]
    events: tuple[EventLines, ...]

    def to_ical(self) -> bytes:
        body = [ics.serialise_lines(["BEGIN:VCALENDAR", *self.head]), *self.timezones]
        body += [ics.serialise_lines(list(event.lines)) for event in self.events]
        body.append(b"END:VCALENDAR\r\n")
        return b"".join(body)

    def to_icalendar(self) -> Calendar:
        return Calendar.from_ical(self.to_ical())


def is_listed(meeting: CalendarMeeting, options: FeedOptions) -> bool:
    """Cancelled meetings stay (so clients remove them) until ``keep_cancelled_days`` after their end."""
    if meeting.status != "cancelled":
        return True
    ended = local(meeting.ends_at, meeting.timezone).astimezone(UTC)
    return options.now <= ended + timedelta(days=options.keep_cancelled_days)


def build_feed(
    meetings: Iterable[CalendarMeeting],
    grcm_meetings: Iterable[CalendarGrcmMeeting],
    deadlines: Iterable[Deadline],
    options: FeedOptions,
) -> VCalendar:
    """The subscription feed: every listed meeting, GRCM meeting and deadline."""
    events = [meeting_event(m, options) for m in meetings if is_listed(m, options)]
    events += [grcm_event(g, options) for g in grcm_meetings]
    events += [deadline_event(d, options) for d in deadlines]

    # Neither icalendar nor ical.js unescapes NAME/X-WR-CALNAME (typed "unknown"), so
    # "\\," would show as is: write them raw, minus backslashes, the one character that
    # a strict TEXT parser would read differently (breaks are already gone).
    name = single_line(options.calendar_name).replace("\\", "") or label(options.language, "calendar.name")
    description = multi_line(label(options.language, "calendar.description"))
    refresh = ics.duration(options.refresh_interval)
    head = [
        *_head(options),
        f"NAME:{ics.raw(name)}",
        f"X-WR-CALNAME:{ics.raw(name)}",
        f"DESCRIPTION:{ics.text(description)}",
        f"X-WR-CALDESC:{ics.raw(description)}",
        # RFC 7986 for modern clients, X-PUBLISHED-TTL for Outlook; both ask for the same interval.
        f"REFRESH-INTERVAL;VALUE=DURATION:{refresh}",
        f"X-PUBLISHED-TTL:{refresh}",
    ]
    return _finish(head, events)


def build_meeting_calendar(meeting: CalendarMeeting, options: FeedOptions) -> VCalendar:
    """A one-off download of one meeting (cancelled ones included, whatever their age).

    No NAME/X-WR-CALNAME: Apple Calendar would offer to create a new calendar on import.
    """
    return _finish(_head(options), [meeting_event(meeting, options)])


def serialise(cal: VCalendar | Calendar) -> bytes:
    """RFC 5545 bytes: UTF-8, CRLF line ends, lines folded at 75 octets."""
    return cal.to_ical()


def _head(options: FeedOptions) -> list[str]:
    return ["VERSION:2.0", f"PRODID:{PRODID.format(lang=options.language.upper())}", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH"]


def _finish(head: list[str], events: list[EventLines]) -> VCalendar:
    uids = [event.uid for event in events]
    if len(set(uids)) != len(uids):
        raise ValueError("two events share a UID: pass each meeting, GRCM meeting and deadline once")
    events.sort(key=lambda event: event.sort_key)
    timed = [event for event in events if event.tzid]
    zones: tuple[bytes, ...] = ()
    if timed:
        tzids = sorted({event.tzid for event in timed if event.tzid})
        years = [year for event in timed for year in event.years]
        # Rules need only span the events (plus a margin): far smaller than the default
        # 1970-2038, and still a function of the input only.
        first, last = date(min(years) - 1, 1, 1), date(max(years) + 2, 1, 1)
        zones = tuple(vtimezone(tzid, first, last) for tzid in tzids)
        if len(tzids) == 1:
            # Only meaningful when the whole calendar lives in one zone; Google and Apple use it as a default.
            head = [*head, f"X-WR-TIMEZONE:{ics.raw(tzids[0])}"]
    return VCalendar(head=tuple(head), timezones=zones, events=tuple(events))


@lru_cache(maxsize=512)
def vtimezone(tzid: str, first: date, last: date) -> bytes:
    """One serialised VTIMEZONE, so clients never guess (Outlook) or float the times.

    icalendar's generator (the one behind ``Calendar.add_missing_timezones()``) takes
    milliseconds per zone, so each (zone, span) is made once per process. The tz
    database only changes with a deployment, which restarts the process.
    """
    return _one_rdate_per_line(Timezone.from_tzid(tzid, first_date=first, last_date=last)).to_ical()


def _one_rdate_per_line(zone: Timezone) -> Timezone:
    """Rewrite each observance's ``RDATE:a,b,c`` as one RDATE per transition, DTSTART included.

    ical.js (Thunderbird) reads only the first value of an RDATE line and skips DTSTART
    once an RDATE exists, so with icalendar's lists every transition after the first
    was lost (a 2030 meeting in New York came out an hour late). One value per line is
    the same recurrence set for every other parser.
    """
    for observance in zone.subcomponents:
        if "RDATE" not in observance:
            continue
        rdates = observance.pop("RDATE")
        values = [item.dt for prop in (rdates if isinstance(rdates, list) else [rdates]) for item in prop.dts]
        for value in sorted({observance.decoded("DTSTART"), *values}):
            observance.add("rdate", value)
    return zone
