from __future__ import annotations

from marshmallow import Schema, fields

from schemas.fields import CountryCode


class PptTermSchema(Schema):
    id = fields.Integer(dump_only=True)
    country = CountryCode(required=True)
    starts_on = fields.Date(required=True)
    ends_on = fields.Date(required=True)
    pre_ppt_meeting_deadline = fields.Date(dump_only=True)
    version = fields.Integer(dump_only=True)


class PptTermUpdateSchema(PptTermSchema):
    """PATCH: any subset of the fields (loaded with partial=True)."""


class PptOnDateSchema(Schema):
    on = fields.Date(required=True)
