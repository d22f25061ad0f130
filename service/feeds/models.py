from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import db
from service.models_base import UTCDateTime


class FeedToken(db.Model):
    """The secret in a calendar subscription URL. Only the SHA-256 of the secret is stored.

    Separate from API tokens: a feed URL ends up in calendar apps and their sync servers
    (Google, Apple), so it may only ever read the calendar, and is revoked on its own.
    """

    __tablename__ = "feed_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    party: Mapped[str | None] = mapped_column(String(16))  # st_crm | st_rrocm | ppt
    country: Mapped[str | None] = mapped_column(String(2))  # member country alpha-2
    label: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def holder(self) -> str:
        return self.party or self.country or ""
