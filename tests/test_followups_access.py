"""The access matrix of the follow-up records: parties write; member countries read what is shared with
them (403 for the team's working data and for every write); no token is 401. One row per endpoint."""

from __future__ import annotations

import pytest

from tests.factories import term_body
from tests.followups_factories import (
    SUBMISSION,
    endorse_by_all,
    entry_body,
    event_body,
    feedback_body,
    grcm_meeting,
    instrument_body,
    recommendation_body,
    work_plan_body,
)


@pytest.fixture
def ids(client, auth) -> dict[str, int]:
    post = lambda url, body: client.post(url, json=body, headers=auth["st_crm"]).json  # noqa: E731
    grcm = grcm_meeting(client, auth)
    shared = post("/api/v1/recommendations", recommendation_body(grcm["id"]))
    endorse_by_all(client, auth, shared["id"])
    post(f"/api/v1/recommendations/{shared['id']}/transitions", SUBMISSION)
    draft = post("/api/v1/recommendations", recommendation_body(None))
    term = post("/api/v1/ppt-terms", term_body())
    client.put(f"/api/v1/ppt-terms/{term['id']}/feedback", json=feedback_body(), headers=auth["st_crm"])
    return {"rec": shared["id"], "draft": draft["id"], "grcm": grcm["id"], "term": term["id"],
            "instrument": post("/api/v1/instruments", instrument_body())["id"],
            "event": post("/api/v1/crm-events", event_body())["id"],
            "plan": post("/api/v1/work-plans", work_plan_body())["id"]}


READ_BY_COUNTRIES = [
    "/api/v1/recommendations", "/api/v1/recommendations/{rec}", "/api/v1/recommendations/{rec}/follow-ups",
    "/api/v1/instruments", "/api/v1/instruments/{instrument}", "/api/v1/crm-events", "/api/v1/crm-events/{event}",
]
TEAM_ONLY_READS = [
    "/api/v1/recommendations/{draft}", "/api/v1/recommendations/{rec}/history",
    "/api/v1/instruments/{instrument}/monitoring", "/api/v1/work-plans", "/api/v1/work-plans/{plan}",
    "/api/v1/ppt-terms/{term}/feedback",
]
WRITES = [
    ("post", "/api/v1/recommendations", lambda ids: recommendation_body(None)),
    ("patch", "/api/v1/recommendations/{draft}", lambda ids: {"title": "Otro"}),
    ("post", "/api/v1/recommendations/{rec}/transitions", lambda ids: {"to": "rejected"}),
    ("post", "/api/v1/recommendations/{rec}/follow-ups",
     lambda ids: {"status": "in_progress", "reported_on": "2026-09-01", "evidence": "x"}),
    ("post", "/api/v1/instruments", lambda ids: instrument_body()),
    ("patch", "/api/v1/instruments/{instrument}", lambda ids: {"title_en": "x"}),
    ("post", "/api/v1/instruments/{instrument}/monitoring", lambda ids: entry_body()),
    ("post", "/api/v1/crm-events", lambda ids: event_body()),
    ("patch", "/api/v1/crm-events/{event}", lambda ids: {"title": "x"}),
    ("post", "/api/v1/work-plans", lambda ids: work_plan_body(year=2028)),
    ("patch", "/api/v1/work-plans/{plan}", lambda ids: {"introduction": "x"}),
    ("put", "/api/v1/ppt-terms/{term}/feedback", lambda ids: feedback_body()),
]


@pytest.mark.parametrize("path", READ_BY_COUNTRIES + TEAM_ONLY_READS)
@pytest.mark.parametrize("role", ["st_crm", "st_rrocm", "ppt"])
def test_parties_read_everything(client, auth, ids, role, path):
    assert client.get(path.format(**ids), headers=auth[role]).status_code == 200


@pytest.mark.parametrize("path", READ_BY_COUNTRIES)
def test_member_countries_read_what_is_shared_with_them(client, auth, ids, path):
    assert client.get(path.format(**ids), headers=auth["BZ"]).status_code == 200


@pytest.mark.parametrize("path", TEAM_ONLY_READS)
def test_member_countries_may_not_read_the_teams_working_data(client, auth, ids, path):
    assert client.get(path.format(**ids), headers=auth["HN"]).status_code == 403


@pytest.mark.parametrize("path", READ_BY_COUNTRIES + TEAM_ONLY_READS)
def test_reading_without_a_token_is_401(client, ids, path):
    assert client.get(path.format(**ids)).status_code == 401


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_member_countries_may_not_write(client, auth, ids, method, path, body):
    response = getattr(client, method)(path.format(**ids), json=body(ids), headers={**auth["BZ"], "If-Match": "*"})
    assert response.status_code == 403


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_writing_without_a_token_is_401(client, ids, method, path, body):
    assert getattr(client, method)(path.format(**ids), json=body(ids)).status_code == 401


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_parties_may_write(client, auth, ids, method, path, body):
    response = getattr(client, method)(path.format(**ids), json=body(ids), headers={**auth["ppt"], "If-Match": "*"})
    # The role lets them in; some writes then meet a rule of the mechanism (a rejection needs its reference).
    assert response.status_code not in (401, 403), response.json
    assert response.status_code < 500
