from __future__ import annotations

from marshmallow import Schema, fields, validate

from schemas.fields import Id
from service.common.i18n import LANGUAGES

KINDS = ("minutes", "recommendations", "ppt_feedback", "monitoring_report", "work_plan", "dossier")


class IssueRequestSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    subject_id = Id(required=True, strict=True, validate=validate.Range(min=1))
    language = fields.String(load_default="es", validate=validate.OneOf(LANGUAGES))


class SealSchema(Schema):
    signer = fields.String()
    signed_at = fields.AwareDateTime()
    sha256 = fields.String()
    timestamped = fields.Boolean()


class IssuedDocumentSchema(Schema):
    id = Id()
    kind = fields.String()
    subject_id = Id()
    language = fields.String()
    reference = fields.String()
    version = fields.Integer()
    title = fields.String()
    sha256 = fields.String()
    pages = fields.Integer()
    pdfa = fields.Boolean()
    pdfa_reason = fields.String(allow_none=True)  # why not PDF/A-2b: the clauses found broken, comma-separated
    late = fields.Boolean()
    issued_at = fields.AwareDateTime()
    issued_by = fields.String()
    supersedes = fields.Integer(allow_none=True)
    state = fields.String(metadata={"enum": ["current", "superseded", "withdrawn"]})
    withdrawn_at = fields.AwareDateTime(allow_none=True)
    withdrawal_reason = fields.String(allow_none=True)
    seal = fields.Nested(SealSchema, allow_none=True)  # None: issued before documents were sealed
    verification_url = fields.Method("_verification_url", allow_none=True)

    def _verification_url(self, document) -> str | None:
        from flask import current_app  # the public address is configuration (TRIPARTITO_PUBLIC_URL)

        path = document.verification_path
        return current_app.config["PUBLIC_URL"].rstrip("/") + path if path else None


class DocumentQuerySchema(Schema):
    kind = fields.String(validate=validate.OneOf(KINDS))
    subject_id = Id()
    language = fields.String(validate=validate.OneOf(LANGUAGES))
    latest = fields.Boolean(load_default=False)


class UploadSchema(Schema):
    id = Id()
    purpose = fields.String()
    subject_id = Id()
    media_type = fields.String()
    original_name = fields.String(allow_none=True)
    language = fields.String()  # the language the annex is written in
    size = fields.Integer()
    pages = fields.Integer(allow_none=True)
    sha256 = fields.String(attribute="file_sha256")
    uploaded_at = fields.AwareDateTime()
    uploaded_by = fields.String()


class ConceptNoteQuerySchema(Schema):
    language = fields.String(validate=validate.OneOf(LANGUAGES), load_default="es",
                             metadata={"description": "The language the concept note is written in."})


class DistributionSchema(Schema):
    country = fields.String()
    status = fields.String()
    recipients = fields.List(fields.String())
    attempted_at = fields.AwareDateTime(allow_none=True)
    error = fields.String(allow_none=True)
    withdrawal_notice = fields.String(allow_none=True)
    withdrawal_notified_at = fields.AwareDateTime(allow_none=True)


class PackageRequestSchema(Schema):
    languages = fields.List(fields.String(validate=validate.OneOf(LANGUAGES)), load_default=list(LANGUAGES),
                            validate=validate.Length(min=1, max=len(LANGUAGES)))


class PackedDocumentSchema(Schema):
    id = Id()
    reference = fields.String()
    kind = fields.String()
    subject_id = Id()
    language = fields.String()
    reused = fields.Boolean(metadata={"description": "Unchanged since it was issued: the existing version."})


class MissingDocumentSchema(Schema):
    kind = fields.String()
    subject_id = Id()
    language = fields.String()
    reason = fields.String(metadata={"description": "Why it was not issued, as the issuing rules say it."})


class PackageSchema(Schema):
    documents = fields.List(fields.Nested(PackedDocumentSchema))
    missing = fields.List(fields.Nested(MissingDocumentSchema))
