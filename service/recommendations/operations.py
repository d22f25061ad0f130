"""Recommendations (R9). Operations flush and record who did it in the audit log; the caller commits.
Only transition() writes `state`."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
from service.common.i18n import N_
from service.errors import Conflict, RuleViolation
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.recommendations.models import (
    FollowUp,
    Recommendation,
    RecommendationEndorsement,
    RecommendationHistory,
)
from service.recommendations.rules import (
    CRM_BODIES,
    FollowUpStatus,
    RecommendationState,
    check_editable,
    check_endorsement,
    check_follow_up,
    check_submission,
    check_transition,
)
from service.reference.operations import network_codes

_EDITABLE = ("title", "text", "rationale", "addressee", "grcm_meeting_id", "original_language")
_DECISION = ("state", "submitted_on", "decision_reference", "decided_on")
_FOLLOW_UP = ("status", "reported_on", "evidence", "evidence_url", "original_language")


def _subject(recommendation: Recommendation) -> Subject:
    return Subject("recommendation", recommendation.id)


def _check_references(values: dict) -> None:
    if "addressee" in values and values["addressee"] not in CRM_BODIES.keys() | network_codes():
        raise RuleViolation(N_("Unknown addressee %(code)r; one of: %(choices)s."),
                            params={"code": values["addressee"],
                                    "choices": sorted(CRM_BODIES.keys() | network_codes())}, field="addressee")
    meeting_id = values.get("grcm_meeting_id")
    if meeting_id is not None and db.session.get(GrcmMeeting, meeting_id) is None:
        raise RuleViolation(N_("GRCM meeting %(id)s does not exist."), params={"id": meeting_id},
                            field="grcm_meeting_id")


def create_recommendation(data: dict, *, actor: Principal, now: datetime) -> Recommendation:
    _check_references(data)
    recommendation = Recommendation(state=RecommendationState.DRAFT.value, created_at=now, updated_at=now,
                                    **{name: data.get(name) for name in _EDITABLE})
    db.session.add(recommendation)
    db.session.flush()
    db.session.add(RecommendationHistory(recommendation_id=recommendation.id, from_state=None,
                                         to_state=recommendation.state, actor=actor.label, at=now))
    db.session.flush()
    record(db.session, actor, now, "recommendation.create", _subject(recommendation),
           diff({}, snapshot(recommendation, (*_EDITABLE, "state"))))
    return recommendation


def update_recommendation(recommendation: Recommendation, changes: dict, *, actor: Principal,
                          now: datetime) -> Recommendation:
    check_editable(RecommendationState(recommendation.state))
    _check_references(changes)
    before = {**snapshot(recommendation, _EDITABLE), "endorsed_by": _endorsed_by(recommendation)}
    for name in _EDITABLE:
        if name in changes:
            setattr(recommendation, name, changes[name])
    recommendation.updated_at = now
    db.session.flush()
    # The parties endorsed the text they read: any edit (a new version) asks them again.
    db.session.execute(delete(RecommendationEndorsement)
                       .where(RecommendationEndorsement.recommendation_id == recommendation.id))
    db.session.expire(recommendation, ["endorsement_rows"])
    record(db.session, actor, now, "recommendation.update", _subject(recommendation),
           diff(before, {**snapshot(recommendation, _EDITABLE), "endorsed_by": []}))
    return recommendation


def _endorsed_by(recommendation: Recommendation) -> list[str]:
    return [e.party for e in recommendation.endorsements]


def _speaker(actor: Principal) -> str:
    if actor.user_email:
        return actor.user_email
    if actor.token_id is not None:
        return f"api_token:{actor.token_id}"
    return actor.label


def endorse(recommendation: Recommendation, *, actor: Principal, now: datetime) -> Recommendation:
    """The calling party endorses the draft as it reads now (R9); endorsing again changes nothing."""
    check_endorsement(RecommendationState(recommendation.state), actor.party)
    if actor.party in _endorsed_by(recommendation):
        return recommendation
    before = _endorsed_by(recommendation)
    try:
        with db.session.begin_nested():
            db.session.add(RecommendationEndorsement(
                recommendation_id=recommendation.id, recommendation_version=recommendation.version,
                party=actor.party, by=_speaker(actor), at=now))
            db.session.flush()
    except IntegrityError:  # the same party endorsed this version meanwhile: the same outcome
        pass
    db.session.expire(recommendation, ["endorsement_rows"])
    record(db.session, actor, now, "recommendation.endorse", _subject(recommendation),
           diff({"endorsed_by": before}, {"endorsed_by": _endorsed_by(recommendation)}))
    return recommendation


def delete_draft(recommendation: Recommendation, *, actor: Principal, now: datetime) -> None:
    """A draft entered by mistake goes; the audit log keeps what it said. Presented ones stay (409)."""
    if recommendation.state != RecommendationState.DRAFT.value:
        raise Conflict(N_("R9: a %(state)s recommendation was presented to the GRCM and stays on record; "
                          "only drafts are deleted."), params={"state": recommendation.state}, field="state",
                       rule="R9")
    last = snapshot(recommendation, (*_EDITABLE, "state"))
    subject = _subject(recommendation)
    # The creation row of a never-presented draft is the only history it has; the audit entry below keeps it.
    db.session.execute(delete(RecommendationHistory)
                       .where(RecommendationHistory.recommendation_id == recommendation.id))
    db.session.execute(delete(RecommendationEndorsement)
                       .where(RecommendationEndorsement.recommendation_id == recommendation.id))
    db.session.delete(recommendation)
    db.session.flush()
    record(db.session, actor, now, "recommendation.delete", subject, diff(last, {}))


def transition(recommendation: Recommendation, to: str, *, actor: Principal, now: datetime,
               decision_reference: str | None = None, decided_on: date | None = None,
               expected_state: str | None = None, submitted_on: date | None = None) -> Recommendation:
    """The one way a recommendation changes state: check the lifecycle (R9), write it, append the history.

    A submission needs the three parties' endorsements and carries its real date (`submitted_on`, today when
    not given) before the GRCM meeting; the audit entry's time says when it was entered.

    `expected_state` is what the client last saw: if the state moved meanwhile the answer is 409, not a
    move the client did not mean. A concurrent transition is caught by the version column, also as 409.
    """
    current = RecommendationState(recommendation.state)
    if expected_state is not None and expected_state != current:
        raise Conflict(N_("The recommendation is %(state)s now, not %(to)s; read it again."),
                       params={"state": current.value, "to": expected_state}, field="expected_state")
    target = RecommendationState(to)
    before = snapshot(recommendation, _DECISION)
    meeting = recommendation.grcm_meeting
    check_transition(current, target, has_grcm_meeting=recommendation.grcm_meeting_id is not None,
                     decision_reference=decision_reference, decided_on=decided_on,
                     grcm_starts_on=meeting.starts_at.date() if meeting else None, today=now.date())
    if target is RecommendationState.SUBMITTED:
        submitted_on = submitted_on or now.date()
        check_submission(endorsed_by=_endorsed_by(recommendation), submitted_on=submitted_on,
                         grcm_starts_on=meeting.starts_at.date() if meeting else None,
                         grcm_cancelled=meeting is not None and meeting.cancelled_at is not None,
                         today=now.date())
        recommendation.submitted_on = submitted_on
    elif submitted_on is not None:
        raise RuleViolation(N_("Only a submission carries submitted_on."), field="submitted_on", rule="R9")
    recommendation.state = target.value
    if target in (RecommendationState.APPROVED, RecommendationState.REJECTED):
        recommendation.decision_reference, recommendation.decided_on = decision_reference, decided_on
    recommendation.updated_at = now
    try:
        with db.session.begin_nested():
            db.session.flush()
    except StaleDataError:
        raise Conflict(N_("Another transition of this recommendation was recorded meanwhile; read it again."),
                       field="to") from None
    db.session.add(RecommendationHistory(recommendation_id=recommendation.id, from_state=current.value,
                                         to_state=target.value, actor=actor.label, at=now,
                                         decision_reference=decision_reference, decided_on=decided_on))
    db.session.flush()
    record(db.session, actor, now, "recommendation.transition", _subject(recommendation),
           diff(before, snapshot(recommendation, _DECISION)))
    return recommendation


def add_follow_up(recommendation: Recommendation, data: dict, *, actor: Principal, now: datetime) -> FollowUp:
    check_follow_up(RecommendationState(recommendation.state), data["reported_on"],
                    decided_on=recommendation.decided_on, today=now.date())
    follow_up = FollowUp(recommendation=recommendation, status=FollowUpStatus(data["status"]).value,
                         reported_on=data["reported_on"], evidence=data["evidence"],
                         evidence_url=data.get("evidence_url"), original_language=data.get("original_language"),
                         recorded_by=actor.label, recorded_at=now)
    db.session.add(follow_up)
    db.session.flush()
    record(db.session, actor, now, "recommendation.follow_up", _subject(recommendation),
           diff({}, {"follow_up_id": follow_up.id, **snapshot(follow_up, _FOLLOW_UP)}))
    return follow_up


def list_recommendations(*, grcm_meeting_id: int | None = None, state: str | None = None,
                         include_drafts: bool = True) -> list[Recommendation]:
    query = select(Recommendation).order_by(Recommendation.grcm_meeting_id, Recommendation.id)
    if grcm_meeting_id is not None:
        query = query.where(Recommendation.grcm_meeting_id == grcm_meeting_id)
    if state is not None:
        query = query.where(Recommendation.state == state)
    if not include_drafts:
        query = query.where(Recommendation.state != RecommendationState.DRAFT.value)
    return list(db.session.scalars(query))


def history(recommendation: Recommendation) -> list[RecommendationHistory]:
    return list(db.session.scalars(select(RecommendationHistory)
                                   .where(RecommendationHistory.recommendation_id == recommendation.id)
                                   .order_by(RecommendationHistory.id)))
