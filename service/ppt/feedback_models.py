"""The team's feedback on an incoming PPT's concept note and work plan (R11), one record per term."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import db
from service.models_base import TypedInLanguage, UTCDateTime


class PptFeedback(TypedInLanguage, db.Model):
    __tablename__ = "ppt_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    ppt_term_id: Mapped[int] = mapped_column(ForeignKey("ppt_terms.id"), unique=True)
    concept_note_received_on: Mapped[date | None] = mapped_column(Date)
    work_plan_received_on: Mapped[date | None] = mapped_column(Date)
    meeting_on: Mapped[date | None] = mapped_column(Date)  # the pre-PPT meeting where it was discussed
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))  # that meeting (R11 with R6)
    summary: Mapped[str | None] = mapped_column(Text)
    items: Mapped[list] = mapped_column(JSON, default=list)  # [{section, document, comment}]
    joint_actions: Mapped[list] = mapped_column(JSON, default=list)  # [{action, responsible, timeline, network}]
    recorded_by: Mapped[str] = mapped_column(String(32))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    term = relationship("PptTerm")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
