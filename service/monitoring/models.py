"""Instruments agreed in the CRM (R10) and the monitoring of their implementation."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import db
from service.models_base import TypedInLanguage, UTCDateTime


class Instrument(TypedInLanguage, db.Model):
    __tablename__ = "instruments"

    id: Mapped[int] = mapped_column(primary_key=True)
    title_es: Mapped[str] = mapped_column(String(500))
    title_en: Mapped[str | None] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(16))
    adopted_on: Mapped[date | None] = mapped_column(Date)
    adopted_by: Mapped[str | None] = mapped_column(Text)  # the declaration paragraph that adopted it
    network: Mapped[str | None] = mapped_column(String(32), ForeignKey("networks.code"))  # R12
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    entries = relationship("MonitoringEntry", back_populates="instrument",
                           order_by="[MonitoringEntry.period_ends_on, MonitoringEntry.id]")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class MonitoringEntry(TypedInLanguage, db.Model):
    """The state of an instrument's implementation in a period, regionally or in one member country."""

    __tablename__ = "monitoring_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_id: Mapped[int] = mapped_column(ForeignKey("instruments.id"), index=True)
    period: Mapped[str] = mapped_column(String(8))  # 2026, 2026-S1, 2026-Q3
    period_starts_on: Mapped[date] = mapped_column(Date)
    period_ends_on: Mapped[date] = mapped_column(Date, index=True)
    country: Mapped[str | None] = mapped_column(String(2), ForeignKey("countries.code"))  # None: regional
    status: Mapped[str] = mapped_column(String(16))
    indicators: Mapped[list] = mapped_column(JSON, default=list)  # [{name, value (decimal string), unit}]
    observations: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(32))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)

    instrument = relationship("Instrument", back_populates="entries")
