"""GET never changes state (issue 14): every page of the web application and the portal, opened signed in, leaves
the database exactly as it was — no row added, changed or removed, nothing in the audit log. Reloading a page, a
prefetching browser or a link checker can then never cancel, issue or rotate anything."""

from __future__ import annotations

import hashlib

import pytest
from flask import Flask
from sqlalchemy import func, select, text

from service.audit.models import AuditEntry
from service.demo import load_demo
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Meeting, Minutes
from service.monitoring.models import Instrument
from service.participation.models import CrmEvent
from service.planning.models import WorkPlan
from service.ppt.models import PptTerm
from service.recommendations.models import Recommendation
from tests.conftest import NOW

# Record numbers a route's arguments name, taken from the demo year.
MODELS = {"meeting_id": Meeting, "grcm_id": GrcmMeeting, "recommendation_id": Recommendation, "term_id": PptTerm,
          "event_id": CrmEvent, "instrument_id": Instrument, "plan_id": WorkPlan}


def _database_fingerprint() -> dict[str, str]:
    """Every table's rows, hashed: equal fingerprints mean nothing was written."""
    found = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(select(table).order_by(*table.primary_key.columns)).all()
        found[table.name] = hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()
    found["audit entries"] = str(db.session.scalar(select(func.count(AuditEntry.id))))
    return found


def _first(model: type) -> int:
    return db.session.scalar(select(model.id).order_by(model.id).limit(1))


def _arguments(rule, app: Flask) -> dict | None:
    """Values for the route's arguments from the demo's records, or None if the route needs something else."""
    values: dict = {}
    for name in rule.arguments:
        if name in MODELS:
            values[name] = _first(MODELS[name])
        elif name == "document_id":
            values[name] = db.session.execute(text("select min(id) from issued_documents")).scalar()
        elif name == "kind":
            values[name] = "minutes"
        elif name == "subject_id":
            values[name] = db.session.scalar(select(Minutes.meeting_id).limit(1))
        else:
            return None
        if values[name] is None:
            return None
    return values


def _get_pages(app: Flask) -> list:
    return sorted((rule for rule in app.url_map.iter_rules()
                   if rule.endpoint.split(".")[0] in ("web", "portal") and "GET" in rule.methods),
                  key=lambda rule: rule.rule)


@pytest.fixture
def demo_year(app) -> None:
    load_demo(2026, now=NOW)
    db.session.commit()


@pytest.mark.parametrize("who", ["st_crm", "BZ"])
def test_opening_every_page_signed_in_changes_nothing_in_the_database(app, demo_year, as_user, who):
    client = as_user(who)
    before = _database_fingerprint()
    opened = []
    for rule in _get_pages(app):
        arguments = _arguments(rule, app)
        if arguments is None:
            continue
        with app.test_request_context():
            from flask import url_for

            path = url_for(rule.endpoint, **arguments, language="es")  # the issue confirmation needs one
        response = client.get(path)
        assert response.status_code < 500, (path, response.status_code)
        opened.append(path)
        db.session.rollback()  # read what the request committed, not this session's cache
        assert _database_fingerprint() == before, f"GET {path} changed the database"
    assert len(opened) >= 35 if who == "st_crm" else len(opened) >= 2
