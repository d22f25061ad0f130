"""Secretariat pages for the annual work plan (R2, R12): objectives, activities and resources as row groups."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from schemas.planning import WorkPlanSchema, WorkPlanUpdateSchema
from service.http import check_if_match, etag_for
from service.planning.models import WorkPlan
from service.planning.operations import create_work_plan, list_work_plans, totals, update_work_plan
from service.web import documents_port, list_facets
from service.web.blueprints import web
from service.web.common import attempt, get_or_404, now, today
from service.web.followup_forms import (
    WORK_PLAN_ROWS,
    choices,
    row_button,
    submitted_rows,
    work_plan_payload,
    work_plan_values,
)
from service.web.forms import FieldErrors, read_rows, with_blank_rows
from service.web.labels import ISSUE_STATES
from service.web.listing import list_page
from service.web.once import attempt_once
from service.web.signin import current_principal, requires_party
from service.web.views_records import record_history

Page = Response | tuple[str, int] | str
KIND = "work-plan"  # the API's ETag kind


@web.get("/work-plans")
@requires_party
def work_plans() -> Page:
    found = [(plan, totals(plan)) for plan in list_work_plans()]
    listing = list_page(found, list_facets.work_plans(documents_port.issued_subject_ids("work_plan"),
                                                    documents_port.references_by_subject("work_plan")),
                        states=ISSUE_STATES)
    return render_template("planning/list.html", plans=listing.rows, listing=listing), listing.status


def _form(plan: WorkPlan | None, values: dict, rows: dict, errors: FieldErrors, etag: str | None,
          status: int = 200) -> tuple[str, int]:
    return render_template("planning/form.html", plan=plan, values=values, rows=rows, errors=errors, etag=etag,
                           **choices()), status


@web.route("/work-plans/new", methods=["GET", "POST"])
@requires_party
def work_plan_new() -> Page:
    if request.method == "GET":
        return _form(None, {"year": str(today().year + 1)}, with_blank_rows(
            {group: [] for group in WORK_PLAN_ROWS}, 2, WORK_PLAN_ROWS), FieldErrors(), None)
    form, rows = request.form, read_rows(request.form, WORK_PLAN_ROWS)
    if row_button(form, rows, WORK_PLAN_ROWS):
        return _form(None, form.to_dict(), rows, FieldErrors(), None)
    rows = submitted_rows(form, WORK_PLAN_ROWS)
    created, errors = attempt_once(lambda: create_work_plan(
        WorkPlanSchema().load(work_plan_payload(form, rows, with_year=True)), actor=current_principal(), now=now()),
        lambda plan: url_for("web.work_plan", plan_id=plan.id))
    if errors:
        return _form(None, form.to_dict(), with_blank_rows(rows, 1, WORK_PLAN_ROWS), errors, None, 422)
    flash(_("Work plan %(year)s saved.", year=created.year), "success")
    return redirect(url_for("web.work_plan", plan_id=created.id))


@web.get("/work-plans/<int:plan_id>")
@requires_party
def work_plan(plan_id: int) -> str:
    """The plan read-only: activities with their progress, resources and totals, its documents, its History."""
    plan = get_or_404(WorkPlan, plan_id)
    return render_template("planning/record.html", plan=plan, totals=totals(plan),
                           networks=dict(choices()["network_options"]), kind="work_plan", subject_id=plan.id,
                           issue_ready=True,
                           documents=documents_port.issued_documents(kind="work_plan", subject_id=plan.id),
                           history=record_history("work_plan", plan.id))


@web.post("/work-plans/<int:plan_id>")
def work_plan_post(plan_id: int) -> Response:
    """The edit form used to answer here: a form still posting to this address reaches it, body and all."""
    return redirect(url_for("web.work_plan_edit", plan_id=plan_id), code=307)


@web.route("/work-plans/<int:plan_id>/edit", methods=["GET", "POST"])
@requires_party
def work_plan_edit(plan_id: int) -> Page:
    plan = get_or_404(WorkPlan, plan_id)
    if request.method == "GET":
        values, rows = work_plan_values(plan)
        return _form(plan, values, with_blank_rows(rows, 2, WORK_PLAN_ROWS), FieldErrors(),
                     etag_for(KIND, plan.id, plan.version))
    form, rows = request.form, read_rows(request.form, WORK_PLAN_ROWS)
    offered = form.get("etag") or None
    values = form.to_dict() | {"year": str(plan.year)}
    if row_button(form, rows, WORK_PLAN_ROWS):
        return _form(plan, values, rows, FieldErrors(), offered)
    rows = submitted_rows(form, WORK_PLAN_ROWS)

    def save() -> WorkPlan:
        check_if_match(offered, KIND, plan.id, plan.version)
        return update_work_plan(plan, WorkPlanUpdateSchema().load(work_plan_payload(form, rows, with_year=False)),
                                actor=current_principal(), now=now())

    _saved, errors = attempt(save)
    if errors:
        return _form(plan, values, with_blank_rows(rows, 1, WORK_PLAN_ROWS), errors, offered,
                     errors.status)
    flash(_("Work plan %(year)s saved.", year=plan.year), "success")
    return redirect(url_for("web.work_plan", plan_id=plan.id))
