"""The audit log over the API: the query (`subject=kind:id`, paging) and the entries."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate

from schemas.fields import Id
from service.audit.rules import SUBJECT_KINDS, Subject, parse_subject
from service.errors import DomainError

MAX_LIMIT = 500


class SubjectField(fields.String):
    """`kind:id` (meeting:12, grcm:3, recommendation:7, …) loaded as a Subject."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Subject:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return parse_subject(text)
        except DomainError as error:
            raise ValidationError(error.message) from None


class AuditQuerySchema(Schema):
    subject = SubjectField(load_default=None, metadata={
        "description": "kind:id, kind one of " + ", ".join(SUBJECT_KINDS) + ". Without it: the whole log."})
    after_id = Id(load_default=None, metadata={"description": "Page on: entries written after this one."})
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=MAX_LIMIT))


class AuditActorSchema(Schema):
    party = fields.String(allow_none=True)
    country = fields.String(allow_none=True)
    user_id = fields.Integer(allow_none=True)
    user_email = fields.String(allow_none=True)
    token_id = fields.Integer(allow_none=True)
    system = fields.String(allow_none=True, metadata={"description": "cli or demo: no person acted."})


class AuditEntrySchema(Schema):
    id = Id()
    at = fields.AwareDateTime()
    actor = fields.Nested(AuditActorSchema)
    action = fields.String(metadata={"description": "e.g. meeting.create, minutes.update, "
                                                    "recommendation.transition"})
    subject = fields.String(metadata={"description": "kind:id"})
    changes = fields.Dict(keys=fields.String(), values=fields.List(fields.Raw(allow_none=True)),
                          metadata={"description": "{field: [before, after]}"})
