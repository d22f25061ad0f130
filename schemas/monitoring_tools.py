"""Monitoring tools (issue 17): the questionnaire, the member countries' responses, their standing."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.documents import UploadSchema
from schemas.fields import CountryCode, Day, Id, Text
from service.monitoring.tools.rules import ImplementationStatus, QuestionType, ResponseState, Standing, ToolState


class QuestionTextSchema(Schema):
    es = Text(required=True, multiline=True, max_length=2000)
    en = Text(required=True, multiline=True, max_length=2000)


class QuestionSchema(Schema):
    key = fields.String(required=True, validate=validate.Length(min=1, max=40),
                        metadata={"description": "lower-case letters, digits and _, starting with a letter"})
    text = fields.Nested(QuestionTextSchema, required=True, metadata={"description": "The question in es and en."})
    type = fields.String(required=True, validate=validate.OneOf([t.value for t in QuestionType]), metadata={
        "description": "status: one of " + ", ".join(s.value for s in ImplementationStatus)
                       + "; number (with `unit`); boolean (yes/no); text."})
    unit = Text(load_default=None, allow_none=True, max_length=50, metadata={
        "description": "The unit of a number question, in Spanish; also shown in English when `unit_en` is empty."})
    unit_en = Text(load_default=None, allow_none=True, max_length=50, metadata={
        "description": "The unit in English (number questions only), e.g. people for personas."})
    indicator = Text(load_default=None, allow_none=True, max_length=300,
                     metadata={"description": "The indicator the answer feeds, if any."})


class MonitoringToolSchema(Schema):
    id = Id(dump_only=True)
    instrument_id = Id(required=True)
    period = fields.String(required=True, validate=validate.Length(min=4, max=8),
                           metadata={"description": "2026, 2026-S1 or 2026-Q3"})
    period_starts_on = Day(dump_only=True)
    period_ends_on = Day(dump_only=True)
    opens_on = Day(required=True)
    due_on = Day(required=True)
    state = fields.String(dump_only=True, metadata={"description": " | ".join(s.value for s in ToolState)})
    questionnaire_version = fields.Integer(dump_only=True, metadata={
        "description": "1, then one more each time the questions change (only before any country answers)."})
    questions = fields.List(fields.Nested(QuestionSchema), required=True, validate=validate.Length(min=1, max=60))
    created_at = fields.AwareDateTime(dump_only=True)
    created_by = fields.String(dump_only=True)
    opened_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    closed_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    version = fields.Integer(dump_only=True)


class MonitoringToolUpdateSchema(MonitoringToolSchema):
    """PATCH (partial=True): dates while not closed; questions while no country has answered."""


class MonitoringToolQuerySchema(Schema):
    instrument_id = Id(load_default=None)
    state = fields.String(load_default=None, validate=validate.OneOf([s.value for s in ToolState]))


class ResponseWriteSchema(Schema):
    answers = fields.Dict(keys=fields.String(), values=fields.Raw(allow_none=True), load_default=dict, metadata={
        "description": "{question key: value}: status code, number, true/false or text; null clears one."})
    comment = Text(load_default=None, allow_none=True, multiline=True, max_length=10000)


class ResponseSchema(Schema):
    id = Id()
    tool_id = Id()
    country = CountryCode()
    state = fields.String(metadata={"description": " | ".join(s.value for s in ResponseState)})
    standing = fields.String(metadata={"description": " | ".join(s.value for s in Standing)})
    answers = fields.Dict(keys=fields.String(), values=fields.Raw())
    comment = fields.String(allow_none=True)
    updated_at = fields.AwareDateTime(allow_none=True)
    updated_by = fields.String(allow_none=True)
    submitted_at = fields.AwareDateTime(allow_none=True)
    submitted_by = fields.String(allow_none=True)
    clarification_question = fields.String(allow_none=True)
    clarification_requested_at = fields.AwareDateTime(allow_none=True)
    clarification_requested_by = fields.String(allow_none=True)
    questionnaire_version = fields.Integer()
    evidence = fields.List(fields.Nested(UploadSchema))


class ClarificationSchema(Schema):
    question = Text(required=True, multiline=True, max_length=5000,
                    metadata={"description": "What the parties ask the country to clarify."})
