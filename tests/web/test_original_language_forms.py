"""The language a record's texts are typed in, on the web forms (issue 12): every form that takes typed texts
offers one labelled selector (Spanish unless changed), saves the choice, and the record's page shows it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import select

from service.auth.principals import Principal
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.monitoring.models import Instrument, MonitoringEntry
from service.participation.models import CrmEvent
from service.planning.models import WorkPlan
from service.ppt.feedback_models import PptFeedback
from service.recommendations.models import FollowUp, Recommendation
from service.recommendations.operations import transition
from tests.conftest import NOW
from tests.web import (
    test_event_pages,
    test_feedback_pages,
    test_grcm_pages,
    test_monitoring_pages,
    test_recommendation_pages,
    test_work_plan_pages,
)
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in, stored_grcm, stored_term


def _approved_recommendation() -> str:
    grcm = stored_grcm()
    recommendation = test_recommendation_pages.stored_recommendation(grcm_meeting_id=grcm.id)
    test_recommendation_pages.endorsed_by_all(recommendation)
    transition(recommendation, "submitted", actor=Principal(party="st_crm"), now=NOW, submitted_on=date(2026, 6, 1))
    transition(recommendation, "approved", actor=Principal(party="st_crm"), now=NOW,
               decision_reference="Declaración de Panamá", decided_on=date(2026, 6, 12))
    db.session.commit()
    return f"/recommendations/{recommendation.id}"


# form → (the page the form is on, where it posts, the fields, the record saved, the page that shows it)
Form = tuple[Callable[[], tuple[str, str]], dict, type, Callable[[object], str]]
FORMS: dict[str, Form] = {
    "grcm meeting": (lambda: ("/grcm-meetings/new",) * 2, test_grcm_pages.FORM, GrcmMeeting,
                     lambda r: f"/grcm-meetings/{r.id}"),
    "recommendation": (lambda: ("/recommendations/new",) * 2, test_recommendation_pages.FORM, Recommendation,
                       lambda r: f"/recommendations/{r.id}"),
    "follow-up": (lambda: (path := _approved_recommendation(), f"{path}/follow-ups"),
                  {"status": "in_progress", "reported_on": "2026-11-01", "evidence": "Protocol circulated"},
                  FollowUp, lambda r: f"/recommendations/{r.recommendation_id}"),
    "ppt feedback": (lambda: (f"/ppt-terms/{stored_term().id}/feedback",) * 2, test_feedback_pages.FORM,
                     PptFeedback, lambda r: f"/ppt-terms/{r.ppt_term_id}/feedback"),
    "work plan": (lambda: ("/work-plans/new",) * 2, test_work_plan_pages.FORM, WorkPlan,
                  lambda r: f"/work-plans/{r.id}"),
    "instrument": (lambda: ("/monitoring/instruments/new",) * 2, test_monitoring_pages.INSTRUMENT, Instrument,
                   lambda r: f"/monitoring/instruments/{r.id}"),
    "monitoring entry": (lambda: (f"/monitoring/instruments/{test_monitoring_pages.stored_instrument().id}",) * 2,
                         test_monitoring_pages.ENTRY, MonitoringEntry,
                         lambda r: f"/monitoring/instruments/{r.instrument_id}"),
    "crm event": (lambda: ("/crm-events/new",) * 2, test_event_pages.FORM, CrmEvent,
                  lambda r: f"/crm-events/{r.id}/edit"),
}


@pytest.mark.parametrize("form", FORMS)
def test_each_form_offers_the_language_of_its_texts_spanish_unless_changed(as_user, form):
    where, _action = FORMS[form][0]()
    page = as_user("st_crm").get(where + "?lang=es").get_data(as_text=True)
    assert "Idioma en que se escriben estos textos</label>" in page
    assert page.count('name="original_language"') == 1
    assert '<option value="es" selected>Español</option>' in page
    assert '<option value="en">English</option>' in page


@pytest.mark.parametrize("form", FORMS)
def test_each_form_saves_the_language_chosen_and_the_record_page_shows_it(as_user, form):
    opened, fields, model, record_page = FORMS[form]
    where, action = opened()
    client = as_user("st_crm")
    response = post_form(client, action, {**fields, "original_language": "en"}, token_from=where)
    assert response.status_code == 302, response.get_data(as_text=True)
    record = db.session.scalars(select(model)).one()
    assert record.original_language == "en"
    page = client.get(record_page(record) + "?lang=en").get_data(as_text=True)
    page = page.split('id="history"')[0]  # the audit log names the change too; the record itself must say it
    # a record page says it (details, or the row's column); a record edited on its form page shows the choice
    assert re.search(r"Language of the texts(</dt><dd>|:\s*)English|<td>English</td>", page) \
        or '<option value="en" selected>English</option>' in page


def test_an_edit_form_starts_from_the_stored_language_and_the_history_names_the_change(as_user):
    grcm = stored_grcm()
    client = as_user("st_crm")
    path = f"/grcm-meetings/{grcm.id}/edit"
    page = client.get(path + "?lang=es").get_data(as_text=True)
    assert '<option value="es" selected>Español</option>' in page
    response = post_form(client, path, {**test_grcm_pages.FORM, "original_language": "en", "etag": etag_in(page)})
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.refresh(grcm)
    assert grcm.original_language == "en"
    assert '<option value="en" selected>English</option>' in client.get(path).get_data(as_text=True)
    history = client.get(f"/grcm-meetings/{grcm.id}").get_data(as_text=True).split('id="history"')[1]
    assert "Idioma de los textos: Español → English" in history
