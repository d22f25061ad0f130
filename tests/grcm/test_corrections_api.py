"""GRCM meetings (issue 11 items 5, 6): a new date is re-checked against what depends on it (409 listing the
dependents by id and rule, nothing saved); a meeting is cancelled, not deleted, and only when nothing depends on it."""

from __future__ import annotations

from service.extensions import db
from service.grcm.models import GrcmMeeting
from tests.audit.helpers import log
from tests.followups_factories import (
    SUBMISSION,
    endorse_by_all,
    grcm_meeting,
    instrument_on_record,
    recommendation_body,
)

URL = "/api/v1/grcm-meetings"
APPROVAL = {"to": "approved", "decision_reference": "Acta 7", "decided_on": "2026-06-18"}


def etag_of(client, auth, url: str) -> str:
    return client.get(url, headers=auth["st_crm"]).headers["ETag"]


def approved(client, auth, grcm_id: int) -> dict:
    rec = client.post("/api/v1/recommendations", json=recommendation_body(grcm_id), headers=auth["st_crm"]).json
    endorse_by_all(client, auth, rec["id"])
    client.post(f"/api/v1/recommendations/{rec['id']}/transitions", json=SUBMISSION, headers=auth["st_crm"])
    response = client.post(f"/api/v1/recommendations/{rec['id']}/transitions", json=APPROVAL, headers=auth["ppt"])
    assert response.status_code == 200, response.json
    return response.json


def move(client, auth, grcm_id: int, starts_at: str, ends_at: str):
    url = f"{URL}/{grcm_id}"
    return client.patch(url, json={"starts_at": starts_at, "ends_at": ends_at},
                        headers={**auth["st_crm"], "If-Match": etag_of(client, auth, url)})


def test_moving_a_grcm_meeting_after_its_recommendations_decision_is_409_listing_them(client, auth):
    grcm = grcm_meeting(client, auth)
    rec = approved(client, auth, grcm["id"])
    response = move(client, auth, grcm["id"], "2026-07-01T09:00:00", "2026-07-02T17:00:00")
    assert response.status_code == 409
    assert response.json["dependents"] == [{"kind": "recommendation", "id": rec["id"], "rule": "R9",
                                            "message": "decided on 2026-06-18, before the meeting"}]
    assert f"recommendation:{rec['id']}" in response.json["message"]
    db.session.expire_all()
    meeting = db.session.get(GrcmMeeting, grcm["id"])
    assert meeting.starts_at.isoformat() == "2026-06-16T09:00:00"  # nothing saved
    assert [e["action"] for e in log(client, auth, f"grcm:{grcm['id']}")] == ["grcm.create"]


def test_moving_it_earlier_than_a_submission_is_409_naming_r9(client, auth):
    grcm = grcm_meeting(client, auth)
    rec = approved(client, auth, grcm["id"])
    response = move(client, auth, grcm["id"], "2026-05-20T09:00:00", "2026-05-21T17:00:00")
    assert response.status_code == 409
    assert [(d["kind"], d["id"], d["rule"]) for d in response.json["dependents"]] == [
        ("recommendation", rec["id"], "R9")]


def test_a_move_that_keeps_every_dependent_true_is_saved(client, auth):
    grcm = grcm_meeting(client, auth)
    approved(client, auth, grcm["id"])
    response = move(client, auth, grcm["id"], "2026-06-15T09:00:00", "2026-06-18T17:00:00")
    assert response.status_code == 200, response.json
    assert response.json["starts_at"] == "2026-06-15T09:00:00"


def test_moving_it_so_that_an_issued_on_time_report_would_be_late_is_409_naming_r5(client, auth, clock, converter):
    from datetime import UTC, datetime

    instrument_on_record(client, auth)
    grcm = grcm_meeting(client, auth, starts_at="2027-03-09T09:00:00", ends_at="2027-03-10T17:00:00")
    clock.at = datetime(2026, 12, 1, 15, tzinfo=UTC)  # due 2027-01-09: on time
    report = client.post("/api/v1/documents", json={"kind": "monitoring_report", "subject_id": grcm["id"]},
                         headers=auth["st_crm"]).json
    assert report["late"] is False
    response = move(client, auth, grcm["id"], "2027-01-20T09:00:00", "2027-01-21T17:00:00")  # due 2026-11-20
    assert response.status_code == 409
    assert [(d["kind"], d["id"], d["rule"]) for d in response.json["dependents"]] == [("document", report["id"], "R5")]


def test_cancelling_keeps_the_meeting_with_when_and_why_and_is_audited(client, auth):
    grcm = grcm_meeting(client, auth)
    response = client.post(f"{URL}/{grcm['id']}/cancel", json={"reason": "Se trasladó a otra sede."},
                           headers=auth["st_rrocm"])
    assert response.status_code == 200, response.json
    assert response.json["cancelled_at"].startswith("2026-11-28")
    assert response.json["cancellation_reason"] == "Se trasladó a otra sede."
    assert client.get(f"{URL}/{grcm['id']}", headers=auth["BZ"]).json["cancelled_at"] is not None
    assert [e["action"] for e in log(client, auth, f"grcm:{grcm['id']}")] == ["grcm.create", "grcm.cancel"]
    assert client.post(f"{URL}/{grcm['id']}/cancel", json={}, headers=auth["st_crm"]).status_code == 409


def test_cancelling_a_meeting_with_presented_recommendations_is_409_listing_them(client, auth):
    grcm = grcm_meeting(client, auth)
    rec = approved(client, auth, grcm["id"])
    response = client.post(f"{URL}/{grcm['id']}/cancel", json={}, headers=auth["st_crm"])
    assert response.status_code == 409
    assert response.json["dependents"][0]["id"] == rec["id"]
    assert client.get(f"{URL}/{grcm['id']}", headers=auth["st_crm"]).json["cancelled_at"] is None


def test_a_cancelled_meeting_takes_no_submission_and_no_edit(client, auth):
    grcm = grcm_meeting(client, auth)
    rec = client.post("/api/v1/recommendations", json=recommendation_body(grcm["id"]), headers=auth["st_crm"]).json
    client.post(f"{URL}/{grcm['id']}/cancel", json={}, headers=auth["st_crm"])
    endorse_by_all(client, auth, rec["id"])
    refused = client.post(f"/api/v1/recommendations/{rec['id']}/transitions", json=SUBMISSION, headers=auth["st_crm"])
    assert refused.status_code == 422
    assert refused.json["rule"] == "R9"
    assert "cancelled" in refused.json["message"]
    assert move(client, auth, grcm["id"], "2026-06-15T09:00:00", "2026-06-18T17:00:00").status_code == 409


def test_only_the_parties_cancel(client, auth):
    grcm = grcm_meeting(client, auth)
    assert client.post(f"{URL}/{grcm['id']}/cancel", json={}, headers=auth["BZ"]).status_code == 403


def test_a_cancelled_grcm_meeting_shows_cancelled_in_the_calendar_and_sets_no_report_deadline(client, auth):
    from service.feeds.queries import feed_items

    grcm = grcm_meeting(client, auth)
    client.post(f"{URL}/{grcm['id']}/cancel", json={}, headers=auth["st_crm"])
    _meetings, grcm_meetings, deadlines = feed_items("es")
    assert [g.cancelled for g in grcm_meetings] == [True]
    assert not [d for d in deadlines if d.key == f"report-due-grcm-{grcm['id']}"]
