from __future__ import annotations

from marshmallow import Schema, fields

from schemas.fields import Day, Id, LocalDateTime, OriginalLanguage, Text


class GrcmMeetingSchema(Schema):
    id = Id(dump_only=True)
    title = Text(required=True, max_length=300)
    starts_at = LocalDateTime(required=True)
    ends_at = LocalDateTime(required=True)
    timezone = fields.String(required=True)
    location = Text(load_default=None, allow_none=True, max_length=300)
    original_language = OriginalLanguage()
    report_due_on = Day(dump_only=True)
    cancelled_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    cancellation_reason = fields.String(dump_only=True, allow_none=True)
    version = fields.Integer(dump_only=True)


class GrcmMeetingUpdateSchema(GrcmMeetingSchema):
    """PATCH: any subset of the fields (loaded with partial=True)."""
