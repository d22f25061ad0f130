"""The rules a meeting's move re-runs, without Flask: only what the move newly breaks is listed."""

from __future__ import annotations

from datetime import UTC, date, datetime

from service.meetings.move_rules import (
    AgreementFact,
    DiscussedFeedback,
    IssuedDocumentFact,
    MeetingDates,
    MeetingRecords,
    MinutesApprovalFact,
    move_breaks,
)
from service.ppt.rules import Term

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
OLD = MeetingDates(date(2026, 11, 10), datetime(2026, 11, 10, 18, tzinfo=UTC))


def at(day: int, month: int = 11) -> MeetingDates:
    return MeetingDates(date(2026, month, day), datetime(2026, month, day, 18, tzinfo=UTC))


def rules(broken) -> list[tuple[str, int, str]]:
    return [(d.kind, d.id, d.rule) for d in broken]


def test_nothing_recorded_nothing_broken():
    assert move_breaks(MeetingRecords(1, held=False), OLD, at(20, 12), now=NOW) == []


def test_a_held_meeting_may_move_within_the_past_but_not_into_the_future():
    held = MeetingRecords(1, held=True)
    assert move_breaks(held, OLD, at(12), now=NOW) == []
    assert rules(move_breaks(held, OLD, at(30), now=NOW)) == [("meeting", 1, "held")]


def test_approvals_and_issued_minutes_count_only_when_the_move_puts_them_before_the_end():
    approved = MinutesApprovalFact("st_crm", datetime(2026, 11, 12, tzinfo=UTC))
    issued = IssuedDocumentFact(7, "ET/ACTA/2026/1", datetime(2026, 11, 13, tzinfo=UTC))
    records = MeetingRecords(1, held=True, approvals=(approved,), issued_minutes=(issued,))
    assert move_breaks(records, OLD, at(11), now=NOW) == []
    assert rules(move_breaks(records, OLD, at(14), now=NOW)) == [("minutes", 1, "R8"), ("document", 7, "R8")]


def test_an_agreement_already_due_before_the_old_day_does_not_block_a_correction():
    records = MeetingRecords(1, held=False, agreements=(AgreementFact(3, date(2026, 10, 1)),
                                                        AgreementFact(4, date(2026, 11, 15)), AgreementFact(5, None)))
    assert rules(move_breaks(records, OLD, at(20), now=NOW)) == [("agreement", 4, "R8")]


def test_the_ppts_answer_breaks_only_when_the_new_date_has_another_countrys_ppt():
    gt = Term(1, "GT", date(2026, 1, 1), date(2026, 11, 30))
    gt_again = Term(3, "GT", date(2026, 12, 1), date(2027, 11, 30))
    pa = Term(2, "PA", date(2026, 12, 1), date(2027, 11, 30))
    records = MeetingRecords(9, held=False, ppt_answered=True,
                             approvals=(MinutesApprovalFact("ppt", datetime(2026, 11, 1, tzinfo=UTC)),))
    assert rules(move_breaks(records, OLD, at(5, 12), now=NOW, old_term=gt, new_term=pa)) == [
        ("meeting", 9, "ppt_term"), ("minutes", 9, "ppt_term"), ]
    assert move_breaks(records, OLD, at(5, 12), now=NOW, old_term=gt, new_term=gt_again) == []
    assert move_breaks(records, OLD, at(5, 12), now=NOW, old_term=gt, new_term=None) == []


def test_feedback_discussed_at_the_meeting_needs_its_documents_received_by_then_and_issued_feedback_blocks():
    feedback = DiscussedFeedback(4, date(2026, 11, 1), date(2026, 11, 8))
    records = MeetingRecords(1, held=False, feedback=(feedback,))
    assert move_breaks(records, OLD, at(20), now=NOW) == []
    assert rules(move_breaks(records, OLD, at(5), now=NOW)) == [("ppt_feedback", 4, "R11")]
    issued = MeetingRecords(1, held=False, feedback=(DiscussedFeedback(
        4, None, None, (IssuedDocumentFact(8, "ET/RET/2026/1", datetime(2026, 11, 11, tzinfo=UTC)),)),))
    assert rules(move_breaks(issued, OLD, at(20), now=NOW)) == [("document", 8, "R11")]
