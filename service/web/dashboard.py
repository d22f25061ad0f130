"""What the secretariat's dashboard shows: read-only queries composed from the areas' own rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Meeting, MeetingConsent, Minutes, MinutesApproval
from service.meetings.operations import list_agreements
from service.meetings.rules import PARTIES, MeetingKind, MeetingStatus, pre_ppt_meeting_deadline
from service.ppt.models import PptTerm
from service.recommendations.models import Recommendation, RecommendationEndorsement
from service.recommendations.operations import list_recommendations
from service.recommendations.rules import FollowUpStatus, RecommendationState
from service.schedule import rules as schedule_rules
from service.schedule.queries import ordinary_quarters
from service.web import documents_port
from service.web.work_queue import (
    AgreementFacts,
    FailedDeliveryFacts,
    GrcmFacts,
    IncomingTermFacts,
    MeetingFacts,
    QueueFacts,
    RecommendationFacts,
    WorkQueue,
    build_work_queue,
)


@dataclass(frozen=True)
class Deadline:
    kind: str  # "report_due" (R5) | "pre_ppt" (R6)
    due_on: date
    days_left: int
    subject: str  # GRCM meeting title, or the incoming PPT country code
    done: bool = False  # a pre-PPT meeting is already scheduled for that term


@dataclass
class Dashboard:
    next_meetings: list[Meeting]
    deadlines: list[Deadline]
    quarter_gaps: list[str]
    year: int
    awaiting_follow_up: list[Recommendation]
    queue: WorkQueue


def quarters_without_ordinary_meeting(year: int) -> list[str]:
    """R3 gaps: quarters of `year` without a live ordinary meeting, as the schedule (GET /schedule) reports them."""
    return schedule_rules.gaps(ordinary_quarters(year))


def _prepared_terms() -> set[int]:
    """PPT terms that have a live pre-PPT meeting (R6)."""
    return set(db.session.scalars(
        select(Meeting.ppt_term_id).where(Meeting.kind == MeetingKind.PRE_PPT.value,
                                          Meeting.status != MeetingStatus.CANCELLED.value)))


def upcoming_deadlines(today: date) -> list[Deadline]:
    found: list[Deadline] = []
    for grcm in db.session.scalars(select(GrcmMeeting).order_by(GrcmMeeting.starts_at_utc)):
        if grcm.starts_at.date() >= today:
            due = grcm.report_due_on
            found.append(Deadline("report_due", due, (due - today).days, grcm.title))
    pre_ppt_terms = _prepared_terms()
    for term in db.session.scalars(select(PptTerm).where(PptTerm.starts_on > today).order_by(PptTerm.starts_on)):
        due = pre_ppt_meeting_deadline(term.starts_on)
        found.append(Deadline("pre_ppt", due, (due - today).days, term.country, done=term.id in pre_ppt_terms))
    return sorted(found, key=lambda d: d.due_on)


def next_meetings(now: datetime, limit: int = 5) -> list[Meeting]:
    return list(db.session.scalars(
        select(Meeting).where(Meeting.ends_at_utc >= now, Meeting.status != MeetingStatus.CANCELLED.value)
        .order_by(Meeting.starts_at_utc).limit(limit)))


def awaiting_follow_up() -> list[Recommendation]:
    """Approved recommendations (R9) whose latest follow-up does not say "implemented" (or that have none)."""
    return [r for r in list_recommendations(state=RecommendationState.APPROVED.value)
            if r.latest_follow_up is None or r.latest_follow_up.status != FollowUpStatus.IMPLEMENTED.value]


def _meeting_facts(now: datetime, issued: set[int]) -> list[MeetingFacts]:
    """Live meetings that may still wait for something: proposed ones, and those that ended without issued minutes.

    Columns, not entities: every page's navigation count asks this (bench/bench_work_queue.py)."""
    rows = db.session.execute(
        select(Meeting.id, Meeting.title, Meeting.starts_at, Meeting.status, Meeting.ends_at_utc)
        .where(Meeting.status != MeetingStatus.CANCELLED.value)
        .where((Meeting.status == MeetingStatus.PROPOSED.value) | (Meeting.ends_at_utc <= now))
        .where(Meeting.id.not_in(issued))  # the past meetings whose minutes went out: most of them, in time
        .order_by(Meeting.starts_at_utc)).all()
    ids = [row.id for row in rows]
    answers: dict[int, dict[str, bool | None]] = {ident: dict.fromkeys(PARTIES) for ident in ids}
    for meeting_id, party, consent in db.session.execute(
            select(MeetingConsent.meeting_id, MeetingConsent.party, MeetingConsent.consent)
            .where(MeetingConsent.meeting_id.in_(ids))):
        answers[meeting_id][party] = consent
    approved: dict[int, list[str]] = {}  # meeting id → parties that approved its minutes' current version
    for meeting_id, party in db.session.execute(
            select(Minutes.meeting_id, MinutesApproval.party).select_from(Minutes)
            .outerjoin(MinutesApproval, (MinutesApproval.minutes_id == Minutes.id)
                       & (MinutesApproval.minutes_version == Minutes.version))  # as Minutes.approved_by
            .where(Minutes.meeting_id.in_(ids)).order_by(MinutesApproval.id)):
        approved.setdefault(meeting_id, [])
        if party is not None:
            approved[meeting_id].append(party)
    return [MeetingFacts(id=row.id, title=row.title, starts_on=row.starts_at.date(), status=row.status,
                         ended=row.ends_at_utc <= now, consents=answers[row.id], has_minutes=row.id in approved,
                         minutes_approved_by=tuple(approved.get(row.id, ())))
            for row in rows]


def _recommendation_facts() -> list[RecommendationFacts]:
    """Drafts and submitted recommendations, with their GRCM meeting; columns, like the meetings above."""
    rows = db.session.execute(
        select(Recommendation.id, Recommendation.title, Recommendation.state, GrcmMeeting.title.label("grcm_title"),
               GrcmMeeting.starts_at.label("grcm_starts_at"), GrcmMeeting.cancelled_at.label("grcm_cancelled_at"))
        .outerjoin(GrcmMeeting, GrcmMeeting.id == Recommendation.grcm_meeting_id)
        .where(Recommendation.state.in_((RecommendationState.DRAFT.value, RecommendationState.SUBMITTED.value)))
        .order_by(Recommendation.id)).all()
    endorsed: dict[int, list[str]] = {}  # a draft's endorsements of its current text, as Recommendation.endorsements
    for recommendation_id, party in db.session.execute(
            select(RecommendationEndorsement.recommendation_id, RecommendationEndorsement.party)
            .join(Recommendation, (Recommendation.id == RecommendationEndorsement.recommendation_id)
                  & (Recommendation.version == RecommendationEndorsement.recommendation_version))
            .where(Recommendation.state == RecommendationState.DRAFT.value)
            .order_by(RecommendationEndorsement.id)):
        endorsed.setdefault(recommendation_id, []).append(party)
    return [RecommendationFacts(id=row.id, title=row.title, state=row.state,
                                endorsed_by=tuple(endorsed.get(row.id, ())), grcm_title=row.grcm_title,
                                grcm_starts_on=row.grcm_starts_at.date() if row.grcm_starts_at else None,
                                grcm_cancelled=row.grcm_cancelled_at is not None)
            for row in rows]


def _grcm_facts(today: date) -> list[GrcmFacts]:
    issued = documents_port.subjects_with_current("monitoring_report")
    query = select(GrcmMeeting).where(GrcmMeeting.cancelled_at.is_(None)).order_by(GrcmMeeting.starts_at_utc)
    return [GrcmFacts(id=g.id, title=g.title, starts_on=g.starts_at.date(), report_due_on=g.report_due_on,
                      report_issued=g.id in issued)
            for g in db.session.scalars(query) if g.starts_at.date() >= today]


def _incoming_term_facts(today: date) -> list[IncomingTermFacts]:
    prepared = _prepared_terms()
    terms = db.session.scalars(select(PptTerm).where(PptTerm.starts_on > today).order_by(PptTerm.starts_on))
    return [IncomingTermFacts(id=t.id, country=t.country, starts_on=t.starts_on,
                              pre_ppt_due_on=pre_ppt_meeting_deadline(t.starts_on),
                              has_pre_ppt_meeting=t.id in prepared) for t in terms]


def queue_facts(*, today: date, now: datetime) -> QueueFacts:
    """The plain values the work queue is decided from (service.web.work_queue)."""
    return QueueFacts(
        meetings=_meeting_facts(now, documents_port.subjects_with_current("minutes")),
        recommendations=_recommendation_facts(),
        grcm_meetings=_grcm_facts(today),
        incoming_terms=_incoming_term_facts(today),
        failed_deliveries=[FailedDeliveryFacts(document_id=d.id, reference=d.reference, country=row.country,
                                               attempted_on=row.attempted_at.date() if row.attempted_at else None,
                                               withdrawal_notice=row.withdrawal_notice == "failed")
                           for d, row in documents_port.failed_deliveries()],
        overdue_agreements=[AgreementFacts(meeting_id=a["meeting_id"], meeting_title=a["meeting_title"],
                                           text=a["text"], responsible=a["responsible"], due_on=a["due_on"])
                            for a in list_agreements("overdue", today)],
    )


def work_queue(*, party: str | None, today: date, now: datetime) -> WorkQueue:
    return build_work_queue(queue_facts(today=today, now=now), party=party, today=today)


def build_dashboard(*, today: date, now: datetime, party: str | None = None) -> Dashboard:
    return Dashboard(
        queue=work_queue(party=party, today=today, now=now),
        next_meetings=next_meetings(now),
        deadlines=upcoming_deadlines(today),
        quarter_gaps=quarters_without_ordinary_meeting(today.year),
        year=today.year,
        awaiting_follow_up=awaiting_follow_up(),
    )
