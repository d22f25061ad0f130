"""Feed tokens: create (the secret is shown once), revoke, list, and look up the holder of a secret.

Like API tokens (service/auth/tokens.py), only the SHA-256 of the random secret is stored.
Operations flush; the caller commits.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from service.auth.principals import Principal
from service.auth.tokens import create_secret_token, hash_secret, revoke_secret_token
from service.extensions import db
from service.feeds.models import FeedToken

# A different prefix from API tokens ("tpt_"), so a leaked secret says what it opens.
FEED_TOKEN_PREFIX = "tpf_"  # noqa: S105 - a recognisable prefix, not a secret


def create_feed_token(*, party: str | None, country: str | None, actor: Principal, now: datetime,
                      label: str | None = None) -> tuple[FeedToken, str]:
    """A new feed token for one party or one member country, and its secret (only returned here)."""
    return create_secret_token(FeedToken, FEED_TOKEN_PREFIX, "feed_token", party=party, country=country,
                               actor=actor, now=now, label=label)


def revoke_feed_token(token_id: int, *, actor: Principal, now: datetime) -> FeedToken:
    """Revoke a feed token (idempotent: the first revocation time is kept)."""
    return revoke_secret_token(FeedToken, token_id, "feed_token", "feed token", actor=actor, now=now)


def list_feed_tokens() -> list[FeedToken]:
    return list(db.session.scalars(select(FeedToken).order_by(FeedToken.id)))


def feed_principal_for_secret(secret: str) -> Principal | None:
    """Who a feed URL was issued to, or None for an unknown or revoked secret."""
    if not secret.startswith(FEED_TOKEN_PREFIX):
        return None  # not one of ours (an API token, say): no database round trip
    row = db.session.execute(
        select(FeedToken.party, FeedToken.country)
        .where(FeedToken.token_hash == hash_secret(secret), FeedToken.revoked_at.is_(None))
    ).first()
    return Principal(party=row.party, country=row.country) if row else None
