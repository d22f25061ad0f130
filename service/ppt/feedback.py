"""PPT feedback (R11): save the whole record for a term; warnings, not refusals, when it comes late.
Operations flush and record who did it in the audit log (under the PPT term); the caller commits."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from schemas.rendering import label
from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
from service.common.i18n import N_
from service.errors import NotFound, RuleViolation
from service.extensions import db
from service.meetings.models import Meeting
from service.ppt.feedback_models import PptFeedback
from service.ppt.feedback_rules import check_discussion_meeting, check_received_dates, feedback_warnings
from service.ppt.models import PptTerm
from service.ppt.rules import check_own_term
from service.reference.models import Country
from service.reference.operations import network_codes


def feedback_for(term: PptTerm) -> PptFeedback | None:
    return db.session.scalar(select(PptFeedback).where(PptFeedback.ppt_term_id == term.id))


def warnings_for(feedback: PptFeedback, term: PptTerm) -> list[str]:
    return feedback_warnings(recorded_on=feedback.updated_at.date(), term_starts_on=term.starts_on,
                             concept_note_received_on=feedback.concept_note_received_on,
                             work_plan_received_on=feedback.work_plan_received_on)


_AUDITED = ("concept_note_received_on", "work_plan_received_on", "meeting_on", "meeting_id", "summary", "items",
            "joint_actions", "original_language")


def _discussion_meeting(term: PptTerm, data: dict) -> None:
    """Tie the feedback to the pre-PPT meeting where it is discussed (R11 with R6); its day becomes meeting_on."""
    meeting_id = data.get("meeting_id")
    if meeting_id is None:
        return
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None:
        raise RuleViolation(N_("Meeting %(id)s does not exist."), params={"id": meeting_id}, field="meeting_id")
    for field, message in check_discussion_meeting(
            term_id=term.id, meeting_kind=meeting.kind, meeting_term_id=meeting.ppt_term_id,
            meeting_status=meeting.status, meeting_day=meeting.starts_at.date(), meeting_on=data.get("meeting_on")):
        raise RuleViolation(message, field=field, rule="R11", params={"date": meeting.starts_at.date().isoformat()})
    data["meeting_on"] = meeting.starts_at.date()


def save_feedback(term: PptTerm, data: dict, *, actor: Principal, now: datetime) -> tuple[PptFeedback, list[str]]:
    """Replace the term's feedback with what was submitted; returns it with the R11 warnings. A PPT writes only
    the feedback round of its own country's term (as incoming PPT); the secretariats write every term's."""
    check_own_term(actor.party, actor.ppt_country, term.as_term())
    for field, message in check_received_dates(concept_note_received_on=data.get("concept_note_received_on"),
                                               work_plan_received_on=data.get("work_plan_received_on"),
                                               today=now.date()):
        raise RuleViolation(message, field=field)
    _discussion_meeting(term, data)
    networks = network_codes()
    for index, action in enumerate(data.get("joint_actions", [])):
        if action.get("network") is not None and action["network"] not in networks:
            raise RuleViolation(N_("Unknown network %(code)r."), params={"code": action["network"]},
                                field=f"joint_actions.{index}.network")
    existing = feedback_for(term)
    before = snapshot(existing, _AUDITED) if existing else {}
    feedback = existing or PptFeedback(ppt_term_id=term.id)
    for name in ("concept_note_received_on", "work_plan_received_on", "meeting_on", "meeting_id", "summary",
                 "original_language"):
        setattr(feedback, name, data.get(name))
    feedback.items = [{"section": i["section"], "document": i.get("document"), "comment": i["comment"]}
                      for i in data.get("items", [])]
    feedback.joint_actions = [{"action": a["action"], "responsible": a["responsible"],
                               "timeline": a.get("timeline"), "network": a.get("network")}
                              for a in data.get("joint_actions", [])]
    feedback.recorded_by, feedback.updated_at = actor.label, now
    db.session.add(feedback)
    db.session.flush()
    record(db.session, actor, now, "ppt_feedback.update" if existing else "ppt_feedback.create",
           Subject("ppt_term", term.id), diff(before, snapshot(feedback, _AUDITED)))
    return feedback, warnings_for(feedback, term)


def ppt_feedback_context(term_id: int, language: str, today: date) -> dict[str, Any]:
    """PptFeedbackContext without its `header` (a documents ContextBuilder: subject = the PPT term)."""
    term = db.session.get(PptTerm, term_id)
    feedback = feedback_for(term) if term else None
    if feedback is None:
        raise NotFound(N_("No feedback recorded for PPT term %(id)s."), params={"id": term_id}, field="subject_id")
    country = db.session.scalar(select(Country).where(Country.code == term.country))
    return {
        "original_language": feedback.original_language,  # every typed text (a hint, never rendered)
        "term": {"country_name": country.name(language), "starts_on": term.starts_on, "ends_on": term.ends_on},
        "concept_note_received_on": feedback.concept_note_received_on,
        "work_plan_received_on": feedback.work_plan_received_on, "meeting_on": feedback.meeting_on,
        "summary": feedback.summary,
        "feedback_items": [{"section": i["section"], "document": i.get("document"), "text": i["comment"]}
                           for i in feedback.items],
        "joint_actions": [{"action": a["action"], "responsible": label("party", a["responsible"], language),
                           "timeline": a.get("timeline"), "network": a.get("network")}
                          for a in feedback.joint_actions],
    }
