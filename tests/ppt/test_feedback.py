"""Feedback on the incoming PPT (R11): before the term starts; later is recorded with a warning, not refused."""

from __future__ import annotations

from datetime import UTC, date, datetime

from service.ppt.feedback_rules import feedback_warnings
from tests.factories import term_body
from tests.followups_factories import feedback_body


def test_feedback_recorded_before_the_term_starts_has_no_warning():
    assert feedback_warnings(recorded_on=date(2026, 11, 30), term_starts_on=date(2026, 12, 1),
                             concept_note_received_on=date(2026, 9, 1), work_plan_received_on=None) == []


def test_feedback_recorded_on_or_after_the_term_start_is_warned_about_naming_r11():
    for recorded_on in (date(2026, 12, 1), date(2027, 1, 5)):
        warnings = feedback_warnings(recorded_on=recorded_on, term_starts_on=date(2026, 12, 1),
                                     concept_note_received_on=None, work_plan_received_on=None)
        assert len(warnings) == 1
        assert warnings[0].startswith("R11")


def incoming_term(client, auth, **changes):
    response = client.post("/api/v1/ppt-terms", json=term_body(**changes), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response.json


def test_first_put_records_the_feedback_and_later_puts_need_if_match(client, auth):
    term = incoming_term(client, auth)
    url = f"/api/v1/ppt-terms/{term['id']}/feedback"
    first = client.put(url, json=feedback_body(), headers=auth["st_rrocm"])
    assert first.status_code == 200, first.json
    assert first.json["warnings"] == []
    assert first.json["items"][0] == {"section": "Objetivos", "document": "concept_note", "comment": "Precisar metas."}
    assert first.json["joint_actions"][0]["responsible"] == "ppt"
    etag = first.headers["ETag"]
    assert client.put(url, json=feedback_body(), headers=auth["st_crm"]).status_code == 428
    second = client.put(url, json=feedback_body(summary="Resumen"), headers={**auth["st_crm"], "If-Match": etag})
    assert second.status_code == 200
    stale = client.put(url, json=feedback_body(summary="Otro"), headers={**auth["st_crm"], "If-Match": etag})
    assert stale.status_code == 412
    assert client.get(url, headers=auth["ppt"]).json["summary"] == "Resumen"


def test_feedback_recorded_after_the_term_started_is_saved_with_a_warning(client, auth, clock):
    term = incoming_term(client, auth, starts_on="2026-11-01", ends_on="2027-10-31")
    response = client.put(f"/api/v1/ppt-terms/{term['id']}/feedback", json=feedback_body(), headers=auth["ppt"])
    assert response.status_code == 200
    assert any(w.startswith("R11") for w in response.json["warnings"])
    clock.at = datetime(2027, 1, 1, tzinfo=UTC)
    assert client.get(f"/api/v1/ppt-terms/{term['id']}/feedback", headers=auth["ppt"]).json["warnings"]


def test_bad_feedback_is_422_naming_the_field_and_nothing_is_stored(client, auth):
    term = incoming_term(client, auth)
    url = f"/api/v1/ppt-terms/{term['id']}/feedback"
    cases = [({"concept_note_received_on": "2027-01-01"}, "concept_note_received_on"),
             ({"joint_actions": [{"action": "x", "responsible": "MX"}]}, "joint_actions"),
             ({"items": [{"section": "", "comment": "x"}]}, "items")]
    for changes, field in cases:
        response = client.put(url, json=feedback_body(**changes), headers=auth["st_crm"])
        assert response.status_code == 422, changes
        assert field in response.json["errors"]["json"]
    assert client.get(url, headers=auth["st_crm"]).status_code == 404


def test_feedback_for_an_unknown_term_is_404(client, auth):
    assert client.put("/api/v1/ppt-terms/999/feedback", json=feedback_body(), headers=auth["st_crm"]).status_code == 404
