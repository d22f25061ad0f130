"""The subscription feed: GET /calendars/<secret>/tripartito.ics (calendar apps cannot log in, so the URL is
the credential). Not under /api/: answers are calendars or bare status codes, never JSON."""

from __future__ import annotations

from flask import Blueprint, Response

from service.feeds.operations import feed_principal_for_secret
from service.feeds.publish import feed_response, feed_state, requested_language

bp = Blueprint("feeds", __name__)


def _plain(status: int, text: str) -> Response:
    return Response(text + "\n", status=status, mimetype="text/plain")


@bp.get("/calendars/<token>/tripartito.ics")
def feed(token: str) -> Response:
    # Unknown and revoked look the same: the answer must not tell which secrets once existed.
    principal = feed_principal_for_secret(token)
    if principal is None:
        return _plain(404, "Not Found")
    language = requested_language()
    if language is None:
        return _plain(400, "lang must be es or en")
    country = None if principal.is_party else principal.country  # its own monitoring due dates (issue 17)
    return feed_response(feed_state(language, country))
