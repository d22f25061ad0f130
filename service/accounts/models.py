from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import db
from service.models_base import UTCDateTime


class UserAccount(db.Model):
    """A person who signs in to the web pages. Belongs to one party or one member country, never both.

    Only an argon2id hash of the password is stored (argon2-cffi's PHC string, parameters included).
    """

    __tablename__ = "user_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-cased
    name: Mapped[str | None] = mapped_column(String(200))
    party: Mapped[str | None] = mapped_column(String(16))  # st_crm | st_rrocm | ppt
    country: Mapped[str | None] = mapped_column(String(2), ForeignKey("countries.code"))
    ppt_country: Mapped[str | None] = mapped_column(String(2), ForeignKey("countries.code"))  # a PPT officer's
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def display_name(self) -> str:
        return self.name or self.email


class SignInSession(db.Model):
    """A signed-in browser. The cookie carries a random key; only its SHA-256 is kept here, so signing out (or
    disabling the account) deletes the row and a copied cookie stops working on every server at once."""

    __tablename__ = "sign_in_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_accounts.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SignInFailure(db.Model):
    """One wrong e-mail/password pair, kept for the throttling window; shared by every server process."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)  # as typed, normalised; the account may not exist
    address: Mapped[str] = mapped_column(String(64), index=True)  # the client's IP address
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
