from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import CountryCode, Day, Id, OriginalLanguage, Text
from service.participation.rules import EventKind


class CrmEventSchema(Schema):
    id = Id(dump_only=True)
    title = Text(required=True, max_length=300)
    starts_on = Day(required=True)
    ends_on = Day(load_default=None, allow_none=True)
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in EventKind]))
    location = Text(load_default=None, allow_none=True, max_length=300)
    network = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=32))
    # R1: civil society takes part unless a member country expressly asked for members only
    members_only = fields.Boolean(load_default=False)
    members_only_requested_by = CountryCode(load_default=None, allow_none=True)
    members_only_requested_on = Day(load_default=None, allow_none=True)
    original_language = OriginalLanguage()
    civil_society_participates = fields.Function(lambda event: not event.members_only, dump_only=True)
    cancelled_at = fields.AwareDateTime(dump_only=True, allow_none=True)
    cancellation_reason = fields.String(dump_only=True, allow_none=True)
    version = fields.Integer(dump_only=True)


class CrmEventUpdateSchema(CrmEventSchema):
    """PATCH (partial=True)."""


class CrmEventQuerySchema(Schema):
    starts_from = Day(load_default=None, data_key="from")
    starts_until = Day(load_default=None, data_key="until")
    members_only = fields.Boolean(load_default=None)
