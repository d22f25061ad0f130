"""The web pages: the secretariat's application and the member countries' portal (Jinja, server-rendered).

`init_web(app)` wires everything the pages need: language (Flask-Babel), CSRF (Flask-WTF), the session
cookie's flags, the blueprints and the HTML error pages.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, request
from flask_wtf.csrf import CSRFError

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


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def from_another_site(app: Flask) -> bool:
    """True when the browser says the form came from another origin (Origin, or else Referer).

    A browser sends Origin with every form POST (Referer when it does not); a client that sends neither is no
    browser, so it cannot carry someone else's cookie and the CSRF token alone decides. "null" (a sandboxed
    frame, a redirect across sites) is another site.
    """
    own = {_origin(request.host_url), _origin(app.config["PUBLIC_URL"])}
    claimed = request.headers.get("Origin") or request.headers.get("Referer")
    if claimed is None:
        return False
    return claimed.strip().lower() == "null" or _origin(claimed.strip()) not in own


def _csrf(app: Flask) -> None:
    app.config["WTF_CSRF_CHECK_DEFAULT"] = False  # replaced by the path-aware check below
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", 8 * 3600)  # a long form may stay open a working day
    csrf.init_app(app)

    @app.before_request
    def csrf_for_pages() -> None:
        if request.path.startswith(CSRF_EXEMPT_PREFIXES) or request.method in ("GET", "HEAD", "OPTIONS"):
            return
        if from_another_site(app):
            raise CSRFError("The form was sent from another site.")
        if app.config.get("WTF_CSRF_ENABLED", True):
            csrf.protect(apply_exemptions=True)


def init_web(app: Flask) -> None:
    from service.web import (  # noqa: F401 - routes register on import
        views_auth,
        views_corrections,
        views_dashboard,
        views_documents,
        views_events,
        views_feedback,
        views_grcm,
        views_issue,
        views_meetings,
        views_monitoring,
        views_monitoring_tools,
        views_package,
        views_planning,
        views_portal,
        views_portal_monitoring,
        views_ppt_terms,
        views_recommendations,
        views_records,
        views_translations,
        views_verify,
    )
    from service.web.blueprints import portal, web
    from service.web.errors import register_error_pages
    from service.web.field_names import named
    from service.web.followup_forms import addressee_label
    from service.web.i18n import init_i18n
    from service.web.labels import JINJA_GLOBALS, TIMEZONES
    from service.web.once import form_token
    from service.web.people import answered_by
    from service.web.signin import current_user

    _session_cookie(app)
    _csrf(app)
    init_i18n(app)
    app.register_blueprint(web)
    app.register_blueprint(portal)
    register_error_pages(app)
    app.jinja_env.globals.update(current_user=current_user, TIMEZONES=TIMEZONES, form_token=form_token, named=named,
                                  addressee_label=addressee_label, answered_by=answered_by,
                                  **JINJA_GLOBALS)
