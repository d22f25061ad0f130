"""Signed-in sessions kept on the server, and sign-in attempts throttled per account and per client address.

Both live in the database, so every server process (and every gunicorn worker) sees the same sessions and the
same failures. Operations flush; the caller commits.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import datetime

from sqlalchemy import delete, select

from service.accounts.models import SignInFailure, SignInSession, UserAccount
from service.accounts.operations import active_user, authenticate, normalise_email
from service.accounts.rules import (
    FAILURES_PER_ACCOUNT,
    FAILURES_PER_ADDRESS,
    SESSION_MAX_AGE,
    THROTTLE_WINDOW,
    seconds_to_wait,
)
from service.common.i18n import N_
from service.errors import TooManyAttempts
from service.extensions import db

log = logging.getLogger(__name__)


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def open_session(user: UserAccount, *, now: datetime) -> str:
    """A new session for the account; returns the key for the cookie (only its hash is stored)."""
    db.session.execute(delete(SignInSession).where(SignInSession.created_at < now - SESSION_MAX_AGE))
    key = secrets.token_urlsafe(32)
    db.session.add(SignInSession(key_sha256=_digest(key), user_id=user.id, created_at=now))
    db.session.flush()
    return key


def session_user(key: str | None, *, now: datetime) -> UserAccount | None:
    """The active account of a session that is still open and not too old, else None."""
    if not key or not isinstance(key, str):
        return None
    found = db.session.scalar(select(SignInSession).where(SignInSession.key_sha256 == _digest(key)))
    if found is None or found.created_at < now - SESSION_MAX_AGE:
        return None
    return active_user(found.user_id)


def close_session(key: str | None) -> None:
    """Sign out: the session ends here, so a copy of its cookie is worth nothing."""
    if key and isinstance(key, str):
        db.session.execute(delete(SignInSession).where(SignInSession.key_sha256 == _digest(key)))
        db.session.flush()


def attempt_sign_in(email: str, password: str, *, address: str, now: datetime) -> UserAccount | None:
    """The account when the pair is right; None (and the failure recorded) when not; TooManyAttempts (429)
    without checking the password when the account or the address has failed too often lately."""
    email = normalise_email(email)[:254]
    address = (address or "unknown")[:64]
    since = now - THROTTLE_WINDOW
    db.session.execute(delete(SignInFailure).where(SignInFailure.at <= since))
    by_account = db.session.scalars(select(SignInFailure.at).where(SignInFailure.email == email,
                                                                   SignInFailure.at > since))
    by_address = db.session.scalars(select(SignInFailure.at).where(SignInFailure.address == address,
                                                                   SignInFailure.at > since))
    waits = [wait for wait in (seconds_to_wait(by_account, limit=FAILURES_PER_ACCOUNT, now=now),
                               seconds_to_wait(by_address, limit=FAILURES_PER_ADDRESS, now=now)) if wait]
    if waits:
        log.warning("sign-in throttled for %r from %s: retry in %ss", email, address, max(waits))
        raise TooManyAttempts(N_("Too many failed sign-in attempts. Try again in %(seconds)s seconds."),
                              params={"seconds": max(waits)}, retry_after=max(waits))
    user = authenticate(email, password, now=now)
    if user is None:
        log.info("sign-in failed for %r from %s", email, address)
        db.session.add(SignInFailure(email=email, address=address, at=now))
    else:
        db.session.execute(delete(SignInFailure).where(SignInFailure.email == email))
    db.session.flush()
    return user
