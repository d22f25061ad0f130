"""GET /api/v1/audit: the three parties read it, member countries do not; one subject at a time or the whole
log, bounded and paged; nothing edits or deletes it; the command line and the demo are named as the system."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service.audit.models import AuditEntry
from service.demo import load_demo
from service.extensions import db
from tests.audit.helpers import count, log
from tests.conftest import NOW
from tests.factories import meeting_body

URL = "/api/v1/audit"


def two_meetings(client, auth) -> tuple[int, int]:
    first = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"]).json
    second = client.post("/api/v1/meetings", json=meeting_body(kind="extraordinary", title="Extraordinaria",
                                                               consents={"st_crm": True}),
                         headers=auth["st_crm"]).json
    return first["id"], second["id"]


@pytest.mark.parametrize("party", ["st_crm", "st_rrocm", "ppt"])
def test_each_party_reads_the_log(client, auth, party):
    first, _ = two_meetings(client, auth)
    response = client.get(URL, query_string={"subject": f"meeting:{first}"}, headers=auth[party])
    assert response.status_code == 200
    assert [e["action"] for e in response.json] == ["meeting.create"]


def test_member_countries_get_403_and_anonymous_callers_401(client, auth):
    assert client.get(URL, headers=auth["BZ"]).status_code == 403
    assert client.get(URL).status_code == 401


def test_the_subject_filter_returns_only_that_record(client, auth):
    first, second = two_meetings(client, auth)
    assert {e["subject"] for e in log(client, auth, f"meeting:{second}")} == {f"meeting:{second}"}
    assert log(client, auth, f"meeting:{second + 1000}") == []
    assert log(client, auth, f"grcm:{first}") == []


@pytest.mark.parametrize("subject", ["meeting", "meeting:x", "meeting:0", "spaceship:1", "meeting:99999999999"])
def test_a_malformed_subject_is_422_naming_the_field(client, auth, subject):
    response = client.get(URL, query_string={"subject": subject}, headers=auth["st_crm"])
    assert response.status_code == 422
    assert "kind:id" in response.json["errors"]["query"]["subject"][0]


def test_the_whole_log_is_bounded_and_pages_on_with_after_id(client, auth):
    two_meetings(client, auth)
    total = count()  # the fixture's five API tokens and the two meetings
    assert total == 7
    first_page = client.get(URL, query_string={"limit": 4}, headers=auth["st_crm"]).json
    assert len(first_page) == 4
    rest = client.get(URL, query_string={"limit": 4, "after_id": first_page[-1]["id"]}, headers=auth["st_crm"]).json
    assert [e["id"] for e in first_page + rest] == sorted(e["id"] for e in first_page + rest)
    assert len(rest) == total - 4
    assert client.get(URL, query_string={"limit": 501}, headers=auth["st_crm"]).status_code == 422


@pytest.mark.parametrize("method", ["put", "patch", "delete", "post"])
def test_no_route_edits_or_deletes_the_log(client, auth, method):
    first, _ = two_meetings(client, auth)
    before = db.session.scalars(select(AuditEntry.id)).all()
    for url in (URL, f"{URL}?subject=meeting:{first}"):
        assert getattr(client, method)(url, json={"action": "x"}, headers=auth["st_crm"]).status_code == 405
    assert getattr(client, method)(f"{URL}/1", json={"action": "x"}, headers=auth["st_crm"]).status_code == 404
    assert db.session.scalars(select(AuditEntry.id)).all() == before


def test_the_log_is_in_the_openapi_document_with_get_only(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    assert set(paths["/api/v1/audit"]) == {"get"}
    parameters = {p["name"] for p in paths["/api/v1/audit"]["get"]["parameters"]}
    assert {"subject", "after_id", "limit"} <= parameters


def test_the_command_line_is_recorded_as_the_system(app, client, auth):
    result = app.test_cli_runner().invoke(args=["token", "create", "--country", "HN", "--label", "enlace"])
    assert result.exit_code == 0, result.output
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "api_token.create")
                               .order_by(AuditEntry.id.desc())).first()
    assert (entry.actor_system, entry.actor_party, entry.actor_country) == ("cli", None, None)
    assert entry.changes == {"country": [None, "HN"], "label": [None, "enlace"]}


def test_the_demo_is_recorded_as_the_system_on_behalf_of_the_party_that_would_have_acted(app):
    load_demo(2026, now=NOW)
    db.session.commit()
    entries = db.session.scalars(select(AuditEntry)).all()
    assert {e.actor_system for e in entries} == {"demo"}
    approvals = [e for e in entries if e.action == "recommendation.transition"
                 and e.changes["state"][1] in ("approved", "rejected")]
    assert len(approvals) == 3
    assert {e.actor_party for e in approvals} == {"ppt"}
    assert {"meeting.create", "minutes.create", "grcm.create", "ppt_term.create", "instrument.create",
            "monitoring_entry.create", "recommendation.follow_up", "crm_event.create", "work_plan.create",
            "ppt_feedback.create"} <= {e.action for e in entries}
