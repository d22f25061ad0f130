"""The approval panel on the minutes page: each signed-in party approves the version it sees (issue 11)."""

from __future__ import annotations

import re

from service.extensions import db
from service.meetings.operations import save_minutes
from tests.conftest import ACTOR, NOW
from tests.factories import minutes_body
from tests.web.conftest import post_form
from tests.web.test_meeting_forms import _stored


def recorded_minutes():
    meeting = _stored()
    save_minutes(meeting, {k: v for k, v in minutes_body().items() if k != "agreements"}, actor=ACTOR, now=NOW)
    db.session.commit()
    return meeting


def shown_etag(page: str) -> str:
    panel = page[page.index('id="approval-panel"'):]
    return re.search(r'name="etag" value="([^"]+)"', panel).group(1).replace("&#34;", '"')


def test_each_party_approves_from_the_panel_and_the_minutes_become_approved(as_user):
    meeting = recorded_minutes()
    for party in ("st_crm", "st_rrocm", "ppt"):
        client = as_user(party)
        page = client.get(f"/meetings/{meeting.id}/minutes").get_data(as_text=True)
        assert 'id="approve-minutes"' in page
        response = post_form(client, f"/meetings/{meeting.id}/minutes/approve", {"etag": shown_etag(page)},
                             token_from=f"/meetings/{meeting.id}/minutes")
        assert response.status_code == 302
        again = client.get(f"/meetings/{meeting.id}/minutes").get_data(as_text=True)
        assert 'id="approve-minutes"' not in again  # approved once: no second button for this party
    db.session.refresh(meeting.minutes)
    assert meeting.minutes.state == "approved"
    assert meeting.minutes.approved_by == ["st_crm", "st_rrocm", "ppt"]


def test_approving_minutes_that_changed_since_the_page_was_read_is_refused(as_user):
    meeting = recorded_minutes()
    client = as_user("st_rrocm")
    page = client.get(f"/meetings/{meeting.id}/minutes").get_data(as_text=True)
    save_minutes(meeting, {**minutes_body(), "agreements": [], "next_meeting": "Otra"}, actor=ACTOR, now=NOW)
    db.session.commit()
    response = post_form(client, f"/meetings/{meeting.id}/minutes/approve", {"etag": shown_etag(page)},
                         token_from=f"/meetings/{meeting.id}/minutes")
    assert response.status_code == 302
    db.session.refresh(meeting.minutes)
    assert meeting.minutes.approved_by == []
