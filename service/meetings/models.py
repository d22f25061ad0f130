from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import db
from service.meetings.rules import PARTIES, Consents, MeetingDraft, MeetingKind, MeetingStatus, Modality
from service.models_base import UTCDateTime, first_version_zero


class Meeting(db.Model):
    """A meeting of the Equipo Tripartito. `sequence` is both the iCalendar SEQUENCE and the ETag."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime] = mapped_column(DateTime)  # local wall time in `timezone`
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    timezone: Mapped[str] = mapped_column(String(64))
    starts_at_utc: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    modality: Mapped[str] = mapped_column(String(16))
    location: Mapped[str | None] = mapped_column(String(300))
    video_url: Mapped[str | None] = mapped_column(String(1000))
    ppt_term_id: Mapped[int | None] = mapped_column(ForeignKey("ppt_terms.id"))
    ever_held: Mapped[bool] = mapped_column(Boolean, default=False)  # a cancelled meeting that was held keeps R3
    agenda: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default=MeetingStatus.SCHEDULED.value)
    # R3 under concurrency: set to "2027-Q1" for a live ordinary meeting, NULL otherwise; unique.
    ordinary_quarter: Mapped[str | None] = mapped_column(String(8), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)

    ppt_term = relationship("PptTerm")
    minutes = relationship("Minutes", back_populates="meeting", uselist=False)
    consent_records = relationship("MeetingConsent", order_by="MeetingConsent.id", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": sequence, "version_id_generator": first_version_zero}  # noqa: RUF012

    @property
    def consents(self) -> dict[str, bool | None]:
        """Each party's current answer; None: not answered yet."""
        answers: dict[str, bool | None] = dict.fromkeys(PARTIES)
        for record in self.consent_records:
            answers[record.party] = record.consent
        return answers

    @property
    def version(self) -> int:
        return self.sequence

    def as_draft(self) -> MeetingDraft:
        return MeetingDraft(
            kind=MeetingKind(self.kind), starts_at=self.starts_at, ends_at=self.ends_at,
            modality=Modality(self.modality), consents=Consents(**self.consents),
            status=MeetingStatus(self.status), location=self.location,
            ppt_term_starts_on=self.ppt_term.starts_on if self.ppt_term else None, ever_held=bool(self.ever_held),
        )


class MeetingConsent(db.Model):
    """One party's answer on a meeting that needs the three consents (R4, R7): who answered, and when."""

    __tablename__ = "meeting_consents"
    __table_args__ = (UniqueConstraint("meeting_id", "party"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    party: Mapped[str] = mapped_column(String(16))
    consent: Mapped[bool] = mapped_column(Boolean)
    by: Mapped[str] = mapped_column(String(254))  # the account's e-mail, the API token, or the system
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Minutes(db.Model):
    """The minutes of one meeting (R8): attendees, agenda items with discussion, agreements."""

    __tablename__ = "minutes"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), unique=True)
    language: Mapped[str] = mapped_column(String(2), default="es")
    attendees: Mapped[list] = mapped_column(JSON, default=list)  # [{name, party|country, role}]
    agenda_items: Mapped[list] = mapped_column(JSON, default=list)  # [{title, discussion}]
    next_meeting: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    meeting = relationship("Meeting", back_populates="minutes")
    approvals = relationship("MinutesApproval", order_by="MinutesApproval.id", cascade="all, delete-orphan")
    agreements = relationship("Agreement", back_populates="minutes", order_by="Agreement.position",
                              cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def state(self) -> str:
        """`approved` once the three parties approved this version; any change clears the approvals."""
        return "approved" if set(self.approved_by) >= set(PARTIES) else "draft"

    @property
    def approved_by(self) -> list[str]:
        """Parties whose approval is of this very version (an approval of an older one never counts)."""
        return [a.party for a in self.approvals if a.minutes_version == self.version]


class MinutesApproval(db.Model):
    """One party's approval of the minutes as they read them (the version they approved)."""

    __tablename__ = "minutes_approvals"
    __table_args__ = (UniqueConstraint("minutes_id", "party"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id"), index=True)
    party: Mapped[str] = mapped_column(String(16))
    minutes_version: Mapped[int] = mapped_column(Integer)  # the version the party read and approved
    by: Mapped[str] = mapped_column(String(254))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Agreement(db.Model):
    """An agreement recorded in minutes; a table of its own so open/overdue ones can be listed."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(16))  # party code or member country alpha-2
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")

    minutes = relationship("Minutes", back_populates="agreements")
