"""Serving calendars over HTTP: options from the configuration, conditional GET, cached bytes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import Response, current_app, request
from werkzeug.http import is_resource_modified

from calendars import (
    CalendarMeeting,
    FeedCache,
    FeedOptions,
    build_feed,
    build_meeting_calendar,
    fingerprint_etag,
    serialise,
)
from service.adapters import services
from service.common.i18n import LANGUAGES
from service.feeds.queries import feed_fingerprint, feed_items

CALENDAR_MEDIA_TYPE = "text/calendar; charset=utf-8"
ORGANIZER_NAME = "ST-CRM"  # the Secretaría Técnica de la CRM convenes the team's meetings


@dataclass(frozen=True)
class FeedState:
    """What a conditional GET needs, computed without building the calendar."""

    options: FeedOptions
    etag: str
    last_modified: datetime | None
    country: str | None = None


def feed_options(language: str, *, now: datetime | None = None) -> FeedOptions:
    config = current_app.config
    return FeedOptions(
        host=config["PUBLIC_HOST"],
        language=language,  # type: ignore[arg-type]
        refresh_hours=int(config["FEED_REFRESH_HOURS"]),
        organizer_email=config["ORGANIZER_EMAIL"],
        organizer_name=ORGANIZER_NAME,
        now=now or services().clock.now(),
        keep_cancelled_days=int(config["FEED_KEEP_CANCELLED_DAYS"]),
    )


def requested_language() -> str | None:
    """``?lang=en`` or ``?lang=es``; Spanish (the configured default) without it; None for anything else."""
    language = request.args.get("lang") or current_app.config.get("DEFAULT_LANGUAGE", "es")
    return language if language in LANGUAGES else None


def feed_state(language: str, country: str | None = None) -> FeedState:
    """A member country's feed also carries its own monitoring-tool due dates: its fingerprint names it."""
    options = feed_options(language)
    fingerprint, last_modified = feed_fingerprint(options.now, options.keep_cancelled_days, country)
    return FeedState(options=options, etag=fingerprint_etag(fingerprint, options), last_modified=last_modified,
                     country=country)


def feed_cache() -> FeedCache:
    """One bounded cache per app; an ETag names one byte string, so entries never go stale."""
    return current_app.extensions.setdefault("tripartito.feed_cache", FeedCache())


def feed_bytes(state: FeedState) -> bytes:
    cache = feed_cache()
    data = cache.get(state.etag)
    if data is None:
        data = serialise(build_feed(*feed_items(state.options.language, state.country), state.options))
        cache.put(state.etag, data)
    return data


def _validators(response: Response, state: FeedState) -> Response:
    response.set_etag(state.etag)
    if state.last_modified is not None:
        response.last_modified = state.last_modified
    # The URL holds a secret: no shared caches. Revalidating every time is cheap (a 304
    # costs two small queries), so clients see changes at their next refresh.
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def feed_response(state: FeedState) -> Response:
    """304 when the client's copy is current (If-None-Match wins over If-Modified-Since), else the feed."""
    if not is_resource_modified(request.environ, etag=state.etag, last_modified=state.last_modified):
        return _validators(Response(status=304), state)
    response = Response(feed_bytes(state), mimetype="text/calendar")
    response.headers["Content-Type"] = CALENDAR_MEDIA_TYPE
    response.headers["Content-Disposition"] = 'inline; filename="tripartito.ics"'
    return _validators(response, state)


def meeting_calendar_response(meeting: CalendarMeeting, language: str) -> Response:
    data = serialise(build_meeting_calendar(meeting, feed_options(language)))
    response = Response(data, mimetype="text/calendar")
    response.headers["Content-Type"] = CALENDAR_MEDIA_TYPE + "; method=PUBLISH"  # it carries METHOD:PUBLISH
    response.headers["Content-Disposition"] = f'attachment; filename="reunion-{meeting.id}.ics"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
