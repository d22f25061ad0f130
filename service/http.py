"""HTTP helpers shared by the API blueprints: ETags and If-Match preconditions."""

from __future__ import annotations

from typing import TypeVar

from flask import request
from flask_smorest import abort

from service.common.i18n import N_
from service.errors import PreconditionRequired, StaleVersion
from service.extensions import db

Model = TypeVar("Model")


def find_or_404(model: type[Model], ident: int, what: str) -> Model:
    """The row with this id, or a JSON 404 that says what was not found."""
    found = db.session.get(model, ident)
    if found is None:
        abort(404, message=f"No {what} {ident}.")
    return found


def etag_for(kind: str, resource_id: int, version: int) -> str:
    return f'"{kind}-{resource_id}-v{version}"'


def etag_header(kind: str, resource_id: int, version: int) -> dict[str, str]:
    return {"ETag": etag_for(kind, resource_id, version)}


def require_if_match(kind: str, resource_id: int, version: int, *, required: bool = True) -> None:
    """412 when If-Match names another version; 428 when it is required and missing."""
    check_if_match(request.headers.get("If-Match"), kind, resource_id, version, required=required)


def check_if_match(header: str | None, kind: str, resource_id: int, version: int, *, required: bool = True) -> None:
    """The check behind If-Match, for any carrier of the ETag (a header, or a web form's hidden field)."""
    if header is None:
        if required:
            raise PreconditionRequired(
                N_("Send If-Match with the ETag you last read, so nobody's changes are overwritten."))
        return
    current = etag_for(kind, resource_id, version)
    offered = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    if "*" not in offered and current not in offered:
        raise StaleVersion(N_("Someone changed this %(kind)s meanwhile (it is now %(etag)s); "
                              "read it again and re-apply your change."), params={"kind": kind, "etag": current})
