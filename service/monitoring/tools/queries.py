"""Read-only views of monitoring tools: each member country's response (or its absence) and standing."""

from __future__ import annotations

from datetime import date
from typing import Any

from service.monitoring.tools.models import MonitoringResponse, MonitoringTool
from service.monitoring.tools.operations import evidence_of, find_response
from service.monitoring.tools.rules import standing
from service.reference.operations import member_country_codes


def response_view(tool: MonitoringTool, country_code: str, response: MonitoringResponse | None,
                  today: date) -> dict[str, Any]:
    """A country's response as the API shows it; a country that has not started has no state and no answers."""
    submitted_on = response.submitted_at.date() if response and response.submitted_at else None
    view: dict[str, Any] = {
        "id": response.id if response else None, "tool_id": tool.id, "country": country_code,
        "state": response.state if response else None,
        "standing": standing(response.state if response else None, due_on=tool.due_on, submitted_on=submitted_on,
                             today=today).value,
        "answers": dict(response.answers) if response else {},
        "questionnaire_version": tool.questionnaire_version,
        "evidence": evidence_of(response),
    }
    for name in ("comment", "updated_at", "updated_by", "submitted_at", "submitted_by", "clarification_question",
                 "clarification_requested_at", "clarification_requested_by"):
        view[name] = getattr(response, name) if response else None
    return view


def country_response(tool: MonitoringTool, country_code: str, today: date) -> dict[str, Any]:
    return response_view(tool, country_code, find_response(tool, country_code), today)


def all_responses(tool: MonitoringTool, today: date) -> list[dict[str, Any]]:
    """Every member country, answered or not, in code order."""
    by_country = {r.country: r for r in tool.responses}
    return [response_view(tool, code, by_country.get(code), today) for code in member_country_codes()]
