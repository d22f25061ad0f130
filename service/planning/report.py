"""The data of the `work_plan` document (R2, R12): subject = the work plan's id."""

from __future__ import annotations

from datetime import date
from typing import Any

from schemas.rendering import label
from service.common.i18n import N_
from service.errors import NotFound
from service.extensions import db
from service.planning.models import WorkPlan
from service.planning.rules import quarter_timeline


def work_plan_context(plan_id: int, language: str, today: date) -> dict[str, Any]:
    """WorkPlanContext without its `header` (a documents ContextBuilder: subject, language, today)."""
    plan = db.session.get(WorkPlan, plan_id)
    if plan is None:
        raise NotFound(N_("No work plan %(id)s."), params={"id": plan_id}, field="subject_id")
    return {
        "original_language": plan.original_language,  # every typed text of the plan (a hint, never rendered)
        "year": plan.year, "introduction": plan.introduction,
        "objectives": [{"code": o["code"], "text": o["text"]} for o in plan.objectives],
        "activities": [{"objective": a.objective, "title": a.description,
                        "responsible": label("party", a.responsible, language),
                        "timeline": quarter_timeline(a.starts_on, a.ends_on, language), "network": a.network,
                        "indicator": a.indicator, "progress": a.progress, "progress_note": a.progress_note,
                        "progress_on": a.progress_on} for a in plan.activities],
        "resources": [{"description": r.description, "source": r.source, "amount": r.amount,
                       "currency": r.currency, "status": r.status} for r in plan.resources],
    }
