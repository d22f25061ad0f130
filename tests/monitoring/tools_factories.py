"""Bodies and helpers for the monitoring-tool tests."""

from __future__ import annotations

from tests.followups_factories import instrument_body

URL = "/api/v1/monitoring-tools"

QUESTIONS = [
    {"key": "status", "text": {"es": "¿En qué estado está la implementación?", "en": "What is the state of the "
                                                                                     "implementation?"},
     "type": "status"},
    {"key": "officials_trained", "text": {"es": "Funcionarios capacitados", "en": "Officials trained"},
     "type": "number", "unit": "personas", "indicator": "Capacitación consular"},
    {"key": "focal_point", "text": {"es": "¿Hay un punto focal designado?", "en": "Is there a focal point?"},
     "type": "boolean"},
    {"key": "notes", "text": {"es": "Observaciones", "en": "Notes"}, "type": "text"},
]
ANSWERS = {"status": "in_progress", "officials_trained": 42, "focal_point": True, "notes": "Protocolo & guía <v2>"}


def tool_body(instrument_id: int, **changes) -> dict:
    body = {"instrument_id": instrument_id, "period": "2026", "opens_on": "2026-11-01", "due_on": "2026-12-15",
            "questions": QUESTIONS}
    body.update(changes)
    return body


def make_instrument(client, auth, **changes) -> int:
    response = client.post("/api/v1/instruments", json=instrument_body(**changes), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    return response.json["id"]


def make_tool(client, auth, *, open_it: bool = True, **changes) -> dict:
    response = client.post(URL, json=tool_body(make_instrument(client, auth), **changes), headers=auth["st_crm"])
    assert response.status_code == 201, response.json
    tool = response.json
    if open_it:
        opened = client.post(f"{URL}/{tool['id']}/open", headers=auth["st_rrocm"])
        assert opened.status_code == 200, opened.json
        tool = opened.json
    return tool


def answer(client, auth, tool_id: int, country: str, answers: dict | None = None, *, submit: bool = False):
    response = client.put(f"{URL}/{tool_id}/responses/{country}", json={"answers": answers or ANSWERS,
                                                                       "comment": "Avance parcial"},
                          headers=auth[country])
    assert response.status_code == 200, response.json
    if submit:
        response = client.post(f"{URL}/{tool_id}/responses/{country}/submit", headers=auth[country])
        assert response.status_code == 200, response.json
    return response.json
