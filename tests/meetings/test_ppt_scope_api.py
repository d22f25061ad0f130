"""A PPT token belongs to its country and acts on the meetings of its own terms (issue 11 item 8)."""

from __future__ import annotations

from service.auth.tokens import create_api_token
from service.extensions import db
from tests.conftest import ACTOR, NOW
from tests.factories import PAST_DATES, meeting_body, minutes_body, term_body


def ppt_of(country: str) -> dict[str, str]:
    _, secret = create_api_token(party="ppt", country=country, actor=ACTOR, now=NOW)
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


def test_another_countrys_ppt_cannot_act_on_a_meeting_of_this_term_403_naming_it(client, auth):
    term = client.post("/api/v1/ppt-terms", json=term_body(country="GT"), headers=auth["st_crm"]).json
    created = client.post("/api/v1/meetings", json=meeting_body(kind="extraordinary", starts_at="2028-01-10T10:00:00",
                                                                ends_at="2028-01-10T11:00:00"), headers=auth["st_crm"])
    assert created.json["ppt_term_id"] == term["id"]
    refused = client.post(f"/api/v1/meetings/{created.json['id']}/consents", json={"consent": True},
                          headers=auth["ppt"])  # the PPT of PA
    assert refused.status_code == 403
    assert f"PPT term {term['id']} of GT" in refused.json["message"]
    guatemala = client.post(f"/api/v1/meetings/{created.json['id']}/consents", json={"consent": True},
                            headers=ppt_of("GT"))
    assert guatemala.status_code == 200
    assert guatemala.json["consents"]["ppt"] is True


def test_another_countrys_ppt_cannot_create_a_meeting_in_this_term(client, auth):
    client.post("/api/v1/ppt-terms", json=term_body(country="GT"), headers=auth["st_crm"])
    response = client.post("/api/v1/meetings", json=meeting_body(starts_at="2028-01-10T10:00:00",
                                                                 ends_at="2028-01-10T11:00:00"), headers=auth["ppt"])
    assert response.status_code == 403
    assert client.get("/api/v1/meetings", headers=auth["st_crm"]).json == []


def test_an_outgoing_ppt_still_approves_the_minutes_of_its_last_meeting(client, auth):
    outgoing = ppt_of("CR")
    client.post("/api/v1/ppt-terms", json=term_body(country="CR", starts_on="2026-06-01", ends_on="2026-11-20"),
                headers=auth["st_crm"])
    client.post("/api/v1/ppt-terms", json=term_body(country="PA", starts_on="2026-11-21", ends_on="2027-05-31"),
                headers=auth["st_crm"])
    created = client.post("/api/v1/meetings", json=meeting_body(**PAST_DATES), headers=auth["st_crm"])
    client.patch(f"/api/v1/meetings/{created.json['id']}", json={"status": "held"},
                 headers={**auth["st_crm"], "If-Match": created.headers["ETag"]})
    saved = client.put(f"/api/v1/meetings/{created.json['id']}/minutes", json=minutes_body(), headers=auth["st_crm"])
    url = f"/api/v1/meetings/{created.json['id']}/minutes/approval"
    assert client.post(url, headers={**outgoing, "If-Match": saved.headers["ETag"]}).status_code == 200
    assert client.post(url, headers={**auth["ppt"], "If-Match": saved.headers["ETag"]}).status_code == 403
