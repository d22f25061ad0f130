"""Work-plan activities carry their progress (issue 11 item 9): not_started | in_progress | done | cancelled, with a
note and the day reported, shown in the work-plan document; a plan entered by mistake is deleted unless issued."""

from __future__ import annotations

from datetime import date

from service.documents.contexts import build_context
from service.templating.kinds import get_kind
from service.templating.render import display_context
from tests.audit.helpers import log
from tests.followups_factories import work_plan_body

URL = "/api/v1/work-plans"


def plan_2026(**activity_changes) -> dict:
    body = work_plan_body(year=2026)
    body["activities"] = [{**body["activities"][0], "starts_on": "2026-01-15", "ends_on": "2026-05-31",
                           **activity_changes}]
    return body


PROGRESS = {"progress": "in_progress", "progress_note": "Borrador enviado a la red.", "progress_on": "2026-11-20"}


def test_an_activity_keeps_its_progress_note_and_date(client, auth):
    response = client.post(URL, json=plan_2026(**PROGRESS), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    [activity] = response.json["activities"]
    assert {k: activity[k] for k in PROGRESS} == PROGRESS
    fresh = client.post(URL, json=work_plan_body(), headers=auth["st_crm"]).json
    assert fresh["activities"][0]["progress"] == "not_started"


def test_progress_without_its_date_or_dated_in_the_future_is_422_naming_the_activity(client, auth):
    for changes in ({"progress": "done"}, {**PROGRESS, "progress_on": "2026-11-29"}):
        response = client.post(URL, json=plan_2026(**changes), headers=auth["st_crm"])
        assert response.status_code == 422, changes
        assert response.json["rule"] == "R2"
        assert "activities.0.progress_on" in response.json["errors"]["json"]
    unknown = client.post(URL, json=plan_2026(progress="halfway", progress_on="2026-11-20"), headers=auth["st_crm"])
    assert unknown.status_code == 422


def test_editing_only_the_objectives_keeps_the_activities_progress(client, auth):
    plan = client.post(URL, json=plan_2026(**PROGRESS), headers=auth["st_crm"])
    objectives = [*plan.json["objectives"], {"code": "O2", "text": "Otro objetivo."}]
    edited = client.patch(f"{URL}/{plan.json['id']}", json={"objectives": objectives},
                          headers={**auth["st_crm"], "If-Match": plan.headers["ETag"]})
    assert edited.status_code == 200, edited.json
    assert edited.json["activities"][0]["progress"] == "in_progress"


def test_the_work_plan_document_shows_each_activity_progress_in_its_language(client, auth):
    plan = client.post(URL, json=plan_2026(**PROGRESS), headers=auth["st_crm"]).json
    context = build_context("work_plan", plan["id"], "en", date(2026, 11, 28))
    context["header"] = {**context["header"], "reference": "ET-CRM/2026/WPL-001", "version": 1,
                         "issued_on": "2026-11-28"}
    [activity] = display_context(get_kind("work_plan"), "en", context)["activities"]
    assert (activity["progress"], activity["progress_note"]) == ("In progress", "Borrador enviado a la red.")
    assert activity["progress_on"] == "20 November 2026"


def test_a_plan_entered_by_mistake_is_deleted_but_an_issued_one_stays(client, auth, converter):
    mistake = client.post(URL, json=plan_2026(), headers=auth["st_crm"]).json
    assert client.delete(f"{URL}/{mistake['id']}", headers=auth["BZ"]).status_code == 403
    assert client.delete(f"{URL}/{mistake['id']}", headers=auth["st_crm"]).status_code == 204
    assert client.get(f"{URL}/{mistake['id']}", headers=auth["st_crm"]).status_code == 404
    assert log(client, auth, f"work_plan:{mistake['id']}")[-1]["action"] == "work_plan.delete"
    issued = client.post(URL, json=work_plan_body(), headers=auth["st_crm"]).json
    document = client.post("/api/v1/documents", json={"kind": "work_plan", "subject_id": issued["id"]},
                           headers=auth["st_crm"]).json
    refused = client.delete(f"{URL}/{issued['id']}", headers=auth["st_crm"])
    assert refused.status_code == 409
    assert f"document:{document['id']}" in refused.json["message"]
