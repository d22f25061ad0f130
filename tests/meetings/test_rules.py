"""The mechanism's meeting rules (R3, R4, R6, R7) as plain functions: no Flask, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from service.errors import RuleViolation
from service.meetings.rules import (
    Consents,
    MeetingDraft,
    MeetingKind,
    MeetingStatus,
    Modality,
    agreement_is_overdue,
    check_may_be_held,
    check_meeting,
    ordinary_quarter,
    pre_ppt_meeting_deadline,
    settled_status,
)

ALL = Consents(True, True, True)
NONE = Consents()


def draft(kind=MeetingKind.ORDINARY, start=datetime(2027, 3, 10, 10), hours=2, modality=Modality.VIRTUAL,
          consents=NONE, location=None, term_start=None, status=MeetingStatus.SCHEDULED) -> MeetingDraft:
    return MeetingDraft(kind=kind, starts_at=start, ends_at=start.replace(hour=start.hour + hours),
                        modality=modality, consents=consents, status=status, location=location,
                        ppt_term_starts_on=term_start)


def rule_of(excinfo) -> str | None:
    return excinfo.value.rule


class TestR3QuarterlyOrdinaryMeetings:
    def test_first_ordinary_meeting_of_a_quarter_is_accepted(self):
        check_meeting(draft(), occupied_quarters={"2026-Q4"})

    def test_second_ordinary_meeting_in_the_same_quarter_is_refused(self):
        with pytest.raises(RuleViolation) as excinfo:
            check_meeting(draft(start=datetime(2027, 1, 5, 10)), occupied_quarters={"2027-Q1"})
        assert rule_of(excinfo) == "R3"
        assert "2027-Q1" in excinfo.value.message

    def test_quarter_is_counted_on_the_local_date(self):
        # 23:30 on 31 March in Tegucigalpa is already 1 April in UTC; the meeting still belongs to Q1.
        late = MeetingDraft(kind=MeetingKind.ORDINARY, starts_at=datetime(2027, 3, 31, 23, 30),
                            ends_at=datetime(2027, 3, 31, 23, 59), modality=Modality.VIRTUAL, consents=Consents())
        assert ordinary_quarter(late) == "2027-Q1"

    def test_extraordinary_and_cancelled_meetings_occupy_no_quarter(self):
        assert ordinary_quarter(draft(kind=MeetingKind.EXTRAORDINARY, consents=ALL)) is None
        assert ordinary_quarter(draft(status=MeetingStatus.CANCELLED)) is None

    def test_extraordinary_meeting_is_allowed_in_a_quarter_with_an_ordinary_one(self):
        check_meeting(draft(kind=MeetingKind.EXTRAORDINARY, consents=ALL), occupied_quarters={"2027-Q1"})


class TestR4InPersonNeedsAllThreeParties:
    @pytest.mark.parametrize("consents", [Consents(True, True, False), Consents(True, None, True),
                                          Consents(False, True, True), Consents()])
    def test_in_person_without_every_yes_is_only_proposed(self, consents):
        proposed = draft(modality=Modality.IN_PERSON, consents=consents, location="San José")
        check_meeting(proposed, set())
        assert settled_status(proposed) is MeetingStatus.PROPOSED

    def test_a_proposed_meeting_cannot_be_held_and_the_refusal_names_the_missing_parties(self):
        proposed = draft(modality=Modality.IN_PERSON, consents=Consents(True, False, None), location="San José",
                         status=MeetingStatus.HELD)
        with pytest.raises(RuleViolation) as excinfo:
            check_may_be_held(proposed, ends_at_utc=datetime(2027, 3, 10, 18, tzinfo=UTC),
                              now=datetime(2027, 4, 1, tzinfo=UTC))
        assert rule_of(excinfo) == "R4"
        assert "st_rrocm, ppt" in excinfo.value.message

    def test_in_person_with_all_three_consents_is_scheduled(self):
        assert settled_status(draft(modality=Modality.IN_PERSON, consents=ALL, location="San José")) \
            is MeetingStatus.SCHEDULED

    def test_in_person_needs_a_location(self):
        with pytest.raises(RuleViolation) as excinfo:
            check_meeting(draft(modality=Modality.IN_PERSON, consents=ALL, location="  "), set())
        assert excinfo.value.field == "location"

    def test_virtual_meetings_need_no_consent(self):
        assert settled_status(draft()) is MeetingStatus.SCHEDULED


class TestHeldFollowsReality:
    def test_a_meeting_is_held_only_after_it_ended(self):
        held = draft(status=MeetingStatus.HELD)
        ends = datetime(2027, 3, 10, 18, tzinfo=UTC)
        with pytest.raises(RuleViolation) as excinfo:
            check_may_be_held(held, ends_at_utc=ends, now=datetime(2027, 3, 10, 17, 59, tzinfo=UTC))
        assert excinfo.value.field == "status"
        check_may_be_held(held, ends_at_utc=ends, now=ends)

    def test_a_cancelled_meeting_frees_its_quarter_only_if_never_held(self):
        assert ordinary_quarter(draft(status=MeetingStatus.CANCELLED)) is None
        assert ordinary_quarter(MeetingDraft(kind=MeetingKind.ORDINARY, starts_at=datetime(2027, 3, 10, 10),
                                             ends_at=datetime(2027, 3, 10, 12), modality=Modality.VIRTUAL,
                                             consents=NONE, status=MeetingStatus.CANCELLED,
                                             ever_held=True)) == "2027-Q1"


class TestR6PrePptMeeting:
    def test_deadline_is_two_calendar_months_before_the_term(self):
        assert pre_ppt_meeting_deadline(date(2027, 12, 1)) == date(2027, 10, 1)

    def test_meeting_exactly_two_months_before_is_accepted(self):
        check_meeting(draft(kind=MeetingKind.PRE_PPT, start=datetime(2027, 10, 1, 9),
                            term_start=date(2027, 12, 1)), set())

    def test_meeting_one_day_later_is_refused(self):
        with pytest.raises(RuleViolation) as excinfo:
            check_meeting(draft(kind=MeetingKind.PRE_PPT, start=datetime(2027, 10, 2, 9),
                                term_start=date(2027, 12, 1)), set())
        assert rule_of(excinfo) == "R6"
        assert "2027-10-01" in excinfo.value.message

    def test_term_starting_on_29_february_has_its_deadline_on_29_december(self):
        assert pre_ppt_meeting_deadline(date(2028, 2, 29)) == date(2027, 12, 29)

    def test_term_starting_on_31_december_has_its_deadline_on_31_october(self):
        assert pre_ppt_meeting_deadline(date(2027, 12, 31)) == date(2027, 10, 31)

    def test_month_end_clamps_when_the_earlier_month_is_shorter(self):
        # 30 April − 2 months = 28 February (2027 is no leap year)
        assert pre_ppt_meeting_deadline(date(2027, 4, 30)) == date(2027, 2, 28)

    def test_pre_ppt_meeting_without_a_term_is_refused(self):
        with pytest.raises(RuleViolation) as excinfo:
            check_meeting(draft(kind=MeetingKind.PRE_PPT), set())
        assert rule_of(excinfo) == "R6"
        assert excinfo.value.field == "ppt_term_id"


class TestR7ExtraordinaryNeedsAllThreeParties:
    def test_extraordinary_without_every_yes_is_only_proposed(self):
        assert settled_status(draft(kind=MeetingKind.EXTRAORDINARY, consents=Consents(True, True, False))) \
            is MeetingStatus.PROPOSED

    def test_extraordinary_with_all_three_consents_is_scheduled(self):
        check_meeting(draft(kind=MeetingKind.EXTRAORDINARY, consents=ALL), set())
        assert settled_status(draft(kind=MeetingKind.EXTRAORDINARY, consents=ALL)) is MeetingStatus.SCHEDULED


def test_meeting_must_end_after_it_starts():
    with pytest.raises(RuleViolation) as excinfo:
        check_meeting(draft(hours=0), set())
    assert excinfo.value.field == "ends_at"


@pytest.mark.parametrize(("status", "due", "overdue"), [
    ("pending", date(2026, 11, 27), True),
    ("in_progress", date(2026, 11, 27), True),
    ("pending", date(2026, 11, 28), False),
    ("done", date(2026, 1, 1), False),
    ("pending", None, False),
])
def test_agreement_is_overdue_only_when_open_and_past_due(status, due, overdue):
    assert agreement_is_overdue(status, due, today=date(2026, 11, 28)) is overdue
