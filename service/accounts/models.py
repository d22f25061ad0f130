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
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def display_name(self) -> str:
        return self.name or self.email
