"""Create accounts and check passwords. Operations flush (creating and disabling accounts are audited); the caller
commits."""

from __future__ import annotations

import re
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select

from service.accounts.models import SignInSession, UserAccount
from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
from service.auth.tokens import validate_ppt_holder
from service.common.i18n import N_
from service.errors import RuleViolation
from service.extensions import db

MIN_PASSWORD_LENGTH = 10
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_hasher = PasswordHasher()  # argon2id with argon2-cffi's current recommended parameters
# Verified when the e-mail is unknown, so a wrong address costs as much time as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password, only here to spend the same time")


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise RuleViolation(N_("The password must have at least %(n)s characters."),
                            params={"n": MIN_PASSWORD_LENGTH}, field="password")


def create_user(*, email: str, party: str | None, country: str | None, password: str, now: datetime,
                actor: Principal, name: str | None = None) -> UserAccount:
    """A new account for one party or one member country (the same check as API tokens).

    Every caller in the service passes `actor`; the default keeps tests/documents' calls working until documents
    are moved over (see the audit branch's report)."""
    email = normalise_email(email)
    if not _EMAIL.fullmatch(email) or len(email) > 254:
        raise RuleViolation(N_("%(email)r is not an e-mail address."), params={"email": email}, field="email")
    party, country, ppt_country = validate_ppt_holder(party, country)
    _check_password(password)
    if db.session.scalar(select(func.count(UserAccount.id)).where(UserAccount.email == email)):
        raise RuleViolation(N_("There is already an account for %(email)s."), params={"email": email}, field="email")
    user = UserAccount(email=email, name=(name or "").strip() or None, party=party, country=country,
                       ppt_country=ppt_country, password_hash=_hasher.hash(password), created_at=now)
    db.session.add(user)
    db.session.flush()
    record(db.session, actor, now, "user.create", Subject("user", user.id),
           diff({}, snapshot(user, ("email", "name", "party", "country", "ppt_country"))))  # never the hash
    return user


def set_password(user: UserAccount, password: str) -> None:
    _check_password(password)
    user.password_hash = _hasher.hash(password)
    db.session.flush()


def authenticate(email: str, password: str, *, now: datetime) -> UserAccount | None:
    """The account if the e-mail and password match an active account, else None (same time either way)."""
    user = db.session.scalar(select(UserAccount).where(UserAccount.email == normalise_email(email)))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if user is None or user.disabled_at is not None:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.last_sign_in_at = now
    db.session.flush()
    return user


def active_user(user_id: int | None) -> UserAccount | None:
    """The account a session names, if it still exists and is not disabled."""
    if user_id is None:
        return None
    user = db.session.get(UserAccount, user_id)
    return user if user is not None and user.disabled_at is None else None


def disable_user(email: str, *, actor: Principal, now: datetime) -> UserAccount:
    """Disable an account (its sessions end); idempotent, and only the first disabling is audited."""
    user = db.session.scalar(select(UserAccount).where(UserAccount.email == normalise_email(email)))
    if user is None:
        raise RuleViolation(N_("No account for %(email)s."), params={"email": email}, field="email")
    if user.disabled_at is None:
        user.disabled_at = now
        db.session.flush()
        record(db.session, actor, now, "user.disable", Subject("user", user.id), {"disabled_at": [None, now]})
    db.session.execute(delete(SignInSession).where(SignInSession.user_id == user.id))  # its sessions end now
    db.session.flush()
    return user


def principal_of(user: UserAccount) -> Principal:
    """The same Principal an API token of that party or country would give (one set of permission rules), naming
    the account too, so the audit log says which person acted."""
    return Principal(party=user.party, country=user.country, user_id=user.id, user_email=user.email,
                     ppt_country=user.ppt_country)
