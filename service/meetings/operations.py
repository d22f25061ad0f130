"""Team meetings and their minutes. Operations flush; the caller commits.

Every change to a meeting goes through `_save`, which re-checks the rules of the mechanism on the whole
meeting as it would be stored, settles its status (proposed until the consents it needs are all yes), and lets
the database's unique quarter index settle R3 races. Each operation takes its actor and "now" and appends an
audit entry (meeting.create/update/cancel/consent, minutes.create/update/approve). Consents and approvals:
`service/meetings/tripartite.py`.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import flag_modified

from service.audit.operations import record
from service.audit.rules import Subject, diff, jsonable, snapshot
from service.auth.principals import PARTY_CODES, Principal
from service.common.i18n import N_
from service.common.localtime import to_utc
from service.errors import RuleViolation
from service.extensions import db
from service.meetings.models import Agreement, Meeting, MeetingConsent, Minutes
from service.meetings.moves import check_move, dates_of, follow_the_move
from service.meetings.rules import (
    OPEN_AGREEMENT_STATUSES,
    AgreementStatus,
    MeetingStatus,
    agreement_is_overdue,
    check_may_be_held,
    check_meeting,
    ordinary_quarter,
    settled_status,
)
from service.meetings.tripartite_rules import (
    check_cancellable,
    check_own_consents,
    check_ppt_scope,
    check_term_covers,
)
from service.ppt.models import PptTerm
from service.ppt.operations import term_on
from service.reference.operations import country

_EDITABLE = ("kind", "title", "starts_at", "ends_at", "timezone", "modality", "location", "video_url",
             "ppt_term_id", "agenda", "status")
_AUDITED = (*_EDITABLE, "consents")


def _occupied_quarters(excluding_id: int | None) -> set[str]:
    query = select(Meeting.ordinary_quarter).where(Meeting.ordinary_quarter.is_not(None))
    if excluding_id is not None:
        query = query.where(Meeting.id != excluding_id)
    return set(db.session.scalars(query))


def actor_name(actor: Principal) -> str:
    """Who answered, as consents and approvals show it: the account, else the API token, else the system."""
    if actor.user_email:
        return actor.user_email
    if actor.token_id is not None:
        return f"{actor.label} (token {actor.token_id})"
    return actor.label


def put_consent(meeting: Meeting, party: str, consent: bool, *, actor: Principal, now: datetime) -> None:
    """Record (or change) one party's answer; the caller saves the meeting, which settles its status."""
    found = next((r for r in meeting.consent_records if r.party == party), None)
    if meeting.id is not None:
        # An answer changes the meeting (its SEQUENCE and ETag, its status): write the row even if no column of
        # it moved, so two answers racing meet at the version check instead of both keeping the old status.
        flag_modified(meeting, "updated_at")
    if found is None:
        meeting.consent_records.append(MeetingConsent(party=party, consent=consent, by=actor_name(actor), at=now))
    elif found.consent != consent:
        found.consent, found.by, found.at = consent, actor_name(actor), now


def _apply(meeting: Meeting, values: dict, *, actor: Principal, now: datetime) -> None:
    for name in _EDITABLE:
        if name in values:
            setattr(meeting, name, values[name])
    named = {party: answer for party, answer in (values.get("consents") or {}).items() if answer is not None}
    check_own_consents(actor.party, named)
    for party, answer in named.items():
        put_consent(meeting, party, bool(answer), actor=actor, now=now)
    _settle_term(meeting, explicit="ppt_term_id" in values and values["ppt_term_id"] is not None)


def _settle_term(meeting: Meeting, *, explicit: bool) -> None:
    """A pre-PPT meeting names its incoming term; the others take the term in office on their date (a term given
    explicitly must cover it)."""
    if meeting.kind != "pre_ppt" and not explicit and meeting.starts_at is not None:
        found = term_on(meeting.starts_at.date())
        meeting.ppt_term_id = found.id if found else None
    if meeting.ppt_term_id is not None:
        meeting.ppt_term = db.session.get(PptTerm, meeting.ppt_term_id)
        if meeting.ppt_term is None:
            raise RuleViolation(N_("PPT term %(id)s does not exist."), params={"id": meeting.ppt_term_id},
                                field="ppt_term_id")
        check_term_covers(meeting.kind, meeting.starts_at.date(), meeting.ppt_term.as_term())
    else:
        meeting.ppt_term = None


def check_actor_scope(meeting: Meeting, actor: Principal) -> None:
    """A PPT token or account acts only on the meetings of its own country's terms."""
    if actor.party == "ppt":
        check_ppt_scope(actor.ppt_country, meeting.ppt_term.as_term() if meeting.ppt_term else None)


def _save(meeting: Meeting, now: datetime) -> Meeting:
    """Check the meeting as it would be stored, then write it in one UPDATE (one SEQUENCE step)."""
    meeting.starts_at_utc = to_utc(meeting.starts_at, meeting.timezone, field="starts_at")
    meeting.ends_at_utc = to_utc(meeting.ends_at, meeting.timezone, field="ends_at")
    draft = meeting.as_draft()
    check_meeting(draft, _occupied_quarters(meeting.id))
    check_may_be_held(draft, meeting.ends_at_utc, now)
    meeting.status = settled_status(draft).value
    meeting.ever_held = bool(meeting.ever_held) or meeting.status == MeetingStatus.HELD.value
    meeting.ordinary_quarter = ordinary_quarter(meeting.as_draft())
    meeting.updated_at = now
    try:
        with db.session.begin_nested():
            db.session.add(meeting)
            db.session.flush()
    except IntegrityError as error:
        # Another request took the quarter between our check and our write (R3 race).
        if "ordinary_quarter" not in str(error.orig):
            raise
        raise RuleViolation(
            N_("R3: ordinary meetings are quarterly; %(quarter)s already has an ordinary meeting."),
            params={"quarter": meeting.ordinary_quarter}, field="starts_at", rule="R3",
        ) from None
    return meeting


def _audit(meeting: Meeting, action: str, before: dict, *, actor: Principal, now: datetime) -> None:
    record(db.session, actor, now, action, Subject("meeting", meeting.id), diff(before, snapshot(meeting, _AUDITED)))


def create_meeting(data: dict, *, actor: Principal, now: datetime) -> Meeting:
    meeting = Meeting(created_at=now, status=MeetingStatus.SCHEDULED.value, ever_held=False)
    with db.session.no_autoflush:
        _apply(meeting, data, actor=actor, now=now)
        check_actor_scope(meeting, actor)
        _save(meeting, now)
    _audit(meeting, "meeting.create", {}, actor=actor, now=now)
    return meeting


def update_meeting(meeting: Meeting, changes: dict, *, actor: Principal, now: datetime) -> Meeting:
    if meeting.status == MeetingStatus.CANCELLED.value:
        raise RuleViolation(N_("A cancelled meeting cannot be edited; schedule a new one."), field="status")
    check_actor_scope(meeting, actor)
    before = snapshot(meeting, _AUDITED)
    old_dates, old_term = dates_of(meeting), meeting.ppt_term.as_term() if meeting.ppt_term else None
    # No autoflush: a half-applied change must not reach the database (nor bump SEQUENCE) before the checks.
    with db.session.no_autoflush:
        _apply(meeting, changes, actor=actor, now=now)
        check_actor_scope(meeting, actor)
        check_move(meeting, old_dates, old_term, now=now)  # what depends on the date: 409, nothing saved
        _save(meeting, now)
    follow_the_move(meeting, actor=actor, now=now)
    _audit(meeting, "meeting.update", before, actor=actor, now=now)
    return meeting


def issued_minutes_references(meeting_id: int) -> list[str]:
    """References of the minutes issued for a meeting and not withdrawn (withdrawal: documents' `state`)."""
    from service.documents.models import DocumentReference, IssuedDocument

    rows = db.session.execute(select(IssuedDocument, DocumentReference.reference)
                              .join(DocumentReference, IssuedDocument.reference_id == DocumentReference.id)
                              .where(IssuedDocument.kind == "minutes", IssuedDocument.subject_id == meeting_id))
    return [reference for document, reference in rows if getattr(document, "state", "current") != "withdrawn"]


def cancel_meeting(meeting: Meeting, *, actor: Principal, now: datetime, reason: str | None = None) -> Meeting:
    """Cancelled meetings are kept (calendars must show the cancellation); one never held frees its quarter.
    A meeting whose minutes went out is cancelled only once they are withdrawn. The reason, if given, is kept in
    the audit log's entry for the cancellation (the record's history)."""
    if meeting.status == MeetingStatus.CANCELLED.value:
        return meeting
    check_actor_scope(meeting, actor)
    check_cancellable(issued_minutes_references(meeting.id))
    before = snapshot(meeting, _AUDITED)
    with db.session.no_autoflush:
        meeting.status = MeetingStatus.CANCELLED.value
        _save(meeting, now)
    changes = diff(before, snapshot(meeting, _AUDITED))
    if reason:
        changes["reason"] = [None, reason]
    record(db.session, actor, now, "meeting.cancel", Subject("meeting", meeting.id), changes)
    return meeting


def _responsible_code(value: str, field: str) -> str:
    """A party code (st_crm, st_rrocm, ppt) or a CRM country's alpha-2 code, normalised."""
    if value.lower() in PARTY_CODES:
        return value.lower()
    return country(value, field=field).code


def _minutes_snapshot(minutes: Minutes | None) -> dict:
    """The minutes as plain values, agreements included (they live in their own table)."""
    if minutes is None:
        return {}
    agreements = [{"text": a.text, "responsible": a.responsible, "due_on": a.due_on, "status": a.status}
                  for a in minutes.agreements]
    return {**snapshot(minutes, ("language", "attendees", "agenda_items", "next_meeting")),
            "agreements": jsonable(agreements), "approved_by": [a.party for a in minutes.approvals]}


def save_minutes(meeting: Meeting, data: dict, *, actor: Principal, now: datetime) -> Minutes:
    """Replace the minutes of a meeting with what the secretariat submitted (audited under the meeting)."""
    check_actor_scope(meeting, actor)
    for index, attendee in enumerate(data.get("attendees", [])):
        if attendee.get("country"):
            country(attendee["country"], field=f"attendees.{index}.country")
    agreements = [
        Agreement(position=index, text=item["text"], due_on=item.get("due_on"),
                  status=item.get("status", AgreementStatus.PENDING.value),
                  responsible=_responsible_code(item["responsible"], f"agreements.{index}.responsible"))
        for index, item in enumerate(data.get("agreements", []))
    ]
    action = "minutes.update" if meeting.minutes is not None else "minutes.create"
    before = _minutes_snapshot(meeting.minutes)
    minutes = meeting.minutes or Minutes(meeting=meeting)
    minutes.language = data.get("language", "es")
    minutes.attendees = data.get("attendees", [])
    minutes.agenda_items = data.get("agenda_items", [])
    minutes.next_meeting = data.get("next_meeting")
    minutes.updated_at = now
    minutes.agreements = agreements
    minutes.approvals = []  # any change to the minutes clears the approvals: each party approves what it read
    # The agreements live in their own table: make sure the minutes row (and so its version) changes too.
    flag_modified(minutes, "agenda_items")
    db.session.add(minutes)
    db.session.flush()
    record(db.session, actor, now, action, Subject("meeting", meeting.id), diff(before, _minutes_snapshot(minutes)))
    return minutes


def list_agreements(state: str | None, today: date) -> list[dict]:
    """Agreements across all meetings; `open` or `overdue` narrows the list."""
    query = (select(Agreement, Meeting).join(Minutes, Agreement.minutes_id == Minutes.id)
             .join(Meeting, Minutes.meeting_id == Meeting.id)
             .order_by(Agreement.due_on.is_(None), Agreement.due_on, Agreement.id))
    if state in ("open", "overdue"):
        query = query.where(Agreement.status.in_([s.value for s in OPEN_AGREEMENT_STATUSES]))
    if state == "overdue":
        query = query.where(Agreement.due_on < today)
    rows = []
    for agreement, meeting in db.session.execute(query):
        rows.append({
            "id": agreement.id, "text": agreement.text, "responsible": agreement.responsible,
            "due_on": agreement.due_on, "status": agreement.status, "meeting_id": meeting.id,
            "meeting_title": meeting.title,
            "overdue": agreement_is_overdue(agreement.status, agreement.due_on, today),
        })
    return rows
