"""What the secretariat's dashboard shows: read-only queries composed from the areas' own rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Meeting
from service.meetings.operations import list_agreements
from service.meetings.rules import MeetingKind, MeetingStatus, pre_ppt_meeting_deadline
from service.ppt.models import PptTerm
from service.recommendations.models import Recommendation
from service.recommendations.operations import list_recommendations
from service.recommendations.rules import FollowUpStatus, RecommendationState
from service.schedule import rules as schedule_rules
from service.schedule.queries import ordinary_quarters


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
    overdue_agreements: list[dict]
    awaiting_follow_up: list[Recommendation]


def quarters_without_ordinary_meeting(year: int) -> list[str]:
    """R3 gaps: quarters of `year` without a live ordinary meeting, as the schedule (GET /schedule) reports them."""
    return schedule_rules.gaps(ordinary_quarters(year))


def upcoming_deadlines(today: date) -> list[Deadline]:
    found: list[Deadline] = []
    for grcm in db.session.scalars(select(GrcmMeeting).order_by(GrcmMeeting.starts_at_utc)):
        if grcm.starts_at.date() >= today:
            due = grcm.report_due_on
            found.append(Deadline("report_due", due, (due - today).days, grcm.title))
    pre_ppt_terms = set(db.session.scalars(
        select(Meeting.ppt_term_id).where(Meeting.kind == MeetingKind.PRE_PPT.value,
                                          Meeting.status != MeetingStatus.CANCELLED.value)))
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


def build_dashboard(*, today: date, now: datetime) -> Dashboard:
    return Dashboard(
        next_meetings=next_meetings(now),
        deadlines=upcoming_deadlines(today),
        quarter_gaps=quarters_without_ordinary_meeting(today.year),
        year=today.year,
        overdue_agreements=list_agreements("overdue", today),
        awaiting_follow_up=awaiting_follow_up(),
    )
