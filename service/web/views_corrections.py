"""Corrections on the pages, each behind a confirmation page: withdraw an issued document (with a reason),
cancel a GRCM meeting or a CRM event. The same schemas and operations as the API; refusals name the rule or the
records that depend on it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from schemas.corrections import CancelSchema, WithdrawSchema
from service.adapters import services
from service.documents.distribution import deliver_withdrawal_notices
from service.documents.models import IssuedDocument
from service.documents.withdrawal import withdraw_document
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.grcm.operations import cancel_grcm_meeting
from service.participation.models import CrmEvent
from service.participation.operations import cancel_event
from service.web.blueprints import web
from service.web.common import attempt, get_or_404, now
from service.web.confirm import Consequence, confirm_page
from service.web.forms import FieldErrors
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
        values, status = request.form.to_dict(), 409 if errors.get("_stale") else 422
    else:
        values, errors, status = {}, FieldErrors(), 200
    return confirm_page(heading=heading, subject=subject, explanation=explanation, confirm_label=confirm_label,
                        back=back, consequences=consequences, ask_reason=True, reason_required=reason_required,
                        values=values, errors=errors, status=status)


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
