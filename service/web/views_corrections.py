"""Corrections on the pages, each behind a confirmation page: withdraw an issued document (with a reason),
cancel a GRCM meeting or a CRM event, delete what was entered by mistake. The same schemas and operations as the
API; refusals name the rule or the records that depend on it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response

from schemas.corrections import CancelSchema, WithdrawSchema
from service.adapters import services
from service.documents.distribution import deliver_withdrawal_notices
from service.documents.models import Distribution, IssuedDocument
from service.documents.withdrawal import withdraw_document
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.grcm.operations import cancel_grcm_meeting
from service.monitoring.models import Instrument
from service.monitoring.operations import delete_instrument
from service.participation.models import CrmEvent
from service.participation.operations import cancel_event, delete_event
from service.planning.models import WorkPlan
from service.planning.operations import delete_work_plan
from service.recommendations.models import Recommendation
from service.recommendations.operations import delete_draft
from service.reference.models import Country
from service.web.blueprints import web
from service.web.common import attempt, get_or_404, now
from service.web.confirm import Consequence, confirm_page
from service.web.forms import FieldErrors
from service.web.i18n import current_language
from service.web.signin import current_principal, requires_party

Page = Response | tuple[str, int] | str


def _confirm(*, heading: str, subject: str, explanation: str, confirm_label: str, back: str,
             reason_required: bool, act: Callable[[dict], object], done: str,
             consequences: Sequence[Consequence] = ()) -> Page:
    """GET: the confirmation page (with a reason: required or optional); POST: the action, then back."""
    if request.method == "POST":
        schema = WithdrawSchema() if reason_required else CancelSchema()
        _result, errors = attempt(lambda: act(schema.load({"reason": request.form.get("reason") or None})))
        if not errors:
            flash(done, "success")
            return redirect(back)
        values, status = request.form.to_dict(), errors.status
    else:
        values, errors, status = {}, FieldErrors(), 200
    return confirm_page(heading=heading, subject=subject, explanation=explanation, confirm_label=confirm_label,
                        back=back, consequences=consequences, ask_reason=True, reason_required=reason_required,
                        values=values, errors=errors, status=status)


def _withdrawal_consequences(document: IssuedDocument) -> list[Consequence]:
    """Who hears of the withdrawal (the countries it was sent to) and whose pending delivery stops."""
    language = current_language()
    names = {c.code: f"{c.code} · {c.name(language)}" for c in db.session.scalars(select(Country))}
    deliveries = db.session.scalars(select(Distribution).where(Distribution.document_id == document.id)
                                    .order_by(Distribution.country)).all()
    told = [names.get(d.country, d.country) for d in deliveries if d.status == "sent"]
    stopped = [names.get(d.country, d.country) for d in deliveries if d.status in ("pending", "failed")]
    found: list[Consequence] = [_("The portal shows it as withdrawn, with the reason.")]
    if told:
        found.append((_("These %(count)s member countries received it and get a notice of the withdrawal:",
                        count=len(told)), told))
    else:
        found.append(_("No member country has received it yet: no notice is sent."))
    if stopped:
        found.append((_("Its delivery to these countries stops:"), stopped))
    return found


@web.route("/documents/<int:document_id>/withdraw", methods=["GET", "POST"])
@requires_party
def document_withdraw(document_id: int) -> Page:
    document = get_or_404(IssuedDocument, document_id)

    def withdraw(data: dict) -> IssuedDocument:
        return withdraw_document(document, data["reason"], actor=current_principal(), now=now())

    page = _confirm(
        heading=_("Withdraw an issued document"), subject=f"{document.title} — {document.reference} "
        f"v{document.version} ({document.language})",
        explanation=_("The document stays in the register with its PDF, marked withdrawn with the reason; every "
                      "member country that received it is told."),
        consequences=_withdrawal_consequences(document),
        confirm_label=_("Withdraw the document"), back=url_for("web.documents"), reason_required=True,
        act=withdraw, done=_("The document was withdrawn; the countries that received it are being told."))
    if request.method == "POST" and document.withdrawn_at is not None and isinstance(page, Response):
        deliver_withdrawal_notices(mailer=services().mailer, now=now(), portal_url=request.url_root + "portal",
                                   document_id=document.id)
        db.session.commit()
    return page


@web.route("/grcm-meetings/<int:grcm_id>/cancel", methods=["GET", "POST"])
@requires_party
def grcm_meeting_cancel(grcm_id: int) -> Page:
    meeting = get_or_404(GrcmMeeting, grcm_id)
    return _confirm(
        heading=_("Cancel a GRCM meeting"), subject=meeting.title,
        explanation=_("The meeting stays on record, marked cancelled. Recommendations presented at it or documents "
                      "issued for it must be moved or withdrawn first."),
        confirm_label=_("Cancel the GRCM meeting"), back=url_for("web.grcm_meetings"), reason_required=False,
        act=lambda data: cancel_grcm_meeting(meeting, data["reason"], actor=current_principal(), now=now()),
        done=_("The GRCM meeting was cancelled."))


@web.route("/crm-events/<int:event_id>/cancel", methods=["GET", "POST"])
@requires_party
def crm_event_cancel(event_id: int) -> Page:
    event = get_or_404(CrmEvent, event_id)
    return _confirm(
        heading=_("Cancel a CRM event"), subject=event.title,
        explanation=_("The event stays on record, marked cancelled, with the reason."),
        confirm_label=_("Cancel the event"), back=url_for("web.crm_events"), reason_required=False,
        act=lambda data: cancel_event(event, data["reason"], actor=current_principal(), now=now()),
        done=_("The CRM event was cancelled."))


# Deleting what was entered by mistake (issue 11): behind the same confirmation; what stays on record is refused
# by the operation, and the page says why.

def _delete(*, heading: str, subject: str, consequences: Sequence[Consequence], confirm_label: str, back: str,
            done_url: str, act: Callable[[], object], done: str, blocked_by: str | None = None) -> Page:
    if request.method == "POST" and blocked_by is None:
        _result, errors = attempt(act)
        if not errors:
            flash(done, "success")
            return redirect(done_url)
        status = 409
    else:
        errors, status = FieldErrors(), 200
    return confirm_page(heading=heading, subject=subject, consequences=consequences, confirm_label=confirm_label,
                        back=back, warnings=[blocked_by] if blocked_by else [], blocked=blocked_by is not None,
                        errors=errors, status=status)


@web.route("/recommendations/<int:recommendation_id>/delete", methods=["GET", "POST"])
@requires_party
def recommendation_delete(recommendation_id: int) -> Page:
    recommendation = get_or_404(Recommendation, recommendation_id)
    return _delete(
        heading=_("Delete a draft recommendation"), subject=recommendation.title,
        consequences=[_("The draft disappears from the lists, with its endorsements."),
                      _("The record's history (audit log) keeps what it said, who deleted it and when.")],
        blocked_by=None if recommendation.state == "draft" else _(
            "It was presented to the GRCM, so it stays on record; only drafts are deleted."),
        confirm_label=_("Yes, delete the draft"),
        back=url_for("web.recommendation", recommendation_id=recommendation.id),
        done_url=url_for("web.recommendations"),
        act=lambda: delete_draft(recommendation, actor=current_principal(), now=now()),
        done=_("The draft recommendation was deleted."))


@web.route("/work-plans/<int:plan_id>/delete", methods=["GET", "POST"])
@requires_party
def work_plan_delete(plan_id: int) -> Page:
    plan = get_or_404(WorkPlan, plan_id)
    return _delete(
        heading=_("Delete a work plan"), subject=_("Work plan %(year)s", year=plan.year),
        consequences=[_("The work plan is deleted with its objectives, activities and resources."),
                      _("The record's history (audit log) keeps what it said, who deleted it and when."),
                      _("An issued work plan stays on record: then nothing is deleted.")],
        confirm_label=_("Yes, delete the work plan"), back=url_for("web.work_plan", plan_id=plan.id),
        done_url=url_for("web.work_plans"),
        act=lambda: delete_work_plan(plan, actor=current_principal(), now=now()),
        done=_("The work plan was deleted."))


@web.route("/monitoring/instruments/<int:instrument_id>/delete", methods=["GET", "POST"])
@requires_party
def instrument_delete(instrument_id: int) -> Page:
    instrument = get_or_404(Instrument, instrument_id)
    return _delete(
        heading=_("Delete an instrument"), subject=instrument.title_es,
        consequences=[_("The instrument disappears from the register and from future monitoring reports."),
                      _("The record's history (audit log) keeps what it said, who deleted it and when."),
                      _("An instrument with monitoring entries, or listed in an issued report, stays on record: "
                        "then nothing is deleted.")],
        blocked_by=_("It has %(count)s monitoring entries, so it stays on record.", count=len(instrument.entries))
        if instrument.entries else None,
        confirm_label=_("Yes, delete the instrument"),
        back=url_for("web.instrument", instrument_id=instrument.id), done_url=url_for("web.instruments"),
        act=lambda: delete_instrument(instrument, actor=current_principal(), now=now()),
        done=_("The instrument was deleted."))


@web.route("/crm-events/<int:event_id>/delete", methods=["GET", "POST"])
@requires_party
def crm_event_delete(event_id: int) -> Page:
    event = get_or_404(CrmEvent, event_id)
    return _delete(
        heading=_("Delete a CRM event"), subject=event.title,
        consequences=[_("The event disappears from the lists and the calendars."),
                      _("The record's history (audit log) keeps what it said, who deleted it and when."),
                      _("An event already reported in issued documents stays on record: cancel it instead.")],
        confirm_label=_("Yes, delete the event"), back=url_for("web.crm_event_edit", event_id=event.id),
        done_url=url_for("web.crm_events"),
        act=lambda: delete_event(event, actor=current_principal(), now=now()),
        done=_("The CRM event was deleted."))
