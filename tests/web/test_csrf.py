"""Every form needs its CSRF token; bearer-token API clients and calendar feeds do not."""

from __future__ import annotations

from sqlalchemy import func, select

from service.extensions import db
from service.meetings.models import Meeting
from tests.factories import meeting_body
from tests.web.conftest import PASSWORD
from tests.web.test_meeting_forms import MEETING_FORM


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(as_user):
    client = as_user("st_crm")
    response = client.post("/meetings/new", data=MEETING_FORM)
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert "formulario" in response.get_data(as_text=True)  # explained, in the page's language
    assert db.session.scalar(select(func.count(Meeting.id))) == 0


def test_a_wrong_csrf_token_is_refused(as_user):
    client = as_user("st_crm")
    response = client.post("/meetings/new", data={**MEETING_FORM, "csrf_token": "forged"})
    assert response.status_code == 400


def test_sign_in_and_sign_out_need_the_token_too(client, users):
    assert client.post("/sign-in", data={"email": users["st_crm"], "password": PASSWORD}).status_code == 400
    assert client.post("/sign-out").status_code == 400


def test_the_json_api_is_not_subject_to_csrf(client, auth):
    response = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
