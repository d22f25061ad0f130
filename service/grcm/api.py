from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from schemas.corrections import CancelSchema
from schemas.grcm import GrcmMeetingSchema, GrcmMeetingUpdateSchema
from service.adapters import services
from service.auth.http import current_principal, requires_reader, requires_writer
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.grcm.operations import cancel_grcm_meeting, create_grcm_meeting, update_grcm_meeting
from service.http import etag_header, find_or_404, require_if_match

blp = Blueprint("grcm_meetings", __name__, url_prefix="/api/v1/grcm-meetings",
                description="Meetings of the Grupo Regional de Consulta sobre Migración")


def get_or_404(meeting_id: int) -> GrcmMeeting:
    return find_or_404(GrcmMeeting, meeting_id, "GRCM meeting")


@blp.route("")
class GrcmMeetings(MethodView):
    @requires_reader
    @blp.response(200, GrcmMeetingSchema(many=True))
    def get(self):
        return db.session.scalars(select(GrcmMeeting).order_by(GrcmMeeting.starts_at_utc)).all()

    @requires_writer
    @blp.arguments(GrcmMeetingSchema)
    @blp.response(201, GrcmMeetingSchema)
    def post(self, data):
        meeting = create_grcm_meeting(data, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return meeting, etag_header("grcm-meeting", meeting.id, meeting.version)


@blp.route("/<int:meeting_id>")
class GrcmMeetingItem(MethodView):
    @requires_reader
    @blp.response(200, GrcmMeetingSchema)
    def get(self, meeting_id):
        meeting = get_or_404(meeting_id)
        return meeting, etag_header("grcm-meeting", meeting.id, meeting.version)

    @requires_writer
    @blp.arguments(GrcmMeetingUpdateSchema(partial=True))
    @blp.response(200, GrcmMeetingSchema)
    def patch(self, changes, meeting_id):
        meeting = get_or_404(meeting_id)
        require_if_match("grcm-meeting", meeting.id, meeting.version)
        update_grcm_meeting(meeting, changes, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return meeting, etag_header("grcm-meeting", meeting.id, meeting.version)


@blp.route("/<int:meeting_id>/cancel")
class GrcmMeetingCancel(MethodView):
    @requires_writer
    @blp.arguments(CancelSchema)
    @blp.response(200, GrcmMeetingSchema)
    def post(self, data, meeting_id):
        """Cancel, keeping it on record; 409 listing the recommendations and documents that depend on it."""
        meeting = get_or_404(meeting_id)
        require_if_match("grcm-meeting", meeting.id, meeting.version, required=False)
        cancel_grcm_meeting(meeting, data["reason"], actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return meeting, etag_header("grcm-meeting", meeting.id, meeting.version)
