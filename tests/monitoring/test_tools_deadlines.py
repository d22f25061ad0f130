"""Deadlines where people look (issue 17): each member country's calendar feed shows its own due dates for the
monitoring tools (all-day, with alarms), and nobody else's feed does."""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar

from service.auth.principals import Principal
from service.extensions import db
from service.feeds.operations import create_feed_token
from tests.conftest import NOW
from tests.monitoring.tools_factories import URL, make_tool


def feed_for(client, **owner) -> Calendar:
    _, secret = create_feed_token(**owner, actor=Principal(party="st_crm"), now=NOW)
    db.session.commit()
    response = client.get(f"/calendars/{secret}/tripartito.ics")
    assert response.status_code == 200
    return Calendar.from_ical(response.data)


def response_deadlines(calendar: Calendar) -> list:
    return [e for e in calendar.walk("VEVENT") if "monitoring-tool-" in str(e["UID"])]


def test_a_country_feed_shows_its_own_response_due_date_all_day_with_alarms(client, auth):
    tool = make_tool(client, auth)
    (event,) = response_deadlines(feed_for(client, party=None, country="HN"))
    assert str(event["UID"]).startswith(f"deadline-monitoring-tool-{tool['id']}-hn@")
    assert event.decoded("DTSTART").isoformat() == "2026-12-15"
    assert not isinstance(event.decoded("DTSTART"), datetime)  # all-day
    assert "cuestionario de monitoreo" in str(event["SUMMARY"])
    assert event.walk("VALARM")
    assert response_deadlines(feed_for(client, party="st_crm", country=None)) == []


def test_a_draft_tool_is_not_in_any_feed_and_a_new_due_date_reaches_the_feed(client, auth):
    tool = make_tool(client, auth, open_it=False)
    assert response_deadlines(feed_for(client, party=None, country="BZ")) == []
    opened = client.post(f"{URL}/{tool['id']}/open", headers=auth["st_crm"])
    moved = client.patch(f"{URL}/{tool['id']}", json={"due_on": "2026-12-20"},
                         headers={**auth["st_crm"], "If-Match": opened.headers["ETag"]})
    assert moved.status_code == 200
    (event,) = response_deadlines(feed_for(client, party=None, country="BZ"))
    assert event.decoded("DTSTART").isoformat() == "2026-12-20"
    assert int(event["SEQUENCE"]) >= 1
