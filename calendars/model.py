"""Plain, immutable values the service fills from its database rows.

Conventions: ``starts_at``/``ends_at`` are naive local wall-clock times in the IANA
zone ``timezone`` (what the user typed; the calendar carries TZID + VTIMEZONE so
clients do the conversion); ``created_at``/``last_modified``/``now`` are aware
UTC instants (SQLite drops tzinfo: re-attach ``UTC`` before building).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from calendars.validate import CalendarInputError, check_calendar_address, check_host, check_timezone

MEETING_KINDS = ("ordinary", "pre_ppt", "extraordinary")
MODALITIES = ("virtual", "in_person")
STATUSES = ("proposed", "scheduled", "held", "cancelled")
DEADLINE_KINDS = ("monitoring_report_due", "pre_ppt_meeting_latest", "monitoring_response_due")
_DEADLINE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}")


def _require_aware(value: datetime, field: str) -> None:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise CalendarInputError(field, "must be a timezone-aware datetime (UTC)")


def _require_local_span(starts_at: datetime, ends_at: datetime, timezone: str) -> None:
    check_timezone(timezone, "timezone")
    for field, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if not isinstance(value, datetime) or value.tzinfo is not None:
            raise CalendarInputError(field, "must be a naive local datetime; the zone goes in 'timezone'")
    if ends_at <= starts_at:
        raise CalendarInputError("ends_at", "must be after starts_at")


def _require_one_of(value: str, allowed: tuple[str, ...], field: str) -> None:
    if value not in allowed:
        raise CalendarInputError(field, f"must be one of {', '.join(allowed)}")


def _require_sequence(value: int) -> None:
    if not isinstance(value, int) or value < 0:
        raise CalendarInputError("sequence", "must be a non-negative integer")


@dataclass(frozen=True)
class CalendarMeeting:
    id: int
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    modality: str
    location: str | None
    video_url: str | None
    agenda: tuple[str, ...]
    status: str
    sequence: int
    created_at: datetime
    last_modified: datetime

    def __post_init__(self) -> None:
        # Fail loudly on wiring mistakes; user input is checked by the service at entry time.
        _require_one_of(self.kind, MEETING_KINDS, "kind")
        _require_one_of(self.modality, MODALITIES, "modality")
        _require_one_of(self.status, STATUSES, "status")
        _require_local_span(self.starts_at, self.ends_at, self.timezone)
        _require_sequence(self.sequence)
        _require_aware(self.created_at, "created_at")
        _require_aware(self.last_modified, "last_modified")
        if not isinstance(self.agenda, tuple):
            # A list would make the dataclass unhashable and the value mutable.
            object.__setattr__(self, "agenda", tuple(self.agenda))


@dataclass(frozen=True)
class CalendarGrcmMeeting:
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    location: str | None
    sequence: int
    created_at: datetime
    last_modified: datetime
    cancelled: bool = False  # called off: shown cancelled so subscribed clients take it off the calendar

    def __post_init__(self) -> None:
        _require_local_span(self.starts_at, self.ends_at, self.timezone)
        _require_sequence(self.sequence)
        _require_aware(self.created_at, "created_at")
        _require_aware(self.last_modified, "last_modified")


@dataclass(frozen=True)
class Deadline:
    key: str
    kind: str
    on: date
    related_title: str
    sequence: int
    last_modified: datetime

    def __post_init__(self) -> None:
        # The key ends up in the UID, which must never change and never carry odd characters.
        if not isinstance(self.key, str) or not _DEADLINE_KEY.fullmatch(self.key):
            raise CalendarInputError("key", "use letters, digits, '.', '_' and '-' only")
        _require_one_of(self.kind, DEADLINE_KINDS, "kind")
        if not isinstance(self.on, date) or isinstance(self.on, datetime):
            raise CalendarInputError("on", "must be a date")
        _require_sequence(self.sequence)
        _require_aware(self.last_modified, "last_modified")


@dataclass(frozen=True, kw_only=True)
class FeedOptions:
    host: str
    language: Literal["es", "en"]
    refresh_hours: int = 6
    organizer_email: str
    organizer_name: str
    calendar_name: str | None = None
    now: datetime
    keep_cancelled_days: int = 365

    def __post_init__(self) -> None:
        check_host(self.host, "host")
        _require_one_of(self.language, ("es", "en"), "language")
        check_calendar_address(self.organizer_email, "organizer_email")
        _require_aware(self.now, "now")
        if not isinstance(self.refresh_hours, int) or self.refresh_hours < 1:
            raise CalendarInputError("refresh_hours", "must be a positive integer")
        if not isinstance(self.keep_cancelled_days, int) or self.keep_cancelled_days < 0:
            raise CalendarInputError("keep_cancelled_days", "must be a non-negative integer")

    @property
    def refresh_interval(self) -> timedelta:
        return timedelta(hours=self.refresh_hours)
