"""The team's feedback on an incoming PPT (R11) over HTTP: `GET/PUT /api/v1/ppt-terms/{id}/feedback`.

Who may do what: the three parties read and write; it reaches member countries as an issued document, so the
working record is team-only. The first PUT creates it; later PUTs need If-Match.
"""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from schemas.ppt_feedback import PptFeedbackSchema
from service.adapters import services
from service.auth.http import current_principal, requires_team, requires_writer
from service.extensions import db
from service.http import etag_header, require_if_match
from service.ppt.api import get_or_404
from service.ppt.feedback import feedback_for, save_feedback, warnings_for
from service.ppt.feedback_models import PptFeedback

blp = Blueprint("ppt_feedback", __name__, url_prefix="/api/v1/ppt-terms",
                description="Feedback on the incoming PPT's concept note and work plan (R11)")
KIND = "ppt-feedback"


def dump(feedback: PptFeedback, warnings: list[str]) -> dict:
    return {"ppt_term_id": feedback.ppt_term_id, "concept_note_received_on": feedback.concept_note_received_on,
            "work_plan_received_on": feedback.work_plan_received_on, "meeting_on": feedback.meeting_on,
            "meeting_id": feedback.meeting_id, "original_language": feedback.original_language,
            "summary": feedback.summary, "items": feedback.items, "joint_actions": feedback.joint_actions,
            "recorded_by": feedback.recorded_by, "updated_at": feedback.updated_at, "version": feedback.version,
            "warnings": warnings}


@blp.route("/<int:term_id>/feedback")
class PptTermFeedback(MethodView):
    @requires_team
    @blp.response(200, PptFeedbackSchema)
    def get(self, term_id):
        term = get_or_404(term_id)
        feedback = feedback_for(term)
        if feedback is None:
            abort(404, message=f"No feedback recorded yet for PPT term {term_id}.")
        return dump(feedback, warnings_for(feedback, term)), etag_header(KIND, term.id, feedback.version)

    @requires_writer
    @blp.arguments(PptFeedbackSchema)
    @blp.response(200, PptFeedbackSchema)
    def put(self, data, term_id):
        term = get_or_404(term_id)
        existing = feedback_for(term)
        if existing is not None:
            require_if_match(KIND, term.id, existing.version)
        feedback, warnings = save_feedback(term, data, actor=current_principal(),
                                           now=services().clock.now())
        db.session.commit()
        return dump(feedback, warnings), etag_header(KIND, term.id, feedback.version)
