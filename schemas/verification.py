"""What POST /api/v1/verify and the /verify page answer about a PDF someone holds."""

from __future__ import annotations

from marshmallow import Schema, fields


class SignatureSchema(Schema):
    valid = fields.Boolean(metadata={"description": "Intact, covers the whole file, made with the team's key."})
    signer = fields.String(allow_none=True)
    signed_at = fields.AwareDateTime(allow_none=True)
    timestamped = fields.Boolean(metadata={"description": "An RFC 3161 timestamp from a time-stamping authority."})


class ProblemSchema(Schema):
    code = fields.String(metadata={"description": "unreadable | not-signed | altered | modified-after-seal | "
                                                  "untrusted | invalid-signature | not-in-register | too-many-pages"})
    message = fields.String()


class NewerVersionSchema(Schema):
    reference = fields.String()
    version = fields.Integer()
    issued_at = fields.AwareDateTime()


class VerificationSchema(Schema):
    authentic = fields.Boolean(metadata={"description": "The very file the team issued and sealed."})
    reference = fields.String(allow_none=True)
    kind = fields.String(allow_none=True)
    language = fields.String(allow_none=True)
    version = fields.Integer(allow_none=True)
    issued_at = fields.AwareDateTime(allow_none=True)
    state = fields.String(allow_none=True, metadata={"description": "current | superseded | withdrawn"})
    superseded_by = fields.Nested(NewerVersionSchema, allow_none=True)
    signature = fields.Nested(SignatureSchema)
    problems = fields.List(fields.Nested(ProblemSchema))
