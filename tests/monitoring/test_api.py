"""Instruments (R10) and their monitoring entries over HTTP."""

from __future__ import annotations

from sqlalchemy import func, select

from service.extensions import db
from service.monitoring.models import Instrument, MonitoringEntry
from tests.followups_factories import entry_body, instrument_body

URL = "/api/v1/instruments"


def create(client, auth, **changes):
    response = client.post(URL, json=instrument_body(**changes), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response.json


def test_create_answers_201_with_the_instrument_as_stored_and_everyone_reads_it(client, auth):
    instrument = create(client, auth)
    assert instrument["kind"] == "guideline"
    assert instrument["network"] == "migrant_children"
    assert client.get(f"{URL}/{instrument['id']}", headers=auth["BZ"]).json == instrument
    assert [i["id"] for i in client.get(f"{URL}?network=migrant_children", headers=auth["HN"]).json] == [
        instrument["id"]]


def test_an_unknown_kind_or_network_is_422_naming_the_field_and_nothing_is_stored(client, auth):
    for field, value in (("kind", "poster"), ("network", "astronomy")):
        response = client.post(URL, json=instrument_body(**{field: value}), headers=auth["st_crm"])
        assert response.status_code == 422
        assert field in response.json["errors"]["json"]
    assert db.session.scalar(select(func.count(Instrument.id))) == 0


def test_patch_with_a_stale_etag_is_412_and_changes_nothing(client, auth):
    instrument = create(client, auth)
    etag = f'"instrument-{instrument["id"]}-v1"'
    ok = client.patch(f"{URL}/{instrument['id']}", json={"adopted_by": "Declaración de San José, párr. 12"},
                      headers={**auth["st_crm"], "If-Match": etag})
    assert ok.status_code == 200
    stale = client.patch(f"{URL}/{instrument['id']}", json={"adopted_by": "Otro"},
                         headers={**auth["st_crm"], "If-Match": etag})
    assert stale.status_code == 412
    assert client.get(f"{URL}/{instrument['id']}", headers=auth["st_crm"]).json["adopted_by"] == (
        "Declaración de San José, párr. 12")


def test_a_monitoring_entry_keeps_its_period_country_and_exact_indicator_values(client, auth):
    instrument = create(client, auth)
    response = client.post(f"{URL}/{instrument['id']}/monitoring",
                           json=entry_body(indicators=[{"name": "Cobertura", "value": "12.50", "unit": "%"}]),
                           headers=auth["st_rrocm"])
    assert response.status_code == 201, response.json
    entry = response.json
    assert (entry["period"], entry["period_starts_on"], entry["period_ends_on"]) == (
        "2026-S1", "2026-01-01", "2026-06-30")
    assert entry["indicators"] == [{"name": "Cobertura", "value": "12.50", "unit": "%"}]
    assert entry["recorded_by"] == "st_rrocm"
    listed = client.get(f"{URL}/{instrument['id']}/monitoring?country=HN", headers=auth["ppt"]).json
    assert [e["id"] for e in listed] == [entry["id"]]


def test_a_monitoring_entry_for_an_observer_or_a_bad_period_is_422_and_nothing_is_stored(client, auth):
    instrument = create(client, auth)
    for changes, field in (({"country": "CO"}, "country"), ({"period": "2026-S3"}, "period"),
                           ({"status": "done"}, "status"), ({"period": "2027-S1"}, "period")):
        response = client.post(f"{URL}/{instrument['id']}/monitoring", json=entry_body(**changes),
                               headers=auth["st_crm"])
        assert response.status_code == 422, changes
        assert field in response.json["errors"]["json"]
    assert db.session.scalar(select(func.count(MonitoringEntry.id))) == 0


def test_monitoring_entries_are_team_working_data(client, auth):
    instrument = create(client, auth)
    assert client.get(f"{URL}/{instrument['id']}/monitoring", headers=auth["BZ"]).status_code == 403
