"""CRM events and the members-only exceptions (R1). Operations flush and record who did it; the caller commits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
from service.common.i18n import N_
from service.documents.queries import documents_issued_for
from service.errors import Conflict, RuleViolation
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.monitoring.report import report_period
from service.participation.models import CrmEvent
from service.participation.rules import check_participation
from service.reference.models import Country
from service.reference.operations import network_codes

_FIELDS = ("title", "kind", "starts_on", "ends_on", "location", "network", "members_only",
           "members_only_requested_by", "members_only_requested_on", "original_language")


def _check(event: CrmEvent, today: date) -> None:
    if event.ends_on is not None and event.ends_on < event.starts_on:
        raise RuleViolation(N_("The event must end on or after the day it starts."), field="ends_on")
    if event.network is not None and event.network not in network_codes():
        raise RuleViolation(N_("Unknown network %(code)r."), params={"code": event.network}, field="network")
    requester = event.members_only_requested_by
    is_member = bool(requester) and bool(db.session.scalar(
        select(Country.is_member).where(Country.code == requester)))
    check_participation(event.as_participation(requested_by_is_member=is_member), today)


def _apply(event: CrmEvent, values: dict, now: datetime) -> CrmEvent:
    # No autoflush: a half-applied event must not reach the database before R1 is checked.
    with db.session.no_autoflush:
        for name in _FIELDS:
            if name in values:
                setattr(event, name, values[name])
        _check(event, now.date())
        event.updated_at = now
        db.session.add(event)
    db.session.flush()
    return event


def create_event(data: dict, *, actor: Principal, now: datetime) -> CrmEvent:
    event = _apply(CrmEvent(created_at=now, members_only=False), data, now)
    record(db.session, actor, now, "crm_event.create", Subject("crm_event", event.id),
           diff({}, snapshot(event, _FIELDS)))
    return event


def update_event(event: CrmEvent, changes: dict, *, actor: Principal, now: datetime) -> CrmEvent:
    if event.cancelled_at is not None:
        raise Conflict(N_("The CRM event was cancelled; it is kept as it was."), field="cancelled_at")
    before = snapshot(event, _FIELDS)
    _apply(event, changes, now)
    record(db.session, actor, now, "crm_event.update", Subject("crm_event", event.id),
           diff(before, snapshot(event, _FIELDS)))
    return event


def _reported_in(event: CrmEvent) -> list[str]:
    """The issued monitoring reports (and dossiers) whose period covers the event: they already tell of it."""
    found = []
    for document in documents_issued_for(("monitoring_report", "dossier")):
        meeting = db.session.get(GrcmMeeting, document.subject_id)
        if meeting is not None:
            first, last = report_period(meeting)
            if first <= event.starts_on <= last:
                found.append(f"document:{document.id} ({document.reference} v{document.version})")
    return found


def cancel_event(event: CrmEvent, reason: str | None, *, actor: Principal, now: datetime) -> CrmEvent:
    """Call the event off, keeping it (and any members-only request) on record with the reason."""
    if event.cancelled_at is not None:
        raise Conflict(N_("The CRM event was already cancelled."), field="cancelled_at")
    before = snapshot(event, ("cancelled_at", "cancellation_reason"))
    event.cancelled_at, event.cancellation_reason, event.updated_at = now, reason, now
    db.session.flush()
    record(db.session, actor, now, "crm_event.cancel", Subject("crm_event", event.id),
           diff(before, snapshot(event, ("cancelled_at", "cancellation_reason"))))
    return event


def delete_event(event: CrmEvent, *, actor: Principal, now: datetime) -> None:
    """An event entered by mistake goes, unless an issued report already tells of it (then cancel it: 409)."""
    used = _reported_in(event)
    if used:
        raise Conflict(N_("The CRM event is reported in issued documents (%(documents)s); cancel it instead."),
                       params={"documents": ", ".join(used)}, field="id")
    last, subject = snapshot(event, _FIELDS), Subject("crm_event", event.id)
    db.session.delete(event)
    db.session.flush()
    record(db.session, actor, now, "crm_event.delete", subject, diff(last, {}))


def list_events(*, starts_from: date | None = None, starts_until: date | None = None,
                members_only: bool | None = None) -> list[CrmEvent]:
    query = select(CrmEvent).order_by(CrmEvent.starts_on, CrmEvent.id)
    if starts_from is not None:
        query = query.where(CrmEvent.starts_on >= starts_from)
    if starts_until is not None:
        query = query.where(CrmEvent.starts_on <= starts_until)
    if members_only is not None:
        query = query.where(CrmEvent.members_only.is_(members_only))
    return list(db.session.scalars(query))
