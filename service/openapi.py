"""What the OpenAPI document cannot infer from the schemas, added while it is generated: the error statuses each
operation can answer (instead of a catch-all "default"), If-Match preconditions (412/428), the raw upload bodies,
local wall times, and decimals sent as strings.

The tables below name operations by method and OpenAPI path; tests/test_openapi.py checks the document against
the OpenAPI 3.0 schema, and schemathesis (tests/test_api_fuzz.py) checks the live API against the document, so an
operation that answers 428 without its row here shows up as an undocumented status.
"""

from __future__ import annotations

from typing import Any

from apispec import BasePlugin
from marshmallow import fields

from schemas.fields import LocalDateTime

# (method, path) → whether If-Match is required (428 without it) or only checked when sent.
IF_MATCH: dict[tuple[str, str], bool] = {
    ("patch", "/api/v1/meetings/{meeting_id}"): True,
    ("post", "/api/v1/meetings/{meeting_id}/cancel"): False,
    ("put", "/api/v1/meetings/{meeting_id}/minutes"): False,  # required once minutes exist
    ("patch", "/api/v1/grcm-meetings/{meeting_id}"): True,
    ("patch", "/api/v1/ppt-terms/{term_id}"): True,
    ("put", "/api/v1/ppt-terms/{term_id}/feedback"): False,  # required once feedback exists
    ("patch", "/api/v1/recommendations/{recommendation_id}"): True,
    ("post", "/api/v1/recommendations/{recommendation_id}/transitions"): False,
    ("post", "/api/v1/recommendations/{recommendation_id}/endorsement"): False,
    ("post", "/api/v1/grcm-meetings/{meeting_id}/cancel"): False,
    ("post", "/api/v1/crm-events/{event_id}/cancel"): False,
    ("patch", "/api/v1/instruments/{instrument_id}"): True,
    ("patch", "/api/v1/work-plans/{plan_id}"): True,
    ("patch", "/api/v1/crm-events/{event_id}"): True,
    ("patch", "/api/v1/monitoring-tools/{tool_id}"): True,
}

_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_BINARY = {"schema": {"type": "string", "format": "binary"}}


def _annex_upload(what: str) -> dict[str, Any]:
    """An annex of the incoming PPT: PDF or DOCX as the body, or as the form field `file`."""
    return {
        "description": f"{what}, PDF or DOCX: as the body (optionally with Content-Disposition's filename), or "
                       "as the form field `file`.",
        "required": True,
        "content": {"application/pdf": _BINARY, _DOCX: _BINARY,
                    "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                        "file": {"type": "string", "format": "binary"}}}}},
    }


# (method, path) → the request body of operations that take a file instead of JSON.
UPLOADS: dict[tuple[str, str], dict[str, Any]] = {
    ("put", "/api/v1/ppt-terms/{term_id}/concept-note"): _annex_upload("The concept note"),
    ("put", "/api/v1/ppt-terms/{term_id}/work-plan"): _annex_upload("The incoming PPT's work plan"),
    ("post", "/api/v1/monitoring-tools/{tool_id}/responses/{country}/evidence"): _annex_upload(
        "An evidence file of the country's response"),
    ("put", "/api/v1/templates/{kind}/{language}"): {
        "description": "The Word template (.docx) as the body; the template doctor must accept it.",
        "required": True,
        "content": {_DOCX: _BINARY},
    },
    ("post", "/api/v1/verify"): {
        "description": "The PDF to verify, as the body.",
        "required": True,
        "content": {"application/pdf": _BINARY},
    },
}

_FILE = {"description": "The file.", "content": {"application/pdf": _BINARY, _DOCX: _BINARY}}
_TEMPLATE = {"description": "The template's state.", "content": {"application/json": {"schema": {"type": "object"}}}}
# (method, path) → success answers of operations whose handlers return a file or a plain dict, not a schema.
SUCCESSES: dict[tuple[str, str], dict[str, Any]] = {
    ("get", "/api/v1/documents/{document_id}/pdf"): {"200": {"description": "The PDF/A.",
                                                              "content": {"application/pdf": _BINARY}}},
    ("get", "/api/v1/documents/{document_id}/docx"): {"200": {"description": "The Word file it was made from.",
                                                               "content": {_DOCX: _BINARY}}},
    ("get", "/api/v1/ppt-terms/{term_id}/concept-note/file"): {"200": _FILE},
    ("get", "/api/v1/ppt-terms/{term_id}/work-plan/file"): {"200": _FILE},
    ("get", "/api/v1/templates"): {"200": {"description": "Every kind's template in each language.", "content": {
        "application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}},
    ("get", "/api/v1/templates/{kind}/{language}"): {"200": {"description": "The template.",
                                                              "content": {_DOCX: _BINARY}}},
    ("put", "/api/v1/templates/{kind}/{language}"): {"200": _TEMPLATE},
    ("get", "/api/v1/monitoring-tools/{tool_id}/responses/{country}/evidence/{upload_id}"): {"200": _FILE},
    ("get", "/api/v1/monitoring-tools/{tool_id}/responses.csv"): {"200": {
        "description": "One row per member country × question (UTF-8 with BOM).",
        "content": {"text/csv": {"schema": {"type": "string"}}}}},
    ("get", "/api/v1/monitoring-tools/{tool_id}/responses.xlsx"): {"200": {
        "description": "The same rows as a spreadsheet.",
        "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _BINARY}}},
}

LOCAL_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$"
DECIMAL_PATTERN = r"^-?\d{1,12}(\.\d{1,6})?$"


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


_READ_ERRORS = {
    "400": "Bad Request: malformed query or JSON.",
    "401": "Unauthorized: no or unknown bearer token.",
    "403": "Forbidden: this token's party or country may not do this.",
    "404": "Not Found: no such record.",
    "422": "Unprocessable Entity: a field or a rule (named in the body) refuses the input.",
}
_WRITE_ERRORS = {
    **_READ_ERRORS,
    "409": "Conflict: changed or taken meanwhile; read again and retry.",
    "413": "Content Too Large: the body is over the limit.",
    "415": "Unsupported Media Type: send JSON (or the file type the operation names).",
    "502": "Bad Gateway: the PDF converter failed; nothing was issued.",
    "503": "Service Unavailable: no PDF converter free; see Retry-After.",
}


class PreconditionsAndUploads(BasePlugin):
    """apispec plugin: the error statuses of each operation, the If-Match header with its 412/428 answers, and
    the upload bodies."""

    def operation_helper(self, path: str | None = None, operations: dict | None = None, **kwargs: Any) -> None:
        for method, operation in (operations or {}).items():
            responses = operation.setdefault("responses", {})
            responses.pop("default", None)  # a catch-all would make every status "documented"
            for status, description in (_READ_ERRORS if method in ("get", "head") else _WRITE_ERRORS).items():
                responses.setdefault(status, _error(description))
            required = IF_MATCH.get((method, path or ""))
            if required is not None:
                operation.setdefault("parameters", []).append({
                    "in": "header", "name": "If-Match", "required": required, "schema": {"type": "string"},
                    "description": "The ETag you last read. A stale one is 412 and changes nothing"
                                   + ("; without it, 428." if required else "."),
                })
                responses["412"] = _error("Precondition Failed: the record changed since you read it.")
                if required:
                    responses["428"] = _error("Precondition Required: send If-Match.")
            responses.update(SUCCESSES.get((method, path or ""), {}))
            body = UPLOADS.get((method, path or ""))
            if body is not None:
                operation["requestBody"] = body


def local_time_and_decimal_properties(self: Any, field: fields.Field, **kwargs: Any) -> dict[str, Any]:
    """Marshmallow attribute function: local wall times are not RFC 3339 date-times (no offset), and
    decimals travel as strings, so their bounds cannot be JSON Schema numbers."""
    if isinstance(field, LocalDateTime):
        return {"pattern": LOCAL_TIME_PATTERN, "example": "2027-03-10T10:00:00",
                "description": "Local wall time without an offset; the zone is in `timezone`."}
    if isinstance(field, fields.Decimal) and field.as_string:
        return {"pattern": DECIMAL_PATTERN, "example": "1500.00"}
    return {}


def install(api: Any) -> None:
    """Register what the plain marshmallow mapping gets wrong; call after api.init_app."""
    api.ma_plugin.map_to_openapi_type(LocalDateTime, "string", None)
    api.ma_plugin.map_to_openapi_type(fields.Decimal, "string", None)  # dumped as_string; inputs accept both
    api.ma_plugin.converter.add_attribute_function(local_time_and_decimal_properties)
