"""Walking every GET page of the web application and the portal with the demo year's records (shared by the
tests that check something of every page)."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select, text

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


@pytest.fixture
def demo_year(app) -> None:
    """The demo year loaded (its records fill in the pages' addresses)."""
    load_demo(2026, now=NOW)
    db.session.commit()


def _first(model: type) -> int:
    return db.session.scalar(select(model.id).order_by(model.id).limit(1))


def route_arguments(rule) -> dict | None:
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


def get_pages(app: Flask) -> list:
    """The GET routes of the web pages and the portal, in address order."""
    return sorted((rule for rule in app.url_map.iter_rules()
                   if rule.endpoint.split(".")[0] in ("web", "portal") and "GET" in rule.methods),
                  key=lambda rule: rule.rule)


def page_paths(app: Flask, **query: str) -> list[str]:
    """The address of every GET page the demo's records can fill in (with `query` added)."""
    from flask import url_for

    paths = []
    for rule in get_pages(app):
        arguments = route_arguments(rule)
        if arguments is None:
            continue
        with app.test_request_context():
            paths.append(url_for(rule.endpoint, **arguments, **query))
    return paths
