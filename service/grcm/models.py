from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import db
from service.grcm.rules import monitoring_report_due_on
from service.models_base import TypedInLanguage, UTCDateTime


class GrcmMeeting(TypedInLanguage, db.Model):
    """A meeting of the Grupo Regional de Consulta sobre Migración: it sets the report deadline (R5)."""

    __tablename__ = "grcm_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime] = mapped_column(DateTime)  # local wall time in `timezone`
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    timezone: Mapped[str] = mapped_column(String(64))
    starts_at_utc: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    location: Mapped[str | None] = mapped_column(String(300))
    # Cancelled, not deleted: what was planned stays on record with why it was called off.
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancellation_reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def report_due_on(self) -> date:
        return monitoring_report_due_on(self.starts_at.date())
