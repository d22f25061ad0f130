"""Meetings over HTTP: the rules answer 422 naming the rule; ETags protect edits; cancelled meetings stay."""

from __future__ import annotations

from tests.factories import meeting_body, term_body


def create(client, auth, **changes):
    return client.post("/api/v1/meetings", json=meeting_body(**changes), headers=auth["st_crm"])


def test_create_answers_201_with_the_meeting_as_stored(client, auth):
    response = create(client, auth)
    assert response.status_code == 201, response.json
    body = response.json
    assert body["id"] > 0
    assert body["status"] == "scheduled"
    assert body["sequence"] == 0
    assert body["starts_at"] == "2027-02-10T10:00:00"
    assert body["starts_at_utc"].startswith("2027-02-10T16:00:00")
    assert body["consents"] == {"st_crm": None, "st_rrocm": None, "ppt": None}
    assert body["consent_records"] == []
    assert response.headers["ETag"]
    fetched = client.get(f"/api/v1/meetings/{body['id']}", headers=auth["BZ"])
    assert fetched.json == body


def test_r3_second_ordinary_meeting_in_a_quarter_is_422_naming_the_rule(client, auth):
    assert create(client, auth).status_code == 201
    response = create(client, auth, starts_at="2027-03-31T23:30:00", ends_at="2027-03-31T23:50:00")
    assert response.status_code == 422
    assert response.json["rule"] == "R3"
    assert "starts_at" in response.json["errors"]["json"]


def test_r3_quarter_is_freed_by_cancelling_the_meeting(client, auth):
    first = create(client, auth).json
    client.post(f"/api/v1/meetings/{first['id']}/cancel", headers=auth["st_crm"])
    assert create(client, auth, starts_at="2027-03-01T10:00:00", ends_at="2027-03-01T11:00:00").status_code == 201


def test_r4_in_person_without_three_consents_is_201_proposed(client, auth):
    response = create(client, auth, modality="in_person", location="San José", consents={"st_crm": True})
    assert response.status_code == 201
    assert response.json["status"] == "proposed"
    assert response.json["consents"] == {"st_crm": True, "st_rrocm": None, "ppt": None}


def test_r6_pre_ppt_meeting_later_than_two_months_before_the_term_is_422(client, auth):
    term = client.post("/api/v1/ppt-terms", json=term_body(), headers=auth["st_crm"]).json
    too_late = create(client, auth, kind="pre_ppt", ppt_term_id=term["id"],
                      starts_at="2027-10-02T09:00:00", ends_at="2027-10-02T12:00:00")
    assert too_late.status_code == 422
    assert too_late.json["rule"] == "R6"
    on_time = create(client, auth, kind="pre_ppt", ppt_term_id=term["id"],
                     starts_at="2027-10-01T09:00:00", ends_at="2027-10-01T12:00:00")
    assert on_time.status_code == 201


def test_r6_pre_ppt_meeting_naming_no_existing_term_is_422(client, auth):
    response = create(client, auth, kind="pre_ppt", ppt_term_id=999)
    assert response.status_code == 422
    assert "ppt_term_id" in response.json["errors"]["json"]


def test_r7_extraordinary_is_proposed_until_the_three_parties_said_yes(client, auth):
    created = create(client, auth, kind="extraordinary", consents={"st_crm": True})
    assert created.status_code == 201
    assert created.json["status"] == "proposed"


def test_patch_with_current_etag_applies_and_bumps_sequence(client, auth):
    created = create(client, auth)
    meeting_id = created.json["id"]
    response = client.patch(f"/api/v1/meetings/{meeting_id}", json={"title": "Reunión reprogramada"},
                            headers={**auth["st_rrocm"], "If-Match": created.headers["ETag"]})
    assert response.status_code == 200, response.json
    assert response.json["title"] == "Reunión reprogramada"
    assert response.json["sequence"] == 1
    assert response.headers["ETag"] != created.headers["ETag"]


def test_patch_with_stale_etag_is_412_and_overwrites_nothing(client, auth):
    created = create(client, auth)
    meeting_id = created.json["id"]
    stale = created.headers["ETag"]
    client.patch(f"/api/v1/meetings/{meeting_id}", json={"title": "Primera edición"},
                 headers={**auth["st_crm"], "If-Match": stale})
    response = client.patch(f"/api/v1/meetings/{meeting_id}", json={"title": "Edición perdida"},
                            headers={**auth["ppt"], "If-Match": stale})
    assert response.status_code == 412
    assert client.get(f"/api/v1/meetings/{meeting_id}", headers=auth["st_crm"]).json["title"] == "Primera edición"


def test_patch_without_if_match_is_428(client, auth):
    meeting_id = create(client, auth).json["id"]
    response = client.patch(f"/api/v1/meetings/{meeting_id}", json={"title": "x"}, headers=auth["st_crm"])
    assert response.status_code == 428


def test_patch_that_breaks_a_rule_is_422_and_keeps_the_meeting(client, auth):
    created = create(client, auth)
    meeting_id = created.json["id"]
    response = client.patch(f"/api/v1/meetings/{meeting_id}", json={"modality": "in_person", "location": " "},
                            headers={**auth["st_crm"], "If-Match": created.headers["ETag"]})
    assert response.status_code == 422
    assert "location" in response.json["errors"]["json"]
    again = client.get(f"/api/v1/meetings/{meeting_id}", headers=auth["st_crm"])
    assert again.json["modality"] == "virtual"
    assert again.json["sequence"] == 0


def test_cancel_keeps_the_meeting_with_status_cancelled_and_a_new_sequence(client, auth):
    meeting_id = create(client, auth).json["id"]
    response = client.post(f"/api/v1/meetings/{meeting_id}/cancel", headers=auth["st_crm"])
    assert response.status_code == 200
    assert response.json["status"] == "cancelled"
    assert response.json["sequence"] == 1
    listed = client.get("/api/v1/meetings", headers=auth["BZ"]).json
    assert [m["status"] for m in listed] == ["cancelled"]


def test_cancelled_meeting_cannot_be_edited(client, auth):
    meeting_id = create(client, auth).json["id"]
    cancelled = client.post(f"/api/v1/meetings/{meeting_id}/cancel", headers=auth["st_crm"])
    response = client.patch(f"/api/v1/meetings/{meeting_id}", json={"title": "x"},
                            headers={**auth["st_crm"], "If-Match": cancelled.headers["ETag"]})
    assert response.status_code == 422


def test_unknown_meeting_is_404(client, auth):
    assert client.get("/api/v1/meetings/4242", headers=auth["st_crm"]).status_code == 404
