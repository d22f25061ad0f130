"""The member countries' portal: the issued documents by kind, and their calendar subscription."""

from __future__ import annotations

from itertools import groupby

from flask import render_template

from service.extensions import db
from service.web import documents_port
from service.web.blueprints import portal
from service.web.common import now
from service.web.feeds_port import feeds_available, new_feed_secret, subscription_links
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


@portal.get("/calendar")
@requires_reader
def calendar() -> str:
    return render_template("portal/calendar.html", links=None, feeds=feeds_available())


@portal.post("/calendar")
@requires_reader
def calendar_address() -> str:
    """A new personal feed address, shown once (only its hash is kept); the previous one stops working."""
    secret = new_feed_secret(current_principal(), user_id=current_user().id, now=now())
    db.session.commit()
    links = subscription_links(secret, current_language()) if secret else None
    return render_template("portal/calendar.html", links=links, feeds=feeds_available())
