"""Request bodies that satisfy every rule, to be varied one field at a time by tests."""

from __future__ import annotations


def meeting_body(**changes) -> dict:
    body = {
        "kind": "ordinary",
        "title": "Primera reunión ordinaria",
        "starts_at": "2027-02-10T10:00:00",
        "ends_at": "2027-02-10T12:00:00",
        "timezone": "America/Tegucigalpa",
        "modality": "virtual",
        "video_url": "https://meet.example.org/et-1",
        "agenda": ["Aprobación de la agenda", "Plan de trabajo"],
    }
    body.update(changes)
    return body


def term_body(**changes) -> dict:
    body = {"country": "PA", "starts_on": "2027-12-01", "ends_on": "2028-11-30"}
    body.update(changes)
    return body


def minutes_body(**changes) -> dict:
    body = {
        "language": "es",
        "attendees": [
            {"name": "María José Rodríguez", "party": "st_crm", "role": "Coordinadora"},
            {"name": "Lucía Ramírez", "party": "st_rrocm"},
            {"name": "Karla Mejía", "party": "ppt"},
            {"name": "John Smith", "country": "BZ", "role": "Observer"},
        ],
        "agenda_items": [{"title": "Plan de trabajo", "discussion": "Se revisó el avance.\nSegunda línea."}],
        "agreements": [
            {"text": "Circular el borrador", "responsible": "st_crm", "due_on": "2026-12-15"},
            {"text": "Recopilar aportes", "responsible": "st_rrocm", "due_on": "2026-11-01", "status": "in_progress"},
            {"text": "Confirmar fecha", "responsible": "ppt", "due_on": "2026-10-01", "status": "done"},
        ],
        "next_meeting": "15 de marzo de 2027, virtual",
    }
    body.update(changes)
    return body


PAST_DATES = {"starts_at": "2026-11-10T10:00:00", "ends_at": "2026-11-10T12:00:00"}  # before the tests' NOW


def hold_and_approve(client, auth, meeting_id: int) -> None:
    """Mark a meeting that has ended as held and have the three parties approve its minutes (issue 11)."""
    etag = client.get(f"/api/v1/meetings/{meeting_id}", headers=auth["st_crm"]).headers["ETag"]
    held = client.patch(f"/api/v1/meetings/{meeting_id}", json={"status": "held"},
                        headers={**auth["st_crm"], "If-Match": etag})
    assert held.status_code == 200, held.json
    approve_by_the_three(client, auth, meeting_id)


def approve_by_the_three(client, auth, meeting_id: int) -> None:
    """Each party approves the minutes as they stand now."""
    for party in ("st_crm", "st_rrocm", "ppt"):
        etag = client.get(f"/api/v1/meetings/{meeting_id}/minutes", headers=auth[party]).headers["ETag"]
        approved = client.post(f"/api/v1/meetings/{meeting_id}/minutes/approval",
                               headers={**auth[party], "If-Match": etag})
        assert approved.status_code == 200, approved.json


def held_meeting_with_approved_minutes(client, auth, **changes) -> int:
    """A past meeting, held, whose minutes the three parties approved: minutes that can be issued."""
    body = meeting_body(**{**PAST_DATES, **changes})
    created = client.post("/api/v1/meetings", json=body, headers=auth["st_crm"])
    assert created.status_code == 201, created.json
    meeting_id = created.json["id"]
    client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(), headers=auth["st_crm"])
    hold_and_approve(client, auth, meeting_id)
    return meeting_id
