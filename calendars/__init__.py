"""Pure iCalendar (RFC 5545) building for the Equipo Tripartito feed.

Plain values in, RFC 5545 bytes out (``VCalendar``, written by ``calendars.ics``;
icalendar makes the VTIMEZONE blocks): no Flask or SQLAlchemy here, so the service
layer only fetches, authorises and serves.
"""

from calendars.build import VCalendar, build_feed, build_meeting_calendar, serialise
from calendars.cache import FeedCache, feed_etag, feed_last_modified, fingerprint_etag
from calendars.model import CalendarGrcmMeeting, CalendarMeeting, Deadline, FeedOptions
from calendars.validate import CalendarInputError, check_calendar_address, check_calendar_uri, check_timezone

__all__ = [
    "CalendarGrcmMeeting",
    "CalendarInputError",
    "CalendarMeeting",
    "Deadline",
    "FeedCache",
    "FeedOptions",
    "VCalendar",
    "build_feed",
    "build_meeting_calendar",
    "check_calendar_address",
    "check_calendar_uri",
    "check_timezone",
    "feed_etag",
    "feed_last_modified",
    "fingerprint_etag",
    "serialise",
]
