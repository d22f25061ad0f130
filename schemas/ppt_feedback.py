from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import Day, Id, OriginalLanguage, Text

PARTY_CODES = ("st_crm", "st_rrocm", "ppt")


class FeedbackItemSchema(Schema):
    section = Text(required=True, max_length=200)  # e.g. "Objetivos", "Cronograma"
    document = fields.String(load_default=None, allow_none=True,
                             validate=validate.OneOf(["concept_note", "work_plan"]))
    comment = Text(required=True, multiline=True, max_length=10000)


class JointActionSchema(Schema):
    action = Text(required=True, multiline=True, max_length=5000)
    responsible = fields.String(required=True, validate=validate.OneOf(PARTY_CODES))
    timeline = Text(load_default=None, allow_none=True, max_length=200)
    network = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=32))


class PptFeedbackSchema(Schema):
    ppt_term_id = Id(dump_only=True)
    concept_note_received_on = Day(load_default=None, allow_none=True)
    work_plan_received_on = Day(load_default=None, allow_none=True)
    meeting_on = Day(load_default=None, allow_none=True)
    # the pre-PPT meeting of this term where the feedback is discussed (R11 with R6); its day fills meeting_on
    meeting_id = Id(load_default=None, allow_none=True)
    summary = Text(load_default=None, allow_none=True, multiline=True, max_length=10000)
    items = fields.List(fields.Nested(FeedbackItemSchema), load_default=list, validate=validate.Length(max=300))
    joint_actions = fields.List(fields.Nested(JointActionSchema), load_default=list,
                                validate=validate.Length(max=100))
    original_language = OriginalLanguage()
    recorded_by = fields.String(dump_only=True)
    updated_at = fields.AwareDateTime(dump_only=True)
    version = fields.Integer(dump_only=True)
    warnings = fields.List(fields.String(), dump_only=True)  # R11: late, but recorded
