"""Tokens: parties write, member countries read, no token is 401, revoked tokens stop working."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service.auth.models import ApiToken
from service.auth.tokens import create_api_token, revoke_api_token
from service.errors import RuleViolation
from service.extensions import db
from tests.conftest import ACTOR, NOW
from tests.factories import meeting_body


def test_only_the_hash_of_a_token_is_stored(app):
    token, secret = create_api_token(party="st_crm", country=None, actor=ACTOR, now=NOW)
    stored = db.session.scalar(select(ApiToken).where(ApiToken.id == token.id))
    assert secret not in (stored.token_hash, stored.label or "")
    assert len(stored.token_hash) == 64


@pytest.mark.parametrize(("party", "country"), [(None, None), ("st_crm", "HN"), ("admin", None), (None, "AR"),
                                                (None, "ZZ")])
def test_token_holder_must_be_one_party_or_one_member_country(app, party, country):
    with pytest.raises(RuleViolation):
        create_api_token(party=party, country=country, actor=ACTOR, now=NOW)


def test_no_token_is_401(client):
    response = client.get("/api/v1/meetings")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_unknown_token_is_401(client):
    assert client.get("/api/v1/meetings", headers={"Authorization": "Bearer tpt_nope"}).status_code == 401


def test_member_country_reads_but_cannot_write(client, auth):
    assert client.get("/api/v1/meetings", headers=auth["BZ"]).status_code == 200
    response = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["BZ"])
    assert response.status_code == 403


def test_member_country_cannot_read_minutes_being_written(client, auth):
    meeting = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"]).json
    assert client.get(f"/api/v1/meetings/{meeting['id']}/minutes", headers=auth["HN"]).status_code == 403


@pytest.mark.parametrize("party", ["st_crm", "st_rrocm", "ppt"])
def test_every_party_may_write(client, auth, party):
    assert client.post("/api/v1/meetings", json=meeting_body(), headers=auth[party]).status_code == 201


def test_revoked_token_is_401(client, app):
    token, secret = create_api_token(party="ppt", country="PA", actor=ACTOR, now=NOW)
    db.session.commit()
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/meetings", headers=headers).status_code == 200
    revoke_api_token(token.id, actor=ACTOR, now=NOW)
    db.session.commit()
    assert client.get("/api/v1/meetings", headers=headers).status_code == 401
