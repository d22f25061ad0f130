from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import db
from service.models_base import TypedInLanguage, UTCDateTime
from service.participation.rules import Participation


class CrmEvent(TypedInLanguage, db.Model):
    """An event of the CRM; civil society takes part unless a member country asked otherwise (R1)."""

    __tablename__ = "crm_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16))
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    location: Mapped[str | None] = mapped_column(String(300))
    network: Mapped[str | None] = mapped_column(String(32), ForeignKey("networks.code"))  # R12
    members_only: Mapped[bool] = mapped_column(Boolean, default=False)
    members_only_requested_by: Mapped[str | None] = mapped_column(String(2), ForeignKey("countries.code"))
    members_only_requested_on: Mapped[date | None] = mapped_column(Date)
    # Cancelled, not deleted: what was planned stays on record with why it was called off.
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancellation_reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    def as_participation(self, *, requested_by_is_member: bool) -> Participation:
        return Participation(starts_on=self.starts_on, members_only=self.members_only,
                             requested_by=self.members_only_requested_by,
                             requested_on=self.members_only_requested_on,
                             requested_by_is_member=requested_by_is_member)
