"""Stored translations of typed texts: one row per subject, language and key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import db
from service.models_base import UTCDateTime


class ContentTranslation(db.Model):
    """The translation of one text (`key`) of a subject into `language`, with the source it was made from."""

    __tablename__ = "content_translations"
    __table_args__ = (UniqueConstraint("subject_kind", "subject_id", "language", "key",
                                       name="uq_content_translations_text"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(2))
    key: Mapped[str] = mapped_column(String(120))
    source: Mapped[str] = mapped_column(Text)  # the original text when this translation was made
    target: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(8))  # missing | draft | final
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(200))
