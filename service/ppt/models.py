from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import db
from service.models_base import UTCDateTime
from service.ppt.rules import Term


class PptTerm(db.Model):
    """A member country's term as Presidencia Pro Tempore (inclusive date range)."""

    __tablename__ = "ppt_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(String(2), ForeignKey("countries.code"))
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # Last change (UTC): the LAST-MODIFIED of the term's pre-PPT deadline in the calendar feed.
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    def as_term(self) -> Term:
        return Term(id=self.id, country=self.country, starts_on=self.starts_on, ends_on=self.ends_on)
