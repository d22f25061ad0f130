"""The monitoring report's data for a GRCM meeting (R5): schedule, instruments by network (R10, R12),
compliance of approved recommendations (R9), civil-society participation and its exceptions (R1)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from schemas import rendering
from service.content_translations.rules import without_hints
from service.monitoring.report import CONTEXT_KEYS, monitoring_report_context, monitoring_report_data
from tests.followups_factories import (
    SUBMISSION,
    endorse_by_all,
    entry_body,
    event_body,
    grcm_meeting,
    instrument_body,
    recommendation_body,
)

APPROVAL = {"to": "approved", "decision_reference": "Declaración XXXI CRM, párr. 7", "decided_on": "2026-06-18"}
APPROVAL_2025 = {"to": "approved", "decision_reference": "Declaración XXX CRM, párr. 3", "decided_on": "2025-06-11"}


@pytest.fixture
def recorded(client, auth, clock):
    """Last year's GRCM (June 2025) and this one (June 2026), with what happened in between."""
    clock.at = datetime(2026, 11, 28, 12, tzinfo=UTC)
    last_year = grcm_meeting(client, auth, title="GRCM 2025", starts_at="2025-06-10T09:00:00",
                             ends_at="2025-06-11T17:00:00")
    grcm = grcm_meeting(client, auth)
    post = lambda url, body: client.post(url, json=body, headers=auth["st_crm"]).json  # noqa: E731
    children = post("/api/v1/instruments", instrument_body())
    general = post("/api/v1/instruments", instrument_body(title_es="Guía general", title_en=None, kind="guide",
                                                          adopted_on="2013-06-01", network=None))
    post(f"/api/v1/instruments/{children['id']}/monitoring", entry_body(period="2025-S2"))
    post(f"/api/v1/instruments/{children['id']}/monitoring", entry_body(period="2026-S1", country=None,
                                                                         status="advanced", observations="Regional"))
    post(f"/api/v1/instruments/{children['id']}/monitoring", entry_body(period="2026-S1", country="GT"))
    # Approved in 2025, followed up within the period and after it; another approved only after the period.
    rec = post("/api/v1/recommendations", recommendation_body(last_year["id"]))
    endorse_by_all(client, auth, rec["id"])
    post(f"/api/v1/recommendations/{rec['id']}/transitions", {**SUBMISSION, "submitted_on": "2025-05-29"})
    post(f"/api/v1/recommendations/{rec['id']}/transitions", APPROVAL_2025)
    post(f"/api/v1/recommendations/{rec['id']}/follow-ups",
         {"status": "in_progress", "reported_on": "2026-03-01", "evidence": "Tres países designaron."})
    post(f"/api/v1/recommendations/{rec['id']}/follow-ups",
         {"status": "implemented", "reported_on": "2026-09-01", "evidence": "Todos designaron."})
    later = post("/api/v1/recommendations", recommendation_body(grcm["id"], title="Aprobada en 2026"))
    endorse_by_all(client, auth, later["id"])
    post(f"/api/v1/recommendations/{later['id']}/transitions", SUBMISSION)
    post(f"/api/v1/recommendations/{later['id']}/transitions", APPROVAL)
    post("/api/v1/crm-events", event_body(starts_on="2026-03-10"))
    post("/api/v1/crm-events", event_body(title="Reunión de la Red", starts_on="2026-04-20", members_only=True,
                                          members_only_requested_by="MX", members_only_requested_on="2026-04-01"))
    post("/api/v1/crm-events", event_body(title="Antes del periodo", starts_on="2025-06-01"))
    return {"grcm": grcm, "children": children, "general": general}


def test_report_data_has_the_schedule_of_r5(recorded):
    data = monitoring_report_data(recorded["grcm"]["id"], date(2026, 4, 10))
    assert data["due_on"] == date(2026, 4, 16)
    assert (data["overdue"], data["late"]) == (False, None)
    assert monitoring_report_data(recorded["grcm"]["id"], date(2026, 4, 17))["overdue"] is True
    issued_late = monitoring_report_data(recorded["grcm"]["id"], date(2026, 5, 1), issued_on=date(2026, 4, 20))
    assert (issued_late["overdue"], issued_late["late"]) == (False, True)


def test_report_data_shows_the_latest_regional_monitoring_of_each_instrument_grouped_by_network(recorded):
    data = monitoring_report_data(recorded["grcm"]["id"], date(2026, 4, 10))
    children = data["instruments"][1]
    assert children["latest"]["period"] == "2026-S1"
    assert children["latest"]["country_name"] is None
    assert children["latest"]["summary"] == "Regional"
    assert data["instruments"][0]["latest"] is None  # the guide has no monitoring yet
    assert [g["network"] for g in data["by_network"]] == ["migrant_children", None]
    by_country = data["by_network"][0]["instruments"][0]["by_country"]
    assert [(e["country_name"], e["period"]) for e in by_country] == [
        (None, "2026-S1"), ("Guatemala", "2026-S1"), ("Honduras", "2025-S2")]


def test_report_compliance_covers_only_its_own_period_as_the_follow_ups_stood_then(recorded):
    data = monitoring_report_data(recorded["grcm"]["id"], date(2026, 11, 28))
    # the 2026-09-01 follow-up and the recommendation approved at this GRCM belong to the next report
    assert without_hints(data["recommendations"]) == [{
        "title": "Fortalecer la protección consular", "decision_reference": "Declaración XXX CRM, párr. 3",
        "status": "in_progress", "evidence": "Tres países designaron.", "updated_on": date(2026, 3, 1)}]


def test_report_data_lists_the_events_of_the_period_and_the_members_only_exceptions(recorded):
    data = monitoring_report_data(recorded["grcm"]["id"], date(2026, 11, 28))
    assert data["period"] == {"starts_on": date(2025, 6, 11), "ends_on": date(2026, 6, 15)}
    assert [e["title"] for e in data["events"]] == ["Taller regional sobre trata de personas", "Reunión de la Red"]
    assert without_hints(data["exceptions"]) == [{
        "title": "Reunión de la Red", "starts_on": date(2026, 4, 20), "kind": "workshop", "members_only": True,
        "requested_by_name": "México", "requested_on": date(2026, 4, 1)}]
    assert data["participation"] == {"total": 2, "open_to_civil_society": 1, "members_only": 1}


def test_report_context_loads_into_the_monitoring_report_template_contract(recorded):
    context = monitoring_report_context(recorded["grcm"]["id"], "en", date(2026, 11, 28))
    assert set(context) == set(CONTEXT_KEYS)
    header = {"reference": "ET-CRM/2026/MON-001", "issued_on": date(2026, 4, 1), "language": "en",
              "ppt_country_name": "Honduras", "title": "Monitoring report"}
    loaded = rendering.MonitoringReportContext().load({"header": header, **context})
    # Titles as typed (Spanish); the English one is carried as its translation (content_translations.context_in)
    assert loaded["instruments"][1]["title"].startswith("Lineamientos Regionales")
    assert context["instruments"][1]["known_translations"]["title"]["en"].startswith("Regional Guidelines")
    assert loaded["events"][1]["requested_by_name"] == "Mexico"


def test_report_data_for_an_unknown_grcm_meeting_is_not_found(app):
    from service.errors import NotFound

    with pytest.raises(NotFound):
        monitoring_report_data(999, date(2026, 1, 1))
