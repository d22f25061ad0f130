"""GRCM meetings: create, change (re-checking what depends on its date), cancel. Operations flush, record who did
it in the audit log; the caller commits."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
from service.common.i18n import N_
from service.common.localtime import to_utc
from service.documents.models import IssuedDocument
from service.errors import Conflict, DependentsConflict, RuleViolation
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.grcm.rules import Dependent, IssuedReport, PresentedRecommendation, broken_by_new_date
from service.recommendations.models import Recommendation

_FIELDS = ("title", "starts_at", "ends_at", "timezone", "location", "original_language")


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


# Kinds issued for a GRCM meeting (their subject is the meeting).
_ISSUED_FOR_GRCM = ("monitoring_report", "recommendations", "dossier")


def _presented(meeting: GrcmMeeting) -> list[Recommendation]:
    return list(db.session.scalars(select(Recommendation).where(
        Recommendation.grcm_meeting_id == meeting.id, Recommendation.state != "draft").order_by(Recommendation.id)))


def _issued(meeting: GrcmMeeting, kinds: tuple[str, ...]) -> list[IssuedDocument]:
    return list(db.session.scalars(select(IssuedDocument).where(
        IssuedDocument.kind.in_(kinds), IssuedDocument.subject_id == meeting.id,
        IssuedDocument.withdrawn_at.is_(None)).order_by(IssuedDocument.id)))


def _refuse(message: str, dependents: list[Dependent], *, field: str) -> None:
    if dependents:
        listed = "; ".join(f"{d.kind}:{d.id} ({d.rule}: {d.message})" for d in dependents)
        raise DependentsConflict(message, params={"dependents": listed}, field=field,
                                 dependents=[asdict(d) for d in dependents])


def _check_dependents(meeting: GrcmMeeting) -> None:
    """A new date must not contradict what was recorded against the old one (R9, R5): 409 listing them."""
    zone = ZoneInfo(meeting.timezone)
    recommendations = [PresentedRecommendation(r.id, r.submitted_on, r.decided_on) for r in _presented(meeting)]
    reports = [IssuedReport(d.id, d.issued_at.astimezone(zone).date(), d.late)
               for d in _issued(meeting, ("monitoring_report",))]
    _refuse(N_("Moving the GRCM meeting would break what depends on it: %(dependents)s."),
            broken_by_new_date(meeting.starts_at.date(), recommendations, reports), field="starts_at")


def update_grcm_meeting(meeting: GrcmMeeting, changes: dict, *, actor: Principal, now: datetime) -> GrcmMeeting:
    if meeting.cancelled_at is not None:
        raise Conflict(N_("The GRCM meeting was cancelled; it is kept as it was."), field="cancelled_at")
    before, old_day = snapshot(meeting, _FIELDS), meeting.starts_at.date()
    with db.session.no_autoflush:  # nothing reaches the database before the dependents are re-checked
        _apply(meeting, changes, now)
        if meeting.starts_at.date() != old_day:
            _check_dependents(meeting)
    db.session.flush()
    record(db.session, actor, now, "grcm.update", Subject("grcm", meeting.id),
           diff(before, snapshot(meeting, _FIELDS)))
    return meeting


def cancel_grcm_meeting(meeting: GrcmMeeting, reason: str | None, *, actor: Principal, now: datetime) -> GrcmMeeting:
    """Call the meeting off, keeping it on record; refused (409) while recommendations were presented at it or
    documents issued for it are current (withdraw them, or move the recommendations, first)."""
    if meeting.cancelled_at is not None:
        raise Conflict(N_("The GRCM meeting was already cancelled."), field="cancelled_at")
    dependents = [Dependent("recommendation", r.id, "R9", f"{r.state} at this meeting") for r in _presented(meeting)]
    dependents += [Dependent("document", d.id, "R8", f"{d.kind} {d.reference} v{d.version} issued")
                   for d in _issued(meeting, _ISSUED_FOR_GRCM)]
    _refuse(N_("The GRCM meeting has records that depend on it: %(dependents)s."), dependents, field="cancel")
    before = snapshot(meeting, ("cancelled_at", "cancellation_reason"))
    meeting.cancelled_at, meeting.cancellation_reason, meeting.updated_at = now, reason, now
    db.session.flush()
    record(db.session, actor, now, "grcm.cancel", Subject("grcm", meeting.id),
           diff(before, snapshot(meeting, ("cancelled_at", "cancellation_reason"))))
    return meeting
