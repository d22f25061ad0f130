"""Secretariat pages for the feedback on the incoming PPT (R11) and its concept note (uploaded as an annex)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from schemas.ppt_feedback import PptFeedbackSchema
from service.adapters import services
from service.documents.annexes import attach_concept_note, current_concept_note
from service.documents.files import file_response
from service.http import check_if_match, etag_for
from service.meetings.rules import pre_ppt_meeting_deadline
from service.ppt.feedback import feedback_for, save_feedback, warnings_for
from service.ppt.models import PptTerm
from service.reference.data import usual_language
from service.web import documents_port
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
from service.web.messages import translate
from service.web.signin import current_principal, requires_party

Page = Response | tuple[str, int] | str
KIND = "ppt-feedback"  # the API's ETag kind


@web.get("/ppt-feedback")
@requires_party
def feedback_terms() -> str:
    terms = choices()["terms"]
    return render_template("feedback/list.html", terms=[
        (t, pre_ppt_meeting_deadline(t.starts_on), feedback_for(t), current_concept_note(t.id)) for t in terms])


def _etag(term: PptTerm) -> str:
    feedback = feedback_for(term)
    return etag_for(KIND, term.id, feedback.version) if feedback is not None else ""


def _page(term: PptTerm, values: dict, rows: dict, errors: FieldErrors, etag: str, *,
          upload_errors: FieldErrors | None = None, annex_language: str | None = None,
          status: int = 200) -> tuple[str, int]:
    feedback = feedback_for(term)
    note = current_concept_note(term.id)
    # What the PPT's note is written in: as said at the last upload, else the PPT country's usual language.
    annex_language = annex_language or (note.language if note is not None else usual_language(term.country))
    return render_template(
        "feedback/form.html", term=term, feedback=feedback, values=values, rows=rows, errors=errors, etag=etag,
        warnings=[translate(w) for w in warnings_for(feedback, term)] if feedback is not None else [],
        concept_note=note, upload_errors=upload_errors or FieldErrors(), annex_language=annex_language,
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
                     status=409 if errors.get("_stale") else 422)
    flash(_("Feedback saved."), "success")
    for warning in saved[1]:
        flash(translate(warning), "warning")
    return redirect(url_for("web.feedback", term_id=term.id))


@web.post("/ppt-terms/<int:term_id>/concept-note")
@requires_party
def concept_note_upload(term_id: int) -> Page:
    """The concept note (PDF or DOCX) through attach_concept_note: its checks' messages go next to the file."""
    term = get_or_404(PptTerm, term_id)
    file = request.files.get("file")
    language = request.form.get("language") or usual_language(term.country)
    if file is None or not file.filename:
        errors = FieldErrors()
        errors.add("file", _("Choose the file of the concept note (PDF or Word .docx)."))
    else:
        _upload, errors = attempt(lambda: attach_concept_note(
            term.id, file.read(), file.filename, actor=current_principal(), now=now(), store=services().store,
            converter=services().converter, language=language))
    if errors:
        values, rows = feedback_values(feedback_for(term))
        return _page(term, values, with_blank_rows(rows, 2, FEEDBACK_ROWS), FieldErrors(), _etag(term),
                     upload_errors=errors, annex_language=language, status=422)
    flash(_("Concept note uploaded."), "success")
    return redirect(url_for("web.feedback", term_id=term.id) + "#concept-note")


@web.get("/ppt-terms/<int:term_id>/concept-note")
@requires_party
def concept_note_file(term_id: int) -> Response:
    upload = current_concept_note(get_or_404(PptTerm, term_id).id)
    if upload is None:
        abort(404)
    extension = "pdf" if upload.media_type == "application/pdf" else "docx"
    return file_response(upload.file_sha256, upload.media_type, f"concept-note-term-{term_id}.{extension}")
