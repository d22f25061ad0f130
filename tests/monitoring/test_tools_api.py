"""Monitoring tools over HTTP: the parties define and open them, each member country answers only its own
response, submitting freezes it until the parties ask for clarification, closing freezes everything."""

from __future__ import annotations

from sqlalchemy import func, select

from service.extensions import db
from service.monitoring.tools.models import MonitoringResponse, MonitoringTool
from tests.monitoring.tools_factories import ANSWERS, QUESTIONS, URL, answer, make_instrument, make_tool, tool_body


def test_the_parties_create_a_tool_as_stored_and_countries_see_it_only_once_open(client, auth):
    tool = make_tool(client, auth, open_it=False)
    assert (tool["state"], tool["questionnaire_version"], tool["period_ends_on"]) == ("draft", 1, "2026-12-31")
    assert tool["questions"][1] == {**QUESTIONS[1], "unit_en": None}  # no English unit given
    assert client.get(f"{URL}/{tool['id']}", headers=auth["HN"]).status_code == 404
    assert client.get(URL, headers=auth["HN"]).json == []
    opened = client.post(f"{URL}/{tool['id']}/open", headers=auth["ppt"])
    assert opened.json["state"] == "open"
    assert [t["id"] for t in client.get(URL, headers=auth["HN"]).json] == [tool["id"]]


def test_a_number_question_keeps_its_english_unit_and_a_status_question_with_one_is_422_naming_it(client, auth):
    trained = {**QUESTIONS[1], "unit_en": "people"}
    tool = make_tool(client, auth, open_it=False, questions=[QUESTIONS[0], trained])
    assert (tool["questions"][1]["unit"], tool["questions"][1]["unit_en"]) == ("personas", "people")
    read = client.get(f"{URL}/{tool['id']}", headers=auth["st_rrocm"]).json
    assert (read["questions"][1]["unit"], read["questions"][1]["unit_en"]) == ("personas", "people")
    assert read["questions"][0]["unit_en"] is None
    refused = client.post(URL, json=tool_body(make_instrument(client, auth),
                                              questions=[{**QUESTIONS[0], "unit_en": "people"}]),
                          headers=auth["st_crm"])
    assert refused.status_code == 422, refused.json
    assert "questions.0.unit_en" in refused.json["errors"]["json"]
    too_long = client.post(URL, json=tool_body(make_instrument(client, auth),
                                               questions=[{**trained, "unit_en": "p" * 51}]),
                           headers=auth["st_crm"])
    assert too_long.status_code == 422
    assert "unit_en" in too_long.json["errors"]["json"]["questions"]["0"]
    assert db.session.scalar(select(func.count(MonitoringTool.id))) == 1


def test_a_country_cannot_create_or_open_a_tool(client, auth):
    instrument = make_instrument(client, auth)
    assert client.post(URL, json=tool_body(instrument), headers=auth["HN"]).status_code == 403
    tool = make_tool(client, auth, open_it=False)
    assert client.post(f"{URL}/{tool['id']}/open", headers=auth["BZ"]).status_code == 403


def test_bad_questionnaires_are_422_naming_the_field_and_nothing_is_stored(client, auth):
    instrument = make_instrument(client, auth)
    cases = [({"questions": [*QUESTIONS, QUESTIONS[0]]}, "questions.4.key"),
             ({"questions": [{**QUESTIONS[0], "type": "colour"}]}, "questions"),
             ({"due_on": "2026-10-01"}, "due_on"), ({"period": "2026-S3"}, "period"),
             ({"instrument_id": 999999}, "instrument_id"), ({"questions": []}, "questions")]
    for changes, field in cases:
        response = client.post(URL, json={**tool_body(instrument), **changes}, headers=auth["st_crm"])
        assert response.status_code == 422, (changes, response.json)
        assert any(key.startswith(field.split(".")[0]) for key in response.json["errors"]["json"]), response.json
    assert db.session.scalar(select(func.count(MonitoringTool.id))) == 0


def test_a_draft_keeps_answers_as_their_official_types(client, auth):
    tool = make_tool(client, auth)
    draft = answer(client, auth, tool["id"], "HN")
    assert draft["state"] == "draft"
    assert draft["answers"] == {"status": "in_progress", "officials_trained": "42", "focal_point": True,
                                "notes": "Protocolo & guía <v2>"}
    assert draft["submitted_at"] is None
    bad = client.put(f"{URL}/{tool['id']}/responses/HN", json={"answers": {"focal_point": "sí"}},
                     headers=auth["HN"])
    assert bad.status_code == 422
    assert "answers.focal_point" in bad.json["errors"]["json"]
    assert client.get(f"{URL}/{tool['id']}/responses/HN", headers=auth["HN"]).json["answers"] == draft["answers"]


def test_country_a_can_neither_read_nor_write_country_bs_draft_and_the_403_names_it(client, auth):
    tool = make_tool(client, auth)
    answer(client, auth, tool["id"], "HN")
    read = client.get(f"{URL}/{tool['id']}/responses/HN", headers=auth["BZ"])
    assert read.status_code == 403
    assert "HN" in read.json["message"]
    write = client.put(f"{URL}/{tool['id']}/responses/HN", json={"answers": {"status": "implemented"}},
                       headers=auth["BZ"])
    assert write.status_code == 403
    assert "HN" in write.json["message"]
    assert client.post(f"{URL}/{tool['id']}/responses/HN/submit", headers=auth["BZ"]).status_code == 403
    assert client.get(f"{URL}/{tool['id']}/responses", headers=auth["BZ"]).status_code == 403
    stored = db.session.scalar(select(MonitoringResponse).where(MonitoringResponse.country == "HN"))
    assert stored.answers["status"] == "in_progress"


def test_the_parties_read_every_response_including_countries_that_have_not_answered(client, auth):
    tool = make_tool(client, auth)
    answer(client, auth, tool["id"], "HN", submit=True)
    answer(client, auth, tool["id"], "BZ")
    listed = {r["country"]: r for r in client.get(f"{URL}/{tool['id']}/responses", headers=auth["st_rrocm"]).json}
    assert (listed["HN"]["state"], listed["BZ"]["state"], listed["GT"]["state"]) == ("submitted", "draft", None)
    assert listed["GT"]["standing"] == "waiting"
    assert client.get(f"{URL}/{tool['id']}/responses/BZ", headers=auth["ppt"]).json["state"] == "draft"
    assert client.put(f"{URL}/{tool['id']}/responses/BZ", json={"answers": {}},
                      headers=auth["st_crm"]).status_code == 403


def test_states_go_draft_submitted_clarification_requested_submitted(client, auth, clock):
    tool = make_tool(client, auth)
    tool_id = tool["id"]
    answer(client, auth, tool_id, "HN", {"status": "implemented"})
    incomplete = client.post(f"{URL}/{tool_id}/responses/HN/submit", headers=auth["HN"])
    assert incomplete.status_code == 422
    assert "officials_trained" in incomplete.json["message"]
    submitted = answer(client, auth, tool_id, "HN", submit=True)
    assert submitted["state"] == "submitted"
    assert submitted["submitted_by"] == "country:HN"
    assert submitted["submitted_at"].startswith("2026-11-28")
    frozen = client.put(f"{URL}/{tool_id}/responses/HN", json={"answers": {"status": "implemented"}},
                        headers=auth["HN"])
    assert frozen.status_code == 409
    assert client.post(f"{URL}/{tool_id}/responses/HN/clarification", json={"question": "¿Cuántas personas?"},
                       headers=auth["HN"]).status_code == 403
    reopened = client.post(f"{URL}/{tool_id}/responses/HN/clarification",
                           json={"question": "¿Cuántas personas fueron capacitadas en 2026?"}, headers=auth["st_crm"])
    assert reopened.status_code == 200, reopened.json
    assert (reopened.json["state"], reopened.json["standing"]) == ("clarification_requested",
                                                                   "clarification_requested")
    assert reopened.json["clarification_question"] == "¿Cuántas personas fueron capacitadas en 2026?"
    answer(client, auth, tool_id, "HN", {**ANSWERS, "officials_trained": 38})
    again = client.post(f"{URL}/{tool_id}/responses/HN/submit", headers=auth["HN"])
    assert (again.json["state"], again.json["answers"]["officials_trained"]) == ("submitted", "38")


def test_questions_change_only_while_no_country_has_answered_and_each_change_is_a_new_version(client, auth):
    tool = make_tool(client, auth)
    etag = f'"monitoring_tool-{tool["id"]}-v{tool["version"]}"'
    changed = client.patch(f"{URL}/{tool['id']}", json={"questions": QUESTIONS[:2]},
                           headers={**auth["st_crm"], "If-Match": etag})
    assert changed.status_code == 200, changed.json
    assert (len(changed.json["questions"]), changed.json["questionnaire_version"]) == (2, 2)
    answer(client, auth, tool["id"], "HN", {"status": "implemented"})
    etag = changed.headers["ETag"]
    refused = client.patch(f"{URL}/{tool['id']}", json={"questions": QUESTIONS},
                           headers={**auth["st_crm"], "If-Match": etag})
    assert refused.status_code == 409
    assert "questions" in refused.json["errors"]["json"]
    later = client.patch(f"{URL}/{tool['id']}", json={"due_on": "2026-12-20"},
                         headers={**auth["st_crm"], "If-Match": etag})
    assert later.status_code == 200
    assert later.json["due_on"] == "2026-12-20"


def test_closing_freezes_the_tool_and_every_response(client, auth):
    tool = make_tool(client, auth)
    answer(client, auth, tool["id"], "HN", submit=True)
    answer(client, auth, tool["id"], "BZ")
    closed = client.post(f"{URL}/{tool['id']}/close", headers=auth["st_crm"])
    assert closed.json["state"] == "closed"
    assert client.put(f"{URL}/{tool['id']}/responses/BZ", json={"answers": ANSWERS},
                      headers=auth["BZ"]).status_code == 409
    assert client.post(f"{URL}/{tool['id']}/responses/BZ/submit", headers=auth["BZ"]).status_code == 409
    assert client.post(f"{URL}/{tool['id']}/responses/HN/clarification", json={"question": "¿?"},
                       headers=auth["st_crm"]).status_code == 409
    assert client.patch(f"{URL}/{tool['id']}", json={"due_on": "2027-01-31"},
                        headers={**auth["st_crm"], "If-Match": closed.headers["ETag"]}).status_code == 409
    assert client.post(f"{URL}/{tool['id']}/open", headers=auth["st_crm"]).status_code == 409
    assert client.get(f"{URL}/{tool['id']}/responses/BZ", headers=auth["BZ"]).json["state"] == "draft"


def test_evidence_passes_the_upload_gate_and_belongs_to_the_response(client, auth):
    tool = make_tool(client, auth)
    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" \
          b"trailer<</Root 1 0 R>>\n%%EOF\n"
    uploaded = client.post(f"{URL}/{tool['id']}/responses/HN/evidence", data=pdf,
                           headers={**auth["HN"], "Content-Type": "application/pdf",
                                    "Content-Disposition": 'attachment; filename="informe.pdf"'})
    assert uploaded.status_code == 201, uploaded.json
    refused = client.post(f"{URL}/{tool['id']}/responses/HN/evidence", data=b"MZ\x90\x00 not a pdf",
                          headers={**auth["HN"], "Content-Type": "application/pdf"})
    assert refused.status_code == 415
    assert client.post(f"{URL}/{tool['id']}/responses/HN/evidence", data=pdf,
                       headers={**auth["BZ"], "Content-Type": "application/pdf"}).status_code == 403
    evidence = client.get(f"{URL}/{tool['id']}/responses/HN", headers=auth["HN"]).json["evidence"]
    assert [e["original_name"] for e in evidence] == ["informe.pdf"]
    file_url = f"{URL}/{tool['id']}/responses/HN/evidence/{evidence[0]['id']}"
    assert client.get(file_url, headers=auth["st_rrocm"]).data == pdf
    assert client.get(file_url, headers=auth["BZ"]).status_code == 403


def test_an_observer_or_malformed_country_is_422_not_500(client, auth):
    tool = make_tool(client, auth)
    assert client.get(f"{URL}/{tool['id']}/responses/H1", headers=auth["st_crm"]).status_code == 422
    assert client.post(f"{URL}/{tool['id']}/responses/CO/clarification", json={"question": "¿?"},
                       headers=auth["st_crm"]).status_code == 422


def test_answers_of_any_json_shape_are_422_naming_the_question_never_500(client, auth):
    tool = make_tool(client, auth)
    for value in ({"a": 1}, ["implemented"], 1e400, "x" * 6000):
        response = client.put(f"{URL}/{tool['id']}/responses/HN", json={"answers": {"status": value}},
                              headers=auth["HN"])
        assert response.status_code in (400, 422), (value, response.status_code)
    assert client.get(f"{URL}/{tool['id']}/responses/HN", headers=auth["HN"]).json["state"] is None
