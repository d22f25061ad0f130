"""Secretariat pages to record and change PPT terms (they never overlap; each sets the pre-PPT deadline, R6)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from schemas.ppt import PptTermSchema, PptTermUpdateSchema
from service.http import check_if_match, etag_for
from service.meetings.rules import pre_ppt_meeting_deadline
from service.ppt.models import PptTerm
from service.ppt.operations import create_term, update_term
from service.web.blueprints import web
from service.web.common import attempt, get_or_404, now
from service.web.followup_forms import choices, term_payload, term_values
from service.web.forms import FieldErrors
from service.web.once import attempt_once
from service.web.signin import current_principal, requires_party

Page = Response | tuple[str, int] | str
KIND = "ppt-term"  # the API's ETag kind


def _form(term: PptTerm | None, values: dict, errors: FieldErrors, etag: str | None,
          status: int = 200) -> tuple[str, int]:
    deadline = pre_ppt_meeting_deadline(term.starts_on) if term is not None else None
    return render_template("ppt_terms/form.html", term=term, deadline=deadline, values=values, errors=errors,
                           etag=etag, **choices()), status


@web.route("/ppt-terms/new", methods=["GET", "POST"])
@requires_party
def ppt_term_new() -> Page:
    if request.method == "GET":
        return _form(None, {}, FieldErrors(), None)
    created, errors = attempt_once(lambda: create_term(PptTermSchema().load(term_payload(request.form)),
                                                       actor=current_principal(), now=now()),
                                   lambda term: url_for("web.ppt_term_edit", term_id=term.id))
    if errors:
        return _form(None, request.form.to_dict(), errors, None, 422)
    flash(_("PPT term of %(country)s saved.", country=created.country), "success")
    return redirect(url_for("web.feedback_terms"))


@web.route("/ppt-terms/<int:term_id>/edit", methods=["GET", "POST"])
@requires_party
def ppt_term_edit(term_id: int) -> Page:
    term = get_or_404(PptTerm, term_id)
    if request.method == "GET":
        return _form(term, term_values(term), FieldErrors(), etag_for(KIND, term.id, term.version))
    offered = request.form.get("etag") or None

    def save() -> PptTerm:
        check_if_match(offered, KIND, term.id, term.version)
        return update_term(term, PptTermUpdateSchema(partial=True).load(term_payload(request.form)),
                           actor=current_principal(), now=now())

    _saved, errors = attempt(save)
    if errors:
        return _form(term, request.form.to_dict(), errors, offered, errors.status)
    flash(_("PPT term of %(country)s saved.", country=term.country), "success")
    return redirect(url_for("web.feedback_terms"))
