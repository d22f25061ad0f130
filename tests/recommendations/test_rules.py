"""R9 lifecycle, pinned pair by pair: every (from, to) is either in the table or refused naming R9."""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest

from service.errors import RuleViolation
from service.recommendations.rules import (
    FollowUpStatus,
    RecommendationState,
    addressee_name,
    check_editable,
    check_follow_up,
    check_transition,
)

S = RecommendationState
TODAY = date(2026, 11, 28)
GRCM_ON = date(2026, 6, 16)
ALLOWED = {(S.DRAFT, S.SUBMITTED), (S.SUBMITTED, S.APPROVED), (S.SUBMITTED, S.REJECTED)}


def move(current, to, **overrides):
    needs_decision = to in (S.APPROVED, S.REJECTED)
    values = {"has_grcm_meeting": True, "grcm_starts_on": GRCM_ON, "today": TODAY,
              "decision_reference": "CRM/XXXI/2026/03" if needs_decision else None,
              "decided_on": date(2026, 6, 18) if needs_decision else None}
    values.update(overrides)
    check_transition(current, to, **values)


@pytest.mark.parametrize(("current", "to"), sorted(ALLOWED))
def test_lifecycle_allows_exactly_these_moves(current, to):
    move(current, to)


@pytest.mark.parametrize(("current", "to"), sorted(set(product(S, S)) - ALLOWED))
def test_lifecycle_refuses_every_other_move_naming_r9(current, to):
    with pytest.raises(RuleViolation) as refused:
        move(current, to)
    assert refused.value.rule == "R9"
    assert refused.value.field == "to"


def test_submitting_needs_the_grcm_meeting_it_is_presented_at():
    with pytest.raises(RuleViolation) as refused:
        move(S.DRAFT, S.SUBMITTED, has_grcm_meeting=False)
    assert refused.value.field == "grcm_meeting_id"


@pytest.mark.parametrize("to", [S.APPROVED, S.REJECTED])
@pytest.mark.parametrize(("missing", "field"), [("decision_reference", "decision_reference"),
                                                 ("decided_on", "decided_on")])
def test_a_decision_needs_its_reference_and_date(to, missing, field):
    with pytest.raises(RuleViolation) as refused:
        move(S.SUBMITTED, to, **{missing: None})
    assert (refused.value.rule, refused.value.field) == ("R9", field)


def test_a_blank_decision_reference_counts_as_missing():
    with pytest.raises(RuleViolation):
        move(S.SUBMITTED, S.APPROVED, decision_reference="   ")


@pytest.mark.parametrize("decided_on", [date(2026, 6, 15), date(2026, 11, 29)])
def test_a_decision_is_dated_between_the_grcm_meeting_and_today(decided_on):
    with pytest.raises(RuleViolation) as refused:
        move(S.SUBMITTED, S.APPROVED, decided_on=decided_on)
    assert refused.value.field == "decided_on"


def test_a_decision_on_the_first_day_of_the_grcm_meeting_or_today_is_fine():
    move(S.SUBMITTED, S.APPROVED, decided_on=GRCM_ON)
    move(S.SUBMITTED, S.REJECTED, decided_on=TODAY)


def test_submitting_carries_no_decision_reference():
    with pytest.raises(RuleViolation):
        move(S.DRAFT, S.SUBMITTED, decision_reference="CRM/1")


def test_only_drafts_are_editable():
    check_editable(S.DRAFT)
    for state in (S.SUBMITTED, S.APPROVED, S.REJECTED):
        with pytest.raises(RuleViolation) as refused:
            check_editable(state)
        assert refused.value.rule == "R9"


@pytest.mark.parametrize("state", [S.DRAFT, S.SUBMITTED, S.REJECTED])
def test_only_approved_recommendations_take_follow_ups(state):
    with pytest.raises(RuleViolation) as refused:
        check_follow_up(state, TODAY, decided_on=None, today=TODAY)
    assert refused.value.rule == "R9"


def test_a_follow_up_is_dated_between_the_approval_and_today():
    check_follow_up(S.APPROVED, date(2026, 9, 1), decided_on=date(2026, 6, 18), today=TODAY)
    for reported_on in (date(2026, 6, 17), date(2026, 11, 29)):
        with pytest.raises(RuleViolation) as refused:
            check_follow_up(S.APPROVED, reported_on, decided_on=date(2026, 6, 18), today=TODAY)
        assert refused.value.field == "reported_on"


def test_follow_up_statuses_include_not_implemented():
    assert {s.value for s in FollowUpStatus} == {"not_started", "in_progress", "implemented", "not_implemented"}


def test_addressee_is_shown_by_name_in_the_document_language():
    networks = {"consular_protection": ("Red de Protección Consular", "Consular Protection Network")}
    assert addressee_name("viceministerial", "es", networks) == "Reunión Viceministerial de la CRM"
    assert addressee_name("consular_protection", "en", networks) == "Consular Protection Network"


def test_a_submission_needs_the_three_endorsements_and_a_real_date_before_the_meeting():
    from service.recommendations.rules import check_submission, missing_endorsements

    assert missing_endorsements(["ppt"]) == ["st_crm", "st_rrocm"]
    ok = {"submitted_on": date(2026, 5, 29), "grcm_starts_on": date(2026, 6, 16), "grcm_cancelled": False,
          "today": date(2026, 11, 28)}
    check_submission(endorsed_by=["st_crm", "st_rrocm", "ppt"], **ok)
    for endorsed, changes, field in [(["st_crm", "ppt"], {}, "endorsements"),
                                     (["st_crm", "st_rrocm", "ppt"], {"submitted_on": date(2026, 6, 16)},
                                      "submitted_on"),
                                     (["st_crm", "st_rrocm", "ppt"], {"today": date(2026, 5, 28)}, "submitted_on"),
                                     (["st_crm", "st_rrocm", "ppt"], {"grcm_cancelled": True}, "grcm_meeting_id")]:
        with pytest.raises(RuleViolation) as refused:
            check_submission(endorsed_by=endorsed, **{**ok, **changes})
        assert (refused.value.field, refused.value.rule) == (field, "R9")
