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
