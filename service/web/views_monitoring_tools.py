"""The parties' pages for the monitoring tools (issue 17): list, create, edit (questions only while no member
country has answered), open and close (each through the confirmation page), every country's response state,
and a request for clarification with the parties' question. The same operations as /api/v1/monitoring-tools."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response

from schemas.monitoring_tools import MonitoringToolSchema, MonitoringToolUpdateSchema
from service.documents.files import file_response
from service.extensions import db
from service.http import check_if_match, etag_for
from service.monitoring.models import Instrument
from service.monitoring.tools.models import MonitoringTool
from service.monitoring.tools.operations import (
    create_tool,
    evidence_file_name,
    find_evidence,
    find_response,
    list_tools,
    move_tool,
    request_clarification,
    update_tool,
)
from service.monitoring.tools.queries import all_responses
from service.monitoring.tools.rules import QuestionType, ResponseState, ToolState
from service.reference.models import Country
from service.web.blueprints import web
from service.web.common import attempt, get_or_404, now, today
from service.web.confirm import confirm_page
from service.web.followup_forms import given, row_button, values_of
from service.web.forms import FieldErrors, RowGroups, filled_rows, read_rows, with_blank_rows
from service.web.i18n import current_language, long_date
from service.web.once import attempt_once
from service.web.signin import current_principal, requires_party

Page = Response | tuple[str, int] | str
KIND = "monitoring_tool"  # the API's ETag kind
QUESTION_FIELDS = ("key", "text_es", "text_en", "type", "unit", "unit_en", "indicator")
OPTIONAL_QUESTION_FIELDS = ("unit", "unit_en", "indicator")  # empty: sent as None
QUESTION_ROWS: RowGroups = {"questions": (QUESTION_FIELDS, QUESTION_FIELDS)}
TOOL_FIELDS = ("instrument_id", "period", "opens_on", "due_on")


def instrument_title(instrument: Instrument) -> str:
    return instrument.title_en if current_language() == "en" and instrument.title_en else instrument.title_es


def tool_payload(form: Mapping[str, str], rows: dict[str, list[dict[str, str]]]) -> dict[str, Any]:
    """The form as the API's JSON body: the questions' two texts nested, an empty unit (either language's) or
    indicator as None."""
    questions = [{**given(row, ("key", "type")),
                  "text": {language: row[f"text_{language}"] for language in ("es", "en")
                           if (row.get(f"text_{language}") or "").strip()},
                  # as the stored questions have them, so resending unchanged questions is no change
                  **{name: (row.get(name) or "").strip() or None for name in OPTIONAL_QUESTION_FIELDS}}
                 for row in rows["questions"]]
    return {**given(form, TOOL_FIELDS), "questions": questions}


def tool_rows(tool: MonitoringTool) -> dict[str, list[dict[str, str]]]:
    return {"questions": [values_of(q, QUESTION_FIELDS) for q in tool.questions]}


def _choices() -> dict[str, Any]:
    instruments = db.session.scalars(select(Instrument).order_by(Instrument.title_es))
    return {"instrument_options": [(str(i.id), instrument_title(i)) for i in instruments],
            "question_types": [(t.value, label) for t, label in _question_type_labels().items()]}


def _question_type_labels() -> dict[QuestionType, str]:
    return {QuestionType.STATUS: _("Implementation status"), QuestionType.NUMBER: _("Number (with its unit)"),
            QuestionType.BOOLEAN: _("Yes or no"), QuestionType.TEXT: _("Text")}


def _row_names(errors: FieldErrors) -> FieldErrors:
    """The API's names ("questions.0.text.es") as the form's fields ("questions.0.text_es"), so each message
    shows next to its field."""
    return FieldErrors({re.sub(r"^(questions\.\d+)\.text\.(es|en)$", r"\1.text_\2", key): messages
                        for key, messages in errors.messages.items()})


def _form(tool: MonitoringTool | None, values: dict, rows: dict, errors: FieldErrors, etag: str | None,
          status: int = 200) -> tuple[str, int]:
    errors = _row_names(errors)
    return render_template("monitoring/tool_form.html", tool=tool, values=values, rows=rows, errors=errors,
                           etag=etag, **_choices()), status


@web.get("/monitoring/tools")
@requires_party
def monitoring_tool_list() -> Page:
    tools = list_tools()
    answered = {tool.id: sum(1 for r in tool.responses if r.state == ResponseState.SUBMITTED.value)
                for tool in tools}
    members = db.session.scalar(select(db.func.count()).select_from(Country).where(Country.is_member.is_(True)))
    return render_template("monitoring/tools.html", tools=tools, answered=answered, members=members,
                           instrument_title=instrument_title)


@web.route("/monitoring/tools/new", methods=["GET", "POST"])
@requires_party
def monitoring_tool_new() -> Page:
    if request.method == "GET":
        chosen = {"instrument_id": request.args.get("instrument_id", "")}
        return _form(None, chosen, with_blank_rows({"questions": []}, 2, QUESTION_ROWS), FieldErrors(), None)
    form, rows = request.form, read_rows(request.form, QUESTION_ROWS)
    if row_button(form, rows, QUESTION_ROWS):
        return _form(None, form.to_dict(), rows, FieldErrors(), None)
    rows = filled_rows(rows, QUESTION_ROWS)
    created, errors = attempt_once(
        lambda: create_tool(MonitoringToolSchema().load(tool_payload(form, rows)), actor=current_principal(),
                            now=now()),
        lambda tool: url_for("web.monitoring_tool", tool_id=tool.id))
    if errors:
        return _form(None, form.to_dict(), with_blank_rows(rows, 1, QUESTION_ROWS), errors, None, 422)
    flash(_("Monitoring tool saved as a draft: open it when the member countries may answer."), "success")
    return redirect(url_for("web.monitoring_tool", tool_id=created.id))


@web.route("/monitoring/tools/<int:tool_id>/edit", methods=["GET", "POST"])
@requires_party
def monitoring_tool_edit(tool_id: int) -> Page:
    tool = get_or_404(MonitoringTool, tool_id)
    if request.method == "GET":
        values = values_of(tool, TOOL_FIELDS)
        return _form(tool, values, with_blank_rows(tool_rows(tool), 1, QUESTION_ROWS), FieldErrors(),
                     etag_for(KIND, tool.id, tool.version))
    form, rows, offered = request.form, read_rows(request.form, QUESTION_ROWS), request.form.get("etag") or None
    if row_button(form, rows, QUESTION_ROWS):
        return _form(tool, form.to_dict(), rows, FieldErrors(), offered)
    rows = filled_rows(rows, QUESTION_ROWS)

    def save() -> MonitoringTool:
        check_if_match(offered, KIND, tool.id, tool.version)
        changes = MonitoringToolUpdateSchema(partial=True).load(tool_payload(form, rows))
        changes.pop("instrument_id", None)  # a tool stays with its instrument
        return update_tool(tool, changes, actor=current_principal(), now=now())

    _saved, errors = attempt(save)
    if errors:
        return _form(tool, form.to_dict(), with_blank_rows(rows, 1, QUESTION_ROWS), errors, offered,
                     errors.status)
    flash(_("Monitoring tool saved."), "success")
    return redirect(url_for("web.monitoring_tool", tool_id=tool.id))


@web.get("/monitoring/tools/<int:tool_id>")
@requires_party
def monitoring_tool(tool_id: int) -> Page:
    """The questionnaire and every member country's response: its standing, who submitted it and when, the
    question waiting for clarification."""
    tool = get_or_404(MonitoringTool, tool_id)
    names = {c.code: c.name(current_language()) for c in db.session.scalars(select(Country))}
    return render_template("monitoring/tool.html", tool=tool, responses=all_responses(tool, today()), names=names,
                           title=instrument_title(tool.instrument), types=_question_type_labels())


def _subject(tool: MonitoringTool) -> str:
    return f"{instrument_title(tool.instrument)} — {tool.period}"


def _move_page(tool: MonitoringTool, to: str, errors: FieldErrors | None = None,
               status: int = 200) -> tuple[str, int]:
    """What opening or closing the tool does; no button when the tool is not in the state it moves from."""
    opening = to == ToolState.OPEN.value
    expected = ToolState.DRAFT.value if opening else ToolState.OPEN.value
    if opening:
        consequences = [_("The member countries see the questionnaire in the portal and can answer it until "
                          "%(date)s; their calendar feeds show the due date.", date=long_date(tool.due_on)),
                        _("Reminders are mailed to the countries that have not submitted, a week and a day "
                          "before the due date."),
                        _("The questions can still change until the first country answers.")]
    else:
        consequences = [_("The questionnaire and every response are frozen: nobody can change an answer any "
                          "more, not even with a clarification."),
                        _("Drafts that were not submitted stay as they are and count as no response in the "
                          "monitoring report.")]
    refused = _("Only a draft monitoring tool can be opened.") if opening else _(
        "Only an open monitoring tool can be closed.")
    warnings = [] if tool.state == expected else [refused]
    return confirm_page(
        heading=_("Open the monitoring tool") if opening else _("Close the monitoring tool"), subject=_subject(tool),
        consequences=consequences, warnings=warnings, blocked=bool(warnings), danger=not opening,
        confirm_label=_("Yes, open it to the member countries") if opening else _("Yes, close it"),
        action=url_for("web.monitoring_tool_move", tool_id=tool.id, to="open" if opening else "close"),
        ask_reason=False,
        hidden={"etag": etag_for(KIND, tool.id, tool.version)},
        back=url_for("web.monitoring_tool", tool_id=tool.id), errors=errors, status=status)


@web.route("/monitoring/tools/<int:tool_id>/<any(open, close):to>", methods=["GET", "POST"],
           endpoint="monitoring_tool_move")
@requires_party
def monitoring_tool_move(tool_id: int, to: str) -> Page:
    tool = get_or_404(MonitoringTool, tool_id)
    state = ToolState.OPEN.value if to == "open" else ToolState.CLOSED.value
    if request.method == "GET":
        return _move_page(tool, state)
    offered = request.form.get("etag") or None

    def move() -> MonitoringTool:
        check_if_match(offered, KIND, tool.id, tool.version)
        return move_tool(tool, state, actor=current_principal(), now=now())

    _done, errors = attempt(move)
    if errors:
        return _move_page(tool, state, errors, errors.status)
    flash(_("The monitoring tool is open to the member countries.") if to == "open"
          else _("The monitoring tool is closed; its responses are frozen."), "success")
    return redirect(url_for("web.monitoring_tool", tool_id=tool.id))


def _country(code: str) -> Country:
    found = db.session.scalar(select(Country).where(Country.code == code))
    if found is None:
        abort(404)
    return found


def _clarification_page(tool: MonitoringTool, country: str, values: dict | None = None,
                        errors: FieldErrors | None = None, status: int = 200) -> tuple[str, int]:
    response = find_response(tool, country)
    submitted = response is not None and response.state == ResponseState.SUBMITTED.value
    warnings = [] if submitted and tool.state == ToolState.OPEN else [
        _("Only a submitted response of an open monitoring tool can be reopened with a question.")]
    country_name = _country(country).name(current_language())
    return confirm_page(
        heading=_("Request a clarification"), subject=f"{_subject(tool)} · {country_name}",
        consequences=[_("The response goes back to the country, marked “waiting for clarification”, with your "
                        "question."),
                      _("The country corrects or completes its answers in the portal and submits them again.")],
        warnings=warnings, blocked=bool(warnings), danger=False, confirm_label=_("Send the question"),
        action=url_for("web.monitoring_tool_clarification", tool_id=tool.id, country=country),
        ask_reason=True, reason_required=True, reason_label=_("Your question to the country"),
        back=url_for("web.monitoring_tool", tool_id=tool.id), values=values, errors=errors, status=status)


@web.route("/monitoring/tools/<int:tool_id>/responses/<string:country>/clarification", methods=["GET", "POST"])
@requires_party
def monitoring_tool_clarification(tool_id: int, country: str) -> Page:
    tool = get_or_404(MonitoringTool, tool_id)
    _country(country)
    if request.method == "GET":
        return _clarification_page(tool, country)
    question = (request.form.get("reason") or "").strip()
    errors = FieldErrors()
    if not question:
        errors.add("reason", _("Write the question the country should answer."))
    else:
        _done, errors = attempt(lambda: request_clarification(tool, country, question, actor=current_principal(),
                                                              now=now()))
    if errors:
        return _clarification_page(tool, country, request.form.to_dict(), errors, 422)
    flash(_("The question was sent; the response waits for the country's clarification."), "success")
    return redirect(url_for("web.monitoring_tool", tool_id=tool.id))


@web.get("/monitoring/tools/<int:tool_id>/responses/<string:country>/evidence/<int:upload_id>")
@requires_party
def monitoring_tool_evidence(tool_id: int, country: str, upload_id: int) -> Response:
    """One evidence file a member country uploaded with its response."""
    tool = get_or_404(MonitoringTool, tool_id)
    found = find_evidence(tool, country, upload_id)
    if found is None:
        abort(404)
    return file_response(found.file_sha256, found.media_type, evidence_file_name(found, tool_id, country))
