"""Safe actions (issue 14): every action with lasting effect asks first on a page that says exactly what will
happen — which document, which language, which countries receive it, which other documents the dossier issues —
records a reason where one is due, and sits apart from "Save"."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from service.audit.models import AuditEntry
from service.extensions import db
from service.meetings.models import Meeting
from tests.conftest import NOW
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in, stored_grcm, stored_instrument
from tests.web.test_meeting_forms import _stored
from tests.web.test_minutes_approval_page import recorded_minutes
from tests.web.test_recommendation_pages import stored_recommendation


def test_issuing_minutes_of_a_meeting_not_yet_held_warns_and_offers_no_button(as_user):
    meeting = recorded_minutes()  # February 2027: still to come
    client = as_user("st_crm")
    minutes_page = client.get(f"/meetings/{meeting.id}/minutes").get_data(as_text=True)
    assert "Esta reunión no se ha realizado" in minutes_page
    assert f'href="/documents/minutes/{meeting.id}/issue?language=es"' in minutes_page
    confirm = client.get(f"/documents/minutes/{meeting.id}/issue?language=es").get_data(as_text=True)
    assert "Advertencia" in confirm
    assert "reunión celebrada; esta está en estado programada" in confirm  # the rule's message, state by its label
    assert 'id="confirm"' not in confirm


def test_the_issue_confirmation_names_the_language_the_version_and_every_receiving_country(as_user):
    grcm = stored_grcm()
    client = as_user("st_crm")
    page = client.get(f"/documents/recommendations/{grcm.id}/issue?language=en").get_data(as_text=True)
    assert "Recomendaciones — GRCM Ciudad de Panamá" in page
    assert "Emitir en inglés y enviar" in page
    assert "por primera vez" in page
    assert "BZ · Belice" in page
    assert "PA · Panamá" in page
    assert "11 países miembros" in page
    assert f'action="/documents/recommendations/{grcm.id}/issue"' in page
    assert 'name="language" value="en"' in page
    assert 'name="reason"' not in page  # issuing needs no reason


def test_a_document_kept_in_the_register_says_it_is_not_sent(as_user):
    from tests.web.followup_helpers import stored_term

    term = stored_term()
    page = as_user("st_crm").get(f"/documents/ppt_feedback/{term.id}/issue?language=es").get_data(as_text=True)
    assert "No se envía a los países miembros." in page


def test_the_dossier_confirmation_lists_the_documents_it_issues_and_sends_with_it(as_user):
    stored_instrument()
    grcm = stored_grcm()
    recommendation = stored_recommendation(grcm_meeting_id=grcm.id)
    recommendation.state = "approved"
    db.session.commit()
    page = as_user("st_rrocm").get(f"/documents/dossier/{grcm.id}/issue?language=es").get_data(as_text=True)
    included = page[page.index("Junto con el expediente"):page.index("Se dejan fuera")]
    assert "Informe de monitoreo: GRCM Ciudad de Panamá" in included
    assert "Recomendaciones: GRCM Ciudad de Panamá" in included
    left_out = page[page.index("Se dejan fuera"):]
    assert "nota conceptual de la PPT entrante" in left_out
    assert "11 países miembros" in page


def test_an_unknown_subject_or_language_has_no_confirmation_page(as_user):
    client = as_user("st_crm")
    assert client.get("/documents/minutes/999/issue?language=es").status_code == 404
    grcm = stored_grcm()
    assert client.get(f"/documents/dossier/{grcm.id}/issue?language=fr").status_code == 404


def test_cancel_sits_in_its_own_danger_zone_apart_from_save(as_user):
    meeting = _stored()
    page = as_user("st_crm").get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
    form_end = page.index("</form>", page.index('name="title"'))
    zone = page.index('class="danger-zone"')
    assert zone > form_end  # not under the save button, inside the form
    assert f'href="/meetings/{meeting.id}/cancel"' in page[zone:]
    assert "Cancelar la reunión…" in page[zone:]


def test_cancelling_a_meeting_says_what_happens_and_keeps_the_reason_in_its_history(as_user):
    meeting = _stored()
    client = as_user("st_rrocm")
    path = f"/meetings/{meeting.id}/cancel"
    page = client.get(path).get_data(as_text=True)
    assert "2027-Q1" in page  # its quarter becomes free
    assert 'name="reason"' in page
    response = post_form(client, path, {"etag": etag_in(page), "reason": "La PPT pidió otra fecha."})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).status == "cancelled"
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "meeting.cancel")).one()
    assert entry.changes["reason"] == [None, "La PPT pidió otra fecha."]
    assert entry.actor_party == "st_rrocm"


def test_a_meeting_whose_minutes_went_out_cannot_be_cancelled_from_its_page(as_user, monkeypatch):
    from service.web import views_meetings

    meeting = _stored()
    monkeypatch.setattr(views_meetings, "issued_minutes_references", lambda _id: ["ET-CRM/2027/MIN-001"])
    page = as_user("st_crm").get(f"/meetings/{meeting.id}/cancel").get_data(as_text=True)
    assert "ET-CRM/2027/MIN-001" in page
    assert 'id="confirm"' not in page


def test_a_meeting_that_has_ended_is_marked_held_with_a_button(as_user):
    past = _stored(starts_at=datetime(2026, 11, 2, 10), ends_at=datetime(2026, 11, 2, 12))
    future = _stored(starts_at=datetime(2027, 2, 2, 10), ends_at=datetime(2027, 2, 2, 12))
    client = as_user("st_crm")
    assert 'id="mark-held"' not in client.get(f"/meetings/{future.id}/edit").get_data(as_text=True)
    page = client.get(f"/meetings/{past.id}/edit").get_data(as_text=True)
    assert 'id="mark-held"' in page
    response = post_form(client, f"/meetings/{past.id}/held", {"etag": etag_in(page)},
                         token_from=f"/meetings/{past.id}/edit")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, past.id).status == "held"


def test_a_future_meeting_sent_to_held_anyway_is_refused_with_the_rule(as_user):
    future = _stored()
    client = as_user("st_crm")
    page = client.get(f"/meetings/{future.id}/edit").get_data(as_text=True)
    post_form(client, f"/meetings/{future.id}/held", {"etag": etag_in(page)}, token_from=f"/meetings/{future.id}/edit")
    db.session.expire_all()
    assert db.session.get(Meeting, future.id).status == "scheduled"



# Human messages (issue 14 item 5) -------------------------------------------------------------------------------

def test_the_error_summary_names_each_field(as_user):
    from tests.web.test_meeting_forms import MEETING_FORM

    response = post_form(as_user("st_crm"), "/meetings/new", {**MEETING_FORM, "title": "", "timezone": "",
                                                              "starts_at": ""})
    summary = response.get_data(as_text=True).split('id="error-summary"')[1].split("</div>")[0]
    assert "Título: Este campo es obligatorio." in summary
    assert "Zona horaria: " in summary
    assert "Inicio: " in summary or "Empieza: " in summary


def test_a_problem_in_a_repeated_row_names_the_row(as_user):
    meeting = _stored()
    client = as_user("st_crm")
    path = f"/meetings/{meeting.id}/minutes"
    response = post_form(client, path, {"language": "es", "agreements-0-text": "Circular el informe",
                                        "agreements-0-responsible": "st_crm", "agreements-0-due_on": "2027-03-01",
                                        "agreements-1-text": "Confirmar la sede", "agreements-1-due_on": "2027-03-01"})
    assert response.status_code == 422
    summary = response.get_data(as_text=True).split('id="error-summary"')[1].split("</div>")[0]
    assert "Acuerdo 2, Responsable: " in summary


def test_a_bad_period_gets_a_format_hint_not_a_length_rule(as_user):
    from marshmallow import ValidationError

    from schemas.monitoring import PERIOD_FORMAT, MonitoringEntrySchema
    from service.web.forms import FieldErrors

    with pytest.raises(ValidationError) as refused:
        MonitoringEntrySchema().load({"period": "26", "status": "partial"})
    assert refused.value.messages["period"] == [PERIOD_FORMAT]
    with as_user("st_crm").application.test_request_context("/"):
        shown = FieldErrors.from_validation(refused.value).get("period")
    assert shown == ["Use la forma 2026 (un año), 2026-S1 (año y semestre) o 2026-Q3 (año y trimestre)."]


def test_only_the_moves_the_lifecycle_allows_are_offered_as_buttons(as_user):
    from service.auth.principals import Principal
    from service.recommendations.operations import endorse

    grcm = stored_grcm()
    recommendation = stored_recommendation(grcm_meeting_id=grcm.id)
    client = as_user("st_crm")
    path = f"/recommendations/{recommendation.id}"
    page = client.get(path).get_data(as_text=True)
    assert 'name="to"' not in page  # a draft not endorsed by the three: nothing to press yet
    assert "falta: ST-CRM, ST-RROCM, PPT" in page
    for party in ("st_crm", "st_rrocm", "ppt"):
        endorse(recommendation, actor=Principal(party=party, ppt_country="PA" if party == "ppt" else None), now=NOW)
    db.session.commit()
    page = client.get(path).get_data(as_text=True)
    assert 'id="move-submitted"' in page
    assert 'id="move-approved"' not in page
    assert "<select" not in page[page.index('id="transition"'):page.index('id="follow-ups"')]


def test_rule_codes_and_state_codes_are_not_shown_in_messages(as_user):
    recommendation = stored_recommendation()
    client = as_user("st_crm")
    path = f"/recommendations/{recommendation.id}"
    page = post_form(client, f"{path}/transitions", {"to": "rejected", "expected_state": "draft"},
                     token_from=path).get_data(as_text=True)
    message = page[page.index('id="to-error"'):].split("</ul>")[0]
    assert "R9" not in message
    assert "draft" not in message
    assert "borrador" in message


def test_a_recommendation_addressed_to_a_network_shows_the_networks_name_not_its_code(as_user):
    recommendation = stored_recommendation(addressee="consular_protection")
    client = as_user("st_crm")
    for path in ("/recommendations", f"/recommendations/{recommendation.id}"):
        page = client.get(path).get_data(as_text=True)
        assert "consular_protection" not in page.replace('value="consular_protection"', "")
        assert "Protección Consular" in page or "protección consular" in page


def test_the_withdrawal_confirmation_names_the_countries_that_get_a_notice(as_user, client, auth, converter):
    stored_instrument()
    grcm = stored_grcm()
    issued = client.post("/api/v1/documents", json={"kind": "monitoring_report", "subject_id": grcm.id},
                         headers=auth["st_crm"]).json
    page = as_user("st_crm").get(f"/documents/{issued['id']}/withdraw").get_data(as_text=True)
    told = page[page.index("reciben un aviso"):].split("</ul>")[0]
    assert "BZ · Belice" in told  # the two countries with accounts received it
    assert "HN · Honduras" in told
    assert "PA · Panamá" not in told  # no account: nothing was delivered, nothing to take back
    assert 'name="reason"' in page


def test_grcm_meetings_and_crm_events_are_cancelled_from_a_danger_zone_on_their_edit_page(as_user):
    from datetime import date

    from service.participation.operations import create_event
    from tests.conftest import ACTOR

    grcm = stored_grcm()
    event = create_event({"title": "Taller", "kind": "workshop", "starts_on": date(2027, 3, 15),
                          "ends_on": date(2027, 3, 16), "location": "San Salvador"}, actor=ACTOR, now=NOW)
    db.session.commit()
    client = as_user("st_crm")
    for page_path, cancel_path in ((f"/grcm-meetings/{grcm.id}/edit", f"/grcm-meetings/{grcm.id}/cancel"),
                                   (f"/crm-events/{event.id}/edit", f"/crm-events/{event.id}/cancel")):
        page = client.get(page_path).get_data(as_text=True)
        zone = page.index('id="cancel-zone"')
        assert zone > page.index("</form>")
        assert f'href="{cancel_path}"' in page[zone:]
