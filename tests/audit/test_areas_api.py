"""Every area's changes over the API append one audit entry each: who (party and token), what, before/after."""

from __future__ import annotations

from tests.audit.helpers import count, log, only_entry, token_id
from tests.conftest import NOW
from tests.factories import meeting_body, minutes_body, term_body
from tests.followups_factories import (
    SUBMISSION,
    endorse_by_all,
    entry_body,
    event_body,
    feedback_body,
    grcm_meeting,
    instrument_body,
    recommendation_body,
    work_plan_body,
)


def etag_of(client, auth, url):
    return client.get(url, headers=auth["st_crm"]).headers["ETag"]


def test_creating_a_meeting_records_the_party_its_token_and_every_value_set(client, auth):
    meeting = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["ppt"]).json
    entry = only_entry(client, auth, f"meeting:{meeting['id']}", "meeting.create")
    assert entry["actor"] == {"party": "ppt", "country": None, "user_id": None, "user_email": None,
                              "token_id": token_id(auth["ppt"]), "system": None}
    assert entry["at"] == NOW.isoformat()
    assert entry["subject"] == f"meeting:{meeting['id']}"
    assert entry["changes"]["title"] == [None, "Primera reunión ordinaria"]
    assert entry["changes"]["starts_at"] == [None, "2027-02-10T10:00:00"]
    assert entry["changes"]["status"] == [None, "scheduled"]


def test_updating_a_meeting_records_only_what_changed(client, auth):
    meeting = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"]).json
    url = f"/api/v1/meetings/{meeting['id']}"
    response = client.patch(url, json={"title": "Reprogramada", "location": None},
                            headers={**auth["st_rrocm"], "If-Match": etag_of(client, auth, url)})
    assert response.status_code == 200, response.json
    entry = only_entry(client, auth, f"meeting:{meeting['id']}", "meeting.update")
    assert entry["actor"]["party"] == "st_rrocm"
    assert entry["changes"] == {"title": [meeting_body()["title"], "Reprogramada"]}


def test_cancelling_a_meeting_records_the_status_before_and_after_once(client, auth):
    meeting = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"]).json
    for _ in range(2):  # the second cancel changes nothing, so it records nothing
        assert client.post(f"/api/v1/meetings/{meeting['id']}/cancel", headers=auth["ppt"]).status_code == 200
    entry = only_entry(client, auth, f"meeting:{meeting['id']}", "meeting.cancel")
    assert entry["changes"] == {"status": ["scheduled", "cancelled"]}


def test_minutes_are_recorded_under_their_meeting_with_their_agreements(client, auth):
    meeting = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"]).json
    url = f"/api/v1/meetings/{meeting['id']}/minutes"
    assert client.put(url, json=minutes_body(), headers=auth["st_crm"]).status_code == 200
    changed = minutes_body(next_meeting="Otra fecha")
    assert client.put(url, json=changed, headers={**auth["st_rrocm"],
                                                  "If-Match": etag_of(client, auth, url)}).status_code == 200
    created = only_entry(client, auth, f"meeting:{meeting['id']}", "minutes.create")
    assert created["changes"]["agreements"][0] is None
    assert created["changes"]["agreements"][1][0] == {"text": "Circular el borrador", "responsible": "st_crm",
                                                      "due_on": "2026-12-15", "status": "pending"}
    updated = only_entry(client, auth, f"meeting:{meeting['id']}", "minutes.update")
    assert updated["actor"]["party"] == "st_rrocm"
    assert updated["changes"] == {"next_meeting": ["15 de marzo de 2027, virtual", "Otra fecha"]}


def test_a_refused_change_writes_no_entry(client, auth):
    client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"])
    before = count()
    second = meeting_body(title="Otra ordinaria", starts_at="2027-03-01T10:00:00", ends_at="2027-03-01T11:00:00")
    response = client.post("/api/v1/meetings", json=second, headers=auth["st_crm"])
    assert response.status_code == 422
    assert response.json["rule"] == "R3"
    assert client.post("/api/v1/grcm-meetings", json={"title": "x"}, headers=auth["st_crm"]).status_code == 422
    assert count() == before


def test_grcm_meetings_and_ppt_terms_record_create_and_update(client, auth):
    grcm = grcm_meeting(client, auth)
    url = f"/api/v1/grcm-meetings/{grcm['id']}"
    assert client.patch(url, json={"location": "San Pedro Sula"},
                        headers={**auth["ppt"], "If-Match": etag_of(client, auth, url)}).status_code == 200
    assert only_entry(client, auth, f"grcm:{grcm['id']}", "grcm.create")["actor"]["party"] == "st_crm"
    assert only_entry(client, auth, f"grcm:{grcm['id']}", "grcm.update")["changes"] == {
        "location": ["Tegucigalpa", "San Pedro Sula"]}

    term = client.post("/api/v1/ppt-terms", json=term_body(), headers=auth["st_crm"]).json
    url = f"/api/v1/ppt-terms/{term['id']}"
    assert client.patch(url, json={"ends_on": "2028-11-29"},
                        headers={**auth["st_rrocm"], "If-Match": etag_of(client, auth, url)}).status_code == 200
    assert only_entry(client, auth, f"ppt_term:{term['id']}", "ppt_term.create")["changes"]["country"] == [None, "PA"]
    assert only_entry(client, auth, f"ppt_term:{term['id']}", "ppt_term.update")["changes"] == {
        "ends_on": ["2028-11-30", "2028-11-29"]}


def test_ppt_feedback_is_recorded_under_its_term(client, auth):
    term = client.post("/api/v1/ppt-terms", json=term_body(), headers=auth["st_crm"]).json
    response = client.put(f"/api/v1/ppt-terms/{term['id']}/feedback", json=feedback_body(), headers=auth["ppt"])
    assert response.status_code in (200, 201), response.json
    entry = only_entry(client, auth, f"ppt_term:{term['id']}", "ppt_feedback.create")
    assert entry["actor"]["party"] == "ppt"
    assert entry["changes"]["concept_note_received_on"] == [None, "2026-09-01"]


def test_a_recommendation_records_create_update_transitions_and_follow_ups(client, auth):
    grcm = grcm_meeting(client, auth)
    rec = client.post("/api/v1/recommendations", json=recommendation_body(grcm["id"]), headers=auth["st_crm"]).json
    url = f"/api/v1/recommendations/{rec['id']}"
    assert client.patch(url, json={"title": "Otra"},
                        headers={**auth["st_crm"], "If-Match": etag_of(client, auth, url)}).status_code == 200
    endorse_by_all(client, auth, rec["id"])
    assert client.post(f"{url}/transitions", json=SUBMISSION, headers=auth["st_rrocm"]).status_code == 200
    approval = {"to": "approved", "decision_reference": "Acta 7", "decided_on": "2026-06-18"}
    assert client.post(f"{url}/transitions", json=approval, headers=auth["ppt"]).status_code == 200
    follow_up = {"status": "in_progress", "reported_on": "2026-10-01", "evidence": "Puntos focales designados."}
    assert client.post(f"{url}/follow-ups", json=follow_up, headers=auth["st_rrocm"]).status_code == 201

    actions = [(e["action"], e["actor"]["party"]) for e in log(client, auth, f"recommendation:{rec['id']}")]
    assert actions == [("recommendation.create", "st_crm"), ("recommendation.update", "st_crm"),
                       ("recommendation.endorse", "st_crm"), ("recommendation.endorse", "st_rrocm"),
                       ("recommendation.endorse", "ppt"),
                       ("recommendation.transition", "st_rrocm"), ("recommendation.transition", "ppt"),
                       ("recommendation.follow_up", "st_rrocm")]
    entries = log(client, auth, f"recommendation:{rec['id']}")
    # the submission's real date is kept beside the entry's own time (when it was entered)
    assert entries[5]["changes"]["submitted_on"] == [None, "2026-05-29"]
    assert entries[5]["at"].startswith("2026-11-28")
    approved = entries[6]
    assert approved["changes"] == {"state": ["submitted", "approved"], "decision_reference": [None, "Acta 7"],
                                   "decided_on": [None, "2026-06-18"]}


def test_instruments_and_their_monitoring_entries_are_recorded_under_the_instrument(client, auth):
    instrument = client.post("/api/v1/instruments", json=instrument_body(), headers=auth["st_crm"]).json
    url = f"/api/v1/instruments/{instrument['id']}"
    assert client.patch(url, json={"kind": "guide"},
                        headers={**auth["st_crm"], "If-Match": etag_of(client, auth, url)}).status_code == 200
    assert client.post(f"{url}/monitoring", json=entry_body(), headers=auth["st_rrocm"]).status_code == 201
    actions = [e["action"] for e in log(client, auth, f"instrument:{instrument['id']}")]
    assert actions == ["instrument.create", "instrument.update", "monitoring_entry.create"]
    entry = only_entry(client, auth, f"instrument:{instrument['id']}", "monitoring_entry.create")
    assert entry["actor"]["party"] == "st_rrocm"
    assert entry["changes"]["period"] == [None, "2026-S1"]
    assert only_entry(client, auth, f"instrument:{instrument['id']}", "instrument.update")["changes"] == {
        "kind": ["guideline", "guide"]}


def test_work_plans_and_crm_events_record_create_and_update(client, auth):
    plan = client.post("/api/v1/work-plans", json=work_plan_body(), headers=auth["st_crm"]).json
    url = f"/api/v1/work-plans/{plan['id']}"
    assert client.patch(url, json={"introduction": "Otra introducción"},
                        headers={**auth["ppt"], "If-Match": etag_of(client, auth, url)}).status_code == 200
    created = only_entry(client, auth, f"work_plan:{plan['id']}", "work_plan.create")
    assert created["changes"]["resources"][1][0]["amount"] == "15000.00"
    assert only_entry(client, auth, f"work_plan:{plan['id']}", "work_plan.update")["changes"] == {
        "introduction": ["Plan de trabajo del Equipo Tripartito.", "Otra introducción"]}

    event = client.post("/api/v1/crm-events", json=event_body(), headers=auth["st_crm"]).json
    url = f"/api/v1/crm-events/{event['id']}"
    assert client.patch(url, json={"location": "Guatemala"},
                        headers={**auth["st_rrocm"], "If-Match": etag_of(client, auth, url)}).status_code == 200
    assert only_entry(client, auth, f"crm_event:{event['id']}", "crm_event.update")["changes"] == {
        "location": [None, "Guatemala"]}


def test_feed_tokens_record_create_and_the_first_revoke_never_the_secret(client, auth):
    token = client.post("/api/v1/feeds", json={"country": "BZ"}, headers=auth["st_crm"]).json
    for _ in range(2):
        assert client.post(f"/api/v1/feeds/{token['id']}/revoke", headers=auth["ppt"]).status_code == 200
    entries = log(client, auth, f"feed_token:{token['id']}")
    assert [(e["action"], e["actor"]["party"]) for e in entries] == [("feed_token.create", "st_crm"),
                                                                     ("feed_token.revoke", "ppt")]
    assert entries[0]["changes"] == {"country": [None, "BZ"]}
    assert token["secret"] not in str(entries)
    assert entries[1]["changes"] == {"revoked_at": [None, NOW.isoformat()]}
