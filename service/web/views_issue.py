"""Issuing the follow-up areas' documents from the pages (es/en).

Every document goes through documents_port.issue, the same door the minutes use (issue_document with the
service's converter and store); a missing converter or a DomainError becomes a message on the page.
"""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from service.common.i18n import LANGUAGES
from service.errors import DomainError
from service.extensions import db
from service.web import documents_port
from service.web.blueprints import web
from service.web.common import now
from service.web.messages import translate
from service.web.signin import current_principal, requires_party

# kind → the page its issue buttons are on (endpoint, name of the subject's argument, anchor)
RETURN_TO = {
    "minutes": ("web.minutes", "meeting_id", "documents"),
    "recommendations": ("web.grcm_documents", "grcm_id", "issue-recommendations"),
    "monitoring_report": ("web.grcm_documents", "grcm_id", "issue-monitoring_report"),
    "dossier": ("web.grcm_documents", "grcm_id", "issue-dossier"),
    "ppt_feedback": ("web.feedback", "term_id", "issue-ppt_feedback"),
    "work_plan": ("web.work_plan_edit", "plan_id", "issue-work_plan"),
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
