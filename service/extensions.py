"""Flask extensions, created unbound and initialised in create_app."""

from __future__ import annotations

from flask import Response, request
from flask_migrate import Migrate
from flask_smorest import Api as SmorestApi
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from werkzeug.exceptions import HTTPException

# Explicit constraint names so Alembic migrations are the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING))


@event.listens_for(Engine, "connect")
def _sqlite_enforces_foreign_keys(dbapi_connection, connection_record) -> None:
    """SQLite ignores foreign keys unless asked; ask, so it refuses what PostgreSQL refuses."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
migrate = Migrate()
csrf = CSRFProtect()


class Api(SmorestApi):
    """flask-smorest's Api, but its JSON error handler only answers under /api/ (pages keep HTML errors)."""

    def handle_http_exception(self, error: HTTPException):  # type: ignore[override]
        if not request.path.startswith("/api/"):
            return error
        payload, code, headers = super().handle_http_exception(error)
        if "message" not in payload and error.description:
            payload["message"] = error.description
        for name, value in error.get_headers():
            if name.lower() in ("allow", "retry-after"):  # 405 says what is allowed (RFC 9110 §15.5.6)
                headers.setdefault(name, value)
        return payload, code, headers


api = Api()


def json_error(status: int, message: str, **extra) -> Response:
    """A JSON error body shaped like flask-smorest's: code, status, message, plus extra keys."""
    from http import HTTPStatus

    from flask import jsonify

    body = {"code": status, "status": HTTPStatus(status).phrase, "message": message, **extra}
    response = jsonify(body)
    response.status_code = status
    return response
