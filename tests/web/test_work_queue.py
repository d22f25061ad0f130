"""The dashboard's work queue decided from plain values (service.web.work_queue): no Flask, no database."""

from __future__ import annotations

from datetime import date

from service.web.work_queue import (
    TEAM,
    AgreementFacts,
    FailedDeliveryFacts,
    GrcmFacts,
    IncomingTermFacts,
    MeetingFacts,
    QueueFacts,
    RecommendationFacts,
    build_work_queue,
)

TODAY = date(2026, 11, 30)
NO_ANSWERS = {"st_crm": None, "st_rrocm": None, "ppt": None}


def kinds(items) -> list[str]:
    return [item.kind for item in items]


def held(**changes) -> MeetingFacts:
    values = {"id": 1, "title": "Tercera ordinaria", "starts_on": date(2026, 11, 10), "status": "held", "ended": True,
              "consents": NO_ANSWERS}
    return MeetingFacts(**{**values, **changes})


def test_a_proposed_meeting_waits_for_each_party_that_has_not_answered_before_it_starts():
    meeting = held(status="proposed", ended=False, starts_on=date(2026, 12, 10),
                   consents={"st_crm": True, "st_rrocm": None, "ppt": False})
    queue = build_work_queue(QueueFacts(meetings=[meeting]), party="st_rrocm", today=TODAY)
    assert kinds(queue.mine) == ["consent"]
    item = queue.mine[0]
    assert item.waiting_for == ("st_rrocm",)  # ST-CRM said yes, the PPT said no: both answered
    assert item.due_on == date(2026, 12, 9)
    assert (item.action.endpoint, item.action.params, item.action.anchor) == ("web.meeting", {"meeting_id": 1},
                                                                             "consent-panel")
    assert build_work_queue(QueueFacts(meetings=[meeting]), party="st_crm", today=TODAY).mine == []


def test_a_meeting_that_ended_waits_to_be_marked_held_and_for_its_minutes():
    queue = build_work_queue(QueueFacts(meetings=[held(status="scheduled")]), party="st_crm", today=TODAY)
    assert queue.mine == []
    assert kinds(queue.team) == ["mark_held", "record_minutes"]
    assert queue.team[1].action.endpoint == "web.minutes"
    assert queue.team[1].since == date(2026, 11, 10)
    assert queue.team[1].waiting_for == (TEAM,)


def test_minutes_wait_for_the_approvals_missing_then_to_be_issued_then_nothing():
    waiting = held(has_minutes=True, minutes_approved_by=("st_crm",))
    queue = build_work_queue(QueueFacts(meetings=[waiting]), party="ppt", today=TODAY)
    assert kinds(queue.mine) == ["approve_minutes"]
    assert queue.mine[0].waiting_for == ("st_rrocm", "ppt")
    assert queue.mine[0].action.anchor == "approval-panel"
    assert kinds(build_work_queue(QueueFacts(meetings=[waiting]), party="st_crm", today=TODAY).team) == [
        "approve_minutes"]
    approved = held(has_minutes=True, minutes_approved_by=("st_crm", "st_rrocm", "ppt"))
    assert kinds(build_work_queue(QueueFacts(meetings=[approved]), party="ppt", today=TODAY).team) == [
        "issue_minutes"]
    issued = held(has_minutes=True, minutes_approved_by=("st_crm", "st_rrocm", "ppt"), minutes_issued=True)
    assert build_work_queue(QueueFacts(meetings=[issued]), party="ppt", today=TODAY).team == []


def test_cancelled_and_future_meetings_wait_for_nothing():
    facts = QueueFacts(meetings=[held(status="cancelled"), held(status="scheduled", ended=False)])
    queue = build_work_queue(facts, party="st_crm", today=TODAY)
    assert queue.mine == []
    assert queue.team == []


def test_a_draft_recommendation_waits_for_endorsements_then_for_its_submission_by_the_day_before_the_grcm():
    draft = RecommendationFacts(id=7, title="Protección consular", state="draft", endorsed_by=("st_crm",),
                                grcm_title="GRCM Panamá", grcm_starts_on=date(2027, 3, 9))
    queue = build_work_queue(QueueFacts(recommendations=[draft]), party="st_rrocm", today=TODAY)
    assert kinds(queue.mine) == ["endorse"]
    assert queue.mine[0].due_on == date(2027, 3, 8)
    assert queue.mine[0].detail == "GRCM Panamá"
    endorsed = RecommendationFacts(**{**draft.__dict__, "endorsed_by": ("st_crm", "st_rrocm", "ppt")})
    queue = build_work_queue(QueueFacts(recommendations=[endorsed]), party="st_rrocm", today=TODAY)
    assert kinds(queue.team) == ["submit"]
    assert queue.team[0].action.anchor == "transition"


def test_a_submitted_recommendation_waits_for_the_decision_once_the_grcm_has_met():
    submitted = RecommendationFacts(id=7, title="Trata", state="submitted", grcm_starts_on=date(2026, 10, 1))
    assert kinds(build_work_queue(QueueFacts(recommendations=[submitted]), party="ppt", today=TODAY).team) == [
        "record_decision"]
    later = RecommendationFacts(id=8, title="Niñez", state="submitted", grcm_starts_on=date(2027, 3, 9))
    assert build_work_queue(QueueFacts(recommendations=[later]), party="ppt", today=TODAY).team == []


def test_the_monitoring_report_of_each_coming_grcm_is_due_two_months_before_until_issued():
    coming = GrcmFacts(id=3, title="GRCM Panamá", starts_on=date(2027, 3, 9), report_due_on=date(2027, 1, 9))
    queue = build_work_queue(QueueFacts(grcm_meetings=[coming]), party="st_crm", today=TODAY)
    assert kinds(queue.team) == ["monitoring_report"]
    assert queue.team[0].due_on == date(2027, 1, 9)
    assert queue.team[0].days_left(TODAY) == 40
    done = GrcmFacts(**{**coming.__dict__, "report_issued": True})
    cancelled = GrcmFacts(**{**coming.__dict__, "cancelled": True})
    assert build_work_queue(QueueFacts(grcm_meetings=[done, cancelled]), party="st_crm", today=TODAY).team == []


def test_an_overdue_agreement_waits_for_its_responsible_and_a_failed_delivery_for_the_team():
    facts = QueueFacts(
        overdue_agreements=[AgreementFacts(meeting_id=1, meeting_title="Tercera ordinaria", text="Enviar insumos",
                                           responsible="st_rrocm", due_on=date(2026, 11, 20))],
        failed_deliveries=[FailedDeliveryFacts(document_id=4, reference="ET-CRM/2026/MIN-001", country="BZ",
                                               attempted_on=date(2026, 11, 29)),
                           FailedDeliveryFacts(document_id=5, reference="ET-CRM/2026/MIN-002", country="HN",
                                               attempted_on=date(2026, 11, 29), withdrawal_notice=True)])
    queue = build_work_queue(facts, party="st_rrocm", today=TODAY)
    assert kinds(queue.mine) == ["overdue_agreement"]
    assert queue.mine[0].days_left(TODAY) == -10
    assert kinds(queue.team) == ["failed_delivery", "failed_notice"]
    assert queue.team[0].detail == "BZ"


def test_an_incoming_term_without_its_pre_ppt_meeting_waits_for_one_scheduled():
    term = IncomingTermFacts(id=2, country="PA", starts_on=date(2027, 12, 1), pre_ppt_due_on=date(2027, 10, 1),
                             has_pre_ppt_meeting=False)
    queue = build_work_queue(QueueFacts(incoming_terms=[term]), party="ppt", today=TODAY)
    assert kinds(queue.team) == ["pre_ppt_meeting"]
    assert queue.team[0].action.endpoint == "web.meeting_new"
    prepared = IncomingTermFacts(**{**term.__dict__, "has_pre_ppt_meeting": True})
    assert build_work_queue(QueueFacts(incoming_terms=[prepared]), party="ppt", today=TODAY).team == []


def test_items_with_deadlines_come_first_soonest_first_then_the_oldest_work_without_one():
    facts = QueueFacts(
        meetings=[held(id=1, title="Antigua", starts_on=date(2026, 5, 1)),
                  held(id=2, title="Reciente", starts_on=date(2026, 11, 10))],
        grcm_meetings=[GrcmFacts(id=3, title="GRCM", starts_on=date(2027, 3, 9), report_due_on=date(2027, 1, 9))],
        overdue_agreements=[AgreementFacts(meeting_id=1, meeting_title="Antigua", text="Tarde", responsible="PA",
                                           due_on=date(2026, 6, 1))])
    queue = build_work_queue(facts, party="st_crm", today=TODAY)
    assert [item.subject for item in queue.team] == ["Tarde", "GRCM", "Antigua", "Reciente"]
    assert queue.count == 0
