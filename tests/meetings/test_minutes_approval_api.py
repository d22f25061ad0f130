"""Minutes approved by the three parties (issue 11): each approves the version it read (If-Match), any change
clears the approvals, and minutes are issued only for a held meeting with the three approvals."""

from __future__ import annotations

from sqlalchemy import func, select

from service.documents.models import IssuedDocument
from service.extensions import db
from tests.factories import (
    PAST_DATES,
    approve_by_the_three,
    held_meeting_with_approved_minutes,
    meeting_body,
    minutes_body,
)


def held_with_minutes(client, auth) -> tuple[int, str]:
    created = client.post("/api/v1/meetings", json=meeting_body(**PAST_DATES), headers=auth["st_crm"])
    meeting_id = created.json["id"]
    client.patch(f"/api/v1/meetings/{meeting_id}", json={"status": "held"},
                 headers={**auth["st_crm"], "If-Match": created.headers["ETag"]})
    saved = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(), headers=auth["st_crm"])
    return meeting_id, saved.headers["ETag"]


def approve(client, auth, meeting_id, who, etag):
    headers = {**auth[who], **({"If-Match": etag} if etag else {})}
    return client.post(f"/api/v1/meetings/{meeting_id}/minutes/approval", headers=headers)


def issue(client, auth, meeting_id):
    return client.post("/api/v1/documents", json={"kind": "minutes", "subject_id": meeting_id, "language": "es"},
                       headers=auth["st_crm"])


def test_each_party_approves_the_minutes_it_read_and_they_become_approved(client, auth):
    meeting_id, etag = held_with_minutes(client, auth)
    first = approve(client, auth, meeting_id, "st_crm", etag)
    assert first.status_code == 200, first.json
    assert first.json["state"] == "draft"
    assert first.headers["ETag"] == etag  # approving does not change the minutes: the others approve the same
    approve(client, auth, meeting_id, "ppt", etag)
    last = approve(client, auth, meeting_id, "st_rrocm", etag)
    assert last.json["state"] == "approved"
    assert [a["party"] for a in last.json["approvals"]] == ["st_crm", "ppt", "st_rrocm"]
    assert all(a["by"] and a["at"].startswith("2026-11-28") for a in last.json["approvals"])


def test_approval_without_if_match_is_428_and_with_a_stale_etag_is_412(client, auth):
    meeting_id, etag = held_with_minutes(client, auth)
    assert approve(client, auth, meeting_id, "st_crm", None).status_code == 428
    client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(next_meeting="Otra"),
               headers={**auth["st_rrocm"], "If-Match": etag})
    stale = approve(client, auth, meeting_id, "st_crm", etag)
    assert stale.status_code == 412
    minutes = client.get(f"/api/v1/meetings/{meeting_id}/minutes", headers=auth["st_crm"]).json
    assert minutes["approvals"] == []


def test_any_change_to_the_minutes_clears_the_approvals(client, auth):
    meeting_id, etag = held_with_minutes(client, auth)
    approve_by_the_three(client, auth, meeting_id)
    changed = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(next_meeting="Otra"),
                         headers={**auth["st_crm"], "If-Match": etag})
    assert changed.status_code == 200
    assert changed.json["state"] == "draft"
    assert changed.json["approvals"] == []


def test_an_edit_racing_an_approval_wins_only_with_a_fresh_etag(client, auth):
    meeting_id, etag = held_with_minutes(client, auth)
    approve(client, auth, meeting_id, "ppt", etag)  # the approval lands first; the ETag stays valid
    edit = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(next_meeting="Otra"),
                      headers={**auth["st_crm"], "If-Match": etag})
    assert edit.status_code == 200  # the ETag it read is still the minutes' one: the edit wins, clearing it
    late_edit = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(next_meeting="Tarde"),
                           headers={**auth["st_rrocm"], "If-Match": etag})
    assert late_edit.status_code == 412
    late_approval = approve(client, auth, meeting_id, "st_rrocm", etag)
    assert late_approval.status_code == 412
    assert client.get(f"/api/v1/meetings/{meeting_id}/minutes", headers=auth["st_crm"]).json["approvals"] == []


def test_an_approval_whose_version_moved_after_the_if_match_check_is_412(client, auth, monkeypatch):
    """The interleaving forced: the edit commits between the approval's If-Match check and its write."""
    from service.meetings import tripartite

    meeting_id, etag = held_with_minutes(client, auth)
    real = tripartite.approve_minutes

    def edit_first(meeting, read_version, **kwargs):
        other = client.application.test_client()
        assert other.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(next_meeting="Otra"),
                         headers={**auth["st_crm"], "If-Match": etag}).status_code == 200
        return real(meeting, read_version, **kwargs)

    monkeypatch.setattr("service.meetings.api.approve_minutes", edit_first)
    response = approve(client, auth, meeting_id, "ppt", etag)
    assert response.status_code == 412
    assert client.get(f"/api/v1/meetings/{meeting_id}/minutes", headers=auth["st_crm"]).json["approvals"] == []


def test_issuing_minutes_not_approved_by_all_three_is_422_naming_the_missing_parties(client, auth, converter):
    meeting_id, etag = held_with_minutes(client, auth)
    approve(client, auth, meeting_id, "st_crm", etag)
    response = issue(client, auth, meeting_id)
    assert response.status_code == 422
    assert "st_rrocm, ppt" in response.json["message"]
    assert db.session.scalar(select(func.count(IssuedDocument.id))) == 0


def test_issuing_minutes_of_a_meeting_not_held_is_422(client, auth, converter):
    future = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"]).json["id"]
    client.put(f"/api/v1/meetings/{future}/minutes", json=minutes_body(), headers=auth["st_crm"])
    approve_by_the_three(client, auth, future)
    response = issue(client, auth, future)
    assert response.status_code == 422
    assert "scheduled" in response.json["message"]
    client.post(f"/api/v1/meetings/{future}/cancel", headers=auth["st_crm"])
    assert issue(client, auth, future).status_code == 422
    assert db.session.scalar(select(func.count(IssuedDocument.id))) == 0


def test_issued_minutes_carry_who_approved_them(client, auth, converter):
    meeting_id = held_meeting_with_approved_minutes(client, auth)
    issued = issue(client, auth, meeting_id)
    assert issued.status_code == 201, issued.json
    frozen = db.session.get(IssuedDocument, issued.json["id"]).context
    assert [a["party"] for a in frozen["approvals"]] == ["st_crm", "st_rrocm", "ppt"]
    assert frozen["approvals"][0]["on"] == "2026-11-28"


def test_a_meeting_whose_minutes_were_issued_cannot_be_cancelled_409_naming_them(client, auth, converter):
    meeting_id = held_meeting_with_approved_minutes(client, auth)
    reference = issue(client, auth, meeting_id).json["reference"]
    response = client.post(f"/api/v1/meetings/{meeting_id}/cancel", headers=auth["st_crm"])
    assert response.status_code == 409
    assert reference in response.json["message"]
    assert client.get(f"/api/v1/meetings/{meeting_id}", headers=auth["st_crm"]).json["status"] == "held"


def test_approval_is_audited_under_the_meeting(client, auth):
    meeting_id, etag = held_with_minutes(client, auth)
    approve(client, auth, meeting_id, "ppt", etag)
    entries = client.get(f"/api/v1/audit?subject=meeting:{meeting_id}", headers=auth["st_crm"]).json
    approvals = [e for e in entries if e["action"] == "minutes.approve"]
    assert approvals
    assert approvals[0]["changes"]["approved_by"] == [None, "ppt"]
