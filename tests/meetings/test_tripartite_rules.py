"""Each party speaks for itself, as plain functions: consents named only by their own party, minutes issued
only held and approved by the three, a meeting with issued minutes not cancelled."""

from __future__ import annotations

import pytest

from service.errors import Conflict, NotPermitted, RuleViolation
from service.meetings.tripartite_rules import (
    check_cancellable,
    check_consenting_party,
    check_minutes_issuable,
    check_own_consents,
    missing_approvals,
)


def test_a_party_may_name_its_own_consent():
    check_own_consents("st_crm", ["st_crm"])


def test_naming_another_partys_consent_is_refused_naming_it():
    with pytest.raises(NotPermitted) as excinfo:
        check_own_consents("st_crm", ["st_crm", "ppt", "st_rrocm"])
    assert "consent of ppt, st_rrocm" in excinfo.value.message


def test_only_the_three_parties_consent():
    with pytest.raises(NotPermitted):
        check_consenting_party(None)
    assert check_consenting_party("ppt") == "ppt"


def test_missing_approvals_in_the_mechanisms_order():
    assert missing_approvals(["ppt"]) == ["st_crm", "st_rrocm"]
    assert missing_approvals(["ppt", "st_crm", "st_rrocm"]) == []


@pytest.mark.parametrize("status", ["proposed", "scheduled", "cancelled"])
def test_minutes_of_a_meeting_not_held_are_not_issued(status):
    with pytest.raises(RuleViolation) as excinfo:
        check_minutes_issuable(status=status, approved_by=["st_crm", "st_rrocm", "ppt"])
    assert status in excinfo.value.message


def test_minutes_not_approved_by_all_three_are_not_issued_naming_the_missing():
    with pytest.raises(RuleViolation) as excinfo:
        check_minutes_issuable(status="held", approved_by=["st_crm"])
    assert "missing from st_rrocm, ppt" in excinfo.value.message
    check_minutes_issuable(status="held", approved_by=["st_crm", "st_rrocm", "ppt"])


def test_a_meeting_with_issued_minutes_is_not_cancelled_naming_them():
    with pytest.raises(Conflict) as excinfo:
        check_cancellable(["ET-CRM/2027/MIN-001"])
    assert "ET-CRM/2027/MIN-001" in excinfo.value.message
    check_cancellable([])
