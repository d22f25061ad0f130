"""CRM events over HTTP: civil society by default; members-only only with the member country's request (R1)."""

from __future__ import annotations

from sqlalchemy import func, select

from service.extensions import db
from service.participation.models import CrmEvent
from tests.followups_factories import event_body

URL = "/api/v1/crm-events"


def test_an_event_is_open_to_civil_society_by_default(client, auth):
    response = client.post(URL, json=event_body(), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    assert response.json["members_only"] is False
    assert response.json["civil_society_participates"] is True
    assert client.get(f"{URL}/{response.json['id']}", headers=auth["BZ"]).json == response.json


def test_members_only_without_the_requesting_country_is_422_naming_r1_and_nothing_is_stored(client, auth):
    response = client.post(URL, json=event_body(members_only=True, members_only_requested_on="2026-08-01"),
                           headers=auth["st_crm"])
    assert response.status_code == 422
    assert response.json["rule"] == "R1"
    assert "members_only_requested_by" in response.json["errors"]["json"]
    assert db.session.scalar(select(func.count(CrmEvent.id))) == 0


def test_members_only_without_the_date_of_the_request_is_422_naming_r1(client, auth):
    response = client.post(URL, json=event_body(members_only=True, members_only_requested_by="MX"),
                           headers=auth["st_crm"])
    assert response.status_code == 422
    assert "members_only_requested_on" in response.json["errors"]["json"]


def test_members_only_requested_by_an_observer_is_422_naming_r1(client, auth):
    response = client.post(URL, json=event_body(members_only=True, members_only_requested_by="CO",
                                                 members_only_requested_on="2026-08-01"), headers=auth["st_crm"])
    assert response.status_code == 422
    assert response.json["rule"] == "R1"


def test_members_only_requested_by_a_member_country_with_a_date_is_201(client, auth):
    response = client.post(URL, json=event_body(members_only=True, members_only_requested_by="mx",
                                                 members_only_requested_on="2026-08-01"), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    assert response.json["members_only_requested_by"] == "MX"
    assert response.json["civil_society_participates"] is False


def test_an_unknown_kind_is_422_naming_the_field(client, auth):
    response = client.post(URL, json=event_body(kind="party"), headers=auth["st_crm"])
    assert response.status_code == 422
    assert "kind" in response.json["errors"]["json"]


def test_patch_with_a_stale_etag_is_412_and_changes_nothing(client, auth):
    event = client.post(URL, json=event_body(), headers=auth["st_crm"]).json
    etag = f'"crm-event-{event["id"]}-v1"'
    assert client.patch(f"{URL}/{event['id']}", json={"title": "Taller (reprogramado)"},
                        headers={**auth["st_crm"], "If-Match": etag}).status_code == 200
    stale = client.patch(f"{URL}/{event['id']}", json={"title": "Otro"}, headers={**auth["st_crm"], "If-Match": etag})
    assert stale.status_code == 412
    assert client.get(f"{URL}/{event['id']}", headers=auth["st_crm"]).json["title"] == "Taller (reprogramado)"


def test_patching_an_event_to_members_only_without_a_request_is_422_and_changes_nothing(client, auth):
    event = client.post(URL, json=event_body(), headers=auth["st_crm"]).json
    response = client.patch(f"{URL}/{event['id']}", json={"members_only": True},
                            headers={**auth["st_crm"], "If-Match": "*"})
    assert response.status_code == 422
    assert client.get(f"{URL}/{event['id']}", headers=auth["st_crm"]).json["members_only"] is False


def test_list_filters_members_only_exceptions(client, auth):
    client.post(URL, json=event_body(), headers=auth["st_crm"])
    client.post(URL, json=event_body(title="Reunión de la Red", members_only=True, members_only_requested_by="GT",
                                     members_only_requested_on="2026-08-01"), headers=auth["st_crm"])
    exceptions = client.get(f"{URL}?members_only=true", headers=auth["HN"]).json
    assert [e["title"] for e in exceptions] == ["Reunión de la Red"]


def test_members_only_request_dated_in_the_future_is_422_naming_r1_and_nothing_is_stored(client, auth):
    response = client.post(URL, json=event_body(starts_on="2027-03-01", members_only=True,
                                                members_only_requested_by="MX",
                                                members_only_requested_on="2026-11-29"), headers=auth["st_crm"])
    assert response.status_code == 422
    assert response.json["rule"] == "R1"
    assert "members_only_requested_on" in response.json["errors"]["json"]
    assert client.get(URL, headers=auth["st_crm"]).json == []
