"""Issued documents: issue, list, read, download. Member countries read every issued PDF (R8); the
editable .docx is for the team."""

from __future__ import annotations

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from sqlalchemy import select

from schemas.corrections import WithdrawSchema
from schemas.documents import DistributionSchema, DocumentQuerySchema, IssuedDocumentSchema, IssueRequestSchema
from service.adapters import services
from service.auth.http import current_principal, requires_reader, requires_team, requires_writer
from service.documents.distribution import deliver_withdrawal_notices
from service.documents.files import download_name, file_response
from service.documents.issuing import issue_and_distribute
from service.documents.models import Distribution, IssuedDocument
from service.documents.queries import issued_documents
from service.documents.withdrawal import withdraw_document
from service.extensions import db
from service.http import find_or_404
from service.uploads.gate import DOCX

blp = Blueprint("documents", __name__, url_prefix="/api/v1/documents", description="Issued official documents")


def get_or_404(document_id: int) -> IssuedDocument:
    return find_or_404(IssuedDocument, document_id, "issued document")


@blp.route("")
class Documents(MethodView):
    @requires_reader
    @blp.arguments(DocumentQuerySchema, location="query")
    @blp.response(200, IssuedDocumentSchema(many=True))
    def get(self, args):
        return issued_documents(kind=args.get("kind"), subject_id=args.get("subject_id"),
                                language=args.get("language"), latest_only=args["latest"])

    @requires_writer
    @blp.arguments(IssueRequestSchema)
    @blp.response(201, IssuedDocumentSchema)
    @blp.alt_response(200, schema=IssuedDocumentSchema, description="The data had not changed: existing version")
    def post(self, data):
        wired = services()
        issued = issue_and_distribute(data["kind"], data["subject_id"], data["language"], actor=current_principal(),
                                      now=wired.clock.now(), converter=wired.converter, store=wired.store,
                                      mailer=wired.mailer, portal_url=request.url_root + "portal",
                                      sealer=wired.sealer, public_url=current_app.config["PUBLIC_URL"])
        return issued.document, 201 if issued.created else 200


@blp.route("/<int:document_id>")
class DocumentItem(MethodView):
    @requires_reader
    @blp.response(200, IssuedDocumentSchema)
    def get(self, document_id):
        return get_or_404(document_id)


@blp.route("/<int:document_id>/withdraw")
class DocumentWithdraw(MethodView):
    @requires_writer
    @blp.arguments(WithdrawSchema)
    @blp.response(200, IssuedDocumentSchema)
    def post(self, data, document_id):
        """Withdraw an issued document with a reason: it stays in the register (and its PDF), marked withdrawn;
        every country that received it gets a notice after the commit."""
        wired = services()
        document = get_or_404(document_id)
        withdraw_document(document, data["reason"], actor=current_principal(), now=wired.clock.now())
        db.session.commit()
        deliver_withdrawal_notices(mailer=wired.mailer, now=wired.clock.now(),
                                   portal_url=request.url_root + "portal", document_id=document.id)
        db.session.commit()
        return document


@blp.route("/<int:document_id>/pdf")
class DocumentPdf(MethodView):
    @requires_reader
    @blp.response(200, content_type="application/pdf")
    def get(self, document_id):
        document = get_or_404(document_id)
        return file_response(document.pdf_sha256, "application/pdf", download_name(document, "pdf"))


@blp.route("/<int:document_id>/docx")
class DocumentDocx(MethodView):
    @requires_team
    @blp.response(200, content_type=DOCX)
    def get(self, document_id):
        document = get_or_404(document_id)
        if document.docx_sha256 is None:
            abort(404, message="This document (a merged dossier) has no Word file.")
        return file_response(document.docx_sha256, DOCX, download_name(document, "docx"))


@blp.route("/<int:document_id>/distribution")
class DocumentDistribution(MethodView):
    @requires_team
    @blp.response(200, DistributionSchema(many=True))
    def get(self, document_id):
        """R8: the delivery of this document to each member country."""
        get_or_404(document_id)
        return db.session.scalars(select(Distribution).where(Distribution.document_id == document_id)
                                  .order_by(Distribution.country)).all()
