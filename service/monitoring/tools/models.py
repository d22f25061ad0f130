"""Monitoring tools (issue 17): a questionnaire per instrument and period that each member country answers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import db
from service.models_base import UTCDateTime


class MonitoringTool(db.Model):
    """draft → open → closed; `questionnaire_version` counts the editions of its questions."""

    __tablename__ = "monitoring_tools"

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_id: Mapped[int] = mapped_column(ForeignKey("instruments.id"), index=True)
    period: Mapped[str] = mapped_column(String(8))  # 2026, 2026-S1, 2026-Q3
    period_starts_on: Mapped[date] = mapped_column(Date)
    period_ends_on: Mapped[date] = mapped_column(Date)
    opens_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    state: Mapped[str] = mapped_column(String(16))
    questionnaire_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    instrument = relationship("Instrument")
    questions = relationship("MonitoringQuestion", back_populates="tool", order_by="MonitoringQuestion.position",
                             cascade="all, delete-orphan")
    responses = relationship("MonitoringResponse", back_populates="tool", order_by="MonitoringResponse.country")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class MonitoringQuestion(db.Model):
    __tablename__ = "monitoring_questions"
    __table_args__ = (UniqueConstraint("tool_id", "key", name="uq_monitoring_questions_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("monitoring_tools.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(40))
    text_es: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))  # status | number | boolean | text
    unit: Mapped[str | None] = mapped_column(String(50))  # number questions; Spanish (and English if no unit_en)
    unit_en: Mapped[str | None] = mapped_column(String(50))  # the unit in English, if it differs
    indicator: Mapped[str | None] = mapped_column(String(300))  # the indicator the answer feeds, if any

    tool = relationship("MonitoringTool", back_populates="questions")

    @property
    def text(self) -> dict[str, str]:
        return {"es": self.text_es, "en": self.text_en}

    def text_in(self, language: str) -> str:
        return self.text_en if language == "en" else self.text_es

    def unit_in(self, language: str) -> str | None:
        """The unit as a reader of `language` reads it: in English the English unit, else the one typed."""
        return (self.unit_en or self.unit) if language == "en" else self.unit


class MonitoringResponse(db.Model):
    """One member country's answers to a tool: draft → submitted ⇄ clarification_requested."""

    __tablename__ = "monitoring_responses"
    __table_args__ = (UniqueConstraint("tool_id", "country", name="uq_monitoring_responses_country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("monitoring_tools.id"), index=True)
    country: Mapped[str] = mapped_column(String(2), ForeignKey("countries.code"))
    state: Mapped[str] = mapped_column(String(24))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)  # {key: value as its question's type}
    comment: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(40))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_by: Mapped[str | None] = mapped_column(String(254))
    clarification_question: Mapped[str | None] = mapped_column(Text)
    clarification_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    clarification_requested_by: Mapped[str | None] = mapped_column(String(254))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    tool = relationship("MonitoringTool", back_populates="responses")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class MonitoringReminder(db.Model):
    """A reminder mailed to a country about a tool's due date: one row per (tool, country, kind), so never twice."""

    __tablename__ = "monitoring_reminders"
    __table_args__ = (UniqueConstraint("tool_id", "country", "kind", name="uq_monitoring_reminders_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tool_id: Mapped[int] = mapped_column(ForeignKey("monitoring_tools.id"), index=True)
    country: Mapped[str] = mapped_column(String(2), ForeignKey("countries.code"))
    kind: Mapped[str] = mapped_column(String(8))  # week | day
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recipients: Mapped[list] = mapped_column(JSON, default=list)
