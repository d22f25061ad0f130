"""Bad input gets a clear 4xx naming the field, nothing is stored, and the next request works."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from service.extensions import db
from service.meetings.models import Meeting
from tests.factories import meeting_body


def meeting_count() -> int:
    return db.session.scalar(select(func.count(Meeting.id)))


def post(client, auth, body, **kwargs):
    return client.post("/api/v1/meetings", headers=auth["st_crm"], **({"json": body} | kwargs))


@pytest.mark.parametrize(("changes", "field"), [
    ({"title": "Reunión \ud800"}, "title"),
    ({"title": "Línea\x00nula"}, "title"),
    ({"agenda": ["ok", "tab\x0bvertical"]}, "agenda"),
    ({"starts_at": "2026-02-30T10:00:00"}, "starts_at"),
    ({"starts_at": "2027-02-10T10:00:00Z"}, "starts_at"),
    ({"ends_at": "2027-02-10T09:00:00"}, "ends_at"),
    ({"timezone": "America/Ottawa"}, "timezone"),
    ({"timezone": "../../etc/passwd"}, "timezone"),
    ({"starts_at": "2027-03-14T02:30:00", "ends_at": "2027-03-14T04:00:00", "timezone": "America/New_York"},
     "starts_at"),
    ({"starts_at": "2027-11-07T01:30:00", "ends_at": "2027-11-07T03:00:00", "timezone": "America/New_York"},
     "starts_at"),
    ({"kind": "weekly"}, "kind"),
    ({"video_url": "javascript:alert(1)"}, "video_url"),
    ({"video_url": "https://meet.example.org/a\r\nX-INJECT:1"}, "video_url"),
    ({"unexpected": 1}, "unexpected"),
    ({"title": ""}, "title"),
])
def test_invalid_meeting_is_422_naming_the_field_and_stores_nothing(client, auth, changes, field):
    response = post(client, auth, meeting_body(**changes))
    assert response.status_code == 422, response.json
    assert field in str(response.json["errors"]), response.json
    assert meeting_count() == 0
    assert post(client, auth, meeting_body()).status_code == 201


def test_malformed_json_is_400(client, auth):
    response = post(client, auth, None, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.is_json
    assert meeting_count() == 0


def test_body_that_is_not_json_is_415(client, auth):
    response = post(client, auth, None, data="kind=ordinary", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert response.json["code"] == 415


def test_oversize_body_is_413(client, auth, app):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = post(client, auth, meeting_body(title="x" * 2000))
    assert response.status_code == 413
    assert meeting_count() == 0


def test_json_errors_carry_code_status_and_message(client, auth):
    response = client.get("/api/v1/meetings/999", headers=auth["st_crm"])
    assert response.status_code == 404
    assert set(response.json) >= {"code", "status", "message"}


def test_unknown_api_path_is_json_404(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.is_json


@pytest.mark.parametrize(("changes", "field"), [
    ({"ppt_term_id": 2**63}, "ppt_term_id"),
    ({"starts_at": "0001-01-01T10:00:00", "ends_at": "0001-01-01T11:00:00"}, "starts_at"),
    ({"starts_at": "9999-12-31T10:00:00", "ends_at": "9999-12-31T11:00:00"}, "starts_at"),
])
def test_numbers_and_dates_out_of_range_are_422_not_500(client, auth, changes, field):
    response = post(client, auth, meeting_body(**changes))
    assert response.status_code == 422, response.json
    assert field in response.json["errors"]["json"]


def test_a_record_number_too_large_for_the_database_is_404(client, auth):
    assert client.get(f"/api/v1/meetings/{10**30}", headers=auth["st_crm"]).status_code == 404


def test_grcm_meeting_at_the_edge_of_the_calendar_is_refused_cleanly(client, auth):
    response = client.post("/api/v1/grcm-meetings", headers=auth["st_crm"], json={
        "title": "GRCM", "starts_at": "0001-01-01T09:00:00", "ends_at": "2027-06-01T17:00:00",
        "timezone": "America/Panama"})
    assert response.status_code == 422
