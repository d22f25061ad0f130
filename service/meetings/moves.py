"""Moving a team meeting: gather what depends on its date, refuse (409 `DependentsConflict`, nothing saved) when
the move breaks any of it, and let the feedback round discussed at it follow its day. Rules: `move_rules.py`."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject, diff
from service.auth.principals import Principal
from service.common.i18n import N_
from service.common.localtime import to_utc
from service.errors import DependentsConflict
from service.extensions import db
from service.meetings.models import Meeting
from service.meetings.move_rules import (
    AgreementFact,
    DiscussedFeedback,
    IssuedDocumentFact,
    MeetingDates,
    MeetingRecords,
    MinutesApprovalFact,
    move_breaks,
)
from service.meetings.rules import MeetingStatus
from service.ppt.feedback_models import PptFeedback
from service.ppt.rules import Term


def dates_of(meeting: Meeting) -> MeetingDates:
    """The meeting's dates as they stand in memory (UTC recomputed: a PATCH may have changed the zone)."""
    return MeetingDates(meeting.starts_at.date(), to_utc(meeting.ends_at, meeting.timezone, field="ends_at"))


def _issued(kind: str, subject_id: int) -> tuple[IssuedDocumentFact, ...]:
    from service.documents.models import DocumentReference, IssuedDocument

    rows = db.session.execute(
        select(IssuedDocument.id, DocumentReference.reference, IssuedDocument.issued_at)
        .join(DocumentReference, IssuedDocument.reference_id == DocumentReference.id)
        .where(IssuedDocument.kind == kind, IssuedDocument.subject_id == subject_id,
               IssuedDocument.withdrawn_at.is_(None)).order_by(IssuedDocument.id))
    return tuple(IssuedDocumentFact(id_, reference, issued_at) for id_, reference, issued_at in rows)


def _discussed_here(meeting_id: int) -> list[PptFeedback]:
    return list(db.session.scalars(select(PptFeedback).where(PptFeedback.meeting_id == meeting_id)
                                   .order_by(PptFeedback.id)))


def records_of(meeting: Meeting) -> MeetingRecords:
    minutes = meeting.minutes
    approvals: tuple[MinutesApprovalFact, ...] = ()
    agreements: tuple[AgreementFact, ...] = ()
    if minutes is not None:
        approvals = tuple(MinutesApprovalFact(a.party, a.at) for a in minutes.approvals
                          if a.minutes_version == minutes.version)
        agreements = tuple(AgreementFact(a.id, a.due_on) for a in minutes.agreements)
    feedback = tuple(DiscussedFeedback(f.ppt_term_id, f.concept_note_received_on, f.work_plan_received_on,
                                       _issued("ppt_feedback", f.ppt_term_id))
                     for f in _discussed_here(meeting.id))
    return MeetingRecords(
        meeting_id=meeting.id, held=meeting.status == MeetingStatus.HELD.value,
        ppt_answered=any(c.party == "ppt" for c in meeting.consent_records), approvals=approvals,
        agreements=agreements, issued_minutes=_issued("minutes", meeting.id), feedback=feedback)


def check_move(meeting: Meeting, old: MeetingDates, old_term: Term | None, *, now: datetime) -> None:
    """Re-run the rules of every record that depends on the meeting's date: any broken → 409 listing them."""
    new = dates_of(meeting)
    if new == old and (old_term.id if old_term else None) == meeting.ppt_term_id:
        return
    new_term = meeting.ppt_term.as_term() if meeting.ppt_term is not None else None
    broken = move_breaks(records_of(meeting), old, new, now=now, old_term=old_term, new_term=new_term)
    if broken:
        listed = "; ".join(f"{d.kind}:{d.id} ({d.rule}: {d.message})" for d in broken)
        raise DependentsConflict(
            N_("Moving the meeting would break what depends on its date: %(dependents)s. Nothing was saved."),
            params={"dependents": listed}, field="starts_at", dependents=[asdict(d) for d in broken])


def follow_the_move(meeting: Meeting, *, actor: Principal, now: datetime) -> None:
    """The feedback round discussed at a pre-PPT meeting states that meeting's day (R11 with R6): it follows."""
    day = meeting.starts_at.date()
    for feedback in _discussed_here(meeting.id):
        if feedback.meeting_on != day:
            before = {"meeting_on": feedback.meeting_on.isoformat() if feedback.meeting_on else None}
            feedback.meeting_on = day
            db.session.flush()
            record(db.session, actor, now, "ppt_feedback.update", Subject("ppt_term", feedback.ppt_term_id),
                   diff(before, {"meeting_on": day.isoformat()}))
