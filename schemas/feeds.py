from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from schemas.fields import CountryCode, Id, Text
from service.common.i18n import LANGUAGES

PARTY_CODES = ("st_crm", "st_rrocm", "ppt")


class SubscribeLinksSchema(Schema):
    url = fields.String(metadata={"description": "The feed (https:// or http://)."})
    webcal = fields.String(metadata={"description": "The same feed as webcal://: opens the calendar app."})
    google = fields.String(metadata={"description": "Google Calendar's add-by-URL page for the feed."})


class FeedTokenSchema(Schema):
    id = Id(dump_only=True)
    party = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(PARTY_CODES))
    country = CountryCode(load_default=None, allow_none=True)
    label = Text(load_default=None, allow_none=True, max_length=200)
    created_at = fields.AwareDateTime(dump_only=True)
    revoked_at = fields.AwareDateTime(dump_only=True, allow_none=True)

    @validates_schema
    def party_or_country(self, data: dict, **kwargs) -> None:
        if bool(data.get("party")) == bool(data.get("country")):
            raise ValidationError("Give either a party (st_crm, st_rrocm, ppt) or a member country, not both.",
                                  "party")


class FeedTokenCreatedSchema(FeedTokenSchema):
    """The answer to a create: the only time the secret is shown."""

    secret = fields.String(dump_only=True)
    links = fields.Nested(SubscribeLinksSchema, dump_only=True)


class CalendarQuerySchema(Schema):
    lang = fields.String(load_default="es", validate=validate.OneOf(LANGUAGES))
