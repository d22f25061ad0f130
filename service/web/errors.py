"""HTML error pages for the pages; the JSON API keeps its JSON errors (service.extensions.Api decides)."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from service.errors import DomainError
from service.extensions import api, db
from service.web.blueprints import portal, web
from service.web.messages import translate
from service.web.once import AlreadySaved, already_saved

NOT_PAGES = ("/api/", "/calendars/")


def _explanation(status: int) -> str:
    return {
        400: _("The request could not be understood."),
        401: _("Please sign in."),
        403: _("Your account may not open this page. Member countries see the portal; the secretariat pages "
               "are for ST-CRM, ST-RROCM and the PPT."),
        404: _("There is no page at this address."),
        405: _("This page does not accept that kind of request."),
        409: _("This conflicts with a change saved meanwhile. Open the page again and retry."),
        413: _("The file or the form is too large."),
        500: _("Something went wrong on our side. Please try again in a moment."),
        503: _("The service is busy or a part of it is not running. Please try again in a moment."),
    }.get(status, _("The request could not be completed."))


def error_page(status: int, message: str | None = None) -> tuple[str, int]:
    return render_template("error.html", status=status, message=message or _explanation(status)), status


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> object:
        if request.path.startswith(NOT_PAGES):
            # The API's own handler: JSON under /api/, the exception itself (Werkzeug's page) elsewhere.
            return api.handle_http_exception(error)
        if isinstance(error, CSRFError):
            return error_page(400, _("This form has expired or did not come from this site, so it was not "
                                     "accepted. Go back, reload the page and send it again."))
        body, status = error_page(error.code or 500)
        kept = {name: value for name, value in error.get_headers() if name.lower() in ("allow", "retry-after")}
        return body, status, kept


def _domain_error(error: DomainError) -> tuple[str, int]:
    db.session.rollback()
    return error_page(error.status, translate(error))


def _stale(error: StaleDataError) -> tuple[str, int]:
    db.session.rollback()
    return error_page(409)


# Blueprint handlers are attached once, at import (a blueprint cannot change after its first registration).
for _blueprint in (web, portal):
    _blueprint.register_error_handler(DomainError, _domain_error)
    _blueprint.register_error_handler(StaleDataError, _stale)
    _blueprint.register_error_handler(AlreadySaved, already_saved)
