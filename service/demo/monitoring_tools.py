"""Demo: a monitoring tool for each network's main instrument, last year's (closed) and this year's (open), with
answers from most member countries: some on time, some late, one reopened for clarification, a few without an
answer yet, so the monitoring report's matrix and charts show something real (issue 17)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from service.auth.principals import Principal
from service.extensions import db
from service.monitoring.models import Instrument
from service.monitoring.tools.models import MonitoringTool
from service.monitoring.tools.operations import (
    create_tool,
    move_tool,
    request_clarification,
    save_response,
    submit_response,
)
from service.reference.operations import member_country_codes

MAIN_INSTRUMENTS = {  # network -> the start of its main instrument's Spanish title
    "migrant_children": "Lineamientos Regionales de Actuación",
    "consular_protection": "Guía de Protección Consular",
    "trafficking_smuggling": "Lineamientos Regionales para la Protección Especial",
}
QUESTIONS = [
    {"key": "estado", "type": "status", "text": {
        "es": "¿En qué estado está la implementación del instrumento en el país?",
        "en": "What is the state of the instrument's implementation in the country?"}},
    {"key": "punto_focal", "type": "boolean", "text": {
        "es": "¿Designó el país un punto focal para el instrumento?",
        "en": "Has the country designated a focal point for the instrument?"}},
    {"key": "capacitados", "type": "number", "unit": "personas", "unit_en": "people",
     "indicator": "Personas funcionarias capacitadas",
     "text": {"es": "Personas funcionarias capacitadas en el período", "en": "Officials trained in the period"}},
    {"key": "avances", "type": "text", "text": {
        "es": "Principales avances y obstáculos", "en": "Main progress and obstacles"}},
]
# A country's status this year by its position in the member list (shifted per instrument); the year before,
# one step behind.
STATUS_CYCLE = ("implemented", "in_progress", "implemented", "not_started", "in_progress", "implemented",
                "not_applicable", "in_progress", "implemented", "in_progress", "not_started")
BEHIND = {"implemented": "in_progress", "in_progress": "not_started", "not_started": "not_started",
          "not_applicable": "not_applicable"}
NOTES = {"implemented": "Protocolo nacional aprobado y en aplicación en los puntos de atención.",
         "in_progress": "Protocolo en revisión; capacitación en curso en las oficinas consulares.",
         "not_started": "Pendiente de asignación de presupuesto.",
         "not_applicable": "El país no registra casos que requieran el procedimiento."}


def _at(day: date, hour: int = 15) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _answers(status: str, seed: int) -> dict:
    return {"estado": status, "punto_focal": status != "not_started", "capacitados": 15 + (seed * 37) % 140,
            "avances": NOTES[status]}


def _tool(instrument: Instrument, year: int) -> MonitoringTool:
    tool = create_tool({"instrument_id": instrument.id, "period": str(year), "opens_on": date(year, 10, 1),
                        "due_on": date(year, 11, 20), "questions": QUESTIONS},
                       actor=Principal.system_actor("demo", party="st_crm"), now=_at(date(year, 9, 15)))
    move_tool(tool, "open", actor=Principal.system_actor("demo", party="st_crm"), now=_at(date(year, 10, 1)))
    return tool


def _answer(tool: MonitoringTool, code: str, status: str, seed: int, on: date, *, submit: bool = True) -> None:
    country = Principal(country=code, system="demo")
    save_response(tool, code, _answers(status, seed), None, actor=country, now=_at(on, 14))
    if submit:
        submit_response(tool, code, actor=country, now=_at(on, 16))


def load(year: int, *, now: datetime) -> str:
    members = member_country_codes()
    team = Principal.system_actor("demo", party="st_rrocm")
    tools = 0
    for offset, (network, title) in enumerate(MAIN_INSTRUMENTS.items()):
        instrument = db.session.scalar(select(Instrument).where(Instrument.network == network,
                                                                Instrument.title_es.startswith(title)))
        if instrument is None:
            continue
        statuses = {code: STATUS_CYCLE[(i + offset) % len(STATUS_CYCLE)] for i, code in enumerate(members)}
        last_year = _tool(instrument, year - 1)
        for i, code in enumerate(members[:-1]):  # one country never answered last year
            _answer(last_year, code, BEHIND[statuses[code]], i + offset, date(year - 1, 11, 3 + i))
        move_tool(last_year, "closed", actor=team, now=_at(date(year, 1, 15)))
        current = _tool(instrument, year)
        for i, code in enumerate(members):
            if i in (offset + 2, offset + 6):  # not answered yet (late once the due date passes)
                continue
            on = date(year, 11, 20) + timedelta(days=2) if i % 4 == 3 else date(year, 10, 6 + i)  # some late
            if _at(on) > now:
                continue
            # one country has saved a draft without submitting it
            _answer(current, code, statuses[code], i + offset, on, submit=i != offset + 4)
        clarification_on = date(year, 11, 21)
        if offset == 0 and _at(clarification_on) <= now:  # the parties ask one country about its figure
            first = next(r for r in current.responses if r.state == "submitted")
            request_clarification(current, first.country, "Indiquen si la cifra de personas capacitadas incluye "
                                  "al personal de los consulados en el exterior.", actor=team,
                                  now=_at(clarification_on))
        tools += 2
    return f"{tools} monitoring tools with the member countries' answers"
