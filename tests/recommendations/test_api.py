"""Recommendations over HTTP: drafts are edited under If-Match, the lifecycle moves only through
/transitions (422 naming R9, 409 when the state moved meanwhile), and only approved ones take follow-ups."""

from __future__ import annotations

from sqlalchemy import func, select

from service.extensions import db
from service.recommendations.models import Recommendation, RecommendationHistory
from tests.followups_factories import SUBMISSION, endorse_by_all, grcm_meeting, recommendation_body

URL = "/api/v1/recommendations"
APPROVAL = {"to": "approved", "decision_reference": "Declaración XXXI CRM, párr. 7", "decided_on": "2026-06-18"}


def create(client, auth, grcm_id, **changes):
    response = client.post(URL, json=recommendation_body(grcm_id, **changes), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response


def submitted(client, auth):
    grcm = grcm_meeting(client, auth)
    rec = create(client, auth, grcm["id"]).json
    endorse_by_all(client, auth, rec["id"])
    return client.post(f"{URL}/{rec['id']}/transitions", json=SUBMISSION, headers=auth["st_rrocm"]).json


def test_create_answers_201_with_a_draft_as_stored(client, auth):
    grcm = grcm_meeting(client, auth)
    response = create(client, auth, grcm["id"])
    body = response.json
    assert body["state"] == "draft"
    assert body["text"].endswith("\nSegunda línea.")
    assert response.headers["ETag"] == f'"recommendation-{body["id"]}-v1"'
    assert client.get(f"{URL}/{body['id']}", headers=auth["ppt"]).json == body


def test_unknown_addressee_is_422_naming_the_field_and_nothing_is_stored(client, auth):
    response = client.post(URL, json=recommendation_body(None, addressee="nobody"), headers=auth["st_crm"])
    assert response.status_code == 422
    assert "addressee" in response.json["errors"]["json"]
    assert db.session.scalar(select(func.count(Recommendation.id))) == 0


def test_missing_text_is_422_naming_the_field(client, auth):
    body = recommendation_body(None)
    del body["text"]
    response = client.post(URL, json=body, headers=auth["st_crm"])
    assert response.status_code == 422
    assert "text" in response.json["errors"]["json"]


def test_patch_with_a_stale_etag_is_412_and_changes_nothing(client, auth):
    rec = create(client, auth, None).json
    first = client.patch(f"{URL}/{rec['id']}", json={"title": "Nuevo título"},
                         headers={**auth["st_crm"], "If-Match": f'"recommendation-{rec["id"]}-v1"'})
    assert first.status_code == 200
    stale = client.patch(f"{URL}/{rec['id']}", json={"title": "Otro título"},
                         headers={**auth["st_crm"], "If-Match": f'"recommendation-{rec["id"]}-v1"'})
    assert stale.status_code == 412
    assert client.get(f"{URL}/{rec['id']}", headers=auth["st_crm"]).json["title"] == "Nuevo título"


def test_patch_without_if_match_is_428(client, auth):
    rec = create(client, auth, None).json
    assert client.patch(f"{URL}/{rec['id']}", json={"title": "X"}, headers=auth["st_crm"]).status_code == 428


def test_a_submitted_recommendation_can_no_longer_be_edited(client, auth):
    rec = submitted(client, auth)
    response = client.patch(f"{URL}/{rec['id']}", json={"text": "Otro texto"},
                            headers={**auth["st_crm"], "If-Match": "*"})
    assert response.status_code == 422
    assert response.json["rule"] == "R9"


def test_the_lifecycle_runs_draft_submitted_approved_and_the_history_records_each_step(client, auth):
    rec = submitted(client, auth)
    assert rec["state"] == "submitted"
    approved = client.post(f"{URL}/{rec['id']}/transitions", json=APPROVAL, headers=auth["ppt"])
    assert approved.status_code == 200, approved.json
    assert approved.json["decision_reference"] == APPROVAL["decision_reference"]
    assert approved.json["decided_on"] == "2026-06-18"
    steps = client.get(f"{URL}/{rec['id']}/history", headers=auth["st_crm"]).json
    assert [(s["from_state"], s["to_state"], s["actor"]) for s in steps] == [
        (None, "draft", "st_crm"), ("draft", "submitted", "st_rrocm"), ("submitted", "approved", "ppt")]
    assert steps[2]["decision_reference"] == APPROVAL["decision_reference"]


def test_an_illegal_transition_is_422_naming_r9_and_leaves_no_history(client, auth):
    rec = create(client, auth, None).json
    response = client.post(f"{URL}/{rec['id']}/transitions", json=APPROVAL, headers=auth["st_crm"])
    assert response.status_code == 422
    assert response.json["rule"] == "R9"
    assert db.session.scalar(select(func.count(RecommendationHistory.id))) == 1  # only the creation


def test_submitting_without_a_grcm_meeting_is_422_naming_the_field(client, auth):
    rec = create(client, auth, None).json
    response = client.post(f"{URL}/{rec['id']}/transitions", json={"to": "submitted"}, headers=auth["st_crm"])
    assert response.status_code == 422
    assert "grcm_meeting_id" in response.json["errors"]["json"]


def test_a_transition_from_a_state_that_moved_meanwhile_is_409(client, auth):
    rec = submitted(client, auth)
    late = client.post(f"{URL}/{rec['id']}/transitions", json={"to": "submitted", "expected_state": "draft"},
                       headers=auth["st_crm"])
    assert late.status_code == 409
    assert client.get(f"{URL}/{rec['id']}", headers=auth["st_crm"]).json["state"] == "submitted"


def test_a_transition_with_a_stale_if_match_is_409_not_a_decision_the_client_did_not_see(client, auth):
    grcm = grcm_meeting(client, auth)
    rec = create(client, auth, grcm["id"]).json
    endorse_by_all(client, auth, rec["id"])
    client.post(f"{URL}/{rec['id']}/transitions", json=SUBMISSION, headers=auth["st_crm"])
    response = client.post(f"{URL}/{rec['id']}/transitions", json=APPROVAL,
                           headers={**auth["ppt"], "If-Match": f'"recommendation-{rec["id"]}-v1"'})
    assert response.status_code == 409
    assert client.get(f"{URL}/{rec['id']}", headers=auth["st_crm"]).json["state"] == "submitted"


def test_follow_ups_are_taken_only_on_approved_recommendations(client, auth):
    rec = submitted(client, auth)
    follow_up = {"status": "in_progress", "reported_on": "2026-09-01", "evidence": "Tres países designaron."}
    refused = client.post(f"{URL}/{rec['id']}/follow-ups", json=follow_up, headers=auth["st_crm"])
    assert refused.status_code == 422
    assert refused.json["rule"] == "R9"
    client.post(f"{URL}/{rec['id']}/transitions", json=APPROVAL, headers=auth["st_crm"])
    taken = client.post(f"{URL}/{rec['id']}/follow-ups",
                        json={**follow_up, "evidence_url": "https://crmsv.org/informe"}, headers=auth["st_rrocm"])
    assert taken.status_code == 201, taken.json
    assert taken.json["recorded_by"] == "st_rrocm"
    listed = client.get(f"{URL}/{rec['id']}/follow-ups", headers=auth["BZ"]).json
    assert [f["status"] for f in listed] == ["in_progress"]


def test_a_follow_up_with_a_bad_url_is_422_naming_the_field(client, auth):
    rec = submitted(client, auth)
    client.post(f"{URL}/{rec['id']}/transitions", json=APPROVAL, headers=auth["st_crm"])
    response = client.post(f"{URL}/{rec['id']}/follow-ups", headers=auth["st_crm"], json={
        "status": "implemented", "reported_on": "2026-09-01", "evidence": "x", "evidence_url": "javascript:1"})
    assert response.status_code == 422
    assert "evidence_url" in response.json["errors"]["json"]


def test_list_filters_by_grcm_meeting_and_state(client, auth):
    rec = submitted(client, auth)
    create(client, auth, None)
    by_meeting = client.get(f"{URL}?grcm_meeting_id={rec['grcm_meeting_id']}", headers=auth["st_crm"]).json
    assert [r["id"] for r in by_meeting] == [rec["id"]]
    drafts = client.get(f"{URL}?state=draft", headers=auth["st_crm"]).json
    assert [r["state"] for r in drafts] == ["draft"]


def test_member_countries_see_submitted_recommendations_but_not_drafts(client, auth):
    rec = submitted(client, auth)
    draft = create(client, auth, None).json
    listed = client.get(URL, headers=auth["HN"]).json
    assert [r["id"] for r in listed] == [rec["id"]]
    assert client.get(f"{URL}/{rec['id']}", headers=auth["HN"]).status_code == 200
    assert client.get(f"{URL}/{draft['id']}", headers=auth["HN"]).status_code == 403
    assert client.get(f"{URL}?state=draft", headers=auth["HN"]).status_code == 403
    assert client.get(f"{URL}/{rec['id']}/history", headers=auth["HN"]).status_code == 403
