"""The follow-up records' documents: each area builds its context; here they get their letterhead."""

from __future__ import annotations

from datetime import date
from typing import Any

from service.common.i18n import N_
from service.documents.contexts.common import ppt_country_on
from service.errors import NotFound
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.monitoring.report import monitoring_report_context
from service.planning.models import WorkPlan
from service.planning.report import work_plan_context
from service.ppt.feedback import ppt_feedback_context
from service.recommendations.report import recommendations_context


def _grcm_day(grcm_meeting_id: int) -> date:
    meeting = db.session.get(GrcmMeeting, grcm_meeting_id)
    if meeting is None:
        raise NotFound(N_("No GRCM meeting %(id)s."), field="subject_id", params={"id": grcm_meeting_id})
    return meeting.starts_at.date()


def _with_letterhead(context: dict[str, Any], day: date, language: str) -> dict[str, Any]:
    return {"header": {"ppt_country_name": ppt_country_on(day, language)}, **context}


def monitoring_report(grcm_meeting_id: int, language: str, today: date) -> dict[str, Any]:
    day = _grcm_day(grcm_meeting_id)
    return _with_letterhead(monitoring_report_context(grcm_meeting_id, language, today), day, language)


def recommendations(grcm_meeting_id: int, language: str, today: date) -> dict[str, Any]:
    day = _grcm_day(grcm_meeting_id)
    return _with_letterhead(recommendations_context(grcm_meeting_id, language, today), day, language)


def ppt_feedback(term_id: int, language: str, today: date) -> dict[str, Any]:
    # The letterhead shows the team as it is when the feedback is given: the outgoing (current) PPT.
    return _with_letterhead(ppt_feedback_context(term_id, language, today), today, language)


def work_plan(plan_id: int, language: str, today: date) -> dict[str, Any]:
    plan = db.session.get(WorkPlan, plan_id)
    if plan is None:
        raise NotFound(N_("No work plan %(id)s."), field="subject_id", params={"id": plan_id})
    day = today if today.year == plan.year else date(plan.year, 1, 1)
    return _with_letterhead(work_plan_context(plan_id, language, today), day, language)

