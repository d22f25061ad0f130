"""GET/PUT /api/v1/translations and the XLIFF 2.0 export/import (/api/v1/translations.xlf): the parties edit,
member countries cannot."""

from __future__ import annotations

from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.content_translations import TranslationEditsSchema, TranslationQuerySchema, TranslationsSchema
from service.adapters import services
from service.auth.http import current_principal, requires_team, requires_writer
from service.content_translations import xliff
from service.content_translations.operations import original_language, save_translations, translation_items
from service.content_translations.rules import Edit, Item, TranslationSubject, parse_subject, source_language
from service.extensions import db
from service.uploads.gate import check_xml

blp = Blueprint("translations", __name__, url_prefix="/api/v1",
                description="Translations of the texts people type into the documents' other language")
XLIFF_TYPE = "application/xliff+xml"


def _answer(subject: TranslationSubject, language: str, shown: list[Item]) -> dict:
    return {"subject": str(subject), "original_language": original_language(subject, services().clock.today()),
            "language": language, "items": shown}


@blp.route("/translations")
class Translations(MethodView):
    @requires_team
    @blp.arguments(TranslationQuerySchema, location="query")
    @blp.response(200, TranslationsSchema)
    def get(self, args):
        subject = parse_subject(args["subject"])
        return _answer(subject, args["language"],
                       translation_items(subject, args["language"], services().clock.today()))

    @requires_writer
    @blp.arguments(TranslationQuerySchema, location="query")
    @blp.arguments(TranslationEditsSchema)
    @blp.response(200, TranslationsSchema)
    def put(self, args, body):
        """Save some or all texts' translations: all or nothing (409 when a given `source` changed since)."""
        subject = parse_subject(args["subject"])
        edits = [Edit(e["key"], e["target"], e["state"], e["source"]) for e in body["items"]]
        shown = save_translations(subject, args["language"], edits, actor=current_principal(),
                                  now=services().clock.now())
        db.session.commit()
        return _answer(subject, args["language"], shown)


@blp.route("/translations.xlf")
class TranslationsXliff(MethodView):
    @requires_team
    @blp.arguments(TranslationQuerySchema, location="query")
    @blp.response(200, content_type=XLIFF_TYPE)
    def get(self, args):
        """The subject's texts as an XLIFF 2.0 file for a translator's CAT tool."""
        subject = parse_subject(args["subject"])
        shown = translation_items(subject, args["language"], services().clock.today())
        body = xliff.export(subject, source_language(args["language"]), args["language"], shown)
        name = f"{subject.kind}-{subject.id}.{args['language']}.xlf"
        return Response(body, mimetype=XLIFF_TYPE, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @requires_writer
    @blp.response(200, TranslationsSchema)
    def post(self):
        """A translated XLIFF 2.0 file back (the raw body): every unit saved, or none (409: sources changed)."""
        content = request.get_data(cache=False)
        check_xml(content)
        returned = xliff.read(content)
        shown = save_translations(returned.subject, returned.language, returned.edits,
                                  actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return _answer(returned.subject, returned.language, shown)
