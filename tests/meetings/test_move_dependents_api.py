"""Moving a meeting's date re-checks its dependents (issue 11 item 5): a held meeting moved into the future,
minutes approved or issued before the meeting would end, agreements due before the meeting that agreed them,
the PPT that answered when the new date falls in another country's term, the feedback round discussed at a
pre-PPT meeting (R11) → 409 `dependents: [{kind, id, rule, message}]`, nothing saved."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.conftest import NOW
from tests.factories import (
    PAST_DATES,
    held_meeting_with_approved_minutes,
    meeting_body,
    minutes_body,
    term_body,
)
from tests.followups_factories import feedback_body
from tests.meetings.test_ppt_scope_api import ppt_of

URL = "/api/v1/meetings"


def move(client, auth, meeting_id: int, party: str = "st_crm", headers: dict | None = None, **changes):
    own = headers or auth[party]
    etag = client.get(f"{URL}/{meeting_id}", headers=own).headers["ETag"]
    return client.patch(f"{URL}/{meeting_id}", json=changes, headers={**own, "If-Match": etag})


def kinds_and_rules(response) -> list[tuple[str, str]]:
    return [(d["kind"], d["rule"]) for d in response.json["dependents"]]


def test_a_held_meeting_moved_into_the_future_is_409_naming_it_and_its_approvals_nothing_saved(client, auth):
    meeting_id = held_meeting_with_approved_minutes(client, auth)
    before = client.get(f"{URL}/{meeting_id}", headers=auth["st_crm"])
    response = move(client, auth, meeting_id, starts_at="2026-12-05T10:00:00", ends_at="2026-12-05T12:00:00")
    assert response.status_code == 409, response.json
    assert kinds_and_rules(response) == [("meeting", "held"), ("minutes", "R8"), ("minutes", "R8"),
                                         ("minutes", "R8")]
    assert all(d["id"] == meeting_id and d["message"] for d in response.json["dependents"])
    assert f"meeting:{meeting_id} (held" in response.json["message"]
    after = client.get(f"{URL}/{meeting_id}", headers=auth["st_crm"])
    assert after.json["starts_at"] == before.json["starts_at"]
    assert after.headers["ETag"] == before.headers["ETag"]


def test_moving_a_held_meeting_within_the_past_before_its_approvals_is_accepted(client, auth):
    meeting_id = held_meeting_with_approved_minutes(client, auth)
    response = move(client, auth, meeting_id, starts_at="2026-11-09T10:00:00", ends_at="2026-11-09T12:00:00")
    assert response.status_code == 200, response.json
    minutes = client.get(f"{URL}/{meeting_id}/minutes", headers=auth["st_crm"]).json
    assert minutes["state"] == "approved"


def test_issued_minutes_and_approvals_before_the_new_end_are_409_naming_the_document(client, auth, clock,
                                                                                     converter):
    clock.at = datetime(2026, 11, 12, 12, 0, tzinfo=UTC)  # held on the 10th, approved and issued on the 12th
    meeting_id = held_meeting_with_approved_minutes(client, auth)
    issued = client.post("/api/v1/documents", json={"kind": "minutes", "subject_id": meeting_id, "language": "es"},
                         headers=auth["st_crm"])
    assert issued.status_code == 201, issued.json
    clock.at = NOW
    response = move(client, auth, meeting_id, starts_at="2026-11-15T10:00:00", ends_at="2026-11-15T12:00:00")
    assert response.status_code == 409, response.json
    assert ("document", "R8") in kinds_and_rules(response)
    document = next(d for d in response.json["dependents"] if d["kind"] == "document")
    assert document["id"] == issued.json["id"]
    assert issued.json["reference"] in document["message"]


def test_an_agreement_due_before_the_meeting_would_take_place_is_409_naming_it(client, auth):
    created = client.post(URL, json=meeting_body(), headers=auth["st_crm"]).json  # 2027-02-10
    saved = client.put(f"{URL}/{created['id']}/minutes", json=minutes_body(agreements=[
        {"text": "Circular el borrador", "responsible": "st_crm", "due_on": "2027-02-20"},
        {"text": "Confirmar fecha", "responsible": "ppt", "due_on": "2026-10-01", "status": "done"},
    ]), headers=auth["st_crm"])
    agreement_id = saved.json["agreements"][0]["id"]
    response = move(client, auth, created["id"], starts_at="2027-03-01T10:00:00", ends_at="2027-03-01T12:00:00")
    assert response.status_code == 409
    # The agreement already dated before the old day is not the move's doing: only the one it breaks is listed.
    assert response.json["dependents"] == [
        {"kind": "agreement", "id": agreement_id, "rule": "R8",
         "message": "due on 2027-02-20, before the meeting that agreed it"}]
    assert move(client, auth, created["id"], starts_at="2027-02-15T10:00:00",
                ends_at="2027-02-15T12:00:00").status_code == 200


def _two_terms(client, auth) -> tuple[dict, dict]:
    guatemala = client.post("/api/v1/ppt-terms", json=term_body(country="GT"), headers=auth["st_crm"]).json
    panama = client.post("/api/v1/ppt-terms", json=term_body(country="PA", starts_on="2028-12-01",
                                                             ends_on="2029-11-30"), headers=auth["st_crm"]).json
    return guatemala, panama


def test_a_meeting_the_ppt_answered_moved_into_another_countrys_term_is_409_ppt_term(client, auth):
    guatemala, _panama = _two_terms(client, auth)
    created = client.post(URL, json=meeting_body(kind="extraordinary", starts_at="2028-11-20T10:00:00",
                                                 ends_at="2028-11-20T11:00:00"), headers=auth["st_crm"]).json
    assert created["ppt_term_id"] == guatemala["id"]
    client.post(f"{URL}/{created['id']}/consents", json={"consent": True}, headers=ppt_of("GT"))
    response = move(client, auth, created["id"], starts_at="2028-12-10T10:00:00", ends_at="2028-12-10T11:00:00")
    assert response.status_code == 409
    [dependent] = response.json["dependents"]
    assert (dependent["kind"], dependent["id"], dependent["rule"]) == ("meeting", created["id"], "ppt_term")
    assert "GT" in dependent["message"]
    assert "PA" in dependent["message"]
    assert client.get(f"{URL}/{created['id']}", headers=auth["st_crm"]).json["ppt_term_id"] == guatemala["id"]


def test_a_meeting_no_ppt_answered_moves_into_the_next_term_and_belongs_to_it(client, auth):
    _guatemala, panama = _two_terms(client, auth)
    created = client.post(URL, json=meeting_body(starts_at="2028-11-20T10:00:00", ends_at="2028-11-20T11:00:00"),
                          headers=auth["st_crm"]).json
    response = move(client, auth, created["id"], starts_at="2028-12-10T10:00:00", ends_at="2028-12-10T11:00:00")
    assert response.status_code == 200, response.json
    assert response.json["ppt_term_id"] == panama["id"]


def test_a_ppt_cannot_move_its_meeting_into_another_countrys_term_403_naming_it(client, auth):
    _guatemala, panama = _two_terms(client, auth)
    gt = ppt_of("GT")
    created = client.post(URL, json=meeting_body(starts_at="2028-11-20T10:00:00", ends_at="2028-11-20T11:00:00"),
                          headers=gt).json
    response = move(client, auth, created["id"], headers=gt, starts_at="2028-12-10T10:00:00",
                    ends_at="2028-12-10T11:00:00")
    assert response.status_code == 403
    assert f"PPT term {panama['id']} of PA" in response.json["message"]


def _pre_ppt_with_feedback(client, auth) -> tuple[dict, dict]:
    term = client.post("/api/v1/ppt-terms", json=term_body(), headers=auth["st_crm"]).json  # PA from 2027-12-01
    pre = client.post(URL, json=meeting_body(kind="pre_ppt", ppt_term_id=term["id"], starts_at="2027-09-24T09:00:00",
                                             ends_at="2027-09-24T12:00:00"), headers=auth["st_crm"]).json
    saved = client.put(f"/api/v1/ppt-terms/{term['id']}/feedback", json=feedback_body(meeting_id=pre["id"]),
                       headers=auth["st_crm"])  # concept note received 2026-09-01, work plan 2026-09-05
    assert saved.status_code in (200, 201), saved.json
    return term, pre


def test_a_pre_ppt_meeting_moved_before_the_documents_it_discusses_arrived_is_409_r11(client, auth):
    term, pre = _pre_ppt_with_feedback(client, auth)
    response = move(client, auth, pre["id"], starts_at="2026-09-03T09:00:00", ends_at="2026-09-03T12:00:00")
    assert response.status_code == 409
    [dependent] = response.json["dependents"]
    assert (dependent["kind"], dependent["id"], dependent["rule"]) == ("ppt_feedback", term["id"], "R11")
    assert "work plan" in dependent["message"]
    assert "2026-09-05" in dependent["message"]


def test_the_feedback_round_follows_its_pre_ppt_meeting_to_the_new_day(client, auth):
    term, pre = _pre_ppt_with_feedback(client, auth)
    response = move(client, auth, pre["id"], starts_at="2027-09-20T09:00:00", ends_at="2027-09-20T12:00:00")
    assert response.status_code == 200, response.json
    feedback = client.get(f"/api/v1/ppt-terms/{term['id']}/feedback", headers=auth["st_crm"]).json
    assert (feedback["meeting_id"], feedback["meeting_on"]) == (pre["id"], "2027-09-20")
    entries = client.get("/api/v1/audit", query_string={"subject": f"ppt_term:{term['id']}"},
                         headers=auth["st_rrocm"]).json
    assert entries[-1]["changes"]["meeting_on"] == ["2027-09-24", "2027-09-20"]


def test_a_pre_ppt_meeting_moved_past_its_r6_deadline_is_still_422_r6(client, auth):
    _term, pre = _pre_ppt_with_feedback(client, auth)
    response = move(client, auth, pre["id"], starts_at="2027-10-20T09:00:00", ends_at="2027-10-20T12:00:00")
    assert response.status_code == 422
    assert response.json["rule"] == "R6"


def test_a_title_only_edit_of_a_held_meeting_re_checks_nothing_and_passes(client, auth):
    meeting_id = held_meeting_with_approved_minutes(client, auth, **PAST_DATES)
    assert move(client, auth, meeting_id, title="Primera reunión ordinaria (virtual)").status_code == 200
