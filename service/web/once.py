"""Create forms that save once: the page's nonce (hidden field `form_token`) is claimed in the transaction that
creates the record. The same form sent again — Back and submit, a double click, a second host racing the first —
is sent to the record already created, with a notice, instead of making a second one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import flash, redirect, request
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from service.extensions import db
from service.form_submissions.operations import claim, new_nonce, saved_location, valid_nonce
from service.web.common import attempt, now
from service.web.forms import FieldErrors

T = TypeVar("T")
FIELD = "form_token"


class AlreadySaved(Exception):
    """This form was saved before; `location` is the record it created."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


def form_token(values: dict | None = None) -> str:
    """The nonce a create form carries: the one it was sent with (shown again after errors), else a new one."""
    return valid_nonce((values or {}).get(FIELD)) or new_nonce()


def attempt_once(action: Callable[[], T], location: Callable[[T], str]) -> tuple[T | None, FieldErrors]:
    """`attempt(action)`, saving the form's nonce with the record; raises AlreadySaved for a used nonce."""
    nonce = valid_nonce(request.form.get(FIELD))
    if nonce is None:
        return attempt(action)
    found = saved_location(nonce)
    if found is not None:
        raise AlreadySaved(found)

    def act_and_claim() -> T:
        result = action()
        claim(nonce, location(result), now=now())
        return result

    try:
        return attempt(act_and_claim)
    except IntegrityError:
        db.session.rollback()
        found = saved_location(nonce)
        if found is None:
            raise
        raise AlreadySaved(found) from None


def already_saved(error: AlreadySaved) -> Response:
    flash(_("This form was already saved: here is the record it created. Nothing was saved twice."), "info")
    return redirect(error.location)
