"""An instrument entered by mistake is deleted (issue 11 item 6); one with monitoring entries or listed in an issued
monitoring report stays (409 saying why)."""

from __future__ import annotations

from tests.audit.helpers import log
from tests.followups_factories import entry_body, grcm_meeting, instrument_body

URL = "/api/v1/instruments"


def instrument(client, auth) -> dict:
    response = client.post(URL, json=instrument_body(), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response.json


def test_an_instrument_entered_by_mistake_is_deleted_and_audited(client, auth):
    created = instrument(client, auth)
    assert client.delete(f"{URL}/{created['id']}", headers=auth["BZ"]).status_code == 403
    assert client.delete(f"{URL}/{created['id']}", headers=auth["st_crm"]).status_code == 204
    assert client.get(f"{URL}/{created['id']}", headers=auth["st_crm"]).status_code == 404
    assert log(client, auth, f"instrument:{created['id']}")[-1]["action"] == "instrument.delete"


def test_an_instrument_with_monitoring_entries_stays(client, auth):
    created = instrument(client, auth)
    client.post(f"{URL}/{created['id']}/monitoring", json=entry_body(), headers=auth["st_crm"])
    response = client.delete(f"{URL}/{created['id']}", headers=auth["st_crm"])
    assert response.status_code == 409
    assert "monitoring entries" in response.json["message"]


def test_an_instrument_listed_in_an_issued_report_stays(client, auth, converter):
    created = instrument(client, auth)
    grcm = grcm_meeting(client, auth)
    report = client.post("/api/v1/documents", json={"kind": "monitoring_report", "subject_id": grcm["id"]},
                         headers=auth["st_crm"]).json
    response = client.delete(f"{URL}/{created['id']}", headers=auth["st_crm"])
    assert response.status_code == 409
    assert f"document:{report['id']}" in response.json["message"]
