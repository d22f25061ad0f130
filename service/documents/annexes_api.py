"""The incoming PPT's concept note: uploaded as the raw body (Content-Type of the file) or as a multipart form
field `file`; the type is decided by the file's bytes, not by what the client says."""

from __future__ import annotations

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from schemas.documents import ConceptNoteQuerySchema, UploadSchema
from service.adapters import services
from service.auth.http import current_principal, requires_reader, requires_writer
from service.documents.annexes import (
    PPT_WORK_PLAN,
    attach_annex,
    attach_concept_note,
    current_annex,
    current_concept_note,
)
from service.documents.files import file_response
from service.extensions import db

blp = Blueprint("concept_notes", __name__, url_prefix="/api/v1/ppt-terms",
                description="The incoming PPT's concept note and work plan (annexes of the feedback and the dossier)")


def uploaded_file() -> tuple[bytes, str | None]:
    if request.mimetype == "multipart/form-data":
        file = request.files.get("file")
        if file is None:
            abort(422, message="Send the file in a form field named 'file'.", errors={"files": {"file": ["Missing."]}})
        return file.read(), file.filename
    disposition = request.headers.get("Content-Disposition", "")
    name = None
    if "filename=" in disposition:
        name = disposition.split("filename=", 1)[1].strip().strip('"')
    return request.get_data(cache=False), name


@blp.route("/<int:term_id>/concept-note")
class ConceptNote(MethodView):
    @requires_reader
    @blp.response(200, UploadSchema)
    def get(self, term_id):
        upload = current_concept_note(term_id)
        if upload is None:
            abort(404, message=f"PPT term {term_id} has no concept note yet.")
        return upload

    @requires_writer
    @blp.arguments(ConceptNoteQuerySchema, location="query")
    @blp.response(201, UploadSchema)
    def put(self, query, term_id):
        content, name = uploaded_file()
        upload = attach_concept_note(term_id, content, name, actor=current_principal(),
                                     now=services().clock.now(), store=services().store,
                                     converter=services().converter, language=query["language"])
        db.session.commit()
        return upload


@blp.route("/<int:term_id>/concept-note/file")
class ConceptNoteFile(MethodView):
    @requires_reader
    def get(self, term_id):
        upload = current_concept_note(term_id)
        if upload is None:
            abort(404, message=f"PPT term {term_id} has no concept note yet.")
        extension = "pdf" if upload.media_type == "application/pdf" else "docx"
        return file_response(upload.file_sha256, upload.media_type, f"concept-note-term-{term_id}.{extension}")


@blp.route("/<int:term_id>/work-plan")
class PptWorkPlan(MethodView):
    @requires_reader
    @blp.response(200, UploadSchema)
    def get(self, term_id):
        upload = current_annex(PPT_WORK_PLAN, term_id)
        if upload is None:
            abort(404, message=f"PPT term {term_id} has no work plan yet.")
        return upload

    @requires_writer
    @blp.response(201, UploadSchema)
    def put(self, term_id):
        """The incoming PPT's work plan (R11), beside its concept note: same upload gate and normalisation."""
        content, name = uploaded_file()
        upload = attach_annex(PPT_WORK_PLAN, term_id, content, name, actor=current_principal(),
                              now=services().clock.now(), store=services().store, converter=services().converter)
        db.session.commit()
        return upload


@blp.route("/<int:term_id>/work-plan/file")
class PptWorkPlanFile(MethodView):
    @requires_reader
    def get(self, term_id):
        upload = current_annex(PPT_WORK_PLAN, term_id)
        if upload is None:
            abort(404, message=f"PPT term {term_id} has no work plan yet.")
        extension = "pdf" if upload.media_type == "application/pdf" else "docx"
        return file_response(upload.file_sha256, upload.media_type, f"ppt-work-plan-term-{term_id}.{extension}")
