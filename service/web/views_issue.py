"""Issuing the follow-up areas' documents from the pages (es/en).

Every document goes through documents_port.issue, the same door the minutes use (issue_document with the
service's converter and store); a missing converter or a DomainError becomes a message on the page.
"""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from service.common.i18n import LANGUAGES
from service.documents.distribution import DISTRIBUTED_KINDS
from service.errors import DomainError
from service.extensions import db
from service.web import documents_port
from service.web.blueprints import web
from service.web.common import now
from service.web.confirm import confirm_page
from service.web.issue_preview import issue_preview
from service.web.labels import LANGUAGES_IN_TEXT
from service.web.messages import translate
from service.web.signin import current_principal, requires_party

Page = Response | tuple[str, int]
# kind → the page its issue buttons are on (endpoint, name of the subject's argument, anchor)
RETURN_TO = {
    "minutes": ("web.minutes", "meeting_id", "documents"),
    "recommendations": ("web.grcm_documents", "grcm_id", "issue-recommendations"),
    "monitoring_report": ("web.grcm_documents", "grcm_id", "issue-monitoring_report"),
    "dossier": ("web.grcm_documents", "grcm_id", "issue-dossier"),
    "ppt_feedback": ("web.feedback", "term_id", "issue-ppt_feedback"),
    "work_plan": ("web.work_plan", "plan_id", "issue-work_plan"),
}


def issue_and_tell(kind: str, subject_id: int) -> Response:
    """Issue `kind` for `subject_id` in the form's language; flash what happened; back to the subject's page."""
    language = request.form.get("language", "")
    if language not in LANGUAGES:
        abort(400)
    try:
        document, created = documents_port.issue(kind, subject_id, language, actor=current_principal(), now=now())
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        flash(translate(error), "error")
    else:
        message = (_("Issued %(reference)s, version %(version)s (%(language)s).") if created
                   else _("Nothing changed since version %(version)s of %(reference)s (%(language)s): "
                          "no new version was needed."))
        flash(message % {"reference": document.reference, "version": document.version,
                         "language": document.language.upper()}, "success")
    endpoint, argument, anchor = RETURN_TO[kind]
    return redirect(url_for(endpoint, **{argument: subject_id}) + "#" + anchor)


@web.post("/documents/<kind>/<int:subject_id>/issue")
@requires_party
def issue_document(kind: str, subject_id: int) -> Response:
    if kind not in RETURN_TO or kind == "minutes":  # minutes have their own address (issue_minutes)
        abort(404)
    return issue_and_tell(kind, subject_id)


@web.get("/documents/<kind>/<int:subject_id>/issue")
@requires_party
def issue_confirm(kind: str, subject_id: int) -> Page:
    """Before issuing: exactly what will be made and who receives it; the button then sends the POST."""
    language = request.args.get("language", "")
    if kind not in RETURN_TO or language not in LANGUAGES:
        abort(404)
    preview = issue_preview(kind, subject_id, language)
    if preview is None:
        abort(404)
    endpoint, argument, anchor = RETURN_TO[kind]
    action = (url_for("web.issue_minutes", meeting_id=subject_id) if kind == "minutes"
              else url_for("web.issue_document", kind=kind, subject_id=subject_id))
    distributed = kind in DISTRIBUTED_KINDS
    return confirm_page(
        heading=_("Issue and send a document") if distributed else _("Issue a document"), subject=preview.subject,
        consequences=preview.consequences, warnings=preview.warnings, blocked=preview.blocked,
        confirm_label=(_("Issue in %(language)s and send", language=LANGUAGES_IN_TEXT[language]) if distributed
                       else _("Issue in %(language)s", language=LANGUAGES_IN_TEXT[language])),
        action=action, hidden={"language": language}, danger=False,
        back=url_for(endpoint, **{argument: subject_id}) + "#" + anchor)
