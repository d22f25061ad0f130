"""Monitoring pages (R10): instruments, and monitoring entries with repeatable indicator values."""

from __future__ import annotations

from sqlalchemy import select

from service.extensions import db
from service.monitoring.models import Instrument, MonitoringEntry
from service.monitoring.operations import create_instrument, update_instrument
from tests.conftest import ACTOR, NOW
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in
from tests.web.test_meeting_forms import field_block

INSTRUMENT = {"title_es": "Lineamientos para la protección consular", "title_en": "Consular protection guidelines",
              "kind": "guideline", "adopted_on": "2024-06-20"}
ENTRY = {"period": "2026-S1", "country": "HN", "status": "partial", "observations": "Avance en 3 consulados",
         "indicators-0-name": "Consulados capacitados", "indicators-0-value": "3", "indicators-0-unit": "consulados",
         "indicators-1-name": "Personas atendidas", "indicators-1-value": "1250.5", "indicators-1-unit": "",
         "indicators-2-name": "", "indicators-2-value": "", "indicators-2-unit": ""}


def stored_instrument() -> Instrument:
    instrument = create_instrument({"title_es": "Guía regional", "kind": "guide"}, actor=ACTOR, now=NOW)
    db.session.commit()
    return instrument


def test_an_instrument_created_through_the_form(as_user):
    client = as_user("st_crm")
    response = post_form(client, "/monitoring/instruments/new", INSTRUMENT)
    assert response.status_code == 302, response.get_data(as_text=True)
    instrument = db.session.scalars(select(Instrument)).one()
    assert (instrument.kind, instrument.title_en) == ("guideline", "Consular protection guidelines")
    listing = client.get("/monitoring").get_data(as_text=True)
    assert "Lineamientos para la protección consular" in listing
    assert "Lineamientos</td>" in listing
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Creó el instrumento" in page[page.index('id="history"'):]  # its History, under the entries


def test_a_monitoring_entry_with_indicator_rows(as_user):
    instrument = stored_instrument()
    client = as_user("st_rrocm")
    path = f"/monitoring/instruments/{instrument.id}"
    page = client.get(path).get_data(as_text=True)
    assert 'data-row-template="indicators"' in page
    assert 'for="indicators-1-value"' in page
    response = post_form(client, path, ENTRY)
    assert response.status_code == 302, response.get_data(as_text=True)
    entry = db.session.scalars(select(MonitoringEntry)).one()
    assert (entry.period, entry.country, entry.recorded_by) == ("2026-S1", "HN", "st_rrocm")
    assert entry.indicators == [{"name": "Consulados capacitados", "value": "3", "unit": "consulados"},
                                {"name": "Personas atendidas", "value": "1250.5", "unit": None}]
    assert "Consulados capacitados: 3 consulados" in client.get(path).get_data(as_text=True)


def test_add_an_indicator_row_without_javascript(as_user):
    instrument = stored_instrument()
    client = as_user("st_crm")
    path = f"/monitoring/instruments/{instrument.id}"
    page = post_form(client, path, {**ENTRY, "add": "indicators"}).get_data(as_text=True)
    assert 'name="indicators-3-name"' in page
    assert 'value="Personas atendidas"' in page
    assert db.session.scalars(select(MonitoringEntry)).all() == []


def test_problems_shown_next_to_the_period_and_the_indicator_value(as_user):
    instrument = stored_instrument()
    client = as_user("st_crm")
    path = f"/monitoring/instruments/{instrument.id}"
    response = post_form(client, path, {**ENTRY, "indicators-1-value": "mucho"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "No es un número válido." in field_block(page, "indicators-1-value")
    assert 'value="mucho"' in page
    response = post_form(client, path, {**ENTRY, "period": "2027-Q2"})
    assert "El período 2027-Q2 aún no ha comenzado." in field_block(response.get_data(as_text=True), "period")
    assert db.session.scalars(select(MonitoringEntry)).all() == []


def test_a_stale_instrument_edit_says_someone_else_changed_it(as_user):
    instrument = stored_instrument()
    client = as_user("st_crm")
    path = f"/monitoring/instruments/{instrument.id}/edit"
    etag = etag_in(client.get(path).get_data(as_text=True))
    update_instrument(instrument, {"title_es": "Otra persona"}, actor=ACTOR, now=NOW)
    db.session.commit()
    response = post_form(client, path, {**INSTRUMENT, "etag": etag})
    assert response.status_code == 409
    assert "Otra persona cambió este registro" in response.get_data(as_text=True)
    db.session.refresh(instrument)
    assert instrument.title_es == "Otra persona"
