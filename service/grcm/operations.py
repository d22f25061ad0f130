from __future__ import annotations

from datetime import datetime

from service.common.i18n import N_
from service.common.localtime import to_utc
from service.errors import RuleViolation
from service.extensions import db
from service.grcm.models import GrcmMeeting

_FIELDS = ("title", "starts_at", "ends_at", "timezone", "location")


def _apply(meeting: GrcmMeeting, values: dict, now: datetime) -> None:
    for name in _FIELDS:
        if name in values:
            setattr(meeting, name, values[name])
    if meeting.ends_at <= meeting.starts_at:
        raise RuleViolation(N_("The GRCM meeting must end after it starts."), field="ends_at")
    meeting.starts_at_utc = to_utc(meeting.starts_at, meeting.timezone, field="starts_at")
    meeting.ends_at_utc = to_utc(meeting.ends_at, meeting.timezone, field="ends_at")
    meeting.updated_at = now


def create_grcm_meeting(data: dict, *, now: datetime) -> GrcmMeeting:
    meeting = GrcmMeeting(created_at=now)
    _apply(meeting, data, now)
    db.session.add(meeting)
    db.session.flush()
    return meeting


def update_grcm_meeting(meeting: GrcmMeeting, changes: dict, *, now: datetime) -> GrcmMeeting:
    _apply(meeting, changes, now)
    db.session.flush()
    return meeting
