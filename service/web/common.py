"""Small helpers the views share: run one operation and turn its failures into messages on the form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from flask import abort, flash
from flask_babel import gettext as _
from marshmallow import ValidationError
from sqlalchemy.orm.exc import StaleDataError

from service.adapters import services
from service.errors import DomainError, PreconditionRequired, StaleVersion
from service.extensions import db
from service.web.field_names import named
from service.web.forms import FieldErrors

T = TypeVar("T")


def stale_message() -> str:
    return _("Someone else changed this record while you were editing it, so nothing was saved. "
             "Your input is kept below: open the current version and apply your changes again.")


def attempt(action: Callable[[], T]) -> tuple[T | None, FieldErrors]:
    """Run a form's load-and-operate step; commit on success, roll back and explain on failure."""
    try:
        result = action()
        db.session.commit()
    except ValidationError as error:
        db.session.rollback()
        return None, FieldErrors.from_validation(error)
    except (StaleVersion, PreconditionRequired, StaleDataError):
        db.session.rollback()
        errors = FieldErrors()
        errors.add("_stale", stale_message())
        return None, errors
    except DomainError as error:
        db.session.rollback()
        return None, FieldErrors.from_domain(error)
    return result, FieldErrors()


def flash_errors(errors: FieldErrors) -> None:
    """A refused action on a page without its form: each message as a notice, named by its field."""
    for key, messages in errors.messages.items():
        for message in messages:
            flash(named(key, message), "error")


def get_or_404(model: type[T], ident: int) -> T:
    found = db.session.get(model, ident)
    if found is None:
        abort(404)
    return found


def now() -> datetime:
    return services().clock.now()


def today() -> date:
    return services().clock.today()
