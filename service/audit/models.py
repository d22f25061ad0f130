"""The audit log's one table. Rows are only ever inserted (service.audit.operations.record)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import db
from service.models_base import UTCDateTime


class AuditEntry(db.Model):
    """Who (party, country, account, token or system component) did what to which record, when, and what changed.

    No foreign keys: an entry outlives nothing it names and must never block (or be removed by) another change.
    """

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_party: Mapped[str | None] = mapped_column(String(16))
    actor_country: Mapped[str | None] = mapped_column(String(2))
    actor_user_id: Mapped[int | None] = mapped_column(Integer)
    actor_user_email: Mapped[str | None] = mapped_column(String(254))
    actor_token_id: Mapped[int | None] = mapped_column(Integer)
    actor_system: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))  # e.g. meeting.create, recommendation.transition
    subject_type: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[int] = mapped_column(Integer)
    changes: Mapped[dict] = mapped_column(JSON)  # {field: [before, after]}

    __table_args__ = (Index("ix_audit_entries_subject", "subject_type", "subject_id", "id"),)

    @property
    def subject(self) -> str:
        return f"{self.subject_type}:{self.subject_id}"
