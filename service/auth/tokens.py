"""API tokens: random secrets shown once; only their SHA-256 is stored (they are high-entropy, so a fast
hash is enough and lookups stay O(1))."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.models import ApiToken
from service.auth.principals import PARTY_CODES, Principal
from service.common.i18n import N_
from service.errors import NotFound, RuleViolation
from service.extensions import db
from service.reference.operations import country as find_country

Token = TypeVar("Token")
TOKEN_PREFIX = "tpt_"  # noqa: S105 - a prefix that makes leaked tokens recognisable, not a secret


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def validate_ppt_holder(party: str | None, country: str | None) -> tuple[str | None, str | None, str | None]:
    """(party, member country, PPT country) of a token or account: a `ppt` one names the member country that
    holds (or will hold) the Presidencia Pro Tempore, and then acts on that country's terms only."""
    if party == "ppt":
        if not country:
            raise RuleViolation(N_("A PPT token or account belongs to a member country: give its country too "
                                   "(--party ppt --country PA)."), field="country")
        return party, None, find_country(country, members_only=True).code
    party, country = validate_holder(party, country)
    return party, country, None


def validate_holder(party: str | None, country: str | None) -> tuple[str | None, str | None]:
    if bool(party) == bool(country):
        raise RuleViolation(N_("A token belongs to exactly one party or one member country."), field="party")
    if party:
        if party not in PARTY_CODES:
            raise RuleViolation(N_("Unknown party %(party)r: use st_crm, st_rrocm or ppt."), params={"party": party},
                                field="party")
        return party, None
    return None, find_country(country or "", members_only=True).code


def create_secret_token(model: type[Token], prefix: str, kind: str, *, party: str | None, country: str | None,
                        actor: Principal, now: datetime, label: str | None = None,
                        extra: dict[str, str] | None = None) -> tuple[Token, str]:
    """A new token row (API or calendar feed: `kind` names it in the audit log) for one party or member country,
    and its secret, shown once. `extra`: further columns of that model (an API token's `ppt_country`)."""
    extra = extra or {}
    if not extra:
        party, country = validate_holder(party, country)
    secret = prefix + secrets.token_urlsafe(32)
    token = model(token_hash=hash_secret(secret), party=party, country=country, label=label, created_at=now,
                  **extra)
    db.session.add(token)
    db.session.flush()
    record(db.session, actor, now, f"{kind}.create", Subject(kind, token.id),
           diff({}, snapshot(token, ("party", "country", "label", *extra))))  # never the hash
    return token, secret


def revoke_secret_token(model: type[Token], token_id: int, kind: str, what: str, *, actor: Principal,
                        now: datetime) -> Token:
    """Revoke a token; idempotent (the first revocation time is kept, and only the first is audited)."""
    token = db.session.get(model, token_id)
    if token is None:
        raise NotFound(N_("No %(what)s %(id)s."), params={"what": what, "id": token_id})
    if token.revoked_at is None:
        token.revoked_at = now
        db.session.flush()
        record(db.session, actor, now, f"{kind}.revoke", Subject(kind, token.id), {"revoked_at": [None, now]})
    return token


def create_api_token(*, party: str | None, country: str | None, actor: Principal, now: datetime,
                     label: str | None = None) -> tuple[ApiToken, str]:
    """A token for one party or one member country; a `ppt` token also names its country (`country`)."""
    party, country, ppt_country = validate_ppt_holder(party, country)
    return create_secret_token(ApiToken, TOKEN_PREFIX, "api_token", party=party, country=country, actor=actor,
                               now=now, label=label, extra={"ppt_country": ppt_country} if ppt_country else None)


def revoke_api_token(token_id: int, *, actor: Principal, now: datetime) -> ApiToken:
    return revoke_secret_token(ApiToken, token_id, "api_token", "API token", actor=actor, now=now)


def principal_for_secret(secret: str) -> Principal | None:
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_secret(secret),
                                                     ApiToken.revoked_at.is_(None)))
    if token is None:
        return None
    return Principal(party=token.party, country=token.country, token_id=token.id, ppt_country=token.ppt_country)
