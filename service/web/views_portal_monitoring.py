"""The member countries' portal: the monitoring tools a country answers (issue 17). A country user sees the open
and closed tools, answers the open ones (save a draft, submit), and reads the parties' request for clarification.
The same operations as the API: only the country itself writes its response."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response

from service.adapters import services
from service.documents.files import file_response
from service.extensions import db
from service.monitoring.tools.models import MonitoringTool
from service.monitoring.tools.operations import (
    attach_evidence,
    evidence_file_name,
    evidence_of,
    find_evidence,
    find_response,
    list_tools,
    save_response,
    submit_response,
)
from service.monitoring.tools.queries import all_responses, country_response
from service.monitoring.tools.rules import QuestionType, ToolState
from service.reference.models import Country
from service.web.blueprints import portal
from service.web.common import attempt, get_or_404, now, today
from service.web.forms import FieldErrors
from service.web.i18n import current_language
from service.web.signin import current_principal, requires_reader

_VISIBLE = (ToolState.OPEN.value, ToolState.CLOSED.value)


def _country() -> str | None:
    principal = current_principal()
    return None if principal.is_party else principal.country


@portal.get("/monitoring", endpoint="monitoring_tools")
@requires_reader
def monitoring_tools() -> str:
    country = _country()
    tools = list_tools(states=_VISIBLE)
    rows = [(tool, country_response(tool, country, today()) if country else None) for tool in tools]
    return render_template("portal/monitoring_tools.html", rows=rows, country=country)


def _typed(question: Any, raw: str) -> Any:
    """A form value as the answer's type; what cannot be read goes as typed, for the rule to name it."""
    raw = raw.strip()
    if raw == "":
        return None
    if question.type == QuestionType.BOOLEAN:
        return {"true": True, "false": False}.get(raw, raw)
    return raw


def _answers_from(tool: MonitoringTool) -> dict[str, Any]:
    return {q.key: _typed(q, request.form.get(f"answers.{q.key}", "")) for q in tool.questions}


@portal.route("/monitoring/<int:tool_id>", methods=["GET", "POST"], endpoint="monitoring_response")
@requires_reader
def monitoring_response(tool_id: int) -> Response | str | tuple[str, int]:
    tool = get_or_404(MonitoringTool, tool_id)
    country = _country()
    if tool.state not in _VISIBLE:
        abort(404)
    return _response_page(tool, country)


def _response_page(tool: MonitoringTool, country: str | None, *, upload_errors: FieldErrors | None = None,
                   status: int = 200) -> Response | str | tuple[str, int]:
    errors, values = FieldErrors(), None
    if request.method == "POST" and upload_errors is None:
        if country is None:
            abort(403)
        answers, comment = _answers_from(tool), request.form.get("comment", "").strip() or None
        submitting = request.form.get("action") == "submit"

        def save_and_maybe_submit() -> None:
            save_response(tool, country, answers, comment, actor=current_principal(), now=now())
            if submitting:
                submit_response(tool, country, actor=current_principal(), now=now())

        _done, errors = attempt(save_and_maybe_submit)
        if not errors:
            flash(_("Your answers were submitted. Thank you.") if submitting else _("Your draft was saved."))
            return redirect(url_for("portal.monitoring_response", tool_id=tool.id))
        values = {**{f"answers.{k}": "" if v is None else str(v).lower() if isinstance(v, bool) else str(v)
                     for k, v in answers.items()}, "comment": comment or ""}
    response = country_response(tool, country, today()) if country else None
    if values is None and response is not None:
        values = {f"answers.{k}": str(v).lower() if isinstance(v, bool) else str(v)
                  for k, v in response["answers"].items()}
        values["comment"] = response["comment"] or ""
    stored = find_response(tool, country) if country else None
    editable = (country is not None and tool.state == ToolState.OPEN
                and (stored is None or stored.state != "submitted"))
    return render_template("portal/monitoring_response.html", tool=tool, response=response, values=values or {},
                           errors=errors, editable=editable, country=country, evidence=evidence_of(stored),
                           upload_errors=upload_errors or FieldErrors()), (422 if errors else status)


@portal.post("/monitoring/<int:tool_id>/evidence", endpoint="monitoring_evidence_upload")
@requires_reader
def monitoring_evidence_upload(tool_id: int) -> Response | str | tuple[str, int]:
    """An evidence file (PDF or Word) for the country's own response, through the upload gate like every upload;
    the gate's message goes next to the file field, and the answers typed so far stay saved as they were."""
    tool = get_or_404(MonitoringTool, tool_id)
    country = _country()
    if tool.state not in _VISIBLE:
        abort(404)
    if country is None:
        abort(403)
    file = request.files.get("file")
    errors = FieldErrors()
    if file is None or not file.filename:
        errors.add("file", _("Choose a PDF or Word (.docx) file to upload."))
    else:
        _upload, errors = attempt(lambda: attach_evidence(tool, country, file.read(), file.filename,
                                                          actor=current_principal(), now=now(),
                                                          store=services().store))
    if errors:
        return _response_page(tool, country, upload_errors=errors, status=422)
    flash(_("Evidence file uploaded."), "success")
    return redirect(url_for("portal.monitoring_response", tool_id=tool.id, _anchor="evidence"))


@portal.get("/monitoring/<int:tool_id>/evidence/<int:upload_id>", endpoint="monitoring_evidence_file")
@requires_reader
def monitoring_evidence_file(tool_id: int, upload_id: int) -> Response:
    """One evidence file of the signed-in country's own response (the parties read it in the API)."""
    tool = get_or_404(MonitoringTool, tool_id)
    country = _country()
    found = find_evidence(tool, country, upload_id) if country else None
    if found is None:
        abort(404)
    return file_response(found.file_sha256, found.media_type, evidence_file_name(found, tool_id, country))


@portal.app_template_global("monitoring_status")
def monitoring_status() -> list[dict[str, Any]]:
    """For the dashboard's include (monitoring/_status.html): per open tool, who answered, who is late and what
    waits for clarification. A template global, so the include needs nothing from the dashboard's view."""
    rows = []
    names = {c.code: c.name(current_language()) for c in db.session.scalars(select(Country))}
    for tool in list_tools(states=(ToolState.OPEN.value,)):
        responses = all_responses(tool, today())
        by = {standing: [names[r["country"]] for r in responses if r["standing"] == standing]
              for standing in ("submitted", "submitted_late", "waiting", "late", "clarification_requested")}
        rows.append({"tool": tool, "answered": len(by["submitted"]) + len(by["submitted_late"]),
                     "members": len(responses), "late": by["late"], "waiting": by["waiting"],
                     "clarification": by["clarification_requested"]})
    return rows
