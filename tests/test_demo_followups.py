"""The demo year feeds the monitoring report and recommendations of its June GRCM meeting with every kind of
follow-up record: instruments by network, approved and rejected recommendations, members-only exceptions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from schemas import rendering
from service.demo import load_demo
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.monitoring.report import monitoring_report_context, monitoring_report_data
from service.recommendations.operations import list_recommendations
from tests.conftest import NOW


@pytest.fixture
def june_grcm(app) -> GrcmMeeting:
    load_demo(2026, now=NOW)
    db.session.commit()
    return db.session.scalar(select(GrcmMeeting).order_by(GrcmMeeting.starts_at).limit(1))


def test_the_demo_recommendations_were_submitted_to_the_june_grcm_meeting(june_grcm):
    states = sorted(r.state for r in list_recommendations(grcm_meeting_id=june_grcm.id))
    assert states == ["approved", "approved", "rejected"]
    assert [r.state for r in list_recommendations(state="draft")] == ["draft"]


def test_the_demo_monitoring_report_shows_data_from_every_follow_up_record(june_grcm):
    data = monitoring_report_data(june_grcm.id, date(2026, 11, 28))
    assert data["due_on"] == date(2026, 4, 16)
    assert {g["network"] for g in data["by_network"]} == {"migrant_children", "consular_protection",
                                                           "trafficking_smuggling", None}
    assert any("Niñez y Adolescencia" in i["title"] and i["latest"] for i in data["instruments"])
    # approved at this meeting: their compliance belongs to the next meeting's report (its own period only)
    assert data["recommendations"] == []
    march = db.session.scalars(select(GrcmMeeting).order_by(GrcmMeeting.starts_at)).all()[-1]
    assert [r["status"] for r in monitoring_report_data(march.id, date(2026, 11, 28))["recommendations"]] == [
        "in_progress", "implemented"]
    assert [(e["requested_by_name"], e["requested_on"]) for e in data["exceptions"]] == [
        ("México", date(2026, 4, 20))]
    assert data["participation"]["total"] == 3  # events before the June meeting


def test_the_demo_report_loads_into_the_template_contract_in_both_languages(june_grcm):
    for language in ("es", "en"):
        header = {"reference": "ET-CRM/2026/MON-001", "issued_on": date(2026, 4, 10), "language": language,
                  "ppt_country_name": "Honduras", "title": "Informe"}
        rendering.MonitoringReportContext().load({"header": header,
                                                  **monitoring_report_context(june_grcm.id, language, NOW.date())})


def test_the_demo_feeds_every_follow_up_document_kind_through_its_template_contract(june_grcm):
    from schemas import rendering
    from service.planning.models import WorkPlan
    from service.planning.report import work_plan_context
    from service.ppt.feedback import ppt_feedback_context
    from service.ppt.feedback_models import PptFeedback
    from service.recommendations.report import recommendations_context

    plan_id = db.session.scalar(select(WorkPlan.id))
    term_id = db.session.scalar(select(PptFeedback.ppt_term_id))
    cases = [(rendering.RecommendationsContext, recommendations_context, june_grcm.id),
             (rendering.WorkPlanContext, work_plan_context, plan_id),
             (rendering.PptFeedbackContext, ppt_feedback_context, term_id)]
    for language in ("es", "en"):
        header = {"reference": "ET-CRM/2026/X-001", "issued_on": date(2026, 4, 10), "language": language,
                  "ppt_country_name": "Honduras", "title": "Documento"}
        for schema, build, subject_id in cases:
            loaded = schema().load({"header": header, **build(subject_id, language, NOW.date())})
            assert loaded["header"]["language"] == language
    recommendations = recommendations_context(june_grcm.id, "es", NOW.date())["recommendations"]
    assert [(r["number"], r["state"]) for r in recommendations] == [("1", "approved"), ("2", "approved"),
                                                                     ("3", "rejected")]
    assert recommendations[0]["addressee"] == "Red de Protección Consular"
