"""Request bodies of the corrections: cancelling a GRCM meeting or a CRM event, withdrawing an issued document."""

from __future__ import annotations

from marshmallow import Schema

from schemas.fields import Text


class CancelSchema(Schema):
    reason = Text(load_default=None, allow_none=True, multiline=True, max_length=500)


class WithdrawSchema(Schema):
    reason = Text(required=True, multiline=True, max_length=500)
