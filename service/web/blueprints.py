"""The pages' blueprints: the secretariat's web application and the member countries' portal."""

from __future__ import annotations

from flask import Blueprint, Response

from service.web.i18n import remember_language

web = Blueprint("web", __name__)
portal = Blueprint("portal", __name__, url_prefix="/portal")

# Pages only ever load their own CSS and JS: a strict policy costs nothing.
CONTENT_SECURITY_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                           "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'")


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.vary.add("Cookie")
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


for _blueprint in (web, portal):
    _blueprint.before_request(remember_language)
    _blueprint.after_request(_security_headers)
