"""GRCM meetings: create and change. Operations flush, record who did it in the audit log; the caller commits."""

from __future__ import annotations

from datetime import datetime

from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
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


def create_grcm_meeting(data: dict, *, actor: Principal, now: datetime) -> GrcmMeeting:
    meeting = GrcmMeeting(created_at=now)
    _apply(meeting, data, now)
    db.session.add(meeting)
    db.session.flush()
    record(db.session, actor, now, "grcm.create", Subject("grcm", meeting.id), diff({}, snapshot(meeting, _FIELDS)))
    return meeting


def update_grcm_meeting(meeting: GrcmMeeting, changes: dict, *, actor: Principal, now: datetime) -> GrcmMeeting:
    before = snapshot(meeting, _FIELDS)
    _apply(meeting, changes, now)
    db.session.flush()
    record(db.session, actor, now, "grcm.update", Subject("grcm", meeting.id),
           diff(before, snapshot(meeting, _FIELDS)))
    return meeting
