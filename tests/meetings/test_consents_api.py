"""Each party answers for itself (issue 11): consents with who and when, `proposed` until all three said yes,
tentative in the calendar, never held before; a "no" is recorded and shown; held only after the meeting ended."""

from __future__ import annotations

from tests.factories import PAST_DATES, meeting_body


def propose(client, auth, who="st_crm", **changes):
    body = meeting_body(kind="extraordinary", **changes)
    return client.post("/api/v1/meetings", json=body, headers=auth[who])


def consent(client, auth, meeting_id, who, answer=True):
    return client.post(f"/api/v1/meetings/{meeting_id}/consents", json={"consent": answer}, headers=auth[who])


def test_each_party_consents_for_itself_and_the_meeting_is_scheduled_after_the_third_yes(client, auth):
    created = propose(client, auth, consents={"st_crm": True})
    assert created.status_code == 201, created.json
    meeting_id = created.json["id"]
    assert created.json["status"] == "proposed"
    assert consent(client, auth, meeting_id, "st_rrocm").json["status"] == "proposed"
    done = consent(client, auth, meeting_id, "ppt")
    assert done.status_code == 200
    assert done.json["status"] == "scheduled"
    assert done.json["consents"] == {"st_crm": True, "st_rrocm": True, "ppt": True}
    records = done.json["consent_records"]
    assert [(r["party"], r["consent"]) for r in records] == [("st_crm", True), ("st_rrocm", True), ("ppt", True)]
    assert all(r["by"] and r["at"].startswith("2026-11-28T12:00:00") for r in records)


def test_naming_another_partys_consent_on_create_is_403_naming_it_and_creates_nothing(client, auth):
    response = propose(client, auth, consents={"st_crm": True, "st_rrocm": True, "ppt": True})
    assert response.status_code == 403
    assert "st_rrocm" in response.json["message"]
    assert "ppt" in response.json["message"]
    assert client.get("/api/v1/meetings", headers=auth["st_crm"]).json == []


def test_naming_another_partys_consent_on_patch_is_403_and_changes_nothing(client, auth):
    created = propose(client, auth)
    response = client.patch(f"/api/v1/meetings/{created.json['id']}", json={"consents": {"ppt": True},
                                                                            "title": "Otro"},
                            headers={**auth["st_rrocm"], "If-Match": created.headers["ETag"]})
    assert response.status_code == 403
    assert "ppt" in response.json["message"]
    again = client.get(f"/api/v1/meetings/{created.json['id']}", headers=auth["st_crm"]).json
    assert again["title"] == created.json["title"]
    assert again["consents"]["ppt"] is None


def test_a_no_is_recorded_and_shown_and_keeps_the_meeting_proposed(client, auth):
    meeting_id = propose(client, auth, consents={"st_crm": True}).json["id"]
    consent(client, auth, meeting_id, "st_rrocm")
    refused = consent(client, auth, meeting_id, "ppt", answer=False)
    assert refused.status_code == 200
    assert refused.json["status"] == "proposed"
    assert refused.json["consents"]["ppt"] is False
    assert {"party": "ppt", "consent": False} .items() <= refused.json["consent_records"][-1].items()


def test_member_countries_cannot_consent(client, auth):
    meeting_id = propose(client, auth).json["id"]
    assert consent(client, auth, meeting_id, "BZ").status_code == 403


def test_consent_to_an_unknown_meeting_is_404(client, auth):
    assert consent(client, auth, 4242, "ppt").status_code == 404


def test_a_consent_is_audited_with_the_party_and_the_status_it_settled(client, auth):
    meeting_id = propose(client, auth, consents={"st_crm": True}).json["id"]
    consent(client, auth, meeting_id, "st_rrocm")
    consent(client, auth, meeting_id, "ppt")
    entries = client.get(f"/api/v1/audit?subject=meeting:{meeting_id}", headers=auth["st_crm"]).json
    consents = [e for e in entries if e["action"] == "meeting.consent"]
    assert len(consents) == 2
    last = max(consents, key=lambda e: e["id"])
    assert last["changes"]["status"] == ["proposed", "scheduled"]


def test_a_proposed_meeting_shows_as_tentative_in_the_calendar(client, auth):
    meeting_id = propose(client, auth, consents={"st_crm": True}).json["id"]
    ics = client.get(f"/api/v1/meetings/{meeting_id}/calendar.ics", headers=auth["BZ"]).get_data(as_text=True)
    assert "STATUS:TENTATIVE" in ics
    consent(client, auth, meeting_id, "st_rrocm")
    consent(client, auth, meeting_id, "ppt")
    ics = client.get(f"/api/v1/meetings/{meeting_id}/calendar.ics", headers=auth["BZ"]).get_data(as_text=True)
    assert "STATUS:CONFIRMED" in ics


def test_a_proposed_meeting_cannot_be_held_even_after_it_ended(client, auth):
    created = propose(client, auth, consents={"st_crm": True}, **PAST_DATES)
    response = client.patch(f"/api/v1/meetings/{created.json['id']}", json={"status": "held"},
                            headers={**auth["st_crm"], "If-Match": created.headers["ETag"]})
    assert response.status_code == 422
    assert response.json["rule"] == "R7"


def test_a_future_meeting_cannot_be_held(client, auth):
    created = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"])
    response = client.patch(f"/api/v1/meetings/{created.json['id']}", json={"status": "held"},
                            headers={**auth["st_crm"], "If-Match": created.headers["ETag"]})
    assert response.status_code == 422
    assert "status" in response.json["errors"]["json"]


def test_a_meeting_that_ended_can_be_held(client, auth):
    created = client.post("/api/v1/meetings", json=meeting_body(**PAST_DATES), headers=auth["st_crm"])
    response = client.patch(f"/api/v1/meetings/{created.json['id']}", json={"status": "held"},
                            headers={**auth["st_crm"], "If-Match": created.headers["ETag"]})
    assert response.status_code == 200, response.json
    assert response.json["status"] == "held"


def test_a_held_meeting_cancelled_keeps_its_quarter(client, auth):
    created = client.post("/api/v1/meetings", json=meeting_body(**PAST_DATES), headers=auth["st_crm"])
    client.patch(f"/api/v1/meetings/{created.json['id']}", json={"status": "held"},
                 headers={**auth["st_crm"], "If-Match": created.headers["ETag"]})
    assert client.post(f"/api/v1/meetings/{created.json['id']}/cancel", headers=auth["st_crm"]).status_code == 200
    second = client.post("/api/v1/meetings", json=meeting_body(starts_at="2026-12-10T10:00:00",
                                                               ends_at="2026-12-10T11:00:00"), headers=auth["st_crm"])
    assert second.status_code == 422
    assert second.json["rule"] == "R3"
