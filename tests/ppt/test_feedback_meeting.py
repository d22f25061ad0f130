"""The feedback round is tied to the pre-PPT meeting where it is discussed (issue 11 item 9, R11 with R6)."""

from __future__ import annotations

from datetime import date

from service.ppt.feedback_rules import check_discussion_meeting
from tests.factories import meeting_body, term_body
from tests.followups_factories import feedback_body


def test_only_the_pre_ppt_meeting_of_the_same_term_on_its_own_day_is_accepted():
    ok = {"term_id": 1, "meeting_kind": "pre_ppt", "meeting_term_id": 1, "meeting_status": "scheduled",
          "meeting_day": date(2027, 9, 24), "meeting_on": None}
    assert check_discussion_meeting(**ok) == []
    assert check_discussion_meeting(**{**ok, "meeting_on": ok["meeting_day"]}) == []
    for changes, field in (({"meeting_kind": "ordinary"}, "meeting_id"), ({"meeting_term_id": 2}, "meeting_id"),
                           ({"meeting_status": "cancelled"}, "meeting_id"),
                           ({"meeting_on": date(2027, 9, 25)}, "meeting_on")):
        [(problem_field, _message)] = check_discussion_meeting(**{**ok, **changes})
        assert problem_field == field


def setup(client, auth):
    term = client.post("/api/v1/ppt-terms", json=term_body(), headers=auth["st_crm"]).json
    pre_ppt = client.post("/api/v1/meetings", json=meeting_body(
        kind="pre_ppt", ppt_term_id=term["id"], starts_at="2027-09-24T09:00:00", ends_at="2027-09-24T12:00:00"),
        headers=auth["st_crm"])
    assert pre_ppt.status_code == 201, pre_ppt.json
    return term, pre_ppt.json


def test_the_feedback_names_its_pre_ppt_meeting_and_takes_its_day(client, auth):
    term, meeting = setup(client, auth)
    response = client.put(f"/api/v1/ppt-terms/{term['id']}/feedback", json=feedback_body(meeting_id=meeting["id"]),
                          headers=auth["st_crm"])
    assert response.status_code in (200, 201), response.json
    assert (response.json["meeting_id"], response.json["meeting_on"]) == (meeting["id"], "2027-09-24")


def test_a_meeting_that_is_not_this_terms_pre_ppt_meeting_is_422_naming_r11(client, auth):
    term, _meeting = setup(client, auth)
    ordinary = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"]).json
    response = client.put(f"/api/v1/ppt-terms/{term['id']}/feedback", json=feedback_body(meeting_id=ordinary["id"]),
                          headers=auth["st_crm"])
    assert response.status_code == 422
    assert response.json["rule"] == "R11"
    assert "meeting_id" in response.json["errors"]["json"]
    assert client.get(f"/api/v1/ppt-terms/{term['id']}/feedback", headers=auth["st_crm"]).status_code == 404
