from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import Day, Id


class ScheduleQuerySchema(Schema):
    year = fields.Integer(required=True, validate=validate.Range(min=2000, max=2100))


class QuarterSchema(Schema):
    quarter = fields.String(metadata={"description": "e.g. 2027-Q1"})
    starts_on = Day()
    ends_on = Day()
    meeting_ids = fields.List(fields.Integer(), metadata={"description": "ordinary, not cancelled meetings"})
    has_ordinary_meeting = fields.Boolean()


class PrePptWindowSchema(Schema):
    ppt_term_id = Id()
    country = fields.String()
    term_starts_on = Day()
    latest_meeting_on = Day(metadata={"description": "R6: term start − 2 months"})
    meeting_ids = fields.List(fields.Integer())
    has_meeting = fields.Boolean()
    on_time = fields.Boolean()
    missed = fields.Boolean(metadata={"description": "the latest date has passed without an on-time meeting"})


class GrcmDeadlineSchema(Schema):
    id = Id()
    title = fields.String()
    starts_at = fields.NaiveDateTime()
    timezone = fields.String()
    report_due_on = Day(metadata={"description": "R5: GRCM date − 2 months"})
    report_issued_on = Day(allow_none=True)
    overdue = fields.Boolean(metadata={"description": "due date passed, monitoring report not issued"})
    late = fields.Boolean(metadata={"description": "issued after the due date"})


class ScheduleSchema(Schema):
    year = fields.Integer()
    today = Day()
    quarters = fields.List(fields.Nested(QuarterSchema))
    gaps = fields.List(fields.String(), metadata={"description": "R3: quarters without an ordinary meeting"})
    pre_ppt = fields.Nested(PrePptWindowSchema, allow_none=True)
    grcm_meetings = fields.List(fields.Nested(GrcmDeadlineSchema))
