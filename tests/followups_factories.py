"""Request bodies for the follow-up records (recommendations, instruments, monitoring, work plans, CRM events,
PPT feedback) that satisfy every rule, to be varied one field at a time by tests."""

from __future__ import annotations

GRCM = {"title": "Reunión del GRCM, Tegucigalpa 2026", "starts_at": "2026-06-16T09:00:00",
        "ends_at": "2026-06-18T17:00:00", "timezone": "America/Tegucigalpa", "location": "Tegucigalpa"}


def grcm_meeting(client, auth, **changes) -> dict:
    response = client.post("/api/v1/grcm-meetings", json={**GRCM, **changes}, headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response.json


def recommendation_body(grcm_meeting_id: int | None, **changes) -> dict:
    body = {"title": "Fortalecer la protección consular", "addressee": "viceministerial",
            "text": "Que los Países Miembros designen puntos focales de protección consular.\nSegunda línea.",
            "rationale": "La Red de Protección Consular reporta demoras en la atención a personas migrantes.",
            "grcm_meeting_id": grcm_meeting_id}
    body.update(changes)
    return body


def instrument_body(**changes) -> dict:
    body = {"title_es": "Lineamientos Regionales de Actuación para la Protección Integral de la Niñez y "
                        "Adolescencia en el Contexto de la Migración",
            "title_en": "Regional Guidelines for the Comprehensive Protection of Children and Adolescents "
                        "in the Context of Migration",
            "kind": "guideline", "adopted_on": "2016-06-24", "adopted_by": "Declaración de la XXI CRM, párr. 12",
            "network": "migrant_children"}
    body.update(changes)
    return body


def entry_body(**changes) -> dict:
    body = {"period": "2026-S1", "country": "HN", "status": "partial",
            "indicators": [{"name": "Oficiales capacitados", "value": "42", "unit": "personas"}],
            "observations": "Se capacitó a personal de frontera en la identificación de niñez no acompañada."}
    body.update(changes)
    return body


def event_body(**changes) -> dict:
    body = {"title": "Taller regional sobre trata de personas", "starts_on": "2026-09-10", "kind": "workshop",
            "network": "trafficking_smuggling"}
    body.update(changes)
    return body


def work_plan_body(**changes) -> dict:
    body = {
        "year": 2027, "introduction": "Plan de trabajo del Equipo Tripartito.",
        "objectives": [{"code": "O1", "text": "Dar seguimiento a los lineamientos regionales."}],
        "activities": [{"objective": "O1", "description": "Informe de monitoreo de los lineamientos de niñez",
                        "responsible": "st_crm", "starts_on": "2027-01-15", "ends_on": "2027-05-31",
                        "network": "migrant_children", "indicator": "Informe enviado a los Países Miembros"}],
        "resources": [
            {"description": "Taller regional", "source": "OIM", "amount": "15000.00", "currency": "USD",
             "status": "committed"},
            {"description": "Traducción", "source": "PPT", "amount": "2500.50", "currency": "USD",
             "status": "identified"},
        ],
    }
    body.update(changes)
    return body


def feedback_body(**changes) -> dict:
    body = {"concept_note_received_on": "2026-09-01", "work_plan_received_on": "2026-09-05",
            "items": [{"section": "Objetivos", "document": "concept_note", "comment": "Precisar metas."}],
            "joint_actions": [{"action": "Taller sobre niñez migrante", "responsible": "ppt",
                               "timeline": "T1 2027", "network": "migrant_children"}]}
    body.update(changes)
    return body


# R9: the team submits as the three parties, on a real date before the GRCM meeting (GRCM above: 2026-06-16).
SUBMISSION = {"to": "submitted", "submitted_on": "2026-05-29"}


def endorse_by_all(client, auth, recommendation_id: int) -> None:
    for party in ("st_crm", "st_rrocm", "ppt"):
        response = client.post(f"/api/v1/recommendations/{recommendation_id}/endorsement", headers=auth[party])
        assert response.status_code == 200, response.json


def instrument_on_record(client, auth) -> dict:
    """An instrument in the register: a monitoring report with something to show (nothing empty is issued)."""
    response = client.post("/api/v1/instruments", json=instrument_body(), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response.json
