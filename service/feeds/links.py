"""Subscribe links for a feed secret: the plain URL, webcal:// (opens the calendar app), and Google's add-by-URL."""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from flask import current_app, has_request_context, request


def feed_path(secret: str) -> str:
    return f"calendars/{quote(secret, safe='')}/tripartito.ics"


def base_url() -> str:
    """The address people reach the service at: this request's, or PUBLIC_URL outside a request (the CLI).

    Behind a reverse proxy, wrap the app in werkzeug's ProxyFix so request.url_root is the public one.
    """
    root = request.url_root if has_request_context() else current_app.config["PUBLIC_URL"]
    return root.rstrip("/") + "/"


def subscribe_links(secret: str, *, base: str | None = None) -> dict[str, str]:
    url = (base or base_url()).rstrip("/") + "/" + feed_path(secret)
    webcal = urlunsplit(("webcal", *urlsplit(url)[1:]))
    return {
        "url": url,
        "webcal": webcal,
        # Google Calendar's "add by URL" dialog takes the feed in `cid`; it accepts webcal:// there.
        "google": "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe=""),
    }
