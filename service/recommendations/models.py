"""Recommendations (R9), their append-only history of transitions, and follow-ups of approved ones."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from service.extensions import db
from service.models_base import TypedInLanguage, UTCDateTime
from service.recommendations.rules import RecommendationState


class Recommendation(TypedInLanguage, db.Model):
    __tablename__ = "recommendations"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    rationale: Mapped[str] = mapped_column(Text)
    addressee: Mapped[str] = mapped_column(String(32))  # a CRM body code or a network code
    grcm_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("grcm_meetings.id"), index=True)
    # Written only by operations.transition(), which also appends the history row.
    state: Mapped[str] = mapped_column(String(16), index=True, default=RecommendationState.DRAFT.value)
    submitted_on: Mapped[date | None] = mapped_column(Date)  # the real date it reached the GRCM (R9)
    decision_reference: Mapped[str | None] = mapped_column(String(100))
    decided_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    grcm_meeting = relationship("GrcmMeeting")
    follow_ups = relationship("FollowUp", back_populates="recommendation",
                              order_by="[FollowUp.reported_on, FollowUp.id]")

    endorsement_rows = relationship("RecommendationEndorsement", order_by="RecommendationEndorsement.id",
                                    cascade="all, delete-orphan", passive_deletes=True)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def endorsements(self) -> list[RecommendationEndorsement]:
        """The parties' endorsements of the text as it is now; an edit (a new version) leaves older ones behind.

        Once presented, the text is frozen: the endorsements it was submitted with are those of its last draft
        version (a transition moves the version on, an endorsement racing an edit stays behind with an older one).
        """
        if self.state == RecommendationState.DRAFT.value:
            return [e for e in self.endorsement_rows if e.recommendation_version == self.version]
        last = max((e.recommendation_version for e in self.endorsement_rows), default=None)
        return [e for e in self.endorsement_rows if e.recommendation_version == last]

    @property
    def latest_follow_up(self) -> FollowUp | None:
        return self.follow_ups[-1] if self.follow_ups else None


class RecommendationHistory(db.Model):
    """One row per state change (and the creation): who, when, from, to, the decision's reference."""

    __tablename__ = "recommendation_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), index=True)
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    decision_reference: Mapped[str | None] = mapped_column(String(100))
    decided_on: Mapped[date | None] = mapped_column(Date)


class RecommendationEndorsement(db.Model):
    """One party's endorsement of one version of a draft: the team submits it only as the three parties (R9)."""

    __tablename__ = "recommendation_endorsements"
    __table_args__ = (UniqueConstraint("recommendation_id", "party", "recommendation_version",
                                       name="uq_recommendation_endorsements_party"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id", ondelete="CASCADE"),
                                                   index=True)
    recommendation_version: Mapped[int] = mapped_column(Integer)  # the text endorsed
    party: Mapped[str] = mapped_column(String(16))
    by: Mapped[str] = mapped_column(String(254))  # the account or API token that spoke for the party
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class FollowUp(TypedInLanguage, db.Model):
    """A compliance report on an approved recommendation; append-only, the latest one is its status."""

    __tablename__ = "recommendation_follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendations.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    reported_on: Mapped[date] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text)
    evidence_url: Mapped[str | None] = mapped_column(String(1000))
    recorded_by: Mapped[str] = mapped_column(String(32))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)

    recommendation = relationship("Recommendation", back_populates="follow_ups")


def _refuse_change(mapper, connection, target) -> None:
    raise RuntimeError(f"{type(target).__name__} rows are append-only; add a new row instead.")


# The history and the follow-ups are the record of what happened: the ORM never rewrites or deletes them.
for _model in (RecommendationHistory, FollowUp):
    event.listen(_model, "before_update", _refuse_change)
    event.listen(_model, "before_delete", _refuse_change)
