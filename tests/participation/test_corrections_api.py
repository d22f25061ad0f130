"""CRM events (issue 11 item 6): cancelled with a reason and kept; deleted only while no issued report tells of
them (409 naming the documents)."""

from __future__ import annotations

from tests.audit.helpers import log
from tests.followups_factories import event_body, grcm_meeting

URL = "/api/v1/crm-events"


def event(client, auth, **changes) -> dict:
    response = client.post(URL, json=event_body(**changes), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response.json


def test_cancelling_an_event_keeps_it_with_the_reason_and_refuses_later_edits(client, auth):
    created = event(client, auth)
    response = client.post(f"{URL}/{created['id']}/cancel", json={"reason": "Sin quórum."}, headers=auth["ppt"])
    assert response.status_code == 200, response.json
    assert (response.json["cancellation_reason"], response.json["cancelled_at"][:10]) == ("Sin quórum.", "2026-11-28")
    assert client.get(f"{URL}/{created['id']}", headers=auth["BZ"]).json["cancelled_at"] is not None
    etag = client.get(f"{URL}/{created['id']}", headers=auth["st_crm"]).headers["ETag"]
    edit = client.patch(f"{URL}/{created['id']}", json={"title": "Otro"}, headers={**auth["st_crm"], "If-Match": etag})
    assert edit.status_code == 409
    assert client.post(f"{URL}/{created['id']}/cancel", json={}, headers=auth["st_crm"]).status_code == 409
    assert [e["action"] for e in log(client, auth, f"crm_event:{created['id']}")] == ["crm_event.create",
                                                                                     "crm_event.cancel"]


def test_an_event_entered_by_mistake_is_deleted_and_the_audit_log_keeps_it(client, auth):
    created = event(client, auth)
    assert client.delete(f"{URL}/{created['id']}", headers=auth["BZ"]).status_code == 403
    assert client.delete(f"{URL}/{created['id']}", headers=auth["st_rrocm"]).status_code == 204
    assert client.get(f"{URL}/{created['id']}", headers=auth["st_crm"]).status_code == 404
    assert log(client, auth, f"crm_event:{created['id']}")[-1]["action"] == "crm_event.delete"


def test_an_event_an_issued_monitoring_report_tells_of_is_not_deleted(client, auth, converter):
    grcm = grcm_meeting(client, auth)  # 2026-06-16: the report covers 2025-06-16 … 2026-06-15
    reported = event(client, auth, starts_on="2026-03-10")
    later = event(client, auth, starts_on="2026-09-10")
    report = client.post("/api/v1/documents", json={"kind": "monitoring_report", "subject_id": grcm["id"]},
                         headers=auth["st_crm"]).json
    response = client.delete(f"{URL}/{reported['id']}", headers=auth["st_crm"])
    assert response.status_code == 409
    assert f"document:{report['id']}" in response.json["message"]
    assert client.get(f"{URL}/{reported['id']}", headers=auth["st_crm"]).status_code == 200
    assert client.delete(f"{URL}/{later['id']}", headers=auth["st_crm"]).status_code == 204


def test_a_cancelled_event_is_left_out_of_the_monitoring_report(client, auth):
    from datetime import date

    from service.monitoring.report import monitoring_report_data

    grcm = grcm_meeting(client, auth)
    event(client, auth, starts_on="2026-03-10")
    called_off = event(client, auth, title="Cancelado", starts_on="2026-04-10")
    client.post(f"{URL}/{called_off['id']}/cancel", json={}, headers=auth["st_crm"])
    events = monitoring_report_data(grcm["id"], date(2026, 11, 28))["events"]
    assert [e["title"] for e in events] == ["Taller regional sobre trata de personas"]
