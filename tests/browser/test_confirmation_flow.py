"""Issue 14, safe actions in a real browser: cancelling a meeting leads from the edit page's danger zone to a page
that says what happens, takes a reason, and only its button cancels."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from service.accounts.operations import create_user
from service.audit.models import AuditEntry
from service.extensions import db
from service.meetings.models import Meeting
from service.meetings.operations import create_meeting
from tests.browser.test_web_flow import PASSWORD, sign_in
from tests.conftest import ACTOR, NOW

pytestmark = pytest.mark.browser


def test_cancelling_a_meeting_goes_through_its_confirmation_page(context, app):
    create_user(email="ana@crm.example", party="st_crm", country=None, password=PASSWORD, actor=ACTOR, now=NOW,
                name="Ana Rodríguez")
    meeting = create_meeting({"kind": "ordinary", "title": "Segunda reunión ordinaria",
                              "starts_at": datetime(2027, 2, 10, 10), "ends_at": datetime(2027, 2, 10, 12),
                              "timezone": "America/Tegucigalpa", "modality": "virtual"}, actor=ACTOR, now=NOW)
    db.session.commit()
    page = context.new_page()
    sign_in(page, "ana@crm.example")
    page.wait_for_url("**/dashboard")
    page.goto(f"/meetings/{meeting.id}/edit")

    # "Guardar la reunión" saves; cancelling is a link in its own section, to a page of its own.
    assert page.locator(".danger-zone button").count() == 0
    page.locator(".danger-zone").get_by_role("link", name="Cancelar la reunión…").click()
    page.wait_for_url(f"**/meetings/{meeting.id}/cancel")
    assert "2027-Q1" in page.locator(".consequences").inner_text()
    page.get_by_label("Motivo").fill("La PPT propuso otra fecha.")
    page.get_by_role("button", name="Sí, cancelar la reunión").click()
    page.wait_for_url("**/meetings")
    assert "cancelada" in page.locator(".flashes").inner_text()

    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).status == "cancelled"
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "meeting.cancel")).one()
    assert entry.changes["reason"] == [None, "La PPT propuso otra fecha."]
