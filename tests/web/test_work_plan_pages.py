"""Work plan pages (R2): objectives, activities and resources as repeatable rows, saved by the API's operations."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from service.extensions import db
from service.planning.models import WorkPlan
from service.planning.operations import create_work_plan, update_work_plan
from tests.conftest import ACTOR, NOW
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in
from tests.web.test_meeting_forms import field_block

FORM = {
    "year": "2027", "introduction": "Plan del equipo",
    "objectives-0-code": "O1", "objectives-0-text": "Fortalecer la protección consular",
    "objectives-1-code": "", "objectives-1-text": "",
    "activities-0-objective": "O1", "activities-0-description": "Taller con la red",
    "activities-0-responsible": "st_rrocm", "activities-0-starts_on": "2027-02-01",
    "activities-0-ends_on": "2027-05-31", "activities-0-network": "", "activities-0-indicator": "Un taller",
    "resources-0-id": "", "resources-0-description": "Sala y viáticos", "resources-0-source": "OIM",
    "resources-0-amount": "12500.50", "resources-0-currency": "USD", "resources-0-status": "committed",
    "resources-3-id": "", "resources-3-description": "", "resources-3-source": "", "resources-3-amount": "",
    "resources-3-currency": "", "resources-3-status": "",  # a blank row: not data
}


def stored_plan() -> WorkPlan:
    plan = create_work_plan({"year": 2027, "objectives": [{"code": "O1", "text": "Objetivo"}],
                             "resources": [{"description": "Fondo", "source": "BID", "amount": Decimal("100.00"),
                                            "currency": "USD", "status": "secured"}],
                             "activities": [{"objective": "O1", "description": "Taller", "responsible": "ppt",
                                             "starts_on": date(2027, 3, 1), "ends_on": date(2027, 3, 2)}]},
                            actor=ACTOR, now=NOW)
    db.session.commit()
    return plan


def test_a_work_plan_created_through_the_form(as_user):
    client = as_user("st_crm")
    response = post_form(client, "/work-plans/new", FORM)
    assert response.status_code == 302, response.get_data(as_text=True)
    plan = db.session.scalars(select(WorkPlan)).one()
    assert plan.objectives == [{"code": "O1", "text": "Fortalecer la protección consular"}]
    assert [(a.description, a.responsible) for a in plan.activities] == [("Taller con la red", "st_rrocm")]
    assert [(r.amount, r.status) for r in plan.resources] == [(Decimal("12500.50"), "committed")]
    assert response.headers["Location"].endswith(f"/work-plans/{plan.id}")  # its record page
    page = client.get(f"/work-plans/{plan.id}").get_data(as_text=True)
    assert "USD" in page
    assert "12500.50" in page
    assert "Emitir en español" in page  # the work_plan document's issue buttons
    form = client.get(f"/work-plans/{plan.id}/edit").get_data(as_text=True)
    assert f'name="resources-0-id" value="{plan.resources[0].id}"' in form


def test_rows_without_javascript(as_user):
    client = as_user("st_crm")
    page = client.get("/work-plans/new").get_data(as_text=True)
    for group in ("objectives", "activities", "resources"):
        assert f'data-row-template="{group}"' in page
        assert f'name="add" value="{group}"' in page
    response = post_form(client, "/work-plans/new", {**FORM, "add": "activities"})
    assert response.status_code == 200
    assert sorted(set(re.findall(r'name="activities-(\d+)-description"', response.get_data(as_text=True)))) == [
        "0", "1"]
    assert db.session.scalars(select(WorkPlan)).all() == []


def test_r2_a_secured_resource_cannot_go_back_shown_next_to_its_status(as_user):
    plan = stored_plan()
    client = as_user("ppt")
    path = f"/work-plans/{plan.id}/edit"
    page = client.get(path).get_data(as_text=True)
    resource_id = plan.resources[0].id
    form = {"etag": etag_in(page), "introduction": "Con cambios",
            "objectives-0-code": "O1", "objectives-0-text": "Objetivo",
            "resources-0-id": str(resource_id), "resources-0-description": "Fondo", "resources-0-source": "BID",
            "resources-0-amount": "100.00", "resources-0-currency": "USD", "resources-0-status": "identified"}
    response = post_form(client, path, form)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    block = field_block(page, "resources-0-status")
    assert "R2" not in block
    assert "asegurado" in block
    assert "Con cambios</textarea>" in page
    db.session.refresh(plan)
    assert plan.resources[0].status == "secured"
    assert plan.introduction is None


def test_an_activity_with_an_unknown_objective_is_shown_on_its_row(as_user):
    client = as_user("st_crm")
    response = post_form(client, "/work-plans/new", {**FORM, "activities-0-objective": "O9"})
    assert response.status_code == 422
    assert "No hay un objetivo &#39;O9&#39; en este plan." in field_block(response.get_data(as_text=True),
                                                                           "activities-0-objective")


def test_a_stale_edit_says_someone_else_changed_it(as_user):
    plan = stored_plan()
    client = as_user("st_crm")
    path = f"/work-plans/{plan.id}/edit"
    etag = etag_in(client.get(path).get_data(as_text=True))
    update_work_plan(plan, {"introduction": "Otra persona"}, actor=ACTOR, now=NOW)
    db.session.commit()
    response = post_form(client, path, {"etag": etag, "introduction": "Mi cambio"})
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Otra persona cambió este registro" in page
    assert "Mi cambio</textarea>" in page
    db.session.refresh(plan)
    assert plan.introduction == "Otra persona"


def test_the_work_plan_page_records_each_activity_progress(as_user):
    client = as_user("st_crm")
    form = {**FORM, "activities-0-progress": "in_progress", "activities-0-progress_note": "Sede confirmada",
            "activities-0-progress_on": "2026-11-20"}
    response = post_form(client, "/work-plans/new", form)
    assert response.status_code == 302, response.get_data(as_text=True)
    [activity] = db.session.scalars(select(WorkPlan)).one().activities
    assert (activity.progress, activity.progress_note, activity.progress_on) == (
        "in_progress", "Sede confirmada", date(2026, 11, 20))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Sede confirmada" in page
    undated = post_form(client, "/work-plans/new", {**form, "year": "2028", "activities-0-progress_on": "",
                                                    "activities-0-starts_on": "2028-02-01",
                                                    "activities-0-ends_on": "2028-05-31"}, token_from="/work-plans/new")
    assert undated.status_code == 422
    assert "field-errors" in field_block(undated.get_data(as_text=True), "activities-0-progress_on")


def test_the_work_plan_page_shows_the_plan_read_only_with_its_history(as_user):
    plan = stored_plan()
    update_work_plan(plan, {"introduction": "Plan revisado"}, actor=ACTOR, now=NOW)
    db.session.commit()
    page = as_user("st_crm").get(f"/work-plans/{plan.id}").get_data(as_text=True)
    assert "<textarea" not in page  # a page to read, not a form
    assert 'name="etag"' not in page
    assert f'href="/work-plans/{plan.id}/edit"' in page
    for shown in ("Plan revisado", "Objetivo", "Taller", "Sin iniciar", "Fondo", "BID", "USD 100.00", "Asegurado"):
        assert shown in page, shown
    history = page[page.index('id="history"'):]
    assert "Creó el plan de trabajo" in history
    assert "Cambió el plan de trabajo" in history
    assert "Introducción" in history


def test_a_form_still_posting_to_the_old_work_plan_address_reaches_the_edit_page(as_user):
    plan = stored_plan()
    client = as_user("st_crm")
    etag = etag_in(client.get(f"/work-plans/{plan.id}/edit").get_data(as_text=True))
    form = {"etag": etag, "introduction": "Por la dirección vieja", "objectives-0-code": "O1",
            "objectives-0-text": "Objetivo"}
    response = post_form(client, f"/work-plans/{plan.id}", form, token_from=f"/work-plans/{plan.id}/edit")
    assert response.status_code == 307
    assert response.headers["Location"].endswith(f"/work-plans/{plan.id}/edit")
    response = post_form(client, response.headers["Location"], form, token_from=f"/work-plans/{plan.id}/edit")
    assert response.status_code == 302
    db.session.refresh(plan)
    assert plan.introduction == "Por la dirección vieja"
