"""Fixtures for the feed tests: a feed secret for a member country, and helpers that go through the API."""

from __future__ import annotations

import pytest

from service.extensions import db
from service.feeds.operations import create_feed_token
from tests.conftest import ACTOR, NOW
from tests.factories import meeting_body

GRCM_BODY = {"title": "XXXI Reunión del GRCM", "starts_at": "2027-06-15T09:00:00", "ends_at": "2027-06-17T17:00:00",
             "timezone": "America/Panama", "location": "Ciudad de Panamá"}


@pytest.fixture(autouse=True)
def _empty_feed_cache(app):
    """Tables are emptied between tests under a clock that stands still, so ids and timestamps repeat and
    with them the fingerprint (in production the clock moves on): start each test with no cached bytes."""
    app.extensions.pop("tripartito.feed_cache", None)


@pytest.fixture
def feed_secret(app) -> str:
    _, secret = create_feed_token(party=None, country="BZ", actor=ACTOR, now=NOW, label="Belize")
    db.session.commit()
    return secret


@pytest.fixture
def feed_url(feed_secret) -> str:
    return f"/calendars/{feed_secret}/tripartito.ics"


def create_meeting(client, auth, **changes) -> dict:
    response = client.post("/api/v1/meetings", json=meeting_body(**changes), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response.json


def create_grcm(client, auth, **changes) -> dict:
    response = client.post("/api/v1/grcm-meetings", json={**GRCM_BODY, **changes}, headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response.json


def patch(client, auth, path: str, etag: str, changes: dict):
    response = client.patch(path, json=changes, headers={**auth["st_crm"], "If-Match": etag})
    assert response.status_code == 200, response.json
    return response
