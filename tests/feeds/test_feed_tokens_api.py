"""Feed tokens over the API: writer parties hand them out; the secret is shown once; revoking closes the feed."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from service.extensions import db
from service.feeds.models import FeedToken

ROLES = ["st_crm", "st_rrocm", "ppt", "BZ", None]


def _headers(auth, role):
    return auth[role] if role else {}


@pytest.mark.parametrize(("role", "status"), [("st_crm", 201), ("st_rrocm", 201), ("ppt", 201), ("BZ", 403),
                                              (None, 401)])
def test_only_parties_create_feed_tokens(client, auth, role, status):
    response = client.post("/api/v1/feeds", json={"country": "HN"}, headers=_headers(auth, role))
    assert response.status_code == status


@pytest.mark.parametrize(("role", "status"), [("st_crm", 200), ("ppt", 200), ("HN", 403), (None, 401)])
def test_only_parties_list_and_revoke_feed_tokens(client, auth, role, status):
    token_id = client.post("/api/v1/feeds", json={"party": "ppt"}, headers=auth["st_crm"]).json["id"]
    assert client.get("/api/v1/feeds", headers=_headers(auth, role)).status_code == status
    assert client.post(f"/api/v1/feeds/{token_id}/revoke", headers=_headers(auth, role)).status_code == status


def test_create_returns_the_secret_once_with_subscribe_links(client, auth):
    created = client.post("/api/v1/feeds", json={"country": "bz", "label": "Cancillería de Belice"},
                          headers=auth["st_crm"])
    assert created.status_code == 201
    body = created.json
    assert (body["country"], body["party"], body["label"], body["revoked_at"]) == ("BZ", None,
                                                                                   "Cancillería de Belice", None)
    secret = body["secret"]
    links = body["links"]
    assert links["url"] == f"http://localhost/calendars/{secret}/tripartito.ics"
    assert links["webcal"] == f"webcal://localhost/calendars/{secret}/tripartito.ics"
    google = urlsplit(links["google"])
    assert (google.netloc, google.path) == ("calendar.google.com", "/calendar/r")
    assert parse_qs(google.query)["cid"] == [links["webcal"]]
    assert client.get(urlsplit(links["url"]).path).status_code == 200

    listed = client.get("/api/v1/feeds", headers=auth["st_crm"]).json
    assert [item["id"] for item in listed] == [body["id"]]
    assert "secret" not in listed[0]
    assert "links" not in listed[0]
    stored = db.session.scalar(select(FeedToken))
    assert stored.token_hash == hashlib.sha256(secret.encode()).hexdigest()


def test_revoking_closes_the_feed_and_is_recorded(client, auth):
    body = client.post("/api/v1/feeds", json={"party": "st_rrocm"}, headers=auth["st_crm"]).json
    revoked = client.post(f"/api/v1/feeds/{body['id']}/revoke", headers=auth["ppt"])
    assert revoked.status_code == 200
    assert revoked.json["revoked_at"] is not None
    assert client.get(f"/calendars/{body['secret']}/tripartito.ics").status_code == 404


def test_revoking_an_unknown_feed_token_is_404(client, auth):
    assert client.post("/api/v1/feeds/999/revoke", headers=auth["st_crm"]).status_code == 404


@pytest.mark.parametrize(("body", "field"), [
    ({}, "party"),
    ({"party": "st_crm", "country": "BZ"}, "party"),
    ({"party": "minister"}, "party"),
    ({"country": "AR"}, "country"),  # an observer, not a member country
    ({"country": "ZZ"}, "country"),
])  # fmt: skip
def test_a_feed_belongs_to_exactly_one_party_or_member_country(client, auth, body, field):
    response = client.post("/api/v1/feeds", json=body, headers=auth["st_crm"])
    assert response.status_code == 422
    assert field in response.json["errors"]["json"]
