"""Turn domain errors and database races into JSON answers under /api/ (pages get their own)."""

from __future__ import annotations

import re

from flask import Flask, request
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from service.conversion.protocol import ConversionFailed, ConverterBusy
from service.errors import DomainError
from service.extensions import db, json_error


def _under_api() -> bool:
    return request.path.startswith("/api/") or request.path.startswith("/calendars/")


def register(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def domain_error(error: DomainError):
        db.session.rollback()
        if not _under_api():
            return error.message, error.status
        response = json_error(error.status, error.message, **{k: v for k, v in error.payload().items()
                                                              if k != "message"})
        if getattr(error, "retry_after", None):
            response.headers["Retry-After"] = str(error.retry_after)
        return response

    @app.errorhandler(ConverterBusy)
    def converters_busy(error: ConverterBusy):
        db.session.rollback()
        response = json_error(503, "All PDF converters are busy; try again in a few seconds.")
        response.headers["Retry-After"] = str(getattr(error, "retry_after", 5))
        return response

    @app.errorhandler(ConversionFailed)
    def conversion_failed(error: ConversionFailed):
        db.session.rollback()
        app.logger.error("conversion failed: %s", error)
        return json_error(502, "LibreOffice could not convert the document to PDF; nothing was issued. "
                               "Try again; if it keeps failing, check /healthz.")

    @app.errorhandler(OverflowError)
    @app.errorhandler(DataError)
    def out_of_range(error: Exception):
        """Safety net behind the schemas' bounds: a value no column or date calculation can hold."""
        db.session.rollback()
        app.logger.warning("value out of range: %s", error)
        return json_error(422, "A number or date in the request is out of the range this service accepts.")

    @app.errorhandler(StaleDataError)
    def stale(error: StaleDataError):
        db.session.rollback()
        return json_error(412, "Someone changed this record meanwhile; read it again and re-apply your change.")

    @app.errorhandler(IntegrityError)
    def integrity(error: IntegrityError):
        db.session.rollback()
        app.logger.warning("integrity error: %s", error.orig)
        return json_error(409, "This conflicts with data stored meanwhile; read it again and retry.")

    @app.before_request
    def json_bodies_only():
        """415 for a body that is not JSON (uploads have their own endpoints that say what they take)."""
        if (request.method in ("POST", "PUT", "PATCH") and request.path.startswith("/api/")
                and request.content_length and not request.is_json
                and not any(re.match(pattern, request.path) for pattern in app.config["RAW_UPLOAD_PATHS"])):
            return json_error(415, "Send JSON with 'Content-Type: application/json'.")
        return None
