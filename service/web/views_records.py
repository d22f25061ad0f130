"""Read-only pages of one record, "like an event page": a meeting, a GRCM meeting, a PPT term (issue 14), with
its History (issue 11). Editing lives on `…/edit`; the actions these pages offer post to their own routes and
come back here.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.wrappers import Response

from service.accounts.models import UserAccount
from service.audit.operations import MAX_LIMIT, entries
from service.audit.rules import Subject
from service.documents.annexes import current_concept_note
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.http import check_if_match, etag_for
from service.meetings.models import Meeting
from service.meetings.operations import update_meeting
from service.meetings.rules import MeetingKind, needs_three_consents, pre_ppt_meeting_deadline
from service.ppt.feedback import feedback_for
from service.ppt.models import PptTerm
from service.recommendations.operations import list_recommendations
from service.reference.models import Country
from service.web import documents_port, feeds_port
from service.web.blueprints import web
from service.web.common import attempt, flash_errors, get_or_404, now
from service.web.history import EntryFacts, HistoryRow, history_rows
from service.web.i18n import current_language
from service.web.people import account_names
from service.web.signin import current_principal, requires_party, requires_reader

GRCM_KINDS = ("recommendations", "monitoring_report", "dossier")


def record_history(kind: str, ident: int) -> list[HistoryRow]:
    """The record's audit entries as History rows, people named by their account's name."""
    found = entries(db.session, subject=Subject(kind, ident), limit=MAX_LIMIT)
    ids = {e.actor_user_id for e in found if e.actor_user_id is not None}
    names = {u.id: u.name for u in db.session.scalars(select(UserAccount).where(UserAccount.id.in_(ids)))
             if u.name} if ids else {}
    return history_rows([EntryFacts(at=e.at, action=e.action, changes=e.changes or {}, party=e.actor_party,
                                    country=e.actor_country, user_id=e.actor_user_id, user_email=e.actor_user_email,
                                    system=e.actor_system) for e in found], names, account_names())


@web.get("/meetings/<int:meeting_id>")
@requires_party
def meeting(meeting_id: int) -> str:
    found = get_or_404(Meeting, meeting_id)
    return render_template(
        "meetings/record.html", meeting=found, consent_records={r.party: r for r in found.consent_records},
        needs_consents=needs_three_consents(found.as_draft()), current_party=current_principal().party,
        ended=found.ends_at_utc <= now(), etag=etag_for("meeting", found.id, found.sequence),
        documents=documents_port.issued_documents(kind="minutes", subject_id=found.id),
        history=record_history("meeting", found.id))


@web.post("/meetings/<int:meeting_id>")
def meeting_post(meeting_id: int) -> Response:
    """The edit form used to answer here: a form still posting to this address reaches it, body and all."""
    return redirect(url_for("web.meeting_edit", meeting_id=meeting_id), code=307)


@web.get("/meetings/<int:meeting_id>/calendar.ics")
@requires_reader  # meetings are shared with the member countries, like the feed
def meeting_calendar(meeting_id: int) -> Response:
    return feeds_port.meeting_ics(get_or_404(Meeting, meeting_id), current_language())


@web.post("/meetings/<int:meeting_id>/held")
@requires_party
def meeting_held(meeting_id: int) -> Response:
    """Mark a meeting that has ended as held (the rules refuse it before its end or without the consents)."""
    found = get_or_404(Meeting, meeting_id)
    offered = request.form.get("etag") or None

    def hold() -> Meeting:
        check_if_match(offered, "meeting", found.id, found.sequence)
        return update_meeting(found, {"status": "held"}, actor=current_principal(), now=now())

    _done, errors = attempt(hold)
    flash_errors(errors)
    if not errors:
        flash(_("The meeting is marked as held: its minutes can now be approved and issued."), "success")
    return redirect(url_for("web.meeting", meeting_id=meeting_id))


@web.get("/grcm-meetings/<int:grcm_id>")
@requires_party
def grcm_meeting(grcm_id: int) -> str:
    grcm = get_or_404(GrcmMeeting, grcm_id)
    issued = {kind: documents_port.issued_documents(kind=kind, subject_id=grcm.id) for kind in GRCM_KINDS}
    report = [d for d in issued["monitoring_report"] if d.state == "current"]
    return render_template("grcm/record.html", grcm=grcm, kinds=GRCM_KINDS, issued=issued, report=report,
                           recommendations=list_recommendations(grcm_meeting_id=grcm.id),
                           history=record_history("grcm", grcm.id))


@web.post("/grcm-meetings/<int:grcm_id>")
def grcm_meeting_post(grcm_id: int) -> Response:
    return redirect(url_for("web.grcm_meeting_edit", grcm_id=grcm_id), code=307)


@web.get("/ppt-terms/<int:term_id>")
@requires_party
def ppt_term(term_id: int) -> str:
    term = get_or_404(PptTerm, term_id)
    country = db.session.scalar(select(Country).where(Country.code == term.country))
    meetings = db.session.scalars(select(Meeting).where(Meeting.ppt_term_id == term.id)
                                  .order_by(Meeting.starts_at_utc)).all()
    return render_template(
        "ppt_terms/record.html", term=term, country_name=country.name(current_language()) if country else term.country,
        deadline=pre_ppt_meeting_deadline(term.starts_on), feedback=feedback_for(term),
        pre_ppt=[m for m in meetings if m.kind == MeetingKind.PRE_PPT.value and m.status != "cancelled"],
        meetings=meetings, concept_note=current_concept_note(term.id),
        documents=documents_port.issued_documents(kind="ppt_feedback", subject_id=term.id),
        history=record_history("ppt_term", term.id))
