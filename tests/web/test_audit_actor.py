"""The pages pass the signed-in person as the actor: the audit log names their party or country and account."""

from __future__ import annotations

from sqlalchemy import select

from service.accounts.models import UserAccount
from service.audit.models import AuditEntry
from service.extensions import db
from tests.web.conftest import post_form
from tests.web.test_meeting_forms import MEETING_FORM


def account(email: str) -> UserAccount:
    return db.session.scalar(select(UserAccount).where(UserAccount.email == email))


def entries(action: str) -> list[AuditEntry]:
    return list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def test_a_meeting_created_through_the_form_names_the_officer_who_signed_in(as_user, users):
    response = post_form(as_user("st_rrocm"), "/meetings/new", MEETING_FORM)
    assert response.status_code == 302
    [entry] = entries("meeting.create")
    officer = account(users["st_rrocm"])
    assert (entry.actor_party, entry.actor_country, entry.actor_user_id, entry.actor_user_email,
            entry.actor_token_id, entry.actor_system) == ("st_rrocm", None, officer.id, officer.email, None, None)
    assert entry.changes["title"] == [None, "Primera reunión ordinaria"]


def test_a_refused_form_writes_no_entry(as_user):
    response = post_form(as_user("st_crm"), "/meetings/new", {**MEETING_FORM, "modality": "in_person",
                                                              "location": ""})
    assert response.status_code == 422
    assert entries("meeting.create") == []


def test_a_country_official_renewing_the_calendar_address_is_named_for_the_revoke_and_the_create(as_user, users):
    client = as_user("HN")
    post_form(client, "/portal/calendar", {})
    post_form(client, "/portal/calendar", {})
    official = account(users["HN"])
    made = entries("feed_token.create") + entries("feed_token.revoke")
    assert [e.action for e in made] == ["feed_token.create", "feed_token.create", "feed_token.revoke"]
    assert {(e.actor_country, e.actor_user_id, e.actor_party) for e in made} == {("HN", official.id, None)}
    assert made[2].subject_id == made[0].subject_id  # the first address is the one switched off
