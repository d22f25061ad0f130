"""Recommendation pages (R9): created and moved through the API's schemas and its one transition() operation."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from service.auth.principals import Principal
from service.extensions import db
from service.recommendations.models import Recommendation
from service.recommendations.operations import create_recommendation, update_recommendation
from tests.conftest import ACTOR, NOW
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in, stored_grcm
from tests.web.test_meeting_forms import field_block

FORM = {"title": "Protocolo de retorno", "text": "Adoptar el protocolo <regional> & \"común\".",
        "rationale": "Lo pidió la red.", "addressee": "viceministerial"}


def stored_recommendation(**changes) -> Recommendation:
    recommendation = create_recommendation({**FORM, **changes}, actor=Principal(party="st_crm"), now=NOW)
    db.session.commit()
    return recommendation


def endorsed_by_all(recommendation: Recommendation) -> None:
    from service.recommendations.operations import endorse

    for party in ("st_crm", "st_rrocm", "ppt"):
        endorse(recommendation, actor=Principal(party=party), now=NOW)
    db.session.commit()


def test_a_recommendation_created_through_the_form_is_a_draft(as_user):
    grcm = stored_grcm()
    client = as_user("st_crm")
    response = post_form(client, "/recommendations/new", {**FORM, "grcm_meeting_id": str(grcm.id)})
    assert response.status_code == 302, response.get_data(as_text=True)
    stored = db.session.scalars(select(Recommendation)).one()
    assert (stored.state, stored.grcm_meeting_id, stored.text) == ("draft", grcm.id, FORM["text"])
    listing = client.get("/recommendations").get_data(as_text=True)
    assert "Protocolo de retorno" in listing
    assert "Borrador" in listing


def test_schema_errors_next_to_the_field_with_the_input_kept(as_user):
    client = as_user("st_crm")
    response = post_form(client, "/recommendations/new", {**FORM, "title": " ", "addressee": ""})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Este campo es obligatorio." in field_block(page, "title")
    assert "Este campo es obligatorio." in field_block(page, "addressee")
    assert "Adoptar el protocolo &lt;regional&gt; &amp; &#34;común&#34;." in page
    assert db.session.scalars(select(Recommendation)).all() == []


def test_an_illegal_transition_is_refused_in_words_next_to_the_state_change(as_user):
    recommendation = stored_recommendation()
    client = as_user("st_rrocm")
    path = f"/recommendations/{recommendation.id}"
    response = post_form(client, f"{path}/transitions", {"to": "approved", "decision_reference": "Acta CRM-7",
                                                           "decided_on": "2026-07-01", "expected_state": "draft"},
                         token_from=path)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    block = page[page.index('id="to-error"'):]
    assert "R9" not in block  # the rule's code is for the API
    assert "borrador" in block
    assert "aprobada" in block
    db.session.refresh(recommendation)
    assert recommendation.state == "draft"


def test_submit_without_a_grcm_meeting_points_at_it(as_user):
    recommendation = stored_recommendation()
    client = as_user("st_crm")
    path = f"/recommendations/{recommendation.id}"
    page = post_form(client, f"{path}/transitions", {"to": "submitted", "expected_state": "draft"},
                     token_from=path).get_data(as_text=True)
    assert "reunión del GRCM" in field_block(page, "grcm_meeting_id")


def test_the_lifecycle_follow_ups_and_history(as_user):
    grcm = stored_grcm()
    recommendation = stored_recommendation(grcm_meeting_id=grcm.id)
    endorsed_by_all(recommendation)
    client = as_user("st_crm")
    path = f"/recommendations/{recommendation.id}"
    assert "record-follow-up" not in client.get(path).get_data(as_text=True)
    assert "Solo se da seguimiento" in client.get(path).get_data(as_text=True)
    response = post_form(client, f"{path}/transitions", {"to": "submitted", "expected_state": "draft",
                                                           "submitted_on": "2026-06-01",
                                                           "etag": etag_in(client.get(path).get_data(as_text=True))},
                         token_from=path)
    assert response.status_code == 302, response.get_data(as_text=True)
    response = post_form(client, f"{path}/transitions", {"to": "approved", "expected_state": "submitted",
                                                           "decision_reference": "Declaración de Panamá, párr. 12",
                                                           "decided_on": "2026-06-12"}, token_from=path)
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(path).get_data(as_text=True)
    assert f'action="/recommendations/{recommendation.id}/follow-ups"' in page
    assert "Declaración de Panamá, párr. 12" in page
    response = post_form(client, f"{path}/follow-ups", {"status": "in_progress", "reported_on": "2026-11-01",
                                                         "evidence": "Borrador circulado"}, token_from=path)
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(path).get_data(as_text=True)
    assert "Borrador circulado" in page
    history = page[page.index('id="state-changes"'):page.index('id="history"')]
    assert history.count("<tr>") == 4  # header, created, submitted, approved


def test_a_follow_up_before_the_approval_is_shown_next_to_its_date(as_user):
    grcm = stored_grcm()
    recommendation = stored_recommendation(grcm_meeting_id=grcm.id)
    from service.recommendations.operations import transition

    endorsed_by_all(recommendation)
    transition(recommendation, "submitted", actor=Principal(party="st_crm"), now=NOW, submitted_on=date(2026, 6, 1))
    transition(recommendation, "approved", actor=Principal(party="st_crm"), now=NOW, decision_reference="Acta 1",
               decided_on=grcm.starts_at.date())
    db.session.commit()
    client = as_user("st_crm")
    path = f"/recommendations/{recommendation.id}"
    response = post_form(client, f"{path}/follow-ups", {"status": "implemented", "reported_on": "2026-01-01",
                                                         "evidence": "Informe"}, token_from=path)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "no puede ser anterior a la aprobación" in field_block(page, "reported_on")
    assert "Informe</textarea>" in page


def test_a_stale_edit_says_someone_else_changed_it(as_user):
    recommendation = stored_recommendation()
    client = as_user("st_crm")
    path = f"/recommendations/{recommendation.id}/edit"
    etag = etag_in(client.get(path).get_data(as_text=True))
    update_recommendation(recommendation, {"title": "Cambiada por otra persona"}, actor=ACTOR, now=NOW)
    db.session.commit()
    response = post_form(client, path, {**FORM, "title": "Mi cambio", "etag": etag})
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Otra persona cambió este registro" in page
    assert 'value="Mi cambio"' in page
    db.session.refresh(recommendation)
    assert recommendation.title == "Cambiada por otra persona"


def test_an_edit_with_the_current_version_saves(as_user):
    recommendation = stored_recommendation()
    client = as_user("ppt")
    path = f"/recommendations/{recommendation.id}/edit"
    etag = etag_in(client.get(path).get_data(as_text=True))
    response = post_form(client, path, {**FORM, "title": "Protocolo revisado", "etag": etag})
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.refresh(recommendation)
    assert recommendation.title == "Protocolo revisado"


def test_the_page_in_english(as_user):
    recommendation = stored_recommendation()
    client = as_user("st_crm")
    path = f"/recommendations/{recommendation.id}"
    client.get(f"{path}?lang=en")
    page = post_form(client, f"{path}/transitions", {"to": "rejected", "expected_state": "draft"},
                     token_from=path).get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "A recommendation that is draft cannot become rejected; allowed: submitted." in page
    assert "Change the state" in page
