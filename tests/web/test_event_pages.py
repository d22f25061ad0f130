"""CRM event pages (R1): members only needs the requesting member country and the date of its request."""

from __future__ import annotations

import re

from sqlalchemy import select

from service.extensions import db
from service.participation.models import CrmEvent
from service.participation.operations import create_event, update_event
from tests.conftest import ACTOR, NOW
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in
from tests.web.test_meeting_forms import field_block

FORM = {"title": "Taller regional sobre retorno", "kind": "workshop", "starts_on": "2027-03-15",
        "ends_on": "2027-03-16", "location": "San Salvador"}


def test_an_open_event_created_through_the_form(as_user):
    client = as_user("st_crm")
    response = post_form(client, "/crm-events/new", FORM)
    assert response.status_code == 302, response.get_data(as_text=True)
    event = db.session.scalars(select(CrmEvent)).one()
    assert (event.title, event.members_only, event.members_only_requested_by) == (FORM["title"], False, None)
    assert "Participa" in client.get("/crm-events").get_data(as_text=True)


def test_members_only_with_the_request_recorded(as_user):
    client = as_user("st_rrocm")
    form = {**FORM, "members_only": "on", "members_only_requested_by": "MX", "members_only_requested_on": "2026-11-10"}
    assert post_form(client, "/crm-events/new", form).status_code == 302
    event = db.session.scalars(select(CrmEvent)).one()
    assert (event.members_only, event.members_only_requested_by) == (True, "MX")
    assert "Solo países miembros, a petición de MX" in client.get("/crm-events").get_data(as_text=True)


def test_r1_members_only_without_a_requesting_country_is_shown_next_to_it(as_user):
    client = as_user("st_crm")
    form = {**FORM, "title": "Reunión <cerrada> & \"reservada\"", "members_only": "on",
            "members_only_requested_on": "2026-11-10"}
    response = post_form(client, "/crm-events/new", form)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    block = field_block(page, "members_only_requested_by")
    assert "R1" not in block  # the rule's code is for the API, not for people
    assert "elija el país miembro que lo pidió" in block
    assert re.search(r'id="members_only" name="members_only" checked', page)  # input kept
    assert 'value="Reunión &lt;cerrada&gt; &amp; &#34;reservada&#34;"' in page
    assert 'value="2026-11-10"' in page
    assert db.session.scalars(select(CrmEvent)).all() == []


def test_r1_in_english(as_user):
    client = as_user("st_crm")
    client.get("/crm-events/new?lang=en")
    page = post_form(client, "/crm-events/new", {**FORM, "members_only": "on"}).get_data(as_text=True)
    assert "Civil society takes part in all CRM spaces" in field_block(page, "members_only_requested_by")
    assert "Requesting member country" in page


def test_a_stale_edit_says_someone_else_changed_it(as_user):
    event = create_event({**FORM, "starts_on": NOW.date(), "ends_on": None}, actor=ACTOR, now=NOW)
    db.session.commit()
    client = as_user("st_crm")
    path = f"/crm-events/{event.id}/edit"
    page = client.get(path).get_data(as_text=True)
    etag = etag_in(page)
    assert 'value="2026-11-28"' in page
    update_event(event, {"title": "Cambiado por otra persona"}, actor=ACTOR, now=NOW)
    db.session.commit()
    response = post_form(client, path, {**FORM, "title": "Mi cambio", "etag": etag})
    assert response.status_code == 409
    assert "Otra persona cambió este registro" in response.get_data(as_text=True)
    db.session.refresh(event)
    assert event.title == "Cambiado por otra persona"
    response = post_form(client, path, {**FORM, "title": "Mi cambio", "etag": etag_in(client.get(path).get_data(
        as_text=True))})
    assert response.status_code == 302
    db.session.refresh(event)
    assert event.title == "Mi cambio"
