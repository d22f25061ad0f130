from __future__ import annotations

from marshmallow import Schema, fields

from schemas.fields import CountryCode, Day, Id


class PptTermSchema(Schema):
    id = Id(dump_only=True)
    country = CountryCode(required=True)
    starts_on = Day(required=True)
    ends_on = Day(required=True)
    pre_ppt_meeting_deadline = Day(dump_only=True)
    version = fields.Integer(dump_only=True)


class PptTermUpdateSchema(PptTermSchema):
    """PATCH: any subset of the fields (loaded with partial=True)."""


class PptOnDateSchema(Schema):
    on = Day(required=True)
