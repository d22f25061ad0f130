"""Secretariat pages for the feedback on the incoming PPT (R11) and its concept note (uploaded as an annex)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from werkzeug.wrappers import Response

from schemas.ppt_feedback import PptFeedbackSchema
from service.adapters import services
from service.documents.annexes import CONCEPT_NOTE, PPT_WORK_PLAN, attach_annex, current_annex, current_concept_note
from service.documents.files import file_response
from service.extensions import db
from service.http import check_if_match, etag_for
from service.meetings.models import Meeting
from service.meetings.rules import pre_ppt_meeting_deadline
from service.ppt.feedback import feedback_for, save_feedback, warnings_for
from service.ppt.models import PptTerm
from service.reference.data import usual_language
from service.reference.models import Country
from service.web import documents_port, list_facets
from service.web.blueprints import web
from service.web.common import attempt, get_or_404, now
from service.web.followup_forms import (
    FEEDBACK_ROWS,
    choices,
    feedback_payload,
    feedback_values,
    row_button,
    submitted_rows,
)
from service.web.forms import FieldErrors, read_rows, with_blank_rows
from service.web.i18n import wall_time
from service.web.labels import FEEDBACK_STATES, LANGUAGES_IN_TEXT
from service.web.listing import list_page
from service.web.messages import translate
from service.web.signin import current_principal, requires_party

Page = Response | tuple[str, int] | str
KIND = "ppt-feedback"  # the API's ETag kind
# purpose → heading, "none yet", file label, button, "choose a file"
ANNEX_TEXTS = {
    "concept_note": (_l("Concept note of the incoming PPT"), _l("No concept note uploaded yet."),
                     _l("Concept note file (PDF or Word .docx)"), _l("Upload the concept note"),
                     _l("Choose the file of the concept note (PDF or Word .docx).")),
    "ppt_work_plan": (_l("Work plan of the incoming PPT"), _l("No work plan uploaded yet."),
                      _l("Work plan file (PDF or Word .docx)"), _l("Upload the work plan"),
                      _l("Choose the file of the work plan (PDF or Word .docx).")),
}


@web.get("/ppt-feedback")
@requires_party
def feedback_terms() -> Page:
    terms = [(t, pre_ppt_meeting_deadline(t.starts_on), feedback_for(t), current_concept_note(t.id))
             for t in choices()["terms"]]
    names = {c.code: f"{c.name('es')} {c.name('en')}" for c in db.session.scalars(select(Country))}  # either
    facets = list_facets.feedback_terms(documents_port.issued_subject_ids("ppt_feedback"), names,
                                        documents_port.references_by_subject("ppt_feedback"))
    listing = list_page(terms, facets, states=FEEDBACK_STATES)
    return render_template("feedback/list.html", terms=listing.rows, listing=listing), listing.status


def _etag(term: PptTerm) -> str:
    feedback = feedback_for(term)
    return etag_for(KIND, term.id, feedback.version) if feedback is not None else ""


def _annexes(term: PptTerm, failed: str | None, upload_errors: FieldErrors | None) -> list[dict]:
    """The incoming PPT's two uploads beside the feedback (R11): concept note (its language: the dossier's annex
    sheet says it) and work plan; the same upload gate as the API's PUTs."""
    shown = []
    for purpose, section, endpoint, file_endpoint in (
            (CONCEPT_NOTE, "concept-note", "web.concept_note_upload", "web.concept_note_file"),
            (PPT_WORK_PLAN, "ppt-work-plan", "web.ppt_work_plan_upload", "web.ppt_work_plan_file")):
        texts = ANNEX_TEXTS[purpose]
        shown.append({"id": section, "upload": current_annex(purpose, term.id), "heading": texts[0],
                      "none_yet": texts[1], "label": texts[2], "button": texts[3],
                      "action": url_for(endpoint, term_id=term.id), "file_url": url_for(file_endpoint, term_id=term.id),
                      "languages": purpose == CONCEPT_NOTE,  # the API's work-plan upload takes no language
                      "usual_language": usual_language(term.country),  # before the first upload says otherwise
                      "language_choices": [(code, str(name).capitalize()) for code, name in LANGUAGES_IN_TEXT.items()],
                      "errors": (upload_errors or FieldErrors()) if failed == purpose else FieldErrors()})
    return shown


def _meeting_options(term: PptTerm) -> list[tuple[str, str]]:
    """The pre-PPT meetings preparing this term (R6), where the feedback is discussed (R11)."""
    found = db.session.scalars(select(Meeting).where(Meeting.kind == "pre_ppt", Meeting.ppt_term_id == term.id,
                                                     Meeting.status != "cancelled").order_by(Meeting.starts_at_utc))
    return [(str(m.id), f"{m.title} · {wall_time(m.starts_at)}") for m in found]


def _page(term: PptTerm, values: dict, rows: dict, errors: FieldErrors, etag: str, *,
          upload_errors: FieldErrors | None = None, failed: str | None = None,
          status: int = 200) -> tuple[str, int]:
    feedback = feedback_for(term)
    return render_template(
        "feedback/form.html", term=term, feedback=feedback, values=values, rows=rows, errors=errors, etag=etag,
        warnings=[translate(w) for w in warnings_for(feedback, term)] if feedback is not None else [],
        annexes=_annexes(term, failed, upload_errors), meeting_options=_meeting_options(term),
        kind="ppt_feedback", subject_id=term.id, issue_ready=feedback is not None,
        documents=documents_port.issued_documents(kind="ppt_feedback", subject_id=term.id), **choices()), status


@web.route("/ppt-terms/<int:term_id>/feedback", methods=["GET", "POST"])
@requires_party
def feedback(term_id: int) -> Page:
    term = get_or_404(PptTerm, term_id)
    if request.method == "GET":
        values, rows = feedback_values(feedback_for(term))
        return _page(term, values, with_blank_rows(rows, 2, FEEDBACK_ROWS), FieldErrors(), _etag(term))
    form, rows = request.form, read_rows(request.form, FEEDBACK_ROWS)
    offered = form.get("etag", "")
    if row_button(form, rows, FEEDBACK_ROWS):
        return _page(term, form.to_dict(), rows, FieldErrors(), offered)
    rows = submitted_rows(form, FEEDBACK_ROWS)

    def save() -> tuple:
        existing = feedback_for(term)
        if existing is not None:
            check_if_match(offered or None, KIND, term.id, existing.version)
        return save_feedback(term, PptFeedbackSchema().load(feedback_payload(form, rows)),
                             actor=current_principal(), now=now())

    saved, errors = attempt(save)
    if errors:
        return _page(term, form.to_dict(), with_blank_rows(rows, 1, FEEDBACK_ROWS), errors, offered,
                     status=errors.status)
    flash(_("Feedback saved."), "success")
    for warning in saved[1]:
        flash(translate(warning), "warning")
    return redirect(url_for("web.feedback", term_id=term.id))


def _upload(term_id: int, purpose: str, anchor: str, done: str) -> Page:
    """An annex (PDF or DOCX) through attach_annex: its checks' messages go next to the file."""
    term = get_or_404(PptTerm, term_id)
    file = request.files.get("file")
    language = request.form.get("language") or usual_language(term.country)
    if file is None or not file.filename:
        errors = FieldErrors()
        errors.add("file", ANNEX_TEXTS[purpose][4])
    else:
        _upload_row, errors = attempt(lambda: attach_annex(
            purpose, term.id, file.read(), file.filename, actor=current_principal(), now=now(),
            store=services().store, converter=services().converter, language=language))
    if errors:
        values, rows = feedback_values(feedback_for(term))
        return _page(term, values, with_blank_rows(rows, 2, FEEDBACK_ROWS), FieldErrors(), _etag(term),
                     upload_errors=errors, failed=purpose, status=422)
    flash(done, "success")
    return redirect(url_for("web.feedback", term_id=term.id) + "#" + anchor)


@web.post("/ppt-terms/<int:term_id>/concept-note")
@requires_party
def concept_note_upload(term_id: int) -> Page:
    return _upload(term_id, CONCEPT_NOTE, "concept-note", _("Concept note uploaded."))


@web.post("/ppt-terms/<int:term_id>/work-plan")
@requires_party
def ppt_work_plan_upload(term_id: int) -> Page:
    """The incoming PPT's own work plan, beside its concept note (issue 11; API: PUT /ppt-terms/{id}/work-plan)."""
    return _upload(term_id, PPT_WORK_PLAN, "ppt-work-plan", _("Work plan of the incoming PPT uploaded."))


def _annex_file(purpose: str, term_id: int, name: str) -> Response:
    upload = current_annex(purpose, get_or_404(PptTerm, term_id).id)
    if upload is None:
        abort(404)
    extension = "pdf" if upload.media_type == "application/pdf" else "docx"
    return file_response(upload.file_sha256, upload.media_type, f"{name}-term-{term_id}.{extension}")


@web.get("/ppt-terms/<int:term_id>/work-plan")
@requires_party
def ppt_work_plan_file(term_id: int) -> Response:
    return _annex_file(PPT_WORK_PLAN, term_id, "ppt-work-plan")


@web.get("/ppt-terms/<int:term_id>/concept-note")
@requires_party
def concept_note_file(term_id: int) -> Response:
    return _annex_file(CONCEPT_NOTE, term_id, "concept-note")
