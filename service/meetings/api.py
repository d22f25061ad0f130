from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort
from sqlalchemy import select

from schemas.meetings import (
    AgreementListItemSchema,
    AgreementQuerySchema,
    MeetingSchema,
    MeetingUpdateSchema,
    MinutesSchema,
)
from service.adapters import services
from service.auth.http import current_principal, requires_reader, requires_team, requires_writer
from service.extensions import db
from service.http import etag_header, find_or_404, require_if_match
from service.meetings.models import Meeting
from service.meetings.operations import cancel_meeting, create_meeting, list_agreements, save_minutes, update_meeting

blp = Blueprint("meetings", __name__, url_prefix="/api/v1", description="Meetings of the Equipo Tripartito")


def get_or_404(meeting_id: int) -> Meeting:
    return find_or_404(Meeting, meeting_id, "meeting")


def meeting_etag(meeting: Meeting) -> dict[str, str]:
    return etag_header("meeting", meeting.id, meeting.sequence)


def dump_minutes(meeting: Meeting) -> dict:
    minutes = meeting.minutes
    return {
        "meeting_id": meeting.id, "language": minutes.language, "attendees": minutes.attendees,
        "agenda_items": minutes.agenda_items, "next_meeting": minutes.next_meeting, "version": minutes.version,
        "agreements": [{"id": a.id, "text": a.text, "responsible": a.responsible, "due_on": a.due_on,
                        "status": a.status} for a in minutes.agreements],
    }


@blp.route("/meetings")
class Meetings(MethodView):
    @requires_reader
    @blp.response(200, MeetingSchema(many=True))
    def get(self):
        return db.session.scalars(select(Meeting).order_by(Meeting.starts_at_utc)).all()

    @requires_writer
    @blp.arguments(MeetingSchema)
    @blp.response(201, MeetingSchema)
    def post(self, data):
        meeting = create_meeting(data, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return meeting, meeting_etag(meeting)


@blp.route("/meetings/<int:meeting_id>")
class MeetingItem(MethodView):
    @requires_reader
    @blp.response(200, MeetingSchema)
    def get(self, meeting_id):
        meeting = get_or_404(meeting_id)
        return meeting, meeting_etag(meeting)

    @requires_writer
    @blp.arguments(MeetingUpdateSchema(partial=True))
    @blp.response(200, MeetingSchema)
    def patch(self, changes, meeting_id):
        meeting = get_or_404(meeting_id)
        require_if_match("meeting", meeting.id, meeting.sequence)
        update_meeting(meeting, changes, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return meeting, meeting_etag(meeting)


@blp.route("/meetings/<int:meeting_id>/cancel")
class MeetingCancel(MethodView):
    @requires_writer
    @blp.response(200, MeetingSchema)
    def post(self, meeting_id):
        meeting = get_or_404(meeting_id)
        require_if_match("meeting", meeting.id, meeting.sequence, required=False)
        cancel_meeting(meeting, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return meeting, meeting_etag(meeting)


@blp.route("/meetings/<int:meeting_id>/minutes")
class MeetingMinutes(MethodView):
    @requires_team
    @blp.response(200, MinutesSchema)
    def get(self, meeting_id):
        meeting = get_or_404(meeting_id)
        if meeting.minutes is None:
            abort(404, message=f"Meeting {meeting_id} has no minutes yet.")
        return dump_minutes(meeting), etag_header("minutes", meeting.id, meeting.minutes.version)

    @requires_writer
    @blp.arguments(MinutesSchema)
    @blp.response(200, MinutesSchema)
    def put(self, data, meeting_id):
        meeting = get_or_404(meeting_id)
        if meeting.minutes is not None:
            require_if_match("minutes", meeting.id, meeting.minutes.version)
        save_minutes(meeting, data, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return dump_minutes(meeting), etag_header("minutes", meeting.id, meeting.minutes.version)


@blp.route("/agreements")
class Agreements(MethodView):
    @requires_team
    @blp.arguments(AgreementQuerySchema, location="query")
    @blp.response(200, AgreementListItemSchema(many=True))
    def get(self, args):
        return list_agreements(args.get("state"), services().clock.today())
