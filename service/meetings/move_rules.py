"""Moving a team meeting re-checks what was recorded against its old date (issue 11 item 5).

A meeting's date anchors its status (held only once ended), its minutes (approved and issued after it ended, their
agreements due on or after it), the PPT that answered for it (the term in office on its date), and the feedback
round discussed at a pre-PPT meeting (R11 with R6: the concept note and work plan received before the
discussion). Only what the move *newly* breaks is listed: a record that already contradicted the old date (an
agreement typed with an earlier due date) does not block correcting the date. Plain values in, `Dependent`s out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from service.common.i18n import N_, fill
from service.grcm.rules import Dependent
from service.ppt.rules import Term


@dataclass(frozen=True)
class MeetingDates:
    """The meeting's local start day and its end in UTC (the moment after which it may be held)."""

    starts_on: date
    ends_at_utc: datetime


@dataclass(frozen=True)
class MinutesApprovalFact:
    party: str
    at: datetime  # UTC


@dataclass(frozen=True)
class AgreementFact:
    id: int
    due_on: date | None


@dataclass(frozen=True)
class IssuedDocumentFact:
    id: int
    reference: str
    issued_at: datetime  # UTC


@dataclass(frozen=True)
class DiscussedFeedback:
    """A PPT feedback round tied to this (pre-PPT) meeting; `issued` names its issued, current documents."""

    term_id: int
    concept_note_received_on: date | None
    work_plan_received_on: date | None
    issued: tuple[IssuedDocumentFact, ...] = ()


@dataclass(frozen=True)
class MeetingRecords:
    """What depends on one meeting's date."""

    meeting_id: int
    held: bool
    ppt_answered: bool = False  # the PPT recorded a consent (yes or no)
    approvals: tuple[MinutesApprovalFact, ...] = ()  # of the minutes as they stand
    agreements: tuple[AgreementFact, ...] = ()
    issued_minutes: tuple[IssuedDocumentFact, ...] = ()
    feedback: tuple[DiscussedFeedback, ...] = ()


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _newly_before(moment: datetime, old: MeetingDates, new: MeetingDates) -> bool:
    """Before the new end but not before the old one: the move makes it precede the meeting's end."""
    return moment < new.ends_at_utc and moment >= old.ends_at_utc


def _term_dependents(records: MeetingRecords, old_term: Term | None, new_term: Term | None) -> list[Dependent]:
    """The PPT that answered for the meeting is the one of its old term; on a date in another country's term that
    answer (consent, minutes approval) no longer comes from the PPT in office."""
    if old_term is None or new_term is None or old_term.country == new_term.country:
        return []
    params = {"old": old_term.country, "new": new_term.country, "term": new_term.id}
    broken = []
    if records.ppt_answered:
        broken.append(Dependent("meeting", records.meeting_id, "ppt_term", fill(
            N_("the PPT of %(old)s answered the consent; on the new date the PPT is %(new)s (term %(term)s)"),
            params)))
    if any(a.party == "ppt" for a in records.approvals):
        broken.append(Dependent("minutes", records.meeting_id, "ppt_term", fill(
            N_("the PPT of %(old)s approved the minutes; on the new date the PPT is %(new)s (term %(term)s)"),
            params)))
    return broken


def move_breaks(records: MeetingRecords, old: MeetingDates, new: MeetingDates, *, now: datetime,
                old_term: Term | None = None, new_term: Term | None = None) -> list[Dependent]:
    """What moving a meeting from `old` to `new` would contradict, in a stable order."""
    broken: list[Dependent] = []
    if records.held and new.ends_at_utc > now:
        broken.append(Dependent("meeting", records.meeting_id, "held", fill(
            N_("marked held; the new end (%(end)s) is in the future"), {"end": _when(new.ends_at_utc)})))
    for approval in records.approvals:
        if _newly_before(approval.at, old, new):
            broken.append(Dependent("minutes", records.meeting_id, "R8", fill(
                N_("approved by %(party)s on %(at)s, before the meeting would end"),
                {"party": approval.party, "at": _when(approval.at)})))
    for document in records.issued_minutes:
        if _newly_before(document.issued_at, old, new):
            broken.append(Dependent("document", document.id, "R8", fill(
                N_("minutes %(reference)s issued on %(at)s, before the meeting would end"),
                {"reference": document.reference, "at": _when(document.issued_at)})))
    for agreement in records.agreements:
        if agreement.due_on is not None and old.starts_on <= agreement.due_on < new.starts_on:
            broken.append(Dependent("agreement", agreement.id, "R8", fill(
                N_("due on %(due)s, before the meeting that agreed it"), {"due": agreement.due_on.isoformat()})))
    broken += _term_dependents(records, old_term, new_term)
    for feedback in records.feedback:
        broken += _feedback_dependents(feedback, old, new)
    return broken


def _feedback_dependents(feedback: DiscussedFeedback, old: MeetingDates, new: MeetingDates) -> list[Dependent]:
    """R11 with R6: the documents are discussed after they were received; issued feedback states the day."""
    broken = []
    for message, received in (
            (N_("the concept note discussed at this meeting was received on %(date)s, after the new date"),
             feedback.concept_note_received_on),
            (N_("the work plan discussed at this meeting was received on %(date)s, after the new date"),
             feedback.work_plan_received_on)):
        if received is not None and old.starts_on >= received > new.starts_on:
            broken.append(Dependent("ppt_feedback", feedback.term_id, "R11",
                                    fill(message, {"date": received.isoformat()})))
    if new.starts_on != old.starts_on:
        for document in feedback.issued:
            broken.append(Dependent("document", document.id, "R11", fill(
                N_("PPT feedback %(reference)s was issued stating the meeting of %(date)s; withdraw it first"),
                {"reference": document.reference, "date": old.starts_on.isoformat()})))
    return broken
