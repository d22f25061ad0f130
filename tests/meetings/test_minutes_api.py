"""Minutes data on a meeting, and agreements listed across meetings."""

from __future__ import annotations

from tests.factories import meeting_body, minutes_body


def make_meeting(client, auth, **changes) -> int:
    return client.post("/api/v1/meetings", json=meeting_body(**changes), headers=auth["st_crm"]).json["id"]


def test_put_minutes_then_get_them_back(client, auth):
    meeting_id = make_meeting(client, auth)
    response = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(), headers=auth["st_crm"])
    assert response.status_code == 200, response.json
    got = client.get(f"/api/v1/meetings/{meeting_id}/minutes", headers=auth["st_rrocm"])
    assert got.json["attendees"][3] == {"name": "John Smith", "country": "BZ", "role": "Observer", "party": None}
    assert got.json["agenda_items"][0]["discussion"] == "Se revisó el avance.\nSegunda línea."
    assert [a["responsible"] for a in got.json["agreements"]] == ["st_crm", "st_rrocm", "ppt"]
    assert got.headers["ETag"] == response.headers["ETag"]


def test_replacing_minutes_needs_the_current_etag(client, auth):
    meeting_id = make_meeting(client, auth)
    first = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(), headers=auth["st_crm"])
    no_etag = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(next_meeting="otra"),
                         headers=auth["st_crm"])
    assert no_etag.status_code == 428
    ok = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(agreements=[]),
                    headers={**auth["st_crm"], "If-Match": first.headers["ETag"]})
    assert ok.status_code == 200
    assert ok.json["agreements"] == []
    stale = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(),
                       headers={**auth["st_crm"], "If-Match": first.headers["ETag"]})
    assert stale.status_code == 412


def test_attendee_needs_a_party_or_a_country_not_both(client, auth):
    meeting_id = make_meeting(client, auth)
    body = minutes_body(attendees=[{"name": "X", "party": "st_crm", "country": "HN"}])
    response = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=body, headers=auth["st_crm"])
    assert response.status_code == 422
    assert "attendees" in response.json["errors"]["json"]


def test_agreement_responsible_must_be_a_party_or_a_country(client, auth):
    meeting_id = make_meeting(client, auth)
    body = minutes_body(agreements=[{"text": "x", "responsible": "nobody"}])
    response = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=body, headers=auth["st_crm"])
    assert response.status_code == 422
    assert "agreements.0.responsible" in response.json["errors"]["json"]


def test_agreements_filter_open_and_overdue_across_meetings(client, auth):
    # today is 2026-11-28 in the tests
    first = make_meeting(client, auth)
    second = make_meeting(client, auth, starts_at="2027-05-10T10:00:00", ends_at="2027-05-10T12:00:00")
    client.put(f"/api/v1/meetings/{first}/minutes", json=minutes_body(), headers=auth["st_crm"])
    client.put(f"/api/v1/meetings/{second}/minutes", headers=auth["st_crm"], json=minutes_body(agreements=[
        {"text": "Informe atrasado", "responsible": "HN", "due_on": "2026-11-27"}]))
    everything = client.get("/api/v1/agreements", headers=auth["st_crm"]).json
    open_ = client.get("/api/v1/agreements?state=open", headers=auth["st_crm"]).json
    overdue = client.get("/api/v1/agreements?state=overdue", headers=auth["st_crm"]).json
    assert len(everything) == 4
    assert {a["text"] for a in open_} == {"Circular el borrador", "Recopilar aportes", "Informe atrasado"}
    assert {a["text"] for a in overdue} == {"Recopilar aportes", "Informe atrasado"}
    assert all(a["overdue"] for a in overdue)
    assert {a["meeting_id"] for a in everything} == {first, second}
