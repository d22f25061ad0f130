"""Monitoring tools over HTTP (issue 17): the parties define and open questionnaires; each member country
answers its own; the parties read every response and may reopen one with a question.

A country token reads open and closed tools (not drafts) and only its own country's response (403 naming the
country otherwise); the parties read everything.
"""

from __future__ import annotations

from flask import Response
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import ValidationError

from schemas.documents import UploadSchema
from schemas.fields import CountryCode
from schemas.monitoring_tools import (
    ClarificationSchema,
    MonitoringToolQuerySchema,
    MonitoringToolSchema,
    MonitoringToolUpdateSchema,
    ResponseSchema,
    ResponseWriteSchema,
)
from service.adapters import services
from service.auth.http import current_principal, requires_reader, requires_team, requires_writer
from service.common.i18n import N_
from service.documents.annexes_api import uploaded_file
from service.documents.files import file_response
from service.errors import RuleViolation
from service.extensions import db
from service.http import etag_header, require_if_match
from service.monitoring.tools.export import export_rows, to_csv, to_xlsx
from service.monitoring.tools.models import MonitoringTool
from service.monitoring.tools.operations import (
    attach_evidence,
    create_tool,
    evidence_file_name,
    find_evidence,
    find_tool,
    list_tools,
    move_tool,
    request_clarification,
    save_response,
    submit_response,
    update_tool,
)
from service.monitoring.tools.queries import all_responses, country_response
from service.monitoring.tools.rules import ToolState, check_may_read

blp = Blueprint("monitoring_tools", __name__, url_prefix="/api/v1/monitoring-tools",
                description="Monitoring tools: questionnaires per instrument and period that member countries "
                            "answer (issue 17)")
KIND = "monitoring_tool"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_VISIBLE_TO_COUNTRIES = (ToolState.OPEN.value, ToolState.CLOSED.value)


def readable_tool(tool_id: int) -> MonitoringTool:
    """The tool, if the caller may see it: a draft is the parties' working data (404 to countries)."""
    tool = find_tool(tool_id)
    if tool.state not in _VISIBLE_TO_COUNTRIES and not current_principal().is_party:
        abort(404, message=f"No monitoring tool {tool_id}.")
    return tool


def country_code(raw: str) -> str:
    try:
        return CountryCode().deserialize(raw)
    except ValidationError as invalid:
        raise RuleViolation(N_("%(code)r is not a country code (ISO 3166 alpha-2)."), params={"code": raw},
                            field="country") from invalid


def today():
    return services().clock.now().date()


@blp.route("")
class Tools(MethodView):
    @requires_reader
    @blp.arguments(MonitoringToolQuerySchema, location="query")
    @blp.response(200, MonitoringToolSchema(many=True))
    def get(self, args):
        """Parties: every tool; member countries: the open and closed ones."""
        states = None if current_principal().is_party else _VISIBLE_TO_COUNTRIES
        if args["state"]:
            states = tuple(s for s in (states or (args["state"],)) if s == args["state"])
        return list_tools(states=states, instrument_id=args["instrument_id"])

    @requires_writer
    @blp.arguments(MonitoringToolSchema)
    @blp.response(201, MonitoringToolSchema)
    def post(self, data):
        tool = create_tool(data, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return tool, etag_header(KIND, tool.id, tool.version)


@blp.route("/<int:tool_id>")
class Tool(MethodView):
    @requires_reader
    @blp.response(200, MonitoringToolSchema)
    def get(self, tool_id):
        tool = readable_tool(tool_id)
        return tool, etag_header(KIND, tool.id, tool.version)

    @requires_writer
    @blp.arguments(MonitoringToolUpdateSchema(partial=True))
    @blp.response(200, MonitoringToolSchema)
    def patch(self, changes, tool_id):
        """Dates while not closed; questions while no country has answered (409 otherwise)."""
        tool = find_tool(tool_id)
        require_if_match(KIND, tool.id, tool.version)
        update_tool(tool, changes, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return tool, etag_header(KIND, tool.id, tool.version)


def _move(tool_id: int, to: str):
    tool = find_tool(tool_id)
    move_tool(tool, to, actor=current_principal(), now=services().clock.now())
    db.session.commit()
    return tool, etag_header(KIND, tool.id, tool.version)


@blp.route("/<int:tool_id>/open")
class OpenTool(MethodView):
    @requires_writer
    @blp.response(200, MonitoringToolSchema)
    def post(self, tool_id):
        """Open a draft tool: member countries see it and answer."""
        return _move(tool_id, ToolState.OPEN.value)


@blp.route("/<int:tool_id>/close")
class CloseTool(MethodView):
    @requires_writer
    @blp.response(200, MonitoringToolSchema)
    def post(self, tool_id):
        """Close an open tool: it is frozen, responses included."""
        return _move(tool_id, ToolState.CLOSED.value)


@blp.route("/<int:tool_id>/responses")
class Responses(MethodView):
    @requires_team
    @blp.response(200, ResponseSchema(many=True))
    def get(self, tool_id):
        """Every member country's response and standing (countries that have not answered included)."""
        return all_responses(find_tool(tool_id), today())


def _export(tool_id: int, extension: str, media_type: str, make) -> Response:
    tool = find_tool(tool_id)
    response = Response(make(export_rows(tool, today())), mimetype=media_type)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="monitoring-tool-{tool.id}-v{tool.questionnaire_version}.{extension}"')
    response.headers["Cache-Control"] = "private, no-store"  # drafts change; always the current answers
    return response


@blp.route("/<int:tool_id>/responses.csv")
class ResponsesCsv(MethodView):
    @requires_team
    @blp.response(200, content_type="text/csv")
    def get(self, tool_id):
        """One row per member country × question, with the questionnaire version (UTF-8 with BOM)."""
        return _export(tool_id, "csv", "text/csv", to_csv)


@blp.route("/<int:tool_id>/responses.xlsx")
class ResponsesXlsx(MethodView):
    @requires_team
    @blp.response(200, content_type=XLSX)
    def get(self, tool_id):
        """The same rows as the CSV, as a spreadsheet (numbers as numbers)."""
        return _export(tool_id, "xlsx", XLSX, to_xlsx)


@blp.route("/<int:tool_id>/responses/<string:country>")
class CountryResponse(MethodView):
    @requires_reader
    @blp.response(200, ResponseSchema)
    def get(self, tool_id, country):
        code = country_code(country)
        check_may_read(current_principal(), code)
        return country_response(readable_tool(tool_id), code, today())

    @requires_reader
    @blp.arguments(ResponseWriteSchema)
    @blp.response(200, ResponseSchema)
    def put(self, data, tool_id, country):
        """The country's draft answers by question key and its comment (only the country itself writes it)."""
        code = country_code(country)
        tool = readable_tool(tool_id)
        save_response(tool, code, data["answers"], data["comment"], actor=current_principal(),
                      now=services().clock.now())
        db.session.commit()
        return country_response(tool, code, today())


@blp.route("/<int:tool_id>/responses/<string:country>/submit")
class SubmitResponse(MethodView):
    @requires_reader
    @blp.response(200, ResponseSchema)
    def post(self, tool_id, country):
        """Submit the response (every question answered); afterwards only the parties can reopen it."""
        code = country_code(country)
        tool = readable_tool(tool_id)
        submit_response(tool, code, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return country_response(tool, code, today())


@blp.route("/<int:tool_id>/responses/<string:country>/clarification")
class Clarification(MethodView):
    @requires_writer
    @blp.arguments(ClarificationSchema)
    @blp.response(200, ResponseSchema)
    def post(self, data, tool_id, country):
        """Reopen a submitted response with the parties' question ("clarification requested")."""
        code = country_code(country)
        tool = find_tool(tool_id)
        request_clarification(tool, code, data["question"], actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return country_response(tool, code, today())


@blp.route("/<int:tool_id>/responses/<string:country>/evidence")
class Evidence(MethodView):
    @requires_reader
    @blp.response(201, UploadSchema)
    def post(self, tool_id, country):
        """An evidence file (PDF or Word) as the raw body or a form field `file`, through the upload gate."""
        code = country_code(country)
        tool = readable_tool(tool_id)
        content, name = uploaded_file()
        upload = attach_evidence(tool, code, content, name, actor=current_principal(), now=services().clock.now(),
                                 store=services().store)
        db.session.commit()
        return upload


@blp.route("/<int:tool_id>/responses/<string:country>/evidence/<int:upload_id>")
class EvidenceFile(MethodView):
    @requires_reader
    @blp.response(200, content_type="application/pdf")
    def get(self, tool_id, country, upload_id):
        """One evidence file as uploaded (the country itself and the parties only)."""
        code = country_code(country)
        check_may_read(current_principal(), code)
        found = find_evidence(readable_tool(tool_id), code, upload_id)
        if found is None:
            abort(404, message=f"No evidence file {upload_id} in the response of {code}.")
        return file_response(found.file_sha256, found.media_type, evidence_file_name(found, tool_id, code))
