"""Deleting what was entered by mistake from the pages (issue 11): a danger zone on the record's page leads to a
confirmation saying what goes and what the history keeps; what must stay on record is refused with the reason."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from service.audit.models import AuditEntry
from service.extensions import db
from service.monitoring.models import Instrument
from service.monitoring.operations import create_instrument
from service.participation.models import CrmEvent
from service.participation.operations import create_event
from service.planning.models import WorkPlan
from service.recommendations.models import Recommendation
from tests.conftest import ACTOR, NOW
from tests.followups_factories import instrument_body
from tests.web.conftest import post_form
from tests.web.test_recommendation_pages import stored_recommendation
from tests.web.test_work_plan_pages import stored_plan


def count(model: type) -> int:
    return db.session.scalar(select(func.count(model.id)))


def confirm_and_delete(client, page: str, path: str):
    shown = client.get(page).get_data(as_text=True)
    zone = shown[shown.index('id="delete-zone"'):]
    assert f'href="{path}"' in zone  # a link in its own section, not a button next to "Save"
    confirm = client.get(path)
    assert confirm.status_code == 200
    assert 'id="confirm"' in confirm.get_data(as_text=True)
    return post_form(client, path, {})


def test_a_draft_recommendation_is_deleted_after_its_confirmation_and_the_history_keeps_it(as_user):
    recommendation = stored_recommendation()
    client = as_user("st_crm")
    path = f"/recommendations/{recommendation.id}/delete"
    response = confirm_and_delete(client, f"/recommendations/{recommendation.id}", path)
    assert response.status_code == 302
    assert count(Recommendation) == 0
    assert db.session.scalars(select(AuditEntry.action).where(AuditEntry.action == "recommendation.delete")).one()


def test_a_presented_recommendation_offers_no_delete_and_its_page_says_why(as_user):
    recommendation = stored_recommendation()
    recommendation.state = "submitted"
    db.session.commit()
    client = as_user("st_crm")
    assert 'id="delete-zone"' not in client.get(f"/recommendations/{recommendation.id}").get_data(as_text=True)
    page = client.get(f"/recommendations/{recommendation.id}/delete").get_data(as_text=True)
    assert 'id="confirm"' not in page
    assert "solo se eliminan los borradores" in page
    post_form(client, f"/recommendations/{recommendation.id}/delete", {},
              token_from=f"/recommendations/{recommendation.id}")
    assert count(Recommendation) == 1


def test_a_work_plan_entered_by_mistake_is_deleted(as_user):
    plan = stored_plan()
    client = as_user("st_rrocm")
    response = confirm_and_delete(client, f"/work-plans/{plan.id}/edit", f"/work-plans/{plan.id}/delete")
    assert response.status_code == 302
    assert count(WorkPlan) == 0


def test_an_instrument_with_monitoring_entries_stays_and_the_page_says_why(as_user):
    from service.monitoring.operations import add_entry

    instrument = create_instrument(instrument_body(adopted_on=date(2016, 6, 24)), actor=ACTOR, now=NOW)
    db.session.commit()
    client = as_user("st_crm")
    response = confirm_and_delete(client, f"/monitoring/instruments/{instrument.id}",
                                  f"/monitoring/instruments/{instrument.id}/delete")
    assert response.status_code == 302
    assert count(Instrument) == 0
    db.session.expunge_all()  # SQLite may give the next instrument the deleted one's number
    kept = create_instrument(instrument_body(adopted_on=date(2016, 6, 24)), actor=ACTOR, now=NOW)
    entry = {"period": "2026-S1", "country": "HN", "status": "partial", "indicators": [], "observations": "Avance"}
    add_entry(kept, entry, actor=ACTOR, now=NOW)
    db.session.commit()
    page = client.get(f"/monitoring/instruments/{kept.id}/delete").get_data(as_text=True)
    assert 'id="confirm"' not in page
    assert "1 registros de monitoreo" in page or "1 registro" in page


def test_a_crm_event_entered_by_mistake_is_deleted(as_user):
    event = create_event({"title": "Taller", "kind": "workshop", "starts_on": date(2027, 3, 15),
                          "ends_on": date(2027, 3, 16), "location": "San Salvador"}, actor=ACTOR, now=NOW)
    db.session.commit()
    client = as_user("ppt")
    response = confirm_and_delete(client, f"/crm-events/{event.id}/edit", f"/crm-events/{event.id}/delete")
    assert response.status_code == 302
    assert count(CrmEvent) == 0
