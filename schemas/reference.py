from __future__ import annotations

from marshmallow import Schema, fields

from schemas.fields import Id


class CountrySchema(Schema):
    id = Id(dump_only=True)
    code = fields.String(dump_only=True)
    name_es = fields.String(dump_only=True)
    name_en = fields.String(dump_only=True)
    is_member = fields.Boolean(dump_only=True)
