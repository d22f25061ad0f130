from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import CountryCode, Day, Id, OriginalLanguage, Text
from service.monitoring.rules import InstrumentKind, MonitoringStatus


class InstrumentSchema(Schema):
    id = Id(dump_only=True)
    title_es = Text(required=True, max_length=500)
    title_en = Text(load_default=None, allow_none=True, max_length=500)
    kind = fields.String(required=True, validate=validate.OneOf([k.value for k in InstrumentKind]))
    adopted_on = Day(load_default=None, allow_none=True)
    adopted_by = Text(load_default=None, allow_none=True, multiline=True, max_length=5000)
    network = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=32))
    original_language = OriginalLanguage()
    version = fields.Integer(dump_only=True)


class InstrumentUpdateSchema(InstrumentSchema):
    """PATCH (partial=True)."""


class InstrumentQuerySchema(Schema):
    network = fields.String(load_default=None)
    kind = fields.String(load_default=None, validate=validate.OneOf([k.value for k in InstrumentKind]))


class IndicatorValueSchema(Schema):
    name = Text(required=True, max_length=300)
    value = fields.Decimal(required=True, as_string=True, allow_nan=False)
    unit = Text(load_default=None, allow_none=True, max_length=50)


# A format hint, not a length rule: people type periods, not strings of 4 to 8 characters.
PERIOD_FORMAT = "Use the form 2026 (a year), 2026-S1 (year and half) or 2026-Q3 (year and quarter)."


class MonitoringEntrySchema(Schema):
    id = Id(dump_only=True)
    instrument_id = Id(dump_only=True)
    period = fields.String(required=True, validate=validate.Length(min=4, max=8, error=PERIOD_FORMAT),
                           metadata={"description": "2026, 2026-S1 or 2026-Q3"})
    period_starts_on = Day(dump_only=True)
    period_ends_on = Day(dump_only=True)
    country = CountryCode(load_default=None, allow_none=True)
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in MonitoringStatus]))
    indicators = fields.List(fields.Nested(IndicatorValueSchema), load_default=list,
                             validate=validate.Length(max=50))
    observations = Text(required=True, multiline=True, max_length=10000)
    original_language = OriginalLanguage()
    recorded_by = fields.String(dump_only=True)
    recorded_at = fields.AwareDateTime(dump_only=True)


class MonitoringQuerySchema(Schema):
    country = CountryCode(load_default=None)
