"""Reading the audit log in tests: through the API (as a party) and straight from the table."""

from __future__ import annotations

from sqlalchemy import func, select

from service.audit.models import AuditEntry
from service.auth.tokens import principal_for_secret
from service.extensions import db


def log(client, auth, subject: str) -> list[dict]:
    response = client.get("/api/v1/audit", query_string={"subject": subject}, headers=auth["st_rrocm"])
    assert response.status_code == 200, response.json
    return response.json


def only_entry(client, auth, subject: str, action: str) -> dict:
    found = [e for e in log(client, auth, subject) if e["action"] == action]
    assert len(found) == 1, found
    return found[0]


def token_id(headers: dict[str, str]) -> int:
    return principal_for_secret(headers["Authorization"].removeprefix("Bearer ")).token_id


def count() -> int:
    return db.session.scalar(select(func.count(AuditEntry.id)))
