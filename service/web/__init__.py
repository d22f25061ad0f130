"""The web pages: the secretariat's application and the member countries' portal (Jinja, server-rendered).

`init_web(app)` wires everything the pages need: language (Flask-Babel), CSRF (Flask-WTF), the session
cookie's flags, the blueprints and the HTML error pages.
"""

from __future__ import annotations

from flask import Flask, request

from service.extensions import csrf

# Bearer-token clients (the JSON API) and calendar clients (the feed) do not use the session cookie, so they
# are outside CSRF protection; every other unsafe request needs the form's token. Exempt by path so API
# blueprints added later are covered without a list to keep up to date.
CSRF_EXEMPT_PREFIXES = ("/api/", "/calendars/")


def _session_cookie(app: Flask) -> None:
    """HttpOnly, SameSite=Lax, and Secure unless testing or INSECURE_COOKIES (local http, see README)."""
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_SECURE"] = not (app.config.get("TESTING") or app.config.get("INSECURE_COOKIES"))


def _csrf(app: Flask) -> None:
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # replaced by the path-aware check below
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 8 * 3600)  # a long form may stay open a working day
    csrf.init_app(app)

    @app.before_request
    def csrf_for_pages() -> None:
        if app.config.get("WTF_CSRF_ENABLED", True) and not request.path.startswith(CSRF_EXEMPT_PREFIXES):
            csrf.protect(apply_exemptions=True)


def init_web(app: Flask) -> None:
    from service.web import (  # noqa: F401 - routes register on import
        views_auth,
        views_dashboard,
        views_documents,
        views_events,
        views_feedback,
        views_grcm,
        views_issue,
        views_meetings,
        views_monitoring,
        views_planning,
        views_portal,
        views_ppt_terms,
        views_recommendations,
    )
    from service.web.blueprints import portal, web
    from service.web.errors import register_error_pages
    from service.web.i18n import init_i18n
    from service.web.labels import JINJA_GLOBALS, TIMEZONES
    from service.web.signin import current_user

    _session_cookie(app)
    _csrf(app)
    init_i18n(app)
    app.register_blueprint(web)
    app.register_blueprint(portal)
    register_error_pages(app)
    app.jinja_env.globals.update(current_user=current_user, TIMEZONES=TIMEZONES, **JINJA_GLOBALS)
