"""Corrections on the pages (issue 11): endorsement buttons on a recommendation, withdraw an issued document with a
reason behind a confirmation page, cancel a GRCM meeting or a CRM event with a confirmation."""

from __future__ import annotations

from datetime import date

from service.auth.principals import Principal
from service.documents.models import IssuedDocument
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.participation.models import CrmEvent
from service.participation.operations import create_event
from service.recommendations.models import Recommendation
from service.recommendations.operations import create_recommendation, endorse
from tests.conftest import NOW
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in, stored_grcm, stored_instrument

FORM = {"title": "Protocolo de retorno", "text": "Adoptar el protocolo regional.", "rationale": "Lo pidió la red.",
        "addressee": "viceministerial"}


def test_each_signed_in_party_endorses_with_its_own_button(as_user):
    grcm = stored_grcm()
    rec = create_recommendation({**FORM, "grcm_meeting_id": grcm.id}, actor=Principal(party="st_crm"), now=NOW)
    db.session.commit()
    client = as_user("st_rrocm")
    path = f"/recommendations/{rec.id}"
    page = client.get(path).get_data(as_text=True)
    assert f'action="{path}/endorsement"' in page
    response = post_form(client, f"{path}/endorsement", {"etag": etag_in(page)}, token_from=path)
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    assert [e.party for e in db.session.get(Recommendation, rec.id).endorsements] == ["st_rrocm"]
    assert f'action="{path}/endorsement"' not in client.get(path).get_data(as_text=True)  # done: no button


def test_an_endorsement_of_a_text_edited_meanwhile_is_refused(as_user):
    grcm = stored_grcm()
    rec = create_recommendation({**FORM, "grcm_meeting_id": grcm.id}, actor=Principal(party="st_crm"), now=NOW)
    db.session.commit()
    client = as_user("ppt")
    path = f"/recommendations/{rec.id}"
    stale = etag_in(client.get(path).get_data(as_text=True))
    from service.recommendations.operations import update_recommendation

    update_recommendation(rec, {"title": "Otro título"}, actor=Principal(party="st_crm"), now=NOW)
    db.session.commit()
    response = post_form(client, f"{path}/endorsement", {"etag": stale}, token_from=path)
    assert response.status_code == 409
    db.session.expire_all()
    assert db.session.get(Recommendation, rec.id).endorsements == []


def test_the_submission_form_takes_the_real_date(as_user):
    grcm = stored_grcm()  # 2026-06-10
    rec = create_recommendation({**FORM, "grcm_meeting_id": grcm.id}, actor=Principal(party="st_crm"), now=NOW)
    for party in ("st_crm", "st_rrocm", "ppt"):
        endorse(rec, actor=Principal(party=party), now=NOW)
    db.session.commit()
    client = as_user("st_crm")
    path = f"/recommendations/{rec.id}"
    response = post_form(client, f"{path}/transitions", {"to": "submitted", "expected_state": "draft",
                                                         "submitted_on": "2026-05-20"}, token_from=path)
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Recommendation, rec.id).submitted_on == date(2026, 5, 20)


def test_withdrawing_a_document_asks_for_a_reason_then_marks_it_withdrawn(as_user, client, auth, converter):
    stored_instrument()
    grcm = stored_grcm()
    issued = client.post("/api/v1/documents", json={"kind": "monitoring_report", "subject_id": grcm.id},
                         headers=auth["st_crm"]).json
    page_client = as_user("st_crm")
    path = f"/documents/{issued['id']}/withdraw"
    assert path in page_client.get("/documents").get_data(as_text=True)
    confirm = page_client.get(path)
    assert confirm.status_code == 200
    assert issued["reference"] in confirm.get_data(as_text=True)
    without = post_form(page_client, path, {"reason": ""})
    assert without.status_code == 422
    db.session.expire_all()
    assert db.session.get(IssuedDocument, issued["id"]).withdrawn_at is None
    done = post_form(page_client, path, {"reason": "Cifras equivocadas."})
    assert done.status_code == 302
    db.session.expire_all()
    assert db.session.get(IssuedDocument, issued["id"]).withdrawal_reason == "Cifras equivocadas."


def test_the_portal_shows_a_withdrawn_document_as_withdrawn(as_user, client, auth, converter):
    stored_instrument()
    grcm = stored_grcm()
    issued = client.post("/api/v1/documents", json={"kind": "monitoring_report", "subject_id": grcm.id},
                         headers=auth["st_crm"]).json
    client.post(f"/api/v1/documents/{issued['id']}/withdraw", json={"reason": "Cifras equivocadas."},
                headers=auth["st_crm"])
    page = as_user("BZ").get("/portal").get_data(as_text=True)
    assert "RETIRADO" in page or "WITHDRAWN" in page
    assert "Cifras equivocadas." in page


def test_cancelling_a_grcm_meeting_and_a_crm_event_goes_through_a_confirmation(as_user):
    grcm = stored_grcm()
    event = create_event({"title": "Taller", "kind": "workshop", "starts_on": date(2026, 9, 10)},
                         actor=Principal(party="st_crm"), now=NOW)
    db.session.commit()
    client = as_user("st_rrocm")
    for path, model, ident in ((f"/grcm-meetings/{grcm.id}/cancel", GrcmMeeting, grcm.id),
                               (f"/crm-events/{event.id}/cancel", CrmEvent, event.id)):
        assert client.get(path).status_code == 200
        db.session.expire_all()
        assert db.session.get(model, ident).cancelled_at is None  # looking at the page changes nothing
        assert post_form(client, path, {"reason": "Sin sede."}).status_code == 302
        db.session.expire_all()
        assert db.session.get(model, ident).cancellation_reason == "Sin sede."
        assert post_form(client, path, {"reason": ""}).status_code == 422  # already cancelled: said, not a 500


def test_member_countries_get_no_correction_pages(as_user):
    grcm = stored_grcm()
    client = as_user("BZ")
    assert client.get(f"/grcm-meetings/{grcm.id}/cancel").status_code == 403
