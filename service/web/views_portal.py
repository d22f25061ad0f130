"""The member countries' portal: the issued documents (es/en paired, by kind), the upcoming meetings, and
their calendar subscription. A member country sees the documents addressed to it; the parties see all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from babel.dates import format_date, get_timezone_location
from flask import redirect, render_template, session, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Meeting
from service.web import documents_port
from service.web.blueprints import portal
from service.web.common import now
from service.web.document_pairs import DOCUMENT_FACETS, latest_pairs
from service.web.feeds_port import feed_address_since, feeds_available, new_feed_secret, subscription_links
from service.web.i18n import current_language
from service.web.labels import DOCUMENT_KINDS, EVENT_KINDS, MEETING_KINDS, MEETING_STATUSES, MODALITIES
from service.web.listing import list_page
from service.web.signin import current_principal, current_user, requires_reader

UPCOMING = 6  # meetings shown on the portal


@dataclass(frozen=True)
class Upcoming:
    """A meeting as the portal lists it: its local date and time in its own zone, in the viewer's language."""

    title: str
    kind: str  # label
    day: str
    time: str
    zone: str  # "hora de Panamá" / "Panama Time"
    details: str  # modality and place, or the state when not yet confirmed
    starts_at_utc: datetime


def meeting_day(starts_at: datetime, timezone: str, language: str) -> tuple[str, str, str]:
    """("jueves, 12 de febrero de 2026", "10:00", "hora de Panamá"): the wall time where the meeting is held."""
    return (format_date(starts_at.date(), "full", locale=language), f"{starts_at:%H:%M}",
            get_timezone_location(timezone, locale=language))


def upcoming_meetings(at: datetime, language: str) -> list[Upcoming]:
    """The next team meetings (scheduled, or proposed and waiting for consents) and GRCM meetings."""
    meetings = db.session.scalars(select(Meeting).where(
        Meeting.starts_at_utc >= at, Meeting.status.in_(("scheduled", "proposed")))
        .order_by(Meeting.starts_at_utc).limit(UPCOMING)).all()
    grcm = db.session.scalars(select(GrcmMeeting).where(
        GrcmMeeting.starts_at_utc >= at, GrcmMeeting.cancelled_at.is_(None))
        .order_by(GrcmMeeting.starts_at_utc).limit(UPCOMING)).all()
    found = []
    for m in meetings:
        details = [str(MODALITIES[m.modality]), *([m.location] if m.location else [])]
        if m.status != "scheduled":
            details.append(str(MEETING_STATUSES[m.status]))
        found.append(Upcoming(m.title, str(MEETING_KINDS[m.kind]), *meeting_day(m.starts_at, m.timezone, language),
                              " · ".join(details), m.starts_at_utc))
    for g in grcm:
        found.append(Upcoming(g.title, str(EVENT_KINDS["grcm"]), *meeting_day(g.starts_at, g.timezone, language),
                              g.location or "", g.starts_at_utc))
    return sorted(found, key=lambda u: u.starts_at_utc)[:UPCOMING]


@portal.get("", endpoint="documents")
@requires_reader
def documents_by_kind() -> tuple[str, int]:
    principal = current_principal()
    country = None if principal.is_party else principal.country
    language = current_language()
    found = documents_port.register(country=country)
    pairs = latest_pairs(found, language, documents_port.subject_parts(found))
    listing = list_page(pairs, DOCUMENT_FACETS, kinds=DOCUMENT_KINDS)
    order = list(documents_port.KINDS)
    grouped = [(kind, [p for p in listing.rows if p.kind == kind])
               for kind in sorted({p.kind for p in listing.rows}, key=lambda k: order.index(k) if k in order else 99)]
    return render_template("portal/documents.html", grouped=grouped, listing=listing,
                           upcoming=upcoming_meetings(now(), language)), listing.status


# The new secret crosses the redirect in the (signed, HttpOnly) session cookie and is dropped when shown: only its
# hash is stored, so the page that shows it cannot be reloaded into showing it — nor into making another one.
_SHOW_ONCE = "new_feed_secret"


@portal.get("/calendar")
@requires_reader
def calendar() -> str:
    """The subscription page: the address just made (once), or when the current one was made. Reading it never
    makes or replaces an address: that is the POST below, behind a confirmation when an address exists."""
    secret = session.pop(_SHOW_ONCE, None)
    links = subscription_links(secret, current_language()) if secret else None
    return render_template("portal/calendar.html", links=links, feeds=feeds_available(),
                           since=feed_address_since(current_user().id))


@portal.get("/calendar/new-address")
@requires_reader
def calendar_address_confirm() -> str:
    return render_template("portal/calendar_replace.html", since=feed_address_since(current_user().id))


@portal.post("/calendar")
@requires_reader
def calendar_address() -> Response:
    """A new personal feed address (only its hash is kept); the previous one stops working. Post/redirect/get."""
    secret = new_feed_secret(current_principal(), user_id=current_user().id, now=now())
    db.session.commit()
    if secret:
        session[_SHOW_ONCE] = secret
    return redirect(url_for("portal.calendar"))
