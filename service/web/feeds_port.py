"""The pages' one door to calendar feed tokens (service.feeds).

Feed secrets are stored hashed and shown once, so the page cannot show an existing address: it issues a new
one on request, for the signed-in person's party or country, and switches off the one it issued before.
"""

from __future__ import annotations

import importlib.util
from datetime import datetime
from urllib.parse import quote

from service.auth.principals import Principal


def feeds_available() -> bool:
    return importlib.util.find_spec("service.feeds.operations") is not None


def _label(user_id: int) -> str:
    return f"web account {user_id}"


def feed_address_since(user_id: int) -> datetime | None:
    """When this person's current address (from this page) was made, or None if they have none."""
    if not feeds_available():
        return None
    from service.feeds.operations import list_feed_tokens

    made = [t.created_at for t in list_feed_tokens() if t.label == _label(user_id) and t.revoked_at is None]
    return max(made) if made else None


def new_feed_secret(principal: Principal, *, user_id: int, now: datetime) -> str | None:
    """A new feed secret for this person (the previous one from this page is revoked), or None without feeds.

    The person is also the actor the audit log names for the revocation and the creation."""
    if not feeds_available():
        return None
    from service.feeds.operations import create_feed_token, list_feed_tokens, revoke_feed_token

    for token in list_feed_tokens():
        if token.label == _label(user_id) and token.revoked_at is None:
            revoke_feed_token(token.id, actor=principal, now=now)
    _token, secret = create_feed_token(party=principal.party, country=principal.country, actor=principal, now=now,
                                       label=_label(user_id))
    return secret


def subscription_links(secret: str, language: str) -> dict[str, str]:
    """https, webcal and Google Calendar links for `/calendars/<secret>/tripartito.ics` (English: ?lang=en)."""
    from service.feeds.links import subscribe_links

    links = subscribe_links(secret)
    suffix = "" if language == "es" else f"?lang={language}"
    webcal = links["webcal"] + suffix
    return {"https": links["url"] + suffix, "webcal": webcal,
            "google": "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe="")}


def meeting_ics(meeting: object, language: str) -> object:
    """The meeting as a one-off .ics download (the API's /meetings/{id}/calendar.ics, for a signed-in person)."""
    from service.feeds.publish import meeting_calendar_response
    from service.feeds.queries import calendar_meeting

    return meeting_calendar_response(calendar_meeting(meeting), language)
