from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import db
from service.models_base import UTCDateTime


class FormSubmission(db.Model):
    """A create form that was saved: its nonce (unique, so two hosts cannot both save it) and where its record is."""

    __tablename__ = "form_submissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    location: Mapped[str] = mapped_column(String(300))  # the page of the record it created (a path)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
