"""The annual work plan over HTTP: one per year, resources with exact amounts, status moves checked (R2)."""

from __future__ import annotations

from sqlalchemy import func, select

from service.extensions import db
from service.planning.models import WorkPlan
from tests.followups_factories import work_plan_body

URL = "/api/v1/work-plans"


def create(client, auth, **changes):
    response = client.post(URL, json=work_plan_body(**changes), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response


def test_create_answers_201_with_activities_resources_and_exact_totals(client, auth):
    response = create(client, auth)
    plan = response.json
    assert plan["activities"][0]["timeline"] == "T1–T2 2027"
    assert plan["activities"][0]["network"] == "migrant_children"
    assert [r["amount"] for r in plan["resources"]] == ["15000.00", "2500.50"]
    assert plan["totals"] == [{"currency": "USD", "total": "17500.50",
                               "by_status": {"identified": "2500.50", "committed": "15000.00", "secured": "0.00"}}]
    assert client.get(f"{URL}/{plan['id']}", headers=auth["ppt"]).json == plan
    assert [p["year"] for p in client.get(f"{URL}?year=2027", headers=auth["st_rrocm"]).json] == [2027]


def test_a_second_plan_for_the_same_year_is_409(client, auth):
    create(client, auth)
    assert client.post(URL, json=work_plan_body(), headers=auth["st_crm"]).status_code == 409


def test_bad_currency_amount_or_objective_is_422_naming_the_field_and_nothing_is_stored(client, auth):
    body = work_plan_body()
    cases = [
        ({"resources": [{**body["resources"][0], "currency": "XYZ"}]}, "resources"),
        ({"resources": [{**body["resources"][0], "amount": "-1"}]}, "resources"),
        ({"activities": [{**body["activities"][0], "objective": "O9"}]}, "activities.0.objective"),
        ({"activities": [{**body["activities"][0], "responsible": "HN"}]}, "activities"),
    ]
    for changes, field in cases:
        response = client.post(URL, json=work_plan_body(**changes), headers=auth["st_crm"])
        assert response.status_code == 422, changes
        assert field in response.json["errors"]["json"], response.json
    assert db.session.scalar(select(func.count(WorkPlan.id))) == 0


def test_a_resource_moves_from_committed_to_secured_but_not_back(client, auth):
    plan = create(client, auth).json
    resources = plan["resources"]
    secured = [{**resources[0], "status": "secured"}, resources[1]]
    response = client.patch(f"{URL}/{plan['id']}", json={"resources": secured},
                            headers={**auth["st_crm"], "If-Match": f'"work-plan-{plan["id"]}-v1"'})
    assert response.status_code == 200, response.json
    assert response.json["totals"][0]["by_status"]["secured"] == "15000.00"
    back = client.patch(f"{URL}/{plan['id']}", json={"resources": [{**resources[0], "status": "identified"}]},
                        headers={**auth["st_crm"], "If-Match": f'"work-plan-{plan["id"]}-v2"'})
    assert back.status_code == 422
    assert back.json["rule"] == "R2"
    assert len(client.get(f"{URL}/{plan['id']}", headers=auth["st_crm"]).json["resources"]) == 2


def test_patch_with_a_stale_etag_is_412_and_changes_nothing(client, auth):
    plan = create(client, auth).json
    etag = f'"work-plan-{plan["id"]}-v1"'
    assert client.patch(f"{URL}/{plan['id']}", json={"introduction": "Versión 2"},
                        headers={**auth["st_crm"], "If-Match": etag}).status_code == 200
    stale = client.patch(f"{URL}/{plan['id']}", json={"introduction": "Versión 3"},
                         headers={**auth["st_crm"], "If-Match": etag})
    assert stale.status_code == 412
    assert client.get(f"{URL}/{plan['id']}", headers=auth["st_crm"]).json["introduction"] == "Versión 2"


def test_the_year_of_a_plan_cannot_be_patched(client, auth):
    plan = create(client, auth).json
    response = client.patch(f"{URL}/{plan['id']}", json={"year": 2028}, headers={**auth["st_crm"], "If-Match": "*"})
    assert response.status_code == 422
    assert "year" in response.json["errors"]["json"]
