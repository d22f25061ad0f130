"""Moving a PPT term re-checks the meetings that belong to it (issue 11 item 5): a move that would break one
→ 409 listing them by id and rule, nothing saved; meetings take the term in office on their date (item 8)."""

from __future__ import annotations

from tests.factories import meeting_body, term_body


def make_term(client, auth, **changes):
    response = client.post("/api/v1/ppt-terms", json=term_body(**changes), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response


def move(client, auth, term, **changes):
    return client.patch(f"/api/v1/ppt-terms/{term.json['id']}", json=changes,
                        headers={**auth["st_crm"], "If-Match": term.headers["ETag"]})


def test_moving_a_term_start_that_breaks_its_pre_ppt_meeting_is_409_naming_it_and_saves_nothing(client, auth):
    term = make_term(client, auth)  # PA from 2027-12-01: the pre-PPT meeting by 2027-10-01
    pre = client.post("/api/v1/meetings", json=meeting_body(kind="pre_ppt", ppt_term_id=term.json["id"],
                                                            starts_at="2027-09-20T09:00:00",
                                                            ends_at="2027-09-20T11:00:00"), headers=auth["st_crm"])
    assert pre.status_code == 201, pre.json
    response = move(client, auth, term, starts_on="2027-11-01")
    assert response.status_code == 409
    assert response.json["dependents"] == [{"kind": "meeting", "id": pre.json["id"], "rule": "R6"}]
    assert f"meeting {pre.json['id']} (R6)" in response.json["message"]
    assert client.get(f"/api/v1/ppt-terms/{term.json['id']}", headers=auth["st_crm"]).json["starts_on"] == \
        "2027-12-01"
    fine = move(client, auth, term, starts_on="2027-12-15")
    assert fine.status_code == 200, fine.json


def test_meetings_take_the_term_in_office_on_their_date(client, auth):
    term = make_term(client, auth)
    inside = client.post("/api/v1/meetings", json=meeting_body(starts_at="2028-01-10T10:00:00",
                                                               ends_at="2028-01-10T11:00:00"), headers=auth["st_crm"])
    assert inside.json["ppt_term_id"] == term.json["id"]
    outside = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"])
    assert outside.json["ppt_term_id"] is None


def test_an_explicit_term_that_does_not_cover_the_meetings_date_is_422(client, auth):
    term = make_term(client, auth)
    response = client.post("/api/v1/meetings", json=meeting_body(ppt_term_id=term.json["id"]),
                           headers=auth["st_crm"])
    assert response.status_code == 422
    assert "ppt_term_id" in response.json["errors"]["json"]


def test_shortening_a_term_past_one_of_its_meetings_is_409_naming_it(client, auth):
    term = make_term(client, auth)
    meeting = client.post("/api/v1/meetings", json=meeting_body(starts_at="2028-10-10T10:00:00",
                                                                ends_at="2028-10-10T11:00:00"), headers=auth["st_crm"])
    response = move(client, auth, term, ends_on="2028-09-30")
    assert response.status_code == 409
    assert response.json["dependents"] == [{"kind": "meeting", "id": meeting.json["id"], "rule": "ppt_term"}]


def test_a_new_term_adopts_the_meetings_dated_within_it(client, auth):
    meeting = client.post("/api/v1/meetings", json=meeting_body(starts_at="2028-01-10T10:00:00",
                                                                ends_at="2028-01-10T11:00:00"), headers=auth["st_crm"])
    assert meeting.json["ppt_term_id"] is None
    term = make_term(client, auth)
    again = client.get(f"/api/v1/meetings/{meeting.json['id']}", headers=auth["st_crm"]).json
    assert again["ppt_term_id"] == term.json["id"]
