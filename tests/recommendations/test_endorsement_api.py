"""Recommendations as the team (issue 11 item 3): each party endorses the draft for itself (party, by, at), any
edit clears the endorsements, a submission needs all three and carries its real date before the GRCM meeting."""

from __future__ import annotations

from sqlalchemy import func, select

from service.extensions import db
from service.recommendations.models import Recommendation
from tests.audit.helpers import log
from tests.followups_factories import SUBMISSION, endorse_by_all, grcm_meeting, recommendation_body

URL = "/api/v1/recommendations"


def draft(client, auth) -> dict:
    grcm = grcm_meeting(client, auth)
    return client.post(URL, json=recommendation_body(grcm["id"]), headers=auth["st_crm"]).json


def endorse(client, auth, rec_id: int, party: str, **headers):
    return client.post(f"{URL}/{rec_id}/endorsement", headers={**auth[party], **headers})


def submit(client, auth, rec_id: int, body=None):
    return client.post(f"{URL}/{rec_id}/transitions", json=body or SUBMISSION, headers=auth["st_crm"])


def test_each_party_endorses_for_itself_recorded_with_who_and_when(client, auth):
    rec = draft(client, auth)
    response = endorse(client, auth, rec["id"], "st_rrocm")
    assert response.status_code == 200, response.json
    [endorsement] = response.json["endorsements"]
    assert endorsement["party"] == "st_rrocm"
    assert endorsement["by"].startswith("api_token:")
    assert endorsement["at"].startswith("2026-11-28")
    again = endorse(client, auth, rec["id"], "st_rrocm")  # the same party again changes nothing
    assert [e["party"] for e in again.json["endorsements"]] == ["st_rrocm"]


def test_submitting_without_the_three_endorsements_is_422_naming_the_missing_parties(client, auth):
    rec = draft(client, auth)
    endorse(client, auth, rec["id"], "st_crm")
    response = submit(client, auth, rec["id"])
    assert response.status_code == 422
    assert response.json["rule"] == "R9"
    assert "st_rrocm, ppt" in response.json["message"]
    assert client.get(f"{URL}/{rec['id']}", headers=auth["st_crm"]).json["state"] == "draft"


def test_an_edit_clears_the_endorsements(client, auth):
    rec = draft(client, auth)
    endorse_by_all(client, auth, rec["id"])
    etag = client.get(f"{URL}/{rec['id']}", headers=auth["st_crm"]).headers["ETag"]
    edited = client.patch(f"{URL}/{rec['id']}", json={"title": "Otro título"},
                          headers={**auth["st_crm"], "If-Match": etag})
    assert edited.status_code == 200
    assert edited.json["endorsements"] == []
    assert submit(client, auth, rec["id"]).status_code == 422


def test_an_endorsement_of_text_that_changed_since_it_was_read_is_412(client, auth):
    rec = draft(client, auth)
    stale = client.get(f"{URL}/{rec['id']}", headers=auth["st_crm"]).headers["ETag"]
    client.patch(f"{URL}/{rec['id']}", json={"title": "Otro"}, headers={**auth["st_crm"], "If-Match": stale})
    response = endorse(client, auth, rec["id"], "ppt", **{"If-Match": stale})
    assert response.status_code == 412
    assert client.get(f"{URL}/{rec['id']}", headers=auth["st_crm"]).json["endorsements"] == []


def test_only_the_parties_endorse_and_only_drafts(client, auth):
    rec = draft(client, auth)
    assert endorse(client, auth, rec["id"], "BZ").status_code == 403
    endorse_by_all(client, auth, rec["id"])
    assert submit(client, auth, rec["id"]).status_code == 200
    late = endorse(client, auth, rec["id"], "st_crm")
    assert late.status_code == 422
    assert late.json["rule"] == "R9"


def test_the_submission_keeps_its_real_date_and_the_endorsements_it_was_made_with(client, auth):
    rec = draft(client, auth)
    endorse_by_all(client, auth, rec["id"])
    response = submit(client, auth, rec["id"])
    assert response.status_code == 200, response.json
    assert response.json["submitted_on"] == "2026-05-29"
    assert sorted(e["party"] for e in response.json["endorsements"]) == ["ppt", "st_crm", "st_rrocm"]
    [entry] = [e for e in log(client, auth, f"recommendation:{rec['id']}") if e["action"] ==
               "recommendation.transition"]
    assert entry["changes"]["submitted_on"] == [None, "2026-05-29"]
    assert entry["at"].startswith("2026-11-28")  # when it was entered


def test_a_submission_dated_today_after_the_grcm_meeting_is_422_asking_for_the_real_date(client, auth):
    rec = draft(client, auth)  # GRCM on 2026-06-16; today is 2026-11-28
    endorse_by_all(client, auth, rec["id"])
    response = submit(client, auth, rec["id"], {"to": "submitted"})
    assert response.status_code == 422
    assert "submitted_on" in response.json["errors"]["json"]
    on_the_day = submit(client, auth, rec["id"], {**SUBMISSION, "submitted_on": "2026-06-16"})
    assert on_the_day.status_code == 422
    future = submit(client, auth, rec["id"], {**SUBMISSION, "submitted_on": "2026-12-01"})
    assert future.status_code == 422


def test_a_decision_dated_before_the_grcm_meeting_or_in_the_future_is_422(client, auth):
    rec = draft(client, auth)
    endorse_by_all(client, auth, rec["id"])
    submit(client, auth, rec["id"])
    for day in ("2026-06-15", "2026-11-29"):
        response = client.post(f"{URL}/{rec['id']}/transitions", headers=auth["ppt"],
                               json={"to": "approved", "decision_reference": "Acta 7", "decided_on": day})
        assert response.status_code == 422, day
        assert "decided_on" in response.json["errors"]["json"]


def test_a_draft_is_deleted_and_the_audit_log_keeps_what_it_said(client, auth):
    rec = draft(client, auth)
    endorse(client, auth, rec["id"], "st_crm")
    response = client.delete(f"{URL}/{rec['id']}", headers=auth["st_rrocm"])
    assert response.status_code == 204
    assert client.get(f"{URL}/{rec['id']}", headers=auth["st_crm"]).status_code == 404
    entries = log(client, auth, f"recommendation:{rec['id']}")
    assert entries[-1]["action"] == "recommendation.delete"
    assert entries[-1]["changes"]["title"] == [rec["title"], None]


def test_a_submitted_recommendation_is_not_deleted(client, auth):
    rec = draft(client, auth)
    endorse_by_all(client, auth, rec["id"])
    submit(client, auth, rec["id"])
    response = client.delete(f"{URL}/{rec['id']}", headers=auth["st_crm"])
    assert response.status_code == 409
    assert "submitted" in response.json["message"]
    assert db.session.scalar(select(func.count(Recommendation.id))) == 1
    assert client.delete(f"{URL}/{rec['id']}", headers=auth["BZ"]).status_code == 403
