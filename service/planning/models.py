"""The annual work plan (R2): objectives, activities (R12: the network supported) and resources."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import db
from service.models_base import TypedInLanguage, UTCDateTime


class WorkPlan(TypedInLanguage, db.Model):
    __tablename__ = "work_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    introduction: Mapped[str | None] = mapped_column(Text)
    objectives: Mapped[list] = mapped_column(JSON, default=list)  # [{code, text}]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    activities = relationship("WorkPlanActivity", order_by="WorkPlanActivity.position",
                              cascade="all, delete-orphan")
    resources = relationship("WorkPlanResource", order_by="WorkPlanResource.position",
                             cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class WorkPlanActivity(db.Model):
    __tablename__ = "work_plan_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_plan_id: Mapped[int] = mapped_column(ForeignKey("work_plans.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    objective: Mapped[str | None] = mapped_column(String(20))  # an objective code of the plan
    description: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(16))  # st_crm | st_rrocm | ppt
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    network: Mapped[str | None] = mapped_column(String(32), ForeignKey("networks.code"))
    indicator: Mapped[str | None] = mapped_column(Text)
    # How far it got: not_started | in_progress | done | cancelled, with a note and the day it was reported.
    progress: Mapped[str] = mapped_column(String(16), default="not_started", server_default="not_started")
    progress_note: Mapped[str | None] = mapped_column(Text)
    progress_on: Mapped[date | None] = mapped_column(Date)


class WorkPlanResource(db.Model):
    __tablename__ = "work_plan_resources"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_plan_id: Mapped[int] = mapped_column(ForeignKey("work_plans.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(300))
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))  # exact money, never a float
    currency: Mapped[str] = mapped_column(String(3))  # ISO 4217
    status: Mapped[str] = mapped_column(String(16))
