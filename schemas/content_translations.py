"""Content translations over the API: the query (`subject=kind:id`, `language`), the items and the edits."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from service.content_translations.rules import MAX_TARGET, STATES, SUBJECT_KINDS


class TranslationQuerySchema(Schema):
    subject = fields.String(required=True, validate=validate.Length(max=64), metadata={
        "description": "kind:id, kind one of " + ", ".join(SUBJECT_KINDS) + " (e.g. minutes:12 = a meeting)."})
    language = fields.String(required=True, validate=validate.OneOf(["es", "en"]),
                             metadata={"description": "The language translated into."})


class TranslationItemSchema(Schema):
    key = fields.String(metadata={"description": "Stable name of the text, e.g. agenda.3.title."})
    source = fields.String(metadata={"description": "The text as typed, in its original language."})
    target = fields.String(allow_none=True)
    state = fields.String(metadata={"description": "missing | draft | final"})
    stale = fields.Boolean(metadata={"description": "The source changed since this translation was made: it "
                                                    "reads draft and is not issued until confirmed final."})


class TranslationsSchema(Schema):
    subject = fields.String()
    original_language = fields.String()
    language = fields.String()
    items = fields.List(fields.Nested(TranslationItemSchema))


class TranslationEditSchema(Schema):
    key = fields.String(required=True, validate=validate.Length(min=1, max=120))
    target = fields.String(load_default=None, allow_none=True, validate=validate.Length(max=MAX_TARGET))
    state = fields.String(required=True, validate=validate.OneOf(STATES))
    source = fields.String(load_default=None, allow_none=True, metadata={
        "description": "The source the translator saw; if it changed since, nothing is saved (409)."})


class TranslationEditsSchema(Schema):
    items = fields.List(fields.Nested(TranslationEditSchema), required=True, validate=validate.Length(max=2000))
