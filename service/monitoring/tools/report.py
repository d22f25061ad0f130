"""The monitoring tools' part of the monitoring report (issue 17): per instrument, its latest tool opened before
the GRCM meeting, every member country's submitted answers (or none), and the previous period's statuses for the
comparison. Read-only; the values are what schemas.rendering.ToolResult takes (the template derives the rest)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from service.extensions import db
from service.monitoring.tools.models import MonitoringResponse, MonitoringTool
from service.monitoring.tools.rules import QuestionType, ResponseState, ToolState, standing
from service.reference.models import Country


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _submitted(tool: MonitoringTool) -> dict[str, MonitoringResponse]:
    return {r.country: r for r in tool.responses if r.state == ResponseState.SUBMITTED}


def _first_status_key(tool: MonitoringTool) -> str | None:
    return next((q.key for q in tool.questions if q.type == QuestionType.STATUS), None)


def tool_results(until: date, today: date, language: str) -> list[dict[str, Any]]:
    """One result per instrument with a tool opened by `until`: its latest period, compared with the one before."""
    members = sorted(db.session.scalars(select(Country).where(Country.is_member)), key=lambda c: c.name(language))
    opened = db.session.scalars(
        select(MonitoringTool).where(MonitoringTool.state.in_((ToolState.OPEN, ToolState.CLOSED)),
                                     MonitoringTool.opens_on <= until)
        .order_by(MonitoringTool.instrument_id, MonitoringTool.period_ends_on, MonitoringTool.id))
    by_instrument: dict[int, list[MonitoringTool]] = {}
    for tool in opened:
        by_instrument.setdefault(tool.instrument_id, []).append(tool)
    results = []
    for tools in by_instrument.values():
        current = tools[-1]
        earlier = [t for t in tools[:-1] if t.period_ends_on < current.period_starts_on]
        instrument = current.instrument
        submitted = _submitted(current)
        all_responses = {r.country: r for r in current.responses}
        countries = []
        for country in members:
            response = all_responses.get(country.code)
            answered = submitted.get(country.code)
            countries.append({
                "country_name": country.name(language),
                "standing": standing(response.state if response else None, due_on=current.due_on,
                                     submitted_on=response.submitted_at.date() if response and response.submitted_at
                                     else None, today=today).value,
                "answers": [_as_text(answered.answers.get(q.key)) if answered else None for q in current.questions],
            })
        title = instrument.title_en if language == "en" and instrument.title_en else instrument.title_es
        result = {
            "instrument_title": title,
            "network": instrument.network, "period": current.period,
            "questionnaire_version": current.questionnaire_version, "due_on": current.due_on,
            # the unit in the report's language: in English the English unit, or the Spanish one if none
            "questions": [{"key": q.key, "text": q.text_in(language), "type": q.type, "unit": q.unit_in(language)}
                          for q in current.questions],
            "countries": countries, "previous": None,
        }
        if earlier and (key := _first_status_key(earlier[-1])):
            before = _submitted(earlier[-1])
            result["previous"] = {"period": earlier[-1].period,
                                  "statuses": [before[c.code].answers.get(key) if c.code in before else None
                                               for c in members]}
        results.append(result)
    return results
