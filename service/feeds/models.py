from __future__ import annotations

from service.auth.models import SecretTokenColumns
from service.extensions import db


class FeedToken(SecretTokenColumns, db.Model):
    """The secret in a calendar subscription URL.

    Separate from API tokens: a feed URL ends up in calendar apps and their sync servers
    (Google, Apple), so it may only ever read the calendar, and is revoked on its own.
    """

    __tablename__ = "feed_tokens"
