"""R1: civil society takes part in every CRM space unless a member country expressly asked otherwise."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from service.errors import RuleViolation
from service.participation.rules import EventSummary, Participation, check_participation, participation_counts

EVENT_ON = date(2026, 9, 10)


def members_only(**changes) -> Participation:
    values = {"starts_on": EVENT_ON, "members_only": True, "requested_by": "MX",
              "requested_on": date(2026, 8, 1), "requested_by_is_member": True}
    values.update(changes)
    return Participation(**values)


def test_an_open_event_needs_no_request():
    check_participation(Participation(EVENT_ON, members_only=False, requested_by=None, requested_on=None))


def test_a_members_only_event_requested_by_a_member_country_on_a_date_is_allowed():
    check_participation(members_only())
    check_participation(members_only(requested_on=EVENT_ON))


@pytest.mark.parametrize(("changes", "field"), [
    ({"requested_by": None}, "members_only_requested_by"),
    ({"requested_on": None}, "members_only_requested_on"),
    ({"requested_by": "CO", "requested_by_is_member": False}, "members_only_requested_by"),
    ({"requested_on": date(2026, 9, 11)}, "members_only_requested_on"),
])
def test_a_members_only_event_without_a_proper_request_is_refused_naming_r1(changes, field):
    with pytest.raises(RuleViolation) as refused:
        check_participation(members_only(**changes))
    assert (refused.value.rule, refused.value.field) == ("R1", field)


def test_an_open_event_cannot_carry_a_members_only_request():
    with pytest.raises(RuleViolation) as refused:
        check_participation(Participation(EVENT_ON, members_only=False, requested_by="MX", requested_on=None))
    assert refused.value.rule == "R1"


def test_participation_counts_separate_the_exceptions():
    events = [EventSummary(EVENT_ON, False), EventSummary(EVENT_ON, True), EventSummary(EVENT_ON, False)]
    assert participation_counts(events) == {"total": 3, "open_to_civil_society": 2, "members_only": 1}


def test_a_members_only_request_dated_in_the_future_is_refused_naming_r1():
    today = EVENT_ON - timedelta(days=30)
    with pytest.raises(RuleViolation) as excinfo:
        check_participation(members_only(requested_on=today + timedelta(days=1)), today)
    assert excinfo.value.rule == "R1"
    assert excinfo.value.field == "members_only_requested_on"
    check_participation(members_only(requested_on=today), today)
