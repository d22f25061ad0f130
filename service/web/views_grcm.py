"""Secretariat pages of the GRCM meetings: the list, scheduling and changing one (it sets the monitoring
report's due date, R5), and its documents (recommendations, monitoring report, dossier) to issue."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response

from schemas.grcm import GrcmMeetingSchema, GrcmMeetingUpdateSchema
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.grcm.operations import create_grcm_meeting, update_grcm_meeting
from service.http import check_if_match, etag_for
from service.recommendations.operations import list_recommendations
from service.web import documents_port, list_facets
from service.web.blueprints import web
from service.web.common import attempt, get_or_404, now
from service.web.followup_forms import grcm_payload, grcm_values
from service.web.forms import FieldErrors
from service.web.labels import CALENDAR_STATES
from service.web.listing import list_page
from service.web.once import attempt_once
from service.web.signin import current_principal, requires_party

Page = Response | tuple[str, int] | str
KIND = "grcm-meeting"  # the API's ETag kind
GRCM_KINDS = ("recommendations", "monitoring_report", "dossier")


def _form(grcm: GrcmMeeting | None, values: dict, errors: FieldErrors, etag: str | None,
          status: int = 200) -> tuple[str, int]:
    return render_template("grcm/form.html", grcm=grcm, values=values, errors=errors, etag=etag), status


@web.route("/grcm-meetings/new", methods=["GET", "POST"])
@requires_party
def grcm_meeting_new() -> Page:
    if request.method == "GET":
        return _form(None, {}, FieldErrors(), None)
    created, errors = attempt_once(
        lambda: create_grcm_meeting(GrcmMeetingSchema().load(grcm_payload(request.form)), actor=current_principal(),
                                    now=now()),
        lambda grcm: url_for("web.grcm_meeting_edit", grcm_id=grcm.id))
    if errors:
        return _form(None, request.form.to_dict(), errors, None, 422)
    flash(_("GRCM meeting “%(title)s” saved.", title=created.title), "success")
    return redirect(url_for("web.grcm_meetings"))


@web.route("/grcm-meetings/<int:grcm_id>/edit", methods=["GET", "POST"])
@requires_party
def grcm_meeting_edit(grcm_id: int) -> Page:
    grcm = get_or_404(GrcmMeeting, grcm_id)
    if request.method == "GET":
        return _form(grcm, grcm_values(grcm), FieldErrors(), etag_for(KIND, grcm.id, grcm.version))
    offered = request.form.get("etag") or None

    def save() -> GrcmMeeting:
        check_if_match(offered, KIND, grcm.id, grcm.version)
        changes = GrcmMeetingUpdateSchema(partial=True).load(grcm_payload(request.form))
        return update_grcm_meeting(grcm, changes, actor=current_principal(), now=now())

    _saved, errors = attempt(save)
    if errors:
        return _form(grcm, request.form.to_dict(), errors, offered, errors.status)
    flash(_("GRCM meeting “%(title)s” saved.", title=grcm.title), "success")
    return redirect(url_for("web.grcm_meetings"))


@web.get("/grcm-meetings")
@requires_party
def grcm_meetings() -> Page:
    found = db.session.scalars(select(GrcmMeeting).order_by(GrcmMeeting.starts_at_utc.desc())).all()
    listing = list_page(found, list_facets.grcm_meetings(
        now(), documents_port.references_by_subject(*GRCM_KINDS)), states=CALENDAR_STATES)
    return render_template("grcm/list.html", grcm_meetings=listing.rows, listing=listing,
                           reports=documents_port.issued_subject_ids("monitoring_report")), listing.status


@web.get("/grcm-meetings/<int:grcm_id>/documents")
@requires_party
def grcm_documents(grcm_id: int) -> str:
    grcm = get_or_404(GrcmMeeting, grcm_id)
    documents = {kind: documents_port.issued_documents(kind=kind, subject_id=grcm.id) for kind in GRCM_KINDS}
    return render_template("grcm/documents.html", grcm=grcm, kinds=GRCM_KINDS, issued=documents,
                           recommendations=list_recommendations(grcm_meeting_id=grcm.id))
