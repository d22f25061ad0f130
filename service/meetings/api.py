from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask.views import MethodView
from flask_smorest import Blueprint, abort
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from schemas.meetings import (
    AgreementListItemSchema,
    AgreementQuerySchema,
    ConsentAnswerSchema,
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
from service.meetings.tripartite import approve_minutes, record_consent

T = TypeVar("T")
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
        "state": minutes.state,
        "approvals": [{"party": a.party, "by": a.by, "at": a.at} for a in minutes.approvals
                      if a.minutes_version == minutes.version],
    }


def _retrying(operation: Callable[[], T]) -> T:
    """Run a tripartite answer, once more when a concurrent answer won the write (SQLite has no row locks)."""
    for attempt in range(3):
        try:
            result = operation()
            db.session.commit()
            return result
        except (StaleDataError, IntegrityError):
            db.session.rollback()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


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


@blp.route("/meetings/<int:meeting_id>/consents")
class MeetingConsents(MethodView):
    @requires_writer
    @blp.arguments(ConsentAnswerSchema)
    @blp.response(200, MeetingSchema)
    def post(self, data, meeting_id):
        """The calling party's own answer (yes or no), recorded with who and when."""
        get_or_404(meeting_id)
        actor, now = current_principal(), services().clock.now()
        meeting = _retrying(lambda: record_consent(meeting_id, data["consent"], actor=actor, now=now))
        return meeting, meeting_etag(meeting)


@blp.route("/meetings/<int:meeting_id>/minutes/approval")
class MinutesApproval(MethodView):
    @requires_writer
    @blp.response(200, MinutesSchema)
    def post(self, meeting_id):
        """The calling party approves the minutes it read: send their ETag in If-Match (412 if they changed)."""
        meeting = get_or_404(meeting_id)
        if meeting.minutes is None:
            abort(404, message=f"Meeting {meeting_id} has no minutes yet.")
        version = meeting.minutes.version
        require_if_match("minutes", meeting.id, version)
        actor, now = current_principal(), services().clock.now()
        _retrying(lambda: approve_minutes(meeting, version, actor=actor, now=now))
        return dump_minutes(meeting), etag_header("minutes", meeting.id, meeting.minutes.version)


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
