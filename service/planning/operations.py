"""The annual work plan (R2, R12). Operations flush; the caller commits.

A plan is edited as a whole document (like minutes): objectives, activities and resources given in a change
replace the stored ones. Resources keep their identity through their `id`, so a change of status is checked
against the allowed moves (identified → committed → secured).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from service.audit.operations import record
from service.audit.rules import Subject, diff, jsonable, snapshot
from service.auth.principals import Principal
from service.common.i18n import N_
from service.documents.queries import documents_issued_for
from service.errors import Conflict, RuleViolation
from service.extensions import db
from service.planning.models import WorkPlan, WorkPlanActivity, WorkPlanResource
from service.planning.rules import (
    ActivityProgress,
    ResourceAmount,
    ResourceStatus,
    check_activity,
    check_objectives,
    check_progress,
    check_resource_move,
    resource_totals,
)
from service.reference.operations import network_codes

_ACTIVITY = ("objective", "description", "responsible", "starts_on", "ends_on", "network", "indicator",
             "progress", "progress_note", "progress_on")


def _activities(plan: WorkPlan, items: list[dict], today: date) -> list[WorkPlanActivity]:
    codes = {o["code"] for o in plan.objectives}
    networks = network_codes()
    built = []
    for index, item in enumerate(items):
        check_activity(index, year=plan.year, objective=item.get("objective"), objective_codes=codes,
                       starts_on=item["starts_on"], ends_on=item["ends_on"])
        progress = ActivityProgress(item.get("progress") or ActivityProgress.NOT_STARTED.value)
        check_progress(index, progress=progress, progress_on=item.get("progress_on"), today=today)
        if item.get("network") is not None and item["network"] not in networks:
            raise RuleViolation(N_("Unknown network %(code)r."), params={"code": item["network"]},
                                field=f"activities.{index}.network")
        built.append(WorkPlanActivity(position=index, objective=item.get("objective"),
                                      description=item["description"], responsible=item["responsible"],
                                      starts_on=item["starts_on"], ends_on=item["ends_on"],
                                      network=item.get("network"), indicator=item.get("indicator"),
                                      progress=progress.value, progress_note=item.get("progress_note"),
                                      progress_on=item.get("progress_on")))
    return built


def _resources(plan: WorkPlan, items: list[dict]) -> list[WorkPlanResource]:
    stored = {r.id: r for r in plan.resources}
    kept = []
    for index, item in enumerate(items):
        resource = WorkPlanResource()
        if item.get("id") is not None:
            resource = stored.get(item["id"])
            if resource is None:
                raise RuleViolation(N_("This plan has no resource %(id)s."), params={"id": item["id"]},
                                    field=f"resources.{index}.id")
            check_resource_move(ResourceStatus(resource.status), ResourceStatus(item["status"]),
                                field=f"resources.{index}.status")
        resource.position = index
        for name in ("description", "source", "amount", "currency", "status"):
            setattr(resource, name, item[name])
        kept.append(resource)
    return kept


def _apply(plan: WorkPlan, values: dict, now: datetime) -> WorkPlan:
    # No autoflush: a half-checked plan must not reach the database (nor bump its version).
    with db.session.no_autoflush:
        for name in ("introduction", "original_language"):
            if name in values:
                setattr(plan, name, values[name])
        if "objectives" in values:
            check_objectives([o["code"] for o in values["objectives"]])
            plan.objectives = [{"code": o["code"], "text": o["text"]} for o in values["objectives"]]
        if "activities" in values or "objectives" in values:
            items = values.get("activities")
            if items is None:  # objectives changed: the stored activities must still point at one
                items = [{c: getattr(a, c) for c in _ACTIVITY} for a in plan.activities]
            plan.activities = _activities(plan, items, now.date())
        if "resources" in values:
            plan.resources = _resources(plan, values["resources"])
        plan.updated_at = now
        flag_modified(plan, "objectives")  # the plan's version moves with any change of its parts
        db.session.add(plan)
    db.session.flush()
    return plan


def _plan_snapshot(plan: WorkPlan) -> dict:
    """The plan as plain values, its activities and resources included (they live in their own tables)."""
    activities = [{c: getattr(a, c) for c in _ACTIVITY} for a in plan.activities]
    resources = [{c: getattr(r, c) for c in ("description", "source", "amount", "currency", "status")}
                 for r in plan.resources]
    return {**snapshot(plan, ("year", "introduction", "objectives", "original_language")),
            "activities": jsonable(activities), "resources": jsonable(resources)}


def create_work_plan(data: dict, *, actor: Principal, now: datetime) -> WorkPlan:
    if db.session.scalar(select(WorkPlan.id).where(WorkPlan.year == data["year"])) is not None:
        raise Conflict(N_("There is already a work plan for %(year)s; edit it instead."), params={"year": data["year"]},
                       field="year")
    plan = WorkPlan(year=data["year"], objectives=[], created_at=now)
    _apply(plan, {"objectives": [], "activities": [], "resources": [], **data}, now)
    record(db.session, actor, now, "work_plan.create", Subject("work_plan", plan.id), diff({}, _plan_snapshot(plan)))
    return plan


def update_work_plan(plan: WorkPlan, changes: dict, *, actor: Principal, now: datetime) -> WorkPlan:
    before = _plan_snapshot(plan)
    _apply(plan, {k: v for k, v in changes.items() if k != "year"}, now)
    record(db.session, actor, now, "work_plan.update", Subject("work_plan", plan.id),
           diff(before, _plan_snapshot(plan)))
    return plan


def delete_work_plan(plan: WorkPlan, *, actor: Principal, now: datetime) -> None:
    """A plan entered by mistake goes (with its activities and resources); an issued one stays (409)."""
    issued = documents_issued_for(("work_plan",), [plan.id])
    if issued:
        raise Conflict(N_("The work plan was issued (%(documents)s); it stays on record."),
                       params={"documents": ", ".join(f"document:{d.id}" for d in issued)}, field="id")
    last, subject = _plan_snapshot(plan), Subject("work_plan", plan.id)
    db.session.delete(plan)
    db.session.flush()
    record(db.session, actor, now, "work_plan.delete", subject, diff(last, {}))


def totals(plan: WorkPlan) -> list[dict]:
    return resource_totals(ResourceAmount(r.currency, ResourceStatus(r.status), r.amount) for r in plan.resources)


def list_work_plans(year: int | None = None) -> list[WorkPlan]:
    query = select(WorkPlan).order_by(WorkPlan.year)
    if year is not None:
        query = query.where(WorkPlan.year == year)
    return list(db.session.scalars(query))
