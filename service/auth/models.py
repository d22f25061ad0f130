from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import db
from service.models_base import UTCDateTime


class SecretTokenColumns:
    """A random secret held by one party or one member country; only its SHA-256 is stored. Revocable."""

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


class ApiToken(SecretTokenColumns, db.Model):
    """A bearer token for the API. A `ppt` token belongs to a member country (`ppt_country`): the PPT acts on
    the records of its own country's terms."""

    __tablename__ = "api_tokens"

    ppt_country: Mapped[str | None] = mapped_column(String(2), ForeignKey("countries.code"))
