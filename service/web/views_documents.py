"""The secretariat's documents pages: issue the minutes, list what was issued, read an issued PDF."""

from __future__ import annotations

from flask import Response, abort, render_template, request, url_for
from sqlalchemy import select

from service.extensions import db
from service.meetings.models import Meeting
from service.reference.models import Country
from service.web import documents_port
from service.web.blueprints import web
from service.web.common import get_or_404
from service.web.document_pairs import DocumentPair, register_listing
from service.web.i18n import current_language
from service.web.labels import DOCUMENT_KINDS, DOCUMENT_STATES
from service.web.signin import current_principal, requires_party, requires_reader
from service.web.views_issue import issue_and_tell


@web.post("/meetings/<int:meeting_id>/documents")
@requires_party
def issue_minutes(meeting_id: int) -> Response:
    return issue_and_tell("minutes", get_or_404(Meeting, meeting_id).id)


# Where each kind's subject is issued from: the document list's subjects link there.
SUBJECT_PAGES = {"minutes": ("web.minutes", "meeting_id"), "recommendations": ("web.grcm_documents", "grcm_id"),
                 "monitoring_report": ("web.grcm_documents", "grcm_id"), "dossier": ("web.grcm_documents", "grcm_id"),
                 "work_plan": ("web.work_plan", "plan_id"), "ppt_feedback": ("web.feedback", "term_id")}


def subject_url(pair: DocumentPair) -> str:
    endpoint, argument = SUBJECT_PAGES[pair.kind]
    return url_for(endpoint, **{argument: pair.subject_id})


@web.get("/documents")
@requires_party
def documents() -> tuple[str, int]:
    """Every version of every document, its Spanish and English copies in one row, with their delivery."""
    listing = register_listing(current_language(), request.args, states=DOCUMENT_STATES, kinds=DOCUMENT_KINDS)
    names = {c.code: c.name(current_language()) for c in db.session.scalars(select(Country))}
    return render_template("documents/list.html", pairs=listing.rows, listing=listing,
                           country_names=names, subject_url=subject_url), listing.status


@web.get("/documents/<int:document_id>.pdf")
@requires_reader
def document_pdf(document_id: int) -> Response:
    """The issued PDF (shared with the member countries it was sent to, R8): same bytes the API serves."""
    document = documents_port.get_document(document_id)
    if document is None or not documents_port.addressed_to(document, current_principal()):
        abort(404)  # a country is not told that documents it did not receive exist
    response = Response(documents_port.pdf_content(document), mimetype="application/pdf")
    response.set_etag(document.pdf_sha256)
    name = documents_port.download_name(document)
    disposition = "attachment" if request.args.get("download") else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response.headers["Cache-Control"] = "private, max-age=86400"
    return response.make_conditional(request)
