"""Validators for conditional GET: answer 304 without building the calendar.

The feed bytes are a pure function of the listed items and the options (``now`` only
decides which cancelled meetings are still listed), so hashing those values gives a
strong ETag. Caching the serialised bytes under that ETag also avoids rebuilding on
every 200 (a cold build of 1,000 events takes tens of milliseconds).
"""

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

import icalendar

from calendars.build import is_listed
from calendars.events import local
from calendars.model import CalendarGrcmMeeting, CalendarMeeting, Deadline, FeedOptions

# Bump whenever calendars/ changes what it writes for the same input, so clients refetch.
FORMAT_VERSION = "3"  # 2: content lines written by calendars.ics; 3: RFC fixes (issue 16)


def feed_etag(
    meetings: Iterable[CalendarMeeting],
    grcm_meetings: Iterable[CalendarGrcmMeeting],
    deadlines: Iterable[Deadline],
    options: FeedOptions,
) -> str:
    """Opaque, unquoted ETag of the feed ``build_feed`` would produce for these values.

    Not covered: a change of the system's tz database (VTIMEZONE rules); restart-time
    cache flushing covers that.
    """
    digest = _options_digest(options)
    # Sorted reprs: the feed is sorted too, so input order must not change the ETag.
    items = [repr(m) for m in meetings if is_listed(m, options)]
    items += [repr(g) for g in grcm_meetings] + [repr(d) for d in deadlines]
    for item in sorted(items):
        digest.update(b"\x00" + item.encode())
    return digest.hexdigest()[:32]


def feed_last_modified(
    meetings: Iterable[CalendarMeeting],
    grcm_meetings: Iterable[CalendarGrcmMeeting],
    deadlines: Iterable[Deadline],
    options: FeedOptions,
) -> datetime | None:
    """Latest change to the feed (UTC), for ``Last-Modified``; None for an empty feed.

    A cancelled meeting that dropped out of the feed changed it at the moment it
    dropped, so that moment counts too (otherwise If-Modified-Since would get a 304).
    """
    moments: list[datetime] = []
    for meeting in meetings:
        if is_listed(meeting, options):
            moments.append(meeting.last_modified.astimezone(UTC))
        else:
            ended = local(meeting.ends_at, meeting.timezone).astimezone(UTC)
            moments.append(ended + timedelta(days=options.keep_cancelled_days))
    moments += [g.last_modified.astimezone(UTC) for g in grcm_meetings]
    moments += [d.last_modified.astimezone(UTC) for d in deadlines]
    return max(moments, default=None)


def _options_digest(options: FeedOptions) -> "hashlib._Hash":
    digest = hashlib.sha256()
    opts = (
        options.host,
        options.language,
        options.refresh_hours,
        options.organizer_email,
        options.organizer_name,
        options.calendar_name,
        options.keep_cancelled_days,
    )
    # icalendar still writes the VTIMEZONE blocks: a new version may write them differently.
    digest.update(repr((FORMAT_VERSION, icalendar.__version__, opts)).encode())
    return digest


def fingerprint_etag(fingerprint: object, options: FeedOptions) -> str:
    """Opaque, unquoted ETag from a cheap summary of the stored data instead of the items.

    The caller promises that ``repr(fingerprint)`` changes whenever the items it would
    pass to ``build_feed`` change (counts, latest change, sequences, expired cancellations):
    that lets a conditional GET be answered without loading a single event.
    """
    digest = _options_digest(options)
    digest.update(b"\x01" + repr(fingerprint).encode())
    return digest.hexdigest()[:32]


class FeedCache:
    """Serialised feeds by ETag, least recently used first out; bounded by entries and bytes; thread-safe.

    An ETag names exactly one byte string, so an entry never goes stale: it is only evicted.
    """

    def __init__(self, max_entries: int = 32, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, etag: str) -> bytes | None:
        with self._lock:
            data = self._entries.get(etag)
            if data is not None:
                self._entries.move_to_end(etag)
            return data

    def put(self, etag: str, data: bytes) -> None:
        if len(data) > self.max_bytes:
            return  # would evict everything else and still not fit
        with self._lock:
            if etag in self._entries:
                self._entries.move_to_end(etag)
                return
            self._entries[etag] = data
            self._size += len(data)
            while len(self._entries) > self.max_entries or self._size > self.max_bytes:
                _, evicted = self._entries.popitem(last=False)
                self._size -= len(evicted)

    def __len__(self) -> int:
        return len(self._entries)
