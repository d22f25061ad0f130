"""The dashboard's work queue: what waits for whom, by when, and where to act. Pure: plain values in, items out.

`service.web.dashboard` gathers the facts from the database; this module only decides. Each item says who it waits
for (`waiting_for`: party codes, a member country's code, or TEAM for work any party of the team may do), so the
same list splits into "waiting for you" and "waiting for the team" for whichever party is signed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

PARTIES = ("st_crm", "st_rrocm", "ppt")
TEAM = "team"

# Item kinds, in the order a day's work is usually done (labels: service.web.labels.QUEUE_KINDS).
CONSENT = "consent"  # a proposed meeting waits for a party's answer (R4, R7)
MARK_HELD = "mark_held"  # a meeting that has ended is still "scheduled"
RECORD_MINUTES = "record_minutes"  # a meeting that took place has no minutes yet
APPROVE_MINUTES = "approve_minutes"  # minutes wait for a party's approval (issue 11)
ISSUE_MINUTES = "issue_minutes"  # minutes approved by the three, not issued to the countries (R8)
ENDORSE = "endorse"  # a draft recommendation waits for a party's endorsement (R9)
SUBMIT = "submit"  # a recommendation endorsed by the three waits to be submitted to its GRCM (R9)
RECORD_DECISION = "record_decision"  # the GRCM has met: the CRM's decision on a submitted recommendation (R9)
MONITORING_REPORT = "monitoring_report"  # the report due two months before the GRCM (R5), not issued
PRE_PPT_MEETING = "pre_ppt_meeting"  # no pre-PPT meeting scheduled for an incoming term (R6)
FAILED_DELIVERY = "failed_delivery"  # a document did not reach a country (R8)
FAILED_NOTICE = "failed_notice"  # the notice that a document was withdrawn did not reach a country
OVERDUE_AGREEMENT = "overdue_agreement"  # an agreement of the minutes past its due date


@dataclass(frozen=True)
class MeetingFacts:
    id: int
    title: str
    starts_on: date
    status: str  # proposed | scheduled | held | cancelled
    ended: bool  # its end has passed
    consents: dict[str, bool | None]  # each party's answer; None: not answered yet
    has_minutes: bool = False
    minutes_approved_by: tuple[str, ...] = ()
    minutes_issued: bool = False  # a current (not withdrawn) minutes document exists


@dataclass(frozen=True)
class RecommendationFacts:
    id: int
    title: str
    state: str  # draft | submitted | approved | rejected
    endorsed_by: tuple[str, ...] = ()
    grcm_title: str | None = None
    grcm_starts_on: date | None = None
    grcm_cancelled: bool = False


@dataclass(frozen=True)
class GrcmFacts:
    id: int
    title: str
    starts_on: date
    report_due_on: date
    cancelled: bool = False
    report_issued: bool = False  # a current monitoring report document exists


@dataclass(frozen=True)
class IncomingTermFacts:
    id: int
    country: str
    starts_on: date
    pre_ppt_due_on: date
    has_pre_ppt_meeting: bool


@dataclass(frozen=True)
class FailedDeliveryFacts:
    document_id: int
    reference: str
    country: str
    attempted_on: date | None
    withdrawal_notice: bool = False  # the notice of a withdrawal failed, not the document itself


@dataclass(frozen=True)
class AgreementFacts:
    meeting_id: int
    meeting_title: str
    text: str
    responsible: str  # a party code or a member country's code
    due_on: date


@dataclass(frozen=True)
class QueueFacts:
    meetings: list[MeetingFacts] = field(default_factory=list)
    recommendations: list[RecommendationFacts] = field(default_factory=list)
    grcm_meetings: list[GrcmFacts] = field(default_factory=list)
    incoming_terms: list[IncomingTermFacts] = field(default_factory=list)
    failed_deliveries: list[FailedDeliveryFacts] = field(default_factory=list)
    overdue_agreements: list[AgreementFacts] = field(default_factory=list)


@dataclass(frozen=True)
class Action:
    """Where the action happens: a page endpoint, its arguments and the section to open."""

    endpoint: str
    args: tuple[tuple[str, int], ...] = ()
    anchor: str = ""

    @property
    def params(self) -> dict[str, int]:
        return dict(self.args)


@dataclass(frozen=True)
class QueueItem:
    kind: str
    subject: str  # what it is about, in the record's own words (a title, a reference)
    action: Action
    waiting_for: tuple[str, ...]  # party codes, a country code, or (TEAM,)
    due_on: date | None = None  # the deadline; None when no rule sets one
    since: date | None = None  # when the work became due, for items without a deadline
    detail: str = ""  # a second subject (the GRCM meeting, the country) shown beside the first

    def days_left(self, today: date) -> int | None:
        return None if self.due_on is None else (self.due_on - today).days


@dataclass(frozen=True)
class WorkQueue:
    mine: list[QueueItem]  # waiting for the signed-in party
    team: list[QueueItem]  # waiting for the other parties, the team as a whole, or a member country

    @property
    def count(self) -> int:
        return len(self.mine)


def _missing(answers: dict[str, bool | None] | tuple[str, ...]) -> tuple[str, ...]:
    """The parties that have not answered (a "no" is an answer) or have not approved/endorsed."""
    if isinstance(answers, dict):
        return tuple(p for p in PARTIES if answers.get(p) is None)
    return tuple(p for p in PARTIES if p not in answers)


def _meeting_items(meeting: MeetingFacts) -> list[QueueItem]:
    if meeting.status == "cancelled":
        return []
    page = Action("web.meeting", (("meeting_id", meeting.id),))
    minutes = Action("web.minutes", (("meeting_id", meeting.id),))
    items: list[QueueItem] = []
    if meeting.status == "proposed" and not meeting.ended:
        unanswered = _missing(meeting.consents)
        if unanswered:
            items.append(QueueItem(CONSENT, meeting.title, Action(page.endpoint, page.args, "consent-panel"),
                                   unanswered, due_on=meeting.starts_on - timedelta(days=1)))
    took_place = meeting.status == "held" or (meeting.status == "scheduled" and meeting.ended)
    if not took_place:
        return items
    if meeting.status == "scheduled":
        items.append(QueueItem(MARK_HELD, meeting.title, Action(page.endpoint, page.args, "status-panel"),
                               (TEAM,), since=meeting.starts_on))
    if not meeting.has_minutes:
        items.append(QueueItem(RECORD_MINUTES, meeting.title, minutes, (TEAM,), since=meeting.starts_on))
        return items
    unapproved = _missing(meeting.minutes_approved_by)
    if unapproved:
        items.append(QueueItem(APPROVE_MINUTES, meeting.title, Action(minutes.endpoint, minutes.args,
                                                                      "approval-panel"),
                               unapproved, since=meeting.starts_on))
    elif not meeting.minutes_issued:
        items.append(QueueItem(ISSUE_MINUTES, meeting.title, Action(minutes.endpoint, minutes.args, "documents"),
                               (TEAM,), since=meeting.starts_on))
    return items


def last_day_to_submit(grcm_starts_on: date) -> date:
    """R9: a recommendation is submitted before the GRCM meeting starts, so the day before is the last one."""
    return grcm_starts_on - timedelta(days=1)


def _recommendation_items(recommendation: RecommendationFacts, today: date) -> list[QueueItem]:
    page = Action("web.recommendation", (("recommendation_id", recommendation.id),))
    live_grcm = recommendation.grcm_starts_on is not None and not recommendation.grcm_cancelled
    due = last_day_to_submit(recommendation.grcm_starts_on) if live_grcm else None
    detail = recommendation.grcm_title or ""
    if recommendation.state == "draft":
        unendorsed = _missing(recommendation.endorsed_by)
        if unendorsed:
            return [QueueItem(ENDORSE, recommendation.title, Action(page.endpoint, page.args, "endorsements"),
                              unendorsed, due_on=due, detail=detail)]
        if live_grcm:
            return [QueueItem(SUBMIT, recommendation.title, Action(page.endpoint, page.args, "transition"),
                              (TEAM,), due_on=due, detail=detail)]
    if recommendation.state == "submitted" and recommendation.grcm_starts_on is not None \
            and recommendation.grcm_starts_on <= today:
        return [QueueItem(RECORD_DECISION, recommendation.title, Action(page.endpoint, page.args, "transition"),
                          (TEAM,), since=recommendation.grcm_starts_on, detail=detail)]
    return []


def _grcm_items(grcm: GrcmFacts, today: date) -> list[QueueItem]:
    if grcm.cancelled or grcm.report_issued or grcm.starts_on < today:
        return []
    return [QueueItem(MONITORING_REPORT, grcm.title, Action("web.grcm_documents", (("grcm_id", grcm.id),)),
                      (TEAM,), due_on=grcm.report_due_on)]


def _term_items(term: IncomingTermFacts) -> list[QueueItem]:
    if term.has_pre_ppt_meeting:
        return []
    return [QueueItem(PRE_PPT_MEETING, term.country, Action("web.meeting_new"), (TEAM,), due_on=term.pre_ppt_due_on)]


def _order(item: QueueItem) -> tuple:
    """Deadlines first, soonest first; then work without a deadline, oldest first."""
    return (item.due_on is None, item.due_on or item.since or date.max, item.since or date.max, item.subject)


def build_work_queue(facts: QueueFacts, *, party: str | None, today: date) -> WorkQueue:
    """Everything that waits, split into what waits for `party` and what waits for the rest of the team."""
    items: list[QueueItem] = []
    for meeting in facts.meetings:
        items += _meeting_items(meeting)
    for recommendation in facts.recommendations:
        items += _recommendation_items(recommendation, today)
    for grcm in facts.grcm_meetings:
        items += _grcm_items(grcm, today)
    for term in facts.incoming_terms:
        items += _term_items(term)
    for failed in facts.failed_deliveries:
        kind = FAILED_NOTICE if failed.withdrawal_notice else FAILED_DELIVERY
        items.append(QueueItem(kind, failed.reference, Action("web.documents"), (TEAM,),
                               since=failed.attempted_on, detail=failed.country))
    for agreement in facts.overdue_agreements:
        items.append(QueueItem(OVERDUE_AGREEMENT, agreement.text,
                               Action("web.minutes", (("meeting_id", agreement.meeting_id),), "agreements-title"),
                               (agreement.responsible,), due_on=agreement.due_on, detail=agreement.meeting_title))
    items.sort(key=_order)
    mine = [item for item in items if party is not None and party in item.waiting_for]
    return WorkQueue(mine=mine, team=[item for item in items if party is None or party not in item.waiting_for])
