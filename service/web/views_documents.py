"""The dashboard, issuing and listing documents (secretariat), and the member countries' portal."""

from __future__ import annotations

from itertools import groupby

from flask import Response, abort, render_template, request

from service.extensions import db
from service.meetings.models import Meeting
from service.web import documents_port
from service.web.blueprints import portal, web
from service.web.common import get_or_404, now, today
from service.web.dashboard import build_dashboard
from service.web.feeds_port import feeds_available, new_feed_secret, subscription_links
from service.web.i18n import current_language
from service.web.signin import current_principal, current_user, requires_party, requires_reader
from service.web.views_issue import issue_and_tell


@web.get("/dashboard")
@requires_party
def dashboard() -> str:
    return render_template("dashboard.html", board=build_dashboard(today=today(), now=now()))


@web.post("/meetings/<int:meeting_id>/documents")
@requires_party
def issue_minutes(meeting_id: int) -> Response:
    return issue_and_tell("minutes", get_or_404(Meeting, meeting_id).id)


@web.get("/documents")
@requires_party
def documents() -> str:
    return render_template("documents/list.html", documents=documents_port.issued_documents())


@web.get("/documents/<int:document_id>.pdf")
@requires_reader
def document_pdf(document_id: int) -> Response:
    """The issued PDF (shared with every member country, R8): same bytes the API serves."""
    document = documents_port.get_document(document_id)
    if document is None:
        abort(404)
    response = Response(documents_port.pdf_content(document), mimetype="application/pdf")
    response.set_etag(document.pdf_sha256)
    name = documents_port.download_name(document)
    disposition = "attachment" if request.args.get("download") else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response.headers["Cache-Control"] = "private, max-age=86400"
    return response.make_conditional(request)


@portal.get("", endpoint="documents")
@requires_reader
def documents_by_kind() -> str:
    found = sorted(documents_port.issued_documents(latest_only=True),
                   key=lambda d: (documents_port.KINDS.index(d.kind) if d.kind in documents_port.KINDS else 99,
                                  -d.issued_at.timestamp()))
    grouped = [(kind, list(items)) for kind, items in groupby(found, key=lambda d: d.kind)]
    return render_template("portal/documents.html", grouped=grouped)


@portal.get("/calendar")
@requires_reader
def calendar() -> str:
    return render_template("portal/calendar.html", links=None, feeds=feeds_available())


@portal.post("/calendar")
@requires_reader
def calendar_address() -> str:
    """A new personal feed address, shown once (only its hash is kept); the previous one stops working."""
    secret = new_feed_secret(current_principal(), user_id=current_user().id, now=now())
    db.session.commit()
    links = subscription_links(secret, current_language()) if secret else None
    return render_template("portal/calendar.html", links=links, feeds=feeds_available())
