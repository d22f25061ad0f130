"""The annual work plan over HTTP (R2, R12).

Who may do what: the three parties read and write. The plan reaches member countries as an issued document,
so the working record is team-only (403 for a country).
"""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.planning import WorkPlanQuerySchema, WorkPlanSchema, WorkPlanUpdateSchema
from service.adapters import services
from service.auth.http import current_principal, requires_team, requires_writer
from service.extensions import db
from service.http import etag_header, find_or_404, require_if_match
from service.planning.models import WorkPlan
from service.planning.operations import (
    create_work_plan,
    delete_work_plan,
    list_work_plans,
    totals,
    update_work_plan,
)
from service.planning.rules import quarter_timeline

blp = Blueprint("work_plans", __name__, url_prefix="/api/v1/work-plans",
                description="The team's annual work plan with resources (R2)")
KIND = "work-plan"


def dump(plan: WorkPlan) -> dict:
    return {
        "id": plan.id, "year": plan.year, "original_language": plan.original_language,
        "introduction": plan.introduction, "objectives": plan.objectives,
        "activities": [{"id": a.id, "objective": a.objective, "description": a.description,
                        "responsible": a.responsible, "starts_on": a.starts_on, "ends_on": a.ends_on,
                        "timeline": quarter_timeline(a.starts_on, a.ends_on), "network": a.network,
                        "indicator": a.indicator, "progress": a.progress, "progress_note": a.progress_note,
                        "progress_on": a.progress_on} for a in plan.activities],
        "resources": plan.resources, "totals": totals(plan), "version": plan.version,
    }


def get_or_404(plan_id: int) -> WorkPlan:
    return find_or_404(WorkPlan, plan_id, "work plan")


@blp.route("")
class WorkPlans(MethodView):
    @requires_team
    @blp.arguments(WorkPlanQuerySchema, location="query")
    @blp.response(200, WorkPlanSchema(many=True))
    def get(self, args):
        return [dump(plan) for plan in list_work_plans(args["year"])]

    @requires_writer
    @blp.arguments(WorkPlanSchema)
    @blp.response(201, WorkPlanSchema)
    def post(self, data):
        plan = create_work_plan(data, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return dump(plan), etag_header(KIND, plan.id, plan.version)


@blp.route("/<int:plan_id>")
class WorkPlanItem(MethodView):
    @requires_team
    @blp.response(200, WorkPlanSchema)
    def get(self, plan_id):
        plan = get_or_404(plan_id)
        return dump(plan), etag_header(KIND, plan.id, plan.version)

    @requires_writer
    @blp.arguments(WorkPlanUpdateSchema(partial=True))
    @blp.response(200, WorkPlanSchema)
    def patch(self, changes, plan_id):
        plan = get_or_404(plan_id)
        require_if_match(KIND, plan.id, plan.version)
        update_work_plan(plan, changes, actor=current_principal(), now=services().clock.now())
        db.session.commit()
        return dump(plan), etag_header(KIND, plan.id, plan.version)

    @requires_writer
    @blp.response(204)
    def delete(self, plan_id):
        """Delete a plan entered by mistake, unless it was issued as a document (409)."""
        delete_work_plan(get_or_404(plan_id), actor=current_principal(), now=services().clock.now())
        db.session.commit()
