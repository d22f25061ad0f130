"""Bearer-token authentication for the JSON API: 401 without a valid token, 403 for the wrong role."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import request
from flask_smorest import abort

from service.auth.principals import Principal, may_read_audit, may_read_shared, may_read_working_data, may_write
from service.auth.tokens import principal_for_secret


def current_principal() -> Principal | None:
    """The token's holder, looked up once per request (kept in the WSGI environ, which is per request)."""
    environ = request.environ
    if "tripartito.principal" not in environ:
        header = request.headers.get("Authorization", "")
        scheme, _, secret = header.partition(" ")
        found = principal_for_secret(secret.strip()) if scheme.lower() == "bearer" and secret else None
        environ["tripartito.principal"] = found
    return environ["tripartito.principal"]


def _require(predicate: Callable[[Principal | None], bool], what: str):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            principal = current_principal()
            if principal is None:
                abort(401, message="Send an API token: 'Authorization: Bearer <token>'.",
                      headers={"WWW-Authenticate": 'Bearer realm="tripartito"'})
            if not predicate(principal):
                abort(403, message=f"This token ({principal.label}) may not {what}.")
            return view(*args, **kwargs)

        return wrapper

    return decorator


requires_writer = _require(may_write, "change data: only ST-CRM, ST-RROCM and the PPT may")
requires_reader = _require(may_read_shared, "read this")
requires_team = _require(may_read_working_data, "read the team's working data")
requires_auditor = _require(may_read_audit, "read the audit log: only ST-CRM, ST-RROCM and the PPT may")
