"""Feed tokens over the API (writer parties hand them out) and the per-meeting .ics download."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint, abort

from schemas.feeds import CalendarQuerySchema, FeedTokenCreatedSchema, FeedTokenSchema
from service.adapters import services
from service.auth.http import current_principal, requires_reader, requires_writer
from service.extensions import db
from service.feeds.links import subscribe_links
from service.feeds.operations import create_feed_token, list_feed_tokens, revoke_feed_token
from service.feeds.publish import meeting_calendar_response
from service.feeds.queries import calendar_meeting
from service.meetings.models import Meeting

blp = Blueprint("feed_tokens", __name__, url_prefix="/api/v1", description="Calendar feeds and downloads")


@blp.route("/feeds")
class FeedTokens(MethodView):
    @requires_writer
    @blp.response(200, FeedTokenSchema(many=True))
    def get(self):
        """Feed tokens issued so far (never their secrets)."""
        return list_feed_tokens()

    @requires_writer
    @blp.arguments(FeedTokenSchema)
    @blp.response(201, FeedTokenCreatedSchema)
    def post(self, data):
        """A new feed for a party or a member country: the secret and subscribe links are shown this once."""
        token, secret = create_feed_token(party=data.get("party"), country=data.get("country"),
                                          label=data.get("label"), actor=current_principal(),
                                          now=services().clock.now())
        db.session.commit()
        fields = ("id", "party", "country", "label", "created_at", "revoked_at")
        return {**{name: getattr(token, name) for name in fields}, "secret": secret, "links": subscribe_links(secret)}


@blp.route("/feeds/<int:token_id>/revoke")
class FeedTokenRevoke(MethodView):
    @requires_writer
    @blp.response(200, FeedTokenSchema)
    def post(self, token_id):
        """Revoke a feed: its URL answers 404 from now on."""
        token = revoke_feed_token(token_id, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return token


@blp.route("/meetings/<int:meeting_id>/calendar.ics")
class MeetingCalendar(MethodView):
    @requires_reader
    @blp.arguments(CalendarQuerySchema, location="query")
    @blp.doc(responses={200: {"description": "The meeting as an iCalendar file (text/calendar)",
                              "content": {"text/calendar": {"schema": {"type": "string"}}}}})
    def get(self, args, meeting_id):
        """The meeting as a one-off .ics download (same UID and SEQUENCE as in the feeds)."""
        meeting = db.session.get(Meeting, meeting_id)
        if meeting is None:
            abort(404, message=f"No meeting {meeting_id}.")
        return meeting_calendar_response(calendar_meeting(meeting), args["lang"])
