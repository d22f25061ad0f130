from __future__ import annotations

from babel.numbers import list_currencies
from marshmallow import Schema, ValidationError, fields, validate

from schemas.fields import Day, Id, OriginalLanguage, Text
from service.planning.rules import ActivityProgress, ResourceStatus

PARTY_CODES = ("st_crm", "st_rrocm", "ppt")
_CURRENCIES = frozenset(list_currencies())


def _iso_4217(code: str) -> None:
    if code not in _CURRENCIES:
        raise ValidationError("Must be an ISO 4217 currency code, such as USD.")


class ObjectiveSchema(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^[A-Za-z0-9.\-]{1,20}$"))
    text = Text(required=True, multiline=True, max_length=5000)


class ActivitySchema(Schema):
    id = Id(dump_only=True)
    objective = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=20))
    description = Text(required=True, multiline=True, max_length=2000)
    responsible = fields.String(required=True, validate=validate.OneOf(PARTY_CODES))
    starts_on = Day(required=True)
    ends_on = Day(required=True)
    timeline = fields.String(dump_only=True)  # T1–T2 2027
    network = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=32))
    indicator = Text(load_default=None, allow_none=True, multiline=True, max_length=2000)
    # how far it got (R2 follow-up), with a note and the day it was reported
    progress = fields.String(load_default=ActivityProgress.NOT_STARTED.value,
                             validate=validate.OneOf([p.value for p in ActivityProgress]))
    progress_note = Text(load_default=None, allow_none=True, multiline=True, max_length=2000)
    progress_on = Day(load_default=None, allow_none=True)


class ResourceSchema(Schema):
    id = Id(load_default=None, allow_none=True)  # an existing resource of the plan, or new
    description = Text(required=True, max_length=500)
    source = Text(required=True, max_length=300)
    amount = fields.Decimal(required=True, places=2, as_string=True, allow_nan=False,
                            validate=validate.Range(min=0, max=10**12 - 1))
    currency = fields.String(required=True, validate=_iso_4217)
    status = fields.String(required=True, validate=validate.OneOf([s.value for s in ResourceStatus]))


class CurrencyTotalSchema(Schema):
    currency = fields.String()
    total = fields.Decimal(as_string=True, places=2)
    by_status = fields.Dict(keys=fields.String(), values=fields.Decimal(as_string=True, places=2))


class WorkPlanSchema(Schema):
    id = Id(dump_only=True)
    year = fields.Integer(required=True, validate=validate.Range(min=2017, max=2100))
    introduction = Text(load_default=None, allow_none=True, multiline=True, max_length=10000)
    original_language = OriginalLanguage()
    objectives = fields.List(fields.Nested(ObjectiveSchema), load_default=list, validate=validate.Length(max=100))
    activities = fields.List(fields.Nested(ActivitySchema), load_default=list, validate=validate.Length(max=500))
    resources = fields.List(fields.Nested(ResourceSchema), load_default=list, validate=validate.Length(max=500))
    totals = fields.List(fields.Nested(CurrencyTotalSchema), dump_only=True)
    version = fields.Integer(dump_only=True)


class WorkPlanUpdateSchema(WorkPlanSchema):
    """PATCH (partial=True): lists given replace the stored ones; the year of a plan does not change."""

    year = fields.Integer(dump_only=True)


class WorkPlanQuerySchema(Schema):
    year = fields.Integer(load_default=None, validate=validate.Range(min=1900, max=2199))
