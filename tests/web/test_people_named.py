"""Consents, approvals and endorsements name the person and their party, not an e-mail address (issue 14)."""

from __future__ import annotations

from service.auth.principals import Principal
from service.extensions import db
from service.meetings.operations import save_minutes
from service.meetings.tripartite import approve_minutes, record_consent
from service.web.people import Answerer, answerer
from tests.conftest import NOW
from tests.factories import minutes_body
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in
from tests.web.test_meeting_forms import _stored
from tests.web.test_record_pages import PAST

NAMES = {"ana@crm.example": "Ana Pérez"}


def test_a_stored_answer_is_read_as_a_person_a_token_or_a_party():
    assert answerer("Ana@CRM.example", "st_crm", NAMES) == Answerer("Ana Pérez", "st_crm")
    assert answerer("nadie@crm.example", "st_crm", NAMES) == Answerer("nadie@crm.example", "st_crm")  # no name
    assert answerer("st_rrocm (token 3)", "st_rrocm", NAMES) == Answerer(None, "st_rrocm", 3)
    assert answerer("ppt", "ppt", NAMES) == Answerer(None, "ppt")
    assert answerer("cli", "st_crm", NAMES) == Answerer(None, "st_crm")
    assert answerer(None, "ppt", NAMES) == Answerer(None, "ppt")


def test_the_meeting_page_names_who_consented_and_who_approved_the_minutes(as_user, users):
    meeting = _stored(consents={"st_crm": True}, **PAST)
    record_consent(meeting.id, True, actor=Principal(party="st_rrocm", user_email=users["st_rrocm"]), now=NOW)
    record_consent(meeting.id, True, actor=Principal(party="ppt", token_id=3), now=NOW)
    db.session.commit()
    meeting.status = "held"
    save_minutes(meeting, {k: v for k, v in minutes_body().items() if k != "agreements"},
                 actor=Principal(party="st_crm"), now=NOW)
    db.session.flush()
    approve_minutes(meeting, meeting.minutes.version, actor=Principal(party="st_rrocm", user_email=users["st_rrocm"]),
                    now=NOW)
    db.session.commit()
    client = as_user("st_crm")
    for path in (f"/meetings/{meeting.id}", f"/meetings/{meeting.id}/edit", f"/meetings/{meeting.id}/minutes"):
        page = client.get(path).get_data(as_text=True)
        assert "@example.org" not in page, path
        assert "Oficial st_rrocm (ST-RROCM)" in page, path
    record = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "aprobada por Oficial st_rrocm (ST-RROCM) el" in record
    assert "PPT, mediante el token de API 3" in record[record.index('id="consent-panel"'):]
    history = record[record.index('id="history"'):]
    assert "Oficial st_rrocm (ST-RROCM)" in history  # the audit entry kept only the address: named by it


def test_the_recommendation_page_names_who_endorsed_it(as_user):
    from tests.web.test_recommendation_pages import stored_recommendation

    recommendation = stored_recommendation()
    client = as_user("st_rrocm")
    path = f"/recommendations/{recommendation.id}"
    response = post_form(client, f"{path}/endorsement", {"etag": etag_in(client.get(path).get_data(as_text=True))},
                         token_from=path)
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(path).get_data(as_text=True)
    assert "Oficial st_rrocm (ST-RROCM)" in page[page.index('id="endorsements"'):]
    assert "st_rrocm@example.org" not in page
