"""The member countries' portal: the issued documents by kind, and their calendar subscription."""

from __future__ import annotations

from itertools import groupby

from flask import redirect, render_template, session, url_for
from werkzeug.wrappers import Response

from service.extensions import db
from service.web import documents_port
from service.web.blueprints import portal
from service.web.common import now
from service.web.feeds_port import feed_address_since, feeds_available, new_feed_secret, subscription_links
from service.web.i18n import current_language
from service.web.signin import current_principal, current_user, requires_reader


@portal.get("", endpoint="documents")
@requires_reader
def documents_by_kind() -> str:
    found = sorted(documents_port.issued_documents(latest_only=True),
                   key=lambda d: (documents_port.KINDS.index(d.kind) if d.kind in documents_port.KINDS else 99,
                                  -d.issued_at.timestamp()))
    grouped = [(kind, list(items)) for kind, items in groupby(found, key=lambda d: d.kind)]
    return render_template("portal/documents.html", grouped=grouped)


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
