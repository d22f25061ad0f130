"""Claim a form's nonce in the same transaction as the record it creates; find the record of a used nonce."""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from service.extensions import db
from service.form_submissions.models import FormSubmission

_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")
# How long a used nonce is kept. A form can only be sent while its CSRF token is valid (8 hours,
# WTF_CSRF_TIME_LIMIT in service/web/__init__.py), so after that a nonce protects nothing; 30 days is ample margin.
KEPT_FOR = timedelta(days=30)


def new_nonce() -> str:
    """A fresh nonce for a create form (nothing is stored until the form is saved: GET never writes)."""
    return secrets.token_urlsafe(24)


def valid_nonce(value: str | None) -> str | None:
    """The nonce if it looks like one of ours, else None (a form without one is simply not protected)."""
    return value if value is not None and _NONCE.fullmatch(value) else None


def saved_location(nonce: str) -> str | None:
    """Where the record saved with this nonce is, or None if the form was never saved."""
    return db.session.scalar(select(FormSubmission.location).where(FormSubmission.nonce == nonce))


def claim(nonce: str, location: str, *, now: datetime) -> None:
    """Record the nonce as used, in the caller's transaction: the unique index refuses a second claim (another
    host saving the same form at the same moment), and the caller's commit fails with IntegrityError."""
    db.session.add(FormSubmission(nonce=nonce, location=location, created_at=now))
    db.session.flush()


def purge_used(*, now: datetime, kept_for: timedelta = KEPT_FOR) -> int:
    """Delete the nonces claimed more than `kept_for` before `now`; how many went. The caller commits.

    Run from cron (`tripartito maintenance purge`), not on each claim: one statement a day instead of a DELETE in
    every create's transaction, where hosts sharing the database would wait on each other's row locks and a
    failed purge would undo the person's record. Safe to run on several hosts at once: a row already deleted by
    another run is simply not found."""
    result = db.session.execute(delete(FormSubmission).where(FormSubmission.created_at < now - kept_for))
    return result.rowcount or 0
