"""Assemble events into a VCALENDAR and serialise it."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

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
    # No METHOD: a subscription is not an iTIP message (RFC 5546 would then require ORGANIZER on every
    # event, deadlines included, and "method=PUBLISH" in the Content-Type).
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

    No NAME/X-WR-CALNAME: Apple Calendar would offer to create a new calendar on import. It is an iTIP
    PUBLISH (the event has its ORGANIZER; served with ``method=PUBLISH`` in the Content-Type), which Outlook
    imports as an event rather than as a calendar.
    """
    return _finish([*_head(options), "METHOD:PUBLISH"], [meeting_event(meeting, options)])


def serialise(cal: VCalendar | Calendar) -> bytes:
    """RFC 5545 bytes: UTF-8, CRLF line ends, lines folded at 75 octets."""
    return cal.to_ical()


def _head(options: FeedOptions) -> list[str]:
    return ["VERSION:2.0", f"PRODID:{PRODID.format(lang=options.language.upper())}", "CALSCALE:GREGORIAN"]


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
    zone = Timezone.from_tzid(tzid, first_date=first, last_date=last)
    # RFC 5545 allows no COMMENT directly in VTIMEZONE (only in its observances); strict parsers reject it.
    zone.pop("COMMENT", None)
    return _one_rdate_per_line(zone, ZoneInfo(tzid)).to_ical()


def _onset(value: datetime, offset_from: timedelta, offset_to: timedelta, zone: ZoneInfo) -> datetime:
    """The local time an observance begins, "expressed in the offset from which it is changing" (RFC 5545
    3.6.5): 02:00 for the spring change in New York or Madrid. icalendar writes the spring change in the new
    offset (03:00), which parsers that follow the RFC read as an hour late."""
    if offset_from == offset_to:
        return value
    for instant in (value - offset_to, value - offset_from):  # the two UTC instants the wall time could mean
        utc = instant.replace(tzinfo=UTC)
        before, after = (utc - timedelta(seconds=1)).astimezone(zone), utc.astimezone(zone)
        if before.utcoffset() == offset_from and after.utcoffset() == offset_to:
            return instant + offset_from
    return value  # not a transition of this zone (cannot happen with icalendar's output): leave it


def _one_rdate_per_line(zone: Timezone, tz: ZoneInfo) -> Timezone:
    """Each observance's onsets in its TZOFFSETFROM, and ``RDATE:a,b,c`` as one RDATE per transition.

    ical.js (Thunderbird) reads only the first value of an RDATE line and skips DTSTART
    once an RDATE exists, so with icalendar's lists every transition after the first
    was lost (a 2030 meeting in New York came out an hour late). One value per line is
    the same recurrence set for every other parser.
    """
    for observance in zone.subcomponents:
        offset_from, offset_to = observance.decoded("TZOFFSETFROM"), observance.decoded("TZOFFSETTO")
        start = observance.decoded("DTSTART")
        values: list[datetime] = []
        if "RDATE" in observance:
            rdates = observance.pop("RDATE")
            values = [item.dt for prop in (rdates if isinstance(rdates, list) else [rdates]) for item in prop.dts]
        onsets = sorted({_onset(value, offset_from, offset_to, tz) for value in {start, *values}})
        observance.pop("DTSTART")
        observance.add("dtstart", _onset(start, offset_from, offset_to, tz))
        if values:
            for value in onsets:
                observance.add("rdate", value)
    return zone
